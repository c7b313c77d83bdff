"""Who acts in a clause: the parties its subject names, through pronouns, collectives ("the two sides",
"all parties") and the speaker of the words it stands in.

Pure functions over a parsed article. What could later serve every kind ("which parties does this
span name", the group written for all its members) is `parties_in`, `parties_around` and `as_written`.
"""

from __future__ import annotations

from ..lang import language_words
from .mentions import person_mentions

__all__ = ["clause_subject", "subject_parties", "parties_in", "parties_around", "meeting_parties", "as_written", "speaker_parties"]


def _words(key: str) -> frozenset[str]:
    return frozenset(language_words("en", key))



COLLECTIVE = _words("collective_nouns")
PEOPLE = _words("people_collectives")
OWN_STATE = _words("own_state_nouns")
FIRST_PERSON = _words("first_person")
NUMBER_WORDS = language_words("en", "cardinals")
QUOTE_OPEN, QUOTE_CLOSE = "\"“«„", "\"”»"
# How far a shared subject is looked for above the clause: "stands ready to …", "…, announcing to build".
CLIMB = ("xcomp", "conj", "advcl", "acomp", "pcomp")


def clause_subject(tok):
    """The subject of the clause the token stands in, through verbs that share their subject with the one above."""
    head = tok
    for _ in range(5):
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:  # a dateline's "(Xinhua)" can hang on the verb as a second subject: the nearest one before is the doer
            return sorted(subj, key=lambda c: (c.i > head.i, -c.i))[0]
        if head.dep_ not in CLIMB or head.head is head:
            return None
        if head.dep_ == "advcl" and not (head.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)):
            return None  # "…, as the minister said": a clause of its own
        head = head.head
    return None


def speech_verb(tok, speech: frozenset[str]):
    """The speech verb whose reported clause holds the token ("Xi said China would …"), or None."""
    t = tok
    for _ in range(6):
        if t.head is t:
            return None
        if t.dep_ == "ccomp" and t.head.lower_ in speech:
            return t.head
        if t.dep_ not in ("conj", "xcomp", "advcl", "aux", "acomp", "prep", "pcomp", "dobj", "pobj", "acl", "relcl", "nsubj", "nsubjpass"):
            return None
        t = t.head
    return None


def speaker_parties(article, tok, speech: frozenset[str]) -> frozenset[str]:
    """The state of whoever says the words the token stands in: the speech verb's subject, else the person quoted."""
    verb = speech_verb(tok, speech)
    if verb is not None:
        subj = clause_subject(verb)  # "…, saying that the country will …": the subject of the clause above
        if subj is not None and subj.lower_ not in COLLECTIVE | {"they", "it"}:
            found = _named(article, subj)
            if found:
                return found
        if subj is not None and subj.lower_ in ("he", "she"):
            return _last_person(article, subj.idx)
    if _inside_quote(article.text, tok.idx):
        return _last_person(article, tok.idx)
    return frozenset()


def subject_parties(article, subj, speech: frozenset[str]) -> frozenset[str]:
    """The parties a clause's subject stands for (empty when it names none, or a thing)."""
    low = subj.lower_
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if low in FIRST_PERSON or (low in OWN_STATE and owner is not None and owner.lower_ in FIRST_PERSON):
        return speaker_parties(article, subj, speech)  # "we", "our country": the speaker's state, never the writer's
    if low in OWN_STATE and (owner is not None or any(c.lower_ == "the" for c in subj.children)) and not parties_in(article, _phrase(article, subj)):
        said = speaker_parties(article, subj, speech)
        return said or (_last_person(article, subj.idx) if owner is not None and owner.lower_ in ("his", "her") else frozenset())
    if low in ("he", "she"):
        prev = _previous_subject(subj)
        found = _named(article, prev) if prev is not None and subj.head.dep_ == "ROOT" else frozenset()
        return found or _last_person(article, subj.idx)
    if low in ("it", "they", "them", "which", "that", "who"):
        return _pronoun(article, subj, speech)
    if low in COLLECTIVE and not parties_in(article, _phrase(article, subj)):
        earlier = _earlier_mention(article, subj)  # "the ministers" after "the five ministers"
        return subject_parties(article, earlier, speech) if earlier is not None else _collective(article, subj)
    return _named(article, subj)


