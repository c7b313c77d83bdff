"""Quantity claims: figures for the profile's indicators, with parties, period, unit and approximation (GUIDELINES.md § quantity).

Candidates are the Figures the quantity patterns find (figures.py); this module decides, per figure,
which indicator it measures, which parties it is about (parties.py), which time it covers
(periods.py) and whether it is a target, and drops what is not a level of an indicator: years,
dates, clock times, durations, changes ("up $5 billion") and world totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import read_pattern_file
from ..records import Claim
from .figures import Figure, figures_in
from .parties import PartyMention, narrow_group, party_mentions, subjects_of
from .periods import MONTH_WORDS, period_for, time_phrases

__all__ = ["extract", "Context"]

# How close (characters) an indicator keyword must be to the figure it names.
KEYWORD_WINDOW = 90
# How many sentences back a figure may take its parties or period from.
LOOKBACK = 4
TRADE_FAMILY = {"trade_volume", "trade_growth", "exports", "imports"}

BY_YEAR = re.compile(r"\b(?:by|until|to|before)\s+(?:the\s+end\s+of\s+)?20\d\d\b", re.IGNORECASE)
SAME_PERIOD = re.compile(r"\b(?:(?:this|that|the same)\s+period|during\s+(?:this|that)\s+time)\b", re.IGNORECASE)
_Y = r"((?:19|20)\d\d)(?![\d.,]\d)"
YEAR_SPAN = re.compile(rf"\bfrom\b[^;]{{0,60}}?\b{_Y}\b[^;]{{0,60}}?\bto\b[^;]{{0,60}}?\b{_Y}|\bbetween\s+{_Y}\s+and\s+{_Y}|\b{_Y}\s*[-–]\s*{_Y}", re.IGNORECASE)
YEARS = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")
CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|,\s+but\s+", re.IGNORECASE)
# Coordinated parts too ("exports came to $1 billion, and imports to $3 billion"): where an indicator word belongs.
PART_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|,\s+(?:but|and)\s+", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"\s*(?:{MONTH_WORDS})\b\.?", re.IGNORECASE)
# A name or code right before a bare number makes it a label, not an amount (not at the start of a sentence).
LABEL_BEFORE = re.compile(r"(?<=\S)\s+(?:[A-Z][A-Za-z]+|[A-Z]{2})\s*$|\b(?:flight|No\.|number|no\.)\s*$")
MONTH_BEFORE = re.compile(rf"\b(?:{MONTH_WORDS})\.?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """Where a figure stands: its sentence [s0, s1) in the article, and the sentences before it, nearest first."""

    s0: int
    s1: int
    previous: tuple[tuple[int, int], ...]
    before: tuple[tuple[int, int], ...] = ()  # every sentence before, nearest first


@lru_cache(maxsize=2)
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in read_pattern_file("en", "quantity").get("words", {}).items()}


def _alt(key: str) -> str:
    """A word list of the quantity patterns as regex alternatives (longest first; a space stands for any white space)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_words()[key], key=len, reverse=True))


@lru_cache(maxsize=2)
def _cues() -> dict[str, re.Pattern[str]]:
    """The sentence-level cues of targets, deliveries and growth, compiled from the word lists."""
    by_year = r"by\s+20\d\d"
    return {
        "target": re.compile(rf"\b(?:{_alt('target_cues')}|{by_year})\b", re.IGNORECASE),
        "strong_target": re.compile(rf"\b(?:{_alt('strong_target_cues')}|{by_year})\b", re.IGNORECASE),
        "delivered": re.compile(rf"\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:{_alt('delivered')})\b", re.IGNORECASE),
        "raise_to": re.compile(rf"\b(?:to|will|would|shall)\s+(?:\w+\s+){{0,2}}?(?:{_alt('raise_verbs')})\b[^.;]{{0,60}}?\bto\s*$", re.IGNORECASE),
        "deals_worth": re.compile(rf"\b(?:{_alt('deal_nouns')})\b[^.;]{{0,120}}\b(?:worth|valued\s+at|totall?ing)\s+(?:[a-z]+\s+){{0,2}}$", re.IGNORECASE),
        "growth": re.compile(rf"\b(?:{_alt('growth_cues')})\b", re.IGNORECASE),
        "average": re.compile(rf"\b(?:{_alt('average_cues')})\b", re.IGNORECASE),
        "past": re.compile(rf"\b(?:{_alt('past_markers')})\b", re.IGNORECASE),
        "decline": re.compile(rf"\b(?:{_alt('decline_cues')})\b", re.IGNORECASE),
    }


