"""Listings: RSS/Atom feeds, sitemaps and news sitemaps, sitemap indexes and URL lists."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsroom import rss, sitemap

from silkwatch.errors import FetchError
from silkwatch.feeds import read_listing

BASE = "https://news.example/"


def test_feed_items_carry_absolute_links_titles_and_days():
    listing = read_listing("feed", rss("/a.html", "https://other.example/b").encode(), BASE + "feed.xml")
    assert [i.url for i in listing.items] == ["https://news.example/a.html", "https://other.example/b"]
    assert listing.items[0].published == "2025-03-04" and listing.items[0].title == "Item /a.html"


def test_an_atom_feed_reads_like_rss():
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            b'<entry><title>One</title><link href="/one"/><updated>2024-06-01T08:00:00Z</updated></entry></feed>')
    [item] = read_listing("feed", atom, BASE + "atom").items
    assert item.url == "https://news.example/one" and item.published == "2024-06-01" and item.updated


def test_a_news_sitemap_gives_publication_days():
    [item] = read_listing("sitemap", sitemap("/r.html").encode(), BASE + "sitemap.xml").items
    assert item.url == "https://news.example/r.html" and item.published == "2025-03-05" and item.title == "On /r.html"


def test_a_sitemap_index_names_its_sitemaps():
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>")
    listing = read_listing("sitemap", index, BASE + "index.xml")
    assert listing.sitemaps == ("https://news.example/s1.xml", "https://news.example/s2.xml") and not listing.items


def test_a_url_list_skips_blank_lines_comments_and_links_that_are_not_web_pages():
    listing = read_listing("urls", b"# today\n/a\n\nhttps://x.example/b\njavascript:alert(1)\nmailto:x@y.example\n", BASE)
    assert [i.url for i in listing.items] == ["https://news.example/a", "https://x.example/b"]


@pytest.mark.parametrize(("kind", "body", "why"), [
    ("feed", b"<rss><channel><item><title>cut", "not a readable RSS or Atom feed"),
    ("sitemap", b"<urlset><url><loc>", "not a readable sitemap"),
    ("sitemap", b"<html><body>hello</body></html>", "not a sitemap"),
])
def test_a_broken_listing_is_an_error_naming_its_url(kind, body, why):
    with pytest.raises(FetchError, match=why) as e:
        read_listing(kind, body, BASE + "x")
    assert e.value.url == BASE + "x"


def test_an_entity_in_a_sitemap_is_not_expanded():
    evil = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a&x;</loc></url></urlset>')
    try:
        items = read_listing("sitemap", evil, BASE).items
    except FetchError:
        return
    assert all("root:" not in i.url for i in items)


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(["feed", "sitemap", "urls"]), body=st.binary(max_size=300))
def test_any_bytes_give_a_listing_or_a_fetch_error(kind, body):
    try:
        listing = read_listing(kind, body, BASE)
    except FetchError:
        return
    assert all(i.url.startswith(("http://", "https://")) for i in listing.items)