def _pronoun(article, subj, speech) -> frozenset[str]:
    """"it" and "they" stand for a party only in what a party says of itself, or for the collective before them."""
    verb = speech_verb(subj, speech)
    if verb is not None:
        said = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if said is None or said.pos_ != "PROPN":
            return frozenset()
        if subj.lower_ == "they" and not parties_in(article, said.text):
            # a person says "they": not himself but the parties he speaks for ("Xi said they would consider …")
            return meeting_parties(article, subj.sent)
        return _named(article, said)
    if subj.lower_ == "they":  # the parties the text has just named: "… met in Bishkek. They agreed to …"
        prev = _previous_subject(subj)
        if prev is not None and (prev.lower_ in COLLECTIVE or len(_named(article, prev)) >= 2):
            return subject_parties(article, prev, speech)
        codes = as_written(article.profile, parties_around(article, subj.sent))
        return codes if len(codes) >= 2 else frozenset()
    return frozenset()  # "it", "which": a thing, as a rule


def _earlier_mention(article, subj):
    """The nearest earlier mention of the same collective noun that says whose it is ("the five ministers", "Kazakh ministers")."""
    if subj.lower_ not in PEOPLE or _modifiers(subj):
        return None  # "the parties" are everyone met; "the two sides" say it themselves
    doc = subj.doc
    for t in reversed(doc[max(0, subj.i - 200): subj.i]):
        if t.lower_ == subj.lower_ and t.dep_ in ("nsubj", "nsubjpass") and _modifiers(t):
            return t
    return None


def _modifiers(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("nummod", "amod", "compound", "poss", "prep")}


def _collective(article, subj) -> frozenset[str]:
    """"the two sides" → the two parties named most around; "the five …" → the group of five; "all parties",
    "the six countries" → everyone at the meeting."""
    of = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
    if of is not None and of.lower_ in COLLECTIVE:
        return _collective(article, of)  # "the leaders of the six countries": the countries say who
    mods = {c.lower_ for c in subj.children}
    n = _count(mods)
    if subj.lower_ in ("countries", "nations", "states", "governments") and n is None and not mods & {"the", "all", "these", "those"}:
        return frozenset()  # "countries will …": which ones is not said
    group = article.profile.group_code
    members = next((g.members for g in article.profile.groups if g.code == group), ())
    if n is not None and n == len(members):
        return frozenset({group})
    if n is not None and n < len(members):
        codes = [c for c in parties_around(article, subj.sent) if c != group] or parties_around(article, subj.sent)
        if len(set(codes)) < n:
            return frozenset()
        # the n named most, the later mention breaking a tie
        ranked = sorted(set(codes), key=lambda c: (codes.count(c), max(i for i, x in enumerate(codes) if x == c)), reverse=True)
        return frozenset(ranked[:n])
    return meeting_parties(article, subj.sent)


def _count(mods: set[str]) -> int | None:
    """How many a collective says it is: "both", "two", "3"."""
    if "both" in mods:
        return 2
    for m in mods:
        if m.isdigit():
            return int(m)
        if m in NUMBER_WORDS:
            return NUMBER_WORDS.index(m)
    return None


def meeting_parties(article, sent) -> frozenset[str]:
    """Everyone at the meeting the text reports: the parties named around the sentence, else those named before it."""
    codes = as_written(article.profile, parties_around(article, sent))
    if len(codes) < 2:
        codes = as_written(article.profile, [*codes, *parties_in(article, article.text[: sent.end_char], 0)])
    return codes if len(codes) >= 2 else frozenset()


def as_written(profile, codes) -> frozenset[str]:
    """Parties as the record writes them: a group for all its members, and no member beside its group."""
    out = set(codes)
    for g in profile.groups:
        if g.members and (set(g.members) <= out or g.code in out):
            out = (out - set(g.members)) | {g.code}
    return frozenset(out)


