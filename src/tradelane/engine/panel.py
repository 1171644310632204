"""Lane metrics over a world-scale panel, as one pure Ibis expression (DuckDB, Spark, any backend).

A panel has one row per (reporter, partner, product, month) with a ``value``;
a missing month is a missing row (gaps are real: a lane that did not trade, or a
country that did not report) and is never filled. For each row
:func:`lane_metrics` gives:

=============== ================================================================
``prev_value``  the value of the calendar month before (null when that month is
                missing: the comparison is by date, never "the previous row")
``mom_pct``     ``(value / prev_value - 1) * 100`` (null when prev is 0 or missing)
``yoy_pct``     the same against the same month a year before
``share_pct``   the lane's share of the reporter's total to all partners (its
                world total) for that product and month
``rank``        1 for the largest partner of (reporter, product, month); ties by
                partner code
``streak``      +n after n consecutive monthly rises, -n after n falls, 0 when
                flat or when the month before is missing
``lowest_since`` months back to the last month with a lower value, looking back
                at most :data:`LOWEST_SINCE_LOOKBACK` months (null: lowest in
                that window)
``vol_6m``      sample standard deviation of the monthly log changes in the
                :data:`VOLATILITY_MONTHS` months ending here (null with fewer
                than :data:`VOLATILITY_MIN_CHANGES` changes)
=============== ================================================================

**Why positional lags are safe here.** Within a lane ordered by month, the
rows of the past 12 calendar months are among the 12 rows before; each lag
carries its month, and every comparison checks it (``m_j = m - 1``), so a gap
makes the comparison missing instead of reaching to an older month. One sort
per lane serves every lag (cheaper than twelve self-joins: see
``docs/engines.md``).

>>> import ibis
>>> t = ibis.memtable({"reporter": ["R1"] * 3, "partner": ["P1"] * 3, "product": ["SYN1"] * 3,
...                    "month": ["2024-01-01", "2024-02-01", "2024-04-01"], "value": [10.0, 15.0, 6.0]})
>>> t = t.mutate(month=t.month.cast("date"))
>>> r = lane_metrics(t).order_by("month").to_pyarrow().to_pylist()
>>> [(x["month"].isoformat(), x["prev_value"], x["mom_pct"], x["streak"], x["lowest_since"]) for x in r]
[('2024-01-01', None, None, 0, None), ('2024-02-01', 10.0, 50.0, 1, 1), ('2024-04-01', None, None, 0, None)]
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

__all__ = [
    "LOWEST_SINCE_LOOKBACK", "METRIC_COLUMNS", "PANEL_KEYS", "PANEL_SCHEMA", "VOLATILITY_MIN_CHANGES",
    "VOLATILITY_MONTHS", "lane_metrics", "month_index",
]

PANEL_KEYS = ("reporter", "partner", "product")
PANEL_SCHEMA = {"reporter": "string", "partner": "string", "product": "string", "month": "date", "value": "float64"}
LOWEST_SINCE_LOOKBACK = 12
VOLATILITY_MONTHS = 6
VOLATILITY_MIN_CHANGES = 3
YOY_MONTHS = 12

METRIC_COLUMNS = (
    "reporter", "partner", "product", "month", "value", "prev_value", "mom_pct", "yoy_pct", "share_pct", "rank",
    "streak", "lowest_since", "vol_6m",
)


def month_index(month: ir.DateValue) -> ir.IntegerValue:
    """Months since year 0 (2024-01 -> 24288): consecutive months differ by one."""
    return (month.year() * 12 + month.month() - 1).cast("int32")


def _pct(num: ir.FloatingValue, den: ir.FloatingValue) -> ir.FloatingValue:
    return ibis.cases((den.notnull() & (den != 0), (num / den - 1) * 100), else_=ibis.null("float64"))


def _sign(x: ir.FloatingValue) -> ir.IntegerValue:
    return ibis.cases((x > 0, 1), (x < 0, -1), else_=0).cast("int32")


def lane_metrics(obs: ir.Table) -> ir.Table:
    """Per (reporter, partner, product, month): value, prev, MoM, YoY, share, rank, streak, lowest-since, vol.

    Args:
        obs: a panel with the columns of :data:`PANEL_SCHEMA`, at most one row
            per (reporter, partner, product, month).

    Returns:
        An unordered table with :data:`METRIC_COLUMNS`.
    """
    depth = max(LOWEST_SINCE_LOOKBACK, YOY_MONTHS)
    t = obs.select(*PANEL_KEYS, "month", value=obs.value.cast("float64"), m=month_index(obs.month))
    lane = ibis.window(group_by=[t[k] for k in PANEL_KEYS], order_by=t.m)
    lags: dict[str, ir.Value] = {}
    for j in range(1, depth + 1):
        lags[f"_v{j}"] = t.value.lag(j).over(lane)
        lags[f"_m{j}"] = t.m.lag(j).over(lane)
    cell = ibis.window(group_by=[t.reporter, t.product, t.month])
    ranked = ibis.window(group_by=[t.reporter, t.product, t.month], order_by=[t.value.desc(), t.partner.asc()])
    t = t.mutate(
        _total=t.value.sum().over(cell),
        rank=(ibis.row_number().over(ranked) + 1).cast("int64"),
        **lags,
    )

    def lag_at(offset: int) -> ir.FloatingValue:
        """The value exactly ``offset`` calendar months before, or null."""
        return ibis.cases(*[(t[f"_m{j}"] == t.m - offset, t[f"_v{j}"]) for j in range(1, offset + 1)],
                          else_=ibis.null("float64"))

    # the comparison figures, each once (later steps refer to them by name)
    t = t.select(
        *PANEL_KEYS, "month", "value", "m", "rank", "_total",
        prev_value=lag_at(1),
        _prev2=ibis.cases(((t._m1 == t.m - 1) & (t._m2 == t.m - 2), t._v2), else_=ibis.null("float64")),
        _yoy=lag_at(YOY_MONTHS),
        lowest_since=ibis.least(*[
            ibis.cases(((t[f"_m{j}"] >= t.m - LOWEST_SINCE_LOOKBACK) & (t[f"_v{j}"] < t.value), t.m - t[f"_m{j}"]),
                       else_=ibis.null("int32"))
            for j in range(1, LOWEST_SINCE_LOOKBACK + 1)
        ]).cast("int32"),
    )
    prev = t.prev_value
    d = ibis.cases((prev.notnull(), _sign(t.value - prev)), else_=0).cast("int32")
    d_before = ibis.cases((t._prev2.notnull(), _sign(prev - t._prev2)), else_=0).cast("int32")
    t = t.select(
        *PANEL_KEYS, "month", "value", "m", "rank", "prev_value", "lowest_since",
        mom_pct=_pct(t.value, prev),
        yoy_pct=_pct(t.value, t._yoy),
        share_pct=ibis.cases((t._total != 0, t.value / t._total * 100), else_=ibis.null("float64")),
        _d=d,
        _boundary=ibis.cases((d != d_before, t.m), else_=ibis.null("int32")),
        _lc=ibis.cases(((prev > 0) & (t.value > 0), (t.value / prev).ln()), else_=ibis.null("float64")),
    )
    upto = ibis.window(group_by=[t[k] for k in PANEL_KEYS], order_by=t.m, rows=(None, 0))
    recent = ibis.window(group_by=[t[k] for k in PANEL_KEYS], order_by=t.m, range=(-(VOLATILITY_MONTHS - 1), 0))
    t = t.mutate(_run_start=t._boundary.max().over(upto), _n_lc=t._lc.count().over(recent),
                 _sd_lc=t._lc.std(how="sample").over(recent))
    return t.select(
        *PANEL_KEYS, "month", "value", "prev_value", "mom_pct", "yoy_pct", "share_pct", "rank",
        streak=ibis.cases((t._d != 0, t._d * (t.m - t._run_start + 1)), else_=0).cast("int32"),
        lowest_since=t.lowest_since,
        vol_6m=ibis.cases((t._n_lc >= VOLATILITY_MIN_CHANGES, t._sd_lc), else_=ibis.null("float64")),
    )