@lru_cache(maxsize=2)
def _change_rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    nouns, verbs = _alt("change_nouns"), _alt("change_verbs")
    after = re.compile(rf"\s*\)?\s*(?:{nouns}|more|less|higher|lower)\b", re.IGNORECASE)
    before = re.compile(rf"(?:\b(?:{verbs})\s+(?:\w+\s+){{0,2}}?by|\b(?:up|down)(?:\s+by)?|\b(?:{nouns})\s+(?:of|by))\s*$", re.IGNORECASE)
    verb = re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)
    return after, before, verb


def _is_change(sentence: str, a: int, b: int) -> bool:
    """An amount of change, not a level: "$5 billion increase", "up by $2 billion", "rose with Kazakhstan ($1 billion)"."""
    after, before, verb = _change_rx()
    if after.match(sentence, b) or before.search(sentence[:a].rstrip(" $(")):
        return True
    if sentence[:a].rstrip().endswith("("):
        for m in verb.finditer(sentence, 0, a):
            between = sentence[m.end():a].lower()
            if not re.search(rf"\b(?:{_alt('level_markers')})\b", between):
                return True
    return False


def _hard_wrapped(text: str) -> bool:
    """Whether the text breaks its lines inside sentences (a fixed width), so a line break ends nothing."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    open_ended = sum(1 for ln in lines if len(ln) >= 40 and not re.search(r"[.!?:;\"”’)]$", ln))
    return len(lines) >= 5 and open_ended * 2 > len(lines)


def _share(sentence: str, a: int, b: int) -> bool:
    """A rate that is a level or a share ("rose to 23 percent", "46% of the total"), not a change against the year before."""
    return bool(re.search(r"\b(?:to|for|at|share\s+of|share)\s*$", sentence[:a], re.IGNORECASE)
                or re.match(r"\s+of\b", sentence[b:], re.IGNORECASE))


LIST_ITEM = re.compile(r"\s*[-•*–]\s")


def _lines(article) -> list[tuple[int, int]]:
    """The parser's sentences, each line of a sentence on its own (a list of routes, one per line), blank ones left out.

    In a hard-wrapped text the lines are pieces of sentences and stay together.
    """
    text, out = article.text, []
    wrapped = _hard_wrapped(text)
    for sent in article.doc.sents:
        a = sent.start_char
        pieces = [text[a:sent.end_char]] if wrapped else text[a:sent.end_char].split("\n")
        for line in pieces:
            if line.strip():
                out.append((a, a + len(line)))
            a += len(line) + 1
    return out


def _clause(sentence: str, at: int, breaks: re.Pattern[str] = CLAUSE_BREAK) -> tuple[int, int]:
    """The stretch of the sentence between the clause breaks around offset `at`."""
    start, end = 0, len(sentence)
    for b in breaks.finditer(sentence):
        if b.end() <= at:
            start = b.end()
        elif b.start() >= at:
            end = b.start()
            break
    return start, end


def _plausible(sentence: str, f: Figure, a: int, b: int) -> bool:
    """Whether a figure can be a level of some indicator: not a year, a date, a clock time, a duration or a rank."""
    if f.is_year:
        return False
    if a > 0 and (sentence[a - 1].isalnum() or sentence[a - 1] in "+/"):
        return False  # part of a name or model ("C5+1", "A320")
    tail = sentence[b:b + 25]
    if f.kind == "percent":
        return not re.match(r"(?:age)?\s*points?\b", tail, re.IGNORECASE)  # a difference of rates
    if f.kind != "count" or f.frequency:
        return True
    if re.match(r"\s*(?:st|nd|rd|th)\b|[:.]\d|\s*[ap]\.?m\b", tail) or sentence[max(0, a - 1):a] in (":", "."):
        return False
    if MONTH_BEFORE.search(sentence[:a]) or MONTH_AFTER.match(sentence, b):
        return False  # a day of the month ("February 10", "5 May")
    if LABEL_BEFORE.search(sentence[:a]):
        return False  # a model, line or flight number ("Boeing 737", "Line 4", "flight HY 751")
    d = re.match(r"\s*(?P<words>(?:[A-Za-z]+\s+){0,2})(?:years?|days?|months?|weeks?|km|kilomet\w*|hours?|minutes?)\b", tail)
    if d and not (set(d.group("words").lower().split()) & _words()["rate_words"] or tail.lstrip().lower().startswith("weekly")):
        return False  # a duration or a distance
    return True


@lru_cache(maxsize=256)
def _keyword(k: str) -> re.Pattern[str]:
    """An indicator keyword as a whole-word pattern that lets any white space (a line break too) join its words."""
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in k.split()) + r"\b", re.IGNORECASE)


def _indicator(profile, sentence: str, at: int, kind: str) -> str | None:
    """The indicator whose keyword stands nearest the figure in its clause, in its coordinated part first (a
    keyword after it counts half again as far); further away only when it is the clause's one indicator.

    A keyword that names a balance ("trade surplus") is no level of its indicator.
    """
    balance = re.compile(rf"\s+(?:{_alt('balance_words')})\b", re.IGNORECASE)
    a, b = _clause(sentence, at, PART_BREAK)
    ca, cb = _clause(sentence, at)  # a word beyond "while", "but" or ";" speaks of something else
    hits: list[tuple[float, bool, str]] = []
    for ind in profile.indicators:
        if ind.unit != kind:
            continue
        for k in ind.keywords:
            for m in _keyword(k).finditer(sentence, ca, cb):
                if balance.match(sentence, m.end()):
                    continue
                d = (at - m.start()) if m.start() < at else (m.start() - at) * 1.5
                hits.append((d, not (a <= m.start() < b), ind.key))
    near = [h for h in hits if h[0] <= KEYWORD_WINDOW * 1.5]
    if near:
        return min(near, key=lambda h: (h[1], h[0]))[2]
    named = {h[2] for h in hits}
    return named.pop() if len(named) == 1 else None


def _counts_something_else(article, char: int) -> bool:
    """Whether the number at this offset counts a noun that is neither an indicator's word nor a unit of counting."""
    tok = next((t for t in article.doc if t.idx <= char < t.idx + len(t.text)), None)
    if tok is None or tok.dep_ != "nummod" or tok.head.pos_ != "NOUN" or tok.head.i < tok.i:
        return False
    words = {w.lower() for i in article.profile.indicators if i.unit == "count" for k in i.keywords for w in re.split(r"[\s-]+", k)}
    noun = tok.head.lower_
    singular = noun[:-1] if noun.endswith("s") else noun
    return not ({noun, singular} & (_words()["count_nouns"] | words))


