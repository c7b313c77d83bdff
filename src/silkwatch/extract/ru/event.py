"""Russian event claims."""

from __future__ import annotations

__all__ = ["extract"]


def extract(art) -> list:
    """No event claims yet."""
    return []
