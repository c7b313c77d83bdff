"""Russian names to the profile's entities, by lemma: «в Астане», «Казахстана», «Си Цзиньпину» find Astana, KZ, Xi Jinping."""

from __future__ import annotations

import re
from functools import lru_cache

from ...link import Mention, entity_index
from ...profile import Person, Profile
from .parse import morph
from .rules import rules

__all__ = ["RuNames", "ru_names", "word_keys", "transliterate"]

WORD = re.compile(r"[^\W\d_]+")
# Between the words of one name only white space, a hyphen or a dash («Китай – Центральная Азия»), or
# closing/opening quote marks that some outlets put around part of it.
JOINER = re.compile(r"[\s\-\u2010-\u2015«»\"“”„]*")
# Case endings cut off a name the dictionary does not know («Сиане» -> «сиан», «Токаевым» -> «токаев»).
ENDINGS = sorted("ами ями ого ему ому ыми ими ой ей ом ем ым им ах ях ью ая яя ую юю а я у ю е ы и о ь й".split(), key=len, reverse=True)
MIN_STEM = 3


def _stem(w: str) -> str:
    for e in ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= MIN_STEM:
            return w[: -len(e)]
    return w


@lru_cache(maxsize=50000)
def word_keys(word: str) -> frozenset[str]:
    """Every form a word can stand for: itself, its dictionary lemmas, and its stem without a case ending."""
    w = word.lower().replace("ё", "е")
    keys = {w, _stem(w)}
    for p in morph()(word.lower()):
        keys.add(p.normal.replace("ё", "е"))
    return frozenset(keys)


def _capitalised(w: str) -> bool:
    return w[:1].isupper()


class RuNames:
    """The profile's Russian names, indexed by the keys of their first word."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.english = entity_index(profile)
        forms = profile.forms.get("ru", {})
        self._first: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        for table, kind, how in (("states", "state", "name"), ("demonyms", "state", "demonym"), ("groups", "group", "name"),
                                 ("group_demonyms", "group", "demonym"), ("people", "person", "name"), ("places", "place", "name"),
                                 ("regions", "region", "name"), ("projects", "project", "name"), ("institutions", "institution", "name")):
            for key, names in forms.get(table, {}).items():
                for name in names:
                    self._add(name, kind, key, how)
        self._surnames = {}
        for key, names in forms.get("people", {}).items():
            for name in names:
                self._surnames.setdefault(WORD.findall(name)[-1].lower(), key)

    def _add(self, name: str, kind: str, key: str, how: str) -> None:
        words = tuple(WORD.findall(name))
        if not words:
            return
        for k in word_keys(words[0]):
            self._first.setdefault(k, []).append((words, kind, key, how))

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """The known names in text[start:end], longest first, not overlapping."""
        words = list(WORD.finditer(text, start, len(text) if end is None else end))
        out: list[Mention] = []
        i = 0
        while i < len(words):
            best = None
            for names, kind, key, how in self._first_candidates(words[i].group()):
                n = self._match(text, words, i, names)
                if n and (best is None or n > best[0]):
                    best = (n, kind, key, how)
            if best:
                n, kind, key, how = best
                a, b = words[i].start(), words[i + n - 1].end()
                out.append(Mention(a, b, kind, key, text[a:b], how))
                i += n
            else:
                i += 1
        return out

    def _first_candidates(self, word: str):
        seen = set()
        for k in word_keys(word):
            for cand in self._first.get(k, ()):
                if id(cand) not in seen:
                    seen.add(id(cand))
                    yield cand

    def _match(self, text: str, words: list, i: int, names: tuple[str, ...]) -> int:
        if i + len(names) > len(words):
            return 0
        for k, name in enumerate(names):
            w = words[i + k]
            if k and JOINER.fullmatch(text, words[i + k - 1].end(), w.start()) is None:
                return 0
            surface = w.group()
            if _capitalised(name) != _capitalised(surface) and not (name.isupper() and surface.isupper()):
                return 0
            if name.isupper() and len(name) > 1 and surface != name:
                return 0  # abbreviations («КНР», «РК») only as written
            if not (word_keys(surface) & word_keys(name)):
                return 0
        return len(names)

    # ------------------------------------------------------------------ people
    def person(self, name: str) -> tuple[str, Person | None]:
        """The canonical Latin name of a person named in Russian (a profile person's, else transliterated)."""
        for m in self.mentions(name):
            if m.kind == "person" and m.end - m.start >= len(name.strip()) - 2:
                return m.key, self.english.person_by_name(m.key)
        words = WORD.findall(name)
        if words:
            last = words[-1]
            for k in word_keys(last):
                if k in self._surnames and (len(words) == 1 or all(len(w) <= 2 for w in words[:-1])):
                    key = self._surnames[k]
                    return key, self.english.person_by_name(key)
        latin = transliterate(name)
        return latin, self.english.person(latin)

    def state_of(self, m: Mention) -> str | None:
        """The state or group a mention stands for (a place or region by its country)."""
        if m.kind in ("state", "group"):
            return m.key
        if m.kind == "place":
            place = self.english.place(m.key)
            return place.country if place else None
        if m.kind == "region":
            return m.key
        if m.kind == "institution":
            inst = self.english.institution(m.key)
            return inst.country if inst else None
        return None


@lru_cache(maxsize=8)
def ru_names(profile: Profile) -> RuNames:
    return RuNames(profile)


def transliterate(name: str) -> str:
    """A Russian-written name in Latin letters, as the region's English-language news spells it.

    A name whose every word splits into Chinese syllables is read by the Palladius table («Чжао Ган» -> Zhao Gang).
    """
    words = WORD.findall(name)
    chinese = [_palladius(w.lower()) for w in words]
    if words and all(c is not None for c in chinese) and len(words) <= 3:
        return " ".join(c.capitalize() for c in chinese)
    table = rules("translit")["letters"]
    out = []
    for w in re.split(r"(\s+|-)", name):
        latin = "".join(table.get(ch.lower(), ch) for ch in w)
        out.append(latin[:1].upper() + latin[1:] if w[:1].isupper() else latin)
    return "".join(out)


def _palladius(word: str) -> str | None:
    syllables = rules("translit")["palladius"]
    longest = max(len(s) for s in syllables)
    out, i = [], 0
    while i < len(word):
        for n in range(min(longest, len(word) - i), 0, -1):
            if word[i:i + n] in syllables:
                out.append(syllables[word[i:i + n]])
                i += n
                break
        else:
            return None
    if not 1 <= len(out) <= 2:
        return None
    return "".join(out)
