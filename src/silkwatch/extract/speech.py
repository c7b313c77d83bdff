"""Where a quote may be: speech candidates found by the patterns of lang/<lang>/patterns/speech.toml.

Each candidate is a speech verb (or "according to") in one of the ways news attributes words,
named by the pattern that found it; extract/quote.py resolves its speaker and words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import load_model
from .patterns import pattern_set

__all__ = ["SpeakerCandidate", "speech_candidates"]

LANG = "en"
GROUP = "speech"


@dataclass(frozen=True)
class SpeakerCandidate:
    """A speech verb (label REPORTED) or the "according" of "according to" (label ACCORDING) at a token."""

    token: int
    label: str
    constructions: tuple[str, ...]  # the names of the patterns that found it


def speech_candidates(doc, profile, verbs: frozenset[str]) -> list[SpeakerCandidate]:
    """Every speech candidate of a parsed doc, once per token, in text order."""
    found: dict[tuple[int, str], list[str]] = {}
    for m in pattern_set(load_model(), LANG, GROUP, profile).find(doc):
        at = m.anchor("verb")
        if at is None:
            # A token pattern: the speech verb inside the match, or its first word ("according").
            at = next((i for i in range(m.start, m.end) if doc[i].lower_ in verbs), m.start if m.label != "REPORTED" else None)
        if at is not None:
            found.setdefault((at, m.label), []).append(m.name)
    return [SpeakerCandidate(i, label, tuple(names)) for (i, label), names in sorted(found.items())]
