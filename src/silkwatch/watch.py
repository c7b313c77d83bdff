"""Follow live sources: poll each feed, sitemap or URL list on its schedule and ingest the articles it lists."""

from __future__ import annotations

import logging
import re
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ConfigError, FetchError
from .feeds import SOURCE_KINDS, FeedItem, read_listing
from .fetch import Fetcher
from .pipeline import ingest_articles
from .profile import Profile
from .records import RawArticle, web_document_id
from .store import Store
from .store.live import FetchedUrl, SourceState, fetched, record_fetch, record_poll, source_state

__all__ = ["Source", "PollReport", "load_sources", "poll_source", "watch", "due_sources"]

log = logging.getLogger(__name__)

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 60}
# Polling more often than this is impolite to any news site.
MIN_EVERY_SECONDS = 60.0
# A sitemap index can name thousands of sitemaps; one poll reads at most this many of them.
MAX_SITEMAPS_PER_POLL = 20


@dataclass(frozen=True)
class Source:
    """One listing to follow, as its sources file names it."""

    name: str
    url: str
    kind: str = "feed"  # feed | sitemap | urls
    every: float = 3600.0  # seconds between polls
    outlet: str | None = None
    max_items: int = 200  # articles fetched per poll at most, newest listed first


@dataclass
class PollReport:
    """What one poll of one source did."""

    source: str
    listed: int = 0
    stored: int = 0  # new or changed articles stored
    unchanged: int = 0  # already stored and not changed (not fetched, or answered 304)
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.source}: listed {self.listed}, stored {self.stored}, unchanged {self.unchanged}, failed {self.failed}"


def _seconds(value, where: str) -> float:
    m = DURATION.match(str(value))
    if not m:
        raise ConfigError(f"{where}: 'every' must be a duration such as 30m, 2h or 1d, not {value!r}")
    seconds = float(m.group(1)) * UNIT_SECONDS[m.group(2)]
    if seconds < MIN_EVERY_SECONDS:
        raise ConfigError(f"{where}: polling every {value} is too often; at least every {MIN_EVERY_SECONDS:g} s")
    return seconds


def load_sources(path: str | Path) -> tuple[Source, ...]:
    """The [[source]] tables of a sources file; ConfigError naming the file and entry when one is wrong."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: sources file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{p}: cannot read sources file: {e}") from None
    out, names = [], set()
    for i, t in enumerate(data.get("source", []), 1):
        where = f"{p}: [[source]] #{i}"
        url, kind = t.get("url"), t.get("kind", "feed")
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            raise ConfigError(f"{where}: needs an http(s) url")
        if kind not in SOURCE_KINDS:
            raise ConfigError(f"{where}: kind must be one of {', '.join(SOURCE_KINDS)}, not {kind!r}")
        name = str(t.get("name") or urlsplit(url).netloc)
        if name in names:
            raise ConfigError(f"{where}: a second source named {name!r}")
        names.add(name)
        out.append(Source(name, url, kind, _seconds(t.get("every", "1h"), where), t.get("outlet"), int(t.get("max_items", 200))))
    if not out:
        raise ConfigError(f"{p}: no [[source]] tables")
    return tuple(out)


def _outlet(source: Source, url: str) -> str:
    return source.outlet or (urlsplit(url).hostname or "").removeprefix("www.")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _list(source: Source, fetcher: Fetcher, state: SourceState | None) -> tuple[list[FeedItem], SourceState | None]:
    """The source's items, and its validators; no items when the listing is unchanged (304)."""
    result = fetcher.fetch(source.url, state.etag if state else None, state.last_modified if state else None)
    if result.unchanged:
        return [], state
    listing = read_listing(source.kind, result.content, result.url)
    items = list(listing.items)
    for sitemap in listing.sitemaps[:MAX_SITEMAPS_PER_POLL]:
        nested = fetcher.fetch(sitemap)
        items += read_listing("sitemap", nested.content, nested.url).items
    base = state or SourceState(source.name, source.kind, source.url)
    return items, replace(base, etag=result.etag, last_modified=result.last_modified)


