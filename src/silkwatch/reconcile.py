"""Facts: claims about the same thing merged, with their sources, independent-source count, conflicts and rank."""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from rapidfuzz import fuzz
from sqlalchemy import and_, delete, insert, select

from .records import Claim, hash_id
from .store import Store
from .store.schema import claims, documents, fact_claims, facts, stories

__all__ = ["Fact", "Source", "independent_sources", "build_facts", "rebuild_facts", "update_facts", "values_agree", "pair_currencies", "attach_meetings",
           "made_at_text", "RANKS", "MEETING_LEVEL"]

log = logging.getLogger(__name__)

RANKS = ("corroborated", "single-source", "contested")
# Calibrated on the seeds and dev corpus's syndicated copies: two exact figures within 1% are
# one figure rounded differently; "about" allows 5%; "almost X"/"more than X" allow 10% on their side.
EXACT_TOLERANCE = 0.01
ABOUT_TOLERANCE = 0.05
BOUND_TOLERANCE = 0.10
# Quotes and commitments whose wording overlaps this much (rapidfuzz token_set_ratio) say the same thing.
SAME_WORDS = 70
# Pledges of the same first amount need this much overlap to be one pledge reported with a different second figure.
SAME_PLEDGE_WORDS = 50
FIGURE = re.compile(r"(\d+(?:[.,]\d+)*)\s*(billion|million|trillion|bn|mln)?\b")
# The events a commitment can be made at, the highest level first; a report's meeting is held within this many days of it.
MEETING_LEVEL = ("summit", "ministerial_meeting", "state_visit", "talks", "forum")
MEETING_DAYS = 14


@dataclass(frozen=True)
class Source:
    """A claim with what independence and context need of its document."""

    claim: Claim
    outlet: str | None
    published: str | None
    copy: str  # the document's copy group: copies of one report are one source
    story: str | None = None  # the news event the document reports (None: its copy group stands for it)
    also: tuple[Claim, ...] = ()  # quantity: the same statement's figure in another currency ("26 billion yuan ($3.6 billion)")
    made_at: Claim | None = None  # commitment: the meeting of its document it was made at

    def as_dict(self) -> dict:
        c = self.claim
        # The copy group, not the story: independence rests on it, and a story can grow after the fact is computed.
        out = {"claim_id": c.id, "doc_id": c.doc_id, "outlet": self.outlet, "published": self.published, "copy": self.copy,
               "span": list(c.span), "evidence": c.evidence, "claim": c.as_dict()}
        if self.also:
            out["also"] = [{"claim_id": a.id, **a.as_dict()} for a in self.also]
        return out

    @property
    def story_key(self) -> str:
        return self.story or self.copy

    @property
    def amounts(self) -> dict[str, Claim]:
        """The figure in each unit this statement gives it in."""
        return {c.unit: c for c in (self.claim, *self.also)}


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
        return independent_sources(self.supporting)

    @property
    def rank(self) -> str:
        if self.conflicting:
            return "contested"
        return "corroborated" if self.n_sources >= 2 else "single-source"

    @cached_property
    def fact_id(self) -> str:
        return hash_id("fact", self.kind, self.key, sorted(s.claim.id for s in self.supporting))

    def as_dict(self) -> dict:
        support = self.supporting
        return {"fact_id": self.fact_id, "kind": self.kind, "rank": self.rank, "n_sources": self.n_sources,
                "n_reports": len({s.claim.doc_id for s in support}), "n_copy_groups": len({s.copy for s in support}),
                "n_outlets": len({s.outlet for s in support if s.outlet}), "label": self.label,
                "parties": list(self.parties), "key": self.key, "value": self.value,
                "supporting": [s.as_dict() for s in self.supporting], "conflicting": [s.as_dict() for s in self.conflicting]}


