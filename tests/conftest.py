"""Shared fixtures: the shipped profile, the spaCy model (loaded once), a fresh SQLite store."""

from __future__ import annotations

import json

import pytest

from silkwatch.profile import load_profile


@pytest.fixture(scope="session")
def profile():
    return load_profile()


@pytest.fixture(scope="session")
def nlp():
    from silkwatch.extract.model import load_model

    return load_model()


@pytest.fixture
def store(tmp_path):
    from silkwatch.store import open_store

    s = open_store(f"sqlite:///{tmp_path / 'test.db'}")
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


@pytest.fixture(scope="session")
def app_db(tmp_path_factory, nlp, profile):
    from silkwatch.pipeline import ingest
    from silkwatch.store import open_store

    path = tmp_path_factory.mktemp("api")
    src = path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    url = f"sqlite:///{path / 'api.db'}"
    store = open_store(url)
    ingest([str(src)], store, profile)
    store.close()
    return url


@pytest.fixture(scope="session")
def client(app_db):
    from fastapi.testclient import TestClient

    from silkwatch.api import create_app

    with TestClient(create_app(app_db)) as c:
        yield c
