"""Candidate finding as data: spaCy token, phrase and dependency patterns read from the language's pattern files.

A pattern file (`lang/<lang>/patterns/<group>.toml`) holds `[[pattern]]` tables:

    [[pattern]]
    name = "said_that"            # unique in the file; what a match reports
    label = "SPEECH"              # what the extractor asks for
    engine = "dependency"         # "token" (Matcher), "phrase" (PhraseMatcher on lower case) or "dependency"
    pattern = [...]               # spaCy's pattern syntax for that engine; a phrase pattern is a list of phrases
    positive = ["..."]            # sentences this pattern must match (written for the project)
    negative = ["..."]            # sentences it must not match
    why = "..."                   # what the pattern captures, in a sentence

Anywhere a pattern expects a list of words, "$key" stands for a word list: the file's own
`[words]` table first, then the language's words.toml, then the profile's lexicon. "$key+forms"
adds the inflected forms of each verb ("say" -> says, said, saying), since the model runs
without a lemmatizer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ProfileError
from ..lang import language_words, lang_dir, read_pattern_file
from ..profile import Profile

__all__ = ["Pattern", "PatternMatch", "PatternSet", "load_patterns", "pattern_set", "expand_words"]

ENGINES = ("token", "phrase", "dependency")


@dataclass(frozen=True)
class Pattern:
    """One named pattern of a group, with its examples."""

    group: str
    name: str
    label: str
    engine: str
    pattern_json: str  # the spaCy pattern as JSON text, so the record stays frozen and hashable
    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    why: str = ""

    @property
    def pattern(self):
        return json.loads(self.pattern_json)


@dataclass(frozen=True)
class PatternMatch:
    """Where one pattern matched: token indices [start, end) in the doc, and the named anchors of a dependency pattern."""

    name: str
    label: str
    start: int
    end: int
    anchors: tuple[tuple[str, int], ...] = ()

    def anchor(self, right_id: str) -> int | None:
        """The token index a dependency pattern's node (its RIGHT_ID) matched, or None."""
        return next((i for k, i in self.anchors if k == right_id), None)


@lru_cache(maxsize=64)
def load_patterns(lang: str, group: str) -> tuple[Pattern, ...]:
    """Every pattern of one file, checked for the fields it needs."""
    data = read_pattern_file(lang, group)
    where = lang_dir(lang) / "patterns" / f"{group}.toml"
    out, names = [], set()
    for i, t in enumerate(data.get("pattern", [])):
        name = t.get("name")
        if not name or name in names:
            raise ProfileError(f"{where}: pattern #{i + 1} needs a name of its own (got {name!r})")
        if t.get("engine", "token") not in ENGINES or "pattern" not in t:
            raise ProfileError(f"{where}: pattern {name!r} needs a pattern and an engine of {', '.join(ENGINES)}")
        names.add(name)
        out.append(
            Pattern(
                group=group,
                name=name,
                label=t.get("label", name.upper()),
                engine=t.get("engine", "token"),
                pattern_json=json.dumps(t["pattern"], ensure_ascii=False),
                positive=tuple(t.get("positive", ())),
                negative=tuple(t.get("negative", ())),
                why=t.get("why", ""),
            )
        )
    return tuple(out)


def _file_words(lang: str, group: str) -> dict[str, tuple[str, ...]]:
    words = read_pattern_file(lang, group).get("words", {})
    return {k: tuple(v) for k, v in words.items() if isinstance(v, list)}


def expand_words(value, lookup):
    """The pattern with every "$key" / "$key+forms" string replaced by the word list it names."""
    if isinstance(value, dict):
        return {k: expand_words(v, lookup) for k, v in value.items()}
    if isinstance(value, list):
        return [expand_words(v, lookup) for v in value]
    if isinstance(value, str) and value.startswith("$"):
        return lookup(value[1:])
    return value


def _word_lookup(lang: str, group: str, profile: Profile | None):
    from .focus import verb_forms

    own = _file_words(lang, group)

    def lookup(key: str) -> list[str]:
        base, _, suffix = key.partition("+")
        words = own.get(base) or language_words(lang, base) or (profile.words(base) if profile else ())
        if not words:
            raise ProfileError(f"{lang_dir(lang) / 'patterns' / group}.toml: no word list named {base!r}")
        out = {w.lower() for w in words}
        if suffix == "forms":
            for w in words:
                out |= verb_forms(w)
        return sorted(out)

    return lookup


class PatternSet:
    """The compiled patterns of one group, matched against parsed docs."""

    def __init__(self, nlp, lang: str, group: str, profile: Profile | None = None):
        from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

        self.patterns = {p.name: p for p in load_patterns(lang, group)}
        lookup = _word_lookup(lang, group, profile)
        self._token = Matcher(nlp.vocab)
        self._phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._dep = DependencyMatcher(nlp.vocab)
        self._ids: dict[str, list[str]] = {}
        for p in self.patterns.values():
            spec = expand_words(p.pattern, lookup)
            try:
                if p.engine == "token":
                    self._token.add(p.name, [spec])
                elif p.engine == "phrase":
                    phrases = [w for item in spec for w in (item if isinstance(item, list) else [item])]
                    self._phrase.add(p.name, [nlp.make_doc(w) for w in phrases])
                else:
                    self._dep.add(p.name, [spec])
                    self._ids[p.name] = [node["RIGHT_ID"] for node in spec]
            except (ValueError, KeyError, TypeError) as e:
                raise ProfileError(f"pattern {group}/{p.name}: {e}") from None

    def find(self, doc, labels: tuple[str, ...] | None = None) -> list[PatternMatch]:
        """Every match in a parsed Doc or Span (of the given labels only, when given), in text order.

        Token indices are relative to what was given, as spaCy's matchers report them: add a Span's
        start to get the Doc's index."""
        vocab = doc.vocab.strings
        out = []
        for matcher in (self._token, self._phrase):
            for key, start, end in matcher(doc) if len(matcher) else ():
                p = self.patterns[vocab[key]]
                out.append(PatternMatch(p.name, p.label, start, end))
        for key, token_ids in self._dep(doc) if len(self._dep) else ():
            p = self.patterns[vocab[key]]
            anchors = tuple(zip(self._ids[p.name], token_ids))
            out.append(PatternMatch(p.name, p.label, min(token_ids), max(token_ids) + 1, anchors))
        if labels is not None:
            out = [m for m in out if m.label in labels]
        return sorted(out, key=lambda m: (m.start, m.end, m.name))


@lru_cache(maxsize=32)
def pattern_set(nlp, lang: str, group: str, profile: Profile | None = None) -> PatternSet:
    """The compiled pattern group for a model and profile, built once per process."""
    return PatternSet(nlp, lang, group, profile)
