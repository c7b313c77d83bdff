"""The store: documents, claims, stories and facts in SQLite or PostgreSQL, schema managed by Alembic."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..langid import EXTRACTED_LANGUAGES, UNDETERMINED
from ..records import Claim, Document
from .schema import claims, documents, fact_claims, facts, metadata, sources, stories

__all__ = ["Store", "open_store", "DEFAULT_DB_URL", "migrate"]

log = logging.getLogger(__name__)

DEFAULT_DB_URL = "sqlite:///silkwatch.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL keeps readers (the web server) going while an ingest writes; foreign keys make
    # deleting a document delete its claims.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def migrate(engine: Engine) -> None:
    """Bring the store's schema up to the newest migration."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_store(url: str | None = None) -> "Store":
    """Open (and create or migrate) the store at a SQLAlchemy URL; the default is ./silkwatch.db."""
    url = url or DEFAULT_DB_URL
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ValueError, ImportError) as e:
        raise StoreError(f"cannot use database URL {url!r}: {e}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except SQLAlchemyError as e:
        raise StoreError(f"cannot open store {url!r}: {e.__class__.__name__}: {e.orig if hasattr(e, 'orig') else e}") from None
    return Store(engine)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """Reads and writes the record; every write is one transaction, so an interrupted ingest loses nothing committed."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self):
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as e:
            raise StoreError(f"store write failed: {e.__class__.__name__}: {getattr(e, 'orig', e)}") from None

    # ------------------------------------------------------------------ documents
    def known_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """The stored content hash of each of these documents that the store already holds."""
        out: dict[str, str] = {}
        ids = list(dict.fromkeys(doc_ids))
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                rows = conn.execute(select(documents.c.doc_id, documents.c.content_hash).where(documents.c.doc_id.in_(ids[i : i + 500])))
                out.update({r.doc_id: r.content_hash for r in rows})
        return out

    def write_documents(self, batch: Iterable[tuple[Document, list[Claim]]]) -> int:
        """Store documents with their claims in one transaction, replacing earlier versions; returns how many."""
        batch = list(batch)
        if not batch:
            return 0
        now = _now()
        with self.transaction() as conn:
            ids = [d.doc_id for d, _ in batch]
            # Facts resting on a replaced version are dropped with it; their other claims are then
            # unlinked, so the next facts update recomputes them (reconcile.update_facts).
            stale = select(fact_claims.c.fact_id).join(claims, claims.c.claim_id == fact_claims.c.claim_id).where(claims.c.doc_id.in_(ids))
            conn.execute(delete(facts).where(facts.c.fact_id.in_(stale)))
            conn.execute(delete(claims).where(claims.c.doc_id.in_(ids)))
            conn.execute(delete(documents).where(documents.c.doc_id.in_(ids)))
            conn.execute(insert(documents), [_doc_row(d, now) for d, _ in batch])
            rows = {}
            for _, cs in batch:
                for c in cs:
                    rows[c.id] = _claim_row(c)
            if rows:
                conn.execute(insert(claims), list(rows.values()))
        return len(batch)

    def get_document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).first()
        return _row_doc(r) if r else None

    def iter_documents(self, batch_size: int = 200) -> Iterator[Document]:
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(documents).where(documents.c.doc_id > last).order_by(documents.c.doc_id).limit(batch_size)).all()
            if not rows:
                return
            for r in rows:
                yield _row_doc(r)
            last = rows[-1].doc_id

    # ------------------------------------------------------------------ claims
    def iter_claims(self, kind: str | None = None, batch_size: int = 1000, lang: str | None = None) -> Iterator[Claim]:
        """Every stored claim (of documents in one language, if given), in document then span order, streamed in batches."""
        last = ("", -1, "")
        while True:
            q = select(claims.c.doc_id, claims.c.span_start, claims.c.claim_id, claims.c.data)
            if kind:
                q = q.where(claims.c.kind == kind)
            if lang:
                q = q.where(claims.c.doc_id.in_(select(documents.c.doc_id).where(documents.c.lang == lang)))
            d, s, cid = last
            q = q.where(
                (claims.c.doc_id > d)
                | ((claims.c.doc_id == d) & (claims.c.span_start > s))
                | ((claims.c.doc_id == d) & (claims.c.span_start == s) & (claims.c.claim_id > cid))
            ).order_by(claims.c.doc_id, claims.c.span_start, claims.c.claim_id).limit(batch_size)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            for r in rows:
                yield Claim.from_dict(json.loads(r.data))
            last = (rows[-1].doc_id, rows[-1].span_start, rows[-1].claim_id)

    def claims_for(self, doc_id: str) -> list[Claim]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(claims.c.data).where(claims.c.doc_id == doc_id).order_by(claims.c.span_start)).all()
        return [Claim.from_dict(json.loads(r.data)) for r in rows]

    # ------------------------------------------------------------------ summary
    def fingerprint(self) -> dict[str, str]:
        """A hash each of the stored claims, facts and stories: equal when two stores hold the same record."""
        import hashlib

        def digest(query) -> str:
            h = hashlib.sha256()
            with self.engine.connect() as conn:
                for row in conn.execute(query):
                    h.update(json.dumps(list(row), ensure_ascii=False).encode("utf-8"))
            return h.hexdigest()[:16]

        return {
            "claims": digest(select(claims.c.claim_id, claims.c.data).order_by(claims.c.claim_id)),
            "facts": digest(select(facts.c.fact_id, facts.c.data).order_by(facts.c.fact_id)),
            "stories": digest(select(stories.c.doc_id, stories.c.story_id).order_by(stories.c.doc_id)),
        }

    def stats(self) -> dict:
        """What the store holds: documents, claims per kind, outlets, date range, stories and facts."""
        with self.engine.connect() as conn:
            n_docs = conn.scalar(select(func.count()).select_from(documents))
            per_kind = dict(conn.execute(select(claims.c.kind, func.count()).group_by(claims.c.kind)).all())
            outlets = conn.execute(
                select(documents.c.outlet, func.count()).where(documents.c.outlet.is_not(None)).group_by(documents.c.outlet).order_by(func.count().desc(), documents.c.outlet)
            ).all()
            first, last = conn.execute(select(func.min(documents.c.published), func.max(documents.c.published))).one()
            langs = conn.execute(select(documents.c.lang, func.count()).group_by(documents.c.lang).order_by(func.count().desc(), documents.c.lang)).all()
            undated = conn.scalar(select(func.count()).select_from(documents).where(documents.c.published.is_(None)))
            n_stories = conn.scalar(select(func.count(func.distinct(stories.c.story_id))))
            ranks = dict(conn.execute(select(facts.c.rank, func.count()).group_by(facts.c.rank)).all())
            n_sources, from_sources, source_errors = conn.execute(
                select(func.count(), func.coalesce(func.sum(sources.c.articles), 0), func.coalesce(func.sum(sources.c.errors), 0))
            ).one()
        return {
            "documents": n_docs,
            "claims": {k: per_kind.get(k, 0) for k in ("quantity", "event", "quote", "role", "commitment")},
            "claims_total": sum(per_kind.values()),
            "outlets": [{"outlet": o, "documents": n} for o, n in outlets],
            "published_from": first,
            "published_to": last,
            "undated": undated,
            "languages": {lang or UNDETERMINED: n for lang, n in langs},
            "not_extracted": sum(n for lang, n in langs if lang not in EXTRACTED_LANGUAGES),
            "stories": n_stories,
            "facts": ranks,
            "live_sources": {"sources": n_sources, "articles": int(from_sources), "errors": int(source_errors)},
        }


def _doc_row(d: Document, now: str) -> dict:
    return {
        "doc_id": d.doc_id, "content_hash": d.content_hash, "url": d.url, "outlet": d.outlet,
        "published": d.published, "title": d.title, "lang": d.lang, "source": d.source, "text": d.text,
        "ingested_at": now,
    }


def _row_doc(r) -> Document:
    return Document(doc_id=r.doc_id, text=r.text, source=r.source, url=r.url, outlet=r.outlet, published=r.published, title=r.title, lang=r.lang)


def _claim_row(c: Claim) -> dict:
    return {
        "claim_id": c.id, "doc_id": c.doc_id, "kind": c.kind, "span_start": c.span[0], "span_end": c.span[1],
        "indicator": c.indicator, "period": c.period, "speaker": c.speaker, "person": c.person,
        "data": json.dumps(c.as_dict(), ensure_ascii=False),
    }
