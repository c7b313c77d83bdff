"""The typed records that flow through the pipeline: RawArticle → Document → Claim → Story/Fact."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Any

__all__ = ["RawArticle", "Document", "Claim", "claim_at", "web_document_id", "CLAIM_KINDS", "KIND_FIELDS", "hash_id"]

CLAIM_KINDS = ("quantity", "event", "quote", "role", "commitment")

# The fields of claim.schema.json that belong to each kind, in the order they are exported.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "quantity": ("indicator", "subjects", "period", "value", "unit", "approx", "target", "source"),
    "event": ("event_type", "name", "location", "start", "end", "participants"),
    "quote": ("speaker", "direct", "date", "text"),
    "role": ("person", "role", "country", "org"),
    "commitment": ("actors", "beneficiaries", "area", "text", "date", "deadline"),
}


# Exchange fields added to a kind after claims were first stored (see Claim.id).
LATER_FIELDS = frozenset({"source"})


def hash_id(*parts: Any) -> str:
    """A stable id from content: the first 16 hex digits of the SHA-256 of the parts as JSON."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RawArticle:
    """An article as read from a source, before cleaning."""

    doc_id: str
    source: str  # the file it came from
    line: int | None  # the line in that file (JSON Lines), else None
    text: str  # raw text or HTML
    format: str  # seed | txt | html | jsonl
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    title: str | None = None
    lang: str | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass(frozen=True)
class Document:
    """A cleaned article: every later span refers to `text`."""

    doc_id: str
    text: str
    source: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    lang: str | None = None

    @property
    def content_hash(self) -> str:
        return hash_id(self.doc_id, self.text, self.published, self.title, self.url, self.outlet)


@dataclass(frozen=True)
class Claim:
    """One statement extracted from one document, in the shape of claim.schema.json."""

    doc_id: str
    kind: str
    span: tuple[int, int]
    evidence: str
    # quantity
    indicator: str | None = None
    subjects: tuple[str, ...] = ()
    period: str | None = None
    value: float | None = None
    unit: str | None = None
    approx: str | None = None
    target: bool | None = None
    source: str | None = None  # the primary source the figure is cited from ("General Administration of Customs")
    # event
    event_type: str | None = None
    name: str | None = None
    location: str | None = None
    start: str | None = None
    end: str | None = None
    participants: tuple[str, ...] = ()
    # quote / commitment
    speaker: str | None = None
    direct: bool | None = None
    date: str | None = None
    text: str | None = None
    # role
    person: str | None = None
    role: str | None = None
    country: str | None = None
    org: str | None = None
    # commitment
    actors: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    area: str | None = None
    deadline: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in CLAIM_KINDS:
            raise ValueError(f"unknown claim kind {self.kind!r}")

    @cached_property
    def id(self) -> str:
        d = self.as_dict()
        # Fields added after ids were first given count only when set, so a stored claim keeps its id.
        return hash_id(self.doc_id, self.kind, *(d[f] for f in KIND_FIELDS[self.kind] if f not in LATER_FIELDS or d[f] is not None),
                       list(self.span))

    def as_dict(self) -> dict[str, Any]:
        """The claim as an exchange-format object: common fields plus those of its kind."""
        out: dict[str, Any] = {"doc_id": self.doc_id, "kind": self.kind, "span": list(self.span), "evidence": self.evidence}
        for name in KIND_FIELDS[self.kind]:
            v = getattr(self, name)
            out[name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        known = {f.name for f in fields(cls)}
        kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in d.items() if k in known and v is not None}
        kw.setdefault("span", (0, 0))
        kw.setdefault("evidence", "")
        return cls(**kw)


def claim_at(document: Document, kind: str, start: int, end: int, /, **fields) -> Claim:
    """A claim of the document whose evidence is text[start:end], white space at either end left out."""
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Claim(doc_id=document.doc_id, kind=kind, span=(start, end), evidence=text[start:end], **fields)


def web_document_id(url: str) -> str:
    """The document id of a page read from the web (a live source or a WARC archive): stable for its URL, safe in a page address."""
    return f"web-{hash_id(url)}"
