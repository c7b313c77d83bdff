"""Asking the record: facts, conflicts, timeline, quotes and series as plain functions over the store."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator

from sqlalchemy import case, func, select

from .filters import like_escape
from .langid import UNDETERMINED
from .profile import Profile, load_profile
from .store import Store
from .records import CLAIM_KINDS, hash_id
from .store.schema import claims, documents, fact_claims, facts, stories

__all__ = ["find_facts", "conflicts", "timeline", "find_quotes", "series", "find_stories", "story_record", "story_titles", "story_of",
           "copy_of", "story_rows", "fact_rows", "format_amount", "event_name", "speaker_matches", "shorten"]

# How each event type reads in a name ("Xi–Tokayev talks", "China–Central Asia Summit").
EVENT_WORDS = {"summit": "summit", "ministerial_meeting": "foreign ministers' meeting", "state_visit": "state visit",
               "talks": "talks", "ceremony": "ceremony", "press_conference": "press conference", "forum": "forum",
               "signing": "signing", "other": "event"}
# Gatherings of the whole mechanism, named after it; a visit is the trip its talks, signings and ceremonies belong to.
GATHERINGS = ("summit", "ministerial_meeting", "forum")
TRIP_PARTS = ("talks", "signing", "ceremony", "press_conference", "other")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+(?:[\w'’–-]+\s+){0,4}?(summit|meeting|forum)\b", re.IGNORECASE)
# Kinds whose facts are listed by date.
DATED_KINDS = ("event", "commitment", "quote")
# A trip's talks and signings fall within its days, give or take this many (time zones, arrival the evening before).
TRIP_SLACK_DAYS = 1


def format_amount(v) -> str:
    """A figure as people read it: 312,040,000,000 rather than 312040000000.0; 27.2 stays 27.2."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return "?" if v is None else str(v)
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:g}"


