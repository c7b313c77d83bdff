"""Russian quantity claims."""

from __future__ import annotations

__all__ = ["extract"]


def extract(art) -> list:
    """No quantity claims yet."""
    return []
