"""The JSON API through HTTP against the real app and a real SQLite store."""

from __future__ import annotations

import json


def test_facts_filter_paginate_and_show_the_contradiction(client):
    page = client.get("/api/facts", params={"indicator": "trade_volume", "facets": "true"}).json()
    [fact] = page["items"]
    assert fact["rank"] == "contested" and page["facets"]["rank"] == [["contested", 1]]
    detail = client.get(f"/api/facts/{fact['fact_id']}").json()
    sides = {s["outlet"] for s in detail["supporting"] + detail["conflicting"]}
    assert sides == {"one.example", "two.example"}
    assert "89.4 billion" in detail["supporting"][0]["mark"] or "89.4 billion" in detail["conflicting"][0]["mark"]
    first = client.get("/api/facts", params={"limit": 1}).json()
    second = client.get("/api/facts", params={"limit": 1, "offset": first["next_offset"]}).json()
    assert first["items"][0]["fact_id"] != second["items"][0]["fact_id"]
    assert client.get("/api/facts", params={"party": "KZ"}).json()["total"] >= 1


def test_documents_claims_stories_entities_and_search(client):
    doc = client.get("/api/documents/c-talks").json()
    assert {c["kind"] for c in doc["claims"]} >= {"event", "role"}
    assert client.get("/api/claims", params={"kind": "role", "person": "Wang Yi"}).json()["total"] == 1
    assert client.get("/api/documents").json()["total"] == 4
    assert client.get("/api/documents", params={"lang": "en"}).json()["total"] == 4
    assert client.get("/api/documents", params={"lang": "ru"}).json()["total"] == 0
    assert client.get("/api/stories").json()["total"] == 4
    assert any(p["name"] == "Xi Jinping" for p in client.get("/api/entities").json()["people"])
    assert client.get("/api/entities/KZ").json()["name"] == "Kazakhstan"
    assert [r["doc_id"] for r in client.get("/api/search", params={"q": "Astana Thursday"}).json()["items"]] == ["c-talks"]


def test_errors_are_json_a_caller_can_act_on(client):
    r = client.get("/api/facts/nope")
    assert r.status_code == 404 and "nope" in r.json()["error"]
    r = client.get("/api/facts", params={"limit": 0})
    assert r.status_code == 422 and "limit" in r.json()["error"]
    assert client.get("/api/facts", params={"sort": "drop table"}).status_code == 422


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert "/api/facts" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/facts" in docs.text and "cdn" not in docs.text.lower()


def test_ingest_needs_the_token_and_rejects_bad_bodies(client, monkeypatch):
    line = json.dumps({"id": "posted", "published": "2024-06-01", "text": "Uzbek President Shavkat Mirziyoyev met Chinese President Xi Jinping in Beijing on Friday."})
    monkeypatch.delenv("SILKWATCH_TOKEN", raising=False)
    assert client.post("/api/ingest", content=line).status_code == 403
    monkeypatch.setenv("SILKWATCH_TOKEN", "s3cret")
    assert client.post("/api/ingest", content=line, headers={"Authorization": "Bearer wrong"}).status_code == 401
    auth = {"Authorization": "Bearer s3cret"}
    bad = client.post("/api/ingest", content="{not json", headers=auth)
    assert bad.status_code == 400 and "malformed JSON" in bad.json()["failures"][0]["error"]
    assert client.post("/api/ingest", content=b"x" * (6 * 1024 * 1024), headers=auth).status_code == 413
    ok = client.post("/api/ingest", content=line, headers=auth).json()
    assert ok["stored"] == 1
    assert client.post("/api/ingest", content=line, headers=auth).json()["known"] == 1


def test_every_response_sends_a_policy_without_inline_script(client):
    for path in ("/", "/api/facts", "/documents/x-inject"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_full_text_search_ranks_and_survives_query_syntax(client):
    assert [r["doc_id"] for r in client.get("/api/search", params={"q": "railways"}).json()["items"]] == ["a-trade"]
    for q in ('"unbalanced', "AND OR NOT", "x*", "trade)"):
        assert client.get("/api/search", params={"q": q}).status_code == 200
