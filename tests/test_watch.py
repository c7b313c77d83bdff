"""Following live sources end to end: a newsroom on 127.0.0.1 polled through the library and the real CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest
from newsroom import ARTICLE, rss, serve_newsroom

from silkwatch.errors import ConfigError
from silkwatch.fetch import Fetcher, FetchPolicy
from silkwatch.store.live import live_stats, source_states
from silkwatch.records import web_document_id
from silkwatch.watch import Source, load_sources, poll_source, watch


@pytest.fixture(scope="module")
def site():
    with serve_newsroom() as (room, base):
        yield room, base


@pytest.fixture
def fetcher(site):
    site[0].reset()
    with Fetcher(FetchPolicy(min_interval=0, timeout=1.0, retries=0, allow_hosts=frozenset({"127.0.0.1"}))) as f:
        yield f


def test_a_poll_stores_the_listed_articles_and_records_what_failed(site, fetcher, store, profile):
    room, base = site
    report = poll_source(Source("newsroom", base + "/feed.xml"), fetcher, store, profile)
    assert (report.listed, report.stored, report.failed) == (4, 2, 2)  # robots.txt and 410 Gone fail
    assert any("robots.txt" in e for e in report.errors) and any("410" in e for e in report.errors)
    doc = store.get_document(web_document_id(base + "/news/border.html"))
    assert doc.outlet == "127.0.0.1" and doc.published == "2025-03-04" and "Tokayev" in doc.text
    assert {c.kind for c in store.claims_for(doc.doc_id)} >= {"quote", "role"}
    [state] = source_states(store)
    assert (state.polls, state.articles, state.errors) == (1, 2, 2) and state.next_poll > state.last_poll


def test_an_unchanged_listing_is_answered_304_and_nothing_is_fetched(site, fetcher, store, profile):
    room, base = site
    poll_source(Source("newsroom", base + "/feed.xml"), fetcher, store, profile)
    room.hits.clear()
    report = poll_source(Source("newsroom", base + "/feed.xml"), fetcher, store, profile)
    assert (report.listed, report.stored, report.failed) == (0, 0, 0) and room.hits == ["/feed.xml"]


def test_a_new_listing_fetches_only_the_articles_not_stored_and_not_gone(site, fetcher, store, profile):
    room, base = site
    poll_source(Source("newsroom", base + "/feed.xml"), fetcher, store, profile)
    room.routes["/feed.xml"] = (200, "application/rss+xml", rss("/news/border.html", "/gone", "/news/rail.html"))
    room.hits.clear()
    report = poll_source(Source("newsroom", base + "/feed.xml"), fetcher, store, profile)
    assert (report.stored, report.unchanged, report.failed) == (0, 2, 0)  # rail.html came in before, through /moved
    assert [h for h in room.hits if h != "/feed.xml"] == []


def test_an_article_the_listing_says_changed_is_fetched_and_extracted_again(site, fetcher, store, profile):
    room, base = site
    poll_source(Source("newsroom", base + "/feed.xml"), fetcher, store, profile)
    room.routes["/feed.xml"] = (200, "application/rss+xml", rss("/news/border.html").replace("10:00:00", "18:00:00"))
    room.routes["/news/border.html"] = (200, "text/html", ARTICLE.format(
        title="Border crossings", body="Kazakh President Kassym-Jomart Tokayev said that Kazakhstan would open three new border crossings with China."))
    report = poll_source(Source("newsroom", base + "/feed.xml"), fetcher, store, profile)
    assert report.stored == 1
    assert "three new border crossings" in store.get_document(web_document_id(base + "/news/border.html")).text


def test_a_malformed_feed_is_an_error_of_that_source_only(site, fetcher, store, profile):
    room, base = site
    sources = (Source("broken", base + "/bad-feed.xml"), Source("sitemap", base + "/sitemap.xml", kind="sitemap"))
    reports = {r.source: r for r in watch(sources, store, profile, fetcher, rounds=1)}
    assert reports["broken"].failed == 1 and "not a readable RSS or Atom feed" in reports["broken"].errors[0]
    assert reports["sitemap"].stored == 1
    assert live_stats(store)["errors"] == 1


def test_a_source_not_yet_due_is_not_polled(site, fetcher, store, profile):
    room, base = site
    sources = (Source("newsroom", base + "/feed.xml", every=3600),)
    watch(sources, store, profile, fetcher, rounds=1)
    room.hits.clear()
    assert watch(sources, store, profile, fetcher, rounds=1) == [] and room.hits == []


def test_a_feed_on_a_private_address_is_refused_unless_its_host_is_allowed(site, store, profile):
    _, base = site
    with Fetcher(FetchPolicy(min_interval=0, timeout=1.0, retries=0)) as strict:
        report = poll_source(Source("newsroom", base + "/feed.xml"), strict, store, profile)
    assert report.stored == 0 and "private or local address" in report.errors[0]


@pytest.mark.parametrize(("body", "why"), [
    ('[[source]]\nurl = "ftp://x.example/feed"\n', r"needs an http\(s\) url"),
    ('[[source]]\nurl = "https://x.example/feed"\nkind = "podcast"\n', "kind must be one of"),
    ('[[source]]\nurl = "https://x.example/feed"\nevery = "5s"\n', "too often"),
    ('[[source]]\nurl = "https://x.example/feed"\nevery = "soon"\n', "must be a duration"),
    ('[[source]]\nurl = "https://x.example/a"\n[[source]]\nurl = "https://x.example/b"\n', "a second source named 'x.example'"),
    ("title = 'nothing here'\n", "no \\[\\[source\\]\\] tables"),
])
def test_a_wrong_sources_file_names_the_file_and_entry(tmp_path, body, why):
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=why) as e:
        load_sources(path)
    assert str(path) in str(e.value)


def test_watch_once_through_the_real_command(site, tmp_path, nlp):
    room, base = site
    room.reset()
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "newsroom"\nurl = "{base}/feed.xml"\nevery = "30m"\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    cmd = [sys.executable, "-m", "silkwatch", "--db", db, "watch", str(sources), "--once", "--allow-host", "127.0.0.1", "--min-interval", "0"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1  # two listed articles could not be had
    assert "newsroom: listed 4, stored 2, unchanged 0, failed 2" in r.stdout
    assert "failed: " in r.stderr and "robots.txt" in r.stderr and "Traceback" not in r.stderr
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert again.stdout.strip() == ""  # nothing due: the next poll is in 30 minutes
