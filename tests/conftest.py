"""Shared fixtures: the shipped profile, the spaCy model (loaded once), a fresh SQLite store."""

from __future__ import annotations

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
