"""The Russian word lists and rules, read from the data files under silkwatch/lang/ru/ (one TOML file per rule group)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from ...errors import ProfileError

__all__ = ["rules", "RULE_FILES"]

# The rule groups that ship; each file may hold [[examples]] that tests/extract/test_ru_rules.py runs.
RULE_FILES = ("translit", "titles", "dates", "events", "speech", "pledge", "figures", "areas")


@lru_cache(maxsize=None)
def rules(group: str) -> dict:
    """The parsed TOML of one rule group (lang/ru/<group>.toml)."""
    path = resources.files("silkwatch") / "lang" / "ru" / f"{group}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{path}: Russian rule file not found") from None
    except tomllib.TOMLDecodeError as e:
        raise ProfileError(f"{path}: not valid TOML: {e}") from None
