"""The one exception tree of silkwatch; third-party errors are translated into these at the boundary."""

from __future__ import annotations

__all__ = [
    "SilkwatchError",
    "InputError",
    "ProfileError",
    "StoreError",
    "ModelError",
    "ConfigError",
]


class SilkwatchError(Exception):
    """Base of every error silkwatch raises on purpose."""


class InputError(SilkwatchError):
    """One input (file, line or document) could not be read; scoped to that input."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source, self.reason, self.line = source, reason, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ProfileError(SilkwatchError):
    """The mechanism profile is missing or malformed."""


class StoreError(SilkwatchError):
    """The store could not be opened, migrated or written."""


class ModelError(SilkwatchError):
    """The statistical language model is not installed or failed to load."""


class ConfigError(SilkwatchError):
    """A setting (command-line option or environment variable) is invalid."""
