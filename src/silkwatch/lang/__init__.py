"""Language resources kept as data: word lists and candidate patterns per language, apart from the profile.

`src/silkwatch/lang/<lang>/words.toml` holds word lists every kind may use (months, hedges,
verb classes); `src/silkwatch/lang/<lang>/patterns/<group>.toml` holds one group's spaCy
patterns, each with the example sentences that must and must not match it, and may add word
lists of its own under `[words]`. The mechanism's vocabulary stays in the profile.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ProfileError

__all__ = ["lang_dir", "language_words", "pattern_groups", "read_pattern_file"]


def lang_dir(lang: str) -> Path:
    """The folder of one language's resources (it may not exist: no resources for that language)."""
    return Path(str(resources.files("silkwatch") / "lang" / lang))


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ProfileError(f"{path}: cannot read language resource: {e}") from None


@lru_cache(maxsize=16)
def _words_table(lang: str) -> dict[str, tuple[str, ...]]:
    data = _read_toml(lang_dir(lang) / "words.toml")
    return {k: tuple(v) for k, v in data.items() if isinstance(v, list)}


def language_words(lang: str, key: str) -> tuple[str, ...]:
    """A word list of a language's words.toml (empty when the language or the list is not there)."""
    return _words_table(lang).get(key, ())


def pattern_groups(lang: str) -> tuple[str, ...]:
    """The names of a language's pattern files ("quote" for patterns/quote.toml), sorted."""
    folder = lang_dir(lang) / "patterns"
    return tuple(sorted(p.stem for p in folder.glob("*.toml"))) if folder.is_dir() else ()


@lru_cache(maxsize=64)
def read_pattern_file(lang: str, group: str) -> dict:
    """The parsed TOML of one pattern file (raises ProfileError naming the file when it is broken)."""
    path = lang_dir(lang) / "patterns" / f"{group}.toml"
    if not path.is_file():
        raise ProfileError(f"{path}: no such pattern file")
    return _read_toml(path)
