"""The fetcher against a real HTTP server on 127.0.0.1: the SSRF guard, robots.txt, conditional GET, limits."""

from __future__ import annotations

import pytest
from newsroom import serve_newsroom

from silkwatch.errors import FetchError
from silkwatch.fetch import Fetcher, FetchPolicy, guard_url

LOCAL = frozenset({"127.0.0.1"})


@pytest.fixture(scope="module")
def site():
    with serve_newsroom() as (room, base):
        yield room, base


@pytest.fixture
def fetcher(site):
    site[0].reset()
    with Fetcher(FetchPolicy(min_interval=0, timeout=1.0, retries=1, backoff=0.01, max_bytes=200_000, allow_hosts=LOCAL)) as f:
        yield f


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1/", "private or local"),
        ("http://[::1]/", "private or local"),
        ("http://10.0.0.8/feed", "private or local"),
        ("http://192.168.1.1/", "private or local"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://metadata.google.internal/", "metadata"),
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/x", "only http and https"),
        ("http://[::ffff:127.0.0.1]/", "private or local"),
    ],
)
def test_guard_refuses_what_is_not_a_public_web_address(url, why):
    with pytest.raises(FetchError, match=why):
        guard_url(url)


def test_guard_lets_a_host_the_user_named_through():
    guard_url("http://127.0.0.1:8080/feed.xml", LOCAL)


def test_a_page_comes_with_its_validators(site, fetcher):
    _, base = site
    r = fetcher.fetch(base + "/news/border.html")
    assert r.status == 200 and b"Tokayev" in r.content and r.etag


def test_a_conditional_fetch_of_an_unchanged_page_is_304_with_no_body(site, fetcher):
    _, base = site
    first = fetcher.fetch(base + "/news/border.html")
    again = fetcher.fetch(base + "/news/border.html", etag=first.etag)
    assert again.unchanged and again.content == b""


def test_a_moved_page_is_followed_to_its_new_address(site, fetcher):
    _, base = site
    r = fetcher.fetch(base + "/moved")
    assert r.url.endswith("/news/rail.html") and b"Wang Yi" in r.content


def test_a_redirect_to_a_private_address_is_refused_before_any_connection(site, fetcher):
    _, base = site
    with pytest.raises(FetchError, match="10.255.255.1 resolves to a private"):
        fetcher.fetch(base + "/to-private")


def test_a_redirect_to_a_host_not_allowed_by_name_is_refused(site, fetcher):
    room, base = site
    with pytest.raises(FetchError, match="localhost resolves to a private or local address"):
        fetcher.fetch(base + "/to-localhost")
    assert "/news/border.html" not in room.hits


def test_robots_txt_disallow_is_honoured_without_fetching_the_page(site, fetcher):
    room, base = site
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(base + "/private/secret.html")
    assert "/private/secret.html" not in room.hits


def test_gone_is_an_error_that_is_not_retried(site, fetcher):
    room, base = site
    with pytest.raises(FetchError, match="HTTP 410") as e:
        fetcher.fetch(base + "/gone")
    assert not e.value.transient and room.hits.count("/gone") == 1


def test_a_slow_server_times_out_after_the_retries(site, fetcher):
    room, base = site
    with pytest.raises(FetchError, match="timed out"):
        fetcher.fetch(base + "/slow")
    assert room.hits.count("/slow") == 2  # the first try and one retry


def test_a_huge_page_is_cut_off_at_the_size_cap(site, fetcher):
    _, base = site
    with pytest.raises(FetchError, match="too large"):
        fetcher.fetch(base + "/huge")
