"""Parties: which states and groups a stretch of text names, and the rules that make a set of them a claim's subjects.

`parties_in(article, start, end)` answers "which parties does this span name" for any extractor:
states and groups by name, alias, demonym or capital, places by their country, known people by
their country, and states the profile does not list. A city named as the venue ("in Astana,
Kazakhstan") says where something happened, not whom it is about, and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mentions import person_mentions

__all__ = ["PartyMention", "party_mentions", "parties_in", "subjects_of", "narrow_group"]

CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\b")
LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+(?:city|capital)\s+of\s+)?$", re.IGNORECASE)
# A state's code before a currency names money ("US $ 3 billion", "U.S. dollars"); a state's name
# before a figure does not ("with Kyrgyzstan $22 billion").
MONEY_AFTER = re.compile(r"\s*\$|\s+dollars?\b", re.IGNORECASE)
ABBREVIATION = re.compile(r"^(?:[A-Z]\.?){1,3}$")


def _money(text: str, end: int, surface: str) -> bool:
    m = MONEY_AFTER.match(text, end)
    return bool(m) and (m.group(0).strip() != "$" or bool(ABBREVIATION.match(surface)))


@dataclass(frozen=True)
class PartyMention:
    """One party named in the text: [start, end) in the article, its code, and how it is named."""

    start: int
    end: int
    code: str
    kind: str  # state | group | place | person | other (a state the profile does not list)
    venue: bool = False  # a place named as where something happened


def party_mentions(article, start: int, end: int, persons: bool = True) -> tuple[PartyMention, ...]:
    """Every party named in text[start:end], in text order."""
    text = article.text[start:end]
    prof = article.profile
    out: list[PartyMention] = []
    taken: list[tuple[int, int]] = []
    venue_end = -1
    for m in article.entities.mentions(text):
        taken.append((m.start, m.end))
        if m.kind == "state" and _money(text, m.end, m.surface):
            continue
        place = article.entities.place(m.surface) if m.kind == "place" else None
        code = m.key if m.kind in ("state", "group") else (place.country if place else None)
        if not code or not (code == prof.group_code or prof.state(code)):
            continue
        city = m.kind == "place" or m.how == "capital"
        venue = (city and bool(LOCATIVE.search(text[: m.start]))) or (
            m.kind == "state" and 0 <= m.start - venue_end <= 2 and text[venue_end: m.start].strip() == ",")
        if venue and city:
            venue_end = m.end
        out.append(PartyMention(start + m.start, start + m.end, code, "place" if city else m.kind, venue))
    for m in CAPITALISED_RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken) or _money(text, m.end(), m.group(0)):
            continue
        code = article.entities.state_code(m.group(0))
        if code and code != prof.group_code:
            out.append(PartyMention(start + m.start(), start + m.end(), code, "other"))
    if persons:
        for pm in person_mentions(article):
            if start <= pm.start < end and pm.country and prof.state(pm.country):
                if not any(p.start <= pm.start < p.end + 2 for p in out):
                    out.append(PartyMention(pm.start, pm.end, pm.country, "person"))
    return tuple(sorted(out, key=lambda p: p.start))


def parties_in(article, start: int, end: int) -> tuple[str, ...]:
    """The codes of the parties text[start:end] names (venues left out), in order of first mention."""
    return tuple(dict.fromkeys(p.code for p in party_mentions(article, start, end) if not p.venue))


def _group_members(profile) -> set[str]:
    return next((set(g.members) for g in profile.groups if g.code == profile.group_code), set())


def narrow_group(profile, codes: list[str], near: str | None = None) -> list[str]:
    """A group and some of its members both named: the claim is about one side, the group only when it is `near`.

    ("Kazakhstan, China's first partner in Central Asia, …" is about Kazakhstan, not the region.)
    """
    group, members = profile.group_code, _group_members(profile)
    if group not in codes or not any(c in members for c in codes):
        return codes
    if near == group:
        return [c for c in codes if c not in members]
    return [c for c in codes if c != group]


def subjects_of(profile, codes) -> tuple[str, ...]:
    """The subjects a set of parties makes: at least two, one of them a state of the mechanism or its group."""
    codes = list(dict.fromkeys(codes))
    if len(codes) < 2:
        return ()
    own = set(profile.members) | {profile.group_code}
    return tuple(sorted(codes)) if any(c in own for c in codes) else ()
