"""Role claims: a person's office as the article states it (GUIDELINES.md § role)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import language_words
from ..records import Claim
from .mentions import person_mentions

__all__ = ["extract"]

# How far before or after a name a title may stand ("Kazakh Deputy Prime Minister and Foreign Minister X").
TITLE_WINDOW = 130


@lru_cache(maxsize=8)
def _role_pattern(roles: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    surface = {}
    for canonical, words in roles:
        for w in words or (canonical,):  # the listed surfaces: "head" only as "head of …"
            surface[w.lower()] = canonical
    alts = "|".join(_surface_regex(w) for w in sorted(surface, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE), surface


def _surface_regex(words: str) -> str:
    """A title's words with any spacing; "the" may take a capitalised word ("assistant to the Kazakh president")."""
    out = re.escape(words).replace(r"\ ", r"[\s-]+").replace("'", "['’]")
    if " the " in words:
        out = out.replace(r"the[\s-]+", r"the\s+(?:(?-i:[A-Z])[\w'’-]*\s+)?")
    return out


def _canonical_role(surface: dict[str, str], words: str) -> str:
    key = re.sub(r"[\s-]+", " ", words.lower()).replace("’", "'")
    if key in surface:
        return surface[key]
    parts = key.split()
    for i in range(1, len(parts)):  # the word a title took after "the"
        if parts[i - 1] == "the" and (k := " ".join(parts[:i] + parts[i + 1:])) in surface:
            return surface[k]
    return key



@lru_cache(maxsize=8)
def _left_pattern(role_words: frozenset[str]) -> re.Pattern[str]:
    """A title phrase right before a name: capitalised words, the profile's role words, "of", "and"."""
    words = "|".join(sorted(map(re.escape, role_words | {"of", "the", "and", "for", "to"}), key=len, reverse=True))
    return re.compile(rf"((?:(?:[A-Z][\w'’.-]*|(?:{words})|[–—])\s+){{1,20}})$")  # (a dash joins two titles: "Deputy Prime Minister – Minister of …")
