"""People named in an article: spaCy's PERSON entities and the profile's names, linked to canonical people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import language_words

__all__ = [
    "PersonMention", "person_mentions", "canonical_person", "PRONOUNS", "COREF_WINDOW",
    "antecedent", "salient_subject", "address_author", "described", "clause_subject", "mention_head",
]

# How far back (characters) a pronoun or "the Chinese leader" may reach for its person.
COREF_WINDOW = 1500
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|president|premier|minister|h\.?e\.?)\.?\s+", re.IGNORECASE)
# Initials before a surname ("K.K.Tokaev", "S.N. Japarov", "Sh. M. Mirziyoyev").
INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s*)+(?=[A-Z])")
POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str  # canonical when the profile knows the person, else the fullest form the text gives
    known: bool
    country: str | None = None
    gender: str | None = None


@lru_cache(maxsize=8)
def _title_words(profile) -> frozenset[str]:
    return frozenset(w for phrases in profile.roles.values() for phrase in phrases for w in re.split(r"[\s-]+", phrase.lower()) if w)


def canonical_person(article, surface: str) -> tuple[str, bool, str | None, str | None] | None:
    """(name, known, country, gender) for a surface name; None when it is not a person's name."""
    s = POSSESSIVE.sub("", HONORIFIC.sub("", surface.strip()))
    # "Kazakhstan Mukhtar Tleuberdi", "Astana Kassymbek …": a place name run into the person's name.
    words = s.split()
    while len(words) > 1 and (len(words) > 2 or INITIALS.match(words[1])) and article.entities.lookup(words[0]):
        words = words[1:]
    s = " ".join(words)
    bare = INITIALS.sub("", s)
    if bare != s and (p := article.entities.person(bare)):
        return p.name, True, p.country, p.gender  # "K.K. Tokaev", "Sh.M. Mirziyoyev": initials, then a known surname
    if not s or not s[0].isupper():
        return None
    if all(w.lower() in _title_words(article.profile) for w in words):
        return None  # "Councilor", "Vice Premier": a title the model took for a name
    if len(words) > 1 and words[-1].lower() in _title_words(article.profile) and article.entities.lookup(words[0]):
        return None  # "Tajik Minister": a state's title with no name after it
    p = article.entities.person(s)
    if p:
        return p.name, True, p.country, p.gender
    if article.entities.lookup(s):  # a state, place or institution
        return None
    return s, False, None, None


def _name_offset(article, surface: str, hit) -> int:
    """Where the name itself starts inside an entity the model ran together with a title or place."""
    name, known = hit[0], hit[1]
    person = article.entities.person_by_name(name) if known else None
    low = surface.lower()
    for form in sorted((name, *(person.aliases if person else ())), key=len, reverse=True):
        i = low.find(form.lower())
        if i > 0:
            return i
    words = surface.split()
    if known and len(words) > 1 and article.entities.lookup(words[0]):
        return len(surface) - len(surface[len(words[0]):].lstrip())  # "Kazakhstan K.K.Tokaev": the place is not the name
    return 0


def person_mentions(article) -> list[PersonMention]:
    """Every mention of a person, in text order, with unknown surnames resolved to an earlier full name."""
    if "person_mentions" in article.notes:
        return article.notes["person_mentions"]
    found: dict[int, PersonMention] = {}
    for ent in article.doc.ents:
        if ent.label_ != "PERSON":
            continue
        hit = canonical_person(article, ent.text)
        if hit:
            end = ent.end_char - (len(ent.text) - len(POSSESSIVE.sub("", ent.text)))
            start = ent.start_char + _name_offset(article, ent.text, hit)
            found[start] = PersonMention(start, end, *hit)
    for m in article.entities.mentions(article.text):
        if m.kind == "person" and not any(f.start <= m.start < f.end for f in found.values()):
            p = article.entities.person_by_name(m.key)
            found[m.start] = PersonMention(m.start, m.end, p.name, True, p.country, p.gender)
    out = sorted(found.values(), key=lambda m: m.start)
    # "Tokayev" after "Kassym-Jomart Tokayev", "Wang" after "Wang Wenbin": a single name means the
    # full name given before that ends (Western order) or starts (Chinese order) with it.
    full: dict[str, PersonMention] = {}
    resolved = []
    for m in out:
        words = m.name.split()
        if len(words) == 1 and words[0].lower() in full and (not m.known or full[words[0].lower()].name != m.name):
            f = full[words[0].lower()]
            m = PersonMention(m.start, m.end, f.name, f.known, f.country, f.gender)
        elif len(words) > 1:
            full[words[-1].lower()] = m
            full[words[0].lower()] = m
        resolved.append(m)
    # A bare surname the model did not tag ("Wang said …") after its full name was given.
    covered = {i for m in resolved for i in range(m.start, m.end)}
    for tok in article.doc:
        key = tok.text.lower()
        if tok.pos_ == "PROPN" and key in full and tok.idx not in covered:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue  # part of another name
            f = full[key]
            if f.start < tok.idx:
                resolved.append(PersonMention(tok.idx, tok.idx + len(tok.text), f.name, f.known, f.country, f.gender))
    resolved.sort(key=lambda m: m.start)
    article.notes["person_mentions"] = resolved
    return resolved


# ---- coreference: who a pronoun, a title or a message's words stand for (pure functions of the parse and the mentions)

def antecedent(mentions: list[PersonMention], at: int, gender: str | None) -> PersonMention | None:
    """The nearest person named before a position (of the pronoun's gender when known), within the window."""
    for m in reversed(mentions):
        if m.end <= at and at - m.end <= COREF_WINDOW and (m.gender in (None, gender)) and (m.known or len(m.name.split()) > 1):
            return m
    return None


