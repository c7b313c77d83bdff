"""Russian commitment claims: a state's future act or stated readiness, and joint agreements, by the rules of lang/ru/pledge.toml."""

from __future__ import annotations

import re
from functools import lru_cache

from ...records import Claim
from .names import word_keys
from .parse import Token
from .quote import clause_end
from .role import people
from .rules import rules

__all__ = ["extract", "area_of"]

# Two commitments of one party and area sharing this share of the shorter one's words are one (a lead and its quote).
SAME_WORDS = 0.6


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    lex = rules("pledge")
    keys = lambda ws: frozenset(k for w in ws for k in word_keys(w))  # noqa: E731
    return {k: keys(lex[k]) for k in ("ready", "agree", "agree_verbs", "not_actions", "receive")}


@lru_cache(maxsize=1)
def _hedges() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in rules("pledge")["hedges"]) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _areas() -> list[tuple[str, frozenset[str]]]:
    return [(area, frozenset(k for w in words for k in word_keys(w))) for area, words in rules("areas")["areas"].items()]


def area_of(words: list[str]) -> str:
    """The cooperation area whose word comes first among the words, else "other"."""
    for w in words:
        keys = word_keys(w)
        for area, words in _areas():
            if keys & words:
                return area
    return "other"


def extract(art) -> list[Claim]:
    """Promises and readiness of named parties, and what parties agreed together."""
    found: list[Claim] = []
    for n in range(len(art.doc.sents)):
        a, b = art.doc.sent_span(n)
        if _hedges().search(art.text, a, b):
            continue
        toks = art.doc.sent_tokens(n)
        for t in toks:
            hit = _pledge(art, t, toks) or _receipt(art, t, toks) or _agreement(art, t, toks)
            if hit is None:
                continue
            actors, start, *until = hit
            end = until[0] if until else _clause_cut(art, t, clause_end(art, start, b))
            text = art.text[start:end].strip(" ,«»\"")
            if len(text) < 15:
                continue
            beneficiaries = tuple(sorted(c for c in art.states_in(t.end, end) if c not in actors))
            found.append(art.claim("commitment", start, end, actors=tuple(sorted(actors)), beneficiaries=beneficiaries,
                                   area=_area(art, min(start, t.start), end), text=text, date=None, deadline=None))
    return _merged(found)


def _area(art, start: int, end: int) -> str:
    # the promised act's verb says how, its objects what: «профинансировать прокладку трассы» is transport
    return area_of([x.text for x in art.doc.tokens if start <= x.start < end and x.pos != "VERB"])


def _clause_cut(art, t: Token, end: int) -> int:
    """The end of the pledge's own clause: before «, <verb>» or «и <verb>» that starts another predicate."""
    toks = [x for x in art.doc.sent_tokens(t.sent) if x.start > t.end and x.end <= end]
    for n, x in enumerate(toks[:-1]):
        if x.text in (",", "и") and any(y.pos == "VERB" and y.feat("VerbForm") == "Fin" for y in toks[n + 1:n + 4]):
            if x.text == "," and toks[n + 1].text.lower() in ("что", "который", "которая", "которое", "которые"):
                continue
            return x.start
    return end


def _pledge(art, t: Token, toks: list[Token]) -> tuple[set[str], int] | None:
    """«Китай предоставит …», «Китай готов помочь …», «китайские компании будут поощряться …»."""
    keys = word_keys(t.text)
    lex = _lex()
    future = t.pos in ("VERB", "AUX") and t.feat("Tense") == "Fut" and not (keys & lex["not_actions"])
    if t.lemma == "быть" and t.text.lower().startswith("буд"):  # the tagger reads «будут» as present tense
        nxt = next((c for c in art.doc.children(t) if c.feat("VerbForm") == "Inf"), None) or _head_infinitive(art, t)
        future = nxt is not None and not (word_keys(nxt.text) & lex["not_actions"])
    ready = bool(keys & lex["ready"]) and any(c.feat("VerbForm") == "Inf" for c in art.doc.children(t))
    if not (future or ready):
        return None
    subj = _subject(art, t if t.lemma != "быть" or t.head < 0 else art.doc.tokens[t.head])
    if subj is None:
        return None
    actors = _parties(art, subj)
    if not actors:
        return None
    return actors, min(x.start for x in subj)


def _receipt(art, t: Token, toks: list[Token]) -> tuple[set[str], int] | None:
    """«Кыргызстан получит от Китая грант»: a promised receipt is the giver's commitment."""
    if not (t.pos == "VERB" and t.feat("Tense") == "Fut" and word_keys(t.text) & _lex()["receive"]):
        return None
    subj = _subject(art, t)
    after = [x for x in toks if x.i > t.i]
    giver = next((n for n, x in enumerate(after[:4]) if x.text.lower() == "от"), None)
    if subj is None or giver is None or giver + 1 >= len(after):
        return None
    code = next((art.names.state_of(m) for m in art.mentions if m.start == after[giver + 1].start), None)
    if code is None or not _parties(art, subj):
        return None
    return {code}, min(x.start for x in subj)


