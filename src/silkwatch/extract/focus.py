"""Which sentences the model must read: a cheap pre-filter on the profile's vocabulary.

A sentence can hold a claim only if it has a figure, a quote mark, a speech or pledge word,
a known name, or an event or role word. The others are blanked to spaces of equal length,
so the model reads less while every offset in its parse still points into the cleaned text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..link import entity_index
from ..profile import Profile

__all__ = ["focus_text", "claim_sentences", "cue_pattern", "verb_forms", "list_point"]

# Sentence ends: . ! ? (and closing quotes/brackets), then white space, then something that
# can start a sentence. Line breaks always end one.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’»)\]]*[ \t]+(?=[\"'“‘«(\[]?[A-Z0-9])|\n+")

# English inflection of the lexicon's verb lemmas: the regular endings, and the irregular past
# forms of the verbs news uses to report speech.
IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "speak": ("spoke", "spoken"), "hold": ("held",), "meet": ("met",)}
QUOTE_MARKS = "\"“”«»„"
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
DATE = re.compile(
    rf"\b(?:(?:{MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+(?:19|20)\d\d)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{MONTHS})[a-z]*(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:19|20)\d\d-\d\d-\d\d|(?:(?:in|since|of|from|until|by|to)\s+)?(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d))\b",
    re.IGNORECASE,
)
DATE_FREE_NUMBER = re.compile(r"\d|\w+fold\b", re.IGNORECASE)


def verb_forms(lemma: str) -> set[str]:
    """The inflected forms of a verb lemma (not the bare lemma)."""
    # Not the bare lemma: "state", "point", "note" are mostly nouns in the news.
    w = lemma.lower()
    out = {w + "s", w + "es", w + "ed", w + "d", w + "ing", *IRREGULAR.get(w, ())}
    if w.endswith("e"):
        out.add(w[:-1] + "ing")
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    return out


@lru_cache(maxsize=8)
def cue_pattern(profile: Profile) -> re.Pattern[str]:
    """One regex matching any word or mark that can signal a claim under this profile."""
    words: set[str] = set()
    for lemma in profile.words("speech_verbs"):
        words |= verb_forms(lemma)
    for key in ("pledge_words", "number_words", "claim_cues"):
        words |= {w.lower() for w in profile.words(key)}
    for synonyms in profile.roles.values():
        words |= {w.lower() for w in synonyms}
    for et in profile.event_types:
        words |= {w.lower() for w in et.keywords}
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True) if w)
    return re.compile(rf"[{QUOTE_MARKS}]|(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=4)
def list_point(lang: str = "en") -> re.Pattern[str]:
    """A line that opens a point of a list: "First, …", "The second is to …", "3. …", "3) …"."""
    from ..lang import language_words

    words = "|".join(re.escape(w) for w in language_words(lang, "list_ordinals"))
    return re.compile(rf"\s*(?:(?:the\s+)?(?:{words})\b|\(?\d{{1,2}}[.)]\s)", re.IGNORECASE)


def _list_lines(text: str) -> list[tuple[int, int]]:
    """The lines of every list introduced by a line ending in a colon: a point can hold a promise with no cue word of its own."""
    out, open_list = [], False
    point = list_point()
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0).strip()
        if not line:
            continue
        if open_list and point.match(line):
            out.append((m.start(), m.end()))
            continue
        open_list = line.endswith(":")
    return out


def _has_figure(sentence: str) -> bool:
    """A number that is not only a date: a year alone or a day of the month states no figure."""
    return bool(DATE_FREE_NUMBER.search(DATE.sub(" ", sentence)))


def claim_sentences(text: str, profile: Profile) -> list[tuple[int, int, bool]]:
    """The text's sentences as (start, end, may_hold_a_claim)."""
    cues = cue_pattern(profile)
    names = entity_index(profile)
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append((start, m.start(), False))
        start = m.end()
    out.append((start, len(text), False))
    points = _list_lines(text)
    return [
        (s, e, bool(cues.search(text, s, e)) or _has_figure(text[s:e]) or any(m.kind == "person" for m in names.mentions(text[s:e]))
         or any(ps <= s < pe for ps, pe in points))
        for s, e, _ in out
        if e > s
    ]


def focus_text(text: str, profile: Profile) -> str:
    """The text with every sentence that cannot hold a claim blanked to spaces (same length, same offsets)."""
    return _blank(text, [(s, e) for s, e, keep in claim_sentences(text, profile) if not keep])


def _blank(text: str, stretches: list[tuple[int, int]]) -> str:
    parts, last = [], 0
    for s, e in stretches:
        parts.append(text[last:s])
        parts.append(re.sub(r"[^\n]", " ", text[s:e]))
        last = e
    parts.append(text[last:])
    return "".join(parts)


def focus_doc(nlp, text: str, profile: Profile):
    """The tokenised focus_text, with a sentence boundary on each side of every blanked stretch.

    The parser keeps boundaries set before it runs; without them it would join the sentences
    on either side of a blank into one.
    """
    stretches = [(s, e) for s, e, keep in claim_sentences(text, profile) if not keep]
    doc = nlp.make_doc(_blank(text, stretches))
    if not stretches:
        return doc
    blank = bytearray(len(text))
    for s, e in stretches:
        blank[s:e] = b"\x01" * (e - s)
    after_blank = False
    for tok in doc:
        if tok.is_space and any(blank[tok.idx:tok.idx + len(tok.text)]):
            tok.is_sent_start = True
            after_blank = True
        elif after_blank and not tok.is_space:
            tok.is_sent_start = True
            after_blank = False
    return doc
