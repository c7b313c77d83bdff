"""role claims (see GUIDELINES.md § role)."""

from __future__ import annotations

__all__ = ["extract"]


def extract(article) -> list:
    """Every role claim in the article."""
    return []
