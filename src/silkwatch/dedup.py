"""Copy groups: documents derived from one report (syndicated, rewritten, spun) found with MinHash LSH.

A copy group is what facts count as one source. Copies are found within one language; a story (the
reports of one news event, in any language) is a larger group that the story clustering decides.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from datasketch import MinHash, MinHashLSH
from sqlalchemy import select, update

from .records import Document, hash_id
from .store import Store, drop_facts_of
from .store.schema import claims, documents, stories

__all__ = ["signature", "assign_copies", "assign_copies_in", "assign_missing_copies", "COPY_THRESHOLD", "MAX_DAYS_APART"]

log = logging.getLogger(__name__)

# Calibrated with bench/stories.py on ../shared/corpus/dev.jsonl (45 stories, 81 documents):
# estimated Jaccard of word 3-shingles above this joins two copies of one report (no pair of
# different stories there reaches 0.14 exactly, MinHash estimates wobble by ~0.05).
COPY_THRESHOLD = 0.2
# Copies of one report appear within a few days of each other; dated articles further apart are
# different stories however alike (yearly trade reports read the same).
MAX_DAYS_APART = 3
NUM_PERM = 128
# How many stored documents a batch is compared with at most, from its date window and from the latest arrivals.
RECENT_CANDIDATES = 3000
SCHEME = "affine32"  # stored signatures are only comparable under the scheme that made them
SHINGLE = 3


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i: i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@lru_cache(maxsize=1)
def _permutations():
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    # datasketch finds the bands and rows for a threshold by numerical integration (~0.15 s); once is enough.
    lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _minhash(hashvalues=None) -> MinHash:
    # The permutations depend only on seed and size: drawn once, not for every signature.
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=hashvalues, permutations=_permutations())


def signature(text: str) -> MinHash:
    """The MinHash of a text's word shingles."""
    m = _minhash()
    m.update_batch([s.encode("utf-8") for s in _shingles(text)])
    return m


def _days_apart(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 0


def assign_copies(store: Store, docs: Iterable[Document]) -> dict[str, str]:
    """Put each document into the copy group of its nearest earlier copy, or a new group; returns doc_id → copy group."""
    docs = list(docs)
    if not docs:
        return {}
    with store.transaction() as conn:
        return assign_copies_in(conn, docs)


def assign_copies_in(conn, docs: list[Document]) -> dict[str, str]:
    """assign_copies inside the caller's write transaction, so that documents and their groups are committed together
    and the stored copies compared with are those of every writer before (the writer lock serialises them).

    A new document's story is that of the copies it joins, else its own copy group, until the story clustering, later
    in the same transaction, says otherwise."""
    if not docs:
        return {}
    new_ids = {d.doc_id for d in docs}
    rows = _candidates(conn, docs)
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_bands())
    sigs: dict[str, MinHash] = {}
    group: dict[str, str] = {}
    story: dict[str, str] = {}
    published: dict[str, str | None] = {}
    lang: dict[str, str | None] = {}
    for r in rows:
        if r.doc_id in new_ids or not r.signature:
            continue
        m = _minhash(json.loads(r.signature))
        sigs[r.doc_id], group[r.doc_id], published[r.doc_id], lang[r.doc_id] = m, r.copy_id, r.published, r.lang
        story[r.doc_id] = r.story_id
        lsh.insert(r.doc_id, m)
    merged: dict[str, str] = {}  # copy group → the group it was merged into
    out: dict[str, str] = {}
    for d in docs:
        m = signature(d.text)
        hits = [k for k in lsh.query(m) if lang[k] == d.lang and _days_apart(published[k], d.published) <= MAX_DAYS_APART
                and m.jaccard(sigs[k]) >= COPY_THRESHOLD]
        found = sorted({_root(merged, group[k]) for k in hits})
        cid = found[0] if found else hash_id("copy", d.doc_id)
        for other in found[1:]:
            merged[other] = cid  # this copy joins two groups that were one all along
        sigs[d.doc_id], group[d.doc_id], published[d.doc_id], lang[d.doc_id] = m, cid, d.published, d.lang
        story[d.doc_id] = min((story[k] for k in hits), default=cid)
        if d.doc_id in lsh:
            lsh.remove(d.doc_id)
        lsh.insert(d.doc_id, m)
        out[d.doc_id] = cid
    conn.execute(stories.delete().where(stories.c.doc_id.in_(list(new_ids))))
    conn.execute(stories.insert(), [
        {"doc_id": doc_id, "copy_id": _root(merged, cid), "story_id": _root(merged, story[doc_id]),
         "signature": json.dumps([int(v) for v in sigs[doc_id].hashvalues])}
        for doc_id, cid in out.items()
    ])
    if merged:
        # Copies in merged groups are no longer independent sources: their facts are recomputed.
        drop_facts_of(conn, claims.c.doc_id.in_(select(stories.c.doc_id).where(stories.c.copy_id.in_(list(merged)))))
    for old, new in merged.items():
        root = _root(merged, new)
        # Stories still named after the old group (no clustering renamed them) follow it.
        conn.execute(update(stories).where(stories.c.story_id == old).values(story_id=root))
        conn.execute(update(stories).where(stories.c.copy_id == old).values(copy_id=root))
    return {k: _root(merged, v) for k, v in out.items()}


def _candidates(conn, docs: list[Document]):
    """Stored documents a new one may be a copy of: those published within the date window of the batch,
    and the most recently stored ones (undated copies arrive close together). Bounded, so the cost of a
    batch does not grow with the store."""
    dates = sorted(d.published for d in docs if d.published)
    q = select(stories.c.doc_id, stories.c.copy_id, stories.c.story_id, stories.c.signature, documents.c.published, documents.c.lang).join(documents, documents.c.doc_id == stories.c.doc_id)
    out = {}
    if dates:
        lo = (date.fromisoformat(dates[0]) - timedelta(days=MAX_DAYS_APART)).isoformat()
        hi = (date.fromisoformat(dates[-1]) + timedelta(days=MAX_DAYS_APART)).isoformat()
        for r in conn.execute(q.where(documents.c.published.between(lo, hi)).limit(RECENT_CANDIDATES)):
            out[r.doc_id] = r
    for r in conn.execute(q.order_by(documents.c.ingested_at.desc(), documents.c.doc_id.desc()).limit(RECENT_CANDIDATES)):
        out[r.doc_id] = r
    return list(out.values())


def _root(merged: dict[str, str], sid: str) -> str:
    while sid in merged:
        sid = merged[sid]
    return sid


def assign_missing_copies(store: Store, batch_size: int = 200) -> int:
    """Group the stored documents that have no copy group yet (an ingest stopped between its writes); returns how many."""
    n = 0
    while True:
        with store.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(
                select(documents.c.doc_id).outerjoin(stories, stories.c.doc_id == documents.c.doc_id)
                .where(stories.c.doc_id.is_(None)).order_by(documents.c.doc_id).limit(batch_size))]
        if not ids:
            return n
        assign_copies(store, [store.get_document(i) for i in ids])
        n += len(ids)
