"""Event claims: meetings and occasions with type, place, dates and participants, one per event per article."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..records import Claim
from .event_dates import DATELINE, lead_date, nearest_dates, paragraph_dates, parse_dates, token_at

__all__ = ["extract", "parse_dates"]

# A place this many characters or fewer from the event word is the event's place ("summit in Xi'an").
PLACE_WINDOW = 60
# Mentions of one event dated at most this many days apart give its first and last day ("Thursday … Friday").
MULTI_DAY_SPAN = 3
# Sentences shorter than this many tokens are fragments whose context is the rest of the paragraph.
SHORT_SENTENCE = 12
# An event dated this many days or fewer from the story's news is the story's, in the story's city.
STORY_DAYS = 14
# Event types whose place, when a sentence does not give it, is the city the article is about.
# Event types that, named without any party ("documents were signed"), are the story's parties' events.
PARTIES_OF_STORY = {"signing", "ceremony", "other"}
PLACED_TYPES = {"summit", "state_visit", "talks", "ministerial_meeting", "signing", "ceremony"}
# The prepositions that make a named city or country the place of an event ("in Astana", "to Beijing").
AT_PLACE = re.compile(r"\b(?:in|at|to|into)\s+(?:the\s+)?$", re.IGNORECASE)
# "…, when he visited": the clause that dates what comes before it.
WHEN = re.compile(r"\bwhen\s+(?:\w+\s+){1,2}$", re.IGNORECASE)
# A city after "with" is a partner, one after "from" an origin, one joined by a dash a route's end
# ("Dushanbe-Khorog", "Shymkent-Xi'an"): none of them is a venue.
PARTNER = re.compile(r"\b(?:with|and|between|from)\s+(?:the\s+)?$", re.IGNORECASE)
COMPOUND = re.compile(r"\s*[-–]\s*[A-Z]")
COMPOUND_END = re.compile(r"\b[A-Z][\w'’]*\s*[-–]\s*$|\bfrom\s+[A-Z][\w'’-]*\s+to\s+$")
PLACE_OF = re.compile(r"\b(?:city|capital)\s+of\s+$", re.IGNORECASE)
IN_STATE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
TO_STATE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
HELD_IN = re.compile(r"\b(?:was|were|is|are|will be)\s+(?:held|hosted|convened|signed|opened)\s+in\s+(?:the\s+)?([A-Z][\w'’-]+)")
MECHANISM_OF = re.compile(r"\b(?:mechanism|format|platform)\s+(?:for|of)\s+(?:the\s+)?[\w+'’ -]{0,40}$", re.IGNORECASE)
MECHANISM_AFTER = re.compile(r"\s+(?:mechanism|format)\b", re.IGNORECASE)
GATHERING_OF = re.compile(r"\s+of\b", re.IGNORECASE)
AFTER_EVENT = re.compile(r"\s*(?:After|Following)\s+(?:the|their|this|that)\s+(?:\w+\s+){0,2}?(?:meeting|talks|summit|session|ceremony|event),", re.IGNORECASE)
# Event types an "after the meeting" can follow: a visit, a signing or a founding is not a meeting.
MET = {"summit", "ministerial_meeting", "talks", "forum", "ceremony"}
# What joins two named events in a list: "… Forum and the Third … Forum".
NAMED_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Z0-9][\w'’-]*\s+){1,8}")
TITLE_BEFORE = re.compile(r"(?:(?!The\s)[A-Z0-9][\w'’-]*\s+)*$")
# "Not long ago, the leaders attended …": an event the story looks back on, undated, not of the story's day or city.
RECALLED = re.compile(r"\b(?:not long ago|recently|some time ago)\b", re.IGNORECASE)
# The end of a photo caption: the day the photo was taken set off by a comma, where prose would say "on May 19"
# ("… in Beijing, Friday, May 19, 2023.").
CAPTION_DAY = re.compile(r",\s+(?:[A-Z][a-z]+day,\s+)?[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\.?\s*$")
# The words that make an event the time of another act: "ahead of the summit", "prior to the talks".
TIMING = {"before", "ahead", "prior", "eve"}
# An event only referred to by another act is not the story's own, so it takes neither the story's day nor
# its city: the point a tally counts from ("signed 100 agreements since the Xi'an summit") and the aim of a
# preparation ("met to prepare the next summit", "preparations for the summit").
REFERENCE_FROM = {"since"}
PREPARING = {"prepare", "prepares", "prepared", "preparing", "preparation", "preparations"}
PREPARATIONS = {"preparation", "preparations"}  # "preparations for the summit"; not "documents prepared for signing"
# "prepare the second Astana summit": the preparing word, then only names, ordinals and articles up to the event word.
PREPARED_NP = re.compile(r"\b(?:[Pp]repar(?:e|es|ing)|[Pp]reparations?\s+for)\s+(?=(?:(?:the|a|an|next|upcoming|first|second|third|fourth"
                         r"|fifth|[A-Z0-9][\w'’-]*)\s+){0,6}$)")
# Two cities, each the venue of one of the event word's occasions: "met twice, in Xi'an and Beijing".
VENUE_PAIR = re.compile(r"\b(?:in|at)\s+([A-Z][\w'’-]+)\s+and\s+(?:in\s+)?([A-Z][\w'’-]+)")
# Words that mark another event of a series ("the next summit", "the previous meeting"); not "upcoming",
# which previews call the very event they report.
SEQUELS = {"next", "previous"}
WHERE = re.compile(r",\s+where\b")
VISIT_STATE = re.compile(r"\bvisit(?:s|ed|ing)?\s+$", re.IGNORECASE)
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
# "a two-day summit", "the three-day state visit": how many days an event lasts.
N_DAYS = re.compile(r"\b(two|three|four|five|2|3|4|5)[- ]days?\b(?!\s+(?:ago|later|before|after|earlier))", re.IGNORECASE)
ENDED = re.compile(r"\b(?:closed|concluded|ended|wrapped up|wraps up|came to an end|final day|last day|closing day)\b", re.IGNORECASE)
BEGUN = re.compile(r"\b(?:open(?:s|ed)?|kick(?:s|ed)? off|begin(?:s)?|began|start(?:s|ed)?|arriv(?:e|es|ed))\b", re.IGNORECASE)
# "the two-day meeting" said anywhere in the story is its gathering's length.
N_DAY_GATHERING = re.compile(r"\b(two|three|four|five|2|3|4|5)-day\s+(?:summit|meeting|gathering|conference|forum|session)\b", re.IGNORECASE)
GATHERINGS = {"summit", "ministerial_meeting", "forum"}
ONLINE = re.compile(r"\b(?:video|virtual|online|videoconference|video link)\b", re.IGNORECASE)
# What a one-word founding keyword ("established", "launch", "proposed") may found: a body or an
# initiative, named (a proper noun) or one of these; never ties, routes or flights (not events).
INSTITUTIONS = {"mechanism", "platform", "secretariat", "initiative", "institute", "workshop", "format", "forum",
                "council", "commission", "fund", "centre", "center", "dialogue", "organization", "organisation", "belt"}
NOT_FOUNDED = {"relation", "relations", "tie", "ties", "route", "routes", "flight", "flights", "service", "partnership",
               "project", "projects", "invasion", "date", "dates", "venture", "ventures"}
# Governors that make an event hypothetical: "are expected to be signed", "could sign", "may be signed".
HEDGES = {"expect", "expected", "expects", "likely", "may", "might", "could", "would", "hope", "hoped", "plan", "planned",
          "possible", "possibly"}


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
    events: list[dict] = []
    for mn in _mentions(article):
        ev = next((e for e in events if _same_event(e, mn)), None)
        if ev is None:
            events.append({**mn, "parts": set(mn["parts"]), "days": [], "texts": [mn["text"]]})
        else:
            _merge(ev, mn)
    # "met Tokayev ahead of the summit": a time reference to an event the story does not otherwise tell
    events = [e for e in events if not (e["timed"] and e["place"] is None)]
    cities = _article_cities(article)
    lead = lead_date(article)
    for ev in events:
        if ev["place"] is None and not ev["online"] and ev["type"] in PLACED_TYPES:
            # "During the summit, Xi will hold separate meetings": the place of the event it is said with
            ev["place"] = next((e["place"] for e in events if e["place"] and e["type"] in ev["along"] and not e["online"] and not e["sequel"]), None)
    for ev in events:
        settle = ev["type"] in PLACED_TYPES and not ev["online"] and not ev["recalled"] and _of_the_story(article, ev, lead)
        ev["place"] = _settle_place(article, ev["place"], cities if settle else [])
    settled: list[dict] = []
    for ev in events:  # "a summit in Kazakhstan" settled in Astana is the Astana summit
        same = next((e for e in settled if _same_event(e, ev)), None)
        if same is None:
            settled.append(ev)
        else:
            _merge(same, ev)
    out = []
    for ev in settled:
        place = ev["place"]
        where = article.entities.place(place) if place else None
        if where is not None and where.country not in article.profile.members:
            continue  # a meeting abroad (a G7 summit in Hiroshima) is not the mechanism's
        start, end = _first_day(ev), _last_day(ev)
        if start is None and lead is not None and not ev["recalled"]:
            start, end = lead, lead  # "on Friday" said of the story in its lead, not of this mention
        start, end = _span_days(article, ev, start, end)
        out.append(article.claim(
            "event", *ev["span"], event_type=ev["type"], name=ev.get("title", ev["name"]), location=place,
            start=start, end=end, participants=tuple(sorted(ev["parts"])),
        ))
    return out


def _merge(ev: dict, mn: dict) -> None:
    """Add a further mention (or an event found to be the same) to an event."""
    ev["parts"] |= set(mn["parts"])
    ev["texts"] += mn.get("texts", [mn["text"]])
    if ev["place"] is None and mn["place"] is not None:
        ev["place"] = mn["place"]  # the place-less mention was this event
    ev["said_at"] = ev["said_at"] or mn["said_at"]
    if not ev["object"]:
        ev["object"] = mn["object"]
    ev["online"] = ev["online"] or mn["online"]
    ev["recalled"] = ev["recalled"] and mn["recalled"]  # named once as the story's own, it is
    ev["along"] = ev["along"] | mn["along"]
    ev["with"] = ev["with"] | mn["with"]
    ev["timed"] = ev["timed"] and mn["timed"]  # told for itself once, it is reported
    if mn["start"] and not ev["start"]:
        ev["start"], ev["end"] = mn["start"], mn["end"]
    elif mn["start"] and len(mn["start"]) == len(ev["start"]) == 10:
        ev["days"] += [mn["start"], mn["end"], *mn.get("days", [])]


def _mentions(article) -> list[dict]:
    """Every event word of the article with its type, place, dates, participants and (signings) document."""
    pattern, words = _keyword_pattern(article.profile.event_types)
    text = article.text
    out: list[dict] = []
    for sent in article.doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        chunk = text[s0:s1]
        if not chunk.strip():
            continue
        dl = DATELINE.match(chunk)
        body_from = dl.end() if dl else 0
        # "launched flights", "the Establishment of a … Partnership": one founding word that founds nothing counted;
        # a founding phrase counts as it is unless it is a phrasal verb ("set up"), which founds only what it names
        found = [m for m in pattern.finditer(chunk, body_from) if _type_of(m.group(0), words) != "other"
                 or (" " in m.group(0).strip() and _norm(m.group(0)) not in article.profile.words("founding_phrasal_verbs"))
                 or _founded(article, s0 + m.start(), s0 + m.end())]
        for i, m in enumerate(found):
            etype = _type_of(m.group(0), words)
            if etype is None:
                continue
            if etype == "other" and _launches_work(article, s0 + m.start(), s0 + m.end()):
                etype = "ceremony"
            if i + 1 < len(found) and not chunk[m.end():found[i + 1].start()].strip():
                continue  # a modifier of the next event word ("summit talks"): that word names the event
            if etype != "other" and (MECHANISM_OF.search(chunk, 0, m.start()) or MECHANISM_AFTER.match(chunk, m.end())):
                continue  # "the mechanism for the foreign ministers' meeting": the format, not a meeting
            if etype == "talks" and GATHERING_OF.match(chunk, m.end()):
                continue  # "a meeting of the SCO", "a meeting of Central Asian leaders": a body's gathering, not talks
            if etype == "talks" and _reciprocal(article, s0 + m.start(), s0 + m.end()) and any(
                    _type_of(o.group(0), words) in GATHERINGS for o in found):
                continue  # "the summit, where the leaders met each other": the gathering itself, not talks
            if etype == "signing" and _hedged(article, s0 + m.start(), s0 + m.end()):
                continue  # "agreements are expected to be signed": not (yet) an event
            obj = None
            if etype == "signing":
                obj = _signed_document(chunk, m.start(), m.end())
                if obj is None:
                    continue  # "a signed article", "signed by": no agreement, no signing
            held = HELD_IN.search(chunk)  # "was held in Beijing, with … via video link": the event had a place
            online = bool(ONLINE.search(chunk)) and not (held and article.entities.place(held.group(1)))
            # "met in Astana on Monday ahead of the summit": the place and day before the word are the act's it times
            timed = _timed_by(article, s0 + m.start(), s0 + m.end())
            if _tally(article, s0 + m.start(), s0 + m.end()):
                continue  # "signed 100 agreements since 2023": a count over time, not one event
            # "met in Almaty to prepare the Astana summit": the referred event's place is in its own phrase only
            referred = _referred(article, chunk, m.start(), m.end(), s0)
            own_from = m.end() if timed else (referred if referred is not None else body_from)
            place = None if online else _place(article, chunk, own_from, m.start(), m.end(), etype)
            if place is None and not online and out and AFTER_EVENT.match(chunk, body_from):
                # "After the meeting, the two ministers met the press": where the event just reported was
                place = next((o["place"] for o in reversed(out) if o["type"] in MET), None)
            settling = etype == "signing" and m.group(0).lower() in article.profile.words("settling_verbs")
            if settling and not (place and _concludes(article, s0 + m.start(), s0 + m.end())):
                continue
            parts = _participants(article, chunk, etype)
            if not parts and len(sent) < SHORT_SENTENCE:
                # A fragment the parser split off ("The two-day summit in … | The city of …"): read on.
                nxt = text[s0: text.find("\n", s1) if text.find("\n", s1) > 0 else len(text)]
                parts = _participants(article, nxt, etype)
                place = place or (None if ONLINE.search(nxt) else _place(article, nxt, body_from, m.start(), m.end(), etype))
            if not parts and etype in PARTIES_OF_STORY and out:
                parts = list(out[0]["parts"])  # "documents were signed": the story's parties signed them
            if not parts:
                continue
            others = tuple(s0 + o.start() for o in found if o is not m and _type_of(o.group(0), words) not in (None, etype))
            start, end = nearest_dates(article, sent, m.start() + s0, s0 + own_from, others, said_ok=etype == "press_conference")
            recalled = referred is not None or RECALLED.search(chunk, body_from, m.start()) is not None
            if start is None and not recalled and not timed:
                start, end = paragraph_dates(article, sent, m.start() + s0)
            along = {_type_of(o.group(0), words) for o in found if o is not m} - {None, etype}
            out.append({"type": etype, "place": place, "start": start, "end": end, "parts": parts, "object": obj,
                        "span": (s0, s1), "name": m.group(0), "text": chunk, "online": online, "along": along,
                        "at": s0 + m.start(), "recalled": recalled,
                        "with": _counterparts(article, s0 + m.start(), s0 + m.end()) if etype == "talks" else frozenset(),
                        "timed": timed, "sequel": _sequel(article, s0 + m.start(), s0 + m.end()), "said_at": place})
            other_place = _second_venue(article, chunk, body_from, place) if place else None
            if other_place:
                out.append({**out[-1], "place": other_place, "said_at": other_place})  # "met twice, in Xi'an and Beijing": one meeting in each
    _share_when(article.text, out)
    return out


def _share_when(text: str, mentions: list[dict]) -> None:
    """"Xi proposed the initiative when he visited Kazakhstan 10 years ago": an event said to happen when
    a later one in its sentence did takes that one's date and place where it has none of its own, as does the
    first of two named events listed together."""
    for a, b in zip(mentions, mentions[1:]):
        listed = a["span"] == b["span"] and a["type"] == b["type"] and _named_pair(a, b)  # "X Forum and Y Forum were held in …"
        if listed or (a["span"] == b["span"] and a["type"] != b["type"] and WHEN.search(text, a["at"], b["at"])):
            if b["start"] and not a["start"]:
                a["start"], a["end"] = b["start"], b["end"]
            a["place"] = a["place"] or b["place"]
        if listed:  # their kind's word alone would give both one name
            for e in (a, b):
                e["title"] = TITLE_BEFORE.search(text, 0, e["at"]).group(0) + e["name"]


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
        if tok.dep_ in ("relcl", "amod"):  # not a bare participle: "the Initiative proposed by Xi" only names it
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


def _second_venue(article, chunk: str, body_from: int, place: str) -> str | None:
    """The second city of "in Xi'an and Beijing" when the first is the event's place."""
    for m in VENUE_PAIR.finditer(chunk, body_from):
        first, second = article.entities.place(m.group(1)), article.entities.place(m.group(2))
        if first is not None and second is not None and first.name == place and second.name != place:
            return second.name
    return None


