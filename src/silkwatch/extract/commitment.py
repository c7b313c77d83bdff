"""Commitment claims: promises and stated readiness to act by an identified party (GUIDELINES.md § commitment).

Candidates are the pledge patterns of lang/en/patterns/commitment.toml (a pledge word and the action
it governs) and the points of a jointly agreed list; vetoes drop beliefs, forecasts, schedules, denials
and support for a position; actors.py says who promises; the area is scored over the promised action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import read_pattern_file
from ..records import Claim
from .actors import as_written, clause_subject, meeting_parties, parties_in, speaker_parties, subject_parties
from .focus import DATE, list_point, verb_forms
from .model import load_model
from .patterns import pattern_set

__all__ = ["PledgeCandidate", "extract", "candidates", "area_of"]

GROUP = "commitment"
# "a China-Tajikistan community of development and security": a name for the relationship, not an area of work.
SLOGAN = re.compile(r"\b[A-Z][\w]*[-–][A-Z][\w]*(?:\s[\w-]+){0,3}?\scommunity(?:\s(?:of|with)\s[^,.;]*|\sand\s[\w-]+\scommunity)?")
MODAL_PATTERNS = ("modal_action", "offered_modal")
NOUN_PATTERNS = ("readiness_noun_to_act", "plan_noun_to_act", "signed_plan_to_act")
DEADLINE = re.compile(r"\b(?:by|before|until)\s+(20\d\d)\b")


@dataclass(frozen=True)
class PledgeCandidate:
    """A pledge word and the action verb it governs (token indices); a list point carries the parties who agreed."""

    cue: int
    action: int
    pattern: str
    parties: tuple[str, ...] = ()
    span: tuple[int, int] | None = None  # a point of a list: its line, to whose end the wording runs

    @property
    def point(self) -> bool:
        return bool(self.parties)


@lru_cache(maxsize=4)
def _words(lang: str = "en") -> dict[str, frozenset[str]]:
    return {k: frozenset(w.lower() for w in v) for k, v in read_pattern_file(lang, GROUP).get("words", {}).items()}


def area_of(profile, text: str) -> str:
    """The cooperation area whose keywords the text uses most (the one named first on a tie), else "other"."""
    best, score = "other", (0, 0)
    low = SLOGAN.sub(" ", text).lower()
    for key, patterns in _area_patterns(profile):
        hits = [m.start() for p in patterns for m in p.finditer(low)]
        rank = (len(hits), -min(hits)) if hits else (0, 0)
        if hits and rank > score:
            best, score = key, rank
    return best


def _per_profile(fn):
    """Cache a function of the profile by identity: hashing a whole profile on every call costs more than the work."""
    cache: dict[int, tuple] = {}

    def wrapper(profile):
        hit = cache.get(id(profile))
        if hit is None or hit[0] is not profile:
            hit = cache[id(profile)] = (profile, fn(profile))
        return hit[1]

    return wrapper


@_per_profile
def _area_patterns(profile) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """Per area, its keywords as words with their inflections, also after a prefix of a compound ("counterterrorism");
    short ones whole."""
    prefixes = "".join(f"|(?<={re.escape(p)})" for p in sorted(_words()["compound_prefixes"]))
    # inflections only: "exports" and "ports" count, "important" and "portion" do not
    suffixes = "(?:" + "|".join(re.escape(x) for x in sorted(_words()["keyword_suffixes"], key=len, reverse=True)) + ")?"
    out = []
    for area in profile.areas:
        long = "|".join(re.escape(k.lower()) for k in sorted(area.keywords, key=len, reverse=True) if len(k) >= 4)
        short = "|".join(re.escape(k.lower()) for k in area.keywords if len(k) < 4)
        pats = ([re.compile(rf"(?:\b{prefixes})(?:{long}){suffixes}\b")] if long else []) + ([re.compile(rf"\b(?:{short})\b")] if short else [])
        out.append((area.key, tuple(pats)))
    return tuple(out)


def candidates(article) -> list[PledgeCandidate]:
    """Every pledge candidate of the article in text order: the agreed lists' points first, then the patterns' matches."""
    found = []
    for m in _patterns(article.profile).find(article.doc, labels=("PLEDGE",)):
        cue = m.anchor("cue")
        action = m.anchor("action")
        if m.name == "pledged_something":
            action = cue
        if m.name == "signed_plan_to_act" and action < cue:
            continue  # the infinitive stands before the plan: it is not the plan's purpose
        if m.name in NOUN_PATTERNS and any(c.dep_ == "auxpass" for c in article.doc[action].children):
            continue  # "consensus to be reached": what others will do to the plan, not the plan's action
        if m.name == "agreed_on" and any(f.cue == cue and f.pattern == m.name for f in found):
            continue  # one agreement, however many nouns the parser split it into
        found.append(PledgeCandidate(cue, action, m.name))
    return _agreed_list(article, found) + found


def extract(article) -> list[Claim]:
    """Every promise in the article with who made it, for whom, in which area and its wording."""
    words = _words()
    speech = _speech_forms(article.profile)
    out: list[Claim] = []
    seen, said, worded = set(), set(), []
    found = candidates(article)
    cues = frozenset(c.cue for c in found)
    for cand in found:
        doc = article.doc
        cue, verb = doc[cand.cue], doc[cand.action]
        if verb.i in seen or any(a <= verb.i <= b for a, b in worded):
            continue  # an action already worded inside another promise ("readiness to implement …, to strengthen …")
        if not cand.point and (_vetoed(cue, verb, cand.pattern, words) or _in_title(article.text, verb.idx)):
            continue
        actors = frozenset(cand.parties) if cand.point else _actors(article, cue, verb, cand.pattern, words, speech)
        if not actors:
            continue
        toks = _promise_tokens(doc, cand, cues)
        if toks and len(toks[-1].text) == 1 and toks[-1].text.islower() and len(toks) > 4:
            toks = _trim(toks[:-1])  # the source cut the last word off: keep what stands before it
        if len(toks) < 3 or (len(toks[-1].text) == 1 and toks[-1].text.islower()):
            continue  # too short, or cut off mid-word by the source ("will continue to s")
        seen.add(verb.i)
        worded.append((toks[0].i, toks[-1].i))
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        wording = article.text[start:end]
        if (tuple(sorted(actors)), wording) in said:
            continue  # the same promise repeated further on in the article
        said.add((tuple(sorted(actors)), wording))
        bens = as_written(article.profile, [c for c in parties_in(article, wording)]) - actors
        bens = frozenset(b for b in bens if not _covered(article.profile, b, actors))
        deadline = DEADLINE.search(wording)
        span = cand.span or (verb.sent.start_char, verb.sent.end_char)
        out.append(article.claim(
            "commitment", *span, actors=tuple(sorted(actors)), beneficiaries=tuple(sorted(bens)),
            area=area_of(article.profile, _area_text(article, verb, toks)), text=wording, date=None,
            deadline=deadline.group(1) if deadline else None,
        ))
    return out


def _in_title(text: str, at: int) -> bool:
    """Whether the offset is in the article's title: its first line, with no sentence end (the body says it again)."""
    first = text.lstrip()
    title_end = len(text) - len(first) + (first.find("\n") if "\n" in first else len(first))
    return at < title_end and "\n" in first and not text[:title_end].rstrip().endswith((".", "!", "?", "\"", "”", ":"))


