"""Periods: the time phrases of a sentence as typed records, and the one that belongs to a figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import MONTHS, month_number

__all__ = ["TimePhrase", "time_phrases", "period_for", "NUMBER_WORDS", "MONTH_WORDS"]

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12}
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))  # month names and abbreviations, as regex alternatives
_MONTH = MONTH_WORDS
_Y = r"(?:19|20)\d\d(?![\d.,]\d)"
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# Each phrase kind: "point" a time the figure covers, "since" the start of a span (not the figure's
# time), "by" a deadline, "now" the present state; a point after "than"/"compared with" becomes a baseline.
PHRASES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("first_months", "point", re.compile(rf"\b(?:first|past|last)\s+(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+months\b(?:\s+of\s+(?:(?P<this>this|the\s+current)\s+year|(?P<y>{_Y})))?"
                                         rf"|\b(?:in|during|over)\s+(?:the\s+)?(?P<n2>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+months\s+of\s+(?:(?P<this2>this|the\s+current)\s+year|(?P<y2>{_Y}))", re.I)),
    ("month_span", "point", re.compile(rf"\b(?:from\s+|between\s+)?(?P<a>{_MONTH})\.?\s*(?:-|–|to|through|and)\s*(?P<b>{_MONTH})\b\.?(?:,?\s+(?:period\s+)?(?:of\s+)?(?P<y>{_Y}))?", re.I)),
    ("part_of_year", "point", re.compile(
        rf"\b(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<part>half|quarter)|(?P<q>Q[1-4])|(?P<h>H[12]))\b"
        rf"(?:\s+(?:of\s+)?(?:(?P<this>this|the\s+current)\s+year|(?P<y>{_Y})))?", re.I)),
    # The day a service or rule takes effect: "starting from April 21", "effective June 1".
    ("starting_day", "point", re.compile(rf"\b(?:starting|beginning|effective)\s+(?:from\s+|on\s+)?(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})\b(?:,?\s+(?P<y>{_Y}))?", re.I)),
    # "since 2013", "since May 2019", "since the first summit, held in Xi'an in 2023": the start of a span.
    ("since", "since", re.compile(rf"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:{_MONTH})\.?\s+)?(?:the\s+[^,;]{{0,80}}?\bin\s+)?(?P<y>{_Y})", re.I)),
    ("by_year", "by", re.compile(rf"\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+)?(?P<y>{_Y})", re.I)),
    ("month_year", "point", re.compile(rf"\b(?:in|during|for|of)\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>{_Y})", re.I)),
    ("year", "point", re.compile(rf"(?:\b(?:in|of|for|during|from|to|over|throughout|as\s+of|at\s+the\s+end\s+of|end\s+of|year)\s+|(?<=\())(?P<y>{_Y})\b(?!\s*[-–]\s*\d)", re.I)),
    ("last_year", "point", re.compile(r"\b(?:last|past|previous)\s+year\b|\ba\s+year\s+(?:earlier|ago|before)\b", re.I)),
    ("this_year_end", "by", re.compile(r"\bby\s+(?:the\s+end\s+of\s+(?:this|the|the\s+current)\s+year|year[-\s]end)\b", re.I)),
    ("this_year", "point", re.compile(r"\b(?:this|the\s+current)\s+year\b", re.I)),
    ("last_month", "point", re.compile(r"\blast\s+month\b", re.I)),
    # The present, said outright or by the present perfect ("have been set up", "has reached").
    ("now", "now", re.compile(r"\b(?:now|currently|at\s+present|so\s+far|to\s+date|as\s+of\s+today|to\s+this\s+day|surpassed|stands?\s+at|there\s+(?:are|is)"
                              r"|ha(?:s|ve)\s+(?:already\s+|now\s+|so\s+far\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ung|ade|ilt|eft|et|ut|ome|eld)\b)", re.I)),
)


# A coordinated part after a figure starts what the next figure says ("$31 billion, and in 2023 it was …").
COORDINATION = re.compile(r"[,;]\s*(?:and|but|while|whereas)\b|;", re.I)
# Words that make the time after them the one a figure is compared with, not the one it covers.
BASELINE = re.compile(r"\b(?:than|compared(?:\s+(?:with|to))?|against|versus|vs\.?)\s+(?:\w+\s+){0,4}$|\bfrom\s+$", re.I)


@dataclass(frozen=True)
class TimePhrase:
    """A time phrase of a sentence: [start, end) in the sentence, its kind and the period it names."""

    start: int
    end: int
    kind: str  # point | since | by | now | baseline
    period: str | None  # YYYY, YYYY-MM, YYYY-MM/YYYY-MM or YYYY-MM-DD; None when the text does not fix it


def time_phrases(sentence: str, published: date | None, year_hint: int | None = None) -> list[TimePhrase]:
    """Every time phrase of the sentence, longest first where two overlap, in text order.

    year_hint: the year the text gave before, for months without a year when there is no publication date.
    """
    out: list[TimePhrase] = []
    for name, kind, rx in PHRASES:
        for m in rx.finditer(sentence):
            if any(p.start < m.end() and m.start() < p.end for p in out):
                continue
            if kind == "point" and BASELINE.search(sentence, 0, m.start()):
                kind = "baseline"  # "12% more than in the same period last year": what the figure is compared with
            out.append(TimePhrase(m.start(), m.end(), kind, _resolve(name, m, published, year_hint)))
    return sorted(out, key=lambda p: p.start)


def _resolve(name: str, m: re.Match, published: date | None, year_hint: int | None) -> str | None:
    this_year = published.year if published else year_hint
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if name == "first_months":
        word = m.group("n") or m.group("n2")
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())
        y = year or (int(m.group("y2")) if m.group("y2") else None) or this_year
        return f"{y}-01/{y}-{n:02d}" if n and y and n <= 12 else None
    if name == "month_span":
        a, b = month_number(m.group("a")), month_number(m.group("b"))
        y = year or this_year
        return f"{y}-{a:02d}/{y}-{b:02d}" if a and b and y and a < b else None
    if name == "part_of_year":
        return _part_of_year(m, published, year or (published.year if published else year_hint))
    if name == "starting_day":
        y = year or this_year
        return f"{y}-{month_number(m.group('m')):02d}-{int(m.group('d')):02d}" if y and 1 <= int(m.group("d")) <= 31 else None
    if name == "month_year":
        return f"{year}-{month_number(m.group('m')):02d}"
    if name in ("year", "since", "by_year"):
        return str(year)
    if name == "last_year":
        return str(published.year - 1) if published else None
    if name in ("this_year", "this_year_end"):
        return str(published.year) if published else None
    if name == "last_month":
        if not published:
            return None
        y, mo = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
        return f"{y}-{mo:02d}"
    if name == "now":
        return published.isoformat() if published else None
    return None


def _part_of_year(m: re.Match, published: date | None, year: int | None) -> str | None:
    """START/END months of a half or quarter; with no year given, the latest one that has ended by publication."""
    if m.group("q") or m.group("h"):
        months, n = (3, int(m.group("q")[1])) if m.group("q") else (6, int(m.group("h")[1]))
    else:
        months, n = (6 if m.group("part").lower() == "half" else 3), _NTH[m.group("nth").lower()]
    if n * months > 12 or year is None:
        return None
    first, last = (n - 1) * months + 1, n * months
    if not m.group("y") and not m.group("this") and published and last > published.month:
        year = published.year - 1  # "in the fourth quarter", said in February: last year's
    return f"{year}-{first:02d}/{year}-{last:02d}"


def period_for(phrases: list[TimePhrase], start: int, end: int, others: list[tuple[int, int]], clause: tuple[int, int], target: bool,
               sentence: str = "") -> TimePhrase | None:
    """The time phrase a figure at [start, end) of the sentence belongs to.

    The first phrase after it in its clause with no other figure or coordinated part between ("$10 billion
    in 2023, up from $8 billion in 2022"; not "$31 billion, and in 2023 …"), else the nearest before it in
    its clause, else the nearest in the sentence.
    A target takes its deadline ("by 2030") first, a measured figure its time ("by the end of 2023" too);
    the start of a span ("since 2013") is no period, and the present ("now") only when nothing else dates it.
    """
    if target:
        usable = [p for p in phrases if p.kind == "by"] or [p for p in phrases if p.kind == "point"]
    else:  # the present state counts only when nothing in the sentence dates the figure
        usable = [p for p in phrases if p.kind in ("point", "by")] or [p for p in phrases if p.kind == "now"]
    a, b = clause
    for p in usable:
        if end <= p.start < b and not any(end <= s and e <= p.start for s, e in others):
            if not COORDINATION.search(sentence[end:p.start]):
                return p
    before = [p for p in usable if a <= p.start and p.end <= start]
    if before:
        return before[-1]
    # Elsewhere in the sentence, but not across a coordinated part ("60 a week, and 100 by the end of the year").
    reachable = [p for p in usable if not COORDINATION.search(sentence[min(end, p.end):max(start, p.start)])]
    if not reachable and not target:
        reachable = [p for p in phrases if p.kind == "now" and not COORDINATION.search(sentence[min(end, p.end):max(start, p.start)])]
    if not reachable:
        return None
    return min(reachable, key=lambda p: (p.start - end) if p.start >= end else (start - p.end) * 1.5)
