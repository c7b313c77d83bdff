"""Russian event claims: meetings and occasions by their words in lang/ru/events.toml, one claim per event per article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...records import Claim
from .dates import find_dates
from .names import word_keys
from .role import people, titles
from .rules import rules

__all__ = ["extract", "event_words"]

# Event types whose place, when their sentence names none, is the story's place (the city its events are in).
PLACED = {"summit", "state_visit", "talks", "ministerial_meeting", "signing", "ceremony", "other"}
# A partner («с Си Цзиньпином») counts within this many words after «встреча».
PARTNER_WINDOW = 8
# What a founding word founds is at most this many words after it.
OBJECT_WINDOW = 4
AT = {"в", "во"}
FROM = {"из", "от"}
# Events dated this many days or fewer from the story's first dated event are the story's.
STORY_DAYS = 14
# The lead of a story: its sentences that start in the first this many characters.
LEAD_CHARS = 400
# «Сиань, 20 мая /Синьхуа/ --», «АШХАБАД, 7 янв — ПРАЙМ.»: the place and day of the report, not of an event.
DATELINE = re.compile(r"[А-ЯЁ][А-ЯЁа-яё-]+,\s+\d{1,2}\s+[а-яё]+\.?\s*(?:/[^/\n]{1,30}/\s*|\([^)\n]{1,30}\)\s*)?(?:--|—|–)?")


@dataclass(frozen=True)
class EventWord:
    type: str
    words: tuple[frozenset[str], ...]
    partner: bool = False
    objects: frozenset[str] = frozenset()


@dataclass
class Mention:
    type: str
    sent: int
    start: int
    end: int
    place: str | None
    first: str | None
    last: str | None
    own: bool  # the story's own event, not one recalled, prepared or held online
    object: str | None = None  # what a founding founds (a mechanism, a secretariat)
    parts: set = field(default_factory=set)


@lru_cache(maxsize=1)
def event_words() -> list[EventWord]:
    """The event words of lang/ru/events.toml, longest first."""
    out = []
    for e in rules("events")["event"]:
        objects = frozenset(k for o in e.get("objects", ()) for k in word_keys(o))
        for w in e["words"]:
            out.append(EventWord(e["type"], tuple(word_keys(x) for x in w.split()), e.get("partner", False), objects))
    return sorted(out, key=lambda e: len(e.words), reverse=True)


@lru_cache(maxsize=1)
def _context() -> dict[str, re.Pattern[str]]:
    return {k: re.compile("|".join(v), re.IGNORECASE) for k, v in rules("events")["context"].items()}


def extract(art) -> list[Claim]:
    """One claim per distinct event: mentions of one type are one event unless their places, days or objects differ."""
    mentions = _mentions(art)
    lead = _lead_day(art)
    story_day = (next(((m.first, m.last) for m in mentions if m.first and len(m.first) == 10 and m.own), None)
                 or (lead if lead[0] else None)
                 or next(((m.first, m.last) for m in mentions if m.first and m.own), (None, None)))
    for m in mentions:  # an event dated days away from the story's is another occasion («25 января … первого саммита»)
        if m.own and m.first and story_day[0] and not _near(m.first, story_day[0]):
            m.own = False
    cities = {p.name for p in art.profile.places}
    placed = [m.place for m in mentions if m.place and m.own]
    story_place = next((p for p in placed if p in cities), None)  # a country named once is a trip's end, not the story's city
    by_sent: dict[int, Mention] = {}
    for m in mentions:
        by_sent.setdefault(m.sent, m)
    for m in mentions:
        prev = by_sent.get(m.sent - 1)
        if prev is not None and not prev.own and m.place is None and m.first is None:
            m.own = False  # «Напомним, в 2023 году в Сиане … Тогда лидеры подписали …»: the recalled occasion goes on
            m.place = prev.place if m.type in PLACED else None
            m.first, m.last = prev.first, prev.last
        if not m.own:
            continue
        place, day = _sentence_setting(art, m.sent - 1)
        if m.place is None and m.type in PLACED:
            m.place = place or story_place
        if m.first is None:
            m.first, m.last = day or story_day
        elif len(m.first) < 10 and story_day[0] and story_day[0].startswith(m.first):
            m.first, m.last = story_day  # «визит 2024 года» in a story of 23 January 2024: that day
    events: list[Mention] = []
    for m in mentions:
        same = next((e for e in events if _same(e, m)), None)
        if same is None:
            events.append(m)
        else:
            same.place = same.place or m.place
            same.first, same.last = (same.first, same.last) if same.first else (m.first, m.last)
            same.parts |= m.parts
    return [art.claim("event", e.start, e.end, event_type=e.type, name=None, location=e.place, start=e.first,
                      end=e.last, participants=tuple(sorted(e.parts))) for e in events if not _abroad(art, e.place)]


def _abroad(art, place: str | None) -> bool:
    """A meeting in a city or country outside the mechanism (a summit in Moscow) is not the mechanism's."""
    if place is None:
        return False
    where = art.names.english.place(place)
    if where is not None:
        return where.country not in art.profile.members
    state = next((s for s in art.profile.states if s.name == place), None)
    return state is not None and not state.member


