"""Speakers that are not people: bodies, states, outlets and documents, named the way the record writes them.

A ministry, press service or agency speaks when no person does ("the ministry said"); a state speaks
as such ("China said"); an outlet that reported something is its speaker, but not the publisher's own
byline nor a source "according to" an outlet; a report or press release speaks for its author. Pure
functions of the article's text, parse and names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import language_words
from .focus import verb_forms

__all__ = ["OUTLET_WORDS", "state_or_outlet", "unnamed_words", "named_author", "is_outlet", "speaking_body", "institution"]

# Words that make a noun phrase an institution that can speak ("the ministry said …").
BODY_WORDS = r"\b(?:ministry|press service|office|agency|embassy|government|committee|secretariat|administration|department|council|news)\b"
# A state's foreign ministry, in the ways news names it.
FOREIGN_MINISTRY = re.compile(r"\b(?:foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|foreign\s+affairs\s+ministry|MFA)\b", re.IGNORECASE)
# A service named after the office it serves ("the press service of the head of state").
HEAD_OF_STATE_SERVICE = re.compile(r"^((?:press|information)\s+(?:service|office|center|centre))\s+of\s+the\s+head\s+of\s+(?:the\s+)?(?:state|country)$", re.IGNORECASE)
# Words that make a source a news outlet rather than a body that speaks for itself.
OUTLET_WORDS = frozenset("news newspaper daily times television tv radio portal website media outlet".split())


def state_or_outlet(article, tok, phrase: str) -> str | None:
    """A state speaking as such ("China said …"), or an outlet reporting ("Kazinform reported", "X newspaper
    reports"): the subject of a speech verb that names no person."""
    verb = tok.head.lower_
    if tok.dep_ != "nsubj" and not (tok.dep_ in ("dobj", "attr") and tok.i > tok.head.i):  # (", informs Inform.kz": inverted, parsed as an object)
        return None
    named = article.entities.mentions(phrase)
    if verb in _forms(("state_speech_verbs",)) and len(named) == 1 and named[0].kind == "state" and named[0].how == "name" and len(named[0].surface) >= len(phrase.strip()) - 4:
        state = article.profile.state(named[0].key)
        return state.name if state else None
    if verb in _forms(("report_verbs",)) and not (verb.endswith("s") and _in_lead(tok)):
        # (not the lead's "…, Trend reports.": the publisher's own byline, not a source it quotes)
        names = [t for t in tok.subtree if t.pos_ == "PROPN" or (t.is_punct and t.text == ".")]
        name = tok.doc[names[0].i: names[-1].i + 1].text if names and len({t.i < tok.head.i for t in names}) == 1 else None
        if name and not article.entities.state_code(name):  # "China reported …" is a state, not an outlet
            return name
    return None


@lru_cache(maxsize=8)
def _forms(keys: tuple[str, ...]) -> frozenset[str]:
    """Every form of the verbs in the language's word lists named by keys."""
    out = set()
    for w in (w for k in keys for w in language_words("en", k)):
        out |= {w.lower(), *verb_forms(w)}
    return frozenset(out)


def _in_lead(tok) -> bool:
    """The token's sentence is the article's first sentence of prose (titles end without a full stop)."""
    for sent in tok.doc.sents:
        if sent.start >= tok.sent.start:
            return True
        if len(sent) >= 6 and sent.text.rstrip()[-1:] in ".!?”\"":
            return False
    return True


@lru_cache(maxsize=1)
def unnamed_words() -> frozenset[str]:
    """Head nouns of unnamed speakers ("a source", "officials"), from the language's word lists."""
    return frozenset(language_words("en", "unnamed_speakers"))


def named_author(tok) -> str | None:
    """The name of whoever wrote a document ("the fourth X Meeting", "the GlobalData"): its proper nouns, without
    the article and the ordinal."""
    toks = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "amod", "nummod") and not t.is_punct]
    return tok.doc[toks[0].i: tok.i + 1].text if toks and tok.pos_ == "PROPN" else None


