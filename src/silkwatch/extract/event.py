"""Event claims: meetings and occasions with type, place, dates and participants, one per event per article."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..records import Claim
from .dates import month_number, resolve_weekday

__all__ = ["extract", "parse_dates"]

# A place this many characters or fewer from the event word is the event's place ("summit in Xi'an").
PLACE_WINDOW = 60
# Mentions of one event dated at most this many days apart give its first and last day ("Thursday … Friday").
MULTI_DAY_SPAN = 3
# Sentences shorter than this many tokens are fragments whose context is the rest of the paragraph.
SHORT_SENTENCE = 12
# Event types whose place, when a sentence does not give it, is the city the article is about.
PLACED_TYPES = {"summit", "state_visit", "talks", "ministerial_meeting", "signing", "ceremony"}
DATELINE = re.compile(r"^[A-Z][A-Z' .-]+(?:,\s*[A-Z][\w .]+)?\s*(?:\([^)]*\))?\s*(?:--|—|–|:)")
ONLINE = re.compile(r"\b(?:video|virtual|online|videoconference|video link)\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _keyword_pattern(event_types: tuple) -> tuple[re.Pattern[str], dict[str, str]]:
    words = {}
    for et in event_types:
        for k in et.keywords:
            words[k.lower()] = et.key
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]?") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE), words


def extract(article) -> list[Claim]:
    """One claim per distinct (type, place) event the article reports."""
    pattern, words = _keyword_pattern(article.profile.event_types)
    text = article.text
    events: dict[tuple[str, str | None], dict] = {}
    order: list[tuple[str, str | None]] = []
    for sent in article.doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        chunk = text[s0:s1]
        if not chunk.strip():
            continue
        dl = DATELINE.match(chunk)
        body_from = dl.end() if dl else 0
        for m in pattern.finditer(chunk, body_from):
            etype = words.get(re.sub(r"\s+", " ", m.group(0).lower()).replace("’", "'"))
            if etype is None:
                etype = next((v for k, v in words.items() if re.fullmatch(re.escape(k).replace(r"\ ", r"\s+").replace("'", "['’]?"), m.group(0), re.IGNORECASE)), None)
            if etype is None:
                continue
            place = None if ONLINE.search(chunk) else _place(article, chunk, body_from, m.start(), m.end())
            parts = _participants(article, chunk, etype)
            if not parts and len(sent) < SHORT_SENTENCE:
                # A fragment the parser split off ("The two-day summit in … | The city of …"): read on.
                nxt = text[s0: text.find("\n", s1) if text.find("\n", s1) > 0 else len(text)]
                parts = _participants(article, nxt, etype)
                place = place or (None if ONLINE.search(nxt) else _place(article, nxt, body_from, m.start(), m.end()))
            if not parts:
                continue
            start, end = _dates(article, sent, m.start() + s0, s0 + body_from)
            if start is None:
                start, end = _paragraph_dates(article, sent, m.start() + s0)
            key = (etype, place)
            if place is not None and (etype, None) in events and (etype, place) not in events:
                events[key] = events.pop((etype, None))  # the place-less mention was this event
                order[order.index((etype, None))] = key
            elif place is None and any(k[0] == etype for k in events):
                key = next(k for k in order if k[0] == etype)
            if key not in events:
                events[key] = {"type": etype, "place": place, "start": start, "end": end, "parts": set(parts), "span": (s0, s1), "name": m.group(0), "days": []}
                order.append(key)
            else:
                ev = events[key]
                ev["parts"] |= set(parts)
                if start and ev["start"] and len(start) == len(ev["start"]) == 10:
                    ev["days"] += [start, end]
    out = []
    cities = _article_cities(article)
    for key in order:
        ev = events[key]
        place = _settle_place(article, ev["place"], cities if ev["type"] in PLACED_TYPES else [])
        if place != ev["place"] and any(k[0] == ev["type"] and k[1] == place for k in order if k != key):
            continue  # the same event, already placed in that city
        where = article.entities.place(place) if place else None
        if where is not None and where.country not in article.profile.members:
            continue  # a meeting abroad (a G7 summit in Hiroshima) is not the mechanism's
        out.append(article.claim(
            "event", *ev["span"], event_type=ev["type"], name=ev["name"], location=place,
            start=_first_day(ev), end=_last_day(ev), participants=tuple(sorted(ev["parts"])),
        ))
    return out


def _days_near(ev) -> list[date]:
    """The days other mentions give for this event, when they fall within a few days of the first."""
    if not ev["start"] or len(ev["start"]) != 10:
        return []
    first = date.fromisoformat(ev["start"])
    return [d for d in map(date.fromisoformat, ev["days"]) if abs((d - first).days) <= MULTI_DAY_SPAN]


def _first_day(ev) -> str | None:
    days = _days_near(ev)
    return min([*days, date.fromisoformat(ev["start"])]).isoformat() if days else ev["start"]


def _last_day(ev) -> str | None:
    days = _days_near(ev)
    return max([*days, date.fromisoformat(ev["end"] or ev["start"])]).isoformat() if days else ev["end"]


def _article_cities(article) -> list[str]:
    """Cities the article names outside datelines, most mentioned first."""
    counts: dict[str, int] = {}
    for para in article.text.split("\n"):
        dl = DATELINE.match(para)
        for m in article.entities.mentions(para[dl.end() if dl else 0:]):
            place = article.entities.place(m.surface) if m.kind in ("place", "state") else None
            if place is not None and (m.kind == "place" or m.how == "capital") and _located(para, m.start, m.how):
                counts[place.name] = counts.get(place.name, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


def _located(text: str, at: int, how: str) -> bool:
    """A capital stands for its government ("Beijing's policy") unless a preposition makes it a place."""
    return how != "capital" or re.search(r"\b(?:in|to|at|from)\s+$", text[:at]) is not None


def _settle_place(article, place: str | None, cities: list[str]) -> str | None:
    """A country or no place is narrowed to the city the article says things happened in, when it names one."""
    if place is None:
        return cities[0] if cities else None
    state = next((s for s in article.profile.states if s.name == place), None)
    if state:
        in_state = [c for c in cities if (article.entities.place(c) and article.entities.place(c).country == state.code)]
        return in_state[0] if in_state else place
    return place


def _place(article, chunk: str, body_from: int, ks: int, ke: int) -> str | None:
    best = None
    for m in article.entities.mentions(chunk[body_from:], body_from):
        dist = ks - m.end if m.end <= ks else m.start - ke
        if dist > PLACE_WINDOW or dist < -1:
            continue
        if m.kind == "place":
            name = m.key
        elif m.kind == "state" and m.how == "capital" and _located(chunk, m.start, m.how):
            name = article.entities.place(m.surface).name if article.entities.place(m.surface) else None
        elif m.kind == "state" and m.how in ("name", "alias") and m.key in article.profile.members and re.search(r"\b(?:in|to)\s+$", chunk[:m.start]):
            state = article.profile.state(m.key)
            name = state.name if state else None
        else:
            continue
        if name and (best is None or dist < best[0]):
            best = (dist, name)
    return best[1] if best else None


def _participants(article, chunk: str, etype: str) -> list[str]:
    codes = []
    for c in article.entities.codes_in(chunk):
        group = article.entities.group(c)
        if group:
            codes.extend(group.members)
        else:
            codes.append(c)
    if etype in ("summit", "ministerial_meeting") and article.profile.group_code in article.entities.codes_in(chunk):
        codes.extend(article.profile.members)
    members = set(article.profile.members)
    codes = [c for c in dict.fromkeys(codes)]
    return codes if any(c in members for c in codes) else []


DAY_RANGE = re.compile(r"(?P<m>[A-Z][a-z]+)\.?\s+(?P<d1>\d{1,2})(?!\d)(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2})(?!\d))?(?:,?\s+(?P<y>\d{4}))?")
DAY_FIRST = re.compile(r"(?<!\d)(?P<d1>\d{1,2})(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2}))?\s+(?P<m>[A-Z][a-z]+)(?:,?\s+(?P<y>\d{4}))?")
MONTH_YEAR = re.compile(r"(?P<m>[A-Z][a-z]+)\.?,?\s+(?P<y>(?:19|20)\d\d)")
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
TWO_DAY = re.compile(r"\btwo-day\b|\btwo days\b", re.IGNORECASE)
# A date next to a clock time ("08:10, January 25, 2024", "Updated: July 17, 2020 20:37") stamps the page, not an event.
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
ENDED = re.compile(r"\b(?:closed|concluded|ended|wrapped up|wraps up|came to an end)\b", re.IGNORECASE)


def parse_dates(phrase: str, published: date | None) -> tuple[str | None, str | None]:
    """(start, end) from a date phrase: "May 18-19", "18 May 2023", "on Friday" (against the publication date)."""
    for rx in (DAY_RANGE, DAY_FIRST):
        m = rx.search(phrase)
        if m and month_number(m.group("m")):
            year = int(m.group("y")) if m.group("y") else (published.year if published else None)
            if year is None:
                return None, None
            try:
                d1 = date(year, month_number(m.group("m")), int(m.group("d1")))
                d2 = date(year, d1.month, int(m.group("d2"))) if m.group("d2") else d1
            except ValueError:
                continue
            return d1.isoformat(), d2.isoformat()
    m = MONTH_YEAR.search(phrase)
    if m and month_number(m.group("m")):
        return f"{m.group('y')}-{month_number(m.group('m')):02d}", None
    w = WEEKDAY.search(phrase)
    if w:
        d = resolve_weekday(w.group(1), published)
        return (d.isoformat(), d.isoformat()) if d else (None, None)
    return None, None


def _reference(article) -> date | None:
    """The publication date, else 1 January of the year the article names most, to place dates without a year."""
    if article.published:
        return article.published
    if "reference_date" not in article.notes:
        years = re.findall(r"\b(20\d\d)\b", article.text)
        article.notes["reference_date"] = date(int(max(set(years), key=years.count)), 1, 1) if years else None
    return article.notes["reference_date"]


def _paragraph_dates(article, sent, at: int) -> tuple[str | None, str | None]:
    """The date of the paragraph's earlier sentences, for an event its own sentence does not date."""
    text = article.text
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    for prev in reversed([s for s in article.doc[:sent.start].sents if s.start_char >= para_start]) if sent.start > 0 else []:
        start, end = _dates(article, prev, at)
        if start:
            return start, end
    return None, None


def _dates(article, sent, at: int, body_from: int = 0) -> tuple[str | None, str | None]:
    """The date nearest the event word in its sentence (not the dateline's); "the two-day summit ended Friday" reaches back a day."""
    text = article.text
    ents = sorted((e for e in sent.ents if e.label_ == "DATE" and e.start_char >= body_from
                   and not CLOCK.search(text[max(0, e.start_char - 12): e.end_char + 12])), key=lambda e: abs(e.start_char - at))
    for ent in ents:
        ref = _reference(article)
        if WEEKDAY.search(ent.text) and not article.published:
            continue  # a weekday needs the real publication date
        start, end = parse_dates(ent.text, ref)
        if start:
            if TWO_DAY.search(sent.text) and ENDED.search(sent.text) and start == end and len(start) == 10:
                start = (date.fromisoformat(end) - timedelta(days=1)).isoformat()
            return start, end
    return None, None