def _is_target(article, sentence: str, a: int, b: int, indicator: str) -> bool:
    """A goal or pledge: a future/pledge word in the figure's part of the sentence and, for a figure with a
    year, a year still to come ("60 flights now, and the number is set to reach 100": only 100 is a goal)."""
    pledged = any(i.key == indicator and i.pledged for i in article.profile.indicators)
    pa, pb = _clause(sentence, a, PART_BREAK)
    part = sentence[pa:pb]
    after = sentence[b: b + 40]
    cues = _cues()
    if cues["raise_to"].search(sentence[:a]):
        return True  # "to bring trade to $20 billion"
    if cues["deals_worth"].search(sentence[:a].rstrip() + " "):
        return True  # "contracts worth more than $25bn": the value the signed deals commit to
    year_after = re.match(r"\s*(?:\w+\s+){0,3}?in\s+((?:19|20)\d\d)\b", after)
    if year_after and not BY_YEAR.search(after[:25]):
        # "from $31 billion in 2022 to …" is a measured value; "expected to exceed $15 billion in 2025" a goal.
        ahead = article.published is not None and int(year_after.group(1)) >= article.published.year
        return ahead and bool(cues["target"].search(part))
    by = BY_YEAR.search(after)
    if by:
        year = int(re.search(r"20\d\d", by.group(0)).group(0))
        published = article.published
        # "by the end of 2023" in a 2024 article is when a figure was measured, not a deadline.
        return year >= published.year if published else bool(cues["target"].search(part))
    if cues["delivered"].search(part):
        return False
    if cues["target"].search(part):
        return True
    return pledged and not cues["past"].search(part)


