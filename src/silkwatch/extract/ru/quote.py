"""Russian quote claims: words in quote marks and reported clauses with a speech verb, attributed to a named person."""

from __future__ import annotations

import re
from functools import lru_cache

from ...records import Claim
from .dates import find_dates
from .names import word_keys
from .parse import Token
from .role import Person, people
from .rules import rules

__all__ = ["extract", "speakers_before", "clause_end"]

OPEN, CLOSE = "«“„\"", "»”“\""
# The words of a direct quote: inside one pair of marks (« », “ ”, „ “, " "), at least a few words long.
QUOTED = re.compile(r"[«“„\"][»”\"]*(?P<q>[^«»“”„\"\n]{12,}?)[»”“\"]")  # a stray mark after the opener («» …) is a typo
# «А также, что …»: one more clause of the speaker of the sentence before.
ALSO_THAT = re.compile(r"\s*(?:[АаИи]\s+)?[Тт]акже,?\s+что\s+")
# «…», — сказал он / «…», — отметил председатель …: a dash after the closing mark, then the verb.
DASH_AFTER = re.compile(r"^[,.]?\s*[-–—]+\s*")
# An attribution trailing a reported clause: «…, сообщает газета», «…, передает агентство»: where it ends.
TRAILING = re.compile(r",\s*(?:[-–—]\s*)?(?:сообщает|сообщил[аи]?|передает|передаёт|пишет|отметил[аи]?|подчеркнул[аи]?|заявил[аи]?|добавил[аи]?)\b")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    lex = rules("speech")
    keys = lambda ws: frozenset(k for w in ws for k in word_keys(w))  # noqa: E731
    return {"verbs": keys(lex["verbs"]), "clause_only": keys(lex["clause_only"]), "proposal": keys(lex["proposal"]),
            "referents": keys(lex["referents"]), "pronouns": frozenset(lex["pronouns"])}


def extract(art) -> list[Claim]:
    """Every quote with a named speaker: direct quotes first, then reported clauses outside them."""
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for start, end, speaker in _direct(art):
        out.append(_claim(art, start, end, speaker, True))
        taken.append((start, end))
    last = None
    for n in range(len(art.doc.sents)):
        found = False
        for start, end, speaker, direct, *gap in _reported(art, n):
            if any(a <= start < b or start <= a < end for a, b in taken):
                continue
            out.append(_claim(art, start, end, speaker, direct, gap[0] if gap else None))
            taken.append((start, end))
            found, last = True, speaker
        if not found:
            a, b = art.doc.sent_span(n)
            m = ALSO_THAT.match(art.text, a, b)
            if m and last is not None and n and _quoted_before(taken, art.doc.sent_span(n - 1)):
                out.append(_claim(art, m.end(), _clause_end(art, m.end(), b), last, False))
                taken.append((m.end(), b))
                continue
            last = None
    return _without_repeats(out, art.text)


def _without_repeats(claims: list[Claim], text: str) -> list[Claim]:
    """A headline repeats the story's words: of two quotes of one speaker with mostly the same words, one in the
    story's first lines, the longer."""
    keep: list[Claim] = []
    for c in sorted(claims, key=lambda c: -len(c.text or "")):
        words = set(re.findall(r"\w+", (c.text or "").lower()))
        headline = sum(1 for line in text[:c.span[0]].split("\n") if line.strip()) < 2
        if headline and any(k.speaker == c.speaker and words and len(words & set(re.findall(r"\w+", k.text.lower()))) >= 0.8 * len(words) for k in keep):
            continue
        keep.append(c)
    return sorted(keep, key=lambda c: c.span)


def _quoted_before(taken, span) -> bool:
    return any(span[0] <= a < span[1] for a, _ in taken)


def _claim(art, start: int, end: int, speaker: Person, direct: bool, gap: tuple | None = None) -> Claim:
    tok = art.doc.token_at(start)
    day = None
    if tok is not None:
        a, b = art.doc.sent_span(tok.sent)
        days = [d for d in find_dates(art.text, a, b, art.published) if len(d.first) == 10]
        day = days[0].first if days else None
    if gap:
        text = (art.text[start:gap[0]] + " " + art.text[gap[1]:end]).strip()
    else:
        text = art.text[start:end].strip().strip(OPEN + CLOSE).strip()
    return art.claim("quote", start, end, speaker=speaker.name, direct=direct, date=day, text=text)


