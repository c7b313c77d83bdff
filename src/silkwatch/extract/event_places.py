"""Event places: where an event word's occasion took place, as pure functions over the article's names.

A place is a city (canonical name) or, when no city is given, a member state's short name. Cities
the profile does not know are learnt from how news introduces them: "in Jalalabad, Kyrgyzstan",
"in Lianyungang, east China's Jiangsu Province".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..link import Mention
from .dates import WEEKDAYS, month_number
from .event_dates import DATELINE, DATELINE_LINES, SHARED, attachment, describes_other, event_words, token_at

__all__ = ["LocalCity", "local_cities", "place_mentions", "event_place", "second_venue", "article_cities",
           "settle_place", "country_of", "dateline_city", "held_in", "PLACE_WINDOW"]

# A place this many characters or fewer from the event word is the event's place ("summit in Xi'an").
PLACE_WINDOW = 60
# A place attached to the event word through its verb may stand this far from it.
FAR_PLACE_WINDOW = 160
# The prepositions that make a named city or country the place of an event ("in Astana", "to Beijing"),
# also when a descriptor stands between ("in the Kazakh capital Astana", "in the city of Osh").
AT_PLACE = re.compile(r"\b(?i:in|at|to|into)\s+(?i:the\s+)?(?:(?:[A-Z][\w'’]*\s+)?(?:capital|city|town|port)\s+(?:of\s+)?)?$")
# A city after "with" is a partner, one after "from" an origin, one joined by a dash a route's end
# ("Dushanbe-Khorog", "Shymkent-Xi'an"): none of them is a venue.
PARTNER = re.compile(r"\b(?:with|and|between|from)\s+(?:the\s+)?$", re.IGNORECASE)
COMPOUND = re.compile(r"\s*[-–]\s*[A-Z]")
COMPOUND_END = re.compile(r"\b[A-Z][\w'’]*\s*[-–]\s*$|\bfrom\s+[A-Z][\w'’-]*\s+to\s+$")
PLACE_OF = re.compile(r"\b(?:city|capital)\s+of\s+$", re.IGNORECASE)
IN_STATE = re.compile(r"\bin\s+(?:the\s+)?(?:Republic\s+of\s+)?$", re.IGNORECASE)
TO_STATE = re.compile(r"\bto\s+(?:the\s+)?(?:Republic\s+of\s+)?$", re.IGNORECASE)
VISIT_STATE = re.compile(r"\bvisit(?:s|ed|ing)?\s+$", re.IGNORECASE)
HELD_IN = re.compile(r"\b(?:was|were|is|are|will be)\s+(?:held|hosted|convened|signed|opened)\s+in\s+(?:the\s+)?([A-Z][\w'’-]+)")
WHERE = re.compile(r",\s+where\b")
# How far a host state may stand from the event word it hosts.
HOST_WINDOW = 40
# A state that hosts the event: "hosted by China", "Kazakhstan will host the summit".
HOSTED_BY = re.compile(r"\bhosted\s+by\s+(?:the\s+)?$", re.IGNORECASE)
HOSTS = re.compile(r"\s+(?:will\s+|would\s+|is\s+to\s+)?host(?:s|ed|ing)?\b", re.IGNORECASE)
# A capital named by its state: "in the capital of Kazakhstan", "in the Kazakh capital" (no name after it).
CAPITAL_OF = re.compile(r"\bcapital\s+of\s+(?:the\s+)?$", re.IGNORECASE)
CAPITAL_AFTER = re.compile(r"\s+capital\b(?!\s*,?\s*[A-Z])")
# "arrived here", "held here on Monday": the place the dateline names.
HERE = re.compile(r"\b(?:arrived|arrives|arriving|held|opened|signed|met|gathered|convened|hosted|took place)\s+here\b")
# "the press conference here": the event word itself placed in the dateline's city.
HERE_AFTER = re.compile(r"\s+here\b")
# A dateline in mixed case with the agency after the day: "Beijing [China], January 24 (ANI):".
AGENCY_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+)?)\s*(?:\[[^\]]*\])?,\s*[A-Z][a-z]+\.?\s+\d{1,2}\s*\([A-Za-z]+\)\s*:")
# Two cities, each the venue of one of the event word's occasions: "met twice, in Xi'an and Beijing".
VENUE_PAIR = re.compile(r"\b(?:in|at)\s+([A-Z][\w'’-]+)\s+and\s+(?:in\s+)?([A-Z][\w'’-]+)")
# The end of a photo caption: the day the photo was taken set off by a comma, where prose would say "on May 19".
CAPTION_DAY = re.compile(r",\s+(?:[A-Z][a-z]+day,\s+)?[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\.?\s*$")
# How far after "in the eastern province of" a state's name is looked for.
PROVINCE_WINDOW = 80
# How news introduces a city a reader may not know: "in <City>, <State>" or "in <City>, east <State>'s <Province>",
# "in <City>(,) in the eastern province of <Province>" (the state named next, else the article's main one).
NEW_CITY = re.compile(
    r"\b(?:in|at)\s+(?P<city>[A-Z][a-z’'-]{2,}(?:\s[A-Z][a-z]{2,})?)(?:,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?"
    r"(?:(?i:north|south|east|west|central|northwest|northeast|southwest|southeast)(?:ern)?\s+)?"
    r"(?:(?P<state>[A-Z][a-z]+)(?=\s*(?:[,.;:)]|\s(?:on|in|from|at)\b|$))"  # "in X, Kyrgyzstan, on Friday"
    r"|(?P<owner>[A-Z][a-z]+)['’]s\s+[A-Z][a-z]+\s+[Pp]rovince|(?P<province>province)\b)")

# "in X — the third-largest city in Kyrgyzstan", "in X, a city of Tajikistan".
DESCRIBED_CITY = re.compile(
    r"\bin\s+(?P<city>[A-Z][a-z’'-]{2,})\s*(?:,|—|–|--)\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:city|town)\s+(?:of|in)\s+"
    r"(?:the\s+)?(?P<state>[A-Z][a-z]+)")

# A proper noun of one or two words, hyphenated or not ("Kara-Balta", "Tang Ming"), for the venue phrases below.
_PROPER = r"[A-Z][a-z’']+(?:-[A-Z][a-z’']+)?(?:\s[A-Z][a-z’']+(?:-[A-Z][a-z’']+)?)?"
# How news names the venue of what it reports even when the reader may not know it: "<event verb> in X",
# "in X on <date>". The verbs are lang/en/patterns/event.toml's venue_verbs; the dates its month and weekday names.
VENUE_IN = r"\b(?:{verbs})\s+in\s+(?P<city>{name})\b(?![-’'])"
VENUE_ON = r"\bin\s+(?P<city>{name})\s+(?:on|this|last)\s+(?:{days})\b"


@dataclass(frozen=True)
class LocalCity:
    """A city the profile does not know, learnt from the article ("in Jalalabad, Kyrgyzstan")."""

    name: str
    country: str


def local_cities(article) -> tuple[LocalCity, ...]:
    """Cities the article introduces with their state ("in X, Kyrgyzstan", "in X, east China's Y Province",
    "in X — the third-largest city in Kyrgyzstan")."""
    found: dict[str, LocalCity] = {}
    for m in DESCRIBED_CITY.finditer(article.text):
        city = m.group("city")
        code = article.entities.state_code(m.group("state"))
        if code in article.profile.members and not article.entities.lookup(city):
            found.setdefault(city, LocalCity(city, code))
    for m in NEW_CITY.finditer(article.text):
        city = m.group("city")
        if city in found or article.entities.lookup(city) or city.split()[-1].lower() in ("province", "region", "city"):
            continue
        if month_number(city.split()[0]) or city.lower() in WEEKDAYS:
            continue  # "In May, China …": a date, not a city
        if m.group("province"):  # "in the eastern province of Jiangsu": the state named next, else the article's main one
            near = [c for c in article.entities.codes_in(article.text[m.end():m.end() + PROVINCE_WINDOW]) if c in article.profile.members]
            code = near[0] if near else _main_state(article)
        else:
            code = article.entities.state_code(m.group("state") or m.group("owner"))
        if code is None or code not in article.profile.members:
            continue
        found[city] = LocalCity(city, code)
    for city in _venues(article):
        if city not in found:
            found[city] = LocalCity(city, _dateline_state(article) or _main_state(article))
    return tuple(c for c in found.values() if c.country)


def _venues(article) -> list[str]:
    """Proper nouns the article names as a venue ("held in X", "in X on Friday", or its dateline's city when the
    story says "in X" too) that are none of the profile's names, nor a date: cities it does not know."""
    cities = [m.group("city") for rx in _venue_patterns() for m in rx.finditer(article.text)]
    here = _dateline_name(article)
    if here and re.search(rf"\bin\s+{re.escape(here)}\b", article.text):
        cities.append(here)  # "JALAL-ABAD, Dec. 27 --" and "in Jalal-Abad": the dateline confirms the city
    out = []
    for city in cities:
        if article.entities.lookup(city) or any(article.entities.lookup(w) for w in re.split(r"[\s-]", city)):
            continue  # a person, body or state ("in Xi on Friday", "held in China Daily")
        if city.split()[-1].lower() in ("province", "region", "city", "district"):
            continue  # "in Shaanxi Province": a region, not the venue's city
        if month_number(city.split()[0]) or city.split()[0].lower() in WEEKDAYS or city.split()[0] in ("The", "This"):
            continue
        out.append(city)
    return list(dict.fromkeys(out))