def _covered(profile, code: str, actors: frozenset[str]) -> bool:
    """Whether a party is already among the actors through its group ("Kazakhstan" when the group promises)."""
    return any(code in g.members and g.code in actors for g in profile.groups)


def _area_text(article, verb, toks) -> str:
    """The promised action with what it is for, even a clause the wording leaves out ("…, thus creating security")."""
    end = toks[-1].i
    for t in verb.sent:
        if t.i > end and t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            end = max(end, t.right_edge.i)
    last = verb.doc[end]
    return article.text[toks[0].idx: last.idx + len(last.text)]


@_per_profile
def _patterns(profile):
    return pattern_set(load_model(), "en", GROUP, profile)


@_per_profile
def _speech_forms(profile) -> frozenset[str]:
    return frozenset(f for v in profile.words("speech_verbs") for f in {v.lower(), *verb_forms(v)})


# ---------------------------------------------------------------------------------------- vetoes
def _vetoed(cue, verb, pattern: str, words) -> bool:
    """Whether a candidate is no promise: a negation, a state or schedule, a belief or forecast, support for a position."""
    if pattern in MODAL_PATTERNS and _not_an_act(verb, words):
        return True
    if verb.lower_ in words["schedule_verbs"] or (verb.i == cue.i and verb.lower_ in words["schedule_participles"]):
        return True
    if pattern in ("agreed_on", "agreed_passive") and verb.lower_ in words["non_action_nouns"]:
        return True
    negated = [cue]  # the pledge denied; a denied action is a promise to refrain ("vowed never to allow …")
    if cue.dep_ == "acomp":
        negated.append(cue.head)  # "is not ready to …"
    if any(c.dep_ == "neg" for t in negated for c in t.children):
        return True  # "is not ready to …", "did not agree to …"; "will never …" is still a promise, to refrain
    if verb.sent.text.rstrip().endswith("?") or _hypothetical(verb, words) or _forecast(verb, words):
        return True
    return _believed(cue, words) or _position_support(verb, words["position_nouns"], words["visit_nouns"])