# ---------------------------------------------------------------------- direct
def _direct(art):
    """«…», — сказал X  and  X сказал: «…»."""
    for m in QUOTED.finditer(art.text):
        after = DASH_AFTER.match(art.text[m.end():m.end() + 6])
        speaker = None
        if after:
            verb = art.doc.token_at(m.end() + after.end())
            if verb is not None and word_keys(verb.text) & _lexicon()["verbs"]:
                speaker = _subject(art, verb)
        elif re.search(r":\s*$", art.text[max(0, m.start() - 3):m.start()]):
            verb = _verb_before(art, m.start())
            speaker = _subject(art, verb) if verb is not None else None
        if speaker is not None:
            yield m.start("q"), m.end("q"), speaker


def _verb_before(art, pos: int) -> Token | None:
    tok = art.doc.token_at(max(0, pos - 2))
    if tok is None:
        return None
    for t in reversed(art.doc.sent_tokens(tok.sent)):
        if t.end <= pos and word_keys(t.text) & _lexicon()["verbs"]:
            return t
    return None


# ---------------------------------------------------------------------- reported
def _reported(art, n: int):
    toks = art.doc.sent_tokens(n)
    a, b = art.doc.sent_span(n)
    lex = _lexicon()
    according = _according(art, toks)
    if according:
        yield according
    said_by = None
    for k, t in enumerate(toks):
        keys = word_keys(t.text)
        if t.pos != "VERB" or not (keys & (lex["verbs"] | lex["proposal"])):
            continue
        # «…, подчеркнул Ван И, отметив, что …»: a gerund's speaker is the speaker of the verb before it
        speaker = said_by if t.feat("VerbForm") == "Conv" else _subject(art, t)
        if speaker is None:
            continue
        said_by = speaker
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        that = _that_clause(toks, k)
        if that is not None:
            start, direct = that
            yield start, _clause_end(art, start, b), speaker, direct
        elif keys & lex["proposal"] and nxt is not None and nxt.feat("VerbForm") == "Inf":
            yield nxt.start, _clause_end(art, nxt.start, b), speaker, False
        elif not (keys & lex["clause_only"]) and k > 1 and toks[k - 1].text in {",", "—", "–"}:
            # «Рост поставок продолжится, отметил X»: the words before the verb, up to the comma
            end = toks[k - 1].start if toks[k - 1].text == "," else toks[k - 2].start
            first = toks[0].start
            if end - first > 15 and not _has_verb_before(toks, k - 1, lex):
                direct = art.text[first] in OPEN
                yield first, end, speaker, direct


def _has_verb_before(toks, k, lex) -> bool:
    return any(word_keys(t.text) & lex["verbs"] for t in toks[:k])


def _that_clause(toks, k) -> tuple[int, bool] | None:
    """Where the «что» clause after a speech verb starts (a few words may come between: «заявил журналистам, что»)."""
    for j in range(k + 1, min(len(toks), k + 12)):
        t = toks[j]
        if t.text.lower() == "что" and toks[j - 1].text in {",", "о", "том"} | {toks[j - 1].text} and j + 1 < len(toks):
            if toks[j - 1].text != "," and toks[j - 1].text.lower() != "том":
                continue
            start = toks[j + 1]
            if start.text in OPEN and j + 2 < len(toks):
                return toks[j + 2].start, True
            return start.start, False
        if t.pos == "VERB":
            return None  # another predicate's clause («подчеркнул Ван И, отметив, что …»)
    return None


def clause_end(art, start: int, limit: int) -> int:
    """Where a reported clause that starts at `start` ends: before a trailing attribution, else at the sentence's end."""
    return _clause_end(art, start, limit)


def _clause_end(art, start: int, limit: int) -> int:
    chunk = art.text[start:limit]
    m = TRAILING.search(chunk)
    end = start + (m.start() if m else len(chunk))
    while end > start and art.text[end - 1] in ".;: " + CLOSE:
        end -= 1
    return end


