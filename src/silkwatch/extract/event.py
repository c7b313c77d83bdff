"""Event claims: meetings and occasions with type, place, dates and participants, one per event per article.

Cues (the profile's event keywords, the patterns of lang/en/patterns/event.toml) -> kept types -> EventMention
records with their dates (event_dates) and places (event_places) -> merged Events (event_merge) -> settled
places and days -> claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..records import Claim
from .dates import NUMBER_WORDS, month_number
from .event_dates import DATELINE, date_choice, event_words, ordinal_words, lead_date, paragraph_dates, parse_dates, token_at
from .event_merge import Event, EventMention, dates_agree, first_day, last_day, merge, named_pair, same_event, told_apart
from .event_places import article_cities, event_place, held_in, local_cities, second_venue, settle_place
from .model import load_model
from .patterns import pattern_set

__all__ = ["extract", "parse_dates"]

# Sentences shorter than this many tokens are fragments whose context is the rest of the paragraph.
SHORT_SENTENCE = 12
# An event dated this many days or fewer from the story's news is the story's, in the story's city.
STORY_DAYS = 14
# Event types that, named without any party ("documents were signed"), are the story's parties' events.
PARTIES_OF_STORY = {"signing", "ceremony", "other"}
# Event types whose place, when a sentence does not give it, is the city the article is about.
PLACED_TYPES = {"summit", "state_visit", "talks", "ministerial_meeting", "signing", "ceremony"}
# "…, when he visited": the clause that dates what comes before it.
WHEN = re.compile(r"\bwhen\s+(?:\w+\s+){1,2}$", re.IGNORECASE)
MECHANISM_OF = re.compile(r"\b(?:mechanism|format|platform)\s+(?:for|of)\s+(?:the\s+)?[\w+'’ -]{0,40}$", re.IGNORECASE)
MECHANISM_AFTER = re.compile(r"\s+(?:mechanism|format)\b", re.IGNORECASE)
GATHERING_OF = re.compile(r"\s+of\b", re.IGNORECASE)
AFTER_EVENT = re.compile(r"\s*(?:After|Following)\s+(?:the|their|this|that)\s+(?:\w+\s+){0,2}?(?:meeting|talks|summit|session|ceremony|event),", re.IGNORECASE)
# Event types an "after the meeting" can follow: a visit, a signing or a founding is not a meeting.
MET = {"summit", "ministerial_meeting", "talks", "forum", "ceremony"}
TITLE_BEFORE = re.compile(r"(?:(?!The\s)[A-Z0-9][\w'’-]*\s+)*$")
# "Not long ago, the leaders attended …": an event the story looks back on, undated, not of the story's day or city.
RECALLED = re.compile(r"\b(?:not long ago|recently|some time ago)\b", re.IGNORECASE)
# "a year after the launch of the summit": an event the story's own is dated from, that many years or months earlier.
PERIOD_AFTER = re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>year|month)s?\s+after\s+"
                          r"(?:the\s+)?(?:[\w'’-]+\s+){0,6}$", re.IGNORECASE)
# What stands between a founding word and the event it names: "the launch of the China-Central Asia Summit".
OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,5}$")
NAME_WORDS = re.compile(r"\s*(?:[A-Z][\w'’-]*\s+){0,5}$")
# The words that make an event the time of another act: "ahead of the summit", "prior to the talks".
TIMING = {"before", "ahead", "prior", "eve"}
# Words that mark another event of a series ("the next summit", "the previous meeting"); not "upcoming",
# which previews call the very event they report.
SEQUELS = {"next", "previous"}
COPULAS = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}
# Where a parsed sentence is cut for events: a blank line, or a line break before a dateline ("\nALMATY, April 26 --").
SEGMENT_BREAK = re.compile(r"\n\s*\n|\n(?=[A-Z][A-Z' .-]+(?:,\s*[A-Z0-9][\w .]+){0,3}\s*(?:\([^)]*\))?\s*(?:--|—|–|:))")
# The label suffix of a pattern whose match names no event, only the occasion of others (lang/en/patterns/event.toml).
OCCASION = "_occasion"
# How far up the parse an occasion's word may hang below the event word ("met … on the sidelines of the 22nd meeting
# of the Council of Heads of State").
OCCASION_HOPS = 8
# "the 22nd meeting", "the 3rd forum": an ordinal in figures (the words are in lang/en/patterns/event.toml).
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# What is signed in a signing: a document, not "a signed article" or "a letter signed by".
# A plural ("agreements", "20 documents") is the batch a visit signs, however it is worded; a singular is its own.
DOCUMENTS = {
    "agreement": "agreement", "agreements": "batch", "memorandum": "memorandum", "memoranda": "batch",
    "memorandums": "batch", "mou": "memorandum", "mous": "batch", "declaration": "declaration",
    "declarations": "batch", "statement": "statement", "document": "document", "documents": "batch",
    "paper": "document", "papers": "batch", "treaty": "treaty", "treaties": "batch", "contract": "contract",
    "contracts": "batch", "accord": "accord", "accords": "batch", "deal": "deal", "deals": "batch",
    "protocol": "protocol", "protocols": "batch", "roadmap": "roadmap", "charter": "charter", "communique": "communique",
}
DOCUMENT_WINDOW = 80
# "the document", "this agreement": a document named before, which tells no signing apart.
ANAPHORIC = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
ANY_DOCUMENT = ""
# How far back a document named before is looked for ("… adopted the Xi'an Declaration. The document was signed by …").
REFERRED_WINDOW = 400
# "a two-day summit", "the three-day state visit": how many days an event lasts.
N_DAYS = re.compile(r"\b(two|three|four|five|2|3|4|5)[- ]days?\b(?!\s+(?:ago|later|before|after|earlier))", re.IGNORECASE)
ENDED = re.compile(r"\b(?:closed|concluded|ended|wrapped up|wraps up|came to an end|final day|last day|closing day)\b", re.IGNORECASE)
BEGUN = re.compile(r"\b(?:open(?:s|ed)?|kick(?:s|ed)? off|begin(?:s)?|began|start(?:s|ed)?|arriv(?:e|es|ed))\b", re.IGNORECASE)
# "the two-day meeting" said anywhere in the story is its gathering's length.
N_DAY_GATHERING = re.compile(r"\b(two|three|four|five|2|3|4|5)-day\s+(?:summit|meeting|gathering|conference|forum|session)\b", re.IGNORECASE)
GATHERINGS = {"summit", "ministerial_meeting", "forum"}
# The events others happen during: a signing or talks said with a summit or a visit take place where it does.
HOSTING = GATHERINGS | {"state_visit"}
ONLINE = re.compile(r"\b(?:video|virtual|online|videoconference|video link)\b", re.IGNORECASE)
# What a one-word founding keyword ("established", "launch", "proposed") may found: a body or an
# initiative, named (a proper noun) or one of these; never ties, routes or flights (not events).
INSTITUTIONS = {"mechanism", "platform", "secretariat", "initiative", "institute", "workshop", "format", "forum",
                "council", "commission", "fund", "centre", "center", "dialogue", "organization", "organisation", "belt"}
NOT_FOUNDED = {"relation", "relations", "tie", "ties", "route", "routes", "flight", "flights", "service", "partnership",
               "project", "projects", "invasion", "date", "dates", "venture", "ventures"}
# Governors that make an event hypothetical: "are expected to be signed", "could sign", "may be signed".
HEDGES = frozenset({"expect", "expected", "expects", "likely", "may", "might", "could", "would", "hope", "hoped", "plan", "planned",
          "possible", "possibly"})
# Words of readiness that make a founding a promise: "is willing to establish", "stands ready to set up".
WILLING = frozenset({"willing", "ready", "prepared"})


@dataclass(frozen=True)
class Cue:
    """An event word of a sentence: where it is (offsets within the sentence), its words and the event type it names."""

    start: int
    end: int
    text: str
    etype: str
    occasion: bool = False  # names no event of its own, only the one others in its sentence happened at


def _pattern_cues(article) -> list[tuple[int, int, str]]:
    """The event patterns' matches in the article (lang/en/patterns/event.toml), as (start, end, type) in the text."""
    doc = article.doc
    out = []
    for m in pattern_set(load_model(), "en", "event", article.profile).find(doc):
        if m.anchors:  # a dependency pattern: its first node is the event word, the others only qualify it
            i = m.anchors[0][1]
            out.append((doc[i].idx, doc[i].idx + len(doc[i]), m.label))
        else:
            out.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), m.label))
    return out