def _is_frequency_target(sentence: str, a: int) -> bool:
    """A frequency of service is a goal only with a word of aim in its part ("set to reach", "will increase … to"):
    "will be operated twice a week" is a timetable."""
    pa, pb = _clause(sentence, a, PART_BREAK)
    return bool(_cues()["strong_target"].search(sentence[pa:pb]) or _cues()["raise_to"].search(sentence[:a]))


def _year_span(sentence: str) -> tuple[int, int] | None:
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


def _year_hint(previous: list[str]) -> int | None:
    for s in previous:
        years = YEARS.findall(s)
        if years:
            return int(years[-1])
    return None


def _world_total(sentence: str) -> bool:
    return bool(re.search(rf"\b(?:{_alt('world_words')})\b", sentence, re.IGNORECASE))


def _own_total(article, parties: list[PartyMention], before: str) -> bool:
    """One party's own total: the party owns an indicator word ahead of the figure ("Kazakhstan's trade", "the trade
    turnover of Kazakhstan"), and no word of a partner ("bilateral", "with") is there."""
    if re.search(r"\b(?:bilateral|mutual|two-way|between|with)\b", before, re.IGNORECASE):
        return False
    words = [k for i in article.profile.indicators for k in i.keywords]
    for p in parties:
        owner = re.match(r"['’]s\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", article.text[p.end:p.end + 40])  # "Kazakhstan's trade"
        of = re.search(r"((?:[a-z-]+\s+){0,2}[a-z-]+)\s+of\s+(?:the\s+)?$", article.text[max(0, p.start - 40):p.start])  # "trade of Kazakhstan"
        if any(m and any(_keyword(k).search(m.group(1)) for k in words) for m in (owner, of)):
            return True
    return False


def _members_named(article, named) -> bool:
    group = next((set(g.members) for g in article.profile.groups if g.code == article.profile.group_code), set())
    return any(p.code in group for p in named)


def _scope(article, p: PartyMention, members_named: bool = True) -> bool:
    """A group named as the scope of a ranking ("partners in Central Asia") beside one of its members, not as a party."""
    return members_named and p.code == article.profile.group_code and bool(re.search(r"\b(?:in|among|across|of\s+all)\s+(?:the\s+)?$", article.text[max(0, p.start - 20):p.start], re.IGNORECASE))


def _own_party(mentions: list[PartyMention], f: Figure, siblings: list[Figure]) -> PartyMention | None:
    """The party named nearest before the figure with no other figure of its list between them."""
    for p in reversed(mentions):
        if p.end <= f.start:
            if any(p.end <= s.start and s.end <= f.start for s in siblings if s is not f):
                return None
            return p
    return None


def _other_side(article, code: str, ctx: Context) -> str | None:
    """The party across from `code` that the text before names last (China for a member, a member for China)."""
    group = article.profile.group_code
    members = next((set(g.members) for g in article.profile.groups if g.code == group), set())
    side = members | {group}
    for a, b in ctx.before:
        for p in reversed(party_mentions(article, a, b)):
            if p.venue or p.code == code:
                continue
            if (code in side) != (p.code in side) and (p.code in side or article.profile.state(p.code)):
                return p.code
    return None