def shorten(text: str | None, width: int) -> str:
    """Text cut to `width` characters at a word boundary, with an ellipsis when anything was cut."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut and not text[width - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;·") + "…"


def _is_quantity_query(kind: str | None, indicator: str | None) -> bool:
    return kind == "quantity" or bool(indicator)


def find_facts(store: Store, kind: str | None = None, indicator: str | None = None, party: str | None = None,
               since: str | None = None, rank: str | None = None, limit: int | None = None, made_at: str | None = None) -> list[dict]:
    """Facts matching every given filter, as dicts (see reconcile.Fact.as_dict). Figures come latest period
    first (measured before targets), events, commitments and quotes latest date first (undated last), the rest
    most sources first. `made_at` matches every word of the
    meeting a commitment was made at ("Xi'an summit")."""
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
    for word in (made_at or "").lower().split():
        q = q.where(facts.c.made_at.ilike(f"%{like_escape(word)}%", escape="\\"))
    if _is_quantity_query(kind, indicator):
        q = q.order_by(case((facts.c.period.is_(None), 1), else_=0), facts.c.period.desc(), facts.c.n_sources.desc(), facts.c.label, facts.c.fact_id)
    elif kind in DATED_KINDS:
        q = q.order_by(case((facts.c.date.is_(None), 1), else_=0), facts.c.date.desc(), facts.c.n_sources.desc(), facts.c.label, facts.c.fact_id)
    else:
        q = q.order_by(facts.c.n_sources.desc(), facts.c.kind, facts.c.label, facts.c.fact_id)
    with store.engine.connect() as conn:
        rows = [json.loads(r.data) for r in conn.execute(q)]
    if _is_quantity_query(kind, indicator):
        rows.sort(key=lambda f: bool(f["key"].get("target")))  # stable: each group keeps its latest-first order
    return rows[:limit] if limit else rows


def conflicts(store: Store) -> list[dict]:
    """Contested facts with the sources on each side."""
    return find_facts(store, rank="contested")


def series(store: Store, indicator: str, parties: list[str] | tuple[str, ...], target: bool = False) -> list[dict]:
    """Every period's fact for one indicator between exactly these parties, oldest first: one point per
    fact and currency ({"period", "value", "unit", "approx", "fact_id", "rank", "n_sources", "sources"})."""
    want = "," + ",".join(sorted(p.upper() for p in parties)) + ","
    out = []
    with store.engine.connect() as conn:
        rows = conn.execute(select(facts.c.data).where(facts.c.kind == "quantity", facts.c.indicator == indicator, facts.c.parties == want))
        for r in rows:
            f = json.loads(r.data)
            if bool(f["key"].get("target")) != target or not f["key"].get("period"):
                continue
            for v in f["value"].get("values") or [{"value": f["value"].get("value"), "unit": f["value"].get("unit"), "approx": f["value"].get("approx")}]:
                out.append({"period": f["key"]["period"], "value": v["value"], "unit": v["unit"], "approx": v.get("approx"),
                            "fact_id": f["fact_id"], "rank": f["rank"], "n_sources": f["n_sources"], "label": f["label"],
                            "sources": f["value"].get("sources") or [], "outlets": _outlets(f)})
    return sorted(out, key=lambda p: (p["period"], p["unit"], -p["n_sources"]))


def _outlets(f: dict) -> list[str]:
    return sorted({s["outlet"] for s in f["supporting"] if s.get("outlet")})


# ---------------------------------------------------------------------------- events
def timeline(store: Store, party: str | None = None, profile: Profile | None = None, latest_first: bool = False) -> list[dict]:
    """Event facts by date (undated last), each named, with the people who took part, its outlets and the
    events of the same trip (talks, signings, ceremonies during a visit or summit) under `includes`."""
    profile = profile or load_profile()
    events = find_facts(store, kind="event", party=party)
    people = _people_of(store, {s["doc_id"] for e in events for s in e["supporting"]}, profile)
    for e in events:
        # The people of the reports that tell the event, not of those that only mention it undated in passing
        docs = {s["doc_id"] for s in e["supporting"] if s["claim"].get("start")} or {s["doc_id"] for s in e["supporting"]}
        parts = set(e["value"].get("participants") or e["parties"])
        who = Counter(p for d in docs for p in people.get(d, ()) if p[1] in parts)
        e["people"] = [{"name": n, "country": c} for (n, c), _ in sorted(who.items(), key=lambda kv: (-kv[1], kv[0]))]
        e["name"] = event_name(e, profile)
        e["date"] = e["value"].get("start")
        e["outlets"] = _outlets(e)
        e["includes"] = []
    top = _group_trips(sorted(events, key=_by_date), profile)
    if latest_first:
        dated = [e for e in top if e["date"]]
        return sorted(dated, key=lambda e: e["date"], reverse=True) + [e for e in top if not e["date"]]
    return top


def _by_date(e: dict) -> tuple:
    return (e["date"] is None, e["date"] or "", e["name"], e["fact_id"])


def _people_of(store: Store, doc_ids: set[str], profile: Profile) -> dict[str, list[tuple[str, str]]]:
    """The people each document names with an office or quotes, as (canonical name, state code)."""
    known = {p.name: p.country for p in profile.people}
    out: dict[str, list[tuple[str, str]]] = {}
    ids = sorted(doc_ids)
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            q = select(claims.c.doc_id, claims.c.data).where(claims.c.kind.in_(("role", "quote")), claims.c.doc_id.in_(ids[i:i + 500]))
            for r in conn.execute(q):
                c = json.loads(r.data)
                name = c.get("person") or c.get("speaker")
                country = c.get("country") or known.get(name)
                if name and country and (c["kind"] == "role" or name in known):
                    out.setdefault(r.doc_id, []).append((name, country))
    return out


def _short(name: str, profile: Profile) -> str:
    """How the news calls a person in short: the one-word alias that is part of the name ("Xi", "Tokayev")."""
    p = next((p for p in profile.people if p.name == name), None)
    if p is not None:
        alias = next((a for a in p.aliases if " " not in a and a in name.split()), None)
        if alias:
            return alias
        if p.country in profile.words("family_name_first"):  # "Lin Jian" is Mr Lin
            return name.split()[0]
    return name.split()[-1] if name.split() else name


def _state_name(code: str, profile: Profile) -> str:
    s = profile.state(code)
    return s.name if s else code


def event_name(e: dict, profile: Profile) -> str:
    """A name an analyst would give the event: "Second China–Central Asia Summit", "Xi–Tokayev talks",
    "Tokayev's state visit to China", "China–Uzbekistan signing in Beijing"."""
    v = e["value"]
    etype = v.get("event_type") or "other"
    word = EVENT_WORDS.get(etype, etype.replace("_", " "))
    parts = list(v.get("participants") or e.get("parties") or [])
    members = set(profile.members)
    place = v.get("location")
    if etype in GATHERINGS and members <= set(parts):
        ordinal = _ordinal(e)
        return f"{ordinal.capitalize() + ' ' if ordinal else ''}{profile.name} {word.title() if etype == 'summit' else word}"
    leaders = _leaders(e, parts, profile)
    if etype == "state_visit":
        host = _host(place, profile)
        guests = [c for c in parts if c != host]
        guest = next((_short(n, profile) for n in _leaders(e, guests, profile)), None) or " and ".join(_state_name(c, profile) for c in guests)
        to = _state_name(host, profile) if host else place
        return f"{guest + '’s s' if guest else 'S'}tate visit{' to ' + to if to else ''}"
    if etype == "talks" and len(leaders) >= 2:
        return f"{'–'.join(_short(n, profile) for n in leaders)} talks"
    who = profile.name if members <= set(parts) else "–".join(_state_name(c, profile) for c in parts[:4])
    return f"{who} {word}{' in ' + place if place else ''}".strip()


def _leaders(e: dict, parts: list[str], profile: Profile) -> list[str]:
    """The leader of each participating state among the people named (a head of state or government before
    the most-named), the first state listed first, at most three."""
    heads = {p.name for p in profile.people if any(o.role in profile.words("head_offices") for o in p.offices)}
    best: dict[str, str] = {}
    for p in sorted(e.get("people", []), key=lambda p: p["name"] not in heads):  # stable: most-named first
        if p["country"] in parts:
            best.setdefault(p["country"], p["name"])
    order = sorted(best, key=lambda c: (c != "CN", parts.index(c) if c in parts else 99))
    return [best[c] for c in order][:3]


def _host(place: str | None, profile: Profile) -> str | None:
    if not place:
        return None
    for p in profile.places:
        if p.name == place:
            return p.country
    for s in profile.states:
        if place in (s.name, s.capital):
            return s.code
    return None


def _ordinal(e: dict) -> str | None:
    """The ordinal most of the event's reports give it ("the second China–Central Asia summit"), if any."""
    found = Counter(m.group(1).lower() for s in e["supporting"] for m in ORDINAL.finditer(s.get("evidence") or ""))
    if not found:
        return None
    word = found.most_common(1)[0][0]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return ORDINALS[int(m.group(1)) - 1] if m and 0 < int(m.group(1)) <= len(ORDINALS) else word