def _head_infinitive(art, aux: Token) -> Token | None:
    head = art.doc.tokens[aux.head] if aux.head >= 0 else None
    return head if head is not None and head.feat("VerbForm") == "Inf" else None


def _agreement(art, t: Token, toks: list[Token]) -> tuple[set[str], int] | None:
    """«договорились о …», «приняли решение о …», «достигнута договоренность об …», «достигли соглашения по …»."""
    keys = word_keys(t.text)
    lex = _lex()
    if not (keys & lex["agree"]):
        return None
    if t.pos == "VERB" and t.feat("VerbForm") == "Fin" and keys & lex["agree_verbs"]:
        start = t.start
        about = _about_before(art, t)
        if about is not None:  # «об ускорении строительства … договорились президенты»: what was agreed comes first
            a, b = art.sentence_of(t)
            actors = _agreement_parties(art, a, b)
            return (actors, about, t.start) if len(actors) >= 2 else None
    elif t.pos == "NOUN" and (verb := _agreeing_verb(art, t)) is not None:
        start = min(t.start, verb.start)
    else:
        return None
    if not _says_what(art, t):
        return None
    a, b = art.sentence_of(t)
    actors = _agreement_parties(art, a, b)
    return (actors, start) if len(actors) >= 2 else None


def _agreeing_verb(art, noun: Token) -> Token | None:
    """«приняли решение», «достигнута договоренность»: the verb that governs the agreement noun or stands right before it."""
    lex = _lex()
    cands = [art.doc.tokens[noun.head]] if noun.head >= 0 else []
    if noun.i > 0 and art.doc.tokens[noun.i - 1].sent == noun.sent:
        cands.append(art.doc.tokens[noun.i - 1])
    return next((v for v in cands if v.pos == "VERB" and word_keys(v.text) & lex["agree_verbs"]), None)


def _agreement_parties(art, a: int, b: int) -> set[str]:
    actors = set(art.states_in(a, b))
    for p in people(art):
        if a <= p.start < b and getattr(p.known, "country", None):
            actors.add(p.known.country)
    if len(actors) < 2:
        actors |= set(_story_parties(art))
    return actors


def _about_before(art, verb: Token) -> int | None:
    """Where «об …» before an agreement verb starts its topic, if the sentence puts it first."""
    toks = [x for x in art.doc.sent_tokens(verb.sent) if x.i < verb.i]
    for n, x in enumerate(toks):
        if x.text.lower() in ("о", "об") and n + 1 < len(toks) and not any(y.pos == "VERB" for y in toks[n + 1:]):
            return toks[n + 1].start
    return None


def _says_what(art, t: Token) -> bool:
    """An agreement tells what was agreed: «о …», «об …», «по …» or an infinitive after it."""
    toks = art.doc.sent_tokens(t.sent)
    after = [x for x in toks if x.i > t.i][:4]
    return any(x.text.lower() in ("о", "об", "по") or x.feat("VerbForm") == "Inf" for x in after)


def _story_parties(art) -> list[str]:
    """The two states or groups the story names most: the parties of an agreement its sentence does not name."""
    counts: dict[str, int] = {}
    for m in art.mentions:
        code = art.names.state_of(m)
        if code:
            counts[code] = counts.get(code, 0) + 1
    return [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:2]]


def _subject(art, verb: Token) -> list[Token] | None:
    subj = [c for c in art.doc.children(verb) if c.rel.startswith("nsubj")]
    if not subj and verb.rel in ("xcomp", "conj") and verb.head >= 0:
        subj = [c for c in art.doc.children(art.doc.tokens[verb.head]) if c.rel.startswith("nsubj")]
    if not subj:
        return None
    out, frontier = [subj[0]], [subj[0].i]
    toks = art.doc.sent_tokens(verb.sent)
    while frontier:
        i = frontier.pop()
        for t in toks:
            if t.head == i and t not in out and t.i != verb.i:
                out.append(t)
                frontier.append(t.i)
    return out


def _parties(art, subj: list[Token]) -> set[str]:
    """The states the subject names, not those after a preposition («китайские компании в странах ЦА» -> CN)."""
    lo, hi = min(t.start for t in subj), max(t.end for t in subj)
    codes = set()
    for m in art.mentions_in(lo, hi):
        tok = art.doc.token_at(m.start)
        if tok is not None and tok.i > 0 and art.doc.tokens[tok.i - 1].pos == "ADP":
            continue
        code = art.names.state_of(m)
        if code:
            codes.add(code)
    for p in people(art):
        if lo <= p.start < hi and getattr(p.known, "country", None):
            codes.add(p.known.country)
    return codes


def _merged(claims: list[Claim]) -> list[Claim]:
    keep: list[Claim] = []
    for c in sorted(claims, key=lambda c: -len(c.text or "")):
        words = set(re.findall(r"\w+", c.text.lower()))
        if any(k.actors == c.actors and len(words & set(re.findall(r"\w+", k.text.lower()))) >= SAME_WORDS * len(words) for k in keep):
            continue
        keep.append(c)
    return sorted(keep, key=lambda c: c.span)
