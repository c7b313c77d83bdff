"""Commitment claims: promises and stated readiness to act by an identified party (GUIDELINES.md § commitment)."""

from __future__ import annotations

import itertools
import re

from ..records import Claim
from .focus import DATE
from .mentions import person_mentions

__all__ = ["extract", "area_of"]

MODALS = {"will", "shall", "would", "'ll"}
READY = {"ready", "prepared", "willing", "determined", "committed"}
PLEDGE_VERBS = {"pledge", "pledged", "pledges", "pledging", "vow", "vowed", "vows", "promise", "promised", "promises",
                "agree", "agreed", "agrees", "commit", "committed", "commits", "undertake", "undertook", "undertakes"}
# A "would"/"will" clause is a pledge only when its verb is an action, not a state or forecast.
NOT_ACTIONS = {"be", "become", "remain", "have", "see", "bring", "draw", "serve", "usher", "mark", "take", "reach", "attend", "pay", "chair", "hold", "visit", "lead", "make", "host", "operate", "give", "arrive", "sign", "meet", "deliver", "exchange", "travel", "depart", "journey", "fly", "return", "leave", "discuss", "talk", "consider"}
# Participles of what is done to a meeting or a document ("the summit will be held", "the plan will be discussed"),
# and of states rather than acts ("the firm will be engaged in …").
SCHEDULED = {"held", "attended", "chaired", "hosted", "signed", "discussed", "published", "released", "broadcast", "organized", "organised",
             "given", "delivered", "adopted", "issued", "presented", "convened", "scheduled", "expected", "invited", "welcomed", "received",
             "opened", "inaugurated", "celebrated", "marked", "told", "asked", "seen", "known", "called", "named", "based", "located",
             "followed", "accompanied", "devoted", "dedicated", "engaged", "involved"}
WE = {"we", "our", "us"}
# Verbs whose to-infinitive is what the subject undertakes: "offered to boost", "announced to elevate".
OFFER_VERBS = {"offer", "offered", "offers", "offering", "announce", "announced", "announces", "announcing"}
# Nouns of readiness and of agreed plans whose to-infinitive is the promised action: "expressed readiness to
# deepen", "reaffirmed their commitment to maintaining", "signed a memorandum to enhance", "unveiled a plan to provide".
READY_NOUNS = {"readiness", "commitment", "commitments", "willingness", "determination", "resolve", "pledge", "promise"}
PLAN_NOUNS = {"agreement", "agreements", "memorandum", "deal", "deals", "roadmap"}
# Collective subjects that name meetings of leaders: "the heads of state will review …" is a schedule.
ATTENDEES = {"leaders", "heads", "presidents", "ministers", "delegations"}
# A forecast or belief is not a promise: "we believe that … will", "China is convinced that … will".
BELIEF = {"believe", "believes", "believed", "convinced", "expect", "expects", "expected", "hope", "hopes", "hoped", "confident", "think", "thinks", "predict", "predicted", "anticipate"}
# Subjects that are occasions or things, not parties: "the visit will enhance …", "the mechanism will continue to …".
NOT_AGENTS = {"visit", "visits", "trip", "summit", "meeting", "talks", "forum", "mechanism", "secretariat", "initiative", "cooperation",
              "relations", "ties", "partnership", "project", "projects", "pipeline", "railway", "route", "routes", "flights", "agreement", "document", "event"}
# Collective subjects that stand for the parties the text has just named: "the two sides", "both countries", "they".
COLLECTIVE = {"they", "them", "parties", "sides", "leaders", "countries", "nations", "states", "presidents", "heads"}
# "his country", "her government": the state of the person the pronoun stands for.
OWN_STATE = {"country", "nation", "government", "state"}
SPEECH = {"say", "said", "says", "tell", "told", "tells", "note", "noted", "stress", "stressed", "add", "added", "announce", "announced", "state", "stated", "declare", "declared", "emphasize", "emphasized", "underline", "underlined", "affirm", "affirmed", "reaffirm", "reaffirmed", "assure", "assured"}


def area_of(profile, text: str) -> str:
    """The cooperation area whose keywords the text uses most, else "other"."""
    best, score = "other", (0, 0)
    low = text.lower()
    for area in profile.areas:
        hits = [m.start() for k in area.keywords for m in re.finditer(rf"\b{re.escape(k.lower())}", low)]
        key = (len(hits), -min(hits)) if hits else (0, 0)
        if hits and key > score:  # most keywords; on a tie, the area named first
            best, score = area.key, key
    return best