def _cues(article, sent, body_from: int, matches: list[tuple[int, int, str]]) -> list[Cue]:
    """The sentence's event words after its dateline: the profile's event keywords and the event patterns' matches,
    the longer of two that overlap."""
    s0, chunk = sent.start_char, article.text[sent.start_char:sent.end_char]
    pattern, words = _keyword_pattern(article.profile.event_types)
    cues = [Cue(m.start(), m.end(), m.group(0), etype) for m in pattern.finditer(chunk, body_from)
            if (etype := _type_of(m.group(0), words)) is not None]
    cues += [Cue(s - s0, e - s0, article.text[s:e], label.removesuffix(OCCASION), label.endswith(OCCASION))
             for s, e, label in matches if s0 + body_from <= s and e <= sent.end_char]
    out: list[Cue] = []
    for c in sorted(cues, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(o.start < c.end and c.start < o.end for o in out):
            out.append(c)
    return sorted(out, key=lambda c: c.start)


@lru_cache(maxsize=8)
def _keyword_pattern(event_types: tuple) -> tuple[re.Pattern[str], dict[str, str]]:
    words = {}
    for et in event_types:
        for k in et.keywords:
            words[k.lower()] = et.key
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]?") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE), words


def extract(article) -> list[Claim]:
    """One claim per distinct event the article reports: mentions of one type are one event unless
    their places, their dates or (for signings) the documents signed tell them apart."""
    local = local_cities(article)
    events = _gather(_mentions(article, local))
    # "met Tokayev ahead of the summit": a time reference to an event the story does not otherwise tell
    # unless its own date hangs on it ("to prepare next year's summit"): a future event of its own
    events = [e for e in events if not (e.timed and e.place is None and not (e.firm_date and e.start))]
    lead = lead_date(article)
    events = _follow_hosts(_settle(article, _along(events), article_cities(article, local), lead, local))
    if lead is None:  # with a lead, an undated event of the story takes the lead's day (below)
        events = _date_by_host(events)
    out = []
    for ev in _ceremonial_foundings(_gather(events), lead):  # "a summit in Kazakhstan" settled in Astana is the Astana summit
        where = article.entities.place(ev.place) if ev.place else None
        if where is not None and where.country not in article.profile.members:
            continue  # a meeting abroad (a G7 summit in Hiroshima) is not the mechanism's
        start, end = first_day(ev), last_day(ev)
        if start is None and lead is not None and not ev.recalled and not ev.timed:
            start, end = lead, lead  # "on Friday" said of the story in its lead, not of this mention
        start, end = _span_days(article, ev, start, end)
        out.append(article.claim(
            "event", *ev.span, event_type=ev.etype, name=ev.title or ev.name, location=ev.place,
            start=start, end=end, participants=tuple(sorted(ev.parts)),
        ))
    return out