def independent_sources(sources: Iterable[Source]) -> int:
    """How many independent sources: the copies of one report are one, and so are the reports of one outlet
    (an outlet repeating its own figure does not corroborate it); reports with no outlet count by copy group."""
    parent: dict[tuple, tuple] = {}

    def root(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in sources:
        a = root(("copy", s.copy))
        if s.outlet:
            b = root(("outlet", s.outlet))
            if a != b:
                parent[b] = a
    return len({root(x) for x in list(parent) if x[0] == "copy"})


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
def _is_money(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isupper()  # an ISO 4217 code


def _key(c: Claim) -> tuple:
    if c.kind == "quantity":
        return (c.indicator, tuple(sorted(c.subjects)), c.period, bool(c.target), "money" if _is_money(c.unit) else c.unit)
    if c.kind == "event":
        return (c.event_type, c.location)
    if c.kind == "quote":
        return (c.speaker,)
    if c.kind == "role":
        return (c.person, c.role)
    return (tuple(sorted(c.actors)), c.area)


def _clusters(items: list[Source], same) -> list[list[Source]]:
    """Greedy clusters in a fixed order (so a rebuild and an update agree): a claim joins the first cluster
    whose first claim it agrees with (`same` compares a source with a cluster). Identical claims (syndicated
    copies) join without a comparison, so the cost grows with the number of distinct claims, not of copies."""
    out: list[list[Source]] = []
    exact: dict[tuple, list[Source]] = {}
    for s in items:
        c = s.claim
        key = (c.value, c.approx, c.start, c.text, c.country, tuple((a.value, a.unit) for a in s.also))
        if key in exact:
            exact[key].append(s)
            continue
        for cl in out:
            if same(s, cl):
                cl.append(s)
                break
        else:
            cl = [s]
            out.append(cl)
        exact[key] = cl
    return out


def _by_support(cl: list[Source]) -> tuple:
    return (-independent_sources(cl), -len(cl), min(s.claim.id for s in cl))


def _cluster_amounts(cl: list[Source]) -> dict[str, Claim]:
    """The first figure the cluster gives in each unit."""
    out: dict[str, Claim] = {}
    for s in cl:
        for unit, c in s.amounts.items():
            out.setdefault(unit, c)
    return out


def _amounts_agree(a: dict[str, Claim], b: dict[str, Claim]) -> bool:
    """Figures agree when they share a unit and agree in every unit they share (yuan with yuan, dollars with dollars)."""
    shared = a.keys() & b.keys()
    return bool(shared) and all(values_agree(a[u], b[u]) for u in shared)


def _quantity_facts(items: list[Source]) -> list[Fact]:
    clusters = sorted(_clusters(items, lambda s, cl: _amounts_agree(s.amounts, _cluster_amounts(cl))), key=_by_support)
    main, rest, apart = clusters[0], [], []
    told, units = {s.copy for s in main}, _cluster_amounts(main).keys()
    for cl in clusters[1:]:
        # One report giving two figures under one key speaks of two things the key cannot tell apart (two
        # routes, two airlines); a figure in a currency the main one is not given in cannot contradict it.
        if told & {s.copy for s in cl} or not units & _cluster_amounts(cl).keys():
            apart.append(cl)
        else:
            rest.extend(cl)
    return [_quantity_fact(main, rest)] + [_quantity_fact(cl, []) for cl in apart]


def _same_pledge(a: Source, cl: list[Source]) -> bool:
    """Two commitments are one pledge when their wording overlaps, or when they promise the same first
    figure ("26 billion yuan ($3.6 billion)" and "26 billion yuan ($3.7 billion)") in similar words."""
    if _same_words(a.claim.text, cl[0].claim.text):
        return True
    fa = _figures(a.claim.text)
    return bool(fa) and any(_figures(b.claim.text)[:1] == fa[:1] and fuzz.token_set_ratio(a.claim.text or "", b.claim.text or "") >= SAME_PLEDGE_WORDS
                            for b in cl)


def _figures(text: str | None) -> tuple[str, ...]:
    """The amounts a text states, in order, as written without case or spaces ("26billion", "3.6billion")."""
    return tuple(n + (scale or "") for n, scale in FIGURE.findall((text or "").lower()))


def _facts_for_group(kind: str, key: tuple, items: list[Source]) -> list[Fact]:
    items = sorted(items, key=lambda s: (s.claim.doc_id, s.claim.span, s.claim.id))
    if kind == "quantity":
        return _quantity_facts(items)
    same = {
        "event": lambda s, cl: _dates_agree(s.claim.start, cl[0].claim.start),
        "quote": lambda s, cl: _same_words(s.claim.text, cl[0].claim.text),
        "commitment": _same_pledge,
        "role": lambda s, cl: not s.claim.country or not cl[0].claim.country or s.claim.country == cl[0].claim.country,
    }[kind]
    if kind == "event":
        # Dated mentions form the events; an undated mention must not bridge two of them, so it
        # joins the best-supported event of its type and place.
        dated = _clusters([s for s in items if s.claim.start], same)
        undated = [s for s in items if not s.claim.start]
        if dated and undated:
            max(dated, key=lambda cl: (independent_sources(cl), len(cl))).extend(undated)
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
        if kind == "commitment":
            out.append(_commitment_fact(k, rep, cl, label, parties))
        else:
            out.append(_fact(kind, k, rep, cl, [], label, parties))
    return out


def _commitment_fact(key: dict, rep: Claim, cl: list[Source], label: str, parties) -> Fact:
    """A pledge dated by the meeting it was made at (else when it was said, else its report), the meeting named;
    the reports that give it other figures are its conflicting sources."""
    # The figures most reports agree with lead; a report that leaves a figure out does not contradict one
    # that gives it, one that gives another does.
    variants = {frozenset(_figures(s.claim.text)) for s in cl}

    def compatible(a: frozenset, b: frozenset) -> bool:
        return not (a - b and b - a)

    stated = [v for v in variants if v] or [frozenset()]  # a report without figures decides nothing about them
    figures = max(stated, key=lambda v: (independent_sources(s for s in cl if compatible(v, frozenset(_figures(s.claim.text)))), len(v), sorted(v)))
    agree = [compatible(figures, frozenset(_figures(s.claim.text))) for s in cl]
    if frozenset(_figures(rep.text)) != figures:
        rep = max((s.claim for s in cl if frozenset(_figures(s.claim.text)) == figures), key=lambda c: (len(c.text or ""), c.id))
        label = f"{'+'.join(rep.actors)} · {rep.area}: {(rep.text or '')[:80]}"
    support = [s for s, ok in zip(cl, agree) if ok]
    conflict = [s for s, ok in zip(cl, agree) if not ok]
    fact = _fact("commitment", key, rep, support, conflict, label, parties)
    meetings = [s.made_at for s in cl if s.made_at is not None]
    if meetings:
        m = max(meetings, key=lambda e: (sum(1 for x in meetings if _meeting_key(x) == _meeting_key(e)), e.start or "", e.id))
        fact.value["made_at"] = {"event_type": m.event_type, "location": m.location, "start": m.start, "end": m.end,
                                 "participants": list(m.participants), "doc_id": m.doc_id, "claim_id": m.id}
    dates = sorted(d for d in (_pledge_date(s) for s in cl) if d)
    if dates:
        fact.value["date"] = dates[0]
    return fact


def _meeting_key(e: Claim) -> tuple:
    return (e.event_type, e.location, e.start)


def _pledge_date(s: Source) -> str | None:
    if s.made_at is not None and s.made_at.start:
        return s.made_at.start
    return s.claim.date or s.published


def made_at_text(value: dict) -> str | None:
    """The meeting a commitment fact was made at, as words a filter can match ("summit Xi'an 2023-05-18")."""
    m = value.get("made_at")
    if not m:
        return None
    return " ".join(x for x in ((m.get("event_type") or "").replace("_", " "), m.get("location"), m.get("start")) if x)


def _quantity_fact(support: list[Source], conflict: list[Source]) -> Fact:
    rep = support[0].claim
    fact = _fact("quantity", {"indicator": rep.indicator, "subjects": list(rep.subjects), "period": rep.period, "target": bool(rep.target), "unit": rep.unit},
                 rep, support, conflict, f"{rep.indicator} · {'+'.join(rep.subjects)} · {rep.period or 'no period'}{' (target)' if rep.target else ''}", rep.subjects)
    amounts = _cluster_amounts(support)
    # The figure in every currency its reports state it in, the leading one first; and who they cite for it.
    fact.value["values"] = [{"value": c.value, "unit": u, "approx": c.approx} for u, c in amounts.items()]
    cited = sorted({c.source for s in support for c in (s.claim, *s.also) if c.source})
    fact.value["sources"] = cited
    return fact


def _fact(kind, key, rep: Claim, support, conflict, label, parties) -> Fact:
    value = {k: v for k, v in rep.as_dict().items() if k not in ("doc_id", "kind", "span", "evidence")}
    return Fact(kind=kind, key=key, value=value, supporting=tuple(support), conflicting=tuple(conflict), label=label, parties=tuple(sorted(p for p in parties if p)))


def pair_currencies(sources: Iterable[Source]) -> list[Source]:
    """One statement's figure in two currencies ("26 billion yuan ($3.6 billion)") as one source: the figure
    first stated leads, the other rides along in `also`. Figures pair when one document states them for
    the same indicator, parties and period, in different currencies, in one sentence."""
    out: list[Source] = []
    by_statement: dict[tuple, list[Source]] = defaultdict(list)
    for s in sources:
        c = s.claim
        if c.kind == "quantity" and _is_money(c.unit):
            by_statement[(c.doc_id, c.span, c.indicator, tuple(sorted(c.subjects)), c.period, bool(c.target))].append(s)
        else:
            out.append(s)
    for group in by_statement.values():
        group.sort(key=lambda s: (_first_at(s.claim), s.claim.id))
        while group:
            lead = group.pop(0)
            mates = [s for s in group if s.claim.unit != lead.claim.unit]
            mates = [m for i, m in enumerate(mates) if m.claim.unit not in {x.claim.unit for x in mates[:i]}]
            for m in mates:
                group.remove(m)
            out.append(replace(lead, also=tuple(m.claim for m in mates)) if mates else lead)
    return out


def _first_at(c: Claim) -> int:
    """Where in its evidence a figure is first written (its number), so the currency written first leads."""
    n = format(c.value, "f").rstrip("0").rstrip(".") if c.value is not None else ""
    digits = re.sub(r"0+$", "", n.replace(".", ""))[:3]
    return min((i for i in (c.evidence.find(digits[:k]) for k in (3, 2, 1) if digits[:k]) if i >= 0), default=len(c.evidence))


def attach_meetings(sources: Iterable[Source], events_by_doc: dict[str, list[Claim]],
                    events_by_story: dict[str, list[Claim]] | None = None) -> list[Source]:
    """Commitments with the meeting they were made at: among the event claims of their document (else of
    the other reports of their story), the highest-level gathering held near the report's date (a summit
    before talks before a signing), the nearest in the text among equals."""
    out = []
    for s in sources:
        if s.claim.kind == "commitment" and s.made_at is None:
            for pool in (events_by_doc.get(s.claim.doc_id, ()), (events_by_story or {}).get(s.story_key, ())):
                candidates = [e for e in pool if e.event_type in MEETING_LEVEL and _near(e.start, s.published)]
                if candidates:
                    best = min(candidates, key=lambda e: (MEETING_LEVEL.index(e.event_type), e.doc_id != s.claim.doc_id,
                                                          abs(e.span[0] - s.claim.span[0]), e.id))
                    s = replace(s, made_at=best)
                    break
        out.append(s)
    return out


def _near(start: str | None, published: str | None) -> bool:
    """Whether an event dated `start` can be the news of a report published then (undated either way: yes)."""
    if not start or not published:
        return True
    if len(start) < 10:
        return published.startswith(start) or start.startswith(published[:len(start)])
    try:
        return -MEETING_DAYS <= (date.fromisoformat(published) - date.fromisoformat(start)).days <= MEETING_DAYS
    except ValueError:
        return False


def build_facts(sources: Iterable[Source], events_by_doc: dict[str, list[Claim]] | None = None,
                events_by_story: dict[str, list[Claim]] | None = None) -> list[Fact]:
    """Facts from claims with their document context (pure: no store); commitments find the meeting they
    were made at among the event claims of their documents (`events_by_doc`) or stories (`events_by_story`)."""
    groups: dict[tuple, list[Source]] = defaultdict(list)
    for s in attach_meetings(pair_currencies(sources), events_by_doc or {}, events_by_story):
        groups[(s.claim.kind, _key(s.claim))].append(s)
    out = []
    for (kind, key), items in sorted(groups.items(), key=lambda kv: json.dumps(kv[0], default=str)):
        out.extend(_facts_for_group(kind, key, items))
    return out


# ---------------------------------------------------------------------------- the store
def _sources(conn, where) -> list[Source]:
    """The claims a condition selects, with outlet, date, copy group and story (a document not yet grouped is its own)."""
    rows = conn.execute(
        select(claims.c.data, documents.c.outlet, documents.c.published, stories.c.copy_id, stories.c.story_id)
        .join(documents, documents.c.doc_id == claims.c.doc_id)
        .outerjoin(stories, stories.c.doc_id == claims.c.doc_id).where(where))
    out = []
    for r in rows:
        c = Claim.from_dict(json.loads(r.data))
        out.append(Source(c, r.outlet, r.published, r.copy_id or hash_id("copy", c.doc_id), r.story_id or hash_id("story", c.doc_id)))
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
            "made_at": made_at_text(f.value),
        }
        for s in f.supporting:
            for c in (s.claim, *s.also):
                links[(f.fact_id, c.id)] = "support"
        for s in f.conflicting:
            for c in (s.claim, *s.also):
                links.setdefault((f.fact_id, c.id), "conflict")
    conn.execute(insert(facts), list(rows.values()))
    conn.execute(insert(fact_claims), [{"fact_id": a, "claim_id": b, "relation": r} for (a, b), r in links.items()])


def _buckets(conn, where) -> list[tuple[str, str | None]]:
    """The units facts are computed in (one indicator, one speaker, one person, or a whole kind) of the claims selected."""
    rows = conn.execute(select(claims.c.kind, claims.c.indicator, claims.c.speaker, claims.c.person)
                        .outerjoin(fact_claims, fact_claims.c.claim_id == claims.c.claim_id).where(where).distinct())
    found = {(r.kind, getattr(r, BUCKET_COLUMN[r.kind].name) if r.kind in BUCKET_COLUMN else None) for r in rows}
    if any(k == "event" for k, _ in found):
        found.add(("commitment", None))  # a new report of a meeting can be where a stored pledge was made
    return sorted(found, key=lambda b: (b[0], b[1] or ""))


def _events_of(conn, story_ids: set[str]) -> tuple[dict[str, list[Claim]], dict[str, list[Claim]]]:
    """The event claims of the documents of these stories, by document and by story."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    by_story: dict[str, list[Claim]] = defaultdict(list)
    ids = sorted(story_ids)
    for i in range(0, len(ids), 500):
        rows = conn.execute(select(claims.c.data, stories.c.story_id).join(stories, stories.c.doc_id == claims.c.doc_id)
                            .where(claims.c.kind == "event", stories.c.story_id.in_(ids[i:i + 500])))
        for r in rows:
            c = Claim.from_dict(json.loads(r.data))
            by_doc[c.doc_id].append(c)
            by_story[r.story_id].append(c)
    return by_doc, by_story


def _own_events(conn, doc_ids: set[str]) -> dict[str, list[Claim]]:
    """The event claims of documents not yet in a story."""
    out: dict[str, list[Claim]] = defaultdict(list)
    ids = sorted(doc_ids)
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(claims.c.data).where(claims.c.kind == "event", claims.c.doc_id.in_(ids[i:i + 500]))):
            c = Claim.from_dict(json.loads(r.data))
            out[c.doc_id].append(c)
    return out


def _recompute(conn, buckets: list[tuple[str, str | None]]) -> int:
    """Replace the facts of each bucket by facts built from its claims, one bucket in memory at a time."""
    n = 0
    for bucket in buckets:
        where = _bucket_condition(*bucket)
        found = _sources(conn, where)
        by_doc = by_story = None
        if bucket[0] == "commitment":
            by_doc, by_story = _events_of(conn, {s.story_key for s in found})
            by_doc.update(_own_events(conn, {s.claim.doc_id for s in found} - set(by_doc)))
        new = build_facts(found, by_doc, by_story)
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