def _within(day: str | None, start: str | None, end: str | None) -> bool:
    from datetime import date, timedelta

    if not day or not start or len(day) < 10 or len(start) < 10:
        return False
    try:
        d, a, b = date.fromisoformat(day), date.fromisoformat(start), date.fromisoformat(end if end and len(end) == 10 else start)
    except ValueError:
        return False
    slack = timedelta(days=TRIP_SLACK_DAYS)
    return a - slack <= d <= b + slack


def _group_trips(events: list[dict], profile: Profile) -> list[dict]:
    """A visit's (or a summit's) talks, signings and ceremonies, held where and when it was, as its parts:
    same place, within its days, and told in a report of it or between the same states."""
    umbrellas = [e for e in events if e["value"].get("event_type") in ("state_visit", *GATHERINGS)]
    taken: set[str] = set()
    for u in sorted(umbrellas, key=lambda e: (e["value"].get("event_type") != "state_visit", -e["n_sources"])):
        if u["fact_id"] in taken:
            continue
        uv = u["value"]
        docs = {s["doc_id"] for s in u["supporting"]}
        for e in events:
            v = e["value"]
            if e is u or e["fact_id"] in taken or v.get("event_type") not in TRIP_PARTS + (("summit",) if uv.get("event_type") == "state_visit" else ()):
                continue
            if v.get("event_type") in GATHERINGS and set(profile.members) <= set(v.get("participants") or ()):
                continue  # the mechanism's own summit is no part of a leader's visit to it
            same_place = v.get("location") and v.get("location") == uv.get("location")
            same_trip = docs & {s["doc_id"] for s in e["supporting"]} or set(v.get("participants") or ()) == set(uv.get("participants") or ())
            if same_place and same_trip and _within(v.get("start"), uv.get("start"), uv.get("end")):
                u["includes"].append(e)
                taken.add(e["fact_id"])
    return [e for e in events if e["fact_id"] not in taken]


