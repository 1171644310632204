"""The lanes of one product in one month: level, MoM, YoY, share of the world, rank.

Written once as Ibis expressions (explicit keys, no positional shifts: the
comparison month is joined by its label, so a missing month stays missing and
never makes a lag jump to an older month). Runs on DuckDB or Spark.

A Jan–Feb cumulative figure (period ``YYYY-01/YYYY-02``) is shown for the
February query with no month-on-month comparison, and its year-on-year change is
taken against the previous Jan–Feb cumulative figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import ibis
import ibis.expr.types as ir

from ..errors import InputError
from ..model import AGGREGATES, PRODUCTS, Period, partner_name
from ..store.views import TableSet, current_view

__all__ = ["LANE_FIELDS", "LaneRow", "lanes", "lanes_expr", "latest_month"]

LANE_FIELDS = (
    "partner", "partner_name", "period", "period_months", "quantity_t", "prev_period", "prev_quantity_t",
    "mom_pct", "mom_basis", "yoy_period", "yoy_quantity_t", "yoy_pct", "yoy_basis", "share_pct", "rank",
    "n_sources", "source_title", "source_url", "vintage", "vintage_estimated", "notes",
)


@dataclass(frozen=True)
class LaneRow:
    """One partner's figure for the month, with its comparisons and provenance."""

    partner: str
    partner_name: str
    period: str
    period_months: int
    quantity_t: float | None
    prev_period: str | None
    prev_quantity_t: float | None
    mom_pct: float | None
    mom_basis: str | None
    yoy_period: str
    yoy_quantity_t: float | None
    yoy_pct: float | None
    yoy_basis: str | None
    share_pct: float | None
    rank: int | None
    n_sources: int
    source_title: str
    source_url: str | None
    vintage: str
    vintage_estimated: bool
    notes: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        d = {f: getattr(self, f) for f in LANE_FIELDS}
        d["notes"] = list(self.notes)
        return d


def _shapes(month: Period) -> list[dict[str, str | None]]:
    """The period shapes that end in ``month``: the month itself and, in February, Jan–Feb."""
    shapes: list[dict[str, str | None]] = [{"period": month.label, "prev_period": month.shift_months(-1).label,
               "yoy_period": month.shift_months(-12).label}]
    if month.start.month == 2:
        jf = Period.months_range(month.shift_months(-1), month)
        shapes.append({"period": jf.label, "prev_period": None, "yoy_period": jf.shift_months(-12).label})
    return shapes


def lanes_expr(ts: TableSet, product: str, month: Period, *, reporter: str = "CHN",
               as_of: date | None = None) -> ir.Table:
    """The lanes table as an Ibis expression (one row per partner and period shape)."""
    s = ts.series
    lane_series = s.filter((s.kind == "trade") & (s.measure == "quantity") & (s.product == product)
                           & (s.reporter == reporter)).select("series_key", "partner")
    cur = current_view(ts.observations, as_of).join(lane_series, "series_key")
    shapes = ibis.memtable(_shapes(month), schema={"period": "string", "prev_period": "string",
                                                   "yoy_period": "string"})
    base = cur.join(shapes, "period")
    prev = cur.select(p_key=cur.series_key, p_period=cur.period, prev_quantity_t=cur.value,
                      p_mom=cur.reported_mom_pct)
    yoy = cur.select(y_key=cur.series_key, y_period=cur.period, yoy_quantity_t=cur.value)
    world = cur.filter(cur.partner == "WLD").select(w_period=cur.period, world_t=cur.value)
    t = (
        base.left_join(prev, [("series_key", "p_key"), ("prev_period", "p_period")])
        .left_join(yoy, [("series_key", "y_key"), ("yoy_period", "y_period")])
        .left_join(world, [("period", "w_period")])
    )
    mom_calc = ((t.value / t.prev_quantity_t) - 1) * 100
    yoy_calc = ((t.value / t.yoy_quantity_t) - 1) * 100
    has_prev = t.value.notnull() & t.prev_quantity_t.notnull() & (t.prev_quantity_t != 0)
    has_yoy = t.value.notnull() & t.yoy_quantity_t.notnull() & (t.yoy_quantity_t != 0)
    is_country = ~t.partner.isin(list(AGGREGATES))
    t = t.mutate(
        mom_pct=ibis.cases((has_prev, mom_calc), else_=t.reported_mom_pct.cast("float64")),
        mom_basis=ibis.cases((has_prev, "computed"), (t.reported_mom_pct.notnull(), "reported"),
                             else_=ibis.null("string")),
        yoy_pct=ibis.cases((has_yoy, yoy_calc), else_=t.reported_yoy_pct.cast("float64")),
        yoy_basis=ibis.cases((has_yoy, "computed"), (t.reported_yoy_pct.notnull(), "reported"),
                             else_=ibis.null("string")),
        share_pct=ibis.cases(
            (t.value.notnull() & t.world_t.notnull() & (t.world_t != 0), t.value / t.world_t * 100),
            else_=ibis.null("float64")),
        _rankable=(is_country & t.value.notnull()).cast("int32"),
    )
    w = ibis.window(group_by=[t.period, t._rankable], order_by=[t.value.desc(), t.partner.asc()])
    t = t.mutate(rank=ibis.cases((t._rankable == 1, ibis.row_number().over(w) + 1),
                                 else_=ibis.null("int64")))
    return t.select(
        "partner", "period", "months", "value", "prev_period", "prev_quantity_t", "mom_pct", "mom_basis",
        "yoy_period", "yoy_quantity_t", "yoy_pct", "yoy_basis", "share_pct", "rank", "n_sources",
        "source_title", "source_url", "vintage", "vintage_estimated", "reported_mom_pct", "reported_yoy_pct",
    )


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(float(x), nd)


