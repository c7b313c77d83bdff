"""The /sources page in a real headless Chromium, after a real poll of a newsroom on 127.0.0.1."""

from __future__ import annotations

import pytest
from browser import chromium_page, needs_chromium, serving
from newsroom import serve_newsroom

from silkwatch.fetch import Fetcher, FetchPolicy
from silkwatch.store import open_store
from silkwatch.watch import Source, poll_source

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def polled_db(tmp_path_factory, nlp, profile):
    url = f"sqlite:///{tmp_path_factory.mktemp('sources') / 's.db'}"
    store = open_store(url)
    with serve_newsroom() as (_, base), Fetcher(FetchPolicy(min_interval=0, timeout=1.0, retries=0, allow_hosts=frozenset({"127.0.0.1"}))) as f:
        poll_source(Source("example newsroom", base + "/feed.xml"), f, store, profile)
    store.close()
    return url


@pytest.fixture(scope="module")
def base_url(polled_db):
    with serving(polled_db) as url:
        yield url


def test_sources_page_shows_each_source_with_its_polls_articles_and_errors(base_url):
    with chromium_page() as page:
        page.goto(base_url + "/sources")
        cells = page.locator("table.sources tbody tr").first.locator("td").all_inner_texts()
    assert cells[0] == "example newsroom" and cells[1] == "feed"
    assert cells[4:7] == ["1", "2", "2"]  # one poll, two articles stored, two that could not be had
    assert "410" in cells[7] or "robots.txt" in cells[7]


def test_the_api_gives_the_same_figures(base_url):
    import httpx

    body = httpx.get(base_url + "/api/sources").json()
    [s] = body["sources"]
    assert (s["name"], s["polls"], s["articles"], s["errors"]) == ("example newsroom", 1, 2, 2)
    assert body["totals"]["articles"] == 2
