"""The data behind each page, built once and shown twice: as HTML and as its JSON twin.

Every function here returns a :class:`View`: ``data`` is plain JSON (what the
``/api`` twin returns, field names as in the CLI's JSON), ``charts`` are SVGs
rendered from that same data for the HTML page. Results are cached by their
arguments (the store is read-only while the app runs).

>>> from tradelane.store import Store
>>> from tradelane.web.access import Reader
>>> reader = Reader(Store.open(None))
>>> rows = lanes_view(reader, "rare_earth_magnets", Period.parse("2025-11"), None)
>>> [(r["quantity_t"], r["prev_quantity_t"], r["mom_pct"]) for r in rows if r["partner"] == "USA"]
[(582.0, 656.0, -11.28)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..analytics import lanes
from ..analytics import latest_month as analytics_latest_month
from ..errors import InputError
from ..model import AGGREGATES, PRODUCTS, Period, partner_name
from ..store import latest_events, latest_polls
from ..store.catalog import catalog, history
from . import charts, optional
from .access import Reader
from .optional import Unavailable, jsonable

__all__ = [
    "DEFAULT_EVENT",
    "DEFAULT_STUDY_LANE",
    "RATE_SERIES",
    "View",
    "check_view",
    "events_view",
    "lane_view",
    "lanes_view",
    "latest_month",
    "overview_view",
    "rates_view",
    "series_view",
    "story_view",
]

DEFAULT_STUDY_LANE = "rare_earth_magnets/CHN/WLD"
DEFAULT_EVENT = "E11"
"""MOFCOM Announcement No. 18 [2025], the April 2025 rare-earth export controls."""
RATE_SERIES = {"lpr/1y": "1-year LPR", "lpr/5y": "5-year LPR", "policy/7d_reverse_repo": "7-day reverse repo"}
SERIES_FIELDS = (
    "period", "value", "shown", "vintage", "vintage_estimated", "reported_mom_pct", "reported_yoy_pct",
    "reported_change_bp", "obs_date", "source_rank", "flags", "note", "source_title", "source_url", "source_file",
    "source_line",
)
EVENT_FIELDS = ("event_id", "announced", "effective", "ends", "effective_note", "authority", "kind", "items",
                "destinations", "summary", "source_title", "source_url", "vintage")


@dataclass(frozen=True)
class View:
    """One page's data (the JSON twin) and the charts drawn from it."""

    data: dict[str, Any]
    charts: dict[str, str] = field(default_factory=dict)


def _avail(x: Any) -> Any:
    return x.as_dict() if isinstance(x, Unavailable) else x


# ---------------------------------------------------------------- building blocks
def latest_month(reader: Reader, product: str, as_of: date | None) -> Period | None:
    """The latest single month with any figure for ``product``'s lanes (the latest release)."""
    def compute() -> Period | None:
        with reader.tables() as ts:
            try:
                return analytics_latest_month(ts, product, as_of=as_of)
            except InputError:
                return None
    return reader.cached(("latest_month", product, as_of), compute)


def lanes_view(reader: Reader, product: str, month: Period, as_of: date | None) -> list[dict[str, Any]]:
    """``tradelane lanes --format json`` for one product and month."""
    def compute() -> list[dict[str, Any]]:
        with reader.tables() as ts:
            return [r.as_dict() for r in lanes(ts, product, month, as_of=as_of)]
    return reader.cached(("lanes", product, month, as_of), compute)


def series_view(reader: Reader, key: str, as_of: date | None) -> list[dict[str, Any]]:
    """``tradelane show KEY --format json``: every period, source and vintage of one series."""
    def compute() -> list[dict[str, Any]]:
        with reader.tables() as ts:
            rows = history(ts, key, as_of)
        return [{f: jsonable(r.get(f)) for f in SERIES_FIELDS} for r in rows]
    return reader.cached(("series", key, as_of), compute)


def catalog_view(reader: Reader, as_of: date | None) -> list[dict[str, Any]]:
    """The series catalog with coverage."""
    def compute() -> list[dict[str, Any]]:
        with reader.tables() as ts:
            return [jsonable(r) for r in catalog(ts, as_of)]
    return reader.cached(("catalog", as_of), compute)


def events_list(reader: Reader, as_of: date | None) -> list[dict[str, Any]]:
    """The policy timeline (latest version of each event), newest effective date first."""
    def compute() -> list[dict[str, Any]]:
        with reader.tables() as ts:
            rows = latest_events(ts.events, as_of).to_pyarrow().to_pylist()
        out = [{f: jsonable(r.get(f)) for f in EVENT_FIELDS} for r in rows]
        out.sort(key=lambda e: (e["effective"] or e["announced"] or "", e["event_id"]), reverse=True)
        return out
    return reader.cached(("events", as_of), compute)


