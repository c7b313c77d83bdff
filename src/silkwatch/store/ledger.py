"""What the commitments ledger reads from the store: every claim with its document's date (or, undated, its story's
day), outlet, language, story and copy group."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import case, func, select

from ..records import Claim
from . import Store
from .schema import claims, documents, stories, story_traits

__all__ = ["ClaimInContext", "claims_in_context", "sentence_around"]

# How much of the document either side of a claim is read to find the sentence it sits in.
WINDOW = 400
SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


@dataclass(frozen=True)
class ClaimInContext:
    """A stored claim with what the ledger needs of its document."""

    claim: Claim
    published: str | None
    outlet: str | None
    story: str
    lang: str | None = None
    sentence: str | None = None  # the sentence the claim's span sits in (its evidence when that is a word or two)
    copy: str | None = None  # the document's copy group (None: the story stands for it)
    story_day: str | None = None  # an undated report's day: the earliest news day of the dated reports of its story

    @property
    def context(self) -> str:
        """The claim's sentence, else its evidence."""
        return self.sentence or self.claim.evidence


def sentence_around(window: str, start: int, end: int) -> str:
    """The sentence of `window` that holds [start, end): from the last sentence end before it to the first after."""
    a = max((m.end() for m in SENTENCE_END.finditer(window, 0, start)), default=0)
    b = next((m.end() for m in SENTENCE_END.finditer(window, max(end - 1, a))), len(window))
    return window[a:max(b, end)].strip()


def _story_days():
    """Each story's day: the earliest news day of its dated reports (their news day, else their publication date)."""
    day = func.coalesce(story_traits.c.day, documents.c.published)
    return (select(stories.c.story_id, func.min(day).label("day"))
            .join(documents, documents.c.doc_id == stories.c.doc_id)
            .outerjoin(story_traits, story_traits.c.doc_id == stories.c.doc_id)
            .where(day.is_not(None))
            .group_by(stories.c.story_id)
            .subquery("story_days"))


def claims_in_context(store: Store, kinds: tuple[str, ...], batch_size: int = 2000) -> Iterator[ClaimInContext]:
    """Every claim of these kinds, in document order, with its document's publication date (undated: its story's day),
    outlet, language, story and the sentence it sits in."""
    # substr is 1-based; the window starts WINDOW characters before the span (or at the text's start)
    first = case((claims.c.span_start > WINDOW, claims.c.span_start - WINDOW), else_=0)
    window = func.substr(documents.c.text, first + 1, claims.c.span_end - first + WINDOW)
    days = _story_days()
    q = (
        select(claims.c.claim_id, claims.c.data, documents.c.published, documents.c.outlet, documents.c.lang, documents.c.doc_id,
               stories.c.story_id, stories.c.copy_id, claims.c.span_start, claims.c.span_end, first.label("first"), window.label("window"),
               days.c.day)
        .join(documents, documents.c.doc_id == claims.c.doc_id)
        .outerjoin(stories, stories.c.doc_id == claims.c.doc_id)
        .outerjoin(days, days.c.story_id == stories.c.story_id)
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
            sentence = sentence_around(r.window or "", r.span_start - r.first, r.span_end - r.first)
            yield ClaimInContext(Claim.from_dict(json.loads(r.data)), r.published, r.outlet, r.story_id or r.doc_id, r.lang,
                                 sentence or None, r.copy_id or r.doc_id, None if r.published else r.day)
        last = rows[-1].claim_id
