"""The store's record of live sources: each listing's schedule and tallies, each fetched article URL."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from . import Store
from .schema import fetched_urls, sources

__all__ = ["SourceState", "FetchedUrl", "source_states", "source_state", "record_poll", "fetched", "record_fetch", "live_stats"]


@dataclass(frozen=True)
class SourceState:
    """What the store knows of one polled source."""

    name: str
    kind: str
    url: str
    last_poll: str | None = None
    next_poll: str | None = None
    polls: int = 0
    articles: int = 0
    errors: int = 0
    last_error: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchedUrl:
    """One article URL as last fetched."""

    url: str
    source: str
    doc_id: str | None
    etag: str | None
    last_modified: str | None
    listed_update: str | None
    status: str
    error: str | None
    fetched_at: str


def _upsert(conn, table, row: dict, key: str) -> None:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table).values(**row)
    conn.execute(stmt.on_conflict_do_update(index_elements=[key], set_={k: stmt.excluded[k] for k in row if k != key}))


def source_states(store: Store) -> list[SourceState]:
    """Every source ever polled, by name."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(sources).order_by(sources.c.name)).all()
    return [SourceState(**r._mapping) for r in rows]


def source_state(store: Store, name: str) -> SourceState | None:
    with store.engine.connect() as conn:
        r = conn.execute(select(sources).where(sources.c.name == name)).first()
    return SourceState(**r._mapping) if r else None


def record_poll(store: Store, state: SourceState) -> None:
    """Write a source's state after a poll (its tallies already added up by the caller)."""
    with store.transaction() as conn:
        _upsert(conn, sources, {k: getattr(state, k) for k in SourceState.__dataclass_fields__}, "name")


def fetched(store: Store, urls: list[str]) -> dict[str, FetchedUrl]:
    """The fetch record of each of these URLs that was fetched before."""
    out: dict[str, FetchedUrl] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(urls), 500):
            rows = conn.execute(select(fetched_urls).where(fetched_urls.c.url.in_(urls[i : i + 500]))).all()
            out.update({r.url: FetchedUrl(**r._mapping) for r in rows})
    return out


def record_fetch(store: Store, record: FetchedUrl) -> None:
    with store.transaction() as conn:
        _upsert(conn, fetched_urls, {k: getattr(record, k) for k in FetchedUrl.__dataclass_fields__}, "url")


def live_stats(store: Store) -> dict:
    """Totals over every source: how many, articles stored from them, errors, the last poll."""
    with store.engine.connect() as conn:
        n, articles, errors, last = conn.execute(
            select(func.count(), func.coalesce(func.sum(sources.c.articles), 0), func.coalesce(func.sum(sources.c.errors), 0), func.max(sources.c.last_poll))
        ).one()
        failing = conn.scalar(select(func.count()).select_from(fetched_urls).where(fetched_urls.c.status == "failed"))
    return {"sources": n, "articles": int(articles), "errors": int(errors), "last_poll": last, "failed_urls": failing}

