"""Russian role claims: a title of office right before a name («министр иностранных дел Китая Ван И»), or after it set off by a comma."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...records import Claim
from .names import WORD, word_keys
from .parse import Token
from .rules import rules

__all__ = ["extract", "people", "Person", "titles"]

# A complement between a title and the name («культуры и туризма КНР», «Республики Казахстан (РК)») is at most
# this many tokens, of these parts of speech and marks; anything else (a verb, a comma) ends the title's reach.
COMPLEMENT_MAX = 10
COMPLEMENT_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "DET", "NUM"}
COMPLEMENT_MARKS = {"(", ")", "-", "–", "—", "«", "»", '"'}
DASHES = {"-", "–", "—"}
INITIALS = re.compile(r"(?:[А-ЯЁ]\.\s*-?\s*){1,3}$")


@dataclass(frozen=True)
class Person:
    """A person named in the text: where, the canonical Latin name and the profile's entry if known."""

    start: int
    end: int
    name: str
    known: object = None  # profile.Person


@dataclass(frozen=True)
class Title:
    words: tuple[frozenset[str], ...]
    role: str
    state_role: str | None


@lru_cache(maxsize=1)
def titles() -> list[Title]:
    """The title rules of lang/ru/titles.toml, longest first."""
    out = []
    for t in rules("titles")["title"]:
        for w in t["words"]:
            # split at spaces only: razdel keeps «премьер-министра» one token
            out.append(Title(tuple(word_keys(x) for x in w.split()), t["role"], t.get("state_role")))
    return sorted(out, key=lambda t: len(t.words), reverse=True)


def people(art) -> list[Person]:
    """Every person the article names, profile people and natasha's PER names, with initials before them kept."""
    if "people" in art.notes:
        return art.notes["people"]
    spans: list[Person] = []
    for m in art.mentions:
        if m.kind == "person":
            spans.append(Person(m.start, m.end, m.key, art.names.english.person_by_name(m.key)))
    for e in art.doc.ents:
        if e.type != "PER" or any(p.start < e.end and e.start < p.end for p in spans):
            continue
        name, known = art.names.person(e.normal)
        if len(WORD.findall(name)) >= 1 and not _initials_only(e.normal):
            spans.append(Person(e.start, e.end, name, known))
    out: list[Person] = []
    for p in sorted(spans, key=lambda p: p.start):
        m = INITIALS.search(art.text, max(0, p.start - 12), p.start)
        p = Person(m.start(), p.end, p.name, p.known) if m else p
        out.append(_earlier_of_surname(art, p, out) or p)
    art.notes["people"] = out
    return out


def _earlier_of_surname(art, p: Person, before: list[Person]) -> Person | None:
    """«Бакаев» after «Алибек Бакаев»: a surname alone is the person named in full before."""
    words = WORD.findall(art.text[p.start:p.end])
    if len(words) != 1 or p.known is not None:
        return None
    keys = word_keys(words[0])
    for q in reversed(before):
        full = WORD.findall(art.text[q.start:q.end])
        if len(full) >= 2 and word_keys(full[-1]) & keys:
            return Person(p.start, p.end, q.name, q.known)
    return None


def _initials_only(s: str) -> bool:
    return all(len(w) <= 1 for w in WORD.findall(s))


def extract(art) -> list[Claim]:
    """One claim per (person, role) the article states."""
    found: dict[tuple[str, str], Claim] = {}
    persons = people(art)
    starts = {}
    for p in persons:
        tok = art.doc.token_at(p.start)
        if tok is not None:
            starts[tok.i] = p
    for sent in range(len(art.doc.sents)):
        for person, role, country, span, *org in _before_names(art, art.doc.sent_tokens(sent), starts) + _after_names(art, art.doc.sent_tokens(sent), starts):
            key = (person.name, role)
            org = org[0] if org else None
            if country is None and org is None:
                continue  # an office of no stated state or body: a guess would be wrong as often as right
            if key not in found:
                found[key] = art.claim("role", *span, person=person.name, role=role, country=country, org=org)
    return list(found.values())


@lru_cache(maxsize=1)
def _titles_by_first() -> dict[str, list[Title]]:
    index: dict[str, list[Title]] = {}
    for t in titles():
        for k in t.words[0]:
            index.setdefault(k, []).append(t)
    return index


def _match_title(toks: list[Token], i: int) -> tuple[Title, int] | None:
    """The longest title starting at toks[i], looked up by the first word's readings."""
    index = _titles_by_first()
    cands = {id(t): t for k in word_keys(toks[i].text) for t in index.get(k, ())}
    for t in sorted(cands.values(), key=lambda t: -len(t.words)):
        n = len(t.words)
        if i + n <= len(toks) and all(word_keys(toks[i + k].text) & t.words[k] for k in range(n)):
            return t, i + n
    return None


