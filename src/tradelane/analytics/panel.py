"""The per-lane monthly panel: every single-month figure of every trade lane with its analytics.

Written once as Ibis expressions, so it runs on DuckDB today and on Spark for a
world-scale panel. The rules that keep it portable and honest:

* **Comparison months are joined by month index, never by a positional lag.** A
  month's index is ``year * 12 + month - 1``; the previous month is the row with
  index − 1 and the same month a year earlier is index − 12. When that month is
  missing the comparison is null, never a jump back to an older month.
* **Every window names its order and its frame.** Streak run ids are a running
  sum over ``rows=(None, 0)``; volatility is a ``range=(-(N-1), 0)`` frame on the
  month index, so a gap shortens the window instead of stretching it.
* **Only single months with a level.** Jan–Feb cumulative figures, annual
  totals and rows carrying only a reported percentage are left out of the panel
  (``tradelane lanes`` still shows them).

Columns (one row per lane and month):

``mom_abs``/``mom_pct`` and ``yoy_abs``/``yoy_pct``
    change against the previous month and the same month a year earlier.
``share_pct``/``rank``
    share of the reporter's world total (WLD) that month; rank among country
    partners with a figure that month (aggregates such as EUU are not ranked).
``direction``/``streak_kind``/``streak_len``
    ``up``/``down``/``flat`` against the previous month, and how many consecutive
    months (each with a computed change) moved the same way, this one included.
``low_since_idx``/``low_since_records`` (and ``high_...``)
    the latest earlier month at or below (above) this level, and how many months
    on record lie after it up to this one; null when this is the lowest (highest)
    on record.
``volatility``/``volatility_n``
    sample standard deviation of month-on-month log changes in the window of
    ``vol_window`` calendar months ending here (null below ``MIN_VOL_CHANGES``).
``world_mom_pct``/``divergence``
    the world total's change and ``lane_down_world_up`` / ``lane_up_world_down``
    when the lane moved against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import ibis
import ibis.expr.types as ir

from ..errors import InputError
from ..model import AGGREGATES, PRODUCTS, Period
from ..store.views import TableSet, current_view

__all__ = [
    "MIN_VOL_CHANGES",
    "PANEL_FIELDS",
    "VOL_WINDOW",
    "PanelRow",
    "idx_to_period",
    "lane_levels",
    "month_index",
    "panel",
    "panel_expr",
]

VOL_WINDOW = 6
"""Calendar months in the rolling volatility window."""

MIN_VOL_CHANGES = 3
"""Fewest month-on-month log changes a volatility figure needs."""

PANEL_FIELDS = (
    "series_key", "product", "reporter", "partner", "period", "idx", "value", "prev_period", "prev_value",
    "mom_abs", "mom_pct", "yoy_period", "yoy_value", "yoy_abs", "yoy_pct", "world_value", "share_pct", "rank",
    "direction", "streak_kind", "streak_len", "low_since_idx", "low_since_records", "high_since_idx",
    "high_since_records", "n_prior", "first_idx", "volatility", "volatility_n", "world_mom_pct", "divergence",
    "vintage", "vintage_estimated", "n_sources", "source_title", "source_url",
)


def month_index(p: Period) -> int:
    """The month index of a period's last month (``year * 12 + month - 1``).

    >>> month_index(Period.parse("2025-11")) - month_index(Period.parse("2024-11"))
    12
    """
    return p.end.year * 12 + p.end.month - 1


def idx_to_period(idx: int) -> Period:
    """The month with that index.

    >>> idx_to_period(month_index(Period.parse("2025-11"))).label
    '2025-11'
    """
    return Period.month(idx // 12, idx % 12 + 1)


@dataclass(frozen=True)
class PanelRow:
    """One lane in one month with its comparisons, streak, records, volatility and provenance."""

    series_key: str
    product: str
    reporter: str
    partner: str
    period: str
    idx: int
    value: float
    prev_period: str
    prev_value: float | None
    mom_abs: float | None
    mom_pct: float | None
    yoy_period: str
    yoy_value: float | None
    yoy_abs: float | None
    yoy_pct: float | None
    world_value: float | None
    share_pct: float | None
    rank: int | None
    direction: str | None
    streak_kind: str | None
    streak_len: int | None
    low_since_idx: int | None
    low_since_records: int | None
    high_since_idx: int | None
    high_since_records: int | None
    n_prior: int
    first_idx: int
    volatility: float | None
    volatility_n: int
    world_mom_pct: float | None
    divergence: str | None
    vintage: str
    vintage_estimated: bool
    n_sources: int
    source_title: str
    source_url: str | None

    def as_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in PANEL_FIELDS}


def lane_levels(ts: TableSet, product: str | None = None, reporter: str = "CHN",
                as_of: date | None = None) -> ir.Table:
    """Every lane's single-month levels: ``series_key, product, reporter, partner, period, idx, value`` + provenance."""
    s = ts.series
    cond = (s.kind == "trade") & (s.measure == "quantity") & (s.reporter == reporter)
    if product is not None:
        cond = cond & (s.product == product)
    lane_series = s.filter(cond).select("series_key", "product", "reporter", "partner")
    cur = current_view(ts.observations, as_of)
    cur = cur.filter((cur.freq == "M") & (cur.months == 1) & cur.value.notnull())
    cur = cur.join(lane_series, "series_key")
    return cur.select(
        "series_key", "product", "reporter", "partner", "period",
        idx=(cur.period_start.year() * 12 + cur.period_start.month() - 1).cast("int64"),
        value=cur.value.cast("float64"),
        vintage=cur.vintage, vintage_estimated=cur.vintage_estimated, n_sources=cur.n_sources,
        source_title=cur.source_title, source_url=cur.source_url,
    )


