"""The one exception tree of silkwatch; third-party errors are translated into these at the boundary."""

from __future__ import annotations

__all__ = [
    "SilkwatchError",
    "InputError",
    "ProfileError",
    "StoreError",
    "ModelError",
    "ConfigError",
    "FilterError",
    "clip",
    "FetchError",
]


class SilkwatchError(Exception):
    """Base of every error silkwatch raises on purpose."""


class InputError(SilkwatchError):
    """One input (file, line or document) could not be read; scoped to that input."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source, self.reason, self.line = source, reason, line
        where = f"{clip(source, 300)}:{line}" if line is not None else clip(source, 300)
        super().__init__(f"{where}: {reason}")


class ProfileError(SilkwatchError):
    """The mechanism profile is missing or malformed."""


class StoreError(SilkwatchError):
    """The store could not be opened, migrated or written."""


class ModelError(SilkwatchError):
    """The statistical language model is not installed or failed to load."""


class ConfigError(SilkwatchError):
    """A setting (command-line option or environment variable) is invalid."""


class FilterError(ConfigError):
    """A filter names nothing the record can hold (an unknown kind or party, a malformed date)."""


def clip(value: object, limit: int = 80) -> str:
    """A user's input as an error message may echo it: cut to `limit` characters with an ellipsis."""
    s = str(value)
    return s if len(s) <= limit else s[: limit - 1] + "…"


class FetchError(SilkwatchError):
    """A URL could not be fetched (refused by the guard or robots.txt, an HTTP error, a time-out); scoped to that URL."""

    def __init__(self, url: str, reason: str, transient: bool = False, status: int | None = None, retry_after: float | None = None):
        self.url, self.reason, self.transient, self.status, self.retry_after = url, reason, transient, status, retry_after
        super().__init__(f"{url}: {reason}")
