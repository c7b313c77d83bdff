"""Errors in a real headless Chromium: a page with a wrong option is an HTML page saying what was wrong, the API stays JSON."""

from __future__ import annotations

import json

import pytest
from browser import needs_chromium

pytestmark = needs_chromium


@pytest.mark.parametrize("query, words", [("kind=bogus", "invalid kind"), ("party=Narnia", "unknown party"),
                                          ("offset=99999999999999999999999", "offset")])
def test_a_page_with_a_wrong_option_is_an_html_error_page(page, base_url, query, words):
    response = page.goto(f"{base_url}/facts?{query}")
    assert response.status == 422 and response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert words in page.locator("main").inner_text() and page.locator("header nav a").count() >= 3
    page.locator("main a", has_text="without its options").click()
    page.wait_for_url(f"{base_url}/facts")
    assert page.locator("main h1").count() == 1 and "invalid" not in page.locator("main").inner_text()


def test_a_name_where_a_code_is_expected_finds_the_same_facts(page, base_url):
    page.goto(f"{base_url}/facts?party=KZ")
    by_code = page.locator("main").inner_text()
    page.goto(f"{base_url}/facts?party=Kazakhstan")
    assert page.locator("main").inner_text().replace("Kazakhstan", "KZ") == by_code.replace("Kazakhstan", "KZ")


def test_the_api_answers_json_in_the_browser_too(page, base_url):
    response = page.goto(f"{base_url}/api/facts?since=2024-13-45")
    assert response.status == 422 and json.loads(page.locator("body").inner_text())["error"].startswith("invalid")
