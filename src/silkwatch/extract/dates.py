"""Resolve dates and periods in text against an article's publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lang import language_words

__all__ = ["parse_iso", "resolve_weekday", "resolve_relative", "MONTHS", "WEEKDAYS", "MONTH_NAMES", "WEEKDAY_NAMES", "NUMBER_WORDS", "month_number"]

# Month and weekday names are language data (lang/en/words.toml); every date pattern of extract/ is built from them.
MONTHS = {m: i for i, m in enumerate(language_words("en", "months"), 1)}
MONTHS.update({a: MONTHS[next(m for m in MONTHS if m.startswith(a[:3]))] for a in language_words("en", "month_abbreviations")})
WEEKDAYS = {d: i for i, d in enumerate(language_words("en", "weekdays"))}
# "January|February|…": the full month names, capitalised as a date writes them, for date patterns.
MONTH_NAMES = "|".join(m.capitalize() for m in language_words("en", "months"))
WEEKDAY_NAMES = "|".join(d.capitalize() for d in WEEKDAYS)


def parse_iso(s: str | None) -> date | None:
    """A date from YYYY-MM-DD, or None."""
    if not s:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def resolve_weekday(weekday: str, published: date | None, future: bool = False) -> date | None:
    """The most recent such weekday on or before the publication date ("on Friday"); with future, the
    first one on or after it ("will meet on Tuesday")."""
    if published is None:
        return None
    wd = WEEKDAYS.get(weekday.lower())
    if wd is None:
        return None
    if future:
        return published + timedelta(days=(wd - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - wd) % 7)


NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])}
_AGO = re.compile(r"\b(\d{1,2}|[a-z]+)\s+(year|month|week|day)s?\s+ago\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(last|this|next|previous|past)\s+(year|month|week)\b", re.IGNORECASE)
_DAY_WORD = re.compile(r"\b(today|yesterday|tomorrow)\b", re.IGNORECASE)
_MONTH_ALONE = re.compile(r"\b(?:(?:this|last|next|early|late|mid|in|of)[\s-]+)?([A-Z][a-z]+)\b")
_YEAR_ALONE = re.compile(r"(?<![\d.,-])((?:19|20)\d\d)(?![\d.,]\d|s\b|\d)")


def _shift_month(d: date, months: int) -> str:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return f"{y}-{m + 1:02d}"


def resolve_relative(phrase: str, published: date | None) -> tuple[str | None, str | None]:
    """(start, end) of a date phrase without a day of the month, against the publication date.

    "10 years ago" → the year; "last month" → YYYY-MM; "last week" → the month of a week before;
    "yesterday" → the day; "this June" / "in June" → that month of the publication year; "last July" → the
    latest July before the publication's month;
    "2013" → the year. A phrase that needs the publication date gives (None, None) without it.
    """
    y = _YEAR_ALONE.search(phrase)
    m = _AGO.search(phrase)
    if m and published:
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS.get(m.group(1).lower())
        unit = m.group(2).lower()
        if n is None:
            return None, None
        if unit == "year":
            return str(published.year - n), None
        if unit == "month":
            return _shift_month(published, -n), None
        d = published - timedelta(days=n * (7 if unit == "week" else 1))
        return (d.isoformat(), d.isoformat()) if unit == "day" else (d.isoformat()[:7], None)
    m = _RELATIVE.search(phrase)
    if m and published:
        step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[m.group(1).lower()]
        unit = m.group(2).lower()
        if unit == "year":
            month = next((month_number(w) for w in re.findall(r"[A-Z][a-z]+", phrase) if month_number(w)), None)
            return (f"{published.year + step}-{month:02d}" if month else str(published.year + step)), None  # "in May last year"
        if unit == "month":
            return _shift_month(published, step), None
        return (published + timedelta(days=7 * step)).isoformat()[:7], None
    m = _DAY_WORD.search(phrase)
    if m and published:
        d = published + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(1).lower()])
        return d.isoformat(), d.isoformat()
    for m in _MONTH_ALONE.finditer(phrase):
        month = month_number(m.group(1)) if len(m.group(1)) > 2 else None
        if month:
            year = int(y.group(1)) if y else (published.year if published else None)
            if year and not y and published:
                # "last July": the latest July before the publication's month; "next March": the first after it
                step = {"last": -1, "next": 1}.get(m.group(0).split()[0].lower(), 0)
                year += -1 if step < 0 and month >= published.month else 1 if step > 0 and month <= published.month else 0
            return (f"{year}-{month:02d}", None) if year else (None, None)
    if y:
        return y.group(1), None
    return None, None
