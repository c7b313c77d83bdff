"""Link names in text to the profile's canonical entities, tolerant of transliteration and typos."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .profile import Group, Institution, Person, Place, Profile, Project

__all__ = ["EntityIndex", "Mention", "entity_index", "normalise_name", "PERSON_MATCH_MIN"]

# Calibrated on the seed and dev corpora's garbled names ("Lin Jiang", "Tokaev"): lower
# admits different people with similar surnames, higher loses transliteration variants.
PERSON_MATCH_MIN = 86


def normalise_name(s: str) -> str:
    """Casefolded, accents and apostrophe variants removed, hyphens as spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = re.sub(r"[\u2010-\u2015\-]", " ", s)
    return re.sub(r"\s+", " ", s).strip().casefold()


@dataclass(frozen=True)
class Mention:
    """A name found in text: where, what it names, and which kind of entity."""

    start: int
    end: int
    kind: str  # state | group | person | place | project | institution
    key: str  # a state or group code, or a canonical name
    surface: str
    how: str = "name"  # name | alias | demonym | capital


class EntityIndex:
    """Every name the profile knows, for exact look-up, scanning text and fuzzy person matching."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self._names: dict[str, list[tuple[str, str, str]]] = {}  # normalised surface -> [(kind, key, how)]
        self._lowercase: set[str] = set()  # surfaces the profile writes in lower case ("the region")
        for s in profile.states:
            self._add(s.name, "state", s.code, "name")
            for a in s.aliases:
                self._add(a, "state", s.code, "alias")
            for a in s.demonyms:
                self._add(a, "state", s.code, "demonym")
            if s.capital:
                self._add(s.capital, "state", s.code, "capital")
        for g in profile.groups:
            self._add(g.name, "group", g.code, "name")
            for a in g.aliases:
                self._add(a, "group", g.code, "alias")
            for a in g.demonyms:
                self._add(a, "group", g.code, "demonym")
        self._people = {p.name: p for p in profile.people}
        self._person_keys: dict[str, str] = {}
        for p in profile.people:
            for a in (p.name, *p.aliases):
                self._add(a, "person", p.name, "alias" if a != p.name else "name")
                self._person_keys[normalise_name(a)] = p.name
        self._places = {p.name: p for p in profile.places}
        for p in profile.places:
            for a in (p.name, *p.aliases):
                self._add(a, "place", p.name, "name")
        self._projects = {p.name: p for p in profile.projects}
        for p in profile.projects:
            for a in (p.name, *p.aliases):
                self._add(a, "project", p.name, "name")
        self._institutions = {i.name: i for i in profile.institutions}
        for i in profile.institutions:
            for a in (i.name, *i.aliases):
                self._add(a, "institution", i.name, "name")
        self._groups = {g.code: g for g in profile.groups}
        surfaces = sorted(self._names, key=len, reverse=True)
        alts = "|".join(re.escape(s).replace(r"\ ", r"[\s\-\u2010-\u2015]+").replace("'", "['\u2019]") for s in surfaces)
        # Case-sensitive first letter keeps "the region"/"US" from matching common words badly.
        self._scan = re.compile(rf"(?<![\w])(?:{alts})(?![\w]|-[a-z]|['\u2019][a-rt-z])", re.IGNORECASE)
        # A state's name or demonym right before a currency names money, not a party ("U.S. dollars", "Kazakh tenge").
        # A "$" counts only when attached ("US$"): "invested in Kazakhstan $2 billion" still names Kazakhstan.
        money = "|".join(re.escape(w) for w in sorted(profile.words("currency_words"), key=len, reverse=True))
        self._currency_after = re.compile(rf"\$|\s+(?:{money})\b", re.IGNORECASE) if money else None

    def _add(self, surface: str, kind: str, key: str, how: str) -> None:
        entry = (kind, key, how)
        if surface[:1].islower():
            self._lowercase.add(normalise_name(surface))
        lst = self._names.setdefault(normalise_name(surface), [])
        if entry not in lst:
            lst.append(entry)

    # ------------------------------------------------------------------ look-ups
    def lookup(self, surface: str) -> list[tuple[str, str, str]]:
        """Every (kind, key, how) a surface form names exactly (after normalising)."""
        s = normalise_name(surface)
        s = re.sub(r"^the ", "", s) if s not in self._names else s
        s = re.sub(r"'s$", "", s) if s not in self._names else s
        return self._names.get(s, [])

    def state_code(self, surface: str) -> str | None:
        """The code of the state or group a name, alias, demonym or capital stands for."""
        for kind, key, _ in self.lookup(surface):
            if kind in ("state", "group"):
                return key
        return _pycountry_code(surface)

    def person(self, surface: str) -> Person | None:
        """The profile's person for a full name, alias or near-spelling; None for unknown people."""
        s = normalise_name(surface)
        s = re.sub(r"'s$", "", s)
        if s in self._person_keys:
            return self._people[self._person_keys[s]]
        if len(s) < 5:
            return None
        hit = process.extractOne(s, self._person_keys.keys(), scorer=fuzz.ratio, score_cutoff=PERSON_MATCH_MIN)
        if hit:
            return self._people[self._person_keys[hit[0]]]
        # "President Xi Jinping's ..." or "Mr. Tokayev": a known surname at the end.
        # (or the last words of the name: "president xi jinping").
        parts = s.split()
        for k in range(1, len(parts)):
            if " ".join(parts[k:]) in self._person_keys:
                return self._people[self._person_keys[" ".join(parts[k:])]]
        # Surname first and a patronymic added ("Kulubaev Zheenbek Moldokanovich"): every word of a
        # known two-word name is there, in any order.
        if len(parts) >= 2:
            multi = [k for k in self._person_keys if " " in k]
            hit = process.extractOne(s, multi, scorer=fuzz.token_set_ratio, score_cutoff=PERSON_MATCH_MIN + 8)
            if hit and len(set(hit[0].split()) & set(parts)) >= 2:
                return self._people[self._person_keys[hit[0]]]
        return None

    def place(self, surface: str) -> Place | None:
        for kind, key, _ in self.lookup(surface):
            if kind == "place":
                return self._places[key]
        return None

    def project(self, name: str) -> Project | None:
        return self._projects.get(name)

    def institution(self, surface: str) -> Institution | None:
        for kind, key, _ in self.lookup(surface):
            if kind == "institution":
                return self._institutions[key]
        return None

    def group(self, code: str) -> Group | None:
        return self._groups.get(code)

    def person_by_name(self, name: str) -> Person | None:
        return self._people.get(name)

    # ------------------------------------------------------------------ scanning
    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Every known name in the text, longest match first, as non-overlapping mentions."""
        # Every extractor asks for the names of the same article and sentences again and again.
        return list(self._mentions(text, offset))

    @lru_cache(maxsize=512)
    def _mentions(self, text: str, offset: int) -> tuple[Mention, ...]:
        out = []
        for m in self._scan.finditer(text):
            if m.group(0)[:1].islower() and normalise_name(m.group(0)) not in self._lowercase:
                continue  # "us", "china clay": a name is capitalised unless the profile writes it lower case
            entries = self.lookup(m.group(0))
            if not entries:
                continue
            kind, key, how = entries[0]
            if kind == "state" and self._currency_after is not None and self._currency_after.match(text, m.end()):
                continue
            out.append(Mention(m.start() + offset, m.end() + offset, kind, key, m.group(0), how))
        return tuple(out)

    def codes_in(self, text: str) -> list[str]:
        """State and group codes named in the text, in order of first mention."""
        seen: list[str] = []
        for m in self.mentions(text):
            code = m.key if m.kind in ("state", "group") else (self._places[m.key].country if m.kind == "place" else None)
            if code and code not in seen:
                seen.append(code)
        return seen


@lru_cache(maxsize=4096)
def _pycountry_code(surface: str) -> str | None:
    import pycountry

    s = surface.strip()
    if len(s) < 4:
        return None
    try:
        return pycountry.countries.lookup(s).alpha_2
    except LookupError:
        return None


@lru_cache(maxsize=8)
def entity_index(profile: Profile) -> EntityIndex:
    """The (cached) EntityIndex of a profile."""
    return EntityIndex(profile)
