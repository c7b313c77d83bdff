"""The store: documents, claims, stories and facts in SQLite or PostgreSQL, schema managed by Alembic."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..langid import EXTRACTED_LANGUAGES, UNDETERMINED
from ..records import Claim, Document
from .engine import DEFAULT_DB_URL, MIGRATIONS, migrate, open_engine, redact, writing
from .schema import claims, documents, fact_claims, facts, sources, stories

__all__ = ["Store", "open_store", "drop_facts_of", "DEFAULT_DB_URL", "MIGRATIONS", "migrate", "redact"]

log = logging.getLogger(__name__)

# Rows per IN (...) list: well under SQLite's and PostgreSQL's parameter limits.
CHUNK = 500
# PostgreSQL's search vector reads this many characters of a text (a tsvector holds at most 1 MB).
SEARCH_CHARS = 200_000


def open_store(url: str | None = None) -> "Store":
    """Open (and create or migrate) the store at a SQLAlchemy URL; the default is ./silkwatch.db."""
    return Store(open_engine(url or DEFAULT_DB_URL))


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
        """One write transaction under the writer lock: concurrent writers take turns, none fails or loses rows."""
        try:
            with writing(self.engine) as conn:
                yield conn
        except SQLAlchemyError as e:
            raise StoreError(f"store write failed: {e.__class__.__name__}: {getattr(e, 'orig', e)}") from None

    # ------------------------------------------------------------------ documents
    def known_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """The stored content hash of each of these documents that the store already holds."""
        return {d: h for d, (h, _) in self.known_versions(doc_ids).items()}

    def known_versions(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """(content hash, extractor version of its claims) of each of these documents the store holds."""
        ids = list(dict.fromkeys(doc_ids))
        with self.engine.connect() as conn:
            return _versions(conn, ids)

    def write_documents(self, batch: Iterable[tuple[Document, list[Claim]]], extractor: str | None = None,
                        then: Callable[[Connection, list[Document]], object] | None = None) -> int:
        """Store documents with their claims in one transaction, replacing earlier versions; returns how many were written.

        A document already stored with the same content by the same extractor version (another
        writer got there first) is left as it is. `extractor` is the version that made the claims;
        `then(conn, documents written)` runs in the same transaction (the pipeline groups stories there).
        """
        batch = list({d.doc_id: (d, cs) for d, cs in batch}.values())
        if not batch:
            return 0
        now = _now()
        with self.transaction() as conn:
            if extractor is not None:
                stored = _versions(conn, [d.doc_id for d, _ in batch])
                batch = [(d, cs) for d, cs in batch if stored.get(d.doc_id) != (d.content_hash, extractor)]
            ids = [d.doc_id for d, _ in batch]
            for i in range(0, len(ids), CHUNK):
                drop_facts_of(conn, claims.c.doc_id.in_(ids[i:i + CHUNK]))
                conn.execute(delete(claims).where(claims.c.doc_id.in_(ids[i:i + CHUNK])))
                conn.execute(delete(documents).where(documents.c.doc_id.in_(ids[i:i + CHUNK])))
            if batch:
                conn.execute(insert(documents), [_doc_row(d, now, extractor) for d, _ in batch])
            _insert_claims(conn, [c for _, cs in batch for c in cs])
            if then is not None and batch:
                then(conn, [d for d, _ in batch])
        return len(batch)

    def replace_claims(self, results: Iterable[tuple[str, list[Claim]]], extractor: str) -> tuple[int, int]:
        """Replace the claims of stored documents (text and story unchanged) by a new extraction.

        Returns how many documents were changed and how many claims they had before; documents
        no longer stored (removed meanwhile) are skipped.
        """
        results = dict(results)
        with self.transaction() as conn:
            ids = [r[0] for r in conn.execute(select(documents.c.doc_id).where(documents.c.doc_id.in_(list(results))))]
            removed = conn.scalar(select(func.count()).select_from(claims).where(claims.c.doc_id.in_(ids)))
            drop_facts_of(conn, claims.c.doc_id.in_(ids))
            conn.execute(delete(claims).where(claims.c.doc_id.in_(ids)))
            conn.execute(update(documents).where(documents.c.doc_id.in_(ids)).values(extractor=extractor))
            _insert_claims(conn, [c for i in ids for c in results[i]])
        return len(ids), removed

    def get_document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(*DOC_COLUMNS).where(documents.c.doc_id == doc_id)).first()
        return _row_doc(r) if r else None

    def iter_documents(self, batch_size: int = 200, doc_ids: Sequence[str] | None = None, since: str | None = None,
                       outlet: str | None = None) -> Iterator[Document]:
        """Stored documents in id order, streamed in batches; optionally only these ids, published since a date, of an outlet."""
        last = ""
        where = _doc_filter(doc_ids, since, outlet)
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(*DOC_COLUMNS).where(documents.c.doc_id > last, *where)
                                    .order_by(documents.c.doc_id).limit(batch_size)).all()
            if not rows:
                return
            for r in rows:
                yield _row_doc(r)
            last = rows[-1].doc_id

    def count_documents(self, doc_ids: Sequence[str] | None = None, since: str | None = None, outlet: str | None = None) -> int:
        """How many documents iter_documents would give for the same filters."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(documents).where(*_doc_filter(doc_ids, since, outlet)))

    def search_documents(self, words: Sequence[str], limit: int = 50) -> list[dict]:
        """Documents holding every word, best match first, with a snippet: SQLite FTS5 or PostgreSQL full-text search."""
        words = [w for w in words if w]
        if not words:
            return []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
                rows = conn.execute(text(
                    "SELECT f.doc_id, d.title, d.outlet, d.published, snippet(documents_fts, 2, '', '', '…', 24) AS snippet "
                    "FROM documents_fts f JOIN documents d ON d.doc_id = f.doc_id WHERE documents_fts MATCH :m ORDER BY rank, f.doc_id LIMIT :n"),
                    {"m": match, "n": limit}).all()
            else:
                rows = conn.execute(text(
                    "SELECT d.doc_id, d.title, d.outlet, d.published, "
                    "ts_headline('simple', left(d.text, :chars), q, 'StartSel=\"\", StopSel=\"\", MaxWords=24, MinWords=10, "
                    "FragmentDelimiter=…, MaxFragments=1') AS snippet "
                    "FROM documents d, plainto_tsquery('simple', :words) q WHERE d.search @@ q "
                    "ORDER BY ts_rank_cd(d.search, q) DESC, d.doc_id LIMIT :n"),
                    {"words": " ".join(words), "n": limit, "chars": SEARCH_CHARS}).all()
        return [dict(r._mapping) for r in rows]

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
        """A hash each of the stored claims, facts and stories (with copy groups): equal when two stores hold the same record."""
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
            "stories": digest(select(stories.c.doc_id, stories.c.story_id, stories.c.copy_id).order_by(stories.c.doc_id)),
        }

    def stats(self) -> dict:
        """What the store holds: documents, claims per kind, outlets, date range, stories, copy groups and facts."""
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
            n_copies = conn.scalar(select(func.count(func.distinct(stories.c.copy_id))))
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
            "copy_groups": n_copies,
            "facts": ranks,
            "live_sources": {"sources": n_sources, "articles": int(from_sources), "errors": int(source_errors)},
        }