def lanes(ts: TableSet, product: str, month: Period, *, reporter: str = "CHN",
          as_of: date | None = None) -> list[LaneRow]:
    """Every partner's figure for ``product`` in ``month``, world first, then by rank.

    Raises:
        InputError: unknown product or a period that is not a single month.
    """
    if product not in PRODUCTS:
        raise InputError(f"unknown product {product!r}; expected one of {', '.join(sorted(PRODUCTS))}")
    if not month.is_single_month:
        raise InputError(f"--period {month.label} is not a single month (YYYY-MM)")
    rows = lanes_expr(ts, product, month, reporter=reporter, as_of=as_of).to_pyarrow().to_pylist()
    out = []
    for r in rows:
        notes: list[str] = []
        months = int(r["months"])
        cumulative = months > 1
        if cumulative:
            notes.append(f"{Period.parse(r['period']).describe()} cumulative: China Customs publishes January "
                         "and February together; no single-month figure or month-on-month change exists")
        if r["value"] is None:
            notes.append("no tonnage reported for this month; only a reported percentage change")
        if r["mom_pct"] is None and not cumulative:
            notes.append(f"no month-on-month change: no figure for {r['prev_period']}")
        elif r["mom_basis"] == "reported":
            notes.append(f"month-on-month change as reported by the source ({r['prev_period']} not on record)")
        if r["yoy_pct"] is None:
            notes.append(f"no year-on-year change: no figure for {r['yoy_period']}")
        elif r["yoy_basis"] == "reported":
            notes.append(f"year-on-year change as reported by the source ({r['yoy_period']} not on record)")
        if r["share_pct"] is None and r["value"] is not None:
            notes.append(f"no share: no world total for {r['period']}")
        if r["partner"] == "EUU":
            notes.append("EUU is the European Union aggregate, not a country: not ranked")
        out.append(LaneRow(
            partner=r["partner"], partner_name=partner_name(r["partner"]), period=r["period"], period_months=months,
            quantity_t=r["value"], prev_period=None if cumulative else r["prev_period"],
            prev_quantity_t=r["prev_quantity_t"], mom_pct=_r(r["mom_pct"]), mom_basis=r["mom_basis"],
            yoy_period=r["yoy_period"], yoy_quantity_t=r["yoy_quantity_t"], yoy_pct=_r(r["yoy_pct"]),
            yoy_basis=r["yoy_basis"], share_pct=_r(r["share_pct"]),
            rank=None if r["rank"] is None else int(r["rank"]), n_sources=int(r["n_sources"]),
            source_title=r["source_title"], source_url=r["source_url"], vintage=r["vintage"].isoformat(),
            vintage_estimated=bool(r["vintage_estimated"]), notes=tuple(notes),
        ))

    def order(x: LaneRow) -> tuple[int, int, int, str]:
        return (x.period_months == 1, x.partner != "WLD", x.rank if x.rank is not None else 10**6, x.partner)

    out.sort(key=order)
    return out


def latest_month(ts: TableSet, product: str | None = None, *, partner: str | None = None,
                 as_of: date | None = None) -> Period:
    """The latest single month with a shown figure for ``product`` (any trade lane when None),
    optionally for one ``partner`` (``"WLD"``: the latest month with a world total).

    >>> from tradelane.store import Store
    >>> latest_month(Store.open().tables, "rare_earth_magnets", partner="WLD", as_of=date(2025, 12, 31)).label
    '2025-11'

    Raises:
        InputError: unknown product, or no monthly figure is on record (known at ``as_of``).
    """
    if product is not None and product not in PRODUCTS:
        raise InputError(f"unknown product {product!r}; expected one of {', '.join(sorted(PRODUCTS))}")
    s = ts.series
    keys = s.filter((s.kind == "trade") & (s.measure == "quantity"))
    if product is not None:
        keys = keys.filter(keys.product == product)
    if partner is not None:
        keys = keys.filter(keys.partner == partner)
    cur = current_view(ts.observations, as_of)
    t = cur.join(keys.select("series_key"), "series_key")
    t = t.filter((t.months == 1) & (t.freq == "M") & t.value.notnull())
    last = t.period_start.max().to_pyarrow().as_py()
    if last is None:
        what = f"{product or 'trade'} figure" + (f" for {partner}" if partner else "")
        raise InputError(f"no monthly {what} on record" + (f" known on {as_of}" if as_of else ""))
    return Period.month(last.year, last.month)