def _fetch_article(source: Source, item: FeedItem, fetcher: Fetcher, known: FetchedUrl | None) -> tuple[RawArticle | None, list[FetchedUrl]]:
    """The article's page as a RawArticle (None when unchanged), and the fetch records to keep: one for the
    listed URL and, after a redirect, one for where the page now is, so that neither is fetched again."""
    now = _now().isoformat(timespec="seconds")
    result = fetcher.fetch(item.url, known.etag if known else None, known.last_modified if known else None)
    doc_id = known.doc_id if known and known.doc_id else web_document_id(result.url)
    status = "unchanged" if result.unchanged else "stored"
    records = [FetchedUrl(u, source.name, doc_id, result.etag, result.last_modified, item.updated, status, None, now)
               for u in dict.fromkeys((item.url, result.url))]
    if result.unchanged:
        return None, records
    text = result.content.decode("utf-8", "replace")
    raw = RawArticle(doc_id=doc_id, source=item.url, line=None, text=text, format="html", url=result.url,
                     outlet=_outlet(source, result.url), published=item.published, title=item.title)
    return raw, records


def poll_source(source: Source, fetcher: Fetcher, store: Store, profile: Profile) -> PollReport:
    """Poll one source once: list its articles, fetch the new and changed ones, ingest them, record the poll."""
    report = PollReport(source.name)
    state = source_state(store, source.name)
    try:
        items, state = _list(source, fetcher, state)
    except FetchError as e:
        report.failed += 1
        report.errors.append(str(e))
        log.warning("%s", e)
        items = []
    report.listed = len(items)
    items = items[: source.max_items]
    known = fetched(store, [i.url for i in items])
    articles, records = [], []
    for item in items:
        seen = known.get(item.url)
        if seen and seen.status == "gone":
            continue  # the site said 404 or 410: not asked again
        if seen and seen.status != "failed" and (not item.updated or item.updated == seen.listed_update):
            report.unchanged += 1  # stored already, and the listing says it has not changed since
            continue
        try:
            raw, fetched_records = _fetch_article(source, item, fetcher, seen if seen and seen.status != "failed" else None)
        except FetchError as e:
            report.failed += 1
            report.errors.append(str(e))
            log.warning("%s", e)
            status = "gone" if e.status in (404, 410) else "failed"
            records.append(FetchedUrl(item.url, source.name, None, None, None, item.updated, status, e.reason, _now().isoformat(timespec="seconds")))
            continue
        records += fetched_records
        if raw is None:
            report.unchanged += 1
        else:
            articles.append(raw)
    if articles:
        ingested = ingest_articles(articles, store, profile)
        report.stored += ingested.stored
        report.unchanged += ingested.known
        report.failed += ingested.failed
        report.errors += [str(e) for e in ingested.failures]
        failed_ids = {e.source for e in ingested.failures}
        failed_docs = {a.doc_id for a in articles if a.source in failed_ids}
        records = [replace(r, status="failed", error="no article text in the page") if r.url in failed_ids or r.doc_id in failed_docs else r for r in records]
    for r in records:
        record_fetch(store, r)
    _record(store, source, state, report)
    return report


def _record(store: Store, source: Source, state: SourceState | None, report: PollReport) -> None:
    now = _now()
    base = state or SourceState(source.name, source.kind, source.url)
    record_poll(store, replace(
        base, kind=source.kind, url=source.url,
        last_poll=now.isoformat(timespec="seconds"),
        next_poll=(now + timedelta(seconds=source.every)).isoformat(timespec="seconds"),
        polls=base.polls + 1, articles=base.articles + report.stored, errors=base.errors + report.failed,
        last_error=report.errors[-1][:500] if report.errors else base.last_error,
    ))


def due_sources(sources: tuple[Source, ...], store: Store, now: datetime | None = None) -> list[Source]:
    """The sources whose next poll is due (never polled ones first)."""
    now = now or _now()
    due = []
    for s in sources:
        state = source_state(store, s.name)
        if state is None or not state.next_poll or datetime.fromisoformat(state.next_poll) <= now:
            due.append(s)
    return due


def watch(
    sources: tuple[Source, ...],
    store: Store,
    profile: Profile,
    fetcher: Fetcher,
    rounds: int | None = None,
    on_poll: Callable[[PollReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[PollReport]:
    """Poll due sources until stopped (Ctrl-C) or, with rounds, that many rounds; every source's failure stays its own."""
    reports: list[PollReport] = []
    done = 0
    while rounds is None or done < rounds:
        for source in due_sources(sources, store):
            report = poll_source(source, fetcher, store, profile)
            reports.append(report)
            if on_poll:
                on_poll(report)
        done += 1
        if rounds is not None and done >= rounds:
            break
        sleep(_until_next(sources, store))
    return reports


def _until_next(sources: tuple[Source, ...], store: Store) -> float:
    now = _now()
    waits = [MIN_EVERY_SECONDS]
    for s in sources:
        state = source_state(store, s.name)
        if state and state.next_poll:
            waits.append((datetime.fromisoformat(state.next_poll) - now).total_seconds())
    return max(1.0, min(waits))