def panel_expr(ts: TableSet, *, product: str | None = None, reporter: str = "CHN", as_of: date | None = None,
               vol_window: int = VOL_WINDOW) -> ir.Table:
    """The panel as one Ibis expression (see the module docstring for its columns).

    Args:
        ts: the store's tables on any Ibis backend.
        product: one product code, or None for every product.
        reporter: the reporting country (ISO3).
        as_of: only figures released on or before this date.
        vol_window: calendar months in the volatility window.
    """
    if vol_window < 2:
        raise InputError(f"volatility window {vol_window} is too short; use at least 2 months")
    base = lane_levels(ts, product, reporter, as_of)
    pos_w = ibis.window(group_by=base.series_key, order_by=base.idx, rows=(None, 0))
    base = base.mutate(pos=ibis.row_number().over(pos_w))

    prev = base.select(p_key=base.series_key, p_idx=base.idx + 1, prev_period=base.period, prev_value=base.value)
    yoy = base.select(y_key=base.series_key, y_idx=base.idx + 12, yoy_period_on_record=base.period,
                      yoy_value=base.value)
    t = (base.left_join(prev, [base.series_key == prev.p_key, base.idx == prev.p_idx])
         .left_join(yoy, [base.series_key == yoy.y_key, base.idx == yoy.y_idx]))
    t = t.drop("p_key", "p_idx", "y_key", "y_idx", "yoy_period_on_record")
    has_prev = t.prev_value.notnull() & (t.prev_value != 0)
    has_yoy = t.yoy_value.notnull() & (t.yoy_value != 0)
    t = t.mutate(
        mom_abs=t.value - t.prev_value,
        mom_pct=ibis.cases((has_prev, (t.value / t.prev_value - 1) * 100), else_=ibis.null("float64")),
        yoy_abs=t.value - t.yoy_value,
        yoy_pct=ibis.cases((has_yoy, (t.value / t.yoy_value - 1) * 100), else_=ibis.null("float64")),
        direction=ibis.cases(
            (t.prev_value.isnull(), ibis.null("string")),
            (t.value > t.prev_value, "up"), (t.value < t.prev_value, "down"), else_="flat"),
        log_change=ibis.cases(
            (t.prev_value.notnull() & (t.prev_value > 0) & (t.value > 0), (t.value / t.prev_value).ln()),
            else_=ibis.null("float64")),
    )

    # Streaks: a run starts where the direction changes or the previous month has none.
    pdir = t.select(d_key=t.series_key, d_idx=t.idx + 1, prev_direction=t.direction)
    t = t.left_join(pdir, [t.series_key == pdir.d_key, t.idx == pdir.d_idx]).drop("d_key", "d_idx")
    new_run = ibis.cases(
        (t.direction.isnull() | t.prev_direction.isnull(), 1),
        (t.direction != t.prev_direction, 1),
        else_=0,
    )
    t = t.mutate(_new_run=new_run)
    run_w = ibis.window(group_by=t.series_key, order_by=t.idx, rows=(None, 0))
    t = t.mutate(_run=t._new_run.sum().over(run_w))
    in_run_w = ibis.window(group_by=[t.series_key, t._run], order_by=t.idx, rows=(None, 0))
    t = t.mutate(
        streak_kind=t.direction,
        streak_len=ibis.cases((t.direction.isnull(), ibis.null("int64")),
                              else_=(ibis.row_number().over(in_run_w) + 1).cast("int64")),
    )

    # Volatility of log changes over a calendar-month range frame.
    vol_w = ibis.window(group_by=t.series_key, order_by=t.idx, range=(-(vol_window - 1), 0))
    t = t.mutate(_vol=t.log_change.std().over(vol_w), volatility_n=t.log_change.count().over(vol_w))
    t = t.mutate(volatility=ibis.cases((t.volatility_n >= MIN_VOL_CHANGES, t._vol), else_=ibis.null("float64")))

    # Lowest/highest since: the latest earlier month at or beyond this level (a non-equi self-join per lane).
    a = base.select(a_key=base.series_key, a_idx=base.idx, a_value=base.value, a_pos=base.pos)
    b = base.select(b_key=base.series_key, b_idx=base.idx, b_value=base.value, b_pos=base.pos)
    ab = a.join(b, [a.a_key == b.b_key, b.b_idx < a.a_idx])
    rec = ab.group_by([ab.a_key, ab.a_idx]).aggregate(
        _le_idx=ibis.cases((ab.b_value <= ab.a_value, ab.b_idx), else_=ibis.null("int64")).max(),
        _le_pos=ibis.cases((ab.b_value <= ab.a_value, ab.b_pos), else_=ibis.null("int64")).max(),
        _ge_idx=ibis.cases((ab.b_value >= ab.a_value, ab.b_idx), else_=ibis.null("int64")).max(),
        _ge_pos=ibis.cases((ab.b_value >= ab.a_value, ab.b_pos), else_=ibis.null("int64")).max(),
        n_prior=ab.b_idx.count(),
        _first_prior=ab.b_idx.min(),
    )
    t = t.left_join(rec, [t.series_key == rec.a_key, t.idx == rec.a_idx]).drop("a_key", "a_idx")
    t = t.mutate(
        low_since_idx=t._le_idx, low_since_records=(t.pos - t._le_pos).cast("int64"),
        high_since_idx=t._ge_idx, high_since_records=(t.pos - t._ge_pos).cast("int64"),
        n_prior=t.n_prior.fill_null(0).cast("int64"),
        first_idx=ibis.coalesce(t._first_prior, t.idx).cast("int64"),
    )

    # World total, share, rank and divergence.
    world = t.filter(t.partner == "WLD").select(
        w_product=t.product, w_reporter=t.reporter, w_idx=t.idx, world_value=t.value,
        world_mom_pct=t.mom_pct, world_direction=t.direction)
    t = t.left_join(world, [t.product == world.w_product, t.reporter == world.w_reporter, t.idx == world.w_idx])
    t = t.drop("w_product", "w_reporter", "w_idx")
    is_country = ~t.partner.isin(list(AGGREGATES))
    t = t.mutate(
        share_pct=ibis.cases((t.world_value.notnull() & (t.world_value != 0), t.value / t.world_value * 100),
                             else_=ibis.null("float64")),
        _rankable=is_country.cast("int32"),
        divergence=ibis.cases(
            (~is_country, ibis.null("string")),
            ((t.direction == "down") & (t.world_direction == "up"), "lane_down_world_up"),
            ((t.direction == "up") & (t.world_direction == "down"), "lane_up_world_down"),
            else_=ibis.null("string")),
    )
    rank_w = ibis.window(group_by=[t.product, t.reporter, t.idx, t._rankable],
                         order_by=[t.value.desc(), t.partner.asc()], rows=(None, 0))
    t = t.mutate(rank=ibis.cases((t._rankable == 1, (ibis.row_number().over(rank_w) + 1).cast("int64")),
                                 else_=ibis.null("int64")))
    return t.select(
        "series_key", "product", "reporter", "partner", "period", "idx", "value", "prev_period", "prev_value",
        "mom_abs", "mom_pct", "yoy_value", "yoy_abs", "yoy_pct", "world_value", "share_pct", "rank",
        "direction", "streak_kind", "streak_len", "low_since_idx", "low_since_records", "high_since_idx",
        "high_since_records", "n_prior", "first_idx", "volatility", "volatility_n", "world_mom_pct",
        "divergence", "vintage", "vintage_estimated", "n_sources", "source_title", "source_url",
    ).order_by(["series_key", "idx"])