def _hypothetical(verb, words) -> bool:
    """"If …, China would …": a promise only under a condition the text does not say is met."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words["condition_marks"] for m in c.children) for c in verb.children)


def _forecast(verb, words) -> bool:
    """What analysts or experts say a party will do is their forecast, not the party's promise."""
    t = verb
    for _ in range(4):
        if t.dep_ == "ccomp":
            speaker = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            return speaker is not None and speaker.lower_ in words["forecaster_nouns"]
        if t.head is t:
            return False
        t = t.head
    return False


def _not_an_act(verb, words) -> bool:
    """A will-clause of a state, a forecast or a schedule ("will be held", "will be operated on May 5")."""
    low = verb.lower_
    if low in words["non_action_verbs"]:
        lasting = low in words["lasting_verbs"] and any(c.lower_ in words["lasting_adverbs"] for c in verb.children)
        return not lasting  # "will always be a good neighbour" is a lasting stance promised
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and (low in words["schedule_participles"] or not any(c.dep_ == "nsubjpass" for c in verb.children)):
        return True
    if passive and any(c.lower_ == "on" and DATE.search(" ".join(t.text for t in c.subtree)) for c in verb.children):
        return True  # a timetable: "the first flight will be operated on May 5"
    return False


def _believed(cue, words) -> bool:
    """Whether the pledge word stands in a clause of belief or expectation ("we believe that … will …")."""
    beliefs = words["belief_words"]
    t = cue
    for _ in range(6):
        if t.lower_ in beliefs or any(c.lower_ in beliefs and c.dep_ in ("acomp", "amod", "dobj", "advmod", "prt") for c in t.children):
            return True
        if t.head is t or (t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
            break  # a clause of its own: "…is expected to carry …, and China will fund …"
        t = t.head
    return False


def _position_support(verb, positions: frozenset[str] = frozenset(), visits: frozenset[str] = frozenset()) -> bool:
    """Support for a position, not an action: "firmly support X in safeguarding …", "pledged support for Beijing"."""
    if verb.lower_.startswith("support") and (any(c.lower_ == "firmly" for c in verb.children) or any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)):
        return True
    for c in verb.children:
        if c.dep_ == "dobj" and c.lower_ == "support" and any(g.dep_ == "prep" and g.lower_ == "for" for g in c.children):
            return True
        if c.dep_ == "dobj" and c.lower_ in visits:
            return True  # "undertake a state visit": a schedule
        if verb.lower_.startswith("support") and c.dep_ == "dobj" and c.lower_ in positions:
            return True  # "supporting each other's core interests"
    return False


