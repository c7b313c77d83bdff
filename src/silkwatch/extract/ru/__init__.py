"""Russian claims: natasha's parse of a Russian document and the five kinds of claim read from it by data-driven rules."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from ...link import Mention
from ...profile import Profile
from ...records import Claim, Document, claim_at
from ..dates import parse_iso
from .names import RuNames, ru_names
from .parse import RuDoc, Token, parse

__all__ = ["RuArticle", "extract", "EXTRACTORS"]

log = logging.getLogger(__name__)


@dataclass
class RuArticle:
    """One Russian document as the extractors see it: its parse, its names and its publication date."""

    document: Document
    doc: RuDoc
    profile: Profile
    names: RuNames
    published: date | None = None
    mentions: list[Mention] = field(default_factory=list)
    notes: dict = field(default_factory=dict)  # what one extractor learns for another (people with their roles)

    @property
    def text(self) -> str:
        return self.document.text

    def claim(self, kind: str, start: int, end: int, /, **fields) -> Claim:
        """A claim of this document whose evidence is text[start:end] (white space at either end left out)."""
        return claim_at(self.document, kind, start, end, **fields)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def states_in(self, start: int, end: int) -> list[str]:
        """State and group codes named in text[start:end], in order of first mention."""
        out: list[str] = []
        for m in self.mentions_in(start, end):
            code = self.names.state_of(m)
            if code and code not in out:
                out.append(code)
        return out

    def sentence_of(self, tok: Token) -> tuple[int, int]:
        return self.doc.sent_span(tok.sent)


def _extractors() -> dict:
    from . import commitment, event, quantity, quote, role

    return {"role": role.extract, "event": event.extract, "quote": quote.extract, "commitment": commitment.extract, "quantity": quantity.extract}


EXTRACTORS: dict = {}


def extract(document: Document, profile: Profile) -> list[Claim]:
    """Every claim of one Russian document; an extractor's failure loses only its own kind."""
    if not EXTRACTORS:
        EXTRACTORS.update(_extractors())
    names = ru_names(profile)
    art = RuArticle(document=document, doc=parse(document.text), profile=profile, names=names, published=parse_iso(document.published))
    art.mentions = names.mentions(document.text)
    out: list[Claim] = []
    for kind, fn in EXTRACTORS.items():
        try:
            out.extend(fn(art))
        except Exception:  # one extractor's bug must not lose the document or the other kinds
            log.exception("%s: %s extraction failed", document.doc_id, kind)
    seen, unique = set(), []
    for c in out:
        if c.id not in seen:
            seen.add(c.id)
            unique.append(c)
    return unique
