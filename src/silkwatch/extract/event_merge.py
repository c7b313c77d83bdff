"""Event mentions and events: the typed records of event extraction, and which mentions are one event.

An article names one event many times ("the summit", "the Xi'an summit", "the two-day summit"):
mentions of one type are one event unless their places, dates, ordinals, names, counterparts or
(for signings) documents tell them apart. Pure functions over frozen records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

__all__ = ["EventMention", "Event", "same_event", "merge", "told_apart", "dates_agree", "named_pair",
           "first_day", "last_day", "MULTI_DAY_SPAN"]

# Mentions of one event dated at most this many days apart give its first and last day ("Thursday … Friday").
MULTI_DAY_SPAN = 3
# What joins two named events in a list: "… Forum and the Third … Forum".
NAMED_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Z0-9][\w'’-]*\s+){1,8}")


@dataclass(frozen=True)
class EventMention:
    """One event word of an article with what its sentence says of the event."""

    etype: str
    name: str  # the event word as written ("summit", "held talks")
    at: int  # where the event word starts in the text
    span: tuple[int, int]  # the sentence, the claim's evidence
    text: str  # the sentence's text
    place: str | None = None
    start: str | None = None
    end: str | None = None
    firm_date: bool = False  # the date hangs on the event word in the parse, not merely near it
    parts: tuple[str, ...] = ()  # state codes taking part
    document: str | None = None  # for a signing: the kind of document signed ("" when it only refers back to one)
    online: bool = False
    recalled: bool = False  # "not long ago, …": an event the story looks back on
    timed: bool = False  # "ahead of the summit": the event only times another act
    sequel: bool = False  # "the next summit": another of its series
    said_at: str | None = None  # the place the sentence itself gives
    ordinal: int | None = None  # "the second summit": 2
    along: frozenset[str] = frozenset()  # the types of the other event words of its sentence
    hosts: frozenset[str] = frozenset()  # the types of the events its sentence says it happened at
    partners: frozenset[str] = frozenset()  # for talks: the people they were held with
    series: frozenset[str] = frozenset()  # the words of its name ("shanghai cooperation organization")
    title: str | None = None  # its full name, when it is one of two named events listed together


@dataclass(frozen=True)
class Event(EventMention):
    """An event of the article: its first mention's words and evidence, with what all its mentions say."""

    texts: tuple[str, ...] = ()  # the sentences of all its mentions
    days: tuple[str, ...] = ()  # the further days its mentions give

    @classmethod
    def of(cls, m: EventMention) -> Event:
        if isinstance(m, Event):
            return m
        fields = {f: getattr(m, f) for f in m.__dataclass_fields__}
        return cls(**fields, texts=(m.text,))


def merge(ev: Event, m: EventMention) -> Event:
    """The event with a further mention of it (or an event found to be the same) taken in."""
    m = Event.of(m)
    start, end, days, firm = ev.start, ev.end, ev.days, ev.firm_date or m.firm_date
    if m.start and (not ev.start or (m.firm_date and not ev.firm_date and not dates_agree(ev.start, m.start))):
        start, end, days = m.start, m.end, ()  # the firmly attached date wins over one only found nearby
    elif m.start and len(m.start) == len(ev.start or "") == 10 and dates_agree(ev.start, m.start):
        days = (*days, m.start, *((m.end,) if m.end else ()), *m.days)
    return replace(
        ev, parts=tuple(dict.fromkeys((*ev.parts, *m.parts))), texts=(*ev.texts, *m.texts),
        place=ev.place or m.place,  # the place-less mention was this event
        said_at=ev.said_at or m.said_at, document=ev.document or m.document, online=ev.online or m.online,
        recalled=ev.recalled and m.recalled,  # named once as the story's own, it is
        timed=ev.timed and m.timed,  # told for itself once, it is reported
        along=ev.along | m.along, hosts=ev.hosts | m.hosts, partners=ev.partners | m.partners,
        ordinal=ev.ordinal or m.ordinal, series=ev.series or m.series, start=start, end=end, days=days, firm_date=firm,
    )


def same_event(ev: EventMention, m: EventMention) -> bool:
    """Whether a mention names an event already found: same type, and no place, date, ordinal, name,
    counterpart or document apart."""
    if ev.etype != m.etype:
        return False
    if ev.span == m.span and named_pair(ev, m):
        return False
    if ev.place and m.place and ev.place != m.place:
        return False
    if ev.document and m.document and ev.document != m.document:  # "" (the document) is any
        return False
    if ev.sequel != m.sequel and not (ev.said_at and ev.said_at == m.said_at) and not (
            ev.start and m.start and dates_agree(ev.start, m.start)):
        return False  # "the next summit will be held in Kazakhstan": not the summit reported, unless placed or dated as it
    if ev.series and m.series and not ev.series & m.series:
        return False  # "the SCO summit" is not "the China-Central Asia Summit"
    if ev.ordinal and m.ordinal and ev.ordinal != m.ordinal:
        return False  # "the second summit" is not "the first summit held in Xi'an"
    if ev.partners and m.partners and not ev.partners & m.partners:
        return False  # "a meeting with Zhao Leji" and "our meeting with Xi": talks with different people
    # a date only found near one of them ("revealed during the forum … in 2022") does not tell them apart
    return dates_agree(ev.start, m.start) or ev.firm_date != m.firm_date


def told_apart(a: EventMention, b: EventMention) -> bool:
    """Whether two events of one kind are surely two: their ordinals or their dates differ."""
    if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
        return True
    return bool(a.start and b.start) and not dates_agree(a.start, b.start)


def named_pair(a: EventMention, b: EventMention) -> bool:
    """"The Cooperation Forum and the Media Forum": two named events of one kind joined by "and" are two."""
    first, second = sorted((a, b), key=lambda e: e.at)
    between = first.text[first.at - first.span[0] + len(first.name):second.at - second.span[0]]
    return first.name[:1].isupper() and second.name[:1].isupper() and NAMED_AND.fullmatch(between) is not None


def dates_agree(a: str | None, b: str | None) -> bool:
    """Whether two dates can be one event's: either unknown, days at most a few apart, or one within the other."""
    if not a or not b:
        return True
    if len(a) == len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= MULTI_DAY_SPAN
    return a.startswith(b) or b.startswith(a)


def _days_near(ev: Event) -> list[date]:
    """The days other mentions give for this event, when they fall within a few days of the first."""
    if not ev.start or len(ev.start) != 10:
        return []
    first = date.fromisoformat(ev.start)
    return [d for d in map(date.fromisoformat, ev.days) if abs((d - first).days) <= MULTI_DAY_SPAN]


def first_day(ev: Event) -> str | None:
    """The event's first day, over all its mentions' days."""
    days = _days_near(ev)
    return min([*days, date.fromisoformat(ev.start)]).isoformat() if days else ev.start


def last_day(ev: Event) -> str | None:
    """The event's last day, over all its mentions' days."""
    days = _days_near(ev)
    return max([*days, date.fromisoformat(ev.end or ev.start)]).isoformat() if days else ev.end
