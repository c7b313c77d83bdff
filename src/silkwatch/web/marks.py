"""Split a text into segments, each with the kinds of the claim spans that cover it, for highlighting."""

from __future__ import annotations

__all__ = ["marked_segments"]


def marked_segments(text: str, claims: list[dict]) -> list[tuple[str, tuple[str, ...]]]:
    """[(text, kinds)] covering the whole text in order; kinds is empty outside every span."""
    cuts = {0, len(text)}
    for c in claims:
        s, e = c.get("span") or (0, 0)
        if 0 <= s < e <= len(text):
            cuts |= {s, e}
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        kinds = tuple(sorted({c["kind"] for c in claims if c.get("span") and c["span"][0] <= a and b <= c["span"][1]}))
        out.append((text[a:b], kinds))
    return out