def _dateline_name(article) -> str | None:
    """The place word of the first dateline as a name is written ("JALAL-ABAD, Dec. 27 --" gives "Jalal-Abad")."""
    for para in article.text.split("\n")[:DATELINE_LINES]:
        dl = DATELINE.match(para)
        if dl is not None:
            head = re.match(r"[A-Z][A-Z'’ -]*[A-Z](?=\s*[,(])", dl.group(0))
            return re.sub(r"[A-Z][A-Z'’]*", lambda w: w.group(0).capitalize(), head.group(0)) if head else None
    return None


@lru_cache(maxsize=1)
def _venue_patterns() -> tuple[re.Pattern[str], ...]:
    from .dates import MONTH_NAMES, WEEKDAY_NAMES
    verbs = "|".join(sorted(event_words("venue_verbs"), key=len, reverse=True))
    return (re.compile(VENUE_IN.format(verbs=verbs, name=_PROPER)),
            re.compile(VENUE_ON.format(name=_PROPER, days=f"{MONTH_NAMES}|{WEEKDAY_NAMES}")))


def _dateline_state(article) -> str | None:
    """The member state a dateline names after its city ("OSH, Kyrgyzstan, May 3 --"), else None."""
    for para in article.text.split("\n")[:DATELINE_LINES]:
        dl = DATELINE.search(para)
        if dl is not None:
            codes = [c for c in article.entities.codes_in(dl.group(0).title()) if c in article.profile.members]
            return codes[0] if codes else None
    return None


