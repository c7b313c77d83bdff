"""The primary source a figure cites: "according to the State Statistics Office", "customs data showed"."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..lang import language_words
from ..records import Claim

__all__ = ["cited_source", "with_sources"]

# A proper name: capitalised words, with the small words that join them inside it ("Bureau of National
# Statistics", "Ministry of Trade and Integration"), and an abbreviation in brackets after it left out.
NAME = r"(?:[A-Z][\w&'’.-]*)(?:\s+(?:(?:of|and|for|on|the)\s+)*[A-Z][\w&'’.-]*)*"
# What may stand between a lead-in and the name: "according to data released on Sunday by the …".
FILLER = r"(?:(?:the|a|an|latest|recent|new|official|preliminary|its|their)\s+)*"
WEEKDAYS = re.compile(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")


def _alts(words) -> str:
    """Alternatives of a word list, any case ("Data released by" opens a sentence)."""
    return "(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=8)
def _patterns(cues: tuple, reports: tuple, verbs: tuple, bodies: tuple) -> tuple[re.Pattern, re.Pattern]:
    reports_alt, verbs_alt = _alts(reports), _alts(verbs)
    name = NAME + (rf"(?:\s+(?:{'|'.join(re.escape(b).replace(chr(92) + ' ', chr(92) + 's+') for b in sorted(bodies, key=len, reverse=True))})\b)?" if bodies else "")
    # "according to [the latest data released on Sunday by] [China's] General Administration of Customs"
    named = re.compile(
        rf"\b(?:{_alts(cues)})\s+{FILLER}(?:(?:{reports_alt})\s+(?:(?i:released|published|issued)\s+)?"
        rf"(?:(?:on\s+)?\w+\s+)?(?:by|from|of)\s+{FILLER})?(?P<name>{name})"
        rf"|\b(?:{reports_alt})\s+(?i:released|published|issued)\s+(?:(?:on\s+)?\w+\s+)?by\s+{FILLER}(?P<name2>{name})")
    # "customs data showed", "official statistics indicate": the source named by its figures' kind
    described = re.compile(rf"\b(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:{reports_alt})\s+(?:{verbs_alt})\b"
                           rf"|\b(?i:according\s+to|from)\s+(?P<what2>[a-z][\w-]*)\s+(?:{reports_alt})\b")
    return named, described


def cited_source(sentence: str, reports: tuple = (), cues: tuple = (), verbs: tuple = (), bodies: tuple = ()) -> str | None:
    """The source a sentence cites for its figures, as the sentence names it, or None."""
    named, described = _patterns(tuple(cues), tuple(reports), tuple(verbs), tuple(bodies))
    m = named.search(sentence)
    if m:
        name = WEEKDAYS.sub("", (m.group("name") or m.group("name2")).rstrip(".,"))
        return re.sub(r"^(?:The|A)\s+", "", name)
    m = described.search(sentence)
    if m:
        words = (m.group("what") or m.group("what2")).split()
        words = [w for w in words if w not in ("the", "a", "an", "latest", "recent", "new", "official", "preliminary")]
        return " ".join(words + ["data"]) if words else None
    return None


def _canonical(article, name: str) -> str:
    """The profile's name for a cited body or person ("GAC" is the General Administration of Customs)."""
    for surface in (name, re.sub(r"^[A-Z][\w-]*['’]s\s+", "", name)):
        found = article.entities.institution(surface) or article.entities.person(surface)
        if found is not None:
            return found.name
    return name


def with_sources(article, claims: list[Claim]) -> list[Claim]:
    """Quantity claims with the source their sentence cites (others unchanged)."""
    lang = article.document.lang or "en"
    lists = tuple(language_words(lang, k) for k in ("source_reports", "source_cues", "source_verbs", "source_bodies"))
    if not all(lists[:3]):
        return claims
    sents = [(s.start_char, s.end_char) for s in article.doc.sents]
    out = []
    for c in claims:
        if c.kind == "quantity" and c.source is None:
            a = min((s for s, e in sents if s <= c.span[0] < e), default=c.span[0])
            b = max((e for s, e in sents if s < c.span[1] <= e), default=c.span[1])
            src = cited_source(article.text[a:b], *lists)
            if src:
                c = replace(c, source=_canonical(article, src))
        out.append(c)
    return out