def _context_subjects(article, ctx: Context) -> tuple[str, ...]:
    """The subjects of the nearest sentence before that names two parties ("Flights on the route …")."""
    for a, b in ctx.previous:
        named = party_mentions(article, a, b)
        members = _members_named(article, named)
        codes = [p.code for p in named if not p.venue and not _scope(article, p, members)]
        got = subjects_of(article.profile, narrow_group(article.profile, codes))
        if got:
            return got
    return ()


def _subjects(article, f: Figure, ctx: Context, siblings: list[Figure]) -> tuple[str, ...]:
    """The parties a figure is about: its list item's party with the other side, its clause's, its sentence's, or the context's."""
    prof, text = article.profile, article.text
    sentence = text[ctx.s0:ctx.s1]
    named = party_mentions(article, ctx.s0, ctx.s1)
    members = _members_named(article, named)
    mentions = [p for p in named if not _scope(article, p, members)]
    parties = [p for p in mentions if not p.venue] or mentions
    paired = _respectively(article, f, ctx, parties, siblings)
    if paired is not None:
        return paired
    if _per_country(article, ctx, siblings):
        own = _own_party(parties, f, siblings)
        owned = {o.code for s in siblings if (o := _own_party(parties, s, siblings))}
        others = [p.code for p in parties if p.code not in owned]
        other = others[0] if others else (_reporter_country(article, ctx, own.code) or _other_side(article, own.code, ctx))
        if other:
            return subjects_of(prof, [own.code, other])
    a, b = _clause(sentence, f.start - ctx.s0)
    near = next((p.code for p in reversed(parties) if p.end <= f.start and p.code in {prof.group_code, *prof.members} and p.code != _hub(prof)), None)
    in_clause = [p.code for p in parties if ctx.s0 + a <= p.start < ctx.s0 + b]
    if (a, b) != (0, len(sentence)):
        got = subjects_of(prof, narrow_group(prof, in_clause, near))
        if got:
            return got
    codes = list(dict.fromkeys(p.code for p in parties))
    if len(codes) >= 2:
        return subjects_of(prof, narrow_group(prof, codes, near))
    if _world_total(sentence[a:f.start - ctx.s0]) or (len(codes) == 1 and _own_total(article, [p for p in parties if p.end <= f.start], sentence[:f.start - ctx.s0])):
        return ()  # "China's foreign trade", "globally", "Kazakhstan's exports": not between the mechanism's parties
    if len(codes) == 1:
        other = _other_side(article, codes[0], ctx)
        return subjects_of(prof, [codes[0], other]) if other else ()
    return _context_subjects(article, ctx)


def _routes(article, f: Figure, ctx: Context) -> list[tuple[str, ...]]:
    """The parties of each route ("from Astana to Tbilisi") the figure's clause lists, when it lists more than one."""
    sentence = article.text[ctx.s0:ctx.s1]
    a, b = _clause(sentence, f.start - ctx.s0)
    starts = [m.start() + a for m in re.finditer(r"\bfrom\b", sentence[a:b])]
    if len(starts) < 2:
        return []
    found = party_mentions(article, ctx.s0, ctx.s1, persons=False)
    out = []
    for i, st in enumerate(starts):
        en = starts[i + 1] if i + 1 < len(starts) else b
        subj = subjects_of(article.profile, [p.code for p in found if ctx.s0 + st <= p.start < ctx.s0 + en])
        if subj and subj not in out:
            out.append(subj)
    return out


def _item_party(article, f: Figure, ctx: Context) -> bool:
    """Whether a state or group is named before the figure in its sentence, as in each item of a list of figures."""
    return any(p.end <= f.start and not p.venue and p.kind in ("state", "group", "other") for p in party_mentions(article, ctx.s0, ctx.s1, persons=False))