def _reciprocal(article, start: int, end: int) -> bool:
    """Whether a talks verb's object is reciprocal: "met each other", "met one another"."""
    tok = token_at(article, start, end)
    return tok is not None and any(c.dep_ == "dobj" and c.lower_ in ("other", "another") for c in tok.children)


def _sequel(article, start: int, end: int) -> bool:
    """Whether an event word is marked as another of its series than the one reported: "the next summit"."""
    tok = token_at(article, start, end)
    return tok is not None and any(c.dep_ == "amod" and c.lower_ in SEQUELS for c in tok.children)


def _timed_by(article, start: int, end: int) -> bool:
    """Whether an event word only times another act: "ahead of the summit", "before the talks"."""
    tok = token_at(article, start, end)
    if tok is None or tok.dep_ != "pobj":
        return False
    return tok.head.lower_ in TIMING or (tok.head.lower_ in ("of", "to") and tok.head.head.lower_ in TIMING)


def _referred(article, chunk: str, ks: int, ke: int, s0: int) -> int | None:
    """Where the phrase begins (in the chunk) when an event word is only the reference of another act
    ("since the summit", "to prepare the summit"), else None."""
    tok = token_at(article, s0 + ks, s0 + ke)
    if tok is not None:
        head = tok.head
        if (tok.dep_ == "pobj" and (head.lower_ in REFERENCE_FROM or (head.lower_ == "for" and head.head.lower_ in PREPARATIONS))) or (
                tok.dep_ in ("dobj", "nsubjpass") and head.lower_ in PREPARING):
            return tok.left_edge.idx - s0
    # A headline the parser runs into the dateline ("Ministers prepare Astana summit\nALMATY, …"): by the words
    m = PREPARED_NP.search(chunk, 0, ks)
    return m.end() if m else None


