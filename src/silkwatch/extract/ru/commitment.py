"""Russian commitment claims."""

from __future__ import annotations

__all__ = ["extract"]


def extract(art) -> list:
    """No commitment claims yet."""
    return []