def extract(article) -> list[Claim]:
    """Every promise in the article with who made it, for whom, in which area and its wording."""
    out: list[Claim] = []
    seen, said = set(), set()
    points = [(sent, cue, verb, set(parties)) for sent, cue, verb, parties in _agreed_list(article)]
    cued = ((sent, tok, _promised_action(tok), None) for sent in article.doc.sents for tok in sent)
    for sent, tok, verb, actors in itertools.chain(points, cued):
        if verb is None or verb.i in seen:
            continue
        point = actors is not None
        if not point:
            if _believed(tok) or _position_support(verb):
                continue
            actors = _actors(article, verb, tok, sent)
        if not actors:
            continue
        toks = _wording(verb, tok, whole=point and verb.i != tok.i)
        if toks and len(toks[-1].text) == 1 and toks[-1].text.islower() and len(toks) > 4:
            toks = _trim(toks[:-1])  # the source cut the last word off: keep what stands before it
        if len(toks) < 3 or (len(toks[-1].text) == 1 and toks[-1].text.islower()):
            continue  # too short, or cut off mid-word by the source ("will continue to s")
        seen.add(verb.i)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        wording = article.text[start:end]
        if (tuple(sorted(actors)), wording) in said:
            continue  # the same promise repeated further on in the article
        said.add((tuple(sorted(actors)), wording))
        bens = tuple(sorted(c for c in _codes(article, wording) if c not in actors))
        deadline = re.search(r"\b(?:by|before|until)\s+(20\d\d)\b", wording)
        out.append(article.claim(
            "commitment", sent.start_char, sent.end_char, actors=tuple(sorted(actors)), beneficiaries=bens,
            area=area_of(article.profile, wording), text=wording, date=None, deadline=deadline.group(1) if deadline else None,
        ))
    return out


def _wording(verb, cue, whole=False) -> list:
    """The tokens that word the promised action: the verb's phrase, with the subject of a passive; whole: to the sentence end."""
    if whole:  # a point of a list is one predicate, however the parser splits its series of verbs
        first = min((t.i for t in verb.subtree if not (t.dep_ == "aux" and t.lower_ == "to")), default=verb.i)
        return _trim([t for t in verb.sent if t.i >= first])
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if verb.i == cue.head.i else None
    # What a passive promises is done to its subject: "the road will be rebuilt" keeps "the road".
    first = passive.left_edge.i if passive is not None else verb.i
    toks = [t for t in verb.subtree if t.i >= first and (t.dep_ not in ("nsubj", "nsubjpass") or (passive is not None and t.i == passive.i))]
    # Stop at a following clause of its own ("…, and Kazakhstan will …", "…, as Xi outlined …", "…, adding that …").
    cut = next((t.left_edge.i if t.dep_ == "advcl" else t.i for t in toks if t.i > verb.i and (
        (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in t.children))
        or (t.dep_ == "advcl" and (any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or t.nbor(-1).text == ","))
    )), None)
    if cut is not None:
        toks = [t for t in toks if t.i < cut]
    return _trim(toks)


def _trim(toks: list) -> list:
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ in ("cc",)):
        toks.pop()
    return toks


# A point of a list: "First, …", "The second is to …", "3) …".
ORDINAL = re.compile(r"(?:(?:The\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|lastly)\b|\d{1,2}[.)]\s)", re.IGNORECASE)


def _agreed_list(article) -> list[tuple]:
    """The points of a jointly agreed list, each as (sentence, action verb, parties who agreed)."""
    text, out = article.text, []
    cues = [c.lower() for c in article.profile.words("agreed_list_cues")]
    parties = None
    for sent in article.doc.sents:
        stripped = sent.text.strip()
        at_paragraph = text[max(0, sent.start_char - 200): sent.start_char].rstrip(" \t").endswith("\n") or sent.start_char == 0
        if stripped.endswith(":") and any(re.search(rf"\b{re.escape(c)}\b", stripped.lower()) for c in cues):
            parties = _parties_around(article, sent)
            continue
        if parties is None or not at_paragraph:
            continue
        if not ORDINAL.match(stripped):
            parties = None  # the list ended
            continue
        root = sent.root
        verb = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None) if root.lower_ in ("is", "are", "was") else None
        cue = root  # "The second is to build …": the point is the whole predicate after "is to"
        if verb is None:
            cue = next((t for t in sent if _promised_action(t) is not None), None)
            verb = _promised_action(cue) if cue is not None else None
        if verb is None and root.pos_ == "VERB":
            cue = verb = root
        if verb is not None and len(set(parties)) >= 2:
            out.append((sent, cue, verb, parties))
    return out