def _list_indicator(article, li: int, lines, claimed: dict[int, str], kind: str, per_country: bool) -> str | None:
    """The indicator of a list the figure continues: its heading's ("… is distributed among:"), the line before's
    claim, or, for figures listed per country, the indicator the sentence before names."""
    prof = article.profile
    for back in range(li - 1, max(-1, li - 8), -1):
        if claimed.get(back, (None, None))[1] == kind:
            return claimed[back][0]
        a, b = lines[back]
        line = article.text[a:b].strip()
        if line.endswith(":") or (per_country and back == li - 1):
            return _indicator(prof, line, len(line), kind)
        if not LIST_ITEM.match(line):
            return None
    return None


def _reporter_country(article, ctx: Context, own: str) -> str | None:
    """The state of a body the sentence cites for its list ("…, China's customs said"): the side across from each item."""
    for m in article.entities.mentions(article.text[ctx.s0:ctx.s1]):
        inst = article.entities.institution(m.surface) if m.kind == "institution" else None
        if inst and inst.country and inst.country != own and article.profile.state(inst.country):
            return inst.country
    return None


def _respectively(article, f: Figure, ctx: Context, parties: list[PartyMention], siblings: list[Figure]) -> tuple[str, ...] | None:
    """Parties and figures paired in order ("with Kazakhstan and Kyrgyzstan reached $40 billion and $20 billion
    respectively"): the figure's own party with the other side; None when the sentence pairs nothing."""
    sentence = article.text[ctx.s0:ctx.s1]
    if len(siblings) < 2 or not re.search(r"\brespectively\b", sentence, re.IGNORECASE):
        return None
    hub = _hub(article.profile)
    listed = list(dict.fromkeys(p.code for p in parties if p.end <= siblings[0].start and p.code != hub))
    if len(listed) != len(siblings):
        return None
    own = listed[siblings.index(f)]
    other = hub if any(p.code == hub for p in parties) else (_reporter_country(article, ctx, own) or _other_side(article, own, ctx))
    return subjects_of(article.profile, [own, other]) if other else ()


def _per_country(article, ctx: Context, siblings: list[Figure]) -> bool:
    """Whether the sentence lists several figures, each after a party of its own ("Kazakhstan $40 billion, Kyrgyzstan …")."""
    if len(siblings) < 2:
        return False
    named = party_mentions(article, ctx.s0, ctx.s1)
    members = _members_named(article, named)
    parties = [p for p in named if not p.venue and not _scope(article, p, members)]
    owns = [_own_party(parties, s, siblings) for s in siblings]
    # Each on the same side of the mechanism (China's partners), not the two ends of one flow.
    return all(owns) and len({o.code for o in owns}) == len(siblings) and _hub(article.profile) not in {o.code for o in owns}


def _hub(profile) -> str | None:
    group = next((set(g.members) for g in profile.groups if g.code == profile.group_code), set())
    return next((c for c in profile.members if c not in group), None)


def _direction(article, f: Figure, ctx: Context, subjects: tuple[str, ...], indicator: str) -> tuple[str, ...]:
    """Exports and imports as [exporter, importer]: in the figure's clause the party after "from" exports, the one
    after "to" imports; else the first named exports (exports) or imports (imports)."""
    if indicator not in ("exports", "imports") or len(subjects) != 2:
        return subjects
    text = article.text
    a, b = _clause(text[ctx.s0:ctx.s1], f.start - ctx.s0, PART_BREAK)
    named = [p for p in party_mentions(article, ctx.s0 + a, ctx.s0 + b, persons=False) if p.code in subjects]
    exporter = importer = None
    for p in named:
        word = re.search(r"(\w+)\s+(?:the\s+)?$", text[max(ctx.s0, p.start - 20):p.start])
        w = word.group(1).lower() if word else ""
        if w == "from" and exporter is None:
            exporter = p.code
        elif w in ("to", "into") and importer is None:
            importer = p.code
    first = named[0].code if named else subjects[0]
    if exporter is None and importer is None:
        exporter, importer = (first, None) if indicator == "exports" else (None, first)
    if exporter is None:
        exporter = next(c for c in subjects if c != importer)
    if importer is None:
        importer = next((c for c in subjects if c != exporter), exporter)
    return (exporter, importer) if exporter != importer else subjects


