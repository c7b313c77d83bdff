"""Copy groups: copies of one report are grouped, in one language; other reports, even on the same day, are not."""

from __future__ import annotations

import json

from sqlalchemy import select, update

from silkwatch.dedup import assign_copies, signature
from silkwatch.pipeline import ingest
from silkwatch.query import copy_of, story_of
from silkwatch.records import Document
from silkwatch.store.schema import stories as stories_table

WIRE = ("Chinese and Kazakh officials opened a new freight terminal at the Khorgos border crossing on Monday, "
        "saying it would handle twice as many containers as the old yard and cut waiting times for trucks "
        "carrying fruit, machinery and textiles between the two countries by several days each week.")
REWRITE = ("Officials from China and Kazakhstan opened a new freight terminal at the Khorgos border crossing on Monday, "
           "saying it would handle twice as many containers as the old yard and cut waiting times for trucks "
           "carrying fruit, machinery and textiles between the two countries by several days each week, reports said.")
OTHER = ("Uzbekistan's parliament approved a new budget on Monday that raises spending on schools and hospitals "
         "in the Fergana valley and sets aside funds for irrigation canals in the south of the country.")


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_similar_texts_have_close_signatures():
    assert signature(WIRE).jaccard(signature(REWRITE)) > 0.5
    assert signature(WIRE).jaccard(signature(OTHER)) < 0.1


def test_a_rewritten_copy_joins_the_story_and_another_report_the_same_day_does_not(store, profile, nlp, tmp_path):
    batch = tmp_path / "a.jsonl"
    _write(batch, [{"id": "wire", "published": "2024-03-04", "text": WIRE}, {"id": "other", "published": "2024-03-04", "text": OTHER}])
    ingest([str(batch)], store, profile)
    late = tmp_path / "b.jsonl"  # a late copy, ingested in a later run
    _write(late, [{"id": "copy", "published": "2024-03-05", "text": REWRITE}])
    ingest([str(late)], store, profile)
    copies = copy_of(store)
    assert copies["copy"] == copies["wire"]
    assert copies["other"] != copies["wire"]
    stories = story_of(store)  # a copy is in the story of the report it copies
    assert stories["copy"] == stories["wire"] != stories["other"]


def test_alike_reports_months_apart_are_different_stories(store, profile, nlp, tmp_path):
    batch = tmp_path / "a.jsonl"
    _write(batch, [{"id": "march", "published": "2024-03-04", "text": WIRE}, {"id": "june", "published": "2024-06-04", "text": REWRITE}])
    ingest([str(batch)], store, profile)
    copies = copy_of(store)
    assert copies["march"] != copies["june"]


def test_documents_stored_without_a_copy_group_get_one_on_the_next_run(store, profile, nlp, tmp_path):
    from silkwatch.store.schema import stories

    batch = tmp_path / "a.jsonl"
    _write(batch, [{"id": "wire", "published": "2024-03-04", "text": WIRE}, {"id": "copy", "published": "2024-03-05", "text": REWRITE}])
    ingest([str(batch)], store, profile)
    with store.transaction() as conn:  # as if the run had been killed after writing the documents
        conn.execute(stories.delete())
    ingest([str(batch)], store, profile)
    with store.engine.connect() as conn:
        grouped = dict(conn.execute(stories.select().with_only_columns(stories.c.doc_id, stories.c.copy_id)).all())
    assert set(grouped) == {"wire", "copy"} and grouped["wire"] == grouped["copy"]


def _stored(store, *docs: Document) -> list[Document]:
    store.write_documents([(d, []) for d in docs])
    return list(docs)


def test_the_same_words_in_two_languages_are_not_near_copies(store):
    # A site that serves one text under two language tags is not what MinHash compares: translations
    # share no shingles, so copies are sought within one language only.
    docs = _stored(store, Document(doc_id="en", text=WIRE, source="t", published="2024-03-04", lang="en"),
                   Document(doc_id="pt", text=WIRE, source="t", published="2024-03-04", lang="pt"),
                   Document(doc_id="en2", text=REWRITE, source="t", published="2024-03-04", lang="en"))
    groups = assign_copies(store, docs)
    assert groups["en"] == groups["en2"] != groups["pt"]


def test_a_late_copy_joins_the_story_its_copies_were_put_in(store):
    wire = _stored(store, Document(doc_id="wire", text=WIRE, source="t", published="2024-03-04", lang="en"))
    assign_copies(store, wire)
    with store.transaction() as conn:  # as the story clustering would: the wire is part of a larger story
        conn.execute(update(stories_table).values(story_id="event-1"))
    late = _stored(store, Document(doc_id="copy", text=REWRITE, source="t", published="2024-03-05", lang="en"))
    assign_copies(store, late)
    with store.engine.connect() as conn:
        rows = {r.doc_id: (r.story_id, r.copy_id) for r in conn.execute(select(stories_table))}
    assert rows["copy"] == rows["wire"] and rows["copy"][0] == "event-1"
