"""The pages in a real headless Chromium: chart, evidence, quote search, and untrusted text that runs nothing."""

from __future__ import annotations

from browser import needs_chromium

pytestmark = needs_chromium


def test_overview_draws_the_trade_chart_and_a_point_leads_to_its_evidence(page, base_url):
    page.goto(base_url + "/")
    points = page.locator("#trade-chart circle")
    assert points.count() >= 1
    assert "2023" in page.locator("#trade-chart").text_content()
    page.locator("#trade-chart a").first.click()
    page.wait_for_url("**/facts/*")
    assert "contested" in page.locator("main").inner_text()
    evidence = page.locator("mark.evidence")
    assert evidence.count() == 2 and "billion" in evidence.first.inner_text()
    page.locator("article.source a").first.click()
    page.wait_for_url("**/documents/*")
    assert page.locator(".doctext mark").count() >= 1


def test_quote_search_finds_the_words(page, base_url):
    page.goto(base_url + "/quotes")
    page.fill("input[name=speaker]", "Xi")
    page.fill("input[name=q]", "railways")
    page.click("#quote-search button")
    page.wait_for_url("**/quotes?*")
    assert "China is ready to build more railways" in page.locator("ul.quotes").inner_text()


def test_script_in_an_article_is_shown_as_text_and_runs_nothing(page, base_url):
    page.goto(base_url + "/documents/x-inject")
    page.wait_for_timeout(300)
    text = page.locator(".doctext").inner_text()
    assert "<script>alert(1)</script>" in text and "onerror=alert(2)" in text
    assert page.locator(".doctext img, .doctext script, .doctext a[href^='javascript']").count() == 0
    assert page.dialogs == []
    page.goto(base_url + "/search?q=alert")
    assert page.dialogs == []


def test_interactive_api_docs_load_without_network(page, base_url):
    page.goto(base_url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=10000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    assert page.dialogs == []
