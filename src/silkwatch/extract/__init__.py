"""Claim extraction: the five kinds of claim, each with the span of its evidence in the cleaned text."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from ..link import EntityIndex, entity_index
from ..profile import Profile
from ..records import Claim, Document
from . import commitment, event, quantity, quote, role
from .dates import parse_iso
from .model import load_model

__all__ = ["Article", "extract", "extract_documents", "EXTRACTORS"]

log = logging.getLogger(__name__)

EXTRACTORS = {
    "quantity": quantity.extract,
    "event": event.extract,
    "quote": quote.extract,
    "role": role.extract,
    "commitment": commitment.extract,
}


@dataclass
class Article:
    """One document as the extractors see it: its parse, its publication date and the profile's names."""

    document: Document
    doc: object  # spacy.tokens.Doc over document.text
    profile: Profile
    entities: EntityIndex
    published: date | None = None
    notes: dict = field(default_factory=dict)  # what one extractor learns for another (speakers, events)

    @property
    def text(self) -> str:
        return self.document.text

    def claim(self, kind: str, start: int, end: int, **fields) -> Claim:
        """A claim of this document whose evidence is text[start:end]."""
        return Claim(doc_id=self.document.doc_id, kind=kind, span=(start, end), evidence=self.text[start:end], **fields)


def _extract_parsed(document: Document, doc, profile: Profile) -> list[Claim]:
    art = Article(document=document, doc=doc, profile=profile, entities=entity_index(profile), published=parse_iso(document.published))
    out: list[Claim] = []
    for kind, fn in EXTRACTORS.items():
        try:
            out.extend(fn(art))
        except Exception:  # one extractor's bug must not lose the document or the other kinds
            log.exception("%s: %s extraction failed", document.doc_id, kind)
    return _unique(out)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out


def extract(document: Document, profile: Profile) -> list[Claim]:
    """Every claim in one document (English only; other languages give none)."""
    return next(extract_documents([document], profile))[1]


def extract_documents(documents: Iterable[Document], profile: Profile, batch_size: int = 32) -> Iterator[tuple[Document, list[Claim]]]:
    """Claims for each document, parsing the documents in batches with the model."""
    nlp = None
    batch: list[Document] = []

    def flush():
        nonlocal nlp
        english = [d for d in batch if (d.lang or "en") == "en"]
        parsed = {}
        if english:
            nlp = nlp or load_model()
            for d, doc in zip(english, nlp.pipe((d.text for d in english), batch_size=batch_size)):
                parsed[d.doc_id] = doc
        for d in batch:
            yield d, (_extract_parsed(d, parsed[d.doc_id], profile) if d.doc_id in parsed else [])

    for d in documents:
        batch.append(d)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
