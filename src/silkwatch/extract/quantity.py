"""Quantity claims: figures for the profile's indicators, with parties, period, unit and approximation (GUIDELINES.md § quantity)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..records import Claim
from .dates import month_number
from .mentions import person_mentions

__all__ = ["extract", "parse_amount", "resolve_period"]

SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
CURRENCY = [
    (re.compile(r"\$|\bUS\$|\bUSD\b|\bU\.?S\.? dollars?\b|\bdollars?\b", re.IGNORECASE), "USD"),
    (re.compile(r"\byuan\b|\bRMB\b|\bCNY\b|¥", re.IGNORECASE), "CNY"),
    (re.compile(r"€|\beuros?\b|\bEUR\b", re.IGNORECASE), "EUR"),
    (re.compile(r"\btenge\b|\bKZT\b", re.IGNORECASE), "KZT"),
    (re.compile(r"\brubles?\b|\broubles?\b|\bRUB\b", re.IGNORECASE), "RUB"),
]
AMOUNT = re.compile(
    r"(?:(?P<pre>(?:US\$|\$|USD|RMB|CNY|€|¥)\s?)|(?<![\w\\+]))(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
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
# "the first half of 2024", "in the third quarter", "Q1 2025", "H2".
PART_OF_YEAR = re.compile(
    r"\b(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<part>half|quarter)|(?P<q>Q[1-4])|(?P<h>H[12]))\b"
    r"(?:\s+(?:of\s+)?(?:(?:this|the)\s+year|(?P<y>20\d\d)))?", re.IGNORECASE)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
LAST_YEAR = re.compile(r"\b(?:last\s+year|past\s+year|previous\s+year|a\s+year\s+earlier)\b", re.IGNORECASE)
LAST_MONTH = re.compile(r"\blast\s+month\b", re.IGNORECASE)
NOW = re.compile(r"\b(?:now|currently|at present|so far|to date|(?:officially\s+)?surpassed|ha(?:s|ve) (?:reached|exceeded|surpassed|been (?:increased|raised|expanded)))\b", re.IGNORECASE)
TARGET = re.compile(r"\b(?:will|would|shall|plans?\s+to|aims?\s+to|aim\s+of|target|goal|pledged?|promised?|to\s+reach|is\s+expected|are\s+expected|(?:is|are)\s+set\s+to|by\s+20\d\d|provide|offer)\b", re.IGNORECASE)
# Cues that make a frequency a goal rather than a timetable ("will be operated once a week" is a timetable).
STRONG_TARGET = re.compile(r"\b(?:plans?\s+to|aims?\s+to|target|goal|pledged?|promised?|to\s+reach|expected\s+to|set\s+to|by\s+20\d\d)\b", re.IGNORECASE)
GROWTH = re.compile(r"\b(?:up|rise|rose|grew|grow|growth|increase[ds]?|jump(?:ed)?|surge[ds]?|year[- ]on[- ]year|y-o-y|compared)\b", re.IGNORECASE)

# How often a service runs: "once a week", "twice-weekly", "three times a week", "two flights per week".
_NUMWORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
FREQUENCY = re.compile(
    rf"\b(?:(?P<once>once)|(?P<twice>twice)|(?P<times>{_NUMWORD}|\d{{1,3}})\s+times)(?:\s+(?:a|per|each|every)\s+week\b|[\s-]weekly\b)"
    rf"|\b(?P<word>{_NUMWORD})\s+(?:(?:\w+[\s-]){{0,2}})flights?\s+(?:a|per|each|every)\s+week\b",
    re.IGNORECASE,
)
# "per week", "a week", "weekly" after a figure: a rate, not a duration.
DURATION = re.compile(r"\s*(?P<words>(?:[A-Za-z]+\s+){0,2})(?:years?|days?|months?|weeks?|km|kilomet\w*|percent|hours?)\b|\s*%")
RATE_WORDS = {"per", "a", "an", "each", "every"}
# A span of years the figure covers: "from … in 2013 to … in 2024", "between 2013 and 2024", "since 2013".
_Y = r"((?:19|20)\d\d)(?![\d.,]\d)"
YEAR_SPAN = re.compile(
    rf"\bfrom\b[^;]{{0,60}}?\b{_Y}\b[^;]{{0,60}}?\bto\b[^;]{{0,60}}?\b{_Y}|\bbetween\s+{_Y}\s+and\s+{_Y}|\b{_Y}\s*[-–]\s*{_Y}",
    re.IGNORECASE,
)
YEARS = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")
AVERAGE_RATE = re.compile(r"\b(?:average|annual|annually|a year|per year|per annum)\b", re.IGNORECASE)
SAME_PERIOD = re.compile(r"\b(?:(?:this|that|the same)\s+period|during\s+(?:this|that)\s+time)\b", re.IGNORECASE)
PERCENTAGE_POINTS = re.compile(r"(?:age)?\s*points?\b", re.IGNORECASE)
# A figure reached by raising something: "to bring trade to $20 billion", "set to increase to 124".
RAISE_TO = re.compile(r"\b(?:to|will|would|shall)\s+(?:\w+\s+){0,2}?(?:bring|raise|increase|boost|lift|expand|double|grow)\b[^.;]{0,60}?\bto\s*$", re.IGNORECASE)
# Clause boundaries: a figure's parties are those of its own clause when that clause names two.
CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|,\s+but\s+", re.IGNORECASE)
# The value of signed deals is what the parties undertake: "contracts worth more than $25bn".
DEALS_WORTH = re.compile(r"\b(?:agreements?|contracts?|deals?|memorand(?:um|a)|documents?|papers?)\b[^.;]{0,120}\b(?:worth|valued\s+at|totall?ing)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# Nouns a count of one of the count indicators may name besides the indicators' own keywords ("80 pairs").
COUNT_NOUNS = {"pair", "time", "trip", "frequency", "service", "route"}
CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\b")
LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+(?:city|capital)\s+of\s+)?$", re.IGNORECASE)

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


def resolve_period(sentence: str, published: date | None, target: bool, at: int | None = None, year_hint: int | None = None) -> str | None:
    """The time a figure covers, from the words of its sentence (nearest the figure at `at`) and the publication date.

    year_hint: a year the text gave before this sentence, for a span of months with no year of its
    own when the article has no publication date ("From January to May" after "… of 2025").
    """
    this_year = published.year if published else year_hint
    if target:
        m = _nearest(BY_YEAR, sentence, at) or _nearest(YEAR, sentence, at)
        return m.group("y") if m else None
    m = FIRST_MONTHS.search(sentence)
    if m:
        n = NUMBER_WORDS.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else None)
        y = int(m.group("y")) if m.group("y") else this_year
        if n and y:
            return f"{y}-01/{y}-{n:02d}"
    m = MONTH_SPAN.search(sentence)
    if m:
        y = int(m.group("y")) if m.group("y") else this_year
        a, b = month_number(m.group("a")), month_number(m.group("b"))
        if y and a and b:
            return f"{y}-{a:02d}/{y}-{b:02d}"
    m = PART_OF_YEAR.search(sentence)
    if m:
        return _part_of_year(m, published, this_year)
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


def _part_of_year(m: re.Match, published: date | None, this_year: int | None) -> str | None:
    """START/END months of a half or quarter; with no year given, the latest one that has ended by publication."""
    if m.group("q") or m.group("h"):
        months, n = (3, int(m.group("q")[1])) if m.group("q") else (6, int(m.group("h")[1]))
    else:
        months, n = (6 if m.group("part").lower() == "half" else 3), _NTH[m.group("nth").lower()]
    if n * months > 12:
        return None  # "third half": not a part of a year
    first, last = (n - 1) * months + 1, n * months
    y = int(m.group("y")) if m.group("y") else this_year
    if not m.group("y") and "this" not in m.group(0).lower() and published and last > published.month:
        y = published.year - 1  # "in the fourth quarter", said in February: last year's
    return f"{y}-{first:02d}/{y}-{last:02d}" if y else None


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


def _party_codes(article, text: str, offset: int, persons: bool = True) -> list[tuple[int, str, bool]]:
    """(position, code, locative) for each party the text names: states, the group, places, and people by their country.

    locative: a city named as the venue ("at the summit in Astana, Kazakhstan"), which says where the
    figure was announced, not whom it is about.
    """
    clean = AMOUNT_WITH_CURRENCY.sub(lambda m: " " * len(m.group(0)), text)  # "U.S. dollars" names no party
    prof = article.profile
    out, taken, venue_end = [], [], -1
    for m in article.entities.mentions(clean):
        taken.append((m.start, m.end))
        place = article.entities.place(m.surface) if m.kind == "place" else None
        code = m.key if m.kind in ("state", "group") else (place.country if place else None)
        if not code or not (code == prof.group_code or prof.state(code)):
            continue
        city = m.kind == "place" or m.how == "capital"
        locative = (city and bool(LOCATIVE.search(clean[: m.start]))) or (m.kind == "state" and 0 <= m.start - venue_end <= 2 and clean[venue_end: m.start].strip() == ",")
        if locative and city:
            venue_end = m.end
        out.append((m.start, code, locative))
    # Other states the news names that the profile does not list ("Montenegro", "Kuwait").
    for m in CAPITALISED_RUN.finditer(clean):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        code = article.entities.state_code(m.group(0))
        if code and code != prof.group_code:
            out.append((m.start(), code, False))
    if persons:
        for pm in person_mentions(article):
            if offset <= pm.start < offset + len(text) and pm.country and prof.state(pm.country):
                if not any(p <= pm.start - offset < p + 2 for p, _, _ in out):
                    out.append((pm.start - offset, pm.country, False))
    return sorted(out)


def _complete(article, codes: list[str]) -> tuple[str, ...]:
    if len(set(codes)) < 2:
        return ()
    members = set(article.profile.members) | {article.profile.group_code}
    if not any(c in members for c in codes):
        return ()
    return tuple(sorted(dict.fromkeys(codes)))


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """The stretch of the sentence between the clause breaks around offset `at`."""
    start, end = 0, len(sentence)
    for b in CLAUSE_BREAK.finditer(sentence):
        if b.end() <= at:
            start = b.end()
        elif b.start() >= at:
            end = b.start()
            break
    return start, end


def _subjects(article, sentence: str, previous: list[str] = (), s0: int = 0, at: int | None = None) -> tuple[str, ...]:
    """The parties a figure is about: those its clause or sentence names, else completed from the sentences
    before it ("trade with these countries", a route listed under a heading that names the two states)."""
    found = _party_codes(article, sentence, s0)
    if at is not None:
        a, b = _clause(sentence, at)
        in_clause = _complete(article, [c for p, c, loc in found if a <= p < b and not loc])
        if in_clause and (a, b) != (0, len(sentence)):
            return in_clause
    codes = list(dict.fromkeys(c for _, c, loc in found if not loc))
    if len(codes) < 2 and any(loc for _, _, loc in found):
        codes = list(dict.fromkeys(c for _, c, _ in found))
    for context in previous:
        if len(set(codes)) >= 2:
            break
        codes += [c for _, c, loc in _party_codes(article, context, 0, persons=False) if not loc and c not in codes]
    return _complete(article, codes)


def _routes(article, sentence: str, s0: int, at: int) -> list[tuple[str, ...]]:
    """The parties of each route ("from Astana to Tbilisi") listed in the figure's clause, when it lists more than one."""
    a, b = _clause(sentence, at)
    starts = [m.start() for m in re.finditer(r"\bfrom\b", sentence[a:b])]
    if len(starts) < 2:
        return []
    found = _party_codes(article, sentence, s0, persons=False)
    out = []
    for i, st in enumerate(starts):
        en = starts[i + 1] if i + 1 < len(starts) else b - a
        subj = _complete(article, [c for p, c, loc in found if a + st <= p < a + en])
        if subj and subj not in out:
            out.append(subj)
    return out