def _ceremonial_foundings(events: list[Event], lead: str | None) -> list[Event]:
    """A body launched at a ceremony of the same day and place ("launched the secretariat during a ceremony in
    Xi'an") is reported as that ceremony: the founding is not a second event of the story."""
    def day(e: Event) -> str | None:  # an undated event of the story happened on the lead's day
        return e.start or (lead if not (e.recalled or e.timed) else None)
    held = {(e.place, day(e)) for e in events if e.etype == "ceremony" and e.place and day(e)}
    return [e for e in events if not (e.etype == "other" and e.place and day(e) and (e.place, day(e)) in held)]


def _gather(mentions: list[EventMention]) -> list[Event]:
    """Mentions (or events) of one event merged into one, in order of first mention."""
    events: list[Event] = []
    for m in mentions:
        i = next((i for i, e in enumerate(events) if same_event(e, m)), None)
        if i is None:
            events.append(Event.of(m))
        else:
            events[i] = merge(events[i], m)
    return events


def _along(events: list[Event]) -> list[Event]:
    """"During the summit, Xi will hold separate meetings": a placed type without a place takes the place of
    an event of the same days its sentences name."""
    out = []
    for ev in events:
        if ev.place is None and not ev.online and ev.etype in PLACED_TYPES:
            place = next((e.place for e in events if e.place and e.etype in ev.along and not e.online and not e.sequel
                          and dates_agree(e.start, ev.start)), None)
            ev = replace(ev, place=place)
        out.append(ev)
    return out


def _settle(article, events: list[Event], cities: list[str], lead: str | None, local) -> list[Event]:
    """Give the story's events without a city the city of the gathering or visit they are said with, else the
    city the article says things happened in; gatherings and visits first, so the others can follow them."""
    events = list(events)
    for i in sorted(range(len(events)), key=lambda i: events[i].etype not in HOSTING):
        ev = events[i]
        settle = ev.etype in PLACED_TYPES and not ev.online and not ev.recalled and _of_the_story(article, ev, lead)
        place = ev.place
        if settle and place is None and ev.etype not in HOSTING:
            # "the summit concluded with the signing of a treaty": the signing was where the summit was; else
            # where the story's one gathering or visit of its days was ("summit talks" during a visit to China)
            place = next((e.place for e in events if e.place and e.etype in ev.along and e.etype in HOSTING
                          and not e.online and dates_agree(e.start, ev.start)), None)
            story = {e.place for e in events if e.place and e.etype in HOSTING and not e.online and not e.recalled
                     and _of_the_story(article, e, lead) and dates_agree(e.start, ev.start)}
            place = place or (story.pop() if len(story) == 1 else None)
        # a city another event of its kind took place in ("the first summit, held in Xi'an") comes last
        taken = {e.place for e in events if e is not ev and e.etype == ev.etype and e.place and told_apart(e, ev)}
        # the city of the story's gathering or visit of the same days comes first for what happens around it
        hosting = {e.place for e in events if ev.etype not in HOSTING and e.etype in HOSTING and e.place
                   and not e.online and not e.recalled and dates_agree(e.start, ev.start)}
        ranked = sorted(cities, key=lambda c: (c in taken, c not in hosting)) if settle else []
        events[i] = replace(ev, place=settle_place(article, place, ranked, local))
    return events


def _date_by_host(events: list[Event]) -> list[Event]:
    """"The six countries signed the treaty" in a story of the Astana summit: an undated signing, ceremony or
    talks in the city of the story's one dated gathering or visit happened on its first day."""
    out = []
    for ev in events:
        if ev.start is None and ev.place and ev.etype in PLACED_TYPES - HOSTING and not ev.recalled and not ev.online:
            hosts = [e for e in events if e.etype in HOSTING and e.place == ev.place and e.start and len(e.start) == 10]
            if len({e.start for e in hosts}) == 1:
                ev = replace(ev, start=hosts[0].start, end=hosts[0].start)
        out.append(ev)
    return out


