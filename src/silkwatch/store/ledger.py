"""What the commitments ledger reads from the store: every claim with its document's date, outlet, story and copy group."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from ..records import Claim
from . import Store
from .schema import claims, documents, stories

__all__ = ["ClaimInContext", "claims_in_context"]


@dataclass(frozen=True)
class ClaimInContext:
    """A stored claim with what the ledger needs of its document."""

    claim: Claim
    published: str | None
    outlet: str | None
    story: str
    lang: str | None = None
    copy: str | None = None  # the document's copy group (None: the story stands for it)


def claims_in_context(store: Store, kinds: tuple[str, ...], batch_size: int = 2000) -> Iterator[ClaimInContext]:
    """Every claim of these kinds, in document order, with its document's publication date, outlet, story and copy group."""
    q = (
        select(claims.c.claim_id, claims.c.data, documents.c.published, documents.c.outlet, documents.c.lang, documents.c.doc_id, stories.c.story_id,
               stories.c.copy_id)
        .join(documents, documents.c.doc_id == claims.c.doc_id)
        .outerjoin(stories, stories.c.doc_id == claims.c.doc_id)
        .where(claims.c.kind.in_(kinds))
        .order_by(claims.c.claim_id)
    )
    last = ""
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(q.where(claims.c.claim_id > last).limit(batch_size)).all()
        if not rows:
            return
        for r in rows:
            yield ClaimInContext(Claim.from_dict(json.loads(r.data)), r.published, r.outlet, r.story_id or r.doc_id, r.lang,
                                 r.copy_id or r.doc_id)
        last = rows[-1].claim_id