def _year_span(sentence: str) -> tuple[int, int] | None:
    """The first and last year of a span the sentence gives ("from … in 2013 to … in 2024", "between 2013 and 2024")."""
    m = YEAR_SPAN.search(sentence)
    if not m:
        return None
    years = [int(y) for y in m.groups() if y]
    return (min(years), max(years)) if len(years) == 2 and years[0] != years[1] else None


def _growth_span(sentence: str, previous: list[str]) -> str | None:
    """START/END of an average annual rate: the span of years its sentence, or the one it refers back to, gives."""
    for s in [sentence, *(previous[:2] if SAME_PERIOD.search(sentence) or not YEARS.search(sentence) else ())]:
        span = _year_span(s)
        if span:
            return f"{span[0]}/{span[1]}"
    return None


def _multi_year_change(sentence: str) -> bool:
    """A change measured across several years ("from … in 2013 to … in 2024, up 116 percent"): not against the year before."""
    span = _year_span(sentence)
    return bool(span) and span[1] - span[0] > 1


def _year_hint(previous: list[str]) -> int | None:
    for s in previous:
        years = YEARS.findall(s)
        if years:
            return int(years[-1])
    return None


def _figures(sentence: str):
    """(start, end, value, match) for every figure of the sentence: amounts, and frequencies in words."""
    for m in AMOUNT.finditer(sentence):
        yield m.start(), m.end(), None, m
    for f in FREQUENCY.finditer(sentence):
        if f.group("once"):
            v = 1
        elif f.group("twice"):
            v = 2
        else:
            w = (f.group("times") or f.group("word")).lower()
            v = int(w) if w.isdigit() else NUMBER_WORDS[w]
        yield f.start(), f.end(), float(v), f


