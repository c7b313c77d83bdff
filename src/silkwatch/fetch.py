"""Fetch pages and feeds politely and safely: an SSRF guard on every hop, robots.txt, a rate per host,
conditional GET, retries with backoff, a size cap and a bounded number of redirects."""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from .errors import FetchError

__all__ = ["FetchPolicy", "FetchResult", "Fetcher", "guard_url", "USER_AGENT"]

log = logging.getLogger(__name__)

USER_AGENT = "silkwatch/0.1 (+news monitoring; respects robots.txt)"
# Cloud metadata services answer on these names and addresses; no fetch may reach them.
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "169.254.169.254", "fd00:ec2::254"})


@dataclass(frozen=True)
class FetchPolicy:
    """How one fetcher behaves; the defaults suit a news site that publishes a few articles an hour."""

    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    min_interval: float = 2.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    allow_hosts: frozenset[str] = field(default_factory=frozenset)  # hosts that may resolve to private addresses


@dataclass(frozen=True)
class FetchResult:
    """One answered request: 200 with content, or 304 (unchanged) with none."""

    url: str  # where the content came from, after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def unchanged(self) -> bool:
        return self.status == 304


def _blocked_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified or str(ip) in METADATA_HOSTS


def guard_url(url: str, allow_hosts: frozenset[str] = frozenset()) -> None:
    """Raise FetchError unless the URL is http(s) and every address its host resolves to is public
    (or the host is one the user allowed by name)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https are fetched, not {parts.scheme or 'a relative URL'!r}")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchError(url, "no host in the URL")
    if host in allow_hosts:
        return
    if host in METADATA_HOSTS:
        raise FetchError(url, f"refused: {host} is a cloud metadata address")
    try:
        literal = ipaddress.ip_address(host)
        addresses = [literal]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
        except socket.gaierror as e:
            raise FetchError(url, f"cannot resolve {host}: {e.strerror}") from None
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    bad = [str(a) for a in addresses if _blocked_address(a)]
    if bad:
        raise FetchError(url, f"refused: {host} resolves to a private or local address ({bad[0]}); allow the host by name to fetch it")


class Fetcher:
    """One polite HTTP client: robots.txt and a minimum interval per host, the SSRF guard on every hop."""

    def __init__(self, policy: FetchPolicy | None = None):
        self.policy = policy or FetchPolicy()
        self._client = httpx.Client(
            follow_redirects=False, timeout=self.policy.timeout, headers={"User-Agent": self.policy.user_agent}, trust_env=False
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET the URL (conditionally when etag or last_modified is given); FetchError when it cannot be had."""
        if not self.allowed_by_robots(url):
            raise FetchError(url, "disallowed by the site's robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._with_retries(url, headers)

    def allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.policy.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt rules; None (everything allowed) when it has none."""
        try:
            result = self._get(origin + "/robots.txt", {})
        except FetchError as e:
            log.debug("no robots.txt for %s: %s", origin, e.reason)
            return None
        if result.status != 200:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(result.content.decode("utf-8", "replace").splitlines())
        return rules

    def _with_retries(self, url: str, headers: dict[str, str]) -> FetchResult:
        delay = self.policy.backoff
        for attempt in range(self.policy.retries + 1):
            try:
                return self._get(url, headers)
            except FetchError as e:
                if not e.transient or attempt == self.policy.retries:
                    raise
                log.info("fetch %s failed (%s); retrying in %.1f s", url, e.reason, delay)
                time.sleep(min(delay, e.retry_after or delay))
                delay *= 2
        raise AssertionError("unreachable")

    def _get(self, url: str, headers: dict[str, str]) -> FetchResult:
        """One request with redirects followed by hand, so the guard sees every hop."""
        for _ in range(self.policy.max_redirects + 1):
            guard_url(url, self.policy.allow_hosts)
            self._wait_turn(url)
            try:
                with self._client.stream("GET", url, headers=headers) as r:
                    if r.status_code in (301, 302, 303, 307, 308) and "location" in r.headers:
                        url = urljoin(url, r.headers["location"])
                        continue
                    return self._answer(url, r)
            except httpx.TimeoutException:
                raise FetchError(url, f"timed out after {self.policy.timeout:g} s", transient=True) from None
            except httpx.HTTPError as e:
                raise FetchError(url, f"connection failed: {type(e).__name__}", transient=True) from None
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _answer(self, url: str, r: httpx.Response) -> FetchResult:
        status = r.status_code
        if status == 304:
            return FetchResult(url, 304, etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"))
        if status == 429 or status >= 500:
            raise FetchError(url, f"HTTP {status}", transient=True, retry_after=_retry_after(r.headers.get("retry-after")))
        if status != 200:
            raise FetchError(url, f"HTTP {status}" + (" (gone)" if status in (404, 410) else ""), status=status)
        declared = int(r.headers.get("content-length") or 0)
        if declared > self.policy.max_bytes:
            raise FetchError(url, f"too large ({declared / 1e6:.1f} MB > {self.policy.max_bytes / 1e6:.1f} MB)")
        body = bytearray()
        for chunk in r.iter_bytes():
            body += chunk
            if len(body) > self.policy.max_bytes:
                raise FetchError(url, f"too large (over {self.policy.max_bytes / 1e6:.1f} MB)")
        return FetchResult(
            url, 200, bytes(body), r.headers.get("content-type", ""), r.headers.get("etag"), r.headers.get("last-modified")
        )

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        with self._lock:
            wait = self._last.get(host, 0.0) + self.policy.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()


def _retry_after(value: str | None) -> float | None:
    """Seconds a server asked us to wait (a number or an HTTP date), capped at a minute."""
    if not value:
        return None
    try:
        return min(60.0, max(0.0, float(value)))
    except ValueError:
        try:
            return min(60.0, max(0.0, parsedate_to_datetime(value).timestamp() - time.time()))
        except (TypeError, ValueError):
            return None