def _follow_hosts(events: list[Event]) -> list[Event]:
    """"The mechanism was established at the summit", "documents were signed during the visit": an event without
    a place takes the place of the occasion it happened at; a founding also its month."""
    out = []
    for ev in events:
        if ev.place is None and not ev.online:
            host = next((e for e in events if e.place and e.etype in ev.hosts and not e.online and not e.sequel
                         and dates_agree(e.start, ev.start)), None)
            if host is not None:
                ev = replace(ev, place=host.place)
                if ev.etype == "other" and not ev.start and host.start:
                    ev = replace(ev, start=host.start[:7], end=None)
        out.append(ev)
    return out


def _mentions(article, local) -> list[EventMention]:
    """Every event word of the article with its type, place, dates, participants and (signings) document."""
    out: list[EventMention] = []
    matches = _pattern_cues(article)
    for sent in _segments(article):
        chunk = article.text[sent.start_char:sent.end_char]
        dl = DATELINE.match(chunk)
        body_from = dl.end() if dl else 0
        found = _sentence_cues(article, sent, body_from, matches)
        kept = [None if cue.occasion else _kept_type(article, sent, found, i) for i, cue in enumerate(found)]
        # the event words of the sentence that name an event (or its occasion), for telling what happened with what
        named = [replace(c, etype=t) if t else c for c, t in zip(found, kept) if t or c.occasion]
        for cue, etype in zip(found, kept):
            mention = _mention(article, sent, body_from, named, replace(cue, etype=etype), out, local) if etype else None
            if mention is None:
                continue
            out.append(mention)
            other_place = second_venue(article, chunk, body_from, mention.place) if mention.place else None
            if other_place:  # "met twice, in Xi'an and Beijing": one meeting in each
                out.append(replace(mention, place=other_place, said_at=other_place))
    return _share_when(article.text, out)


def _segments(article):
    """The sentences of the article, each cut at its paragraph breaks and before a dateline: a headline the
    parser glued to the lead ("Ministers prepare summit | ALMATY, April 26 -- …") is a sentence of its own, while
    a line wrapped inside a sentence is not cut."""
    text, doc = article.text, article.doc
    for sent in doc.sents:
        chunk, s0 = text[sent.start_char:sent.end_char], sent.start_char
        cuts = [0, *(m.end() for m in SEGMENT_BREAK.finditer(chunk)), len(chunk)]
        for a, b in zip(cuts, cuts[1:]):
            if chunk[a:b].strip():
                span = doc.char_span(s0 + a, s0 + b, alignment_mode="expand")
                if span is not None and len(span):
                    yield span


def _sentence_cues(article, sent, body_from: int, matches) -> list[Cue]:
    """The sentence's event words; of founding words, those that found something."""
    s0 = sent.start_char
    # "launched flights", "the Establishment of a … Partnership": one founding word that founds nothing counted;
    # a founding phrase counts as it is unless it is a phrasal verb ("set up"), which founds only what it names
    return [m for m in _cues(article, sent, body_from, matches) if m.etype != "other"
            or (" " in m.text.strip() and _norm(m.text) not in article.profile.words("founding_phrasal_verbs"))
            or _founded(article, s0 + m.start, s0 + m.end)]


def _kept_type(article, sent, found: list[Cue], i: int) -> str | None:
    """The type of event a cue names in its sentence, or None when it names none of its own."""
    m, s0 = found[i], sent.start_char
    chunk = article.text[s0:sent.end_char]
    a, b = s0 + m.start, s0 + m.end
    etype = m.etype
    if etype == "other" and _hedged(article, a, b, HEDGES | WILLING):
        return None  # "China is willing to establish a mechanism": a promise, not a founding
    if etype == "other" and _titles_document(article, a, b):
        return None  # "a memorandum on the establishment of a centre": what a document is about
    if etype == "talks" and _predicate(article, a, b):
        return None  # "the summit will be the first meeting between …": says what another event is
    if etype == "other" and i + 1 < len(found) and found[i + 1].etype not in (None, "other") \
            and (OF_NAME.fullmatch(chunk, m.end, found[i + 1].start)
                 or (" of " in m.text.lower() and NAME_WORDS.fullmatch(chunk, m.end, found[i + 1].start))):
        return None  # "the launch of the China-Central Asia Summit": the summit is the event, not a founding
    if etype == "other" and _launches_work(article, a, b):
        etype = "ceremony"
    if etype == "talks":
        etype = _gathering_of_peers(article, a, b) or etype
    if etype != "other" and i + 1 < len(found) and not chunk[m.end:found[i + 1].start].strip():
        return None  # a modifier of the next event word ("summit talks"): that word names the event
    if etype != "other" and (MECHANISM_OF.search(chunk, 0, m.start) or MECHANISM_AFTER.match(chunk, m.end)):
        return None  # "the mechanism for the foreign ministers' meeting": the format, not a meeting
    if etype == "talks" and GATHERING_OF.match(chunk, m.end):
        return None  # "a meeting of the SCO", "a meeting of Central Asian leaders": a body's gathering, not talks
    if etype == "signing" and (_hedged(article, a, b) or _signed_document(chunk, m.start, m.end) is None):
        return None  # "agreements are expected to be signed", "a signed article": no signing (yet)
    if etype == "signing" and _tallied(article, a, b):
        return None  # "have signed more than 100 agreements since 2023": a count over a period, not one act
    return etype