def _lines(article) -> list[tuple[int, int]]:
    """The parser's sentences, each line of a sentence on its own (a list of routes, one per line), blank ones left out."""
    text, out = article.text, []
    for sent in article.doc.sents:
        a = sent.start_char
        for line in text[a:sent.end_char].split("\n"):
            if line.strip():
                out.append((a, a + len(line)))
            a += len(line) + 1
    return out


def extract(article) -> list[Claim]:
    """Every figure in the article that measures or pledges one of the profile's indicators."""
    out: list[Claim] = []
    text = article.text
    sents = _lines(article)
    flights = next((i for i in article.profile.indicators if i.key == "direct_flights"), None)
    for si, (s0, s1) in enumerate(sents):
        sentence = text[s0:s1]
        if not sentence.strip():
            continue
        has_digit = bool(re.search(r"\d", sentence))
        if not has_digit and not FREQUENCY.search(sentence):
            continue
        previous = [text[a:b] for a, b in reversed(sents[max(0, si - 4):si])]
        freq_spans = [(f.start(), f.end()) for f in FREQUENCY.finditer(sentence)]
        for start, end, fixed, m in _figures(sentence):
            if fixed is None and any(a <= start < b for a, b in freq_spans):
                continue  # the digit of "3 times a week": taken as a frequency
            if fixed is not None:
                named = flights and any(re.search(rf"\b{re.escape(k)}\b", s, re.IGNORECASE) for s in (sentence, *previous[:1]) for k in flights.keywords)
                if not named:
                    continue
                # A frequency holds for each route its clause lists ("… three times a week, together with
                # flights at the same frequency from Astana to …").
                routes = _routes(article, sentence, s0, start) or [_subjects(article, sentence, previous, s0, start)]
                target = bool(STRONG_TARGET.search(sentence))
                period = resolve_period(sentence, article.published, target, start, _year_hint(previous))
                for subjects in routes:
                    if subjects:
                        out.append(article.claim(
                            "quantity", s0, s1, indicator="direct_flights", subjects=subjects, period=period,
                            value=fixed, unit="count", approx=_approx(article.profile, sentence[:start]), target=target,
                        ))
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not (m.group("pre") or m.group("post") or m.group("scale") or m.group("pct")):
                continue  # a year
            tail = sentence[m.end(): m.end() + 25]
            currency = _currency(m)
            value = parse_amount(m)
            if m.group("pct"):
                if PERCENTAGE_POINTS.match(sentence, m.end()):
                    continue  # "2.3 percentage points higher": a difference of rates, not a rate
                unit, kind = "percent", "percent"
            elif currency:
                unit, kind = currency, "currency"
            elif UNIT_WORDS["cubic_metres"].match(tail.strip()) or UNIT_WORDS["cubic_metres"].search(tail[:20]):
                unit, kind = "cubic_metres", "cubic_metres"
                if not m.group("scale") and re.match(r"\s*bcm\b", tail, re.IGNORECASE):
                    value *= 1e9  # "30 bcm": billion cubic metres
            elif UNIT_WORDS["tonnes"].search(tail[:12]):
                unit, kind = "tonnes", "tonnes"
            else:
                unit, kind = "count", "count"
            d = DURATION.match(tail)
            if kind == "count" and d and not (set(d.group("words").lower().split()) & RATE_WORDS or tail.lstrip().lower().startswith("weekly")):
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
            if kind == "count" and _counts_something_else(article, s0 + m.start()):
                continue  # "137 passengers", "41 papers": a count of another thing near an indicator's word
            period = None
            if kind == "percent":
                indicator = "trade_growth" if indicator in ("trade_growth", "trade_volume") and GROWTH.search(sentence) else None
                if indicator is None:
                    continue
                if AVERAGE_RATE.search(sentence):
                    period = _growth_span(sentence, previous)
                if period is None and _multi_year_change(sentence):
                    continue  # growth over a decade is not growth against the year before
            subjects = _subjects(article, sentence, previous, s0, m.start())
            if not subjects:
                continue
            if not _party_codes(article, sentence, s0) and any(
                c.indicator == indicator and c.unit == unit and c.value == value for c in out
            ):
                continue  # the figure again, further on, with no parties of its own ("the 100-pair milestone")
            target = _is_target(article, sentence, m, indicator)
            if period is None:
                period = resolve_period(sentence, article.published, target, m.start(), _year_hint(previous))
            out.append(article.claim(
                "quantity", s0, s1, indicator=indicator, subjects=subjects, period=period,
                value=value, unit=unit, approx=_approx(article.profile, sentence[: m.start()]), target=target,
            ))
    return out