def _promised_action(tok):
    """The verb a pledge word governs: "will build", "ready to build", "pledged to build"."""
    low = tok.text.lower()
    if low in MODALS and tok.dep_ == "aux" and tok.head.pos_ == "VERB":
        v = tok.head
        if v.text.lower() in NOT_ACTIONS or any(c.dep_ == "neg" for c in v.children):
            return None  # "will not …"
        if any(c.dep_ == "auxpass" for c in v.children) and (v.lower_ in SCHEDULED or not any(c.dep_ == "nsubjpass" for c in v.children)):
            return None  # "will be held / attended" is a schedule, not a promise
        if any(c.dep_ == "auxpass" for c in v.children) and any(c.lower_ == "on" and DATE.search(" ".join(t.text for t in c.subtree)) for c in v.children):
            return None  # "the first flight will be operated on May 5": a timetable
        return v
    if low in READY and (tok.pos_ == "ADJ" or tok.dep_ == "acomp"):
        action = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if action is None:  # "committed to building": the gerund after "to"
            to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            action = next((g for g in to.children if g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG"), None) if to is not None else None
        return action
    if low in OFFER_VERBS and tok.pos_ == "VERB":
        return next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children)), None)
    if (low in READY_NOUNS or low in PLAN_NOUNS) and tok.pos_ in ("NOUN", "PROPN") and (tok.dep_ in ("dobj", "pobj", "attr") or (tok.dep_ == "conj" and tok.head.dep_ in ("dobj", "pobj", "attr"))):
        for c in tok.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and (any(a.lower_ == "to" for a in c.children) or (c.dep_ == "acl" and c.tag_ == "VBG" and low in READY_NOUNS)):
                return c
            if c.dep_ == "prep" and c.lower_ == "to" and low in READY_NOUNS:
                v = next((g for g in c.children if g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG"), None)
                if v is not None:
                    return v
        if low in PLAN_NOUNS and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":  # "signed a memorandum … to enhance"
            return next((c for c in tok.head.children if c.dep_ in ("advcl", "xcomp") and c.i > tok.i and c.pos_ == "VERB"
                         and any(a.lower_ == "to" for a in c.children)), None)
        return None
    if low in PLEDGE_VERBS and tok.pos_ == "VERB":
        action = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if action is None and any(c.dep_ == "dobj" for c in tok.children):
            return tok  # "pledged billions of dollars in support": what is pledged is the object
        return action
    return None


def _believed(cue) -> bool:
    """Whether the pledge word stands in a clause of belief or expectation ("we believe that … will …")."""
    t = cue
    for _ in range(6):
        if t.lower_ in BELIEF or any(c.lower_ in BELIEF and c.dep_ in ("acomp", "amod") for c in t.children):
            return True
        if t.head is t:
            break
        t = t.head
    return False


def _position_support(verb) -> bool:
    """Support for a position, not an action: "firmly support X in safeguarding …", "pledged support for Beijing"."""
    if verb.lower_.startswith("support") and (any(c.lower_ == "firmly" for c in verb.children) or any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)):
        return True
    for c in verb.children:
        if c.dep_ == "dobj" and c.lower_ == "support" and any(g.dep_ == "prep" and g.lower_ == "for" for g in c.children):
            return True
        if c.dep_ == "dobj" and c.lower_ in ("visit", "trip", "tour"):
            return True  # "undertake a state visit": a schedule
    return False


def _actors(article, verb, cue, sent=None) -> set[str]:
    head = verb
    for _ in range(6):
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subj) > 1:  # a dateline's "(Xinhua)" can hang on the verb as a second subject: the nearest one is the doer
            subj = sorted(subj, key=lambda c: (c.i > head.i, -c.i))
        if subj:
            if subj[0].lower_ in NOT_AGENTS:
                return set()
            low = subj[0].lower_
            if low in ATTENDEES and cue.lower_ in MODALS:
                return set()  # "the leaders will attend / review …": what a meeting will do, not a promise
            if subj[0].dep_ == "nsubjpass" and head.dep_ == "ccomp" and head.head.lower_ in SPEECH:
                # "Rahmon said the road will be rebuilt": a passive names what is done, the speaker who promises it
                speaker = _reported_speaker(article, head)
                if speaker:
                    return speaker
            if low in ("they", "it", "we"):
                if head.dep_ == "ccomp" and head.head.lower_ in SPEECH:
                    return _reported_speaker(article, head)
                if low == "we":
                    return _party(article, subj[0])
            if low in COLLECTIVE or low == "it":
                return _collective(article, subj[0], sent)
            owner = next((c for c in subj[0].children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            if subj[0].lower_ in OWN_STATE and owner is not None:
                return _own_state(article, head, owner)
            return _party(article, subj[0])
        if head.head is head:
            break
        head = head.head
    return set()


def _own_state(article, head, owner) -> set[str]:
    """The state in "his country will …": the speaker's when it is reported speech, else the pronoun's person."""
    if head.dep_ == "ccomp" and head.head.lower_ in SPEECH:
        speaker = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if speaker is not None and speaker.lower_ not in ("he", "she"):
            found = _party(article, speaker)
            if found:
                return found
    named = [m for m in person_mentions(article) if m.end <= owner.idx and m.country]
    return {named[-1].country} if named else set()


def _reported_speaker(article, clause) -> set[str]:
    """The party of the speaker when a pronoun subject stands in reported speech ("China said that they'll …")."""
    if clause.dep_ not in ("ccomp",) or clause.head.lower_ not in SPEECH:
        return set()
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in COLLECTIVE or subj.pos_ != "PROPN":
        return set()  # "students … said that they are ready": not a party's promise
    return _party(article, subj)


def _collective(article, subj, sent) -> set[str]:
    """The parties a collective subject stands for: those its sentence names, else those of the sentences before."""
    if subj.lower_ in ("countries", "nations", "states") and not any(c.lower_ in ("two", "both", "the") for c in subj.children):
        return set()
    if sent is None:
        return set()
    if subj.lower_ == "it":  # one party: the subject of the main clause, else the nearest one named before it
        root = subj.sent.root
        main = next((c for c in root.children if c.dep_ == "nsubj" and c.i < subj.i), None)
        if main is not None and _party(article, main):
            return _party(article, main)
        codes = _codes_ordered(article, article.text[sent.start_char: subj.idx])
        return {codes[-1]} if codes else set()
    codes = _parties_around(article, sent)
    if len(set(codes)) < 2:
        return set()
    if any(c.lower_ in ("two", "both") for c in subj.children) or subj.lower_ == "both":
        # "the two leaders": the two parties named most (the later mention breaks a tie)
        # states before the group: two leaders or two nations are two states
        ranked = sorted(set(codes), key=lambda c: (c != article.profile.group_code, codes.count(c), max(i for i, x in enumerate(codes) if x == c)), reverse=True)
        return set(ranked[:2])
    return set(codes)


def _parties_around(article, sent) -> list[str]:
    """The parties the sentence names, with those of up to three sentences before it until two are named."""
    codes = _codes_ordered(article, article.text[sent.start_char: sent.end_char], sent.start_char)
    text, end = article.text, sent.start_char
    for _ in range(3):
        if len(set(codes)) >= 2:
            break
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = max(text.rfind(". ", 0, max(0, end - 1)), text.rfind("\n", 0, max(0, end))) + 1
        codes = _codes_ordered(article, text[start:end], start) + codes
        end = start
    return codes


def _codes_ordered(article, phrase: str, offset: int | None = None) -> list[str]:
    """Every mention of a party in the phrase, in order, repeats kept; with the phrase's offset, people count for their state."""
    found = []
    for m in article.entities.mentions(phrase):
        place = article.entities.place(m.surface) if m.kind == "place" else None
        code = m.key if m.kind in ("state", "group") else (place.country if place else None)
        if code and (code == article.profile.group_code or article.profile.state(code)):
            found.append((m.start, code))
    if offset is not None:
        for pm in person_mentions(article):
            if offset <= pm.start < offset + len(phrase) and pm.country and article.profile.state(pm.country):
                found.append((pm.start - offset, pm.country))
    return [c for _, c in sorted(found)]


def _previous_subject(pron):
    """The subject of the main clause of the sentence before, in the same paragraph, when it is a name or a title."""
    sent = pron.sent
    if sent.start == 0:
        return None
    prev = pron.doc[sent.start - 1].sent
    if "\n" in pron.doc.text[prev.end_char: sent.start_char] or not prev.text.strip():
        return None
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN") else None


def _party(article, subj) -> set[str]:
    toks = list(subj.subtree)
    phrase = article.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
    low = subj.text.lower()
    if low in ("he", "she") and subj.dep_ == "nsubj" and subj.head.dep_ == "ROOT":
        # "The leader of China congratulated Japarov. He expressed readiness …": he is the subject before, not the last name
        prev = _previous_subject(subj)
        if prev is not None:
            found = _party(article, prev)
            if found:
                return found
    if low in WE or low in ("he", "she"):
        ment = [m for m in person_mentions(article) if m.end <= subj.idx and m.country]
        return {ment[-1].country} if ment and low in ("he", "she") else ({ment[-1].country} if ment else set())
    codes = _codes(article, phrase)
    if not codes:  # "Chinese-funded firms": a demonym fused into a compound adjective still names the party
        codes = {c for t in toks if t.pos_ in ("PROPN", "ADJ") and t.nbor(1).text == "-" for c in _codes(article, t.text)} if toks[-1].i + 1 < len(subj.doc) else set()
    if codes:
        return codes
    for m in person_mentions(article):
        if toks[0].idx <= m.start < toks[-1].idx + len(toks[-1].text) + 1 and m.country:
            return {m.country}
    return set()


def _codes(article, phrase: str) -> set[str]:
    return {c for c in article.entities.codes_in(phrase) if c == article.profile.group_code or article.profile.state(c)}
