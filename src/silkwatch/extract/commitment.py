"""commitment claims (see GUIDELINES.md § commitment)."""

from __future__ import annotations

__all__ = ["extract"]


def extract(article) -> list:
    """Every commitment claim in the article."""
    return []
