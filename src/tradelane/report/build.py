"""Assemble the monthly report: story, lanes, charts, event studies, rates and the sources appendix.

:func:`build_report` gathers everything as data (a :class:`Report`); the HTML and
Markdown writers only render it. Every figure shown is added to the appendix
with its series, period, vintage and source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..analytics.events import EventRow, EventStudy, event_study, list_events
from ..analytics.lanes import LaneRow, lanes
from ..analytics.lanes import latest_month as analytics_latest_month
from ..analytics.panel import idx_to_period, month_index
from ..errors import InputError
from ..model import PRODUCTS, Period, Sentence
from ..store.views import TableSet, current_view
from ..story import story
from .charts import Chart, build_chart

__all__ = ["RATE_KEYS", "STUDIES", "RateBox", "Report", "SourceRow", "build_report", "latest_month"]

STUDIES = (("E11", "rare_earth_magnets/CHN/WLD"), ("E11", "rare_earth_magnets/CHN/USA"))
"""Event studies every report shows: the April 2025 rare-earth export controls on the magnet lanes."""

RATE_KEYS = (("lpr/1y", "1-year LPR"), ("lpr/5y", "5-year LPR"), ("policy/7d_reverse_repo", "7-day reverse repo"))


@dataclass(frozen=True)
class SourceRow:
    """One line of the appendix: a figure's series, period, vintage and source."""

    series_key: str
    period: str
    vintage: str
    source_title: str
    source_url: str | None


@dataclass(frozen=True)
class RateBox:
    """The latest level of a rate at the end of the report month."""

    series_key: str
    name: str
    level_pct: float
    period: str
    since: str | None
    vintage: str
    source_title: str
    source_url: str | None


@dataclass
class Report:
    """Everything the report shows, as data."""

    period: Period
    product: str
    as_of: date | None
    sentences: list[Sentence]
    lane_tables: dict[str, list[LaneRow]]
    charts: list[Chart]
    chart_errors: list[str]
    studies: list[EventStudy]
    events: list[EventRow]
    rates: list[RateBox]
    rate_notes: list[str] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.label, "product": self.product,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "sentences": [s.as_dict() for s in self.sentences],
            "lanes": {k: [r.as_dict() for r in v] for k, v in self.lane_tables.items()},
            "charts": [c.title for c in self.charts], "chart_errors": self.chart_errors,
            "studies": [s.as_dict() for s in self.studies], "events": [e.as_dict() for e in self.events],
            "rates": [r.__dict__ for r in self.rates], "rate_notes": self.rate_notes,
            "sources": [s.__dict__ for s in self.sources],
        }


def latest_month(ts: TableSet, product: str = "rare_earth_magnets", *, as_of: date | None = None) -> Period:
    """The latest single month with a world total for ``product``.

    >>> from tradelane.store import Store
    >>> latest_month(Store.open().tables, as_of=date(2025, 12, 31)).label
    '2025-11'

    Raises:
        InputError: no month on record.
    """
    return analytics_latest_month(ts, product, partner="WLD", as_of=as_of)


def _rates(ts: TableSet, month: Period, as_of: date | None) -> tuple[list[RateBox], list[str]]:
    """The rates in force at the end of the month (LPR fixing and 7-day reverse repo), and the rates summary lines."""
    from ..errors import NotFound
    from ..rates import rates_summary

    when = month.end if as_of is None else min(as_of, month.end)
    notes: list[str] = []
    try:
        rs = rates_summary(ts, as_of=when)
    except NotFound as e:
        notes.append(str(e))
    else:
        notes.append(f"LPR fixing of {rs.fixing_date}: unchanged for a {rs.unchanged_streak_ordinal} straight month"
                     if rs.unchanged_streak > 1 else f"LPR fixing of {rs.fixing_date}")
        if rs.spread_1y_7d_bp is not None:
            notes.append(f"1-year LPR minus 7-day reverse repo: {rs.spread_1y_7d_bp} bp")
        if rs.last_change_date is not None and rs.last_change_bp is not None:
            notes.append(f"last LPR change: {rs.last_change_bp:+d} bp on {rs.last_change_date}")
    return _rate_boxes(ts, month, as_of), notes