def _main_state(article) -> str | None:
    """The member state the article names most often."""
    counts: dict[str, int] = {}
    for m in article.entities.mentions(article.text):
        if m.kind == "state" and m.key in article.profile.members:
            counts[m.key] = counts.get(m.key, 0) + 1
    return max(counts, key=counts.get) if counts else None


def place_mentions(article, text: str, offset: int, local: tuple[LocalCity, ...]) -> list[Mention]:
    """The profile's names in the text, and the article's own cities, as mentions in text order."""
    out = [replace(m, start=m.start + offset, end=m.end + offset) if offset else m for m in _names_in(article.entities, text)]
    for c in local:
        for m in re.finditer(rf"\b{re.escape(c.name)}\b", text):
            s, e = m.start() + offset, m.end() + offset
            if not any(o.start < e and s < o.end for o in out):
                out.append(Mention(s, e, "place", c.name, c.name, "local"))
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=2048)
def _names_in(entities, text: str) -> tuple[Mention, ...]:
    # one sentence is scanned for names once, however many of its event words ask
    return tuple(entities.mentions(text))


def country_of(article, name: str, local: tuple[LocalCity, ...]) -> str | None:
    """The state code of a city the profile or the article knows."""
    place = article.entities.place(name)
    if place is not None:
        return place.country
    return next((c.country for c in local if c.name == name), None)