def _tally(article, start: int, end: int) -> bool:
    """Whether an event verb counts acts over a span of time ("have signed 100 agreements since 2023")."""
    tok = token_at(article, start, end)
    return tok is not None and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "prep" and c.lower_ in REFERENCE_FROM for c in tok.children)


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


def _hedged(article, start: int, end: int) -> bool:
    """Whether a signing word is only expected or possible: a hedging word governs it."""
    tok = token_at(article, start, end)
    hops = 0
    while tok is not None and hops < 4:
        if any(_lemma(c) in HEDGES for c in tok.children if c.dep_ in ("aux", "advmod", "acomp")):
            return True
        if _lemma(tok) in HEDGES and hops:
            return True
        if tok.head is tok or tok.dep_ not in ("xcomp", "conj", "auxpass"):
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


def _of_the_story(article, ev: dict, lead: str | None) -> bool:
    """Whether an event is the story's own, not one it recalls: undated, or dated near the news."""
    if not ev["start"]:
        return True
    news = lead or (article.published.isoformat() if article.published else None)
    if news is None:
        return True
    if len(ev["start"]) == 10:
        return abs((date.fromisoformat(ev["start"]) - date.fromisoformat(news)).days) <= STORY_DAYS
    return news.startswith(ev["start"])


def _same_event(ev: dict, mn: dict) -> bool:
    """Whether a mention names an event already found: same type, and no place, date or document apart."""
    if ev["type"] != mn["type"]:
        return False
    if ev["span"] == mn["span"] and _named_pair(ev, mn):
        return False
    if ev["place"] and mn["place"] and ev["place"] != mn["place"]:
        return False
    if ev["object"] and mn["object"] and ev["object"] != mn["object"]:  # "" (the document) is any
        return False
    if ev["sequel"] != mn["sequel"] and not (ev["said_at"] and ev["said_at"] == mn["said_at"]) and not (
            ev["start"] and mn["start"] and _dates_agree(ev["start"], mn["start"])):
        return False  # "the next summit will be held in Kazakhstan": not the summit reported, unless placed or dated as it
    if ev["with"] and mn["with"] and not ev["with"] & mn["with"]:
        return False  # "a meeting with Zhao Leji" and "our meeting with Xi": talks with different people
    return _dates_agree(ev["start"], mn["start"])


