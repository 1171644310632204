"""Charts of the monthly report, as Vega-Lite specs (altair) rendered offline by vl-convert.

Every chart is built from the store's figures only. A line never bridges a
missing month: each run of consecutive months on record is drawn as its own
segment, and every month on record is also a point. Rendering needs no network:
vl-convert bundles Vega, and the SVG is cleaned of namespace URLs so that it can
be inlined in an HTML page that references nothing outside itself.

Kinds (``CHART_KINDS``): ``history`` (lane history with policy events marked),
``shares`` (partner shares of the world total in one month), ``event`` (event
study panel: each lane indexed to its pre-event baseline), ``products`` (rare
earths vs rare-earth magnets, world totals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from ..analytics.events import event_study, list_events
from ..analytics.panel import idx_to_period, lane_levels, month_index
from ..errors import InputError
from ..model import AGGREGATES, PRODUCTS, Period, partner_name
from ..store.views import TableSet

__all__ = ["CHART_KINDS", "Chart", "build_chart", "render", "save"]

CHART_KINDS = ("history", "shares", "event", "products")
_EVENT_KINDS = ("export_control", "truce", "suspension", "license_regime")
_WIDTH = 640


@dataclass(frozen=True)
class Chart:
    """A chart spec, its title, and the provenance of the figures it draws."""

    kind: str
    title: str
    spec: dict[str, Any]
    sources: tuple[tuple[str, str, str, str | None, str], ...]  # (series_key, period, vintage, url, title)


def _levels(ts: TableSet, keys: list[str], as_of: date | None) -> pd.DataFrame:
    lv = lane_levels(ts, as_of=as_of)
    df = lv.filter(lv.series_key.isin(keys)).order_by(["series_key", "idx"]).to_pyarrow().to_pandas()
    if df.empty:
        return df  # type: ignore[no-any-return]
    df = df.copy()
    df["vintage"] = [str(v)[:10] for v in df["vintage"]]
    df["date"] = [idx_to_period(int(i)).start.isoformat() for i in df["idx"]]
    seg = []
    for _key, g in df.groupby("series_key", sort=False):
        run, last = 0, None
        for i in g["idx"]:
            if last is not None and int(i) != last + 1:
                run += 1
            seg.append(run)
            last = int(i)
    df["segment"] = seg
    df["lane"] = [_lane_label(k) for k in df["series_key"]]
    df["segment_id"] = df["lane"] + "#" + df["segment"].astype(str)
    return df  # type: ignore[no-any-return]


def _lane_label(key: str) -> str:
    parts = key.split("/")
    prod = PRODUCTS[parts[0]].noun if parts[0] in PRODUCTS else parts[0]
    who = "world" if parts[2] == "WLD" else partner_name(parts[2])
    return f"{prod} → {who}"


def _sources(df: pd.DataFrame) -> tuple[tuple[str, str, str, str | None, str], ...]:
    return tuple((str(r.series_key), str(r.period), str(r.vintage)[:10],
                  str(r.source_url) if isinstance(r.source_url, str) else None, str(r.source_title))
                 for r in df.itertuples())


def _lines(df: pd.DataFrame, title: str, y_title: str) -> Any:
    base = alt.Chart(df).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40)),
        y=alt.Y("value:Q", title=y_title),
        color=alt.Color("lane:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=["lane:N", "period:N", alt.Tooltip("value:Q", format=",.0f"), "vintage:T"],
    )
    return alt.layer(base.mark_line().encode(detail="segment_id:N"), base.mark_point(filled=True, size=30))


def history_chart(ts: TableSet, keys: list[str], *, as_of: date | None = None) -> Chart:
    """Lane history with policy events (rare-earth relevant kinds) marked as rules at their effective dates."""
    df = _levels(ts, keys, as_of)
    if df.empty:
        raise InputError(f"no monthly figures for {', '.join(keys)}")
    lo, hi = df["date"].min(), df["date"].max()
    evs = [e for e in list_events(ts, as_of=as_of) if e.effective and e.kind in _EVENT_KINDS
           and lo <= e.effective <= hi]
    ev_df = pd.DataFrame([{"date": e.effective, "event": f"{e.event_id} {e.kind.replace('_', ' ')}",
                           "event_id": e.event_id} for e in evs])
    title = "Monthly exports (t) with policy events"
    layers: list[Any] = [_lines(df, title, "tonnes")]
    if not ev_df.empty:
        rules = alt.Chart(ev_df).mark_rule(strokeDash=[3, 3], color="#999").encode(
            x="date:T", tooltip=["event:N", "date:T"])
        labels = alt.Chart(ev_df).mark_text(angle=270, align="right", dx=-4, dy=-3, fontSize=9, color="#555").encode(
            x="date:T", y=alt.value(0), text="event_id:N")
        layers = [rules, labels, *layers]
    chart = alt.layer(*layers).properties(width=_WIDTH, height=280, title=title)
    return Chart("history", title, chart.to_dict(), _sources(df))


def shares_chart(ts: TableSet, product: str, month: Period, *, as_of: date | None = None) -> Chart:
    """Each partner's share of the world total in one month (only partners on record that month)."""
    from ..analytics.panel import panel

    rows = [r for r in panel(ts, product, as_of=as_of) if r.idx == month_index(month) and r.partner != "WLD"
            and r.share_pct is not None]
    if not rows:
        raise InputError(f"no partner shares for {product} in {month.describe()}: no partner figure or no world total")
    df = pd.DataFrame([{"partner": partner_name(r.partner) + (" (aggregate)" if r.partner in AGGREGATES else ""),
                        "share_pct": r.share_pct, "value": r.value, "period": r.period, "series_key": r.series_key,
                        "vintage": r.vintage, "source_url": r.source_url, "source_title": r.source_title}
                       for r in rows])
    title = f"Share of China's {PRODUCTS[product].noun} exports, {month.describe()} (%)"
    chart = alt.Chart(df).mark_bar().encode(
        y=alt.Y("partner:N", sort="-x", title=None),
        x=alt.X("share_pct:Q", title="% of world total"),
        tooltip=["partner:N", alt.Tooltip("share_pct:Q", format=".1f"), alt.Tooltip("value:Q", format=",.0f")],
    ).properties(width=_WIDTH, height=max(60, 28 * len(df)), title=title)
    text = chart.mark_text(align="left", dx=3).encode(text=alt.Text("share_pct:Q", format=".1f"))
    return Chart("shares", title, alt.layer(chart, text).to_dict(), _sources(df))


