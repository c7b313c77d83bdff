"""Facts: claims about the same thing merged, with their sources, independent-source count, conflicts and rank."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from rapidfuzz import fuzz
from sqlalchemy import and_, delete, insert, select

from .records import Claim, hash_id
from .store import Store
from .store.schema import claims, documents, fact_claims, facts, stories

__all__ = ["Fact", "build_facts", "rebuild_facts", "update_facts", "values_agree", "RANKS"]

log = logging.getLogger(__name__)

RANKS = ("corroborated", "single-source", "contested")
# Calibrated on the seeds and dev corpus's syndicated copies: two exact figures within 1% are
# one figure rounded differently; "about" allows 5%; "almost X"/"more than X" allow 10% on their side.
EXACT_TOLERANCE = 0.01
ABOUT_TOLERANCE = 0.05
BOUND_TOLERANCE = 0.10
# Quotes and commitments whose wording overlaps this much (rapidfuzz token_set_ratio) say the same thing.
SAME_WORDS = 70


@dataclass(frozen=True)
class Source:
    claim: Claim
    outlet: str | None
    published: str | None
    story: str

    def as_dict(self) -> dict:
        c = self.claim
        return {"claim_id": c.id, "doc_id": c.doc_id, "outlet": self.outlet, "published": self.published, "story": self.story,
                "span": list(c.span), "evidence": c.evidence, "claim": c.as_dict()}


@dataclass(frozen=True)
class Fact:
    """What the record holds: a value with its qualifiers, the claims that support it and those that conflict."""

    kind: str
    key: dict
    value: dict
    supporting: tuple[Source, ...]
    conflicting: tuple[Source, ...] = ()
    label: str = ""
    parties: tuple[str, ...] = ()

    @cached_property
    def n_sources(self) -> int:
        return len({s.story for s in self.supporting})

    @property
    def rank(self) -> str:
        if self.conflicting:
            return "contested"
        return "corroborated" if self.n_sources >= 2 else "single-source"

    @cached_property
    def fact_id(self) -> str:
        return hash_id("fact", self.kind, self.key, sorted(s.claim.id for s in self.supporting))

    def as_dict(self) -> dict:
        return {"fact_id": self.fact_id, "kind": self.kind, "rank": self.rank, "n_sources": self.n_sources, "label": self.label,
                "parties": list(self.parties), "key": self.key, "value": self.value,
                "supporting": [s.as_dict() for s in self.supporting], "conflicting": [s.as_dict() for s in self.conflicting]}


# ---------------------------------------------------------------------------- agreement rules
def _interval(v: float, approx: str | None) -> tuple[float, float]:
    if approx == "under":
        return v * (1 - BOUND_TOLERANCE), v
    if approx == "over":
        return v, v * (1 + BOUND_TOLERANCE)
    tol = ABOUT_TOLERANCE if approx == "about" else EXACT_TOLERANCE
    return v * (1 - tol), v * (1 + tol)


def values_agree(a: Claim, b: Claim) -> bool:
    """Two figures for one key can both be true ("almost $90 billion" and $89.4 billion can)."""
    lo1, hi1 = _interval(a.value or 0.0, a.approx)
    lo2, hi2 = _interval(b.value or 0.0, b.approx)
    return lo1 <= hi2 and lo2 <= hi1


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if len(a) < 10 or len(b) < 10:
        return a[:len(min(a, b, key=len))] == b[:len(min(a, b, key=len))]
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1  # a time-zone edge
    except ValueError:
        return a == b


def _same_words(a: str | None, b: str | None) -> bool:
    return fuzz.token_set_ratio(a or "", b or "") >= SAME_WORDS


# ---------------------------------------------------------------------------- grouping
def _key(c: Claim) -> tuple:
    if c.kind == "quantity":
        return (c.indicator, tuple(sorted(c.subjects)), c.period, bool(c.target), c.unit)
    if c.kind == "event":
        return (c.event_type, c.location)
    if c.kind == "quote":
        return (c.speaker,)
    if c.kind == "role":
        return (c.person, c.role)
    return (tuple(sorted(c.actors)), c.area)


def _clusters(items: list[Source], same) -> list[list[Source]]:
    """Greedy clusters in a fixed order (so a rebuild and an update agree): a claim joins the first cluster
    whose first claim it agrees with. Identical claims (syndicated copies) join without a comparison, so
    the cost grows with the number of distinct claims, not of copies."""
    out: list[list[Source]] = []
    exact: dict[tuple, list[Source]] = {}
    for s in items:
        c = s.claim
        key = (c.value, c.approx, c.start, c.text, c.country)
        if key in exact:
            exact[key].append(s)
            continue
        for cl in out:
            if same(c, cl[0].claim):
                cl.append(s)
                break
        else:
            cl = [s]
            out.append(cl)
        exact[key] = cl
    return out


def _by_support(cl: list[Source]) -> tuple:
    return (-len({s.story for s in cl}), -len(cl), min(s.claim.id for s in cl))


def _facts_for_group(kind: str, key: tuple, items: list[Source]) -> list[Fact]:
    items = sorted(items, key=lambda s: (s.claim.doc_id, s.claim.span, s.claim.id))
    first = items[0].claim
    if kind == "quantity":
        clusters = sorted(_clusters(items, values_agree), key=_by_support)
        main, rest, apart = clusters[0], [], []
        told = {s.story for s in main}
        for cl in clusters[1:]:
            # One report giving two figures under one key speaks of two things the key cannot tell
            # apart (two routes, two airlines): a fact of its own, not a contradiction.
            if told & {s.story for s in cl}:
                apart.append(cl)
            else:
                rest.extend(cl)
        return [_quantity_fact(main, rest)] + [_quantity_fact(cl, []) for cl in apart]
    same = {
        "event": lambda a, b: _dates_agree(a.start, b.start),
        "quote": lambda a, b: _same_words(a.text, b.text),
        "commitment": lambda a, b: _same_words(a.text, b.text),
        "role": lambda a, b: not a.country or not b.country or a.country == b.country,
    }[kind]
    if kind == "event":
        # Dated mentions form the events; an undated mention must not bridge two of them, so it
        # joins the best-supported event of its type and place.
        dated = _clusters([s for s in items if s.claim.start], same)
        undated = [s for s in items if not s.claim.start]
        if dated and undated:
            max(dated, key=lambda cl: (len({s.story for s in cl}), len(cl))).extend(undated)
        groups = dated or [undated]
    else:
        groups = _clusters(items, same)
    out = []
    for cl in groups:
        rep = max((s.claim for s in cl), key=lambda c: (bool(getattr(c, "start", None)), len(c.text or "")))
        if kind == "event":
            label, parties, k = f"{rep.event_type} · {rep.location or 'place unknown'} · {rep.start or 'date unknown'}", rep.participants, {"event_type": rep.event_type, "location": rep.location, "start": rep.start}
        elif kind == "quote":
            label, parties, k = f"{rep.speaker}: “{(rep.text or '')[:80]}”", (), {"speaker": rep.speaker}
        elif kind == "role":
            label, parties, k = f"{rep.person} · {rep.role}", (rep.country,) if rep.country else (), {"person": rep.person, "role": rep.role}
        else:
            label, parties, k = f"{'+'.join(rep.actors)} · {rep.area}: {(rep.text or '')[:80]}", tuple(sorted(set(rep.actors) | set(rep.beneficiaries))), {"actors": list(rep.actors), "area": rep.area}
        out.append(_fact(kind, k, rep, cl, [], label, parties))
    return out


def _quantity_fact(support: list[Source], conflict: list[Source]) -> Fact:
    rep = support[0].claim
    return _fact("quantity", {"indicator": rep.indicator, "subjects": list(rep.subjects), "period": rep.period, "target": bool(rep.target), "unit": rep.unit},
                 rep, support, conflict, f"{rep.indicator} · {'+'.join(rep.subjects)} · {rep.period or 'no period'}{' (target)' if rep.target else ''}", rep.subjects)


def _fact(kind, key, rep: Claim, support, conflict, label, parties) -> Fact:
    value = {k: v for k, v in rep.as_dict().items() if k not in ("doc_id", "kind", "span", "evidence")}
    return Fact(kind=kind, key=key, value=value, supporting=tuple(support), conflicting=tuple(conflict), label=label, parties=tuple(sorted(p for p in parties if p)))


def build_facts(sources: Iterable[Source]) -> list[Fact]:
    """Facts from claims with their document context (pure: no store)."""
    groups: dict[tuple, list[Source]] = defaultdict(list)
    for s in sources:
        groups[(s.claim.kind, _key(s.claim))].append(s)
    out = []
    for (kind, key), items in sorted(groups.items(), key=lambda kv: json.dumps(kv[0], default=str)):
        out.extend(_facts_for_group(kind, key, items))
    return out


# ---------------------------------------------------------------------------- the store
def _sources(conn, where) -> list[Source]:
    """The claims a condition selects, with outlet, date and story (a document not yet grouped is its own story)."""
    rows = conn.execute(
        select(claims.c.data, documents.c.outlet, documents.c.published, stories.c.story_id)
        .join(documents, documents.c.doc_id == claims.c.doc_id)
        .outerjoin(stories, stories.c.doc_id == claims.c.doc_id).where(where))
    out = []
    for r in rows:
        c = Claim.from_dict(json.loads(r.data))
        out.append(Source(c, r.outlet, r.published, r.story_id or hash_id("story", c.doc_id)))
    return out


# The column that splits a kind's claims into the units its facts are computed in; kinds without one are one unit.
BUCKET_COLUMN = {"quantity": claims.c.indicator, "quote": claims.c.speaker, "role": claims.c.person}


def _bucket_condition(kind: str, value: str | None):
    col = BUCKET_COLUMN.get(kind)
    if col is None:
        return claims.c.kind == kind
    return and_(claims.c.kind == kind, col == value if value is not None else col.is_(None))


def _write(conn, new: list[Fact]) -> None:
    if not new:
        return
    rows, links = {}, {}
    for f in new:
        d = f.as_dict()
        outlets = sorted({s.outlet for s in f.supporting + f.conflicting if s.outlet})
        rows[f.fact_id] = {
            "fact_id": f.fact_id, "kind": f.kind, "indicator": f.key.get("indicator"), "rank": f.rank, "n_sources": f.n_sources,
            "period": f.key.get("period"), "date": f.value.get("start") or f.value.get("date"),
            "value": f.value.get("value") if f.kind == "quantity" else None, "data": json.dumps(d, ensure_ascii=False),
            "parties": "," + ",".join(f.parties) + ",", "label": f.label, "outlets": "," + ",".join(outlets) + ",",
        }
        for s in f.supporting:
            links[(f.fact_id, s.claim.id)] = "support"
        for s in f.conflicting:
            links.setdefault((f.fact_id, s.claim.id), "conflict")
    conn.execute(insert(facts), list(rows.values()))
    conn.execute(insert(fact_claims), [{"fact_id": a, "claim_id": b, "relation": r} for (a, b), r in links.items()])


def _buckets(conn, where) -> list[tuple[str, str | None]]:
    """The units facts are computed in (one indicator, one speaker, one person, or a whole kind) of the claims selected."""
    rows = conn.execute(select(claims.c.kind, claims.c.indicator, claims.c.speaker, claims.c.person)
                        .outerjoin(fact_claims, fact_claims.c.claim_id == claims.c.claim_id).where(where).distinct())
    found = {(r.kind, getattr(r, BUCKET_COLUMN[r.kind].name) if r.kind in BUCKET_COLUMN else None) for r in rows}
    return sorted(found, key=lambda b: (b[0], b[1] or ""))


def _recompute(conn, buckets: list[tuple[str, str | None]]) -> int:
    """Replace the facts of each bucket by facts built from its claims, one bucket in memory at a time."""
    n = 0
    for bucket in buckets:
        where = _bucket_condition(*bucket)
        new = build_facts(_sources(conn, where))
        old_ids = [r[0] for r in conn.execute(select(fact_claims.c.fact_id).join(claims, claims.c.claim_id == fact_claims.c.claim_id)
                                              .where(where).distinct())]
        for i in range(0, len(old_ids), 500):
            conn.execute(delete(fact_claims).where(fact_claims.c.fact_id.in_(old_ids[i:i + 500])))
            conn.execute(delete(facts).where(facts.c.fact_id.in_(old_ids[i:i + 500])))
        _write(conn, new)
        n += len(new)
    return n


def rebuild_facts(store: Store) -> int:
    """Recompute every fact from every claim; returns how many facts there are."""
    with store.transaction() as conn:
        conn.execute(delete(fact_claims))
        conn.execute(delete(facts))
        return _recompute(conn, _buckets(conn, claims.c.claim_id.is_not(None)))


def update_facts(store: Store) -> int:
    """Recompute the facts of every bucket that has claims no fact refers to yet; returns facts rewritten.

    New documents bring such claims; a replaced document's facts were dropped with it (Store.write_documents),
    which leaves their other claims unreferred too. Buckets are computed one at a time, so memory stays
    bounded by the largest bucket, not the store.
    """
    with store.transaction() as conn:
        return _recompute(conn, _buckets(conn, fact_claims.c.fact_id.is_(None)))
