"""quantity claims (see GUIDELINES.md § quantity)."""

from __future__ import annotations

__all__ = ["extract"]


def extract(article) -> list:
    """Every quantity claim in the article."""
    return []