ACCORDING = re.compile(r"\s*[Пп]о\s+(?:его|ее|её)?\s*(?:словам|мнению)\s*(?P<who>[^,]{0,60}),\s*")
ACCORDING_INSIDE = re.compile(r",\s*по\s+(?:его|ее|её)?\s*(?:словам|мнению)\s*(?P<who>[^,]{0,60}),\s*")


def _according(art, toks):
    """«По словам Си Цзиньпина, …» / «По его словам, …»: the rest of the sentence, said by that person.

    Said inside the sentence («Декларация, по словам председателя, является …»), the words around it.
    """
    text = art.text
    a, b = toks[0].start, toks[-1].end
    m = ACCORDING.match(text, a, b) or ACCORDING_INSIDE.search(text, a, b)
    if not m:
        return None
    who = m.group("who").strip()
    if who:
        person = next((p for p in people(art) if m.start("who") <= p.start < m.end("who")), None)
    else:
        person = speakers_before(art, a)
    if person is None:
        return None
    if m.start() > a:  # the words before it and after it
        return a, _clause_end(art, m.end(), b), person, False, (m.start(), m.end())
    return m.end(), _clause_end(art, m.end(), b), person, False


# ---------------------------------------------------------------------- speakers
def _subject(art, verb: Token) -> Person | None:
    """The person who speaks: the verb's subject named, a pronoun or «дипломат» for the person last named."""
    subj = [c for c in art.doc.children(verb) if c.rel.startswith("nsubj")] or _nominative_before(art, verb)
    if not subj:
        return None
    s = subj[0]
    span = _subtree(art, s)
    lo, hi = min(t.start for t in span), max(t.end for t in span)
    named = [p for p in people(art) if lo <= p.start < hi]
    if named:
        return named[0]
    if s.pos == "PROPN" and not any(p.start <= s.start < p.end for p in people(art)):
        # the parser took a dateline's city for the subject: the person named before the verb in the nominative
        before = [p for p in people(art) if s.end <= p.start < verb.start and _nominative(art, p)]
        return before[0] if before else None
    lex = _lexicon()
    if s.feat("Number") == "Plur":
        return None  # «Главы делегаций отметили»: many speakers, none named
    if s.text.lower() in lex["pronouns"] or word_keys(s.text) & lex["referents"]:
        states = art.states_in(lo, hi)  # «Туркменский лидер»: the last person named of that state
        return speakers_before(art, s.start, states[0] if states else None)
    return None


def _nominative(art, p: Person) -> bool:
    tok = art.doc.token_at(p.start)
    return tok is not None and tok.feat("Case") == "Nom"


def _nominative_before(art, verb: Token) -> list[Token]:
    """When the parser found no subject: the first noun in the nominative before the verb, with no other verb between."""
    toks = [t for t in art.doc.sent_tokens(verb.sent) if t.i < verb.i]
    for n, t in enumerate(toks):
        if t.pos in ("NOUN", "PROPN", "PRON") and t.feat("Case") == "Nom" and not any(x.pos == "VERB" for x in toks[n:]):
            return [t]
    return []


def _subtree(art, tok: Token) -> list[Token]:
    toks = art.doc.sent_tokens(tok.sent)
    out, frontier = [tok], [tok.i]
    while frontier:
        i = frontier.pop()
        for t in toks:
            if t.head == i and t not in out:
                out.append(t)
                frontier.append(t.i)
    return out


def speakers_before(art, pos: int, state: str | None = None) -> Person | None:
    """The person «он» or «президент» stands for: the last named before pos as a sentence's subject, else the last named
    (of that state, if given)."""
    before = [p for p in people(art) if p.end <= pos and (state is None or getattr(p.known, "country", None) == state)]
    subjects = [p for p in before if _is_subject(art, p)]
    return subjects[-1] if subjects else (before[-1] if before else None)


def _is_subject(art, p: Person) -> bool:
    tok = art.doc.token_at(p.start)
    if tok is None:
        return False
    head = art.doc.tokens[tok.head] if tok.head >= 0 else None
    return tok.rel.startswith("nsubj") or (tok.rel in ("appos", "flat:name") and head is not None and head.rel.startswith("nsubj"))
