"""A dot-and-line chart drawn on the server as SVG coordinates (no JavaScript, no third-party code)."""

from __future__ import annotations

import calendar
import re

__all__ = ["line_chart", "period_label"]

WIDTH, HEIGHT, PAD, LEFT = 720, 300, 48, 64
# One colour per currency or unit, in the order the units first appear; the rank shows in the dot's outline.
COLOURS = ("#2a6f97", "#b5651d", "#4a7c59", "#7b4f9d", "#8c8c8c")
RANK_STROKE = {"contested": "#c0392b", "corroborated": "#1d3557", "single-source": "#999"}


def period_label(period: str) -> str:
    """A period as people write it: "2024", "May 2023", "Jan–May 2025", "Q1 2024"."""
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if m and m.group(1) == m.group(3):
        return f"{calendar.month_abbr[int(m.group(2))]}–{calendar.month_abbr[int(m.group(4))]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", period)
    if m:
        return f"{calendar.month_abbr[int(m.group(2))]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-Q(\d)", period)
    if m:
        return f"Q{m.group(2)} {m.group(1)}"
    return period


def _amount(v: float) -> str:
    """A short figure for a label: 674.2 bn, 3.6 bn, 350 m, 27.2."""
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(v) >= size:
            return f"{round(v / size, 2):,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{round(v, 2):,.2f}".rstrip("0").rstrip(".")


def line_chart(points: list[dict]) -> dict | None:
    """Coordinates for every unit's points (each keeps its fact id, rank and value for links, labels and
    titles), periods in order along the x axis; lines join whole-year figures of one unit."""
    if not points:
        return None
    periods = sorted({p["period"] for p in points})
    units = list(dict.fromkeys(p["unit"] for p in points))
    hi = max(p["value"] for p in points) or 1
    step = (WIDTH - LEFT - PAD) / len(periods)

    def x(period: str) -> float:  # each period in the middle of its slot, clear of the axis and its labels
        return LEFT + (periods.index(period) + 0.5) * step

    def y(value: float) -> float:
        return HEIGHT - PAD - value / hi * (HEIGHT - 2 * PAD)

    series = []
    for i, unit in enumerate(units):
        pts = sorted((p for p in points if p["unit"] == unit), key=lambda p: (p["period"], -p["n_sources"]))
        best: dict[str, dict] = {}
        dots = []
        for p in pts:
            d = dict(p, x=round(x(p["period"]), 1), y=round(y(p["value"]), 1), label=f"{_amount(p['value'])} {unit}",
                     when=period_label(p["period"]), whole=len(p["period"]) == 4, stroke=RANK_STROKE.get(p["rank"], "#999"))
            d["label_y"] = round(d["y"] - 10 - 12 * sum(1 for o in dots if o["period"] == p["period"]), 1)
            dots.append(d)
            if d["whole"] and p["period"] not in best:  # the line follows the best-supported figure of each year
                best[p["period"]] = d
        line = " ".join(f"{d['x']},{d['y']}" for _, d in sorted(best.items()))
        series.append({"unit": unit, "colour": COLOURS[i % len(COLOURS)], "dots": dots, "line": line})
    ticks = [{"x": round(x(p), 1), "label": period_label(p)} for p in periods]
    yticks = [{"y": round(y(v), 1), "label": _amount(v) if v else "0"} for v in (0, hi / 2, hi)]
    return {"width": WIDTH, "height": HEIGHT, "pad": PAD, "left": LEFT, "series": series, "ticks": ticks, "yticks": yticks,
            "units": units, "latest": periods[-1]}