def _lead_day(art) -> tuple:
    """The first day the story's lead gives («23 января … вылетел»), for events no mention dates."""
    for n in range(len(art.doc.sents)):
        a, b = art.doc.sent_span(n)
        if a > LEAD_CHARS:
            break
        days = [d for d in find_dates(art.text, a, b, art.published) if not _in_dateline(art.text, d.start) and len(d.first) == 10]
        if days:
            return days[0].first, days[0].last
    return None, None


def _near(a: str, b: str) -> bool:
    from datetime import date as _date

    if len(a) < 10 or len(b) < 10:
        return a[:len(b)] == b[:len(a)]
    return abs((_date.fromisoformat(a) - _date.fromisoformat(b)).days) <= STORY_DAYS


def _sentence_setting(art, n: int) -> tuple[str | None, tuple | None]:
    """The city and day a sentence names, which a following sentence about the same occasion leaves unsaid."""
    if n < 0:
        return None, None
    a, b = art.doc.sent_span(n)
    first = art.doc.sents[n][0]
    city = _place(art, a, a, b) if first < len(art.doc.tokens) else None
    days = [d for d in find_dates(art.text, a, b, art.published) if not _in_dateline(art.text, d.start)]
    return city, ((days[0].first, days[0].last) if days else None)


def _in_dateline(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    m = DATELINE.match(text, line_start)
    return bool(m and m.start() <= pos < m.end())


def _same(e: Mention, m: Mention) -> bool:
    if e.type != m.type:
        return False
    if e.place and m.place and e.place != m.place:
        return False
    if e.object != m.object:
        return False
    # a year or month («в текущем году») is no other day than one inside it
    return not (e.first and m.first and not (e.first.startswith(m.first) or m.first.startswith(e.first)))


def _mentions(art) -> list[Mention]:
    out = []
    person_starts = {art.doc.token_at(p.start).i for p in people(art) if art.doc.token_at(p.start)}
    for n in range(len(art.doc.sents)):
        toks = art.doc.sent_tokens(n)
        a, b = art.doc.sent_span(n)
        sentence = art.text[a:b]
        ctx = {k: bool(p.search(sentence)) for k, p in _context().items()}
        days = [d for d in find_dates(art.text, a, b, art.published) if not _in_dateline(art.text, d.start)]
        hits, i = [], 0
        while i < len(toks):
            hit = _event_at(art, toks, i, person_starts)
            if hit is None:
                i += 1
                continue
            hits.append((i, *hit))
            i = hit[1]
        for h, (i, ew, j, obj) in enumerate(hits):
            lo = toks[hits[h - 1][2] - 1].end if h else a
            hi = toks[hits[h + 1][0]].start if h + 1 < len(hits) else b
            place = None if ctx["online"] else _place(art, toks[i].start, lo, hi)
            near = min((d for d in days if lo <= d.start < hi), key=lambda d: abs(d.start - toks[i].start), default=None)
            out.append(Mention(
                ew.type, n, toks[i].start, toks[j - 1].end, place, near.first if near else None, near.last if near else None,
                own=not (ctx["recalled"] or ctx["future"] or ctx["online"]), object=obj,
                parts=set(art.states_in(a, b)),
            ))
    return out


@lru_cache(maxsize=1)
def _words_by_first() -> dict[str, list[EventWord]]:
    index: dict[str, list[EventWord]] = {}
    for ew in event_words():
        for k in ew.words[0]:
            index.setdefault(k, []).append(ew)
    return index


def _event_at(art, toks, i, person_starts):
    """The event word at toks[i]: (its rule, the token after it, what it founds) or None."""
    index = _words_by_first()
    cands = {id(e): e for k in word_keys(toks[i].text) for e in index.get(k, ())}
    for ew in sorted(cands.values(), key=lambda e: -len(e.words)):
        n = len(ew.words)
        if i + n > len(toks) or not all(word_keys(toks[i + k].text) & ew.words[k] for k in range(n)):
            continue
        t = toks[i]
        participle = t.feat("VerbForm") == "Part" and t.feat("Variant") != "Short"
        if ew.type == "signing" and participle:
            continue  # «подписанное в 2015 году соглашение»: a document described, not a signing told
        if ew.partner and not _partner(art, toks, i + n, person_starts):
            continue
        obj = None
        if ew.objects and t.pos == "NOUN" and t.feat("Case") in ("Nom", "Acc"):
            continue  # «Создание секретариата символизирует …», «комментируя создание …»: a founding judged, not told
        if ew.objects:
            # «учреждение секретариата», and «механизма, созданного …» with the participle after what it founds
            near = toks[i + n:i + n + OBJECT_WINDOW] + (toks[max(0, i - 3):i] if participle else [])
            obj = next((min(word_keys(x.text) & ew.objects) for x in near if word_keys(x.text) & ew.objects), None)
            if obj is None:
                continue
        return ew, i + n, obj
    return None


def _partner(art, toks, j, person_starts) -> bool:
    if j < len(toks) and toks[j].i in person_starts:
        return True  # «встреча Си Цзиньпина и Касым-Жомарта Токаева»
    for k in range(j, min(len(toks) - 1, j + PARTNER_WINDOW)):
        if toks[k].text.lower() in {"с", "со"}:
            nxt = toks[k + 1]
            if nxt.i in person_starts or any(m.start == nxt.start and m.kind in ("state", "group") for m in art.mentions):
                return True
            return any(all(word_keys(toks[k + 1 + q].text) & t.words[q] for q in range(len(t.words)))
                       for t in titles() if k + 1 + len(t.words) <= len(toks))
    return False


def _place(art, at: int, lo: int, hi: int) -> str | None:
    """The place nearest an event word within its stretch of the sentence: a city, or a country after «в»."""
    cands = []
    for m in art.mentions_in(lo, hi):
        if _in_dateline(art.text, m.start):
            continue  # «ПЕКИН, 5 марта (Синьхуа) --» places the report, not an event
        tok = art.doc.token_at(m.start)
        if tok is not None and tok.i > 0 and art.doc.tokens[tok.i - 1].text.lower() in FROM:
            continue  # «вылетел из Ташкента»: where someone came from, not where the event is
        if tok is not None and tok.rel.startswith("nsubj"):
            continue  # «Пекин поддерживает …»: a capital that acts is its government
        if m.kind == "place":
            cands.append((abs(m.start - at), 0, m.key))
        elif m.kind == "state" and tok is not None and tok.i > 0 and art.doc.tokens[tok.i - 1].lemma == "столица":
            state = art.profile.state(m.key)  # «в столице Казахстана»: its capital
            if state and state.capital:
                cands.append((abs(m.start - at), 0, state.capital))
        elif m.kind == "state" and m.how == "name":  # «в Казахстан», not «в китайском городе»
            tok = art.doc.token_at(m.start)
            if tok is not None and tok.i > 0 and art.doc.tokens[tok.i - 1].text.lower() in AT:
                state = art.profile.state(m.key)
                if state:
                    cands.append((abs(m.start - at), 1, state.name))
    return min(cands)[2] if cands else None
