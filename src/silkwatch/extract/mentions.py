"""People named in an article: spaCy's PERSON entities and the profile's names, linked to canonical people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["PersonMention", "person_mentions", "canonical_person"]

HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|president|premier|minister|h\.?e\.?)\.?\s+", re.IGNORECASE)
# Initials before a surname ("K.K.Tokaev", "S.N. Japarov", "Sh. M. Mirziyoyev").
INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s*)+(?=[A-Z])")
POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str  # canonical when the profile knows the person, else the fullest form the text gives
    known: bool
    country: str | None = None
    gender: str | None = None


@lru_cache(maxsize=8)
def _title_words(profile) -> frozenset[str]:
    return frozenset(w for phrases in profile.roles.values() for phrase in phrases for w in re.split(r"[\s-]+", phrase.lower()) if w)


def canonical_person(article, surface: str) -> tuple[str, bool, str | None, str | None] | None:
    """(name, known, country, gender) for a surface name; None when it is not a person's name."""
    s = POSSESSIVE.sub("", HONORIFIC.sub("", surface.strip()))
    # "Kazakhstan Mukhtar Tleuberdi", "Astana Kassymbek …": a place name run into the person's name.
    words = s.split()
    while len(words) > 1 and article.entities.lookup(words[0]) and (len(words) > 2 or INITIALS.match(words[1])):
        words = words[1:]
    s = " ".join(words)
    bare = INITIALS.sub("", s)
    if bare != s and (p := article.entities.person(bare)):
        return p.name, True, p.country, p.gender  # "K.K. Tokaev", "Sh.M. Mirziyoyev": initials, then a known surname
    if not s or not s[0].isupper():
        return None
    if all(w.lower() in _title_words(article.profile) for w in words):
        return None  # "Councilor", "Vice Premier": a title the model took for a name
    if len(words) > 1 and words[-1].lower() in _title_words(article.profile) and article.entities.lookup(words[0]):
        return None  # "Tajik Minister": a state's title with no name after it
    p = article.entities.person(s)
    if p:
        return p.name, True, p.country, p.gender
    if article.entities.lookup(s):  # a state, place or institution
        return None
    return s, False, None, None


def _name_offset(article, surface: str, hit) -> int:
    """Where the name itself starts inside an entity the model ran together with a title or place."""
    name, known = hit[0], hit[1]
    person = article.entities.person_by_name(name) if known else None
    low = surface.lower()
    for form in sorted((name, *(person.aliases if person else ())), key=len, reverse=True):
        i = low.find(form.lower())
        if i > 0:
            return i
    return 0


def person_mentions(article) -> list[PersonMention]:
    """Every mention of a person, in text order, with unknown surnames resolved to an earlier full name."""
    if "person_mentions" in article.notes:
        return article.notes["person_mentions"]
    found: dict[int, PersonMention] = {}
    for ent in article.doc.ents:
        if ent.label_ != "PERSON":
            continue
        hit = canonical_person(article, ent.text)
        if hit:
            end = ent.end_char - (len(ent.text) - len(POSSESSIVE.sub("", ent.text)))
            start = ent.start_char + _name_offset(article, ent.text, hit)
            found[start] = PersonMention(start, end, *hit)
    for m in article.entities.mentions(article.text):
        if m.kind == "person" and not any(f.start <= m.start < f.end for f in found.values()):
            p = article.entities.person_by_name(m.key)
            found[m.start] = PersonMention(m.start, m.end, p.name, True, p.country, p.gender)
    out = sorted(found.values(), key=lambda m: m.start)
    # "Tokayev" after "Kassym-Jomart Tokayev", "Wang" after "Wang Wenbin": a single name means the
    # full name given before that ends (Western order) or starts (Chinese order) with it.
    full: dict[str, PersonMention] = {}
    resolved = []
    for m in out:
        words = m.name.split()
        if len(words) == 1 and words[0].lower() in full and (not m.known or full[words[0].lower()].name != m.name):
            f = full[words[0].lower()]
            m = PersonMention(m.start, m.end, f.name, f.known, f.country, f.gender)
        elif len(words) > 1:
            full[words[-1].lower()] = m
            full[words[0].lower()] = m
        resolved.append(m)
    # A bare surname the model did not tag ("Wang said …") after its full name was given.
    covered = {i for m in resolved for i in range(m.start, m.end)}
    for tok in article.doc:
        key = tok.text.lower()
        if tok.pos_ == "PROPN" and key in full and tok.idx not in covered:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue  # part of another name
            f = full[key]
            if f.start < tok.idx:
                resolved.append(PersonMention(tok.idx, tok.idx + len(tok.text), f.name, f.known, f.country, f.gender))
    resolved.sort(key=lambda m: m.start)
    article.notes["person_mentions"] = resolved
    return resolved