@dataclass
class _Run:
    """What one article's figures have given so far: claims, facts seen, dated figures, each line's claim."""

    out: list = field(default_factory=list)
    seen: set = field(default_factory=set)
    recent: list = field(default_factory=list)  # (line, indicator, period) of the measured figures so far
    claimed: dict = field(default_factory=dict)  # line -> (indicator, unit kind) of its last claim


def extract(article) -> list[Claim]:
    """Every figure in the article that measures or pledges one of the profile's indicators."""
    text = article.text
    lines = _lines(article)
    figs = figures_in(article)
    run = _Run()
    for li, (s0, s1) in enumerate(lines):
        line_figs = [f for f in figs if s0 <= f.start < s1]
        if not line_figs:
            continue
        ctx = Context(s0, s1, tuple(reversed(lines[max(0, li - LOOKBACK):li])), tuple(reversed(lines[:li])))
        lows = {id(g) for f, g in zip(line_figs[1:], line_figs) if f.low is not None and g.end <= f.start and text[g.end:f.start].strip() in ("-", "–", "—", "to")}
        figures = [f for f in line_figs if id(f) not in lows]
        for f in figures:
            _claim_figure(article, f, li, lines, ctx, figures, run)
    return _dated_over_undated(run.out)


def _measure(article, f: Figure, li: int, lines, ctx: Context, figures: list[Figure], run: _Run) -> tuple[str, str | None] | None:
    """The indicator a figure measures (and, for an average rate, its span of years); None when it measures none."""
    prof, sentence = article.profile, article.text[ctx.s0:ctx.s1]
    a, b = f.start - ctx.s0, f.end - ctx.s0
    previous = [article.text[x:y] for x, y in ctx.previous]
    if not _plausible(sentence, f, a, b):
        return None
    if f.frequency:
        flights = next((i for i in prof.indicators if i.key == "direct_flights"), None)
        if not (flights and any(_keyword(k).search(s) for s in (sentence, *previous[:1]) for k in flights.keywords)):
            return None
        indicator = flights.key
    else:
        indicator = _indicator(prof, sentence, a, f.kind)
        if indicator is None and _item_party(article, f, ctx):  # a list's item names its own party ("Kyrgyzstan: $22 billion")
            indicator = _list_indicator(article, li, lines, run.claimed, f.kind, _per_country(article, ctx, [g for g in figures if g.kind == f.kind]))
    if indicator is None:
        return None
    if f.kind == "count" and not f.frequency and _counts_something_else(article, f.start):
        return None  # "137 passengers": a count of another thing near an indicator's word
    if f.kind != "percent":
        return None if _is_change(sentence, a, b) else (indicator, None)
    if indicator not in ("trade_growth", "trade_volume") or _share(sentence, a, b):
        return None
    if not (_cues()["growth"].search(sentence) or _falls(sentence, a, b)):
        return None
    span_period = _growth_span(sentence, previous) if _cues()["average"].search(sentence) else None
    span = _year_span(sentence)
    if span_period is None and span and span[1] - span[0] > 1:
        return None  # growth over a decade is not growth against the year before
    return "trade_growth", span_period


def _falls(sentence: str, a: int, b: int) -> bool:
    """Whether the rate is a fall: a word of decline is the nearest change word before it in its part, or right after it."""
    pa, _ = _clause(sentence, a, PART_BREAK)
    cues = _cues()
    before = [(m.end(), "down") for m in cues["decline"].finditer(sentence, pa, a)] + [(m.end(), "up") for m in cues["growth"].finditer(sentence, pa, a)]
    if before:
        return max(before)[1] == "down"
    return bool(re.match(rf"\s*(?:{_alt('decline_cues')})\b", sentence[b:b + 15], re.IGNORECASE))