def _mention(article, sent, body_from: int, found: list[Cue], m: Cue, before: list[EventMention],
             local) -> EventMention | None:
    """The mention a kept cue makes, with its place, dates and parties; None when no member state takes part."""
    etype = m.etype
    text, s0, s1 = article.text, sent.start_char, sent.end_char
    chunk, a, b = text[s0:s1], s0 + m.start, s0 + m.end
    # "was held in Beijing, with … via video link": the event had a place
    online = bool(ONLINE.search(chunk)) and held_in(article, chunk, 0, local) is None
    # "met in Astana on Monday ahead of the summit": the place and day before the word are the act's it times
    prepared_from = _prepared(chunk, m.start)  # "prepare the Astana summit": its own phrase still places it
    timed = _timed_by(article, a, b) or prepared_from is not None
    own_from = prepared_from if prepared_from is not None else _phrase_start(article, a, b) - s0 if timed else body_from
    place = None if online else event_place(article, chunk, own_from, m.start, m.end, etype, local, s0)
    if place is None and not online and before and AFTER_EVENT.match(chunk, body_from):
        # "After the meeting, the two ministers met the press": where the event just reported was
        place = next((o.place for o in reversed(before) if o.etype in MET), None)
    if etype == "signing" and m.text.lower() in article.profile.words("settling_verbs") and not (place and _concludes(article, a, b)):
        return None  # "reached agreements to boost traffic": a recap, not an act placed anywhere
    parts = _participants(article, chunk, etype)
    if not parts and len(sent) < SHORT_SENTENCE:
        # A fragment the parser split off ("The two-day summit in … | The city of …"): read on.
        nxt = text[s0: text.find("\n", s1) if text.find("\n", s1) > 0 else len(text)]
        parts = _participants(article, nxt, etype)
        place = place or (None if ONLINE.search(nxt) else event_place(article, nxt, body_from, m.start, m.end, etype, local, s0))
    if not parts and etype in PARTIES_OF_STORY and before:
        parts = list(before[0].parts)  # "documents were signed": the story's parties signed them
    if not parts:
        return None
    others = tuple((s0 + o.start, s0 + o.end) for o in found if o.start != m.start and o.etype not in (None, etype))
    choice = date_choice(article, sent, a, s0 + own_from, others, said_ok=etype == "press_conference", word_end=b)
    start, end = (choice.start, choice.end) if choice else (None, None)
    recalled = RECALLED.search(chunk, body_from, m.start) is not None or _since(article, a, b) or _left_behind(article, a, b)
    period = PERIOD_AFTER.search(chunk, body_from, m.start)
    if period is not None:  # "came a year after the launch of the summit": earlier than the story by that period
        recalled, timed = True, False
        start, end = (start, end) if start else (_period_before(article.published, period), None)
    if start is None and not recalled and not timed:
        start, end = paragraph_dates(article, sent, a)
    along = {o.etype for o in found if o.start != m.start} - {None, etype}
    hosts = {o.etype for o in found if o.start != m.start and _hosted_at(article, a, b, s0 + o.start, s0 + o.end)} - {None, etype}
    return EventMention(
        etype, m.text, a, (s0, s1), chunk, place=place, start=start, end=end, firm_date=bool(choice and choice.firm),
        parts=tuple(parts),
        document=_document_named(text, s0, _signed_document(chunk, m.start, m.end)) if etype == "signing" else None,
        online=online,
        recalled=recalled, timed=timed, said_at=place, along=frozenset(along), hosts=frozenset(hosts),
        sequel=_sequel(article, a, b), ordinal=_ordinal(article, a, b), series=_series(article, a, b),
        partners=_counterparts(article, a, b) if etype == "talks" else frozenset())