# ---------------------------------------------------------------------------- quotes
def speaker_matches(query: str | None, speaker: str | None) -> bool:
    """Whether every word of the query is a whole word of the speaker's name ("Xi" is Xi Jinping, not Xinhua)."""
    if not query:
        return True
    words = set(re.findall(r"[\w'’]+", (speaker or "").lower()))
    parts = set(re.findall(r"[\w'’]+", (speaker or "").lower().replace("-", " ")))
    return all(w in words or w in parts for w in re.findall(r"[\w'’-]+", query.lower()))


def find_quotes(store: Store, speaker: str | None = None, text: str | None = None, profile: Profile | None = None) -> list[dict]:
    """Quote facts by a speaker (whole words of the name, or a known alias of the person) whose words contain
    every word of `text`; each with `date` (first said or reported) and `outlets`, the latest first."""
    profile = profile or load_profile()
    aliases = _speaker_names(speaker, profile)
    out = []
    words = (text or "").lower().split()
    for f in find_facts(store, kind="quote"):
        v = f["value"]
        if speaker and not (speaker_matches(speaker, v.get("speaker")) or v.get("speaker") in aliases):
            continue
        said = " ".join([v.get("text") or ""] + [s["claim"].get("text") or "" for s in f["supporting"]]).lower()
        if all(w in said for w in words):
            dates = sorted(d for d in [v.get("date"), *(s.get("published") for s in f["supporting"])] if d)
            f["date"] = dates[0] if dates else None
            f["outlets"] = _outlets(f)
            out.append(f)
    return sorted(out, key=lambda f: (f["date"] is not None, f["date"] or ""), reverse=True)


def _speaker_names(query: str | None, profile: Profile) -> set[str]:
    """Canonical names of the profile's people the query names by an alias ("Tokaev" is Kassym-Jomart Tokayev)."""
    if not query:
        return set()
    q = query.strip().lower()
    return {p.name for p in profile.people if q == p.name.lower() or q in (a.lower() for a in p.aliases)}


# ---------------------------------------------------------------------------- stories
# A story's title is its earliest report's title, else that report's first line, cut to this many characters.
TITLE_CHARS = 160
# Event types in the order a story's events are read when they share a date.
EVENT_ORDER = tuple(EVENT_WORDS)


def _in_story_with(condition):
    """The stories having a document that meets a condition on `documents` (aliased, so it never correlates)."""
    s2, d2 = stories.alias("s2"), documents.alias("d2")
    return stories.c.story_id.in_(select(s2.c.story_id).join(d2, d2.c.doc_id == s2.c.doc_id).where(condition(d2)))


def find_stories(store: Store, lang: str | None = None, since: str | None = None, q: str | None = None,
                 limit: int = 50, offset: int = 0) -> dict:
    """Stories newest first (by their latest report; undated last), each with its title, first and last date,
    number of documents and copy groups, languages and outlets. `lang`: having a report in that language;
    `since`: reported on or after that date; `q`: every word in the title of one of its reports."""
    latest = func.max(documents.c.published)
    base = (select(stories.c.story_id, func.count().label("n_documents"), func.count(func.distinct(stories.c.copy_id)).label("n_copy_groups"),
                   func.min(documents.c.published).label("first"), latest.label("last"))
            .join(documents, documents.c.doc_id == stories.c.doc_id).group_by(stories.c.story_id))
    if lang == UNDETERMINED:
        base = base.where(_in_story_with(lambda d: d.c.lang.is_(None) | (d.c.lang == lang)))
    elif lang:
        base = base.where(_in_story_with(lambda d: d.c.lang == lang))
    for word in (q or "").split()[:8]:
        base = base.where(_in_story_with(lambda d, w=word: d.c.title.ilike(f"%{like_escape(w)}%", escape="\\")))
    if since:
        base = base.having(latest >= since)
    with store.engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(base.subquery()))
        rows = conn.execute(base.order_by(latest.desc().nulls_last(), stories.c.story_id).limit(limit).offset(offset)).all()
        docs = _story_documents(conn, [r.story_id for r in rows])
    items = [dict(_story_summary(r.story_id, docs.get(r.story_id, [])), n_documents=r.n_documents, n_copy_groups=r.n_copy_groups)
             for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items,
            "next_offset": offset + limit if offset + limit < total else None}