def is_outlet(tok) -> bool:
    """A news outlet: a phrase headed by an outlet word ("the newspaper", "Xinhua News Agency", "China Daily")."""
    words = [t.lower_ for t in tok.subtree if not t.is_punct]
    return any(w in OUTLET_WORDS for w in words) or (tok.lower_ == "agency" and len([t for t in tok.subtree if t.pos_ == "PROPN" and t.i != tok.i]) == 1)


def speaking_body(article, tok, s: int, e: int) -> str | None:
    """A ministry, press service or news agency speaking: its own words, without the article."""
    phrase = re.sub(r"^(?:the|a|an)\s+", "", article.text[s:e].strip(), flags=re.IGNORECASE)
    if len(phrase.split()) > 8 or not phrase:
        return None
    if re.fullmatch(r"[A-Z]{2,6}", phrase):
        # "the GAC said" after "China's General Administration of Customs (GAC)": the body's name.
        full = re.search(r"((?:[A-Z][\w’'-]*\s+)(?:(?:of|for|and|the|on)\s+|[A-Z][\w’'-]*\s+){0,8}?)\(" + phrase + r"\)", article.text)
        if full:
            name = re.sub(r"^[A-Z]\w*['’]s\s+", "", full.group(1).strip())
            if name:
                return name
    if re.search(BODY_WORDS, phrase, re.IGNORECASE):
        return _foreign_ministry(article, phrase, s) or _head_of_state_service(article, phrase, s) or phrase
    if any(ent.label_ == "ORG" and ent.start <= tok.i < ent.end for ent in tok.doc.ents) and phrase[:1].isupper():
        return _foreign_ministry(article, phrase, s) or phrase
    return None


def _head_of_state_service(article, phrase: str, at: int) -> str | None:
    """"the press service of the head of state" named by its office: "press service of the President of <state>",
    the state being the first its sentence names."""
    m = HEAD_OF_STATE_SERVICE.match(phrase)
    state = _sentence_state(article, at) if m else None
    return f"{m.group(1)} of the President of {state.name}" if state else None


def _sentence_state(article, at: int):
    """The first state named in the sentence around a position (the story's state), as the profile's record."""
    start = max(article.text.rfind("\n", 0, at), article.text.rfind(". ", 0, at)) + 1
    end = min((i for i in (article.text.find("\n", at), article.text.find(". ", at)) if i >= 0), default=len(article.text))
    codes = [m.key for m in article.entities.mentions(article.text[start:end]) if m.kind == "state"]
    return article.profile.state(codes[0]) if codes else None


def _foreign_ministry(article, phrase: str, at: int) -> str | None:
    """A state's foreign ministry however it is written ("the country's Ministry of Foreign Affairs", "the Kazakh
    MFA", "the Foreign Ministry's press service") by one name, "<Demonym> Foreign Ministry".

    The state is the one the phrase names, else the first one its sentence names (whose story it is)."""
    if not FOREIGN_MINISTRY.search(phrase):
        return None
    named = article.entities.mentions(phrase)
    known = next((m.key for m in named if m.kind == "institution"), None)
    if known:
        return known  # the profile's own name for it ("Chinese Foreign Ministry")
    codes = [m.key for m in named if m.kind == "state"]
    if not codes:
        line = article.text.rfind("\n", 0, at) + 1
        sent_start = max(line, article.text.rfind(". ", 0, at) + 1)
        codes = [m.key for m in article.entities.mentions(article.text[sent_start:at]) if m.kind == "state"][:1]
    state = article.profile.state(codes[0]) if codes else None
    return f"{state.demonyms[0]} Foreign Ministry" if state and state.demonyms else None


def institution(article, phrase: str) -> str | None:
    """The profile's institution a phrase names, by its canonical name."""
    for m in article.entities.mentions(phrase):
        if m.kind == "institution":
            return m.key
    return None
