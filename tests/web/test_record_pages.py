"""The analyst's questions on the pages, in a real headless Chromium: trade in every currency, named
meetings with their people, quotes with date and outlet."""

from __future__ import annotations

import json

import pytest
from browser import chromium_page, needs_chromium, serving

pytestmark = needs_chromium

ARTICLES = [
    {"id": "p-trade-24", "published": "2025-01-12", "outlet": "wire-one.example", "text":
     "BEIJING, Jan. 12 -- Trade between China and the five Central Asian countries reached 700.5 billion yuan (97.6 billion U.S. dollars) "
     "in 2024, according to data released on Sunday by the General Administration of Customs."},
    {"id": "p-trade-23", "published": "2024-01-14", "outlet": "wire-two.example", "text":
     "BEIJING, Jan. 14 -- Trade between China and the five Central Asian countries reached 89.4 billion U.S. dollars in 2023, customs data showed."},
    {"id": "p-visit", "published": "2025-06-17", "outlet": "daily-three.example", "text":
     "ASTANA, June 16 -- Chinese President Xi Jinping arrived in Astana on Monday for a state visit to Kazakhstan.\n\n"
     "Xi held talks with Kazakh President Kassym-Jomart Tokayev in Astana on Monday.\n\n"
     "Xi said that China was ready to buy more wheat from Kazakhstan."},
    {"id": "p-summit", "published": "2023-05-20", "outlet": "daily-four.example", "text":
     "XI'AN, May 19 -- The leaders of China and the five Central Asian countries wrapped up the first China-Central Asia Summit in Xi'an on Friday."},
    {"id": "p-agency", "published": "2025-03-02", "outlet": "agency-five.example", "text":
     "The Xinhua news agency said that freight trains between China and Uzbekistan had run on time all winter."},
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, nlp, profile):
    from silkwatch.pipeline import ingest
    from silkwatch.store import open_store

    path = tmp_path_factory.mktemp("pages")
    src = path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    url = f"sqlite:///{path / 'pages.db'}"
    store = open_store(url)
    ingest([str(src)], store, profile)
    store.close()
    with serving(url) as base:
        yield base


@pytest.fixture(scope="module")
def page(base_url):
    with chromium_page() as pg:
        yield pg


def test_the_trade_chart_shows_every_currency_through_the_latest_year_with_values_and_a_zero(page, base_url):
    page.goto(base_url + "/")
    chart = page.locator("#trade-chart")
    assert {chart.locator(".series").nth(i).get_attribute("data-unit") for i in range(chart.locator(".series").count())} == {"CNY", "USD"}
    ticks = chart.locator("text.xtick").all_text_contents()
    assert ticks[-1] == "2024" and "2023" in ticks
    values = chart.locator("text.value").all_text_contents()
    assert {"700.5 bn CNY", "97.6 bn USD", "89.4 bn USD"} <= set(values)
    assert "0" in chart.locator("text.ytick").all_text_contents()
    page.click("text=Every period of this series")
    page.wait_for_url("**/facts/series?*")
    first = page.locator("#series-table tbody tr").first.inner_text()
    assert "2024" in first and "700,500,000,000 CNY" in first and "97,600,000,000 USD" in first
    assert "General Administration of Customs" in first


def test_latest_events_are_named_and_newest_first(page, base_url):
    page.goto(base_url + "/")
    items = page.locator("#latest-events li").all_text_contents()
    assert items[0].startswith("2025-06-16") and "Xi’s state visit to Kazakhstan" in items[0]
    assert any("First China–Central Asia Summit" in i and i.startswith("2023-05-19") for i in items)


def test_the_timeline_names_meetings_with_people_and_puts_the_talks_under_the_visit(page, base_url):
    page.goto(base_url + "/timeline")
    rows = page.locator("#timeline tbody tr")
    texts = rows.all_text_contents()
    visit = next(i for i, t in enumerate(texts) if "Xi’s state visit to Kazakhstan" in t)
    assert "Xi–Tokayev talks" in texts[visit + 1] and rows.nth(visit + 1).get_attribute("class") == "part"
    assert "Kassym-Jomart Tokayev" in texts[visit] and "daily-three.example" in texts[visit]


def test_quotes_by_xi_leave_out_xinhua_and_show_date_and_outlet(page, base_url):
    page.goto(base_url + "/quotes")
    page.fill("input[name=speaker]", "Xi")
    page.click("#quote-search button")
    page.wait_for_url("**/quotes?*")
    text = page.locator("ul.quotes").inner_text()
    assert "Xi Jinping" in text and "Xinhua" not in text
    assert "2025-06-17" in text and "daily-three.example" in text


def test_the_facts_page_lists_events_latest_first(page, base_url):
    page.goto(base_url + "/facts?kind=event")
    labels = page.locator("table tbody tr td:first-child").all_text_contents()
    dates = [label.rsplit("· ", 1)[-1] for label in labels if label.rsplit("· ", 1)[-1][:1].isdigit()]
    assert dates and dates == sorted(dates, reverse=True) and dates[0] == "2025-06-16"