def _counts_something_else(article, char: int) -> bool:
    """Whether the number at this offset counts a noun that is neither an indicator's word nor a unit of counting."""
    tok = next((t for t in article.doc if t.idx <= char < t.idx + len(t.text)), None)
    if tok is None or tok.dep_ != "nummod" or tok.head.pos_ != "NOUN" or tok.head.i < tok.i:
        return False
    words = {w.lower() for i in article.profile.indicators if i.unit == "count" for k in i.keywords for w in re.split(r"[\s-]+", k)}
    noun = tok.head.lower_
    singular = noun[:-1] if noun.endswith("s") else noun
    return not ({noun, singular, (tok.head.lemma_ or "").lower()} & (COUNT_NOUNS | words))


def _is_target(article, sentence: str, m: re.Match, indicator: str) -> bool:
    """A goal or pledge: a future/pledge word and, for a figure with a year, a year still to come."""
    pledged = any(i.key == indicator and i.pledged for i in article.profile.indicators)
    after = sentence[m.end(): m.end() + 40]
    before = re.sub(r"(?:US\$|\$|USD|RMB|CNY|€|¥)\s?$", "", sentence[: m.start()].rstrip()).rstrip() + " "
    if RAISE_TO.search(sentence[: m.start()]):
        return True  # "to bring trade to $20 billion", "set to increase to 124 per week starting in 2025"
    if DEALS_WORTH.search(before):
        return True  # "contracts worth more than $25bn": the value the signed deals commit to
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
