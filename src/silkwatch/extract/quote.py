"""Quote claims: direct words in quote marks and reported speech, with the speaker resolved (GUIDELINES.md § quote)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Claim
from .dates import resolve_weekday
from .focus import verb_forms
from .mentions import PersonMention, person_mentions

__all__ = ["extract", "speaker_at"]

OPEN_QUOTES = "\"“«„"
CLOSE_FOR = {'"': '"', "“": "”", "«": "»", "„": "“"}
# A direct quote shorter than this many words is a scare quote ("color revolutions"), not speech.
MIN_DIRECT_WORDS = 4
# Quoted words inside a sentence's phrase this long or longer are speech all the same.
SCARE_QUOTE_MAX_WORDS = 10
# How far back (characters) a pronoun or "the Chinese leader" may reach for its person.
COREF_WINDOW = 1500
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# Words that make a noun phrase an institution that can speak ("the ministry said …").
BODY_WORDS = r"\b(?:ministry|press service|office|agency|embassy|government|committee|secretariat|administration|department|council|news)\b"
# "Wang Wenbin: …" opening a paragraph of a transcript.
TRANSCRIPT = re.compile(r"^(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s+(?P<words>\S.*)$", re.MULTILINE)


@lru_cache(maxsize=8)
def _verb_lemmas(words: tuple[str, ...]) -> frozenset[str]:
    """Every form of the profile's speech verbs (the model runs without a lemmatizer)."""
    out = set()
    for w in words:
        out |= {w.lower(), *verb_forms(w)}
    return frozenset(out)


def extract(article) -> list[Claim]:
    """Every quote in the article: direct first, then reported speech outside quote marks."""
    verbs = _verb_lemmas(article.profile.words("speech_verbs"))
    proposals = _verb_lemmas(article.profile.words("proposal_verbs"))
    out: list[Claim] = []
    direct_spans = _direct_spans(article.text)
    article.notes["direct_quote_spans"] = direct_spans
    for sent in article.doc.sents:
        if not sent.text.strip():
            continue
        inside = [(s, e) for s, e in direct_spans if sent.start_char <= s < sent.end_char]
        for s, e in inside:
            words = article.text[s:e]
            if not _is_speech(article.text, s, e, sent.start_char):
                continue
            speaker = _speaker_for_sentence(article, sent, verbs, exclude=(s, e))
            if speaker is None:
                speaker = _speaker_nearby(article, sent, verbs, e)
            if speaker:
                out.append(article.claim("quote", sent.start_char, sent.end_char, speaker=speaker, direct=True, date=_date(article, sent), text=words.strip().rstrip(",;:")))
        for tok in sent:
            if tok.text.lower() not in verbs:
                continue
            clause = _reported_clause(tok, direct_spans, proposals)
            if clause is None:
                continue
            speaker = _subject_speaker(article, tok)
            if speaker:
                start, end = clause
                out.append(article.claim("quote", sent.start_char, sent.end_char, speaker=speaker, direct=False, date=_date(article, sent), text=article.text[start:end].strip(" ,;:")))
        out.extend(_according_to(article, sent, direct_spans))
    out.extend(_transcript(article))
    return out


def _transcript(article) -> list[Claim]:
    """Paragraphs of a transcript ("Name: words"), one direct quote each, until another speaker takes over."""
    out, speaker = [], None
    for para in re.finditer(r"[^\n]+", article.text):
        m = TRANSCRIPT.match(para.group(0))
        if m:
            p = article.entities.person(m.group("who"))
            speaker = p.name if p else None
            if speaker is None:
                continue
            start = para.start() + m.start("words")
        elif speaker and para.group(0).strip() and not para.group(0).rstrip().endswith("?"):
            start = para.start()
        else:
            continue
        words = article.text[start: para.end()].strip()
        if len(words.split()) >= MIN_DIRECT_WORDS and speaker:
            out.append(article.claim("quote", para.start(), para.end(), speaker=speaker, direct=True, date=None, text=words))
    return out


