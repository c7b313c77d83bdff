"""Russian dates: «19 мая», «3–4 июля 2024 года», «в пятницу», «в прошлом году», resolved by the shared date code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..dates import resolve_relative, resolve_weekday
from .names import word_keys
from .rules import rules

__all__ = ["DateSpan", "find_dates", "month_of", "text_year"]

DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})(?:\s*[-–—]\s*(\d{1,2}))?\s+([А-Яа-яЁё]+)(?:\s+(\d{4})(?:\s*(?:года|год|г\.))?)?")
MONTH_YEAR = re.compile(r"\b([А-Яа-яЁё]+)\s+(\d{4})(?:\s*(?:года|год|г\.))?")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:года|году|год|г\.)")
WEEKDAY = re.compile(r"\bв[о]?\s+([А-Яа-яЁё]+)", re.IGNORECASE)


@dataclass(frozen=True)
class DateSpan:
    """A date phrase of the text and the days it stands for (start, end as YYYY-MM-DD or shorter)."""

    start: int
    end: int
    first: str
    last: str | None


@lru_cache(maxsize=4096)
def month_of(word: str) -> int | None:
    months = rules("dates")["months"]
    for k in word_keys(word):
        if k in months:
            return months[k]
    return None


@lru_cache(maxsize=64)
def text_year(text: str) -> int | None:
    """The year an undated article gives first («в 2024 году»), for its days written without one."""
    m = YEAR.search(text)
    return int(m.group(1)) if m else None


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateSpan]:
    """The dates said in text[start:end], in order; a day without a year takes the publication year, or none."""
    out: list[DateSpan] = []
    for m in DAY_MONTH.finditer(text, start, end):
        month = month_of(m.group(3))
        if not month:
            continue
        year = int(m.group(4)) if m.group(4) else (published.year if published else text_year(text))
        if year is None:
            continue
        d1 = int(m.group(1))
        d2 = int(m.group(2)) if m.group(2) else d1
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            continue
        out.append(DateSpan(m.start(), m.end(), f"{year}-{month:02d}-{d1:02d}", f"{year}-{month:02d}-{d2:02d}"))
    taken = [(d.start, d.end) for d in out]
    for m in WEEKDAY.finditer(text, start, end):
        english = next((rules("dates")["weekdays"][k] for k in word_keys(m.group(1)) if k in rules("dates")["weekdays"]), None)
        day = resolve_weekday(english, published) if english else None
        if day is not None and not any(a <= m.start() < b for a, b in taken):
            out.append(DateSpan(m.start(), m.end(), day.isoformat(), day.isoformat()))
    for m in MONTH_YEAR.finditer(text, start, end):
        month = month_of(m.group(1))
        if month and not any(a <= m.start() < b for a, b in taken):
            out.append(DateSpan(m.start(), m.end(), f"{m.group(2)}-{month:02d}", None))
    for m in YEAR.finditer(text, start, end):  # «в 2023 году»: the year alone
        if not any(a <= m.start() < b for a, b in taken) and not any(d.start <= m.start() < d.end for d in out):
            out.append(DateSpan(m.start(), m.end(), m.group(1), None))
    for pattern, english in rules("dates")["relative"].items():
        for m in re.finditer(pattern, text[start:end], re.IGNORECASE):
            first, last = resolve_relative(english, published)
            if first:
                out.append(DateSpan(start + m.start(), start + m.end(), first, last))
    return sorted(out, key=lambda d: d.start)