def event_chart(ts: TableSet, event_id: str, keys: list[str], *, as_of: date | None = None) -> Chart:
    """Each lane indexed to its pre-event baseline (=100) around the event; lanes without a baseline are noted."""
    frames = []
    notes = []
    src: list[tuple[str, str, str, str | None, str]] = []
    eff: str | None = None
    for k in keys:
        st = event_study(ts, event_id, k, as_of=as_of)
        eff = eff or st.effective
        if st.baseline is None or st.event_month is None:
            notes.append(f"{_lane_label(k)}: no baseline (no figure for {', '.join(st.baseline_window)})")
            continue
        df = _levels(ts, [k], as_of)
        e = month_index(Period.parse(st.event_month))
        df = df[(df["idx"] >= e - 3) & (df["idx"] <= e + 12)].copy()
        df["index"] = df["value"] / st.baseline * 100
        frames.append(df)
        src += list(_sources(df))
    title = f"Event study: {event_id}, lanes indexed to the pre-event baseline (=100)"
    if not frames:
        raise InputError(f"no lane has a baseline for {event_id}: " + "; ".join(notes))
    df = pd.concat(frames)
    base = alt.Chart(df).encode(x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40)),
                                y=alt.Y("index:Q", title="baseline = 100"),
                                color=alt.Color("lane:N", title=None, legend=alt.Legend(orient="bottom")),
                                tooltip=["lane:N", "period:N", alt.Tooltip("value:Q", format=",.0f"),
                                         alt.Tooltip("index:Q", format=".0f")])
    refs = alt.Chart(pd.DataFrame({"y": [100, 90], "label": ["baseline", "90% recovery line"]})).mark_rule(
        strokeDash=[4, 2], color="#888").encode(y="y:Q", tooltip=["label:N"])
    layers: list[Any] = [refs, base.mark_line().encode(detail="segment_id:N"), base.mark_point(filled=True)]
    if eff:
        layers.append(alt.Chart(pd.DataFrame({"date": [eff]})).mark_rule(color="#c00").encode(x="date:T"))
    chart = alt.layer(*layers).properties(width=_WIDTH, height=260, title=title)
    if notes:
        chart = chart.properties(title=alt.TitleParams(title, subtitle=notes))
    return Chart("event", title, chart.to_dict(), tuple(src))


def products_chart(ts: TableSet, *, as_of: date | None = None) -> Chart:
    """China's world totals: rare earths vs rare-earth magnets (t)."""
    df = _levels(ts, ["rare_earths/CHN/WLD", "rare_earth_magnets/CHN/WLD"], as_of)
    if df.empty:
        raise InputError("no world totals on record")
    title = "Rare earths vs rare-earth magnets: China's monthly exports (t)"
    chart = _lines(df, title, "tonnes").properties(width=_WIDTH, height=260, title=title)
    return Chart("products", title, chart.to_dict(), _sources(df))


def build_chart(ts: TableSet, kind: str, *, product: str = "rare_earth_magnets", month: Period | None = None,
                lanes: list[str] | None = None, event_id: str = "E11", as_of: date | None = None) -> Chart:
    """Build a chart of ``kind`` (one of ``CHART_KINDS``).

    Raises:
        InputError: unknown kind, or the data cannot support the chart.
    """
    keys = lanes or [f"{product}/CHN/WLD", f"{product}/CHN/USA"]
    if kind == "history":
        return history_chart(ts, keys, as_of=as_of)
    if kind == "shares":
        if month is None:
            raise InputError("the shares chart needs --period YYYY-MM")
        return shares_chart(ts, product, month, as_of=as_of)
    if kind == "event":
        return event_chart(ts, event_id, keys, as_of=as_of)
    if kind == "products":
        return products_chart(ts, as_of=as_of)
    raise InputError(f"unknown chart kind {kind!r}; expected one of {', '.join(CHART_KINDS)}")


_NS = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')


def render(chart: Chart, fmt: str = "svg", *, inline: bool = False) -> bytes:
    """Render to ``svg`` or ``png`` bytes, offline. ``inline`` strips namespace URLs for inlining in HTML."""
    import vl_convert as vlc

    spec = dict(chart.spec)
    spec.pop("$schema", None)
    if fmt == "svg":
        svg = vlc.vegalite_to_svg(spec)
        if inline:
            svg = _NS.sub("", svg)
        return svg.encode("utf-8")
    if fmt == "png":
        return bytes(vlc.vegalite_to_png(spec, scale=2))
    raise InputError(f"unknown chart format {fmt!r}; expected svg or png")


def save(chart: Chart, path: Path) -> Path:
    """Write the chart to ``path``; the suffix (.svg or .png) picks the format."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise InputError(f"output {path} must end in .svg or .png")
    path.write_bytes(render(chart, fmt))
    return path