def _month_points(rows: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    """Shown single-month figures as chart points, with ``None`` for each missing month in between."""
    shown = {r["period"]: r["value"] for r in rows if r["shown"] and len(r["period"]) == 7}
    if not shown:
        return []
    months = sorted(Period.parse(p) for p in shown)
    out = []
    m = months[0]
    while m <= months[-1]:
        out.append({"date": m.start.isoformat(), "value": shown.get(m.label), "series": label})
        m = m.shift_months(1)
    return out


def _event_marks(events: list[dict[str, Any]], first: str, last: str) -> list[dict[str, Any]]:
    return [{"date": e["effective"] or e["announced"], "label": e["event_id"]} for e in events
            if (e["effective"] or e["announced"]) and first <= (e["effective"] or e["announced"]) <= last]


# ---------------------------------------------------------------- pages
def overview_view(reader: Reader, product: str, month: Period | None, as_of: date | None) -> View:
    """The overview: the latest release's story, lanes table, charts, latest events, rates box."""
    def compute() -> View:
        m = month or latest_month(reader, product, as_of)
        rows = [] if m is None else lanes_view(reader, product, m, as_of)
        with reader.tables() as ts:
            # the magnet story is the full story (magnets, rare earths, rates), as `tradelane story` gives it
            story = (optional.story_sentences(ts, m, None if product == "rare_earth_magnets" else product, as_of)
                     if m else [])
            rates = optional.rates_summary(ts, as_of)
        events = events_list(reader, as_of)[:8]
        data: dict[str, Any] = {
            "product": product, "product_title": PRODUCTS[product].title,
            "period": m.label if m else None, "period_name": m.describe() if m else None,
            "as_of": jsonable(as_of), "story": _avail(story), "lanes": rows, "events": events,
            "rates": _avail(rates),
        }
        figs: dict[str, str] = {}
        bars = [{"label": f"{r['partner_name']} ({r['partner']})", "value": r["quantity_t"]} for r in rows
                if r["partner"] not in AGGREGATES and r["quantity_t"] is not None and r["period_months"] == 1]
        if bars and m is not None:
            figs["partners"] = charts.bar_chart(bars, title=f"Exports by partner, {m.describe()} (t)", x_title="t")
        world = f"{product}/CHN/WLD"
        if world in reader.series_keys():
            pts = _month_points(series_view(reader, world, as_of), "World")
            usa = f"{product}/CHN/USA"
            if usa in reader.series_keys():
                pts += _month_points(series_view(reader, usa, as_of), "USA")
            if pts:
                figs["history"] = charts.line_chart(pts, title=f"China's {PRODUCTS[product].noun} exports", unit="t")
        return View(data, figs)
    return reader.cached(("overview", product, month, as_of), compute)


def lane_view(reader: Reader, key: str, as_of: date | None) -> View:
    """One lane (or any series): history chart with events, breaks, every source and vintage."""
    def compute() -> View:
        rows = series_view(reader, key, as_of)
        meta = next((c for c in catalog_view(reader, None) if c["series_key"] == key), {})
        events = events_list(reader, as_of)
        with reader.tables() as ts:
            breaks = optional.lane_breaks(ts, key, as_of)
            studies = optional.event_studies(ts, key, as_of) if meta.get("kind") == "trade" else []
        label = partner_name(meta["partner"]) if meta.get("partner") else key
        pts = _month_points(rows, label)
        marks = _event_marks(events, pts[0]["date"], pts[-1]["date"]) if pts else []
        data = {
            "series_key": key, "title": meta.get("title"), "unit": meta.get("unit"), "kind": meta.get("kind"),
            "product": meta.get("product"), "partner": meta.get("partner"), "as_of": jsonable(as_of),
            "observations": rows, "events": [e for e in events if any(e["event_id"] == mk["label"] for mk in marks)],
            "breaks": _avail(breaks), "event_studies": _avail(studies),
            "notes": ["Multi-month (January-February cumulative) figures are listed, not plotted."]
            if any(len(r["period"]) > 7 for r in rows) else [],
        }
        figs = {}
        if pts:
            figs["history"] = charts.line_chart(pts, title=meta.get("title") or key, unit=meta.get("unit") or "",
                                                events=marks)
        return View(data, figs)
    return reader.cached(("lane", key, as_of), compute)


def events_view(reader: Reader, lane: str, event_id: str | None, as_of: date | None) -> View:
    """The policy timeline, every event's study on one lane, and one event's full study."""
    def compute() -> View:
        events = events_list(reader, as_of)
        ids = {e["event_id"] for e in events}
        chosen = event_id if event_id in ids else (DEFAULT_EVENT if DEFAULT_EVENT in ids else None)
        with reader.tables() as ts:
            studies = optional.event_studies(ts, lane, as_of)
            detail = optional.event_study_detail(ts, chosen, lane, as_of) if chosen else None
        data = {"lane": lane, "event_id": chosen, "as_of": jsonable(as_of), "events": events,
                "event_studies": _avail(studies), "study": _avail(detail)}
        figs = {}
        pts = _month_points(series_view(reader, lane, as_of), lane)
        if pts:
            figs["lane"] = charts.line_chart(pts, title=f"{lane} with policy events", unit="t",
                                             events=_event_marks(events, pts[0]["date"], pts[-1]["date"]))
        return View(data, figs)
    return reader.cached(("events_page", lane, event_id, as_of), compute)


def rates_view(reader: Reader, as_of: date | None) -> View:
    """Rates: the summary (``tradelane rates --format json``), each fixing's history, polls, and a chart."""
    def compute() -> View:
        with reader.tables() as ts:
            summary = optional.rates_summary(ts, as_of)
            fixings = optional.rates_history(ts, as_of)
            polls = optional.rates_polls(ts, as_of)
            raw_polls = [] if not isinstance(polls, Unavailable) else [
                jsonable(r) for r in latest_polls(ts.polls, as_of).order_by("fixing_date").to_pyarrow().to_pylist()]
        pts: list[dict[str, Any]] = []
        if not isinstance(fixings, Unavailable):
            history = fixings
            for h in fixings:
                pts += [{"date": h["fixing_date"], "value": h[k], "series": label} for k, label in
                        (("lpr_1y", "1-year LPR"), ("lpr_5y", "5-year LPR"), ("reverse_repo_7d", "7-day reverse repo"))
                        if h.get(k) is not None]
        else:  # the stored figures themselves
            history = []
            for key, label in RATE_SERIES.items():
                if key in reader.series_keys():
                    for r in series_view(reader, key, as_of):
                        if r["shown"]:
                            history.append({"series_key": key, "period": r["period"],
                                            "date": r["obs_date"] or r["period"], "value": r["value"],
                                            "vintage": r["vintage"], "source_title": r["source_title"],
                                            "source_url": r["source_url"]})
                            pts.append({"date": r["obs_date"] or r["period"], "value": r["value"], "series": label})
        data: dict[str, Any] = {"as_of": jsonable(as_of), "summary": _avail(summary), "history": history,
                                "polls": _avail(polls), "reported_polls": raw_polls}
        figs = {"history": charts.line_chart(pts, title="Benchmark rates", unit="%", step=True)} if pts else {}
        return View(data, figs)
    return reader.cached(("rates", as_of), compute)


def story_view(reader: Reader, product: str | None, month: Period | None, as_of: date | None) -> dict[str, Any]:
    """The generated story for a month (the latest release when ``month`` is None); the whole story
    (magnets, rare earths, rates) when ``product`` is None."""
    def compute() -> dict[str, Any]:
        m = month or latest_month(reader, product or "rare_earth_magnets", as_of)
        with reader.tables() as ts:
            sentences = optional.story_sentences(ts, m, product, as_of) if m else []
        return {"product": product, "period": m.label if m else None, "as_of": jsonable(as_of),
                "sentences": _avail(sentences)}
    return reader.cached(("story", product, month, as_of), compute)


def check_view(reader: Reader, text: str, article_date: date | None,
               today: date | None = None) -> dict[str, Any] | Unavailable:
    """Check an article (not cached: every article is new; the checker's data index is built once)."""
    with reader.tables() as ts:
        index = reader.cached("claims_index", lambda: optional.claims_index(ts))
        return optional.check_article(index, text, article_date, today)


def segments(text: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article cut into plain runs and claim spans (by character offsets), for highlighting.

    Overlapping or out-of-range spans, and spans whose text is not the claim's ``text`` (offsets into
    another version of the article), are skipped, never guessed.

    >>> segments("fell 11% to 582 t", [{"start": 5, "end": 8, "verdict": "supported"}])
    [{'text': 'fell ', 'claim': None, 'verdict': None}, {'text': '11%', 'claim': 0, 'verdict': 'supported'}, \
{'text': ' to 582 t', 'claim': None, 'verdict': None}]
    """
    spans = sorted(((c["start"], c["end"], i, c.get("verdict")) for i, c in enumerate(claims)
                    if isinstance(c.get("start"), int) and isinstance(c.get("end"), int)
                    and (not isinstance(c.get("text"), str) or text[c["start"]:c["end"]] == c["text"])),
                   key=lambda s: (s[0], s[1]))
    out: list[dict[str, Any]] = []
    pos = 0
    for start, end, i, verdict in spans:
        if start < pos or end <= start or end > len(text):
            continue
        if start > pos:
            out.append({"text": text[pos:start], "claim": None, "verdict": None})
        out.append({"text": text[start:end], "claim": i, "verdict": verdict})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "claim": None, "verdict": None})
    return out
