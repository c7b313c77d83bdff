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
    assert sorted(x["doc_id"] for x in lines) == ["r1", "r2"] and all(
        set(x) == {"doc_id", "story", "copy_group", "lang", "outlet", "published"} for x in lines)
    out = tmp_path / "facts.parquet"
    run(db, "export", "facts", "--format", "parquet", "--out", str(out))
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert "rank" in table.column_names and table.num_rows >= 3


# ---- the analyst's questions, on articles written for these tests

QUESTIONS = [
    {"id": "q-trade-24", "published": "2025-01-12", "outlet": "wire-one.example", "text":
     "BEIJING, Jan. 12 -- Trade between China and the five Central Asian countries reached 700.5 billion yuan (97.6 billion U.S. dollars) "
     "in 2024, according to data released on Sunday by the General Administration of Customs."},
    {"id": "q-trade-23", "published": "2024-01-14", "outlet": "wire-two.example", "text":
     "BEIJING, Jan. 14 -- Trade between China and the five Central Asian countries reached 89.4 billion U.S. dollars in 2023, customs data showed."},
    {"id": "q-summit", "published": "2025-06-18", "outlet": "daily-three.example", "text":
     "ASTANA, June 17 -- The leaders of China and the five Central Asian countries held the second China-Central Asia Summit in Astana on Tuesday.\n\n"
     "Chinese President Xi Jinping said that China would open ten new trade centres in Central Asian countries by 2027.\n\n"
     "Kazakh President Kassym-Jomart Tokayev said that the summit had opened a new chapter for the region."},
    {"id": "q-visit", "published": "2025-06-17", "outlet": "daily-three.example", "text":
     "ASTANA, June 16 -- Chinese President Xi Jinping arrived in Astana on Monday for a state visit to Kazakhstan.\n\n"
     "Xi held talks with Kazakh President Kassym-Jomart Tokayev in Astana on Monday.\n\n"
     "After the talks, the two presidents attended the signing of 12 cooperation agreements in Astana."},
    {"id": "q-agency", "published": "2025-03-02", "outlet": "agency-four.example", "text":
     "The Xinhua news agency said that freight trains between China and Uzbekistan had run on time all winter."},
]


@pytest.fixture
def wide():
    """A terminal wide enough that table cells are not wrapped onto several lines."""
    from silkwatch import cli

    before = cli.out.width
    cli.out.width = 220
    yield
    cli.out.width = before


@pytest.fixture(scope="module")
def qdb(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("questions")
    src = path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in QUESTIONS), encoding="utf-8")
    url = f"sqlite:///{path / 'q.db'}"
    result = CliRunner().invoke(app, ["--db", url, "ingest", str(src)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return url


def test_trade_figures_latest_first_with_both_currencies_and_the_cited_source(qdb, wide):
    figures = json.loads(run(qdb, "facts", "--indicator", "trade_volume", "--json"))
    assert [f["key"]["period"] for f in figures] == ["2024", "2023"]
    latest = figures[0]
    assert {(v["unit"], v["value"]) for v in latest["value"]["values"]} == {("CNY", 700.5e9), ("USD", 97.6e9)}
    assert latest["value"]["sources"] == ["General Administration of Customs"]
    table = run(qdb, "facts", "--indicator", "trade_volume")
    assert "General Administration of Customs" in table and "wire-one.example" in table
    assert table.index("2024") < table.index("2023")


def test_cited_source_is_exported_with_the_claim(qdb):
    lines = [json.loads(x) for x in run(qdb, "export", "claims").splitlines() if x.strip()]
    assert {c.get("source") for c in lines if c["kind"] == "quantity"} >= {"General Administration of Customs", "customs data"}


def test_a_pledge_carries_the_meeting_and_its_date(qdb):
    [pledge] = json.loads(run(qdb, "facts", "--kind", "commitment", "--made-at", "Astana summit", "--json"))
    assert "trade centres" in pledge["value"]["text"]
    assert pledge["value"]["made_at"]["location"] == "Astana" and pledge["value"]["date"] == "2025-06-17"
    assert json.loads(run(qdb, "facts", "--kind", "commitment", "--since", "2025-06-01", "--json"))
    assert not json.loads(run(qdb, "facts", "--kind", "commitment", "--made-at", "Xi'an", "--json"))


def test_meetings_are_named_with_people_and_a_visit_holds_its_talks(qdb, wide):
    events = json.loads(run(qdb, "timeline", "--json"))
    names = [e["name"] for e in events]
    assert "Second China–Central Asia Summit" in names
    [visit] = [e for e in events if e["value"]["event_type"] == "state_visit"]
    assert visit["name"] == "Xi’s state visit to Kazakhstan"
    assert {"Xi–Tokayev talks"} <= {p["name"] for p in visit["includes"]}
    assert {"Xi Jinping", "Kassym-Jomart Tokayev"} <= {p["name"] for p in visit["people"]}
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates)
    text = run(qdb, "timeline")
    assert "Xi–Tokayev talks" in text and "daily-three.example" in text


def test_speaker_xi_is_not_xinhua_and_quotes_show_date_and_outlet(qdb):
    found = json.loads(run(qdb, "quotes", "--speaker", "Xi", "--json"))
    assert found and {f["value"]["speaker"] for f in found} == {"Xi Jinping"}
    text = run(qdb, "quotes", "--speaker", "Xi")
    assert "Xinhua" not in text and "2025-06-18" in text and "daily-three.example" in text


def test_the_outlet_column_ends_with_an_ellipsis_not_a_cut_word():
    from silkwatch.query import shorten

    assert shorten("alpha.example, beta.example, gamma.example", 20) == "alpha.example…"
    assert shorten("short", 20) == "short"


def test_the_demo_articles_give_only_the_meetings_they_report(tmp_path, nlp, wide):
    """`make demo` ingests examples/articles: a meeting held to prepare a summit, and agreements counted since
    an earlier summit, are one meeting on its day, the prepared summit undated, and no signing."""
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples" / "articles"
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    run(url, "ingest", str(examples))
    events = json.loads(run(url, "timeline", "--json"))
    told = sorted((e["value"]["event_type"], e["value"]["location"], e["date"]) for e in events)
    assert told == [("ministerial_meeting", "Almaty", "2025-04-26"), ("summit", "Astana", None), ("summit", "Xi'an", "2023-05-18")]
    assert all(not p for e in events for p in e["includes"])


def test_event_and_commitment_facts_are_listed_latest_first(qdb):
    for kind in ("event", "commitment"):
        dates = [f["value"].get("start") or f["value"].get("date") for f in json.loads(run(qdb, "facts", "--kind", kind, "--json"))]
        known = [d for d in dates if d]
        assert known == sorted(known, reverse=True) and dates[:len(known)] == known