def _rate_boxes(ts: TableSet, month: Period, as_of: date | None) -> list[RateBox]:
    cur = current_view(ts.observations, as_of)
    out = []
    for key, name in RATE_KEYS:
        t = cur.filter((cur.series_key == key) & (cur.period_start <= month.end) & cur.value.notnull())
        rows = t.order_by(t.period_start.desc()).select(
            "period", "value", "vintage", "source_title", "source_url", "freq").to_pyarrow().to_pylist()
        if not rows:
            continue
        top = rows[0]
        since = None
        for r in rows[1:]:
            if r["value"] != top["value"]:
                break
            since = r["period"]
        out.append(RateBox(key, name, float(top["value"]), top["period"], since or top["period"],
                           str(top["vintage"])[:10], top["source_title"] or "", top["source_url"]))
    return out


def build_report(ts: TableSet, period: Period, *, product: str = "rare_earth_magnets",
                 as_of: date | None = None, charts: bool = True) -> Report:
    """Everything the monthly report for ``period`` shows.

    Raises:
        InputError: a period that is not a single month, an unknown product, or no data for the month.
    """
    if not period.is_single_month:
        raise InputError(f"--period {period.label} is not a single month (YYYY-MM)")
    if product not in PRODUCTS:
        raise InputError(f"unknown product {product!r}; expected one of {', '.join(sorted(PRODUCTS))}")
    sentences = story(ts, period, as_of=as_of)
    tables = {p: lanes(ts, p, period, as_of=as_of) for p in PRODUCTS}
    if not any(tables.values()):
        raise InputError(f"no trade figures for {period.describe()}"
                         + (f" known on {as_of}" if as_of else "") + "; try `tradelane series` for coverage")
    studies = [event_study(ts, e, k, as_of=as_of) for e, k in STUDIES]
    start = idx_to_period(month_index(period) - 2).start
    events = [e for e in list_events(ts, as_of=as_of)
              if (e.effective or e.announced) >= start.isoformat() and e.announced <= period.end.isoformat()]
    built: list[Chart] = []
    errors: list[str] = []
    if charts:
        for kind in ("history", "shares", "event", "products"):
            try:
                built.append(build_chart(ts, kind, product=product, month=period, as_of=as_of))
            except InputError as e:
                errors.append(f"{kind} chart not drawn: {e}")
    boxes, notes = _rates(ts, period, as_of)
    rep = Report(period, product, as_of, sentences, tables, built, errors, studies, events, boxes, notes)
    rep.sources = _appendix(rep)
    return rep


def _appendix(rep: Report) -> list[SourceRow]:
    seen: dict[tuple[str, str, str, str | None], SourceRow] = {}

    def add(key: str, period: str, vintage: str, title: str, url: str | None) -> None:
        k = (key, period, vintage, url)
        if k not in seen:
            seen[k] = SourceRow(key, period, vintage, title, url)

    for s in rep.sentences:
        for f in s.facts:
            add(f.series_key, f.period, f.vintage, f.source_title, f.source_url)
    for prod, rows in rep.lane_tables.items():
        for r in rows:
            add(f"{prod}/CHN/{r.partner}", r.period, r.vintage, r.source_title, r.source_url)
    for c in rep.charts:
        for key, per, vin, url, title in c.sources:
            add(key, per, vin, title, url)
    for st in rep.studies:
        for d in st.facts:
            add(d["series_key"], d["period"], str(d["vintage"]), d["source_title"], d["source_url"])
    for rb in rep.rates:
        add(rb.series_key, rb.period, rb.vintage, rb.source_title, rb.source_url)
    for e in rep.events:
        add(f"event/{e.event_id}", e.effective or e.announced, e.vintage, e.source_title, e.source_url)
    return sorted(seen.values(), key=lambda s: (s.series_key, s.period, s.vintage))
