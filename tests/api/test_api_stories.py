"""Stories over HTTP through the real app: the list with its filters, one story, and the story and copy group
of a document and of a fact's sources."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from silkwatch.api import create_app


@pytest.fixture(scope="module")
def api(stories_db):
    with TestClient(create_app(stories_db)) as c:
        yield c


def test_the_stories_list_filters_by_language_date_and_title_words(api):
    page = api.get("/api/stories").json()
    assert page["total"] == 3 and page["items"][0]["story"] == "talks-astana"
    assert [s["story"] for s in api.get("/api/stories", params={"lang": "RU"}).json()["items"]] == ["trade-2023"]
    assert [s["story"] for s in api.get("/api/stories", params={"since": "2024-04-01"}).json()["items"]] == ["talks-astana"]
    assert [s["story"] for s in api.get("/api/stories", params={"q": "trade"}).json()["items"]] == ["trade-2023"]
    assert api.get("/api/stories", params={"limit": 1}).json()["next_offset"] == 1


def test_a_bad_story_filter_is_a_422_naming_it_and_an_unknown_story_a_404(api):
    r = api.get("/api/stories", params={"since": "2024-13-45"})
    assert r.status_code == 422 and "2024-13-45" in r.json()["error"]
    r = api.get("/api/stories", params={"lang": "english!"})
    assert r.status_code == 422 and "language" in r.json()["error"]
    assert api.get("/api/stories", params={"story": "x"}).status_code == 422
    r = api.get("/api/stories/nope")
    assert r.status_code == 404 and "nope" in r.json()["error"]


def test_one_story_gives_its_reports_copy_groups_facts_and_events(api):
    s = api.get("/api/stories/trade-2023").json()
    assert [d["doc_id"] for d in s["documents"]] == ["wire-en", "copy-en", "own-en", "ru-trade"]
    assert [d["copy_n"] for d in s["documents"]] == [1, 1, 2, 3] and s["n_copy_groups"] == 3
    assert s["facts"][0]["n_sources"] == 2 and s["events"] == []
    talks = api.get("/api/stories/talks-astana").json()
    assert [(e["event_type"], len(e["documents"])) for e in talks["events"]] == [("talks", 2)]


def test_a_document_tells_its_copies_apart_from_the_other_reports_of_its_story(api):
    d = api.get("/api/documents/wire-en").json()
    assert d["story"] == "trade-2023" and d["story_title"] == "Central Asia trade hits a record"
    assert [c["doc_id"] for c in d["copies"]] == ["copy-en"]
    assert [(r["doc_id"], r["lang"]) for r in d["reports"]] == [("own-en", "en"), ("ru-trade", "ru")]


def test_a_fact_counts_copy_groups_and_outlets_and_names_the_stories_of_its_sources(api):
    [fact] = api.get("/api/facts", params={"indicator": "trade_volume"}).json()["items"]
    detail = api.get(f"/api/facts/{fact['fact_id']}").json()
    assert (detail["n_sources"], detail["n_reports"], detail["n_copy_groups"], detail["n_outlets"]) == (2, 3, 2, 3)
    assert detail["stories"] == [{"story": "trade-2023", "title": "Central Asia trade hits a record", "reports": 3}]
    assert {s["story"] for s in detail["supporting"]} == {"trade-2023"}
    assert len({s["copy"] for s in detail["supporting"]}) == 2
