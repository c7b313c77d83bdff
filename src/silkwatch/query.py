"""Asking the record: facts, conflicts, timeline and quotes as plain functions over the store."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import select

from .filters import like_escape
from .store import Store
from .store.schema import claims, documents, facts, stories

__all__ = ["find_facts", "conflicts", "timeline", "find_quotes", "story_rows", "fact_rows", "format_amount"]


def format_amount(v) -> str:
    """A figure as people read it: 312,040,000,000 rather than 312040000000.0; 27.2 stays 27.2."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return "?" if v is None else str(v)
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:g}"


def find_facts(store: Store, kind: str | None = None, indicator: str | None = None, party: str | None = None,
               since: str | None = None, rank: str | None = None, limit: int | None = None) -> list[dict]:
    """Facts matching every given filter, as dicts (see reconcile.Fact.as_dict), most sources first."""
    q = select(facts.c.data)
    if kind:
        q = q.where(facts.c.kind == kind)
    if indicator:
        q = q.where(facts.c.indicator == indicator)
    if party:
        q = q.where(facts.c.parties.like(f"%,{like_escape(party.upper())},%", escape="\\"))
    if rank:
        q = q.where(facts.c.rank == rank)
    if since:
        q = q.where((facts.c.period >= since) | (facts.c.date >= since))
    q = q.order_by(facts.c.n_sources.desc(), facts.c.kind, facts.c.label, facts.c.fact_id)
    if limit:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        return [json.loads(r.data) for r in conn.execute(q)]


def conflicts(store: Store) -> list[dict]:
    """Contested facts with the sources on each side."""
    return find_facts(store, rank="contested")


def timeline(store: Store, party: str | None = None) -> list[dict]:
    """Event facts by date (undated last), with place and participants."""
    events = find_facts(store, kind="event", party=party)
    return sorted(events, key=lambda f: (f["value"].get("start") is None, f["value"].get("start") or "", f["label"]))


def find_quotes(store: Store, speaker: str | None = None, text: str | None = None) -> list[dict]:
    """Quote facts whose speaker contains `speaker` and whose words contain every word of `text`."""
    out = []
    words = (text or "").lower().split()
    for f in find_facts(store, kind="quote"):
        v = f["value"]
        if speaker and speaker.lower() not in (v.get("speaker") or "").lower():
            continue
        said = " ".join([v.get("text") or ""] + [s["claim"].get("text") or "" for s in f["supporting"]]).lower()
        if all(w in said for w in words):
            out.append(f)
    return out


def fact_rows(store: Store) -> Iterator[dict]:
    """Every fact flattened for export: one row per fact, sources as JSON."""
    for f in find_facts(store):
        yield {"fact_id": f["fact_id"], "kind": f["kind"], "rank": f["rank"], "n_sources": f["n_sources"], "label": f["label"],
               "parties": f["parties"], "key": f["key"], "value": f["value"],
               "supporting": [s["claim_id"] for s in f["supporting"]], "conflicting": [s["claim_id"] for s in f["conflicting"]]}


def story_rows(store: Store) -> Iterator[dict]:
    """One row per document: {"doc_id", "story"} (a document not grouped yet is a story of its own)."""
    from .dedup import story_of

    for doc_id, story in sorted(story_of(store).items()):
        yield {"doc_id": doc_id, "story": story}
