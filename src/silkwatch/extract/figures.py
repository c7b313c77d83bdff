"""Figures: the number, scale, unit and approximation of every candidate amount, found by the quantity patterns."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import language_words, read_pattern_file
from .model import load_model
from .patterns import pattern_set

__all__ = ["Figure", "figures_in", "number_value", "approximation"]

LANG = "en"
GROUP = "quantity"
# What a pattern label says about the unit: the kind of indicator a figure can measure.
KIND = {"MONEY": "currency", "PERCENT": "percent", "GAS": "cubic_metres", "WEIGHT": "tonnes", "COUNT": "count", "FREQUENCY": "count"}
NUMBER = re.compile(r"^(?P<num>\d[\d,]*(?:\.\d+)?)(?P<scale>[a-z]+)?$", re.IGNORECASE)
RANGE_MARKS = {"-", "–", "—", "to"}
# A currency code glued to its number ("Rmb26"): the code is read as the unit, the rest as the number.
GLUED = re.compile(r"^(?:rmb|cny|usd|us\$|kzt)(?=\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One amount in the text: [start, end) in characters, its value in base units, unit and approximation."""

    start: int
    end: int
    value: float
    unit: str  # an ISO currency code, percent, cubic_metres, tonnes or count
    kind: str  # currency | percent | cubic_metres | tonnes | count
    approx: str  # exact | under | over | about
    number: int  # the token index of the number itself
    frequency: bool = False  # a rate of service in words ("twice a week")
    low: float | None = None  # the lower end of a range ("25-30 billion")

    @property
    def is_year(self) -> bool:
        """A bare four-digit year ("in 2023") found as a count."""
        return self.kind == "count" and not self.frequency and self.value.is_integer() and 1900 <= self.value <= 2100 and self.end - self.start == 4


@lru_cache(maxsize=4)
def _units(lang: str = LANG) -> dict:
    return read_pattern_file(lang, GROUP).get("units", {})


def _currency(words: list[str]) -> str | None:
    table = _units().get("currency", {})
    for w in words:
        for code, marks in table.items():
            if w in marks:
                return code
    return None


def number_value(text: str) -> float | None:
    """A number token in base units: "1,200" → 1200, "1.5bn" → 1.5e9, "four" → 4; None when it is no number."""
    t = text.lower()
    words = _units().get("number", {})
    if t in words:
        return float(words[t])
    m = NUMBER.match(t)
    if not m:
        return None
    scale = 1.0
    if m.group("scale"):
        scale = _units().get("scale", {}).get(m.group("scale"))
        if scale is None:
            return None
    return float(m.group("num").replace(",", "")) * scale


@lru_cache(maxsize=8)
def _approx_phrases(lang: str = LANG) -> tuple[tuple[str, str], ...]:
    out = []
    for key, label in (("approx_under", "under"), ("approx_over", "over"), ("approx_about", "about")):
        out += [(w.lower(), label) for w in language_words(lang, key)]
    return tuple(sorted(out, key=lambda p: -len(p[0])))


def approximation(before: str) -> str:
    """The hedge that ends the text before a figure ("nearly", "more than", "about"), as under/over/about/exact."""
    tail = " " + re.sub(r"\s+", " ", before.lower()).rstrip()[-40:]
    for phrase, label in _approx_phrases():
        if tail.endswith(" " + phrase):
            return label
    return "exact"


def _value(doc, start: int, end: int) -> tuple[float | None, int]:
    """The figure's value and the index of its number token."""
    value, number, scale = None, None, 1.0
    scales = _units().get("scale", {})
    for tok in doc[start:end]:
        low = tok.lower_
        if value is None:
            v = number_value(GLUED.sub("", low))
            if v is not None:
                value, number = v, tok.i
                continue
        elif low in scales and low not in ("m", "b", "k"):
            scale = scales[low]
    if value is not None and doc[end - 1].lower_ == "bcm" and scale == 1.0:
        scale = scales["bcm"]
    return (value * scale if value is not None else None), (number if number is not None else start)


def _longest(matches):
    """Non-overlapping matches, the longest first (a money figure over the count inside it)."""
    taken, out = set(), []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            taken.update(range(m.start, m.end))
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _matches(doc, patterns):
    """The pattern matches of the sentences that can hold a figure (a digit, or a word of frequency), in doc indices."""
    cue = _figure_cue()
    for sent in doc.sents:
        if cue.search(sent.text):
            for m in patterns.find(sent):  # indices relative to the sentence
                yield dataclasses.replace(m, start=m.start + sent.start, end=m.end + sent.start)


@lru_cache(maxsize=2)
def _figure_cue() -> re.Pattern[str]:
    words = sorted(set(_units().get("number", {})) | {"times", "weekly"}, key=len, reverse=True)
    return re.compile(r"\d|\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def figures_in(article) -> list[Figure]:
    """Every figure the quantity patterns find in the article, in text order."""
    doc = article.doc
    patterns = pattern_set(load_model(), LANG, GROUP, article.profile)
    out = []
    for m in _longest(_matches(doc, patterns)):
        value, number = _value(doc, m.start, m.end)
        if value is None:
            continue
        words = [g.group(0) if (g := GLUED.match(t.lower_)) else t.lower_ for t in doc[m.start:m.end]]
        kind = KIND[m.label]
        unit = kind if kind != "currency" else _currency(words)
        if unit is None:
            continue
        span = doc[m.start:m.end]
        out.append(Figure(
            start=span.start_char, end=span.end_char, value=value, unit=unit, kind=kind,
            approx=approximation(article.text[max(0, span.start_char - 60):span.start_char]), number=number,
            frequency=m.label == "FREQUENCY", low=_range_low(doc, m.start, value / _raw(doc[number].lower_), value),
        ))
    return out


def _raw(text: str) -> float:
    v = number_value(text)
    return v if v else 1.0


def _range_low(doc, start: int, scale: float, value: float) -> float | None:
    """The lower end when the figure closes a range ("25-30 billion", "20 to 30 million"): a smaller bare number, not a year."""
    if start < 2 or doc[start - 1].lower_ not in RANGE_MARKS:
        return None
    low = number_value(doc[start - 2].lower_) if doc[start - 2].like_num else None
    if low is None or (low.is_integer() and 1900 <= low <= 2100):
        return None
    low *= scale
    return low if low < value else None