def _canonical(article, m: Mention) -> str | None:
    if m.kind == "place":
        return m.key
    place = article.entities.place(m.surface)
    return place.name if place else None


def event_place(article, chunk: str, body_from: int, ks: int, ke: int, etype: str, local: tuple[LocalCity, ...],
                base: int = 0) -> str | None:
    """The city (else the member state) an event word is located in: "summit in Xi'an", "the Astana summit",
    "visited Kazakhstan"; not a partner's city ("an agreement with Almaty"). Offsets are within chunk, which
    starts at `base` in the article's text. A place near the word, or further but attached to it (both hang on
    one verb: "the talks will take place today … in Beijing"), is a candidate; the city, then the best attached,
    then the nearest wins."""
    best = None
    word = token_at(article, base + ks, base + ke)
    for m in place_mentions(article, chunk[body_from:], body_from, local):
        dist = ks - m.end if m.end <= ks else m.start - ke
        if dist < -1:
            continue
        where = token_at(article, base + m.start, base + m.end)
        if describes_other(where, word):
            continue  # "the Secretariat, which opened in Xi'an": the place of what the clause describes
        attached_to = attachment(where, word)
        if dist > PLACE_WINDOW and (attached_to < SHARED or dist > FAR_PLACE_WINDOW):
            continue
        before = chunk[:m.start]
        # "the Xi'an summit", "the opening ceremony of the Beijing Games"
        attached = (m.end <= ks and re.fullmatch(r"[\s'’s]*", chunk[m.end:ks]) is not None) or (
            m.start >= ke and re.fullmatch(r"\s+of\s+(?:the\s+)?", chunk[ke:m.start]) is not None)
        if re.match(r"['’]s\b", chunk[m.end:]) and not attached:
            continue  # "China's engagement", "Beijing's policy": the state, not a place
        if m.kind == "place" or (m.kind == "state" and m.how == "capital"):
            if not (attached or AT_PLACE.search(before) or PLACE_OF.search(before) or WHERE.match(chunk, m.end)):
                continue
            name = _canonical(article, m)
        elif m.kind == "state" and m.key in article.profile.members and _capital_named(chunk, m, before):
            # "in the capital of Kazakhstan", "in the Kazakh capital": the state's capital
            name = article.profile.state(m.key).capital
            capital = article.entities.place(name) if name else None
            name = capital.name if capital else name
        elif m.kind == "state" and m.how in ("name", "alias") and m.key in article.profile.members and (
                IN_STATE.search(before) or _hosts(chunk, m, ks, ke)
                or (etype == "state_visit" and (TO_STATE.search(before) or (m.start >= ke and VISIT_STATE.search(before))))):
            state = article.profile.state(m.key)  # also the host: "hosted by China", "Kazakhstan will host the summit"
            name = state.name if state else None
        else:
            continue
        rank = (m.kind == "state" and m.how != "capital" and not _capital_named(chunk, m, before), -attached_to, dist)
        if name and (best is None or rank < best[0]):
            best = (rank, name)
    if best is None and HERE_AFTER.match(chunk, ke):  # "a press conference here on Monday": the dateline's city
        return dateline_city(article, local)
    if best is None:  # "the signing ceremony of the … agreement … was held in Beijing"
        return held_in(article, chunk, ke, local)
    return best[1]


def _hosts(chunk: str, m: Mention, ks: int, ke: int) -> bool:
    """Whether a state is the host of the event word next to it: "the summit will be hosted by China",
    "Kazakhstan will host the next summit"."""
    if m.start >= ke:
        return m.start - ke <= HOST_WINDOW and HOSTED_BY.search(chunk, ke, m.start) is not None
    return ks - m.end <= HOST_WINDOW and HOSTS.match(chunk, m.end) is not None