# ---------------------------------------------------------------------------------------- actors
def _actors(article, cue, verb, pattern: str, words, speech) -> frozenset[str]:
    """Who promises: the parties the subject of the pledge's clause stands for."""
    if pattern == "agreed_passive":  # "… were agreed (by the two sides)": the agent named, else everyone at the meeting
        agent = next((g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        return subject_parties(article, agent, speech) if agent is not None else meeting_parties(article, cue.sent)
    anchor = verb if pattern in MODAL_PATTERNS else cue
    while anchor.pos_ not in ("VERB", "AUX") and anchor.head is not anchor and anchor.dep_ in ("dobj", "pobj", "attr", "conj", "prep", "acomp"):
        anchor = anchor.head  # "expressed readiness to …": the verb that carries the noun
    subj = clause_subject(anchor)
    if subj is None:
        return frozenset()
    low = subj.lower_
    if subj.dep_ == "nsubjpass" and not parties_in(article, subj.text):
        said = speaker_parties(article, subj, speech)  # "Rahmon said the road will be rebuilt": the speaker promises
        if said:
            return said
    if subj.pos_ == "NOUN" and low not in words["agent_nouns"]:
        return frozenset()  # a thing or an occasion: "the new line will carry …"
    if low in words["attendee_nouns"] and pattern in MODAL_PATTERNS:
        return frozenset()  # "the leaders will review …": what a meeting will do, not a promise
    actors = subject_parties(article, subj, speech)
    if pattern == "offered_modal":  # "could" offers only in a party's words about itself; elsewhere it is a possibility
        said = speaker_parties(article, verb, speech)
        return actors if said and said <= actors else frozenset()
    return actors


# ---------------------------------------------------------------------------------------- wording
def _promise_tokens(doc, cand: PledgeCandidate, cues: frozenset[int]) -> list:
    """The tokens that word a candidate's promise: a point to the end of its line, a noun agreed on with its
    conjuncts, else the action's phrase."""
    cue, verb = doc[cand.cue], doc[cand.action]
    if cand.span:
        first = cue.i + 1 if cue.lower_ == "to" else verb.i
        return _trim([t for t in doc[first:] if t.idx < cand.span[1]])
    if cand.pattern == "agreed_on":
        # "agreed on the non-use of force and the renunciation of …": the parser hangs the nouns on "on" and on the verb
        on = verb.head
        nouns = [c for c in on.children if c.dep_ == "pobj"] + [c for c in cue.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        last = max(n.right_edge.i for n in nouns)
        return _trim([t for t in doc[on.i + 1: last + 1] if not (t.i > on.i + 1 and t.dep_ == "punct" and t.text == "," and t.i == last)])
    return _wording(verb, cue, cues)


def _wording(verb, cue, cues: frozenset[int] = frozenset()) -> list:
    """The tokens that word the promised action: the verb's phrase, with the subject of a passive, up to another pledge."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if verb.i == cue.head.i else None
    # What a passive promises is done to its subject: "the road will be rebuilt" keeps "the road";
    # a noun promised is worded whole ("agreed on the non-use of force").
    first = passive.left_edge.i if passive is not None else (verb.left_edge.i if verb.pos_ == "NOUN" else verb.i)
    while first > 0 and verb.doc[first - 1].head.i == verb.i and verb.doc[first - 1].dep_ == "advmod" and verb.doc[first - 1].lower_.endswith(("ly", "further")):
        first -= 1  # the manner promised: "fully implement", "further strengthen", "jointly fight"
    toks = [t for t in verb.subtree if t.i >= first and (t.dep_ not in ("nsubj", "nsubjpass") or (passive is not None and t.i == passive.i))]
    # Stop at a following clause of its own ("…, and Kazakhstan will …", "…, as Xi outlined …", "…, adding that …").
    cut = next((t.left_edge.i if t.dep_ in ("advcl", "relcl") else t.i for t in toks if t.i > verb.i and (
        (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and (any(c.dep_ == "nsubj" for c in t.children) or any(d.i in cues for d in t.subtree)))
        or (t.dep_ == "advcl" and (any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or t.nbor(-1).text == ","))
        or (t.dep_ == "relcl" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",")  # ", which will cut …": said of the thing
    )), None)
    if cut is not None:
        toks = [t for t in toks if t.i < cut]
    elif cue.i != verb.i and cue.dep_ == "acomp":
        toks += _shared_conjuncts(cue.head, verb)
    elif cue.pos_ in ("NOUN", "PROPN"):  # "readiness to implement …, to strengthen …": one readiness, several acts
        more = [c for c in cue.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > verb.right_edge.i]
        if more:
            toks += list(verb.doc[toks[-1].i + 1: more[-1].right_edge.i + 1])
    return _trim(toks)


def _shared_conjuncts(head, verb) -> list:
    """Further actions of one readiness that the parser hangs on the copula: "is willing to enhance …, and build …"."""
    out = []
    for c in head.children:
        # only a bare infinitive continues the "to …" ("and build …"); "and suggested …" is another act
        if c.dep_ == "conj" and c.tag_ == "VB" and c.i > verb.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            out += [t for t in head.doc[verb.right_edge.i + 1: c.right_edge.i + 1]]
            break
    return out


def _trim(toks: list) -> list:
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ in ("cc",)):
        toks.pop()
    return toks


# ---------------------------------------------------------------------------------------- agreed lists
def _agreed_list(article, matches: list[PledgeCandidate]) -> list[PledgeCandidate]:
    """The points of a jointly agreed list ("The sides agreed on the following:" then "First, …"), each for all who agreed.

    Read by lines, not by the parser's sentences, which run a list's numbers into the lines around them.
    """
    text, out = article.text, []
    cues = [c.lower() for c in article.profile.words("agreed_list_cues")]
    parties = None
    for line in re.finditer(r"[^\n]+", text):
        body = line.group(0).strip()
        if not body:
            continue
        start = line.start() + line.group(0).index(body)
        end = start + len(body)
        if body.endswith(":") and any(re.search(rf"\b{re.escape(c)}\b", body.lower()) for c in cues):
            parties = _list_parties(article, end - 1)
            continue
        if parties is None:
            continue
        ordinal = list_point().match(body)
        if ordinal is None:
            parties = None  # the list ended
            continue
        point = _point_action(article, start + ordinal.end(), end, matches)
        if point is not None and parties:
            out.append(PledgeCandidate(point[0], point[1], "agreed_list", tuple(sorted(parties)), span=(start, end)))
    return out


def _list_parties(article, at: int) -> frozenset[str]:
    """Who agreed to a list: the parties named around its lead-in, as the record writes them."""
    span = article.doc.char_span(at, at + 1, alignment_mode="expand")
    return meeting_parties(article, span[0].sent) if span is not None and len(span) else frozenset()


def _point_action(article, start: int, end: int, matches: list[PledgeCandidate]):
    """(cue, action) token indices of one point: a pledge inside it, else the verb after "is to", else its first verb."""
    span = article.doc.char_span(start, end, alignment_mode="expand")
    toks = [t for t in span if not t.is_space] if span is not None else []
    inside = next((m for m in matches if start <= article.doc[m.action].idx < end), None)
    if inside is not None:
        return inside.cue, inside.action
    for t in toks:
        if t.lower_ in ("is", "are", "was") and t.i + 2 < len(t.doc) and t.nbor(1).lower_ == "to":
            verb = next((v for v in t.doc[t.i + 2: t.i + 5] if v.pos_ == "VERB"), None)
            if verb is not None:  # the wording starts after "to", with any adverb before the verb ("to jointly fight")
                return t.i + 1, verb.i
    if toks and toks[0].lower_ == "to":
        toks = toks[1:]  # "4. To continue …"
    # A point opens with its verb, which the parser may take for a name when it is capitalised ("Strengthen …").
    verb = toks[0] if toks and toks[0].is_alpha and toks[0].text[:1].isupper() and toks[0].pos_ not in ("DET", "PRON", "ADP", "NUM") else None
    verb = verb or next((t for t in toks[:4] if t.pos_ == "VERB"), None)
    return (verb.i, verb.i) if verb is not None else None
