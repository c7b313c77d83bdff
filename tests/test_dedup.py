"""Stories: copies of one report are grouped; other reports, even on the same day, are not."""

from __future__ import annotations

import json

from silkwatch.dedup import signature, story_of
from silkwatch.pipeline import ingest

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
    stories = story_of(store)
    assert stories["copy"] == stories["wire"]
    assert stories["other"] != stories["wire"]


def test_alike_reports_months_apart_are_different_stories(store, profile, nlp, tmp_path):
    batch = tmp_path / "a.jsonl"
    _write(batch, [{"id": "march", "published": "2024-03-04", "text": WIRE}, {"id": "june", "published": "2024-06-04", "text": REWRITE}])
    ingest([str(batch)], store, profile)
    stories = story_of(store)
    assert stories["march"] != stories["june"]


def test_documents_stored_without_a_story_get_one_on_the_next_run(store, profile, nlp, tmp_path):
    from silkwatch.store.schema import stories

    batch = tmp_path / "a.jsonl"
    _write(batch, [{"id": "wire", "published": "2024-03-04", "text": WIRE}, {"id": "copy", "published": "2024-03-05", "text": REWRITE}])
    ingest([str(batch)], store, profile)
    with store.transaction() as conn:  # as if the run had been killed after writing the documents
        conn.execute(stories.delete())
    ingest([str(batch)], store, profile)
    with store.engine.connect() as conn:
        grouped = dict(conn.execute(stories.select().with_only_columns(stories.c.doc_id, stories.c.story_id)).all())
    assert set(grouped) == {"wire", "copy"} and grouped["wire"] == grouped["copy"]
