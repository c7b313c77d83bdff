"""Resolve dates and periods in text against an article's publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["parse_iso", "resolve_weekday", "MONTHS", "WEEKDAYS", "month_number"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}


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


def resolve_weekday(weekday: str, published: date | None) -> date | None:
    """The most recent such weekday on or before the publication date ("on Friday")."""
    if published is None:
        return None
    wd = WEEKDAYS.get(weekday.lower())
    if wd is None:
        return None
    return published - timedelta(days=(published.weekday() - wd) % 7)