def _direct_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the words inside each pair of quote marks (marks excluded)."""
    spans, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in OPEN_QUOTES:
            close = CLOSE_FOR[ch]
            j = text.find(close, i + 1)
            if ch == '"':
                j = text.find('"', i + 1)
            if j < 0 or j - i > 3000:
                i += 1
                continue
            spans.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return spans


def _is_speech(text: str, s: int, e: int, sent_start: int) -> bool:
    """Quoted words are speech when they stand as a clause of their own, not a phrase inside a sentence."""
    n = len(text[s:e].split())
    if n < MIN_DIRECT_WORDS:
        return False
    before = text[sent_start: s - 1].rstrip()
    # Opening a sentence or after "said:" / "said," the words are the speaker's own; mid-phrase
    # (a word right before the mark) they are a scare quote unless long enough to be a statement.
    return not before or before[-1] in ":,—–-" or n >= SCARE_QUOTE_MAX_WORDS


def _in_direct(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e + 1 for s, e in spans)


def _reported_clause(verb, direct_spans, proposals: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The clause a speech verb reports ("said (that) …", "…, the ministry said", "expressed confidence that …",
    "proposed to …"), unless it is inside or is a direct quote."""
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if not comps:
        # "expressed confidence/hope that …": the clause hangs off the noun.
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            comps = [c for c in obj.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" for m in c.children)]
            if comps:
                break
    if not comps and verb.dep_ in ("parataxis", "ccomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        # "X will attend the summit, announced spokesperson Y": the statement is the head clause.
        head = verb.head
        toks = [t for t in head.subtree if t.i < min(x.i for x in verb.subtree)]
        while toks and toks[-1].is_punct:
            toks.pop()
        return _checked(toks, verb, direct_spans)
    if not comps:
        return None
    comp = comps[0]
    toks = sorted(comp.subtree, key=lambda t: t.i)
    toks = [t for t in toks if t.dep_ != "mark" or t.i != toks[0].i]
    if comp.dep_ == "xcomp" and not any(t.dep_ == "nsubj" for t in comp.children) and verb.text.lower() not in proposals:
        return None  # "called to …" is not a statement; "proposed to …" is
    return _checked(toks, verb, direct_spans)


def _checked(toks, verb, direct_spans) -> tuple[int, int] | None:
    """The clause's span, unless it is too short or mostly inside quote marks (a direct quote's business)."""
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if len(toks) < 4:
        return None
    quoted = sum(min(end, e) - max(start, s) for s, e in direct_spans if s < end and e > start)
    if _in_direct(start, end, direct_spans) or quoted > (end - start) / 2:
        return None
    if _in_direct(verb.idx, verb.idx + 1, direct_spans):
        return None
    return start, end


def _subject_speaker(article, verb) -> str | None:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        # "…, Xi said" parsed with the clause as head: the subject hangs off a conjunct or the head.
        if verb.dep_ in ("conj", "advcl") and verb.head.pos_ == "VERB":
            return _subject_speaker(article, verb.head)
        return None
    return _resolve(article, subj[0])


def _speaker_for_sentence(article, sent, verbs, exclude) -> str | None:
    for tok in sent:
        if exclude[0] <= tok.idx < exclude[1]:
            continue
        if tok.text.lower() in verbs:
            who = _subject_speaker(article, tok)
            if who:
                return who
    for tok in sent:
        if tok.text.lower() == "according" and tok.nbor(1).text.lower() == "to":
            for t in tok.nbor(1).subtree:
                if t.i > tok.i + 1:
                    return _resolve(article, t)
    return None


def _speaker_nearby(article, sent, verbs, end) -> str | None:
    """A quote standing alone after "X said:" or continuing the previous sentence's quote."""
    prev = article.notes.get("last_direct_speaker")
    before = article.text[max(0, sent.start_char - 3): sent.start_char]
    if prev and prev[1] >= sent.start_char - 400:
        return prev[0]
    return None


def _according_to(article, sent, direct_spans) -> list[Claim]:
    out = []
    for tok in sent:
        if tok.text.lower() != "according" or tok.i + 2 >= sent.end or tok.nbor(1).text.lower() != "to":
            continue
        obj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        who = _resolve(article, obj, persons_only=True)
        if not who:
            continue
        rest_start = max(t.i for t in obj.subtree) + 1
        toks = [t for t in sent[rest_start - sent.start:] if not t.is_punct or t.text in "-%$"]
        if len(toks) < 4:
            toks = [t for t in sent[: tok.i - sent.start] if not t.is_space]
        if len(toks) < 4:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if _in_direct(start, end, direct_spans):
            continue
        out.append(article.claim("quote", sent.start_char, sent.end_char, speaker=who, direct=False, date=_date(article, sent), text=article.text[start:end].strip(" ,;:")))
    return out


def _resolve(article, tok, persons_only: bool = False) -> str | None:
    """The speaker a subject token stands for: a person, a pronoun's antecedent, "the Chinese leader", an institution."""
    mentions = person_mentions(article)
    span_toks = list(tok.subtree) if tok.pos_ in ("PROPN", "NOUN") else [tok]
    s, e = min(t.idx for t in span_toks), max(t.idx + len(t.text) for t in span_toks)
    for m in mentions:
        if m.start >= s and m.end <= e + 2 and (m.known or len(m.name.split()) > 1):
            article.notes["last_direct_speaker"] = (m.name, e)
            return m.name
    low = tok.text.lower()
    if low in PRONOUNS:
        m = _antecedent(mentions, tok.idx, PRONOUNS[low])
        return m.name if m else None
    if tok.pos_ == "NOUN":
        phrase = article.text[s:e]
        m = _described(article, mentions, phrase, tok.idx)
        if m:
            return m.name
        if not persons_only:
            inst = _institution(article, phrase)
            if inst:
                return inst
    if tok.pos_ == "PROPN" and not persons_only:
        inst = _institution(article, article.text[s:e])
        if inst:
            return inst
    if not persons_only and low not in PRONOUNS:
        return _speaking_body(article, tok, s, e)
    return None


def _speaking_body(article, tok, s: int, e: int) -> str | None:
    """A ministry, press service or news agency speaking: its own words, without the article."""
    phrase = re.sub(r"^(?:the|a|an)\s+", "", article.text[s:e].strip(), flags=re.IGNORECASE)
    if len(phrase.split()) > 6 or not phrase:
        return None
    if re.search(BODY_WORDS, phrase, re.IGNORECASE):
        return phrase
    if any(ent.label_ == "ORG" and ent.start <= tok.i < ent.end for ent in tok.doc.ents) and phrase[:1].isupper():
        return phrase
    return None


def _antecedent(mentions: list[PersonMention], at: int, gender: str | None) -> PersonMention | None:
    for m in reversed(mentions):
        if m.end <= at and at - m.end <= COREF_WINDOW and (m.gender in (None, gender)) and (m.known or len(m.name.split()) > 1):
            return m
    return None


def _described(article, mentions, phrase: str, at: int) -> PersonMention | None:
    """ "the Chinese leader", "the Kazakh president", "the minister": the last person it fits."""
    if not re.search(r"\b(?:leader|president|minister|spokes\w+|premier|head of state|chairman|envoy|ambassador)\b", phrase, re.IGNORECASE):
        return None
    if not re.match(r"(?:the|this)\b", phrase, re.IGNORECASE):
        return None
    country = next((m.key for m in article.entities.mentions(phrase) if m.kind == "state"), None)
    for m in reversed(mentions):
        if m.end <= at and at - m.end <= COREF_WINDOW * 2 and (country is None or m.country == country) and m.known:
            return m
    return None


def _institution(article, phrase: str) -> str | None:
    for m in article.entities.mentions(phrase):
        if m.kind == "institution":
            return m.key
    return None


def _date(article, sent) -> str | None:
    for ent in sent.ents:
        if ent.label_ == "DATE":
            m = re.fullmatch(r"(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", ent.text.strip(), re.IGNORECASE)
            if m:
                d = resolve_weekday(m.group(1), article.published)
                return d.isoformat() if d else None
    return None


def speaker_at(article, offset: int) -> str | None:
    """The last person mentioned before an offset (for commitments made in a quote)."""
    m = _antecedent(person_mentions(article), offset, None)
    return m.name if m else None