def _named_pair(ev: dict, mn: dict) -> bool:
    """"The Cooperation Forum and the Media Forum": two named events of one kind joined by "and" are two."""
    first, second = sorted((ev, mn), key=lambda e: e["at"])
    between = first["text"][first["at"] - first["span"][0] + len(first["name"]):second["at"] - second["span"][0]]
    return first["name"][:1].isupper() and second["name"][:1].isupper() and NAMED_AND.fullmatch(between) is not None


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if len(a) == len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= MULTI_DAY_SPAN
    return a.startswith(b) or b.startswith(a)


def _days_near(ev) -> list[date]:
    """The days other mentions give for this event, when they fall within a few days of the first."""
    if not ev["start"] or len(ev["start"]) != 10:
        return []
    first = date.fromisoformat(ev["start"])
    return [d for d in map(date.fromisoformat, ev["days"]) if abs((d - first).days) <= MULTI_DAY_SPAN]


def _first_day(ev) -> str | None:
    days = _days_near(ev)
    return min([*days, date.fromisoformat(ev["start"])]).isoformat() if days else ev["start"]


def _last_day(ev) -> str | None:
    days = _days_near(ev)
    return max([*days, date.fromisoformat(ev["end"] or ev["start"])]).isoformat() if days else ev["end"]