DOC_COLUMNS = (documents.c.doc_id, documents.c.text, documents.c.source, documents.c.url, documents.c.outlet,
               documents.c.published, documents.c.title, documents.c.lang)


def _versions(conn, ids: list[str]) -> dict[str, tuple[str, str | None]]:
    out = {}
    for i in range(0, len(ids), CHUNK):
        rows = conn.execute(select(documents.c.doc_id, documents.c.content_hash, documents.c.extractor)
                            .where(documents.c.doc_id.in_(ids[i:i + CHUNK])))
        out.update({r.doc_id: (r.content_hash, r.extractor) for r in rows})
    return out


def drop_facts_of(conn, where) -> None:
    """Inside a write transaction: delete the facts resting on the claims a condition selects.

    Their other claims are then referred to by no fact, so the next facts update recomputes
    them (reconcile.update_facts): used when claims are replaced or their stories merge.
    """
    stale = select(fact_claims.c.fact_id).join(claims, claims.c.claim_id == fact_claims.c.claim_id).where(where)
    conn.execute(delete(facts).where(facts.c.fact_id.in_(stale)))


def _insert_claims(conn, cs: list[Claim]) -> None:
    rows = {c.id: _claim_row(c) for c in cs}
    if rows:
        conn.execute(insert(claims), list(rows.values()))


def _doc_filter(doc_ids: Sequence[str] | None, since: str | None, outlet: str | None) -> list:
    where = []
    if doc_ids is not None:
        where.append(documents.c.doc_id.in_(list(doc_ids)))
    if since:
        where.append(documents.c.published >= since)
    if outlet:
        where.append(documents.c.outlet == outlet)
    return where


def _doc_row(d: Document, now: str, extractor: str | None) -> dict:
    return {
        "doc_id": d.doc_id, "content_hash": d.content_hash, "url": d.url, "outlet": d.outlet,
        "published": d.published, "title": d.title, "lang": d.lang, "source": d.source, "text": d.text,
        "ingested_at": now, "extractor": extractor,
    }


def _row_doc(r) -> Document:
    return Document(doc_id=r.doc_id, text=r.text, source=r.source, url=r.url, outlet=r.outlet, published=r.published, title=r.title, lang=r.lang)


def _claim_row(c: Claim) -> dict:
    return {
        "claim_id": c.id, "doc_id": c.doc_id, "kind": c.kind, "span_start": c.span[0], "span_end": c.span[1],
        "indicator": c.indicator, "period": c.period, "speaker": c.speaker, "person": c.person,
        "data": json.dumps(c.as_dict(), ensure_ascii=False),
    }
