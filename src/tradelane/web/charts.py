"""Charts for the dashboard: Vega-Lite specs (altair) rendered server-side to inline SVG (vl-convert).

No JavaScript, no CDN, no web fonts: the SVG uses the viewer's sans-serif font
and carries no external reference. Missing months stay gaps: a line is broken
where a month has no figure, never drawn through it.

>>> svg = line_chart([{"date": "2025-10-01", "value": 656.0, "series": "USA"},
...                   {"date": "2025-11-01", "value": 582.0, "series": "USA"}], title="USA", unit="t")
>>> svg.startswith("<svg") and "http" not in svg.replace("http://www.w3.org", "")
True
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import altair as alt
import vl_convert as vlc

__all__ = ["bar_chart", "line_chart", "render_svg"]

_LOCK = threading.Lock()
_WIDTH = 640


def render_svg(spec: dict[str, Any]) -> str:
    """A Vega-Lite spec as an SVG string."""
    with _LOCK:
        svg: str = vlc.vegalite_to_svg(spec)
    return svg


def line_chart(points: Sequence[dict[str, Any]], *, title: str, unit: str,
               events: Sequence[dict[str, Any]] = (), step: bool = False) -> str:
    """A line per ``series`` over ``date`` (ISO), ``value``; ``events`` (``date``, ``label``) as rules.

    A ``None`` value breaks the line (a missing month is a gap).
    """
    data = alt.Data(values=[dict(p) for p in points])
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title=None),
        y=alt.Y("value:Q", title=unit),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=["series:N", "date:T", "value:Q"],
    )
    line = base.mark_line(point=True, interpolate="step-after" if step else "linear",
                          invalid="break-paths-show-domains")
    layers: list[Any] = [line]
    if events:
        ev = alt.Chart(alt.Data(values=[dict(e) for e in events])).encode(x="date:T")
        layers.append(ev.mark_rule(color="#b33", strokeDash=[4, 3], opacity=0.7))
        layers.append(ev.mark_text(align="left", dx=3, dy=-4, angle=0, fontSize=9, color="#b33", baseline="top")
                      .encode(text="label:N", y=alt.value(0)))
    chart = alt.layer(*layers).properties(title=title, width=_WIDTH, height=240)
    return render_svg(chart.to_dict())


def bar_chart(rows: Sequence[dict[str, Any]], *, title: str, x_title: str) -> str:
    """Horizontal bars of ``value`` by ``label``, largest first."""
    data = alt.Data(values=[dict(r) for r in rows])
    chart = alt.Chart(data).mark_bar(color="#2a6f97").encode(
        y=alt.Y("label:N", sort="-x", title=None),
        x=alt.X("value:Q", title=x_title),
        tooltip=["label:N", "value:Q"],
    ).properties(title=title, width=_WIDTH - 140, height=max(60, 22 * len(rows)))
    return render_svg(chart.to_dict())
