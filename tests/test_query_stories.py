"""Stories in the record (silkwatch.query): newest first with their reports, copy groups, languages and outlets;
one story's reports in time order, its facts and its events; filters by language, date and title words."""

from __future__ import annotations

import pytest

from silkwatch.query import find_stories, story_record, story_rows
from silkwatch.store import open_store


@pytest.fixture(scope="module")
def store(stories_db):
    s = open_store(stories_db)
    yield s
    s.close()


def test_stories_come_newest_first_with_dates_reports_copy_groups_languages_and_outlets(store):
    page = find_stories(store)
    assert page["total"] == 3 and [s["last"] for s in page["items"]] == ["2024-05-10", "2024-03-02", "2024-01-17"]
    trade = page["items"][2]
    assert trade["title"] == "Central Asia trade hits a record"  # the earliest report's title
    assert (trade["first"], trade["last"], trade["n_documents"], trade["n_copy_groups"]) == ("2024-01-15", "2024-01-17", 4, 3)
    assert trade["languages"] == ["en", "ru"]
    assert trade["outlets"] == ["daily.example", "portal.example", "vestnik.example", "wire.example"]
    # A report without a title is named by its first line.
    assert page["items"][1]["title"] == "Freight trains between China and Uzbekistan kept to their timetable all winter"


def test_stories_filter_by_language_date_and_title_words_and_page(store):
    assert [s["story"] for s in find_stories(store, lang="ru")["items"]] == ["trade-2023"]
    assert [s["story"] for s in find_stories(store, since="2024-04")["items"]] == ["talks-astana"]
    # Every word, in the title of any of its reports, whatever the case.
    assert [s["story"] for s in find_stories(store, q="RECORD central")["items"]] == ["trade-2023"]
    assert [s["story"] for s in find_stories(store, q="confer")["items"]] == ["talks-astana"]
    assert find_stories(store, q="100%")["total"] == 0  # a wildcard is taken literally
    # Counts are of the whole story, not only of the reports that matched.
    assert find_stories(store, lang="ru")["items"][0]["n_documents"] == 4
    first, second = find_stories(store, limit=2), find_stories(store, limit=2, offset=2)
    assert first["next_offset"] == 2 and second["next_offset"] is None and len(second["items"]) == 1


def test_a_story_lists_its_reports_in_time_order_with_their_copy_groups_and_its_facts(store):
    s = story_record(store, "trade-2023")
    assert [(d["doc_id"], d["copy_n"], d["lang"]) for d in s["documents"]] == [
        ("wire-en", 1, "en"), ("copy-en", 1, "en"), ("own-en", 2, "en"), ("ru-trade", 3, "ru")]
    assert [g["documents"] for g in s["copy_groups"]] == [["wire-en", "copy-en"], ["own-en"], ["ru-trade"]]
    trade = s["facts"][0]
    assert trade["label"].startswith("trade_volume") and trade["n_sources"] == 2 and trade["n_reports"] == 3
    assert trade["documents"] == ["copy-en", "own-en", "wire-en"]


def test_a_story_gives_each_event_once_with_the_reports_that_tell_it(store):
    s = story_record(store, "talks-astana")
    [talks] = s["events"]
    assert (talks["event_type"], talks["start"], talks["location"]) == ("talks", "2024-05-09", "Astana")
    assert talks["documents"] == ["talks-en", "talks-gazette"]
    assert talks["fact_id"] in {f["fact_id"] for f in s["facts"]}


def test_an_unknown_story_is_none(store):
    assert story_record(store, "no-such-story") is None


def test_story_rows_give_each_document_its_story_copy_group_language_outlet_and_date(store):
    rows = {r["doc_id"]: r for r in story_rows(store, batch_size=2)}
    assert len(rows) == 7
    assert rows["copy-en"]["story"] == rows["ru-trade"]["story"] == "trade-2023"
    assert rows["copy-en"]["copy_group"] == rows["wire-en"]["copy_group"] != rows["own-en"]["copy_group"]
    assert (rows["ru-trade"]["lang"], rows["ru-trade"]["outlet"], rows["ru-trade"]["published"]) == ("ru", "vestnik.example", "2024-01-17")
