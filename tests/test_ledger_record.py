"""The ledger of a real store, asked through the real CLI, the real API and the pages in a real browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser import browser_test, chromium_page, serving
from typer.testing import CliRunner

from silkwatch.cli import app

ARTICLES = Path(__file__).parent / "fixtures" / "ledger" / "articles.jsonl"


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory, nlp):
    url = f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'l.db'}"
    r = CliRunner().invoke(app, ["--db", url, "ingest", str(ARTICLES)], catch_exceptions=False)
    assert r.exit_code == 0, r.stdout
    return url


def cli(url, *args):
    r = CliRunner().invoke(app, ["--db", url, *args], catch_exceptions=False)
    return r


def by_promise(entries):
    return {e["promise"].split(" the ")[-1][:20]: e for e in entries}


def test_each_status_with_its_evidence_and_the_compliance_rate(ledger_db):
    body = json.loads(cli(ledger_db, "commitments", "--json").stdout)
    statuses = sorted((e["status"], e["actors"][0], e["area"]) for e in body["commitments"])
    assert statuses == [("in_progress", "CN", "energy"), ("in_progress", "CN", "transport"), ("overdue", "KZ", "other")]
    railway = next(e for e in body["commitments"] if "railway" in e["promise"])
    assert railway["made_at"]["label"].startswith("summit in Xi'an") and railway["evidence"][0]["doc_id"] == "railway-launch"
    pipeline = next(e for e in body["commitments"] if "Line D" in e["promise"])
    assert pipeline["reason"].startswith("reported delayed") and pipeline["evidence"][0]["doc_id"] == "pipeline-delay"
    assert body["compliance"]["members"]["KZ"]["rate"] == 0.0 and body["compliance"]["members"]["CN"]["rate"] == 0.5


def test_filters_take_names_and_reject_what_is_unknown(ledger_db):
    r = cli(ledger_db, "commitments", "--actor", "Kazakhstan", "--json")
    assert [e["status"] for e in json.loads(r.stdout)["commitments"]] == ["overdue"]
    assert json.loads(cli(ledger_db, "commitments", "--made-at", "summit xi'an", "--status", "overdue", "--json").stdout)["commitments"]
    bad = cli(ledger_db, "commitments", "--status", "kept")
    assert bad.exit_code != 0 and "status" in bad.output and "delivered" in bad.output


def test_export_commitments_as_json_lines(ledger_db):
    lines = [json.loads(x) for x in cli(ledger_db, "export", "commitments").stdout.splitlines()]
    assert len(lines) == 3 and all(x["entry_id"] and x["wordings"] for x in lines)


def test_the_api_gives_the_ledger_and_each_promise(ledger_db):
    from fastapi.testclient import TestClient

    from silkwatch.api import create_app

    with TestClient(create_app(ledger_db)) as client:
        items = client.get("/api/commitments", params={"status": "in_progress"}).json()["items"]
        assert len(items) == 2
        one = client.get(f"/api/commitments/{items[0]['entry_id']}").json()
        assert one["entry_id"] == items[0]["entry_id"] and one["evidence"]
        assert client.get("/api/commitments/nope").status_code == 404
        assert client.get("/api/commitments", params={"status": "kept"}).status_code == 422


@browser_test
def test_the_pages_show_statuses_per_meeting_compliance_and_the_evidence(ledger_db):
    with serving(ledger_db) as base, chromium_page() as page:
        page.goto(f"{base}/commitments")
        summary = page.locator("table.ledger-summary tbody tr").first.inner_text()
        assert "summit in Xi'an" in summary and "2 in_progress" in summary and "1 overdue" in summary
        assert page.locator("svg.bars g.bar").count() == 2 and "0% of 1" in page.locator("svg.bars").text_content()
        page.locator("table.ledger a", has_text="railway").click()
        assert page.locator("dd.reason").inner_text().startswith("work reported under way")
        assert "under construction" in page.locator("ol.evidence-timeline mark.evidence").first.inner_text()


def test_a_project_page_lists_its_promises_and_what_the_record_says_of_it_in_time_order(ledger_db):
    from fastapi.testclient import TestClient

    from silkwatch.api import create_app

    with TestClient(create_app(ledger_db)) as client:
        body = client.get("/api/entities/China–Kyrgyzstan–Uzbekistan railway").json()
        assert body["kind"] == "project" and [p["status"] for p in body["promises"]] == ["in_progress"]
        dates = [m["date"] for m in body["mentions"]]
        assert dates == sorted(dates) and {m["doc_id"] for m in body["mentions"]} == {"summit-pledges", "railway-launch"}
        page = client.get("/entities/China–Kyrgyzstan–Uzbekistan railway").text
        assert "Promises" in page and "under construction" in page
        assert client.get("/api/entities/No Such Bridge").status_code == 404


def test_a_russian_report_joins_the_english_promise_and_is_its_evidence_through_the_cli(tmp_path, nlp):
    url = f"sqlite:///{tmp_path / 'ru.db'}"
    assert cli(url, "ingest", str(ARTICLES), str(ARTICLES.with_name("articles_ru.jsonl"))).exit_code == 0
    body = json.loads(cli(url, "commitments", "--json").stdout)
    railway = next(e for e in body["commitments"] if "railway" in e["promise"])
    assert len(body["commitments"]) == 3 and railway["promise"].startswith("build the China-Kyrgyzstan-Uzbekistan railway")
    assert {(w["lang"], w["doc_id"]) for w in railway["wordings"]} == {("en", "summit-pledges"), ("ru", "summit-pledges-ru")}
    assert {e["doc_id"]: e["lang"] for e in railway["evidence"]} == {"railway-launch": "en", "railway-works-ru": "ru"}
    from fastapi.testclient import TestClient

    from silkwatch.api import create_app

    with TestClient(create_app(url)) as client:
        page = client.get(f"/commitments/{railway['entry_id']}").text
    wordings = page.split('class="wordings"')[1].split("</ul>")[0]
    assert sorted(re.findall(r'<span class="lang"[^>]*>(\w+)</span>', wordings)) == ["en", "ru"]


def test_only_a_meeting_of_foreign_ministers_keeps_the_promise_of_their_meetings_through_the_cli(tmp_path, nlp):
    url = f"sqlite:///{tmp_path / 'series.db'}"
    assert cli(url, "ingest", str(ARTICLES.with_name("series.jsonl"))).exit_code == 0
    [entry] = json.loads(cli(url, "commitments", "--json").stdout)["commitments"]
    assert entry["concerns"] == ["China–Central Asia Foreign Ministers' Meeting"] and entry["status"] == "delivered"
    assert [e["doc_id"] for e in entry["evidence"]] == ["fm-meeting"]  # not the public security ministers' meeting before it
