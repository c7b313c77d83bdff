"""A line chart drawn on the server as SVG coordinates (no JavaScript, no third-party code)."""

from __future__ import annotations

__all__ = ["line_chart"]

WIDTH, HEIGHT, PAD = 640, 260, 48


def line_chart(points: list[dict]) -> dict | None:
    """Coordinates for one series per unit: each point keeps its fact id, rank and value for links and titles."""
    if not points:
        return None
    unit = max({p["unit"] for p in points}, key=lambda u: sum(1 for p in points if p["unit"] == u))
    pts = [p for p in points if p["unit"] == unit]
    years = [p["year"] for p in pts]
    lo_y, hi_y = min(years), max(years)
    hi_v = max(p["value"] for p in pts) or 1
    span = max(1, hi_y - lo_y)

    def x(year):
        return PAD + (year - lo_y) / span * (WIDTH - 2 * PAD) if hi_y > lo_y else WIDTH / 2

    def y(value):
        return HEIGHT - PAD - value / hi_v * (HEIGHT - 2 * PAD)

    dots = [dict(p, x=round(x(p["year"]), 1), y=round(y(p["value"]), 1), label=f"{p['value'] / 1e9:,.1f} bn {unit}") for p in pts]
    best = {}
    for d in dots:  # the line follows the best-supported figure of each year
        if d["year"] not in best or d["n_sources"] > best[d["year"]]["n_sources"]:
            best[d["year"]] = d
    line = " ".join(f"{d['x']},{d['y']}" for _, d in sorted(best.items()))
    ticks = [{"x": round(x(yr), 1), "label": str(yr)} for yr in sorted(set(years))]
    return {"width": WIDTH, "height": HEIGHT, "pad": PAD, "unit": unit, "dots": dots, "line": line, "ticks": ticks,
            "max_label": f"{hi_v / 1e9:,.0f} bn {unit}"}
