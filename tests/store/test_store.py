"""The store: migrations on an empty database, reopening, batched writes and streamed reads."""

from __future__ import annotations

import os

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from silkwatch.errors import StoreError
from silkwatch.records import Claim, Document
from silkwatch.store import MIGRATIONS, open_store

TABLES = {"documents", "claims", "stories", "facts", "fact_claims", "alembic_version"}


def head_revision() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def doc(i: int, text: str = "China and Kazakhstan met.") -> Document:
    return Document(doc_id=f"d{i:03d}", text=text, source="t.jsonl", outlet="o.example", published=f"2024-01-{1 + i % 28:02d}")


def claims(d: Document, n: int = 2) -> list[Claim]:
    return [Claim(d.doc_id, "role", (i, i + 5), d.text[i:i + 5], person=f"P{i}", role="president", country="KZ") for i in range(n)]


def test_migrations_create_every_table_and_record_the_head(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    open_store(url).close()
    engine = create_engine(url)
    assert TABLES <= set(inspect(engine).get_table_names())
    with engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()


def test_reopening_a_store_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'again.db'}"
    s = open_store(url)
    s.write_documents([(doc(1), claims(doc(1)))])
    s.close()
    s2 = open_store(url)
    assert s2.get_document("d001") == doc(1)
    assert len(s2.claims_for("d001")) == 2
    with s2.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


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


@pytest.fixture
def postgres_url():
    url = os.environ.get("SILKWATCH_TEST_POSTGRES")
    if not url:
        pytest.skip("no PostgreSQL server: set SILKWATCH_TEST_POSTGRES=postgresql://user@host/db to run")
    return url


def test_migrations_on_postgresql(postgres_url):
    s = open_store(postgres_url)
    try:
        assert TABLES <= set(inspect(s.engine).get_table_names())
        d = doc(900)
        s.write_documents([(d, claims(d))])
        assert open_store(postgres_url).get_document(d.doc_id) == d
    finally:
        with s.engine.begin() as c:
            c.execute(text("DELETE FROM documents WHERE doc_id = 'd900'"))
        s.close()
