"""Russian quantity claims: figures with a scale and unit («43,8 млрд долларов», «$3,7 млрд», «22 процента») for the indicators of lang/ru/figures.toml."""

from __future__ import annotations

import re
from functools import lru_cache

from ...records import Claim
from ..dates import resolve_relative
from .dates import month_of
from .names import word_keys
from .rules import rules

__all__ = ["extract", "parse_figures"]

# «26 млрд юаней», «3,72 млрд долларов США», «$3,7 млрд», «22 процента», «22%», «30 млрд куб.м»
FIGURE = re.compile(
    r"(?P<dollar>\$\s*)?(?<![\d,.])(?P<num>\d{1,3}(?:[  ]\d{3})*(?:[.,]\d+)?)(?:\s*(?P<scale>[А-Яа-яЁё]+)\.?)?"
    r"(?:\s*(?P<unit>%|[А-Яа-яЁё]+))?")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
YEAR_SPAN = re.compile(r"\b(?:с|от)\s+[^.]{0,40}?((?:19|20)\d\d)\s+год[ау]?\s+(?:и\s+)?(?:до|по)\s+(?:конца\s+)?((?:19|20)\d\d)", re.IGNORECASE)
MONTH_SPAN = re.compile(r"([А-Яа-яЁё]+)\s*[-–—]\s*([А-Яа-яЁё]+)\s+((?:19|20)\d\d)")
# The clause of a figure: from the previous clause break to the next.
CLAUSE_BREAK = re.compile(r"[.;!?]|,\s+(?:а|но|что|который|которые|которая)\b")


@lru_cache(maxsize=1)
def _fig() -> dict:
    f = rules("figures")
    keys = lambda ws: frozenset(k for w in ws for k in word_keys(w))  # noqa: E731
    approx = sorted(((w, kind) for kind, ws in f["approx"].items() for w in ws), key=lambda x: -len(x[0]))
    return {
        "scales": f["scales"], "units": f["units"], "approx": approx,
        "indicators": [(i["key"], keys(i["words"]), i.get("growth"), i.get("counts", False)) for i in f["indicator"]],
        "growth": keys(f["growth"]["words"]), "target": keys(f["target"]["words"]),
    }


def _lookup(word: str | None, table: dict):
    if not word:
        return None
    if word == "%":
        return table.get("процент")
    for k in word_keys(word):
        if k in table:
            return table[k]
    return None


def parse_figures(text: str, start: int, end: int) -> list[tuple[int, int, float, str]]:
    """(start, end, value in base units, unit) of each figure with a unit in text[start:end]."""
    fig = _fig()
    out = []
    for m in FIGURE.finditer(text, start, end):
        num = float(m.group("num").replace(" ", "").replace(" ", "").replace(",", "."))
        scale = _lookup(m.group("scale"), fig["scales"])
        unit_word = m.group("unit") if scale else (m.group("scale") or m.group("unit"))
        unit = "USD" if m.group("dollar") else _lookup(unit_word, fig["units"])
        if unit is None and scale and m.group("unit"):
            unit = _lookup(m.group("unit"), fig["units"])
        if unit is None:
            continue
        if YEAR.fullmatch(m.group("num")) and not scale:
            continue  # «в 2023 году»
        out.append((m.start(), m.end(), num * (scale or 1), unit))
    return out


