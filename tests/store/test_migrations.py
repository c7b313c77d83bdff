"""Upgrading a store keeps what it holds: migration 0009 turns the old near-duplicate stories into copy groups."""

from __future__ import annotations

from sqlalchemy import text

from silkwatch.store import open_store
from silkwatch.store.engine import _config, connect, writing


def _at_revision(url: str, revision: str):
    from alembic import command

    engine = connect(url)
    cfg = _config()
    with writing(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return engine


def test_old_stories_become_copy_groups_and_facts_are_recomputed(db_url):
    engine = _at_revision(db_url, "0008")
    with writing(engine) as c:
        for i in (1, 2):
            c.execute(text("INSERT INTO documents (doc_id, content_hash, text, ingested_at) VALUES (:d, 'h', 'x', '2024')"), {"d": f"d{i}"})
        c.execute(text("INSERT INTO stories (doc_id, story_id) VALUES ('d1', 'old'), ('d2', 'old')"))
        c.execute(text("INSERT INTO facts (fact_id, kind, rank, n_sources, data) VALUES ('f', 'role', 'single-source', 2, '{}')"))
    engine.dispose()
    s = open_store(db_url)
    with s.engine.connect() as c:
        assert c.execute(text("SELECT doc_id, story_id, copy_id FROM stories ORDER BY doc_id")).all() == [("d1", "old", "old"), ("d2", "old", "old")]
        assert c.execute(text("SELECT count(*) FROM facts")).scalar_one() == 0
    assert s.stats()["copy_groups"] == 1
    s.close()