def _row(r: dict[str, Any]) -> PanelRow:
    idx = int(r["idx"])
    vin = r["vintage"]
    return PanelRow(
        series_key=r["series_key"], product=r["product"], reporter=r["reporter"], partner=r["partner"],
        period=r["period"], idx=idx, value=float(r["value"]),
        prev_period=idx_to_period(idx - 1).label, prev_value=r["prev_value"],
        mom_abs=r["mom_abs"], mom_pct=r["mom_pct"],
        yoy_period=idx_to_period(idx - 12).label, yoy_value=r["yoy_value"], yoy_abs=r["yoy_abs"],
        yoy_pct=r["yoy_pct"], world_value=r["world_value"], share_pct=r["share_pct"],
        rank=None if r["rank"] is None else int(r["rank"]),
        direction=r["direction"], streak_kind=r["streak_kind"],
        streak_len=None if r["streak_len"] is None else int(r["streak_len"]),
        low_since_idx=None if r["low_since_idx"] is None else int(r["low_since_idx"]),
        low_since_records=None if r["low_since_records"] is None else int(r["low_since_records"]),
        high_since_idx=None if r["high_since_idx"] is None else int(r["high_since_idx"]),
        high_since_records=None if r["high_since_records"] is None else int(r["high_since_records"]),
        n_prior=int(r["n_prior"]), first_idx=int(r["first_idx"]),
        volatility=r["volatility"], volatility_n=int(r["volatility_n"] or 0),
        world_mom_pct=r["world_mom_pct"], divergence=r["divergence"],
        vintage=vin.isoformat() if hasattr(vin, "isoformat") else str(vin),
        vintage_estimated=bool(r["vintage_estimated"]), n_sources=int(r["n_sources"]),
        source_title=r["source_title"] or "", source_url=r["source_url"],
    )


def panel(ts: TableSet, product: str | None = None, *, partner: str | None = None, reporter: str = "CHN",
          as_of: date | None = None, vol_window: int = VOL_WINDOW) -> list[PanelRow]:
    """The panel as rows, ordered by series key and month.

    >>> from tradelane.store import Store
    >>> rows = panel(Store.open().tables, "rare_earth_magnets", partner="USA")
    >>> r = next(r for r in rows if r.period == "2025-11")
    >>> (r.value, r.prev_value, round(r.mom_pct, 1), r.divergence)
    (582.0, 656.0, -11.3, 'lane_down_world_up')

    Raises:
        InputError: unknown product.
    """
    if product is not None and product not in PRODUCTS:
        raise InputError(f"unknown product {product!r}; expected one of {', '.join(sorted(PRODUCTS))}")
    t = panel_expr(ts, product=product, reporter=reporter, as_of=as_of, vol_window=vol_window)
    if partner is not None:
        t = t.filter(t.partner == partner)
    return [_row(r) for r in t.to_pyarrow().to_pylist()]