def parties_in(article, phrase: str, offset: int | None = None) -> list[str]:
    """Every mention of a party in the phrase, in order, repeats kept; with the phrase's offset, people count for their state."""
    found = []
    for m in article.entities.mentions(phrase):
        place = article.entities.place(m.surface) if m.kind == "place" else None
        inst = article.entities.institution(m.surface) if m.kind == "institution" else None
        code = m.key if m.kind in ("state", "group") else (place.country if place else (inst.country if inst else None))
        if code and (code == article.profile.group_code or article.profile.state(code)):
            found.append((m.start, code))
    if offset is not None:
        for pm in person_mentions(article):
            if offset <= pm.start < offset + len(phrase) and pm.country and article.profile.state(pm.country):
                found.append((pm.start - offset, pm.country))
    return [c for _, c in sorted(found)]


def parties_around(article, sent) -> list[str]:
    """The parties the sentence names, with those of up to three sentences before it until two are named."""
    codes = parties_in(article, article.text[sent.start_char: sent.end_char], sent.start_char)
    text, end = article.text, sent.start_char
    for _ in range(3):
        if len(set(codes)) >= 2:
            break
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = max(text.rfind(". ", 0, max(0, end - 1)), text.rfind("\n", 0, max(0, end))) + 1
        codes = parties_in(article, text[start:end], start) + codes
        end = start
    return codes


def _named(article, subj) -> frozenset[str]:
    """The parties a noun phrase names: states, groups, their demonyms, places, institutions, people."""
    toks = list(subj.subtree)
    start, end = _list_start(article, toks[0]), toks[-1].idx + len(toks[-1].text)
    codes = parties_in(article, article.text[start:end])
    if not codes:  # "Chinese-funded firms": a demonym fused into a compound adjective still names the party
        codes = [c for t in toks if t.pos_ in ("PROPN", "ADJ") and t.i + 1 < len(t.doc) and t.nbor(1).text == "-" for c in parties_in(article, t.text)]
    if not codes:
        codes = [m.country for m in person_mentions(article) if start <= m.start < end + 1 and m.country]
    return as_written(article.profile, codes)


def _list_start(article, first) -> int:
    """Where a run of party names before the subject starts: "China, Kazakhstan … and Uzbekistan have agreed" read whole,
    however the parser hung the earlier names."""
    doc, start, i = first.doc, first.idx, first.i - 1
    if not parties_in(article, first.text):
        return start
    while i >= first.sent.start and doc[i].text in (",", "and"):
        while i > first.sent.start and doc[i - 1].text in (",", "and"):
            i -= 1
        j = i - 1
        while j >= first.sent.start and doc[j].pos_ == "PROPN":
            j -= 1
        if j == i - 1:
            break
        run = doc[j + 1: i]
        if not parties_in(article, run.text):
            break
        start, i = run.start_char, j
        if i >= first.sent.start and doc[i].lower_ == "the":
            start, i = doc[i].idx, i - 1
    return start


def _phrase(article, tok) -> str:
    """The noun phrase without the clauses hung on it ("the parties, recognizing the region's future,")."""
    toks = sorted([tok, *(t for c in tok.children if c.dep_ not in ("acl", "relcl", "appos", "punct", "advcl") for t in c.subtree)], key=lambda t: t.i)
    return article.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]


def _last_person(article, before: int) -> frozenset[str]:
    named = [m for m in person_mentions(article) if m.end <= before and m.country]
    return frozenset({named[-1].country}) if named else frozenset()


def _previous_subject(tok):
    """The subject of the main clause of the sentence before, in the same paragraph, when it is a noun."""
    sent = tok.sent
    if sent.start == 0:
        return None
    prev = tok.doc[sent.start - 1].sent
    if "\n" in tok.doc.text[prev.end_char: sent.start_char] or not prev.text.strip():
        return None
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN") else None


def _inside_quote(text: str, at: int) -> bool:
    """Whether the offset stands inside quote marks opened in its paragraph."""
    start = text.rfind("\n", 0, at) + 1
    seg = text[start:at]
    straight = seg.count('"')
    return straight % 2 == 1 or sum(seg.count(c) for c in QUOTE_OPEN[1:]) > sum(seg.count(c) for c in QUOTE_CLOSE[1:])