def _claim_figure(article, f: Figure, li: int, lines, ctx: Context, figures: list[Figure], run: _Run) -> None:
    """The claims of one figure (one per route it holds for), added to the run unless the article said it already."""
    measured = _measure(article, f, li, lines, ctx, figures, run)
    if measured is None:
        return
    indicator, period = measured
    sentence = article.text[ctx.s0:ctx.s1]
    a, b = f.start - ctx.s0, f.end - ctx.s0
    siblings = [g for g in figures if g.kind == f.kind and not g.is_year]
    routes = _routes(article, f, ctx) if f.frequency else []
    subjects = routes[0] if routes else _subjects(article, f, ctx, siblings)
    if not subjects:
        return
    subjects = _direction(article, f, ctx, subjects, indicator)
    # A timetable ("will be operated once a week") is no goal: a frequency needs a word of aim.
    target = _is_frequency_target(sentence, a) if f.frequency else _is_target(article, sentence, a, b, indicator)
    if period is None:
        previous = [article.text[x:y] for x, y in ctx.previous]
        period = _period(article, sentence, f, a, b, figures, target, previous, run.recent, li, indicator)
    approx = f.approx if f.low is None else "under"
    value = -f.value if f.kind == "percent" and _falls(sentence, a, b) else f.value  # a fall is a negative change
    # One fact stated twice (a headline and its lead) is one claim; the items of a list, or sentences
    # that name other places (routes), are several.
    names = frozenset(m.key for m in article.entities.mentions(sentence) if m.kind in ("state", "group", "place"))
    key = (indicator, tuple(sorted(subjects)), period, round(value, 6), f.unit, target, names)
    if key in run.seen and not LIST_ITEM.match(sentence):
        return
    run.seen.add(key)
    if not target:
        run.recent.append((li, indicator, period))
    run.claimed[li] = (indicator, f.kind)
    for subj in [*routes[1:], subjects]:  # a frequency holds for every route its clause lists
        run.out.append(article.claim("quantity", ctx.s0, ctx.s1, indicator=indicator, subjects=subj, period=period,
                                     value=value, unit=f.unit, approx=approx, target=target))


def _fact(c: Claim) -> tuple:
    return (c.indicator, tuple(sorted(c.subjects)), round(c.value, 6), c.unit, c.target)


def _dated_over_undated(claims: list[Claim]) -> list[Claim]:
    """A figure the article states once without a time (a headline) and again with one is the dated claim."""
    dated = {_fact(c) for c in claims if c.period}
    return [c for c in claims if c.period or _fact(c) not in dated]


def _period(article, sentence, f, a, b, figures, target, previous, recent, li, indicator) -> str | None:
    """The figure's period from its sentence; else, for a measured figure, the time the sentence before gives its
    indicator, or that of the article's last dated figure of its family.

    News that dates a trade figure once lets the figures after it (each partner's share, a list)
    stand in the same period.
    """
    phrases = time_phrases(sentence, article.published, _year_hint(previous))
    others = [(g.start - (f.start - a), g.end - (f.start - a)) for g in figures if g is not f and not g.is_year]
    if any(i.key == indicator and i.pledged for i in article.profile.indicators):
        # Money handed over ("has provided $5 million") is an act, not a standing state.
        phrases = [p for p in phrases if not (p.kind == "now" and sentence[p.start:p.start + 3].lower() in ("has", "hav"))]
    if target and article.published:  # a pledge's past year is when it was made, not what it is for
        phrases = [p for p in phrases if not (p.period and p.period[:4].isdigit() and int(p.period[:4]) < article.published.year)]
    p = period_for(phrases, a, b, others, _clause(sentence, a), target, sentence)
    if p is not None:
        return p.period
    if target:
        return None
    said_before = previous and not any(line == li - 1 for line, _, _ in recent)
    if said_before and any(_keyword(k).search(previous[0]) for i in article.profile.indicators if i.key == indicator for k in i.keywords):
        dated = {p.period for p in time_phrases(previous[0], article.published, _year_hint(previous[1:])) if p.kind == "point" and p.period}
        if len(dated) == 1:
            return dated.pop()  # "Trade grew in 2024. Kazakhstan came first with …"
    family = TRADE_FAMILY if indicator in TRADE_FAMILY else {indicator}
    for _, ind, period in reversed(recent):
        if ind in family and period:
            return period
    return None