def _share_when(text: str, mentions: list[EventMention]) -> list[EventMention]:
    """"Xi proposed the initiative when he visited Kazakhstan 10 years ago": an event said to happen when
    a later one in its sentence did takes that one's date and place where it has none of its own, as does the
    first of two named events listed together."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        listed = a.span == b.span and a.etype == b.etype and named_pair(a, b)  # "X Forum and Y Forum were held in …"
        if listed or (a.span == b.span and a.etype != b.etype and WHEN.search(text, a.at, b.at)):
            if b.start and not a.start:
                a = replace(a, start=b.start, end=b.end)
            a = replace(a, place=a.place or b.place)
        if listed:  # their kind's word alone would give both one name
            a = replace(a, title=TITLE_BEFORE.search(text, 0, a.at).group(0) + a.name)
            b = replace(b, title=TITLE_BEFORE.search(text, 0, b.at).group(0) + b.name)
        out[i], out[i + 1] = a, b
    return _share_occasion(out)


def _share_occasion(mentions: list[EventMention]) -> list[EventMention]:
    """"Xi met Japarov in September on the sidelines of the SCO summit": an event and the occasion its sentence
    says it happened at share the date and place one of them lacks."""
    out = list(mentions)
    for i, a in enumerate(out):
        for j, b in enumerate(out):
            if a.span != b.span or b.etype not in a.hosts or i == j or a.timed or b.timed:
                continue  # "ahead of the summit" times the act; it is no occasion of it
            if a.start and not b.start:
                out[j] = b = replace(b, start=a.start, end=a.end)
            elif b.start and not a.start:
                out[i] = a = replace(a, start=b.start, end=b.end)
            if a.place and not b.place and not b.online:
                out[j] = b = replace(b, place=a.place)
            elif b.place and not a.place and not a.online:
                out[i] = a = replace(a, place=b.place)
    return out


def _lemma(tok) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def _founded(article, start: int, end: int) -> bool:
    """Whether a founding word founds a body or initiative: its object ("launched the Belt and Road
    Initiative"), passive subject ("the platform was established"), the noun its clause modifies ("the
    mechanism that was established") or its "of" phrase ("the establishment of the … mechanism")."""
    tok = token_at(article, start, end)
    if tok is None:
        return False
    things = []
    if tok.pos_ in ("VERB", "AUX"):
        things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        # not a bare participle ("the Initiative proposed by Xi" only names it) unless it dates the founding
        # ("the Secretariat, launched in March 2024, …")
        if tok.dep_ in ("relcl", "amod") or (tok.dep_ == "acl" and any(t.ent_type_ == "DATE" or month_number(t.text) for t in tok.subtree)):
            things.append(tok.head)
    else:
        things = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
            things.append(tok.head)
    for thing in things:
        if thing.pos_ == "VERB" or thing.tag_ == "VBG":  # "proposed building the Silk Road Economic Belt"
            thing = next((c for c in thing.children if c.dep_ == "dobj"), thing)
        for t in (thing, *(c for c in thing.children if c.dep_ == "appos")):  # "his program, the … Initiative"
            if _lemma(t) in NOT_FOUNDED:
                continue
            if t.pos_ == "PROPN" or (_lemma(t) in INSTITUTIONS and t.tag_ != "NNS"):
                return True
    return False


def _counterparts(article, start: int, end: int) -> frozenset[str]:
    """The people a talks word is held with: the persons its "with" phrase names ("met with Xi Jinping"),
    whether the phrase hangs on the word, on its verb ("held talks with") or on its object."""
    tok = token_at(article, start, end)
    if tok is None:
        return frozenset()
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    if tok.dep_ in ("dobj", "nsubjpass"):
        heads.append(tok.head)
    names = set()
    for h in heads:
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ == "with"):
            names |= {_person_key(article, e.text) for e in article.doc.ents
                      if e.label_ == "PERSON" and prep.left_edge.i <= e.start and e.end <= prep.right_edge.i + 1}
    return frozenset(names)




def _sequel(article, start: int, end: int) -> bool:
    """Whether an event word is marked as another of its series than the one reported: "the next summit"."""
    tok = token_at(article, start, end)
    return tok is not None and any(c.dep_ == "amod" and c.lower_ in SEQUELS for c in tok.children)


def _hosted_at(article, start: int, end: int, o_start: int, o_end: int) -> bool:
    """Whether another event word is the occasion of this one: it hangs, through a preposition or clause, on this
    word's verb ("was established at the summit", "on the occasion of the summit"), not inside its subject."""
    tok, other = token_at(article, start, end), token_at(article, o_start, o_end)
    if tok is None or other is None:
        return False
    path, t = [], other
    for _ in range(OCCASION_HOPS):
        if t.head.i == t.i:
            return False
        path.append(t)
        t = t.head
        if t.i == tok.i:  # the occasion is the object of its preposition or verb, not a modifier of the founded name
            return other.dep_ in ("pobj", "dobj") and path[-1].dep_ not in ("nsubj", "nsubjpass", "compound", "amod") and any(
                p.dep_ in ("prep", "advcl", "pcomp") for p in path)
    return False


def _titles_document(article, start: int, end: int) -> bool:
    """Whether an event word is the subject of a document's title: "an agreement on the establishment of …"."""
    tok = token_at(article, start, end)
    for _ in range(3):
        if tok is None or tok.head.i == tok.i or tok.dep_ not in ("pobj", "prep"):
            return False
        tok = tok.head
        if tok.lower_ in DOCUMENTS:
            return True
    return False


def _predicate(article, start: int, end: int) -> bool:
    """Whether an event word is the predicate of a copula ("it is the first meeting between …"): it describes
    the event its subject names, and is none of its own."""
    tok = token_at(article, start, end)
    return tok is not None and tok.dep_ == "attr" and tok.head.lower_ in COPULAS


def _series(article, start: int, end: int) -> frozenset[str]:
    """The words of the name an event word carries ("the Shanghai Cooperation Organization summit"), without
    its place or states ("the Xi'an summit", "the China-Central Asia summit" is "central asia")."""
    span = article.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return frozenset()
    words = set()
    for c in span.root.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" and c.i < span.start:
            for t in c.subtree:
                if t.pos_ == "PROPN" and t.i < span.start and not any(k in ("place", "state") for k, _, _ in article.entities.lookup(t.text)):
                    words.add(t.lower_)
    return frozenset(words)


