"""Shared fixtures: the shipped profile, the spaCy model (loaded once), a fresh store on SQLite and on PostgreSQL.

The PostgreSQL runs need a server: SILKWATCH_TEST_PG=postgresql+psycopg://user:password@host:port/db
(.ci/run starts one and sets it). Without the variable they are skipped; each test gets its own schema.
"""

from __future__ import annotations

import json
import os
import uuid
from urllib.parse import quote

import pytest

from silkwatch.profile import load_profile

BACKENDS = ["sqlite", "postgresql"]
PG_URL = os.environ.get("SILKWATCH_TEST_PG")
PG_SKIP = "PostgreSQL suite skipped: set SILKWATCH_TEST_PG=postgresql+psycopg://user:password@host:port/db (.ci/run does)"


def new_database(backend: str, folder) -> tuple[str, object]:
    """A URL of an empty store on the backend, and a function that removes it."""
    if backend == "sqlite":
        return f"sqlite:///{folder / 'test.db'}", lambda: None
    if not PG_URL:
        pytest.skip(PG_SKIP)
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"

    def drop() -> None:
        with admin.begin() as c:
            c.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()

    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}", drop


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """The URL of a new, empty store: once on SQLite, once on PostgreSQL."""
    url, drop = new_database(request.param, tmp_path)
    yield url
    drop()


@pytest.fixture(scope="session")
def profile():
    return load_profile()


@pytest.fixture(scope="session")
def nlp():
    from silkwatch.extract.model import load_model

    return load_model()


@pytest.fixture
def store(db_url):
    from silkwatch.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def claims_of(nlp, profile):
    """Extract the claims of one short article: claims_of(text, published=None, kind=None)."""
    from silkwatch.extract import extract_documents
    from silkwatch.records import Document

    def run(text: str, published: str | None = None, kind: str | None = None):
        doc = Document(doc_id="t", text=text, source="test", published=published, lang="en")
        [(_, claims)] = list(extract_documents([doc], profile, n_process=1))
        return [c for c in claims if kind is None or c.kind == kind]

    return run


# ---- a real store with a contradiction and an injection attempt, for the API and the pages

ARTICLES = [
    {"id": "a-trade", "published": "2024-01-15", "outlet": "one.example", "title": "Trade record",
     "text": "Trade between China and the five Central Asian countries reached 89.4 billion U.S. dollars in 2023, customs data showed.\n\n"
             "Chinese President Xi Jinping said that China is ready to build more railways with Central Asian countries."},
    {"id": "b-trade", "published": "2024-01-16", "outlet": "two.example", "title": "Another count",
     "text": "China's trade with the five Central Asian countries hit 70 billion US dollars in 2023, a think tank said."},
    {"id": "c-talks", "published": "2024-05-10", "outlet": "one.example", "title": "Talks in Astana",
     "text": "Chinese Foreign Minister Wang Yi held talks with Kazakh Foreign Minister Murat Nurtleu in Astana on Thursday."},
    {"id": "x-inject", "published": "2024-02-01", "outlet": "evil.example", "title": "<script>alert('title')</script>",
     "text": "Kazakh President Kassym-Jomart Tokayev said that Kazakhstan would open new border crossings with China. "
             "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">click</a>"},
]


@pytest.fixture(scope="session", params=BACKENDS)
def app_db(request, tmp_path_factory, nlp, profile):
    from silkwatch.pipeline import ingest
    from silkwatch.store import open_store

    path = tmp_path_factory.mktemp("api")
    src = path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    url, drop = new_database(request.param, path)
    store = open_store(url)
    ingest([str(src)], store, profile)
    store.close()
    yield url
    drop()


@pytest.fixture(scope="session")
def client(app_db):
    from fastapi.testclient import TestClient

    from silkwatch.api import create_app

    with TestClient(create_app(app_db)) as c:
        yield c


# ---- a store of stories: tests/fixtures/stories, with the stories the story clustering would make

STORIES = {"trade-2023": ["wire-en", "copy-en", "own-en", "ru-trade"], "talks-astana": ["talks-en", "talks-gazette"]}


@pytest.fixture(scope="session", params=BACKENDS)
def stories_db(request, tmp_path_factory, nlp, profile):
    """A store of the story fixtures: a trade figure told by a wire, its near-copy, an own report and a Russian
    report (one story, three copy groups); talks told by two outlets; a note with no title. Story ids are set
    here as the story clustering sets them (copy groups come from the real ingest)."""
    from pathlib import Path

    from sqlalchemy import update

    from silkwatch.pipeline import ingest
    from silkwatch.store import open_store
    from silkwatch.store.schema import stories

    path = tmp_path_factory.mktemp("stories")
    url, drop = new_database(request.param, path)
    store = open_store(url)
    ingest([str(Path(__file__).parent / "fixtures" / "stories" / "reports.jsonl")], store, profile)
    with store.transaction() as conn:
        for story, docs in STORIES.items():
            conn.execute(update(stories).where(stories.c.doc_id.in_(docs)).values(story_id=story))
    store.close()
    yield url
    drop()
