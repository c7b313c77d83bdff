"""Read functions behind the API and the web pages: plain functions over the Store."""

from __future__ import annotations

import json
import re
from collections import Counter

from sqlalchemy import func, select

from ..filters import like_escape
from ..profile import Profile
from ..query import find_stories, story_record, story_titles
from ..store import Store
from ..store.schema import claims, documents, facts, stories

__all__ = ["documents_page", "document_detail", "claims_page", "facts_page", "fact_detail", "stories_page", "story_detail",
           "entities", "entity_detail", "search", "overview", "trade_series", "FACET_FIELDS"]

FACET_FIELDS = ("kind", "indicator", "rank", "party", "period", "outlet")
# An event has a date, not a period: "period" sorts both by when they were. Facts without the sorted
# field come last on every backend (PostgreSQL would put them first in a descending sort).
SORTS = {"sources": (facts.c.n_sources.desc(), facts.c.fact_id),
         "period": (func.coalesce(facts.c.period, facts.c.date).desc().nulls_last(), facts.c.fact_id),
         "value": (facts.c.value.desc().nulls_last(), facts.c.fact_id), "label": (facts.c.label.nulls_last(), facts.c.fact_id)}


def _page(rows: list, total: int, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": rows,
            "next_offset": offset + limit if offset + limit < total else None}


def documents_page(store: Store, outlet: str | None = None, since: str | None = None, limit: int = 50, offset: int = 0,
                   lang: str | None = None) -> dict:
    q = select(documents.c.doc_id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.url, documents.c.lang)
    if outlet:
        q = q.where(documents.c.outlet == outlet)
    if since:
        q = q.where(documents.c.published >= since)
    if lang:
        q = q.where(documents.c.lang == lang)
    with store.engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(q.subquery()))
        rows = conn.execute(q.order_by(documents.c.published.desc(), documents.c.doc_id).limit(limit).offset(offset)).all()
    return _page([dict(r._mapping) for r in rows], total, limit, offset)


def document_detail(store: Store, doc_id: str) -> dict | None:
    """A document with its claims, the copies of this report (its copy group) and the other reports of its story."""
    doc = store.get_document(doc_id)
    if doc is None:
        return None
    with store.engine.connect() as conn:
        row = conn.execute(select(stories.c.story_id, stories.c.copy_id).where(stories.c.doc_id == doc_id)).first()
        others = [dict(r._mapping) for r in conn.execute(
            select(documents.c.doc_id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.lang, stories.c.copy_id)
            .join(stories, stories.c.doc_id == documents.c.doc_id).where(stories.c.story_id == row.story_id, documents.c.doc_id != doc_id)
            .order_by(documents.c.published.is_(None), documents.c.published, documents.c.doc_id))] if row else []
    copy = row.copy_id if row else None
    title = story_titles(store, [row.story_id]).get(row.story_id) if row else None
    return {"doc_id": doc.doc_id, "title": doc.title, "outlet": doc.outlet, "published": doc.published, "url": doc.url, "lang": doc.lang,
            "text": doc.text, "story": row.story_id if row else None, "story_title": title, "copy_group": copy,
            "claims": [c.as_dict() for c in store.claims_for(doc_id)],
            "copies": [_without_copy(o) for o in others if o["copy_id"] == copy],
            "reports": [_without_copy(o) for o in others if o["copy_id"] != copy]}


def _without_copy(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "copy_id"}


def claims_page(store: Store, kind: str | None = None, indicator: str | None = None, doc_id: str | None = None,
                speaker: str | None = None, person: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    q = select(claims.c.claim_id, claims.c.data)
    for col, v in ((claims.c.kind, kind), (claims.c.indicator, indicator), (claims.c.doc_id, doc_id), (claims.c.speaker, speaker), (claims.c.person, person)):
        if v:
            q = q.where(col == v)
    with store.engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(q.subquery()))
        rows = conn.execute(q.order_by(claims.c.doc_id, claims.c.span_start, claims.c.claim_id).limit(limit).offset(offset)).all()
    return _page([{"claim_id": r.claim_id, **json.loads(r.data)} for r in rows], total, limit, offset)


def _fact_filters(q, kind=None, indicator=None, rank=None, party=None, outlet=None, period=None, since=None, made_at=None):
    for col, v in ((facts.c.kind, kind), (facts.c.indicator, indicator), (facts.c.rank, rank)):
        if v:
            q = q.where(col == v)
    # Filter values are taken literally: "%" or "_" in them is no wildcard.
    if party:
        q = q.where(facts.c.parties.like(f"%,{like_escape(party.upper())},%", escape="\\"))
    if outlet:
        q = q.where(facts.c.outlets.like(f"%,{like_escape(outlet)},%", escape="\\"))
    if period:
        q = q.where(facts.c.period.like(f"{like_escape(period)}%", escape="\\"))
    if since:
        q = q.where((facts.c.period >= since) | (facts.c.date >= since))
    for word in (made_at or "").lower().split():  # the meeting a commitment was made at: every word
        q = q.where(facts.c.made_at.ilike(f"%{like_escape(word)}%", escape="\\"))
    return q