def _ordinal(article, start: int, end: int) -> int | None:
    """The number an ordinal gives an event word in its series: "the second summit" 2, "the 22nd meeting" 22."""
    tok = token_at(article, start, end)
    if tok is None:
        return None
    ords = ordinal_words()
    for c in tok.children:
        if c.dep_ not in ("amod", "nummod", "compound"):
            continue
        if c.lower_ in ords:
            return ords[c.lower_]
        if ORDINAL.fullmatch(c.lower_):  # "2nd" is "second"
            return int(c.lower_[:-2])
    return None


def _timed_by(article, start: int, end: int) -> bool:
    """Whether an event word only times or motivates another act: "ahead of the summit", "before the talks",
    "met on Saturday to prepare the summit" (the day and place are the meeting's)."""
    tok = token_at(article, start, end)
    if tok is None:
        return False
    if tok.dep_ == "dobj" and tok.head.lower_ in event_words("preparing_verbs"):
        return True  # "ministers prepare the Astana summit": the summit is still to come
    if tok.dep_ == "dobj" and tok.head.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children):
        return tok.head.head.pos_ in ("VERB", "AUX")  # the object of a purpose clause
    if tok.dep_ != "pobj":
        return False
    return tok.head.lower_ in TIMING or (tok.head.lower_ in ("of", "to") and tok.head.head.lower_ in TIMING)


def _phrase_start(article, start: int, end: int) -> int:
    """Where the noun phrase of an event word begins ("next year's summit"): what it says of the event is its own."""
    tok = token_at(article, start, end)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return end
    return min(end, tok.left_edge.idx)


def _gathering_of_peers(article, start: int, end: int) -> str | None:
    """"Wang Yi and his counterparts from the five states met", "the leaders of the six states met": a minister
    meeting his counterparts holds a ministerial meeting, a president (or leaders together) a summit; None for talks."""
    tok = token_at(article, start, end)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    args = [t for c in tok.children if c.dep_ in ("nsubj", "dobj", "pobj", "prep") for t in c.subtree]
    subject = {t.lower_ for c in tok.children if c.dep_ == "nsubj" for t in c.subtree}
    if subject & event_words("peer_groups"):  # "the leaders of China and Central Asia met": a summit of theirs
        return "ministerial_meeting" if "ministers" in subject else "summit"
    if not any(t.lower_ == "counterparts" for t in args):
        return None
    # who meets: the verb's arguments, and (when the parse lost its subject) the words before it on its line
    before = [t for t in tok.doc[tok.sent.start:tok.i]][::-1]
    line = next((i for i, t in enumerate(before) if "\n" in t.text), len(before))
    words = {t.lower_ for t in (*args, *before[:line])}
    if words & event_words("minister_words"):
        return "ministerial_meeting"
    if words & event_words("leader_words"):
        return "summit"
    return None


def _tallied(article, start: int, end: int) -> bool:
    """Whether a verb counts acts over a period: it has a "since" phrase ("signed 100 agreements since 2023")."""
    tok = token_at(article, start, end)
    return tok is not None and tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "prep" and c.lower_ == "since" for c in tok.children)


def _prepared(chunk: str, at: int) -> int | None:
    """Where the phrase of an event word that the words right before it prepare begins ("Ministers prepare Astana
    summit", "preparations for the second summit"), else None: read from the words, for headlines the parser runs
    into the next line."""
    words = "|".join(sorted(event_words("preparing_verbs") | {"preparations for", "preparation for"}, key=len, reverse=True))
    m = re.search(rf"\b(?i:{words})\s+(?=(?:(?:the|a|an|next|upcoming|[A-Z0-9][\w'’-]*)\s+){{0,6}}$)", chunk[:at])
    return m.end() if m else None


def _period_before(published, period) -> str | None:
    """The year (or month) a period before the publication date falls in: "a year after" → last year."""
    if published is None:
        return None
    n = period.group("n").lower()
    n = int(n) if n.isdigit() else 1 if n in ("a", "an") else NUMBER_WORDS.get(n, 1)
    if period.group("unit").lower() == "year":
        return str(published.year - n)
    months = published.year * 12 + published.month - 1 - n
    return f"{months // 12}-{months % 12 + 1:02d}"


def _since(article, start: int, end: int) -> bool:
    """Whether an event word starts a period ("since the Xi'an summit"): an event the story looks back on."""
    tok = token_at(article, start, end)
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "since"


def _left_behind(article, start: int, end: int) -> bool:
    """Whether an event word only says where an outcome came from ("the consensus of the summit", "the decisions
    reached at the meeting"): a meeting the story looks back on."""
    tok = token_at(article, start, end)
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "from", "at"):
        return False
    head = tok.head.head
    if head.pos_ == "VERB" and head.dep_ == "acl":  # "the consensus reached at the summit"
        head = head.head
    return head.lower_ in event_words("outcome_nouns")


def _person_key(article, name: str) -> str:
    """A known person's canonical name ("Xi" and "Xi Jinping" are one), else the name as written."""
    person = article.entities.person(name)
    return person.name if person is not None else name.lower()