def _article_cities(article) -> list[str]:
    """Cities the article names outside datelines, most mentioned first."""
    counts: dict[str, int] = {}
    for para in article.text.split("\n"):
        if CAPTION_DAY.search(para):
            continue  # "A train departs from a station in Tianjin, May 20, 2025.": a photo's place, not the story's
        dl = DATELINE.match(para)
        for m in article.entities.mentions(para[dl.end() if dl else 0:]):
            place = article.entities.place(m.surface) if m.kind in ("place", "state") else None
            if place is not None and (m.kind == "place" or m.how == "capital") and _located(para, m.start, m.end, m.how):
                counts[place.name] = counts.get(place.name, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


def _located(text: str, at: int, end: int, how: str) -> bool:
    """A capital stands for its government ("Beijing's policy") unless a preposition makes it a place; a city
    that is a partner ("an agreement with Almaty"), an origin, an owner ("Almaty's mayor") or part of a compound
    ("the Dushanbe-Khorog road") is no venue."""
    if PARTNER.search(text, 0, at) or COMPOUND.match(text, end) or COMPOUND_END.search(text, 0, at) or re.match(r"['’]s\b", text[end:]):
        return False
    return how != "capital" or AT_PLACE.search(text[:at]) is not None


def _settle_place(article, place: str | None, cities: list[str]) -> str | None:
    """A country or no place is narrowed to the city the article says things happened in, when it names one."""
    if place is None:
        return cities[0] if cities else None
    state = next((s for s in article.profile.states if s.name == place), None)
    if state:
        in_state = [c for c in cities if (article.entities.place(c) and article.entities.place(c).country == state.code)]
        return in_state[0] if in_state else place
    return place


def _place(article, chunk: str, body_from: int, ks: int, ke: int, etype: str = "") -> str | None:
    """The city (else the member state) an event word is located in: "summit in Xi'an", "the Astana summit",
    "visited Kazakhstan"; not a partner's city ("an agreement with Almaty")."""
    best = None
    for m in article.entities.mentions(chunk[body_from:], body_from):
        dist = ks - m.end if m.end <= ks else m.start - ke
        if dist > PLACE_WINDOW or dist < -1:
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
            place = article.entities.place(m.surface)
            name = m.key if m.kind == "place" else (place.name if place else None)
        elif m.kind == "state" and m.how in ("name", "alias") and m.key in article.profile.members and (
                IN_STATE.search(before) or (etype == "state_visit" and (TO_STATE.search(before) or (m.start >= ke and VISIT_STATE.search(before))))):
            state = article.profile.state(m.key)
            name = state.name if state else None
        else:
            continue
        rank = (m.kind == "state" and m.how != "capital", dist)  # "in the Uzbekistan capital of Tashkent": the city
        if name and (best is None or rank < best[0]):
            best = (rank, name)
    if best is None:  # "the signing ceremony of the … agreement … was held in Beijing"
        held = HELD_IN.search(chunk, ke)
        if held:
            place = article.entities.place(held.group(1))
            best = ((False, 0), place.name) if place else None
    return best[1] if best else None


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
    if not start or len(start) != 10 or (end and end != start):
        return start, end
    n = next((m.group(1) for t in ev["texts"] for m in N_DAYS.finditer(t)), None)
    if n is None and ev["type"] in GATHERINGS:
        n = next((m.group(1) for m in N_DAY_GATHERING.finditer(article.text)), None)
    if n is None:
        return start, end
    days = int(n) if n.isdigit() else {"two": 2, "three": 3, "four": 4, "five": 5}[n.lower()]
    d = date.fromisoformat(start)
    texts = " ".join(ev["texts"])
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
