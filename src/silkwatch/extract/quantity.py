"""Quantity claims: figures for the profile's indicators, with parties, period, unit and approximation (GUIDELINES.md § quantity)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..records import Claim
from .dates import month_number

__all__ = ["extract", "parse_amount", "resolve_period"]

SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
CURRENCY = [
    (re.compile(r"\$|\bUS\$|\bUSD\b|\bU\.?S\.? dollars?\b|\bdollars?\b", re.IGNORECASE), "USD"),
    (re.compile(r"\byuan\b|\bRMB\b|\bCNY\b|¥", re.IGNORECASE), "CNY"),
    (re.compile(r"€|\beuros?\b|\bEUR\b", re.IGNORECASE), "EUR"),
    (re.compile(r"\btenge\b|\bKZT\b", re.IGNORECASE), "KZT"),
    (re.compile(r"\brubles?\b|\broubles?\b|\bRUB\b", re.IGNORECASE), "RUB"),
]
AMOUNT = re.compile(
    r"(?P<pre>(?:US\$|\$|USD|RMB|CNY|€|¥)\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    r"(?P<scale>thousand|million|mln|billion|bln|bn|trillion|tn|b|m)?\b(?:\s+(?P<post>U\.?S\.?\s+dollars?|US\s+dollars|dollars?|yuan|RMB|USD|CNY|euros?|tenge|rubles?|roubles?))?"
    r"(?P<pct>\s?(?:%|percent|per cent))?",
    re.IGNORECASE,
)
UNIT_WORDS = {"cubic_metres": re.compile(r"\bcubic\s+met(?:er|re)s?\b|\bcu\.?\s?m\b|\bbcm\b", re.IGNORECASE),
              "tonnes": re.compile(r"\b(?:tons?|tonnes?)\b", re.IGNORECASE)}
YEAR = re.compile(r"\b(?:in|of|for|during|since)\s+(?P<y>(?:19|20)\d\d)\b")
BY_YEAR = re.compile(r"\b(?:by|until|to|before)\s+(?:the\s+end\s+of\s+)?(?P<y>20\d\d)\b", re.IGNORECASE)
FIRST_MONTHS = re.compile(r"\bfirst\s+(?P<n>\w+)\s+months\b(?:\s+of\s+(?P<y>20\d\d))?", re.IGNORECASE)
MONTH_NAMES = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
MONTH_SPAN = re.compile(rf"\b(?P<a>{MONTH_NAMES})\s*(?:-|–|to|through)\s*(?P<b>{MONTH_NAMES})\b(?:\s+(?:period\s+)?(?:of\s+)?(?P<y>20\d\d))?", re.IGNORECASE)
FIRST_HALF = re.compile(r"\bfirst\s+half\b(?:\s+of\s+(?P<y>20\d\d))?", re.IGNORECASE)
LAST_YEAR = re.compile(r"\b(?:last\s+year|past\s+year|previous\s+year|a\s+year\s+earlier)\b", re.IGNORECASE)
LAST_MONTH = re.compile(r"\blast\s+month\b", re.IGNORECASE)
NOW = re.compile(r"\b(?:now|currently|at present|so far|to date|has (?:reached|exceeded|surpassed)|have (?:reached|exceeded|surpassed|been increased))\b", re.IGNORECASE)
TARGET = re.compile(r"\b(?:will|would|shall|plans?\s+to|aims?\s+to|aim\s+of|target|goal|pledged?|promised?|to\s+reach|is\s+expected|are\s+expected|by\s+20\d\d|provide|offer)\b", re.IGNORECASE)
GROWTH = re.compile(r"\b(?:up|rise|rose|grew|grow|growth|increase[ds]?|jump(?:ed)?|surge[ds]?|year[- ]on[- ]year|y-o-y|compared)\b", re.IGNORECASE)

AMOUNT_WITH_CURRENCY = re.compile(r"\bU\.?S\.?\s+dollars?\b|\bUS\$", re.IGNORECASE)

# How close (characters) an indicator keyword must be to the figure it names.
KEYWORD_WINDOW = 90


def parse_amount(m: re.Match) -> float:
    """The number in base units: "1,200" → 1200, "26 billion" → 2.6e10, "$1.5bn" → 1.5e9."""
    v = float(m.group("num").replace(",", ""))
    scale = (m.group("scale") or "").lower()
    return v * SCALE.get(scale, 1)


def _nearest(rx: re.Pattern[str], sentence: str, at: int | None) -> re.Match | None:
    """The match that belongs to the figure at offset `at`: the first one after it with no other figure
    in between ("from $31 billion in 2022 to $40 billion in 2030"), else the nearest (after counts closer)."""
    if at is not None:
        fig = AMOUNT.match(sentence, at)
        after_fig = fig.end() if fig else at
        for m in rx.finditer(sentence, after_fig):
            between = sentence[after_fig: m.start()]
            if not any(x.group("num") and (x.group("scale") or x.group("pre") or x.group("post") or x.group("pct")) for x in AMOUNT.finditer(between)):
                return m
            break
    best = None
    for m in rx.finditer(sentence):
        d = (m.start() - at) if at is not None and m.start() >= at else ((at - m.end()) * 1.5 if at is not None else 0)
        if best is None or d < best[0]:
            best = (d, m)
    return best[1] if best else None


def resolve_period(sentence: str, published: date | None, target: bool, at: int | None = None) -> str | None:
    """The time a figure covers, from the words of its sentence (nearest the figure at `at`) and the publication date."""
    if target:
        m = _nearest(BY_YEAR, sentence, at) or _nearest(YEAR, sentence, at)
        return m.group("y") if m else None
    m = FIRST_MONTHS.search(sentence)
    if m:
        n = NUMBER_WORDS.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else None)
        y = int(m.group("y")) if m.group("y") else (published.year if published else None)
        if n and y:
            return f"{y}-01/{y}-{n:02d}"
    m = MONTH_SPAN.search(sentence)
    if m:
        y = int(m.group("y")) if m.group("y") else (published.year if published else None)
        a, b = month_number(m.group("a")), month_number(m.group("b"))
        if y and a and b:
            return f"{y}-{a:02d}/{y}-{b:02d}"
    m = FIRST_HALF.search(sentence)
    if m:
        y = int(m.group("y")) if m.group("y") else (published.year if published else None)
        return f"{y}-01/{y}-06" if y else None
    m = _nearest(YEAR, sentence, at)
    if m:
        return m.group("y")
    if LAST_YEAR.search(sentence):
        return str(published.year - 1) if published else None
    if LAST_MONTH.search(sentence):
        if not published:
            return None
        y, mo = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
        return f"{y}-{mo:02d}"
    if NOW.search(sentence):
        return published.isoformat() if published else None
    return None


@lru_cache(maxsize=8)
def _approx_words(profile) -> list[tuple[re.Pattern[str], str]]:
    out = []
    for key, label in (("approx_under", "under"), ("approx_over", "over"), ("approx_about", "about")):
        for w in profile.words(key):
            out.append((re.compile(rf"\b{re.escape(w)}\s*$", re.IGNORECASE), label))
    return out


def _approx(profile, before: str) -> str:
    before = re.sub(r"(?:US\$|\$|USD|RMB|CNY|€|¥)\s?$", "", before.rstrip()).rstrip()
    for rx, label in _approx_words(profile):
        if rx.search(before):
            return label
    return "exact"


def _indicator(profile, sentence: str, at: int, unit_kind: str) -> str | None:
    """The indicator whose keyword stands nearest the figure; further away only when it is the sentence's one indicator."""
    best, named = None, set()
    for ind in profile.indicators:
        if ind.unit != unit_kind:
            continue
        for k in ind.keywords:
            for m in re.finditer(rf"\b{re.escape(k)}\b", sentence, re.IGNORECASE):
                named.add(ind.key)
                d = abs(m.start() - at)
                if d <= KEYWORD_WINDOW and (best is None or d < best[0]):
                    best = (d, ind.key)
    if best:
        return best[1]
    return named.pop() if len(named) == 1 else None


