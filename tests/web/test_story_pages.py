"""Stories on the pages, in a real headless Chromium: the list with its filters, one story's reports with their
copy groups, facts and events, and the way there from the navigation, a document and a fact."""

from __future__ import annotations

import pytest
from browser import needs_chromium, serving

pytestmark = [*needs_chromium, pytest.mark.parametrize("stories_db", ["sqlite"], indirect=True)]


@pytest.fixture(scope="module")
def base_url(stories_db):  # the page fixture of tests/web/conftest.py opens this store
    with serving(stories_db) as url:
        yield url


def test_the_stories_page_lists_stories_newest_first_and_filters_them(page, base_url):
    page.goto(base_url + "/")
    page.click("header nav >> text=Stories")
    page.wait_for_url("**/stories")
    rows = page.locator("#stories tbody tr").all_inner_texts()
    assert rows[0].startswith("Ministers meet in Astana") and rows[-1].startswith("Central Asia trade hits a record")
    assert "2024-01-15 … 2024-01-17" in rows[-1] and "en, ru" in rows[-1]
    page.fill("input[name=lang]", "ru")
    page.click("#story-filters button")
    page.wait_for_url("**/stories?*")
    assert page.locator("#stories tbody tr").all_inner_texts() == [rows[-1]]


def test_a_story_shows_its_reports_in_time_order_with_copy_groups_its_facts_and_events(page, base_url):
    page.goto(base_url + "/stories")
    page.click("text=Central Asia trade hits a record")
    page.wait_for_url("**/stories/trade-2023")
    reports = page.locator("#story-reports tbody tr").all_inner_texts()
    assert [r.split("\t")[1] for r in reports] == ["Central Asia trade hits a record", "Record trade with Central Asia",
                                                  "Customs: a new high for regional commerce", "Рекорд торговли Китая с регионом"]
    assert [r.split("\t")[-1] for r in reports] == ["1", "1", "2", "3"]
    assert "4 reports in 3 copy groups" in page.locator("p.meta").first.inner_text()
    page.click("#story-facts >> text=trade_volume")
    page.wait_for_url("**/facts/*")
    assert "2 independent sources (3 reports in 2 copy groups, 3 outlets)" in page.locator("#independence").inner_text()
    page.click("#fact-stories >> text=Central Asia trade hits a record")
    page.wait_for_url("**/stories/trade-2023")
    page.goto(base_url + "/stories/talks-astana")
    assert page.locator("#story-events li").all_inner_texts() == ["talks · 2024-05-09 · Astana · CN, KZ (2 reports)"]


def test_a_document_tells_copies_of_its_report_from_other_reports_of_its_story(page, base_url):
    page.goto(base_url + "/documents/wire-en")
    assert page.locator("#copies li").all_inner_texts() == ["Record trade with Central Asia — portal.example 2024-01-16"]
    assert len(page.locator("#reports li").all_inner_texts()) == 2
    assert page.locator("#doc-story").inner_text() == "Story: Central Asia trade hits a record"
    page.click("#doc-story a")
    page.wait_for_url("**/stories/trade-2023")
