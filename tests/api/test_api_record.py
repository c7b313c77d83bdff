"""The record's answers over HTTP: pledges by the meeting they were made at, figures in both currencies."""

from __future__ import annotations

import json

import pytest

ARTICLES = [
    {"id": "h-summit", "published": "2025-06-18", "outlet": "daily.example", "text":
     "ASTANA, June 17 -- The leaders of China and the five Central Asian countries held the second China-Central Asia Summit in Astana on Tuesday.\n\n"
     "Chinese President Xi Jinping said that China would open ten new trade centres in Central Asian countries by 2027."},
    {"id": "h-trade", "published": "2025-01-12", "outlet": "wire.example", "text":
     "Trade between China and the five Central Asian countries reached 700.5 billion yuan (97.6 billion U.S. dollars) in 2024, "
     "according to the General Administration of Customs."},
]


@pytest.fixture(scope="module")
def api(tmp_path_factory, nlp, profile):
    from fastapi.testclient import TestClient

    from silkwatch.api import create_app
    from silkwatch.pipeline import ingest
    from silkwatch.store import open_store

    path = tmp_path_factory.mktemp("api-record")
    src = path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    url = f"sqlite:///{path / 'r.db'}"
    store = open_store(url)
    ingest([str(src)], store, profile)
    store.close()
    with TestClient(create_app(url)) as c:
        yield c


def test_pledges_filter_by_the_meeting_they_were_made_at(api):
    found = api.get("/api/facts", params={"kind": "commitment", "made_at": "Astana summit"}).json()["items"]
    assert [f["value"]["made_at"]["location"] for f in found] == ["Astana"]
    assert api.get("/api/facts", params={"kind": "commitment", "made_at": "Xi'an"}).json()["items"] == []
    assert api.get("/api/facts", params={"kind": "commitment", "made_at": "%"}).json()["items"] == []  # no wildcard
    page = api.get("/facts", params={"kind": "commitment", "made_at": "Astana"})
    assert page.status_code == 200 and "trade centres" in page.text


def test_one_statement_in_two_currencies_is_one_fact_over_http(api):
    [fact] = api.get("/api/facts", params={"indicator": "trade_volume"}).json()["items"]
    assert {v["unit"] for v in fact["value"]["values"]} == {"CNY", "USD"}
    assert fact["value"]["sources"] == ["General Administration of Customs"]