def _subjects(article, sentence: str, context: str = "") -> tuple[str, ...]:
    sentence = AMOUNT_WITH_CURRENCY.sub(" ", sentence)  # "U.S. dollars" names no party
    codes = [c for c in article.entities.codes_in(sentence) if c == article.profile.group_code or article.profile.state(c)]
    if len(codes) == 1 and context:
        codes += [c for c in article.entities.codes_in(AMOUNT_WITH_CURRENCY.sub(" ", context)) if c == article.profile.group_code or article.profile.state(c)]
    if len(set(codes)) < 2:
        return ()
    members = set(article.profile.members) | {article.profile.group_code}
    if not any(c in members for c in codes):
        return ()
    return tuple(sorted(dict.fromkeys(codes)))


def extract(article) -> list[Claim]:
    """Every figure in the article that measures or pledges one of the profile's indicators."""
    out: list[Claim] = []
    text = article.text
    for sent in article.doc.sents:
        s0 = sent.start_char
        sentence = text[s0:sent.end_char]
        if not re.search(r"\d", sentence):
            continue
        for m in AMOUNT.finditer(sentence):
            if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not (m.group("pre") or m.group("post") or m.group("scale") or m.group("pct")):
                continue  # a year
            tail = sentence[m.end(): m.end() + 25]
            currency = _currency(m)
            if m.group("pct"):
                unit, kind = "percent", "percent"
            elif currency:
                unit, kind = currency, "currency"
            elif UNIT_WORDS["cubic_metres"].match(tail.strip()) or UNIT_WORDS["cubic_metres"].search(tail[:20]):
                unit, kind = "cubic_metres", "cubic_metres"
            elif UNIT_WORDS["tonnes"].search(tail[:12]):
                unit, kind = "tonnes", "tonnes"
            else:
                unit, kind = "count", "count"
            if kind == "count" and re.match(r"\s*(?:[A-Za-z]+\s+){0,2}(?:years?|days?|months?|weeks?|km|kilomet|percent|hours?|%)", tail):
                continue
            if kind == "count" and re.match(r"\d{1,2}$", m.group("num")) and re.match(r"\s*(?:st|nd|rd|th)\b", tail):
                continue
            if kind == "count" and (re.match(r"[:.]\d|\s*[ap]\.?m\b", sentence[m.end():m.end() + 5]) or sentence[max(0, m.start() - 1):m.start()] in (":", ".")):
                continue  # a clock time ("12:15 p.m.")
            if kind == "count" and re.search(rf"\b(?:{MONTH_NAMES})\.?\s*$", sentence[: m.start()], re.IGNORECASE):
                continue  # a day of the month ("February 10")
            indicator = _indicator(article.profile, sentence, m.start(), kind)
            if indicator is None:
                continue
            if kind == "percent":
                indicator = "trade_growth" if indicator in ("trade_growth", "trade_volume") and GROWTH.search(sentence) else None
                if indicator is None:
                    continue
            subjects = _subjects(article, sentence, _previous_sentence(text, s0))
            if not subjects:
                continue
            target = _is_target(article, sentence, m, indicator)
            period = resolve_period(sentence, article.published, target, m.start())
            out.append(article.claim(
                "quantity", s0, sent.end_char, indicator=indicator, subjects=subjects, period=period,
                value=parse_amount(m), unit=unit, approx=_approx(article.profile, sentence[: m.start()]), target=target,
            ))
    return out


def _previous_sentence(text: str, s0: int) -> str:
    j = max(text.rfind(". ", 0, max(0, s0 - 2)), text.rfind("\n", 0, max(0, s0 - 1)))
    return text[j + 1: s0]


def _is_target(article, sentence: str, m: re.Match, indicator: str) -> bool:
    """A goal or pledge: a future/pledge word and, for a figure with a year, a year still to come."""
    pledged = any(i.key == indicator and i.pledged for i in article.profile.indicators)
    after = sentence[m.end(): m.end() + 40]
    if re.match(r"\s*(?:\w+\s+){0,3}?in\s+(?:19|20)\d\d\b", after) and not BY_YEAR.search(after[:25]):
        return False  # "from $31 billion in 2022 to …": a measured value
    if BY_YEAR.search(after):
        return True
    if re.search(r"\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:provided|disbursed|invested|given|allocated)\b", sentence, re.IGNORECASE):
        return False
    return pledged or bool(TARGET.search(sentence))


def _currency(m: re.Match) -> str | None:
    marks = (m.group("pre") or "") + " " + (m.group("post") or "")
    for rx, code in CURRENCY:
        if rx.search(marks):
            return code
    return None
