"""quote claims (see GUIDELINES.md § quote)."""

from __future__ import annotations

__all__ = ["extract"]


def extract(article) -> list:
    """Every quote claim in the article."""
    return []