def _story_documents(conn, story_ids: list[str]) -> dict[str, list[dict]]:
    """The documents of these stories in time order (undated last), with the head of their text for a title."""
    out: dict[str, list[dict]] = {}
    for i in range(0, len(story_ids), 500):
        q = (select(stories.c.story_id, stories.c.copy_id, documents.c.doc_id, documents.c.title, documents.c.outlet, documents.c.lang,
                    documents.c.published, func.substr(documents.c.text, 1, TITLE_CHARS * 2).label("head"))
             .join(documents, documents.c.doc_id == stories.c.doc_id).where(stories.c.story_id.in_(story_ids[i:i + 500])))
        for r in conn.execute(q):
            out.setdefault(r.story_id, []).append({"doc_id": r.doc_id, "title": r.title, "outlet": r.outlet, "lang": r.lang,
                                                   "published": r.published, "copy_group": r.copy_id, "head": r.head})
    for docs in out.values():
        docs.sort(key=lambda d: (d["published"] is None, d["published"] or "", d["doc_id"]))
    return out


def _doc_title(d: dict) -> str:
    line = next((x.strip() for x in (d.get("head") or "").splitlines() if x.strip()), "")
    return shorten(d.get("title") or line or d["doc_id"], TITLE_CHARS)


def _story_summary(story_id: str, docs: list[dict]) -> dict:
    dates = [d["published"] for d in docs if d["published"]]
    return {"story": story_id, "title": _doc_title(docs[0]) if docs else story_id, "first": min(dates, default=None),
            "last": max(dates, default=None), "n_documents": len(docs), "n_copy_groups": len({d["copy_group"] for d in docs}),
            "languages": _most_first(d["lang"] for d in docs), "outlets": _most_first(d["outlet"] for d in docs)}


def _most_first(values) -> list[str]:
    return [v for v, _ in sorted(Counter(v for v in values if v).items(), key=lambda kv: (-kv[1], kv[0]))]


def story_titles(store: Store, story_ids: list[str]) -> dict[str, str]:
    """The title of each of these stories (its earliest report's title or first line)."""
    with store.engine.connect() as conn:
        docs = _story_documents(conn, sorted(set(story_ids)))
    return {sid: _doc_title(ds[0]) for sid, ds in docs.items() if ds}


def story_record(store: Store, story_id: str) -> dict | None:
    """A story: its reports in time order (outlet, language, date, copy group), its copy groups, the facts its
    reports are sources of, and its events (one line per type, date and place, with the reports that give it)."""
    with store.engine.connect() as conn:
        docs = _story_documents(conn, [story_id]).get(story_id)
        if not docs:
            return None
        ids = [d["doc_id"] for d in docs]
        linked = conn.execute(select(fact_claims.c.fact_id, fact_claims.c.claim_id).join(claims, claims.c.claim_id == fact_claims.c.claim_id)
                              .where(claims.c.doc_id.in_(ids))).all()
        found = [json.loads(r.data) for r in conn.execute(select(facts.c.data).where(facts.c.fact_id.in_(sorted({r.fact_id for r in linked}))))]
        events = [dict(json.loads(r.data), claim_id=r.claim_id) for r in conn.execute(
            select(claims.c.claim_id, claims.c.data).where(claims.c.kind == "event", claims.c.doc_id.in_(ids)).order_by(claims.c.doc_id, claims.c.span_start))]
    numbers: dict[str, int] = {}
    for d in docs:  # copy groups numbered in the order their first report appeared
        d["copy_n"] = numbers.setdefault(d["copy_group"], len(numbers) + 1)
        d["title"] = _doc_title(d)
        del d["head"]
    fact_of = {r.claim_id: r.fact_id for r in linked}
    return dict(_story_summary(story_id, docs), documents=docs,
                copy_groups=[{"copy_group": c, "copy_n": n, "documents": [d["doc_id"] for d in docs if d["copy_group"] == c]} for c, n in numbers.items()],
                facts=[_fact_in_story(f, set(ids)) for f in sorted(found, key=_story_fact_order)],
                events=_story_events(events, fact_of))