# An apposition right after a name: ", China's foreign minister," / ", the Kazakh president" / " of Kazakhstan".
RIGHT = re.compile(r"^(?:['’]s)?\s*,\s*((?:the\s+|an?\s+)?(?:[A-Z][\w'’.-]*\s+|[\w'’-]+\s+){0,16}?[\w'’-]+)\s*(?=[,.;)]|\s+(?:and|who|said|told|has|had|was|is)\b)")
# The whole apposition after a name, to the next comma or the end of the sentence.
APPOSITION = re.compile(r"^(?:['’]s)?\s*,\s*((?:[^,;()\n.]|\.(?=\S)|\b[A-Z]\.)+?)\s*(?=[,;)\n]|\.\s|\.$|$)")
# Words that make an apposition a clause ("…, who was president"), not a title.
CLAUSE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "WP", "WDT"})
VENUE_BEFORE = re.compile(r"\b(?:in|at|to|from|into|via)\s+(?:the\s+)?$", re.IGNORECASE)
# A title after "<title> of the X under/of the": inside the complement of the first title, not the person's.
PREPOSITION_GAP = re.compile(r"\b(?:under|at|of|in|for|to|with|from|by)\s+(?:the\s+)?\Z", re.IGNORECASE)
# An honorific between a title and a name, in news from official sources.
HONORIFIC_TAIL = re.compile(r"\b(?:honou?rable|his\s+excellency|her\s+excellency|h\.\s?e\.|mr\.|mrs\.|ms\.|dr\.)\s+$", re.IGNORECASE)
# A line break that wraps a sentence: the next line goes on in lower case.
SOFT_WRAP = re.compile(r"[ \t]*\n[ \t]*(?=[a-z])")
HARD_BREAK = re.compile(r"\n(?![ \t]*[a-z])")
OF_STATE = re.compile(r"^\s+of\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


def extract(article) -> list[Claim]:
    """Every (person, role) the article states, once each."""
    roles = tuple((k, tuple(v)) for k, v in article.profile.roles.items())
    pattern, surface = _role_pattern(roles)
    # A title before a name: the profile's title words and the fields of offices ("deputy minister of energy and water resources").
    title_words = frozenset(w for phrase in surface for w in re.split(r"[\s-]+", phrase) if w) | frozenset(language_words("en", "office_fields"))
    left_pattern = _left_pattern(title_words)
    text = article.text
    seen: dict[tuple[str, str], Claim] = {}
    for m in person_mentions(article):
        if len(m.name.split()) < 2 and not m.known:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        left_text = text[max(line_start, m.start - TITLE_WINDOW): m.start]
        # The title phrase starts after the previous person's name ("…, Turkmen President A and Uzbek President B").
        prev_end = max((o.end for o in person_mentions(article) if o.end <= m.start and o.start >= m.start - TITLE_WINDOW and (o.known or len(o.name.split()) > 1)), default=None)
        if prev_end is not None:
            left_text = text[prev_end: m.start]
        # "…, President of Tajikistan, Honorable Emomali Rahmon": the honorific is neither title nor name.
        hon = HONORIFIC_TAIL.search(left_text)
        shift = len(hon.group(0)) if hon else 0
        left_text = _own_title(pattern, left_text[:hon.start()] if hon else left_text)
        lm = left_pattern.search(left_text)
        phrases = []
        if lm:
            phrases.append((lm.group(1), m.start - shift - len(lm.group(1))))
        elif left_text.endswith(", ") and re.match(r"(?:['’]s)?\s*,", text[m.end: m.end + 3]) and not (
            prev_end is not None and re.match(r"\s*,", text[prev_end: m.start])
        ):
            # (not in a list "A, <title>, B, <title>": there the title set off by commas is A's apposition)
            # "China's ambassador to France, Lu Shaye, said": a title set off by commas before the name.
            lm = left_pattern.search(_own_title(pattern, left_text[:-2] + " "))
            if lm and _ends_in_title(pattern, lm.group(1).strip()):
                phrases.append((lm.group(1), m.start - shift - 2 - len(lm.group(1))))
        line_end = _paragraph_end(text, m.end)
        # A line break inside a hard-wrapped paragraph ("the Minister\nof Energy") is a space (same length).
        after = SOFT_WRAP.sub(lambda w: " " * len(w.group(0)), text[m.end: min(m.end + 2 * TITLE_WINDOW, line_end)])
        apposition = _apposition(article, pattern, m, after)
        if apposition:
            phrases.append(apposition)
        of_state = OF_STATE.match(after)
        for phrase, at in phrases:
            country = _country(article, phrase, of_state.group(1) if of_state else None, m.country) or _sentence_state(article, m.start)
            for r in _roles_in(pattern, surface, phrase):
                role, org = _office(article, m.name, r), None
                if "secretariat" in phrase.lower() or r == "executive director":
                    org = _org(article, phrase)
                fellow_org = _org(article, phrase) if "fellow" in r else None
                org = org or fellow_org
                key = (m.name, role)
                if key in seen:
                    continue
                start = min(at, m.start)
                end = max(m.end, at + len(phrase))
                sent_end = _sentence_end(text, end)
                seen[key] = article.claim(
                    "role", _sentence_start(text, start), sent_end, person=m.name, role=role,
                    country=None if org else country, org=org,
                )
    return list(seen.values())


def _paragraph_end(text: str, at: int) -> int:
    """The end of the line at `at`, read past line breaks that only wrap a sentence (a lower-case word follows)."""
    m = HARD_BREAK.search(text, at)
    return m.start() if m else len(text)


def _apposition(article, pattern: re.Pattern[str], m, after: str) -> tuple[str, int] | None:
    """The title in apposition after a name (", China's foreign minister,"), with where it starts.

    The whole stretch to the next comma is read when it ends in a title; a stretch that names
    another person ("X, Turkmen Deputy Prime Minister and Foreign Minister Y") is that person's title.
    """
    am = APPOSITION.match(after)
    if not am:
        return None
    start, end = m.end + am.start(1), m.end + am.end(1)
    initials = re.search(r"\b[A-Z][a-z]?(?:\.[A-Z][a-z]?)*$", am.group(1))  # "…, President of X S.N. Japarov": the next name's initials
    if any((start <= o.start < end or initials and end <= o.start <= end + 4)
           and (o.known or len(o.name.split()) > 1) for o in person_mentions(article)):
        return None
    span = article.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and any(t.tag_ in CLAUSE_TAGS for t in span):
        return None
    first = pattern.search(am.group(1))
    lead = article.doc.char_span(start, start + first.start(), alignment_mode="contract") if first else None
    if lead is not None and any(t.tag_ == "NNS" for t in lead):
        return None  # ", ambassadors of five states and the director of …": a list of others, not this person's title
    if _ends_in_title(pattern, am.group(1)):
        return am.group(1), start
    rm = RIGHT.match(after)
    if rm and rm.end(1) <= am.end(1) and _ends_in_title(pattern, rm.group(1)):
        return rm.group(1), m.end + rm.start(1)
    return None


def _sentence_state(article, at: int) -> str | None:
    """The state named nearest before a position in its sentence, not as a place."""
    states = article.notes.get("role_states")
    if states is None:
        states = []
        for mention in article.entities.mentions(article.text):
            if mention.kind == "state":
                states.append((mention.start, mention.key))
            elif mention.kind == "place":
                states.extend((mention.start, c) for c in article.entities.codes_in(mention.surface)[:1])
        article.notes["role_states"] = states
    lo, hi = _sentence_start(article.text, at), _sentence_end(article.text, at)
    # A state or city that is where something happens ("… in Tashkent") is not the office's.
    named = [(s, code) for s, code in states if lo <= s < hi and not VENUE_BEFORE.search(article.text, max(lo, s - 12), s)]
    # Only before the name: a state after it is mostly a partner or a place ("… the deficit with China").
    before = [code for s, code in named if s < at]
    return before[-1] if before else None


def _own_title(pattern: re.Pattern[str], left: str) -> str:
    """Drop the leading pieces of a title phrase that name no office ("of Uzbekistan and President …")."""
    pieces = re.split(r"(,\s*|\s+and\s+)", left)
    keep = len(pieces)
    for i in range(len(pieces) - 1, -1, -2):
        if pattern.search(pieces[i]) or i == len(pieces) - 1:
            keep = i
        else:
            break
    return "".join(pieces[keep:])


def _ends_in_title(pattern: re.Pattern[str], phrase: str) -> bool:
    """An apposition names an office when it ends in one ("…, China's foreign minister"), perhaps "of <body>"."""
    last = None
    for last in pattern.finditer(phrase):
        pass
    if last is None:
        return False
    if re.search(r"\s(?:of|at|for|to)$", last.group(0), re.IGNORECASE):
        return True  # a title that takes its body with it ("head of the chamber's transport committee")
    return re.fullmatch(r"(?:\s+(?:of|at|for|to|from)\s+.*)?", phrase[last.end():], re.DOTALL) is not None


def _office(article, name: str, role: str) -> str:
    """A bare title the profile knows more fully for this person ("spokesperson" → "foreign ministry spokesperson")."""
    person = article.entities.person_by_name(name)
    for office in person.offices if person else ():
        if office.role != role and office.role.endswith(" " + role):
            return office.role
    return role


def _roles_in(pattern: re.Pattern[str], surface: dict[str, str], phrase: str) -> list[str]:
    """The titles a phrase gives its person: those coordinated with the first, not a title inside the
    name of the body it belongs to ("director of the Institute under the President of …")."""
    out, last = [], None
    for rm in pattern.finditer(phrase):
        if last is not None and PREPOSITION_GAP.search(phrase, last, rm.start()):
            break
        last = rm.end()
        r = _canonical_role(surface, rm.group(0))
        # "spokesperson" after "Foreign Ministry" is the ministry's spokesperson.
        if r == "spokesperson" and re.search(r"foreign\s+ministry\s+$", phrase[: rm.start()], re.IGNORECASE):
            r = "foreign ministry spokesperson"
        if r not in out:
            out.append(r)
    return out


def _country(article, phrase: str, of_state: str | None, default: str | None) -> str | None:
    """The state nearest the name in its title phrase, else "of <state>" after it, else the person's own."""
    # "Ambassador of Kazakhstan to China": the state after "to" is where the office is held, not whose it is.
    # A demonym after "to the" still qualifies the title ("assistant to the Kazakh president").
    states = [m.key for m in article.entities.mentions(phrase) if m.kind == "state"
              and (m.how == "demonym" or not re.search(r"\bto\s+(?:the\s+)?$", phrase[: m.start]))]
    if states:
        return states[-1]
    states = [m.key for m in article.entities.mentions(of_state or "") if m.kind == "state"]
    return states[0] if states else default


def _org(article, phrase: str) -> str | None:
    for mention in article.entities.mentions(phrase):
        if mention.kind == "institution":
            return mention.key
    m = re.search(r"(?:of|at)\s+(?:the\s+)?((?:[A-Z][\w-]*\s*)+)", phrase)
    return m.group(1).strip() if m else None


def _sentence_start(text: str, i: int) -> int:
    j = max(text.rfind(". ", 0, i), text.rfind("\n", 0, i))
    return j + (2 if text[j: j + 2] == ". " else 1) if j >= 0 else 0


def _sentence_end(text: str, i: int) -> int:
    cands = [k for k in (text.find(". ", i), text.find("\n", i)) if k >= 0]
    return min(cands) + 1 if cands else len(text)