def facts_page(store: Store, kind=None, indicator=None, rank=None, party=None, outlet=None, period=None,
               sort: str = "sources", limit: int = 50, offset: int = 0, facets: bool = False, since=None, made_at=None) -> dict:
    """Facts matching the filters, sorted and paginated; with facets, counts of each facet value among them."""
    filters = dict(kind=kind, indicator=indicator, rank=rank, party=party, outlet=outlet, period=period, since=since, made_at=made_at)
    q = _fact_filters(select(facts.c.data), **filters)
    with store.engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(q.subquery()))
        rows = conn.execute(q.order_by(*SORTS.get(sort, SORTS["sources"])).limit(limit).offset(offset)).all()
        page = _page([json.loads(r.data) for r in rows], total, limit, offset)
        if facets:
            fq = _fact_filters(select(facts.c.kind, facts.c.indicator, facts.c.rank, facts.c.parties, facts.c.outlets, facts.c.period), **filters)
            counts = {f: Counter() for f in FACET_FIELDS}
            for r in conn.execute(fq):
                counts["kind"][r.kind] += 1
                if r.indicator:
                    counts["indicator"][r.indicator] += 1
                counts["rank"][r.rank] += 1
                if r.period:
                    counts["period"][r.period[:4]] += 1
                for p in filter(None, (r.parties or "").split(",")):
                    counts["party"][p] += 1
                for o in filter(None, (r.outlets or "").split(",")):
                    counts["outlet"][o] += 1
            page["facets"] = {f: c.most_common(30) for f, c in counts.items()}
    return page


def fact_detail(store: Store, fact_id: str) -> dict | None:
    """A fact with, for each supporting and conflicting claim, the text around its evidence and the story of its report;
    and the stories its sources belong to (how many of its reports each holds)."""
    with store.engine.connect() as conn:
        data = conn.scalar(select(facts.c.data).where(facts.c.fact_id == fact_id))
        if data is None:
            return None
        fact = json.loads(data)
        ids = sorted({s["doc_id"] for side in ("supporting", "conflicting") for s in fact[side]})
        story = dict(conn.execute(select(stories.c.doc_id, stories.c.story_id).where(stories.c.doc_id.in_(ids))).all())
    titles = story_titles(store, list(set(story.values())))
    reports: dict[str, set[str]] = {}
    for side in ("supporting", "conflicting"):
        for s in fact[side]:
            s["story"] = story.get(s["doc_id"])
            if s["story"]:
                reports.setdefault(s["story"], set()).add(s["doc_id"])
            doc = store.get_document(s["doc_id"])
            start, end = s["span"]
            if doc:
                a, b = max(0, start - 300), min(len(doc.text), end + 300)
                s["before"], s["mark"], s["after"] = doc.text[a:start], doc.text[start:end], doc.text[end:b]
    fact["stories"] = [{"story": sid, "title": titles.get(sid, sid), "reports": len(docs)}
                       for sid, docs in sorted(reports.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    return fact


def stories_page(store: Store, lang: str | None = None, since: str | None = None, q: str | None = None,
                 limit: int = 50, offset: int = 0) -> dict:
    """Stories newest first, filtered (see query.find_stories)."""
    return find_stories(store, lang=lang, since=since, q=q, limit=limit, offset=offset)


def story_detail(store: Store, story_id: str) -> dict | None:
    """A story's reports in time order with their copy groups, its facts and its events (see query.story_record)."""
    return story_record(store, story_id)


def entities(profile: Profile) -> dict:
    return {"states": [{"code": s.code, "name": s.name, "member": s.member} for s in profile.states],
            "groups": [{"code": g.code, "name": g.name, "members": list(g.members)} for g in profile.groups],
            "people": [{"name": p.name, "country": p.country, "offices": [o.role for o in p.offices]} for p in profile.people]}


def entity_detail(store: Store, profile: Profile, key: str) -> dict | None:
    """A state, group or person (its offices, quotes, events and the figures that concern it), or a project,
    institution or recurring meeting (its promises and the claims that name it, in time order)."""
    state = next((s for s in (*profile.states, *profile.groups) if s.code.lower() == key.lower() or s.name.lower() == key.lower()), None)
    person = next((p for p in profile.people if p.name.lower() == key.lower()), None)
    if state is not None:
        code = state.code
        return {"kind": "state", "code": code, "name": state.name,
                "figures": facts_page(store, kind="quantity", party=code, limit=100)["items"],
                "events": facts_page(store, kind="event", party=code, limit=100, sort="period")["items"],
                "commitments": facts_page(store, kind="commitment", party=code, limit=100)["items"]}
    if person is not None:
        with store.engine.connect() as conn:
            said = [json.loads(r.data) for r in conn.execute(select(facts.c.data).where(facts.c.kind == "quote", facts.c.label.like(f"{person.name}:%")))]
            roles = [json.loads(r.data) for r in conn.execute(select(facts.c.data).where(facts.c.kind == "role", facts.c.label.like(f"{person.name} ·%")))]
        return {"kind": "person", "name": person.name, "country": person.country, "offices": roles, "quotes": said}
    from ..ledger import body_record

    return body_record(store, profile, key)


def search(store: Store, q: str, limit: int = 50) -> list[dict]:
    """Documents containing every word of the query, best match first (the store's full-text search)."""
    return store.search_documents(re.findall(r"\w[\w'-]*", q)[:8], limit)


def trade_series(store: Store, profile: Profile) -> list[dict]:
    """China–group trade for the overview chart: every currency's measured figure for each whole year and
    each part of a year reported so far (January to a month), one point per fact and currency."""
    from ..query import series

    return [p for p in series(store, "trade_volume", [profile.group_code, "CN"]) if re.fullmatch(r"\d{4}|(\d{4})-01/\1-\d{2}", p["period"])]


def overview(store: Store, profile: Profile) -> dict:
    from ..query import timeline

    stats = store.stats()
    # The newest report is the record's "now": an event dated after it is announced, not yet held.
    now = stats["published_to"] or "9999"
    held = [e for e in timeline(store, profile=profile, latest_first=True) if e["date"] and e["date"][:len(now)] <= now]
    return {"stats": stats, "trade": trade_series(store, profile), "events": held[:10],
            "contested": facts_page(store, rank="contested", limit=10)["items"]}
