"""The store on SQLite and PostgreSQL: migrations, reopening, batched writes, streamed reads, search, safe errors."""

from __future__ import annotations

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from silkwatch.errors import StoreError
from silkwatch.records import Claim, Document
from silkwatch.store import MIGRATIONS, open_store, redact

TABLES = {"documents", "claims", "stories", "facts", "fact_claims", "alembic_version"}


def head_revision() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def doc(i: int, text: str = "China and Kazakhstan met.") -> Document:
    return Document(doc_id=f"d{i:03d}", text=text, source="t.jsonl", outlet="o.example", published=f"2024-01-{1 + i % 28:02d}")


def claims(d: Document, n: int = 2) -> list[Claim]:
    return [Claim(d.doc_id, "role", (i, i + 5), d.text[i:i + 5], person=f"P{i}", role="president", country="KZ") for i in range(n)]


def test_migrations_create_every_table_and_record_the_head(db_url):
    s = open_store(db_url)
    assert TABLES <= set(inspect(s.engine).get_table_names())
    with s.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
    s.close()


def test_reopening_a_store_changes_nothing(db_url):
    s = open_store(db_url)
    s.write_documents([(doc(1), claims(doc(1)))])
    s.close()
    s2 = open_store(db_url)
    assert s2.get_document("d001") == doc(1)
    assert len(s2.claims_for("d001")) == 2
    with s2.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    s2.close()


def test_unusable_url_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        open_store("nosuchdialect://x")
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder.db'}")


def test_rewriting_a_document_replaces_its_claims(store):
    d = doc(1)
    store.write_documents([(d, claims(d, 3))])
    store.write_documents([(d, claims(d, 1))])
    assert len(store.claims_for(d.doc_id)) == 1
    assert store.known_hashes([d.doc_id, "unknown"]) == {d.doc_id: d.content_hash}


def test_claims_stream_in_document_then_span_order_across_pages(store):
    batch = [(doc(i), claims(doc(i), 3)) for i in range(7)]
    assert store.write_documents(batch) == 7
    got = [(c.doc_id, c.span) for c in store.iter_claims(batch_size=4)]
    assert got == [(d.doc_id, c.span) for d, cs in batch for c in cs]
    assert [d.doc_id for d in store.iter_documents(batch_size=3)] == [d.doc_id for d, _ in batch]
    assert [c.kind for c in store.iter_claims(kind="quote")] == []


def test_stats_count_what_is_stored(store):
    store.write_documents([(doc(i), claims(doc(i))) for i in range(3)])
    s = store.stats()
    assert s["documents"] == 3 and s["claims"]["role"] == 6 and s["claims_total"] == 6
    assert s["outlets"] == [{"outlet": "o.example", "documents": 3}]


def test_a_database_url_in_an_error_never_shows_its_password():
    secret = "s3cret-Pa55"
    for url in (f"postgresql+psycopg://analyst:{secret}@127.0.0.1:1/record",  # nothing listens on port 1
                f"nosuchdialect://analyst:{secret}@db.example/record",
                f"postgresql+nosuchdriver://analyst:{secret}@db.example/record"):
        with pytest.raises(StoreError) as e:
            open_store(url)
        assert secret not in str(e.value) and "analyst" in str(e.value), str(e.value)
    assert redact(f"postgresql://analyst:{secret}@h/db") == "postgresql://analyst:***@h/db"


def test_a_document_stored_by_the_same_extractor_is_not_written_twice(store):
    d = doc(1)
    assert store.write_documents([(d, claims(d, 3))], extractor="v1") == 1
    # Another writer that extracted the same content with the same extractor changes nothing...
    assert store.write_documents([(d, claims(d, 1))], extractor="v1") == 0
    assert len(store.claims_for(d.doc_id)) == 3
    # ...while a newer extractor's claims replace the old ones.
    assert store.write_documents([(d, claims(d, 1))], extractor="v2") == 1
    assert store.known_versions([d.doc_id, "unknown"]) == {d.doc_id: (d.content_hash, "v2")}
    assert len(store.claims_for(d.doc_id)) == 1


def test_replacing_claims_keeps_the_document_and_records_the_extractor(store):
    batch = [(doc(i), claims(doc(i), 2)) for i in range(3)]
    store.write_documents(batch, extractor="old")
    replaced, before = store.replace_claims([("d001", claims(doc(1), 4)), ("gone", [])], extractor="new")
    assert (replaced, before) == (1, 2)
    assert store.get_document("d001") == doc(1) and len(store.claims_for("d001")) == 4
    assert store.known_versions(["d000", "d001"]) == {"d000": (doc(0).content_hash, "old"), "d001": (doc(1).content_hash, "new")}


def test_documents_stream_by_id_date_and_outlet(store):
    docs = [Document(doc_id=f"x{i}", text=f"Text {i}.", source="s", outlet=f"o{i % 2}.example", published=f"2024-0{1 + i}-01")
            for i in range(6)]
    store.write_documents([(d, []) for d in docs])
    assert [d.doc_id for d in store.iter_documents(batch_size=2, since="2024-03-01", outlet="o0.example")] == ["x2", "x4"]
    assert [d.doc_id for d in store.iter_documents(doc_ids=["x5", "x1", "nope"])] == ["x1", "x5"]
    assert store.count_documents(since="2024-03-01") == 4 and store.count_documents() == 6


def test_search_finds_every_word_in_title_or_text_best_match_first(store):
    texts = {
        "rail": ("Railway news", "A railway line between Kashgar and Andijan will carry freight. The railway opens soon."),
        "gas": ("Gas pipeline", "Line D of the gas pipeline carries gas across Tajikistan; freight is not mentioned."),
        "ru": ("Новости", "Железная дорога Китай Кыргызстан Узбекистан"),
    }
    store.write_documents([(Document(doc_id=k, text=t, source="s", title=h), []) for k, (h, t) in texts.items()])
    assert [r["doc_id"] for r in store.search_documents(["freight"])] in (["rail", "gas"], ["gas", "rail"])
    assert [r["doc_id"] for r in store.search_documents(["railway"])] == ["rail"]
    assert [r["doc_id"] for r in store.search_documents(["railway", "pipeline"])] == []
    assert [r["doc_id"] for r in store.search_documents(["дорога"])] == ["ru"]
    [hit] = store.search_documents(["Andijan"])
    assert "Andijan" in hit["snippet"] and hit["title"] == "Railway news"
    for hostile in (['"unbalanced'], ["AND", "OR", "NOT"], ["x*"], ["trade)"], ["a:b"], ["!"]):
        assert isinstance(store.search_documents(hostile), list)
    store.write_documents([(Document(doc_id="rail", text="Nothing about trains now.", source="s"), [])])
    assert store.search_documents(["railway"]) == []


def test_a_store_from_a_newer_silkwatch_is_a_store_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    open_store(url).close()
    s = open_store(url)
    with s.transaction() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    s.close()
    with pytest.raises(StoreError, match="unknown to this version"):
        open_store(url)
