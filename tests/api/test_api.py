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
    claim_ids = {c["claim_id"] for c in client.get("/api/claims", params={"limit": 500}).json()["items"]}
    fact = client.get("/api/facts", params={"limit": 1}).json()["items"][0]
    assert {s["claim_id"] for s in fact["supporting"]} <= claim_ids
    assert client.get("/api/documents").json()["total"] == 4
    assert client.get("/api/documents", params={"lang": "en"}).json()["total"] == 4
    assert client.get("/api/documents", params={"lang": "ru"}).json()["total"] == 0
    assert 'language: en' in client.get("/documents/c-talks").text
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


def _csp(r) -> bool:
    return "script-src 'self'" in r.headers.get("content-security-policy", "")


def test_a_name_or_demonym_where_a_code_is_expected_finds_the_same_facts(client):
    by_code = client.get("/api/facts", params={"party": "KZ"}).json()
    assert by_code["total"] >= 1
    for name in ("Kazakhstan", "kazakh", "kz"):
        assert client.get("/api/facts", params={"party": name}).json() == by_code


def test_invalid_filters_are_422_with_a_message_never_an_empty_answer(client):
    cases = [("/api/facts", {"party": "Narnia"}, "unknown party"), ("/api/facts", {"kind": "bogus"}, "invalid kind"),
             ("/api/facts", {"rank": "best"}, "invalid rank"), ("/api/facts", {"indicator": "gdp_of_mars"}, "invalid indicator"),
             ("/api/facts", {"since": "2024-13-45"}, "invalid since"), ("/api/facts", {"period": "last year"}, "invalid period"),
             ("/api/facts.csv", {"since": "notadate"}, "invalid since"), ("/api/documents", {"since": "2024-02-30"}, "invalid since"),
             ("/api/claims", {"kind": "bogus"}, "invalid kind"), ("/api/facts", {"sinse": "2024"}, "unknown parameter 'sinse'")]
    for path, params, words in cases:
        r = client.get(path, params=params)
        assert r.status_code == 422 and words in r.json()["error"] and _csp(r), (path, params, r.text)


def test_like_wildcards_in_filters_match_only_themselves(client):
    assert client.get("/api/facts").json()["total"] >= 2
    assert client.get("/api/facts", params={"outlet": "%"}).json()["total"] == 0
    assert client.get("/api/facts", params={"outlet": "one_example"}).json()["total"] == 0
    assert client.get("/api/facts", params={"outlet": "one.example"}).json()["total"] >= 1
    assert client.get("/api/facts", params={"party": "%"}).status_code == 422


def test_huge_integers_and_long_ids_are_short_422_and_404_answers_with_the_policy(client):
    for path in ("/api/facts", "/api/documents", "/api/stories", "/api/facts.csv"):
        r = client.get(path, params={"offset": "99999999999999999999999"})
        assert r.status_code == 422 and "offset" in r.json()["error"] and _csp(r)
    r = client.get("/api/facts/" + "x" * 10_000)
    assert r.status_code == 404 and _csp(r) and len(r.json()["error"]) < 200 and r.json()["error"].endswith("…'")
    r = client.get("/facts/" + "y" * 10_000)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html") and len(r.text) < 3000


def test_a_page_error_is_html_and_the_api_error_json(client):
    page = client.get("/facts", params={"kind": "bogus"})
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html") and _csp(page)
    assert "invalid kind" in page.text and "<html" in page.text
    api = client.get("/api/facts", params={"kind": "bogus"})
    assert api.headers["content-type"] == "application/json" and set(api.json()) == {"error"}


def test_a_wrong_token_of_any_length_or_alphabet_is_refused(client, monkeypatch):
    monkeypatch.setenv("SILKWATCH_TOKEN", "s3cret")
    for guess in ("", "Bearer ", "Bearer s3cre", "Bearer s3crét", "Bearer " + "s" * 5000):
        r = client.post("/api/ingest", content="{}", headers={"Authorization": guess.encode("utf-8")})
        assert r.status_code == 401, guess


def test_a_server_error_is_short_and_keeps_the_policy(tmp_path):
    """A store broken under a running server: the 500 is JSON under /api/, a page elsewhere, both with the CSP."""
    import sqlite3

    from fastapi.testclient import TestClient

    from silkwatch.api import create_app

    path = tmp_path / "broken.db"
    app = create_app(f"sqlite:///{path}")
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE fact_claims")
        db.execute("DROP TABLE facts")
    with TestClient(app, raise_server_exceptions=False) as c:
        api, page = c.get("/api/facts"), c.get("/facts")
    assert api.status_code == 500 and _csp(api) and set(api.json()) == {"error"} and "Traceback" not in api.text
    assert page.status_code == 500 and _csp(page) and page.headers["content-type"].startswith("text/html")
