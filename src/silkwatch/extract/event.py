"""event claims (see GUIDELINES.md § event)."""

from __future__ import annotations

__all__ = ["extract"]


def extract(article) -> list:
    """Every event claim in the article."""
    return []
