"""Asking the record: facts, conflicts, timeline, quotes and series as plain functions over the store."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator

from sqlalchemy import case, select

from .filters import like_escape
from .profile import Profile, load_profile
from .store import Store
from .records import hash_id
from .store.schema import claims, documents, facts, stories

__all__ = ["find_facts", "conflicts", "timeline", "find_quotes", "series", "story_of",
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
