"""`silkwatch stories` and `silkwatch stories show` through the real entry point: the table, JSON, filters,
one story's reports with their copy groups, and errors as one line with the right exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from silkwatch.cli import app

pytestmark = pytest.mark.parametrize("stories_db", ["sqlite"], indirect=True)  # the CLI reads what the library reads


def silkwatch(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "silkwatch", "--db", db, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "200"})


def run(db: str, *args: str) -> str:
    r = CliRunner().invoke(app, ["--db", db, *args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


def test_stories_print_a_table_newest_first_with_reports_and_copy_groups(stories_db):
    r = silkwatch(stories_db, "stories")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    talks = next(i for i, x in enumerate(lines) if "talks-astana" in x)
    trade = next(i for i, x in enumerate(lines) if "trade-2023" in x)
    assert talks < trade and "stories (3 of 3)" in r.stdout
    assert "2024-01-15…2024-01-17" in lines[trade] and "en,ru" in lines[trade]


def test_stories_filter_and_limit_as_json(stories_db):
    page = json.loads(run(stories_db, "stories", "--lang", "ru", "--json"))
    assert [s["story"] for s in page["items"]] == ["trade-2023"] and page["items"][0]["n_copy_groups"] == 3
    assert [s["story"] for s in json.loads(run(stories_db, "stories", "--since", "2024-04", "--json"))["items"]] == ["talks-astana"]
    assert [s["story"] for s in json.loads(run(stories_db, "stories", "--title", "confer", "--json"))["items"]] == ["talks-astana"]
    limited = json.loads(run(stories_db, "stories", "--limit", "1", "--json"))
    assert len(limited["items"]) == 1 and limited["total"] == 3


def test_stories_show_gives_the_reports_in_time_order_with_copy_groups_facts_and_events(stories_db):
    text = run(stories_db, "stories", "show", "trade-2023")
    assert text.index("wire-en") < text.index("copy-en") < text.index("own-en") < text.index("ru-trade")
    assert "4 reports in 3 copy groups" in text and "trade_volume" in text
    s = json.loads(run(stories_db, "stories", "show", "talks-astana", "--json"))
    assert [(e["event_type"], e["location"]) for e in s["events"]] == [("talks", "Astana")]


def test_an_unknown_story_and_a_bad_filter_are_one_error_line(stories_db):
    r = silkwatch(stories_db, "stories", "show", "no-such-story")
    assert r.returncode == 1 and r.stderr.startswith("error: no story 'no-such-story'") and r.stdout == ""
    r = CliRunner().invoke(app, ["--db", stories_db, "stories", "--since", "2024-13"])
    assert r.exit_code == 2 and "2024-13" in r.output


def test_export_stories_gives_story_copy_group_language_outlet_and_date(stories_db):
    rows = [json.loads(x) for x in run(stories_db, "export", "stories").splitlines() if x.strip()]
    by_doc = {r["doc_id"]: r for r in rows}
    assert set(by_doc["ru-trade"]) == {"doc_id", "story", "copy_group", "lang", "outlet", "published"}
    assert by_doc["ru-trade"]["story"] == by_doc["wire-en"]["story"] == "trade-2023"
    assert by_doc["wire-en"]["copy_group"] == by_doc["copy-en"]["copy_group"] != by_doc["ru-trade"]["copy_group"]


def test_help_says_what_a_story_and_a_copy_group_are(stories_db):
    text = run(stories_db, "stories", "--help")
    assert "news event" in text and "show" in text
