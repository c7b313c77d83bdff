"""Filters as users give them, checked and normalised before a query runs: a filter that cannot
match anything the record holds is an error with a message, never a silently empty answer."""

from __future__ import annotations

import re
from datetime import date

from .errors import FilterError, clip
from .profile import Profile
from .reconcile import RANKS
from .records import CLAIM_KINDS

__all__ = ["fact_filters", "check_choice", "check_date", "check_lang", "check_period", "resolve_party", "like_escape"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_LANG = re.compile(r"^[a-z]{2,3}$")


def like_escape(value: str) -> str:
    """The value with LIKE's wildcards (% and _) and the escape character itself taken literally (escape='\\')."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def check_choice(value: str | None, choices: tuple[str, ...] | list[str], name: str) -> str | None:
    """The value when it is one of the choices (case-insensitive), else a FilterError listing them."""
    if value is None or value == "":
        return None
    for c in choices:
        if value.strip().lower() == c.lower():
            return c
    raise FilterError(f"invalid {name} {clip(value)!r}: choose one of {', '.join(choices)}")


def check_date(value: str | None, name: str = "since") -> str | None:
    """A calendar date written YYYY, YYYY-MM or YYYY-MM-DD, else a FilterError."""
    if value is None or value == "":
        return None
    v = value.strip()
    m = _DATE.match(v)
    try:
        if not m:
            raise ValueError
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        raise FilterError(f"invalid {name} {clip(value)!r}: expected a date YYYY, YYYY-MM or YYYY-MM-DD") from None
    return v


def check_lang(value: str | None, name: str = "lang") -> str | None:
    """A language code as documents carry it (ISO 639-1 "ru", or "und" when undetermined), lower-cased; else a FilterError."""
    if value is None or value.strip() == "":
        return None
    v = value.strip().lower()
    if not _LANG.match(v):
        raise FilterError(f"invalid {name} {clip(value)!r}: expected a language code such as en, ru or zh")
    return v


def check_period(value: str | None, name: str = "period") -> str | None:
    """A period prefix: a date as check_date accepts, or a quarter YYYY-Qn."""
    if value and _QUARTER.match(value.strip().upper()):
        return value.strip().upper()
    try:
        return check_date(value, name)
    except FilterError:
        raise FilterError(f"invalid {name} {clip(value)!r}: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn") from None


def resolve_party(profile: Profile, value: str | None) -> str | None:
    """The state or group code for a code, name, alias or demonym ("KZ", "Kazakhstan", "Kazakh"), else a FilterError."""
    if value is None or value.strip() == "":
        return None
    v = value.strip()
    codes = {x.code.upper(): x.code for x in (*profile.states, *profile.groups)}
    if v.upper() in codes:
        return codes[v.upper()]
    from .link import entity_index

    code = entity_index(profile).state_code(v)
    if code is None and len(v) == 2 and v.isalpha():
        import pycountry

        hit = pycountry.countries.get(alpha_2=v.upper())
        code = hit.alpha_2 if hit else None
    if code is None:
        state = next((s for s in profile.states if s.member), None) or next(iter(profile.states), None)
        hint = f" ({state.code}, {profile.group_code}) or a name ({state.name})" if state else ""
        raise FilterError(f"unknown party {clip(v)!r}: give the code{hint} of a state or group")
    return code


def fact_filters(profile: Profile, *, kind: str | None = None, indicator: str | None = None, rank: str | None = None,
                 party: str | None = None, since: str | None = None, period: str | None = None, outlet: str | None = None,
                 made_at: str | None = None) -> dict:
    """The given filters of a facts query, checked and normalised; only those given are returned."""
    checked = {
        "kind": check_choice(kind, CLAIM_KINDS, "kind"),
        "indicator": check_choice(indicator, [i.key for i in profile.indicators], "indicator"),
        "rank": check_choice(rank, RANKS, "rank"),
        "party": resolve_party(profile, party),
        "since": check_date(since, "since"),
        "period": check_period(period, "period"),
        "outlet": outlet.strip() if outlet and outlet.strip() else None,
        "made_at": made_at.strip() if made_at and made_at.strip() else None,
    }
    given = {"kind": kind, "indicator": indicator, "rank": rank, "party": party, "since": since, "period": period, "outlet": outlet,
             "made_at": made_at}
    return {k: v for k, v in checked.items() if given[k] is not None}
