"""Asking the record from the command line: facts, conflicts, timeline, quotes, export of facts and stories."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from silkwatch.cli import app

ARTICLES = [
    {"id": "r1", "published": "2024-01-15", "outlet": "one.example", "text":
     "ASTANA, Jan. 15 -- Trade between China and the five Central Asian countries reached 89.4 billion U.S. dollars in 2023, "
     "customs data showed.\n\nKazakh President Kassym-Jomart Tokayev held talks with Chinese President Xi Jinping in Astana on Monday.\n\n"
     "Tokayev said that Kazakhstan would open two new railway crossings on the border with China."},
    {"id": "r2", "published": "2024-01-16", "outlet": "two.example", "text":
     "China's trade with the five Central Asian countries hit 70 billion US dollars in 2023, a think tank said in a report."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("record")
    src = path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    url = f"sqlite:///{path / 'record.db'}"
    result = CliRunner().invoke(app, ["--db", url, "ingest", str(src)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return url


def run(db, *args):
    result = CliRunner().invoke(app, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_conflicting_trade_totals_are_one_contested_fact_with_both_sources(db):
    [fact] = json.loads(run(db, "conflicts", "--json"))
    assert fact["kind"] == "quantity" and fact["key"]["period"] == "2023"
    outlets = {s["outlet"] for s in fact["supporting"]} | {s["outlet"] for s in fact["conflicting"]}
    assert outlets == {"one.example", "two.example"}
    text = run(db, "conflicts")
    assert "one.example" in text and "two.example" in text


def test_facts_filter_by_party_and_rank(db):
    kz = json.loads(run(db, "facts", "--party", "KZ", "--json"))
    assert kz and all("KZ" in f["parties"] for f in kz)
    assert not json.loads(run(db, "facts", "--indicator", "trade_volume", "--rank", "corroborated", "--json"))


def test_timeline_lists_the_talks_with_place_and_date(db):
    events = json.loads(run(db, "timeline", "--party", "KZ", "--json"))
    talks = [e for e in events if e["value"]["event_type"] == "talks"]
    assert talks and talks[0]["value"]["location"] == "Astana" and talks[0]["value"]["start"] == "2024-01-15"
    assert "Astana" in run(db, "timeline")


def test_quotes_by_speaker_and_words(db):
    found = json.loads(run(db, "quotes", "--speaker", "Tokayev", "--text", "railway", "--json"))
    assert [f["value"]["speaker"] for f in found] == ["Kassym-Jomart Tokayev"]
    assert json.loads(run(db, "quotes", "--speaker", "Tokayev", "--text", "bananas", "--json")) == []


def test_export_stories_and_facts(db, tmp_path):
    lines = [json.loads(x) for x in run(db, "export", "stories").splitlines() if x.strip()]
    assert sorted(x["doc_id"] for x in lines) == ["r1", "r2"] and all(set(x) == {"doc_id", "story"} for x in lines)
    out = tmp_path / "facts.parquet"
    run(db, "export", "facts", "--format", "parquet", "--out", str(out))
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert "rank" in table.column_names and table.num_rows >= 3