def clause_subject(tok, verbs) -> bool:
    """A subject of its sentence's main clause or of a speech verb: who the story is about at that point."""
    if tok.dep_ == "pobj" and tok.head.text.lower() == "to" and tok.head.i > 0 and tok.doc[tok.head.i - 1].text.lower() == "according":
        return True  # "According to Tokayev, …": the speaker of the sentence
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = tok.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ == "ROOT" or head.text.lower() in verbs


def mention_head(doc, m: PersonMention):
    """The token of a mention whose head lies outside it (its syntactic head in the sentence)."""
    toks = [t for t in doc if m.start <= t.idx < m.end]
    return next((t for t in toks if not (m.start <= t.head.idx < m.end) or t.head is t), None)


def salient_subject(mentions: list[PersonMention], pron, gender: str | None, verbs: frozenset[str]) -> PersonMention | None:
    """The person a pronoun subject continues: the last main-clause (or speech-verb) subject before it.

    "Japarov recalled that he and Xi …. …, he noted": the story follows its subject, not the last
    name it mentions. A pronoun subject on the way continues the same person, so the search goes on.
    """
    doc = pron.doc
    sent = pron.sent
    while sent is not None and pron.idx - sent.end_char <= COREF_WINDOW:
        inside = [m for m in mentions if sent.start_char <= m.start and m.end <= min(sent.end_char, pron.idx)]
        author = address_author(sent, inside)
        if author is not None and (gender is None or author.gender in (None, gender)):
            return author  # "X read out a message from Xi. He noted …": the message's author speaks
        for m in reversed(inside):
            head = mention_head(doc, m)
            if head is not None and clause_subject(head, verbs) and (gender is None or m.gender in (None, gender)) and (m.known or len(m.name.split()) > 1):
                return m
        subjects = [t for t in sent if t.i < pron.i and clause_subject(t, verbs)]
        if subjects and not any(t.text.lower() in PRONOUNS for t in subjects) and any(
            m.start <= t.idx < m.end for t in subjects for m in inside
        ):
            return None  # the sentence's subject is a person of the other gender or an unnamed one: no guess
        sent = doc[sent.start - 1].sent if sent.start > 0 else None
    return None


def address_author(sent, inside: list[PersonMention]) -> PersonMention | None:
    """The author of an address, message or letter the sentence names ("read out an address from President X",
    "in the message of X"): whose words the next sentences report, whoever reads them out."""
    nouns = _address_nouns()
    for tok in sent:
        if tok.lower_ not in nouns:
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "by")):
            span = (min(t.idx for t in prep.subtree), max(t.idx + len(t.text) for t in prep.subtree))
            named = [m for m in inside if span[0] <= m.start and m.end <= span[1] and (m.known or len(m.name.split()) > 1)]
            if named:
                return named[0]  # the author; a reader comes after ("…, which was read out by Y")
    return None


@lru_cache(maxsize=1)
def _address_nouns() -> frozenset[str]:
    return frozenset(language_words("en", "address_nouns"))


def described(text: str, entities, mentions: list[PersonMention], phrase: str, at: int, salient: PersonMention | None = None) -> PersonMention | None:
    """ "the Chinese leader", "the Kazakh president", "the minister": the last person it fits. A description
    that names no state ("the head of state") is the story's subject at that point (salient) when it is known."""
    if not re.search(r"\b(?:leader|president|minister|spokes\w+|premier|head of state|chairman|envoy|ambassador)\b", phrase, re.IGNORECASE):
        return None
    office = re.search(r"\b(?:spokes\w+|minister|ambassador|envoy)\b", phrase, re.IGNORECASE)
    if office and (re.match(r"(?:the|this|a|an)\b", phrase, re.IGNORECASE) or len(phrase.split()) <= 3):
        # (also "Tajik minister, in particular, noted …", "said the Minister": a bare title for the person given it)
        # "a foreign ministry spokesperson announced …" where the article names the spokesperson
        # ("spokesperson Lin Jian", "Lin Jian, the spokesperson,"): the nearest person given that title.
        word = office.group(0).lower()
        titled = [m for m in mentions if m.known or len(m.name.split()) > 1]
        titled = [m for m in titled if word in _title_before(text, m.start) or word in _title_after(text, m.end)]
        before = [m for m in titled if m.end <= at and at - m.end <= COREF_WINDOW * 2]
        after = [m for m in titled if m.start > at and m.start - at <= COREF_WINDOW]
        if before or after:
            return before[-1] if before else after[0]
    if not re.match(r"(?:the|this)\b", phrase, re.IGNORECASE):
        return None
    country = next((m.key for m in entities.mentions(phrase) if m.kind == "state"), None)
    if country is None and salient is not None and salient.known:
        return salient
    for m in reversed(mentions):
        if m.end <= at and at - m.end <= COREF_WINDOW * 2 and (country is None or m.country == country) and m.known:
            return m
    return None


def _title_before(text: str, at: int) -> str:
    """The words just before a name on its line ("Foreign Ministry spokesperson Lin Jian")."""
    return text[max(0, at - 60): at].rsplit("\n", 1)[-1].lower()


def _title_after(text: str, at: int) -> str:
    """The apposition just after a name ("Lin Jian, the ministry's spokesperson,"), to the end of its phrase."""
    return re.split(r"[\n.;]", text[at: at + 40], maxsplit=1)[0].lower()
