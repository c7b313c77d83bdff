"""A horizontal bar chart drawn on the server as SVG coordinates: compliance rate per member."""

from __future__ import annotations

__all__ = ["bar_chart", "status_segments"]

WIDTH, ROW, LABEL, PAD = 520, 26, 60, 8


def bar_chart(rates: dict[str, dict]) -> dict | None:
    """One bar per member, its length the compliance rate (0–100 %), its label the rate and how many promises were scored."""
    if not rates:
        return None
    span = WIDTH - LABEL - 2 * PAD - 90
    bars = []
    for i, (member, r) in enumerate(sorted(rates.items())):
        bars.append({"label": member, "y": PAD + i * ROW, "x": LABEL, "width": round(max(1.0, r["rate"] * span), 1),
                     "text": f"{r['rate'] * 100:.0f}% of {r['scored']}", "text_x": LABEL + round(max(1.0, r["rate"] * span), 1) + 6})
    return {"width": WIDTH, "height": 2 * PAD + len(bars) * ROW, "bars": bars, "zero_x": LABEL, "row": ROW - 8}


def status_segments(counts: dict[str, int], width: int = 320) -> list[dict]:
    """A stacked bar's segments, one per status with promises, each as wide as its share."""
    total = sum(counts.values()) or 1
    out, x = [], 0.0
    for status, n in counts.items():
        if n:
            w = n / total * width
            out.append({"status": status, "n": n, "x": round(x, 1), "width": round(w, 1)})
            x += w
    return out