def _story_fact_order(f: dict) -> tuple:
    return (CLAIM_KINDS.index(f["kind"]) if f["kind"] in CLAIM_KINDS else len(CLAIM_KINDS), -f["n_sources"], f["label"], f["fact_id"])


def _fact_in_story(f: dict, ids: set[str]) -> dict:
    """A fact as a story lists it: what it is, how supported, and which of the story's reports are its sources."""
    mine = sorted({s["doc_id"] for s in f["supporting"] + f["conflicting"] if s["doc_id"] in ids})
    return {"fact_id": f["fact_id"], "kind": f["kind"], "rank": f["rank"], "label": f["label"], "n_sources": f["n_sources"],
            "n_reports": f.get("n_reports", len({s["doc_id"] for s in f["supporting"]})), "documents": mine}


def _story_events(events: list[dict], fact_of: dict[str, str]) -> list[dict]:
    """One line per distinct (type, date, place), with the reports that give it and the fact it belongs to."""
    lines: dict[tuple, dict] = {}
    for c in events:
        key = (c.get("event_type"), c.get("start"), c.get("location"))
        line = lines.setdefault(key, {"event_type": key[0], "start": key[1], "end": c.get("end"), "location": key[2], "participants": [],
                                      "documents": [], "fact_id": None})
        line["participants"] = sorted(set(line["participants"]) | set(c.get("participants") or ()))
        if c["doc_id"] not in line["documents"]:
            line["documents"].append(c["doc_id"])
        line["fact_id"] = line["fact_id"] or fact_of.get(c["claim_id"])
    return sorted(lines.values(), key=lambda e: (e["start"] is None, e["start"] or "", EVENT_ORDER.index(e["event_type"])
                                                 if e["event_type"] in EVENT_ORDER else len(EVENT_ORDER), e["location"] or ""))


# ---------------------------------------------------------------------------- exports
def fact_rows(store: Store) -> Iterator[dict]:
    """Every fact flattened for export: one row per fact, sources as JSON."""
    for f in find_facts(store):
        yield {"fact_id": f["fact_id"], "kind": f["kind"], "rank": f["rank"], "n_sources": f["n_sources"], "label": f["label"],
               "parties": f["parties"], "key": f["key"], "value": f["value"],
               "supporting": [s["claim_id"] for s in f["supporting"]], "conflicting": [s["claim_id"] for s in f["conflicting"]]}


def story_rows(store: Store, batch_size: int = 2000) -> Iterator[dict]:
    """One row per document, in id order: {"doc_id", "story", "copy_group", "lang", "outlet", "published"}
    (a document not grouped yet is a story and a copy group of its own)."""
    q = (select(documents.c.doc_id, stories.c.story_id, stories.c.copy_id, documents.c.lang, documents.c.outlet, documents.c.published)
         .outerjoin(stories, stories.c.doc_id == documents.c.doc_id).order_by(documents.c.doc_id))
    last = ""
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(q.where(documents.c.doc_id > last).limit(batch_size)).all()
        if not rows:
            return
        for r in rows:
            yield {"doc_id": r.doc_id, "story": r.story_id or hash_id("story", r.doc_id), "copy_group": r.copy_id or hash_id("copy", r.doc_id),
                   "lang": r.lang, "outlet": r.outlet, "published": r.published}
        last = rows[-1].doc_id


def story_of(store: Store) -> dict[str, str]:
    """doc_id → story for every stored document (a document not yet grouped is its own story)."""
    return {r["doc_id"]: r["story"] for r in story_rows(store)}


def copy_of(store: Store) -> dict[str, str]:
    """doc_id → copy group for every stored document (a document not yet grouped is its own group)."""
    return {r["doc_id"]: r["copy_group"] for r in story_rows(store)}
