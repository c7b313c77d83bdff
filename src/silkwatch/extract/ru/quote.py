"""Russian quote claims."""

from __future__ import annotations

__all__ = ["extract"]


def extract(art) -> list:
    """No quote claims yet."""
    return []