def _launches_work(article, start: int, end: int) -> bool:
    """Whether a founding word launches a project ("the launch of the railway project"), which is a ceremony."""
    tok = token_at(article, start, end)
    if tok is None:
        return False
    things = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    things += [c for c in tok.children if c.dep_ == "dobj"]
    return any(_lemma(t) in article.profile.words("launched_works") for t in things)


def _concludes(article, start: int, end: int) -> bool:
    """Whether a settling verb concludes a document: the document is its object ("reached an agreement")
    or the noun it qualifies ("the agreement reached in Xi'an")."""
    tok = token_at(article, start, end)
    if tok is None:
        return False
    things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("acl", "relcl"):
        things.append(tok.head)
    return any(t.lower_ in DOCUMENTS for t in things)


def _hedged(article, start: int, end: int, words: frozenset[str] = HEDGES) -> bool:
    """Whether a signing word is only expected or possible: a hedging word governs it."""
    tok = token_at(article, start, end)
    hops = 0
    while tok is not None and hops < 4:
        if any(_lemma(c) in words for c in tok.children if c.dep_ in ("aux", "advmod", "acomp")):
            return True
        if _lemma(tok) in words and hops:
            return True
        if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "conj", "auxpass"):
            break  # only what governs this very verb ("expected to be signed"), not a clause further up
        tok, hops = tok.head, hops + 1
    return False


def _norm(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


def _type_of(word: str, words: dict[str, str]) -> str | None:
    etype = words.get(re.sub(r"\s+", " ", word.lower()).replace("’", "'"))
    if etype is None:
        etype = next((v for k, v in words.items() if re.fullmatch(re.escape(k).replace(r"\ ", r"\s+").replace("'", "['’]?"), word, re.IGNORECASE)), None)
    return etype


def _of_the_story(article, ev: Event, lead: str | None) -> bool:
    """Whether an event is the story's own, not one it recalls: undated, or dated near the news."""
    if not ev.start:
        return True
    news = lead or (article.published.isoformat() if article.published else None)
    if news is None:
        return True
    if len(ev.start) == 10:
        return abs((date.fromisoformat(ev.start) - date.fromisoformat(news)).days) <= STORY_DAYS
    return news.startswith(ev.start)


def _document_named(text: str, before: int, kind: str | None) -> str | None:
    """"The document was signed by …": the kind of the last document the text named before, when it names one."""
    if kind != ANY_DOCUMENT:
        return kind
    for m in reversed(list(re.finditer(r"[A-Za-z]+", text[max(0, before - REFERRED_WINDOW):before]))):
        named = DOCUMENTS.get(m.group(0).lower())
        if named and named != "batch" and m.group(0)[:1].isupper():  # a named document: "the Xi'an Declaration"
            return named
    return kind


def _signed_document(chunk: str, ks: int, ke: int) -> str | None:
    """The kind of document nearest a signing word in its sentence, or None when nothing signed is a document."""
    best = None
    for m in re.finditer(r"[A-Za-z]+", chunk):
        kind = DOCUMENTS.get(m.group(0).lower())
        if kind is None:
            continue
        dist = ks - m.end() if m.end() <= ks else m.start() - ke
        if dist <= DOCUMENT_WINDOW and (best is None or dist < best[0]):
            best = (dist, kind if not ANAPHORIC.search(chunk[:m.start()]) else ANY_DOCUMENT)
    return best[1] if best else None


def _span_days(article, ev, start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """A one-day date of an event said to last n days: its first day if it opens then or is still to come,
    else (it ended then, or is reported after it) its last."""
    if not start or len(start) != 10 or (end and end != start) or ev.etype not in HOSTING:
        return start, end  # a ceremony, a signing or talks at a two-day summit last no two days
    n = next((m.group(1) for t in ev.texts for m in N_DAYS.finditer(t)), None)
    if n is None and ev.etype in GATHERINGS:
        n = next((m.group(1) for m in N_DAY_GATHERING.finditer(article.text)), None)
    if n is None:
        return start, end
    days = int(n) if n.isdigit() else {"two": 2, "three": 3, "four": 4, "five": 5}[n.lower()]
    d = date.fromisoformat(start)
    texts = " ".join(ev.texts)
    if ENDED.search(texts) or (article.published and d <= article.published and not BEGUN.search(texts)):
        return (d - timedelta(days=days - 1)).isoformat(), d.isoformat()
    return d.isoformat(), (d + timedelta(days=days - 1)).isoformat()


def _participants(article, chunk: str, etype: str) -> list[str]:
    codes = []
    # "Wang Yi met the press": a known person takes part for the state they serve
    people = [article.entities.person_by_name(m.key) for m in article.entities.mentions(chunk) if m.kind == "person"]
    for c in [*article.entities.codes_in(chunk), *(p.country for p in people if p is not None and p.country)]:
        group = article.entities.group(c)
        if group:
            codes.extend(group.members)
        else:
            codes.append(c)
    if etype in ("summit", "ministerial_meeting") and article.profile.group_code in article.entities.codes_in(chunk):
        codes.extend(article.profile.members)
    members = set(article.profile.members)
    codes = [c for c in dict.fromkeys(codes)]
    return codes if any(c in members for c in codes) else []