def _complement(art, toks: list[Token], i: int, starts: dict) -> int:
    """Where the complement after a title that starts at toks[i] ends (at a name, a verb or a mark that ends it)."""
    j = i
    while j < len(toks) and j - i < COMPLEMENT_MAX and toks[j].i not in starts:
        t = toks[j]
        if not (t.pos in COMPLEMENT_POS or t.text in COMPLEMENT_MARKS):
            break
        if t.text in DASHES and _match_title(toks, j + 1):
            break  # «Заместитель Премьер-Министра – Министр иностранных дел …»: the next title of the same name
        j += 1
    return j


def _before_names(art, toks: list[Token], starts: dict) -> list:
    out = []
    i = 0
    while i < len(toks):
        chain, j = [], i
        while (m := _match_title(toks, j)) is not None:
            title, k = m
            end = _complement(art, toks, k, starts)
            chain.append((title, toks[k].start if k < len(toks) else toks[-1].end, toks[end - 1].end if end > k else None, toks[i].start))
            j = end
            if j < len(toks) and toks[j].text in {",", *DASHES} and _match_title(toks, j + 1):
                j += 1  # «член Госсовета, министр иностранных дел Китая Ван И»: two titles of one name
                continue
            break
        if not chain or j >= len(toks) or toks[j].i not in starts:
            i = max(i + 1, j if chain else i + 1)
            continue
        person = starts[toks[j].i]
        out.extend(_roles(art, chain, person, toks[i].start))
        j = _continue_list(art, toks, j, person, chain, starts, out)
        i = j
    return out


def _continue_list(art, toks, j, person, chain, starts, out) -> int:
    """«президенты Казахстана X, Кыргызстана Y и Таджикистана Z»: the same titles for each state and name that follow."""
    k = next((n for n in range(j, len(toks)) if toks[n].end > person.end), len(toks))
    while k < len(toks) and toks[k].text in {",", "и"} and _match_title(toks, k + 1) is None:
        end = _complement(art, toks, k + 1, starts)
        if end >= len(toks) or toks[end].i not in starts or end == k + 1:
            break
        states = art.states_in(toks[k + 1].start, toks[end - 1].end)
        if not states:
            break
        nxt = starts[toks[end].i]
        for title, *_ in chain:
            role = title.state_role or title.role
            out.append((nxt, role, states[0], (toks[k + 1].start, nxt.end)))
        person = nxt
        k = next((n for n in range(end, len(toks)) if toks[n].end > nxt.end), len(toks))
    return k


def _roles(art, chain, person: Person, start: int) -> list:
    shared = None
    for _, a, b, _ in reversed(chain):
        if b is not None and (states := art.states_in(a, b)):
            shared = states[0]
            break
    out = []
    for title, a, b, _ in chain:
        states = art.states_in(a, b) if b is not None else []
        role = title.role
        if title.state_role:
            exact = b is not None and _only_state(art, a, b)
            offices = {o.role for o in getattr(person.known, "offices", ())}
            if exact or (b is None and title.state_role in offices):
                role = title.state_role
        body = next((m for m in art.mentions_in(a, b) if m.kind == "institution"), None) if b is not None else None
        if body is not None and not states:  # «исполнительный директор Секретариата …»: an office of a body
            inst = art.names.english.institution(body.key)
            out.append((person, role, getattr(inst, "country", None), (start, person.end), body.key))
            continue
        country = states[0] if states else shared or getattr(person.known, "country", None)
        out.append((person, role, country, (start, person.end)))
    return out


def _only_state(art, a: int, b: int) -> bool:
    """True when text[a:b] is nothing but names of states (and brackets around an abbreviation)."""
    rest = art.text[a:b]
    for m in sorted(art.mentions_in(a, b), key=lambda m: m.start, reverse=True):
        if m.kind in ("state", "group"):
            rest = rest[: m.start - a] + rest[m.end - a:]
    return not WORD.search(rest)


def _after_names(art, toks: list[Token], starts: dict) -> list:
    """«Ван И, министр иностранных дел Китая, …»: a title set off by a comma right after a name."""
    out = []
    fillers = {w for f in rules("titles")["apposition"]["fillers"] for w in word_keys(f)}
    by_end = {}
    for p in starts.values():
        by_end[p.end] = p
    for n, t in enumerate(toks):
        if t.text != "," or n == 0 or toks[n - 1].end not in by_end:
            continue
        person = by_end[toks[n - 1].end]
        j = n + 1
        while j < len(toks) and word_keys(toks[j].text) & fillers:
            j += 1
        m = _match_title(toks, j)
        if m is None:
            continue
        title, k = m
        end = _complement(art, toks, k, starts)
        if end < len(toks) and toks[end].text not in {",", ".", ")", ";"} or (end < len(toks) and toks[end].i in starts):
            continue
        if end + 1 < len(toks) and toks[end].text == "," and (toks[end + 1].i in starts or _match_title(toks, end + 1)):
            continue  # «…, Вице-премьер, Министр … Р.О.Мередов»: the titles of the name that follows, not of this one
        b = toks[end - 1].end if end > k else None
        out.extend(_roles(art, [(title, toks[k].start if k < len(toks) else toks[-1].end, b, person.start)], person, person.start))
    return out
