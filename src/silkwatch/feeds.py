"""What a source lists: the article links of an RSS/Atom feed, a sitemap or news sitemap, or a list of URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
import warnings
from urllib.parse import urljoin, urlsplit

from .errors import FetchError

__all__ = ["FeedItem", "Listing", "read_listing", "SOURCE_KINDS"]

SOURCE_KINDS = ("feed", "sitemap", "urls")
ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class FeedItem:
    """One article a source lists: its URL, and what the listing says of it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    updated: str | None = None  # when the listing says the article last changed, as it wrote it


@dataclass(frozen=True)
class Listing:
    """What one listing holds: articles, and for a sitemap index the sitemaps it names."""

    items: tuple[FeedItem, ...] = ()
    sitemaps: tuple[str, ...] = ()


def read_listing(kind: str, content: bytes, url: str) -> Listing:
    """The articles of a fetched listing; FetchError naming the URL when it is not one."""
    readers = {"feed": _feed, "sitemap": _sitemap, "urls": _url_list}
    if kind not in readers:
        raise FetchError(url, f"unknown source kind {kind!r}; expected one of {', '.join(SOURCE_KINDS)}")
    listing = readers[kind](content, url)
    # Only web pages are articles; a "javascript:" or "mailto:" link in a listing is not followed.
    return Listing(tuple(i for i in listing.items if urlsplit(i.url).scheme in ("http", "https")), listing.sitemaps)


def _day(value) -> str | None:
    m = ISO_DAY.search(str(value or ""))
    return m.group(1) if m else None


def _feed(content: bytes, url: str) -> Listing:
    import feedparser

    with warnings.catch_warnings():  # feedparser warns about its own updated/published fallback
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed = feedparser.parse(content)
        entries = [(e, e.get("updated") or e.get("published")) for e in parsed.entries]
    if parsed.bozo and not any(e.get("link") for e, _ in entries):
        raise FetchError(url, f"not a readable RSS or Atom feed: {type(parsed.get('bozo_exception')).__name__}")
    items = []
    for e, updated in entries:
        link = e.get("link")
        if not link:
            continue
        published = e.get("published_parsed") or e.get("updated_parsed")
        day = f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}" if published else None
        items.append(FeedItem(urljoin(url, link), e.get("title"), day, updated))
    return Listing(tuple(items))


def _sitemap(content: bytes, url: str) -> Listing:
    from lxml import etree

    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as e:
        raise FetchError(url, f"not a readable sitemap: {e.msg}") from None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        locs = [el.text.strip() for el in root.iter(f"{SITEMAP_NS}loc") if el.text]
        return Listing(sitemaps=tuple(urljoin(url, loc) for loc in locs))
    if tag != "urlset":
        raise FetchError(url, f"not a sitemap (root element <{tag}>)")
    items = []
    for entry in root.findall(f"{SITEMAP_NS}url"):
        loc = entry.findtext(f"{SITEMAP_NS}loc")
        if not loc:
            continue
        news_date = entry.findtext(f"{NEWS_NS}news/{NEWS_NS}publication_date")
        title = entry.findtext(f"{NEWS_NS}news/{NEWS_NS}title")
        lastmod = entry.findtext(f"{SITEMAP_NS}lastmod")
        items.append(FeedItem(urljoin(url, loc.strip()), title, _day(news_date), lastmod or news_date))
    return Listing(tuple(items))


def _url_list(content: bytes, url: str) -> Listing:
    text = content.decode("utf-8", "replace")
    lines = (line.strip() for line in text.splitlines())
    return Listing(tuple(FeedItem(urljoin(url, line)) for line in lines if line and not line.startswith("#")))