def extract(art) -> list[Claim]:
    """One claim per figure of a known indicator about named parties."""
    out: list[Claim] = []
    seen: set[tuple] = set()
    fig = _fig()
    for n in range(len(art.doc.sents)):
        a, b = art.doc.sent_span(n)
        for s, e, value, unit in parse_figures(art.text, a, b):
            lo, hi = _clause(art.text, a, b, s, e)
            words = [w for w in re.findall(r"[^\W\d_]+", art.text[lo:hi])]
            indicator = _indicator(words, unit)
            if indicator is None:
                continue
            subjects = _subjects(art, lo, hi, indicator, fallback=False) or _subjects(art, a, b, indicator)
            if len(subjects) < 2:
                continue
            approx = _approx(art.text[max(lo, s - 25):s])
            period = _period(art, art.text[lo:hi] if YEAR.search(art.text[lo:hi]) else art.text[a:b])
            if period is None and unit == "count" and art.published:
                period = art.published.isoformat()  # a count told as the present state is of the publication day
            toks = [t for t in art.doc.sent_tokens(n) if lo <= t.start < hi]
            ind = next((i for i in art.profile.indicators if i.key == indicator), None)
            target = bool((ind and ind.pledged) or any(t.feat("Tense") == "Fut" for t in toks)
                          or any(word_keys(w) & fig["target"] for w in words))
            claim = art.claim("quantity", s, e, indicator=indicator, subjects=tuple(subjects), period=period, value=value,
                              unit=unit, approx=approx, target=target)
            same = (indicator, claim.subjects, period, value, unit, approx, target)
            if same not in seen:  # a headline's figure repeated in the story is one claim
                seen.add(same)
                out.append(claim)
    return out


def _clause(text: str, a: int, b: int, s: int, e: int) -> tuple[int, int]:
    lo = max([m.end() for m in CLAUSE_BREAK.finditer(text, a, s)], default=a)
    nxt = CLAUSE_BREAK.search(text, e, b)
    return lo, nxt.start() if nxt else b


def _indicator(words: list[str], unit: str) -> str | None:
    fig = _fig()
    keys = [word_keys(w) for w in words]
    for key, ws, growth, counts in fig["indicators"]:
        if not any(k & ws for k in keys):
            continue
        if counts != (unit == "count"):
            continue
        if unit == "percent":
            if growth and any(k & fig["growth"] for k in keys):
                return growth
            return None
        if key == "gas_supply" and unit != "cubic_metres":
            continue
        if unit in ("cubic_metres", "tonnes") and key in ("financing", "investment", "trade_volume", "exports", "imports"):
            continue
        return key
    return None


def _subjects(art, a: int, b: int, indicator: str, fallback: bool = True) -> list[str]:
    """The parties of a figure named in text[a:b]; with fallback, the story's two main parties fill a gap."""
    codes = []
    for m in art.mentions_in(a, b):
        if art.text[max(a, m.start - 12):m.start].lower().rstrip().endswith(("долларов", "доллара", "доллар")):
            continue  # «долларов США» is money, not a party
        code = art.names.state_of(m)
        if code and code not in codes:
            codes.append(code)
    group = art.profile.groups[0] if art.profile.groups else None
    if group and set(group.members) <= set(codes):
        codes = [c for c in codes if c not in group.members] + [group.code]
    if len(codes) < 2 and not fallback:
        return []
    if len(codes) < 2:
        for c in _story_parties(art):
            if c not in codes:
                codes.append(c)
            if len(codes) >= 2:
                break
    if indicator in ("investment", "exports", "imports"):
        return codes[:2]  # the investor or exporter first, as the text names them
    return sorted(codes)


def _story_parties(art) -> list[str]:
    counts: dict[str, int] = {}
    for m in art.mentions:
        code = art.names.state_of(m)
        if code:
            counts[code] = counts.get(code, 0) + 1
    return [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:2]]


def _approx(before: str) -> str:
    b = before.lower().rstrip()
    for w, kind in _fig()["approx"]:
        if re.search(rf"(?:^|\s){re.escape(w)}(?:\s+на)?$", b):
            return kind
    return "exact"


def _period(art, clause: str) -> str | None:
    m = MONTH_SPAN.search(clause)
    if m and month_of(m.group(1)) and month_of(m.group(2)):
        y = m.group(3)
        return f"{y}-{month_of(m.group(1)):02d}/{y}-{month_of(m.group(2)):02d}"
    m = YEAR_SPAN.search(clause)
    if m:
        return f"{m.group(1)}/{m.group(2)}"
    years = YEAR.findall(clause)
    if years:
        return years[0]
    for pattern, english in rules("dates")["relative"].items():
        if ("year" in english or "month" in english) and re.search(pattern, clause, re.IGNORECASE):
            first, _ = resolve_relative(english, art.published)
            return first
    return None
