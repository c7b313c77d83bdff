"""Russian role claims."""

from __future__ import annotations

__all__ = ["extract"]


def extract(art) -> list:
    """No role claims yet."""
    return []
