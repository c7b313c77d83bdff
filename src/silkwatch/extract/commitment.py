"""Commitment claims: promises and stated readiness to act by an identified party (GUIDELINES.md § commitment)."""

from __future__ import annotations

import re

from ..records import Claim
from .mentions import person_mentions

__all__ = ["extract", "area_of"]

MODALS = {"will", "shall", "would", "'ll"}
READY = {"ready", "prepared", "willing", "determined", "committed"}
PLEDGE_VERBS = {"pledge", "pledged", "pledges", "pledging", "vow", "vowed", "vows", "promise", "promised", "promises",
                "agree", "agreed", "agrees", "commit", "committed", "commits", "undertake", "undertook", "undertakes"}
# A "would"/"will" clause is a pledge only when its verb is an action, not a state or forecast.
NOT_ACTIONS = {"be", "become", "remain", "have", "see", "bring", "draw", "serve", "usher", "mark", "take", "reach", "attend", "pay", "chair", "hold", "visit", "lead", "make", "host", "operate", "give", "arrive", "sign", "meet", "deliver", "exchange", "travel", "depart"}
WE = {"we", "our", "us"}


def area_of(profile, text: str) -> str:
    """The cooperation area whose keywords the text uses most, else "other"."""
    best, score = "other", 0
    low = text.lower()
    for area in profile.areas:
        n = sum(len(re.findall(rf"\b{re.escape(k.lower())}", low)) for k in area.keywords)
        if n > score:
            best, score = area.key, n
    return best


def extract(article) -> list[Claim]:
    """Every promise in the article with who made it, for whom, in which area and its wording."""
    out: list[Claim] = []
    seen = set()
    for sent in article.doc.sents:
        for tok in sent:
            verb = _promised_action(tok)
            if verb is None or verb.i in seen:
                continue
            actors = _actors(article, verb, tok)
            if not actors:
                continue
            toks = [t for t in verb.subtree if t.i >= verb.i and t.dep_ not in ("nsubj", "nsubjpass")]
            # Stop at a following clause of its own ("…, and Kazakhstan will …").
            cut = next((t.i for t in toks if t.i > verb.i and t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in t.children)), None)
            if cut is not None:
                toks = [t for t in toks if t.i < cut]
            while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc",)):
                toks.pop()
            if len(toks) < 3:
                continue
            seen.add(verb.i)
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            wording = article.text[start:end]
            bens = tuple(sorted(c for c in _codes(article, wording) if c not in actors))
            deadline = re.search(r"\b(?:by|before|until)\s+(20\d\d)\b", wording)
            out.append(article.claim(
                "commitment", sent.start_char, sent.end_char, actors=tuple(sorted(actors)), beneficiaries=bens,
                area=area_of(article.profile, wording), text=wording, date=None, deadline=deadline.group(1) if deadline else None,
            ))
    return out


def _promised_action(tok):
    """The verb a pledge word governs: "will build", "ready to build", "pledged to build"."""
    low = tok.text.lower()
    if low in MODALS and tok.dep_ == "aux" and tok.head.pos_ == "VERB":
        v = tok.head
        if v.text.lower() in NOT_ACTIONS or any(c.dep_ in ("neg", "auxpass") for c in v.children):
            return None  # "will not …", and "will be held / attended" (a schedule, not a promise)
        return v
    if low in READY and tok.pos_ == "ADJ":
        return next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if low in PLEDGE_VERBS and tok.pos_ == "VERB":
        action = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if action is None and any(c.dep_ == "dobj" for c in tok.children):
            return tok  # "pledged billions of dollars in support": what is pledged is the object
        return action
    return None


def _actors(article, verb, cue) -> set[str]:
    head = verb
    for _ in range(4):
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return _party(article, subj[0])
        if head.head is head:
            break
        head = head.head
    return set()


def _party(article, subj) -> set[str]:
    toks = list(subj.subtree)
    phrase = article.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
    low = subj.text.lower()
    if low in WE or low in ("he", "she"):
        ment = [m for m in person_mentions(article) if m.end <= subj.idx and m.country]
        return {ment[-1].country} if ment and low in ("he", "she") else ({ment[-1].country} if ment else set())
    codes = _codes(article, phrase)
    if codes:
        return codes
    for m in person_mentions(article):
        if toks[0].idx <= m.start < toks[-1].idx + len(toks[-1].text) + 1 and m.country:
            return {m.country}
    return set()


def _codes(article, phrase: str) -> set[str]:
    return {c for c in article.entities.codes_in(phrase) if c == article.profile.group_code or article.profile.state(c)}