def _capital_named(chunk: str, m: Mention, before: str) -> bool:
    """Whether a state's mention names its capital without the city's name: "the capital of Kazakhstan",
    "in the Kazakh capital" (not "the Kazakh capital Astana", which names it)."""
    if m.how in ("name", "alias") and CAPITAL_OF.search(before):
        return True
    return m.how == "demonym" and CAPITAL_AFTER.match(chunk, m.end) is not None


def held_in(article, chunk: str, start: int, local: tuple[LocalCity, ...]) -> str | None:
    """The city of "… was held in <City>" after start, when it is a known or introduced city."""
    held = HELD_IN.search(chunk, start)
    if not held:
        return None
    place = article.entities.place(held.group(1))
    if place is not None:
        return place.name
    return next((c.name for c in local if c.name == held.group(1)), None)


def second_venue(article, chunk: str, body_from: int, place: str) -> str | None:
    """The second city of "in Xi'an and Beijing" when the first is the event's place."""
    for m in VENUE_PAIR.finditer(chunk, body_from):
        first, second = article.entities.place(m.group(1)), article.entities.place(m.group(2))
        if first is not None and second is not None and first.name == place and second.name != place:
            return second.name
    return None


def article_cities(article, local: tuple[LocalCity, ...]) -> list[str]:
    """Cities the article names as places outside datelines and photo captions, most mentioned first."""
    counts: dict[str, int] = {}
    for para in article.text.split("\n"):
        if CAPTION_DAY.search(para):
            continue  # "A train departs from a station in Tianjin, May 20, 2025.": a photo's place, not the story's
        dl = DATELINE.match(para)
        for m in place_mentions(article, para[dl.end() if dl else 0:], 0, local):
            if m.kind not in ("place", "state") or (m.kind == "state" and m.how != "capital"):
                continue
            name = _canonical(article, m)
            if name is not None and _located(para[dl.end() if dl else 0:], m.start, m.end, m.how):
                counts[name] = counts.get(name, 0) + 1
    here = dateline_city(article, local)
    if here is not None and HERE.search(article.text):
        # "Xi arrived here on Thursday": the dateline's city is where the story happens
        counts[here] = counts.get(here, 0) + len(HERE.findall(article.text))
    return sorted(counts, key=lambda c: -counts[c])


def dateline_city(article, local: tuple[LocalCity, ...]) -> str | None:
    """The city of the first dateline ("DUSHANBE, July 4 (Xinhua) --"), when the profile or article knows it."""
    for para in article.text.split("\n")[:6]:
        dl = DATELINE.search(para) or AGENCY_DATELINE.match(para)
        if dl is None:
            continue
        for m in place_mentions(article, dl.group(0).title(), 0, local):
            if m.kind == "place" or (m.kind == "state" and m.how == "capital"):
                return _canonical(article, m)
        return None
    return None


def _located(text: str, at: int, end: int, how: str) -> bool:
    """A capital stands for its government ("Beijing's policy") unless a preposition makes it a place; a city
    that is a partner ("an agreement with Almaty"), an origin, an owner ("Almaty's mayor") or part of a compound
    ("the Dushanbe-Khorog road") is no venue."""
    if PARTNER.search(text, 0, at) or COMPOUND.match(text, end) or COMPOUND_END.search(text, 0, at) or re.match(r"['’]s\b", text[end:]):
        return False
    return how != "capital" or AT_PLACE.search(text[:at]) is not None or _facility(text, end)


def _facility(text: str, end: int) -> bool:
    """Whether a city names a facility in it ("the Dushanbe International Airport"), which places what happens there."""
    words = re.findall(r"[A-Z][\w'’]*", text[end:end + 40])[:3]
    return any(w.lower() in event_words("facilities") for w in words) and re.match(r"\s+[A-Z]", text[end:]) is not None


def settle_place(article, place: str | None, cities: list[str], local: tuple[LocalCity, ...]) -> str | None:
    """A country or no place is narrowed to the city the article says things happened in, when it names one."""
    if place is None:
        return cities[0] if cities else None
    state = next((s for s in article.profile.states if s.name == place), None)
    if state:
        in_state = [c for c in cities if country_of(article, c, local) == state.code]
        return in_state[0] if in_state else place
    return place
