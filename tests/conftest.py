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
