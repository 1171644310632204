"""Rate series read from the store: LPR fixings and policy-rate step series.

Two shapes of series live in the store:

* **LPR fixings** (``lpr/1y``, ``lpr/5y``): one figure per fixing month, with
  the fixing date in ``obs_date``; the vintage is the fixing date.
* **Policy-rate steps** (``policy/7d_reverse_repo``, ``policy/mlf_1y``): one
  row per change, on the day it took effect. A level holds until the next
  change, so "the rate on a date" is the last step on or before that date.
  Before the first stored step the level is unknown (missing, never guessed).

The 1-year MLF stopped being a single policy rate when operations moved to
multiple-price bidding from 2025 (see the note on its last row in
``policy_rates.csv``); :func:`level_on` therefore carries the MLF level only
through :data:`MLF_SINGLE_RATE_END`.

Every read is an Ibis expression on the :class:`~tradelane.store.views.TableSet`
(the vintage rule of :func:`~tradelane.store.views.current_view` applies), so
it runs on DuckDB or Spark; the small results are then walked in Python.

>>> from tradelane.store import Store
>>> ts = Store.open().tables
>>> f = lpr_fixings(ts, as_of=date(2025, 12, 31))[-1]
>>> f.fixing_date, f.lpr_1y.value, f.lpr_5y.value
(datetime.date(2025, 12, 22), 3.0, 3.5)
>>> level_on(policy_steps(ts, REVERSE_REPO_7D), date(2025, 12, 22)).value
1.4
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import ibis

from ..model import Period
from ..store.views import TableSet, current_view

__all__ = [
    "LPR_1Y", "LPR_5Y", "MLF_1Y", "MLF_SINGLE_RATE_END", "POLICY_RATE_SWITCH", "REVERSE_REPO_7D",
    "HISTORY_FIELDS", "HistoryRow", "LprFixing", "RatePoint", "bp", "chart_rows", "fixing_for", "level_on",
    "lpr_fixings", "policy_steps", "rates_history",
]

LPR_1Y = "lpr/1y"
LPR_5Y = "lpr/5y"
REVERSE_REPO_7D = "policy/7d_reverse_repo"
MLF_1Y = "policy/mlf_1y"

POLICY_RATE_SWITCH = date(2024, 7, 22)
"""The day the 7-day reverse repo took over from the MLF as the main policy rate in practice
(fixed-rate operations and a cut the same morning as an LPR cut; LPR_METHOD.md §4)."""

MLF_SINGLE_RATE_END = date(2024, 12, 31)
"""Last day a single 1-year MLF policy rate is carried forward: from 2025 the MLF moved to
multiple-price bidding (policy_rates.csv note on the 2024-09-25 row)."""


def bp(a: float | None, b: float | None) -> int | None:
    """``a - b`` in whole basis points (rates are quoted to 0.01 pp), None if either is missing.

    >>> bp(3.0, 1.4), bp(3.45, 3.55), bp(None, 1.0)
    (160, -10, None)
    """
    if a is None or b is None:
        return None
    return round((a - b) * 100)


@dataclass(frozen=True)
class RatePoint:
    """One stored rate figure with its provenance."""

    series_key: str
    period: str  # month label for a fixing, day label for a policy step
    day: date  # fixing or effective date
    value: float | None
    vintage: date
    vintage_estimated: bool
    source_title: str
    source_url: str | None
    reported_change_bp: float | None = None

    def provenance(self) -> dict[str, Any]:
        """Series, period, date, vintage and source, for JSON output."""
        return {"series_key": self.series_key, "period": self.period, "date": self.day.isoformat(),
                "vintage": self.vintage.isoformat(), "vintage_estimated": self.vintage_estimated,
                "source_title": self.source_title, "source_url": self.source_url}


@dataclass(frozen=True)
class LprFixing:
    """One month's LPR fixing: both tenors, each with its own provenance."""

    period: str
    fixing_date: date
    lpr_1y: RatePoint
    lpr_5y: RatePoint

    @property
    def month(self) -> Period:
        return Period.parse(self.period)


_COLS = ("series_key", "period", "obs_date", "period_start", "value", "vintage", "vintage_estimated",
         "source_title", "source_url", "reported_change_bp")


def _points(ts: TableSet, keys: Sequence[str], as_of: date | None) -> list[dict[str, Any]]:
    o = ts.observations
    # the view ranks within (series, period), so filtering the series first gives the same rows, faster
    v = current_view(o.filter(o.series_key.isin(list(keys))), as_of)
    if as_of is not None:  # a step announced ahead takes effect only on its day
        day = ibis.coalesce(v.obs_date, v.period_start)
        v = v.filter(day <= ibis.literal(as_of, type="date"))
    rows: list[dict[str, Any]] = v.select(*_COLS).order_by(["series_key", "period"]).to_pyarrow().to_pylist()
    return rows


def _point(r: dict[str, Any]) -> RatePoint:
    return RatePoint(series_key=r["series_key"], period=r["period"], day=r["obs_date"] or r["period_start"],
                     value=r["value"], vintage=r["vintage"], vintage_estimated=bool(r["vintage_estimated"]),
                     source_title=r["source_title"], source_url=r["source_url"],
                     reported_change_bp=r["reported_change_bp"])


def lpr_fixings(ts: TableSet, *, as_of: date | None = None, start: date | None = None,
                end: date | None = None) -> list[LprFixing]:
    """Every LPR fixing known at ``as_of`` (both tenors present), oldest first.

    ``start``/``end`` bound the fixing dates (inclusive). A month where only one
    tenor is stored is left out rather than half-filled.
    """
    by_period: dict[str, dict[str, RatePoint]] = {}
    for r in _points(ts, (LPR_1Y, LPR_5Y), as_of):
        if r["value"] is None:
            continue
        by_period.setdefault(r["period"], {})[r["series_key"]] = _point(r)
    out = []
    for period in sorted(by_period):
        pair = by_period[period]
        if LPR_1Y not in pair or LPR_5Y not in pair:
            continue
        one, five = pair[LPR_1Y], pair[LPR_5Y]
        if (start is not None and one.day < start) or (end is not None and one.day > end):
            continue
        out.append(LprFixing(period=period, fixing_date=one.day, lpr_1y=one, lpr_5y=five))
    return out


def fixing_for(fixings: Sequence[LprFixing], month: Period) -> LprFixing | None:
    """The fixing of a calendar month, if stored."""
    return next((f for f in fixings if f.period == month.label), None)


def policy_steps(ts: TableSet, key: str, *, as_of: date | None = None) -> list[RatePoint]:
    """The changes of a policy rate known at ``as_of`` (and in effect by then), oldest first."""
    pts = [_point(r) for r in _points(ts, (key,), as_of) if r["value"] is not None]
    return sorted(pts, key=lambda p: p.day)


def level_on(steps: Sequence[RatePoint], day: date) -> RatePoint | None:
    """The step in force on ``day``: the last change on or before it (None before the first).

    The 1-year MLF is not carried past :data:`MLF_SINGLE_RATE_END`.

    >>> s = [RatePoint("x", "2020-01-01", date(2020, 1, 1), 2.0, date(2020, 1, 1), False, "t", None)]
    >>> level_on(s, date(2019, 12, 31)) is None, level_on(s, date(2021, 5, 1)).value
    (True, 2.0)
    """
    i = bisect_right([s.day for s in steps], day)
    if i == 0:
        return None
    p = steps[i - 1]
    if p.series_key == MLF_1Y and day > MLF_SINGLE_RATE_END:
        return None
    return p


@dataclass(frozen=True)
class HistoryRow:
    """One fixing with the policy rates in force that day."""

    period: str
    fixing_date: date
    lpr_1y: float
    lpr_5y: float
    change_1y_bp: int | None  # vs the previous month's fixing; None when that month is missing
    change_5y_bp: int | None
    reverse_repo_7d: float | None
    reverse_repo_7d_since: date | None
    mlf_1y: float | None
    mlf_1y_since: date | None
    spread_1y_7d_bp: int | None
    spread_5y_1y_bp: int
    anchor: str  # "mlf_1y" before POLICY_RATE_SWITCH, then "reverse_repo_7d"
    source_title: str
    source_url: str | None
    vintage: date

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


HISTORY_FIELDS = tuple(HistoryRow.__dataclass_fields__)


def rates_history(ts: TableSet, *, as_of: date | None = None, start: date | None = None,
                  end: date | None = None) -> list[HistoryRow]:
    """Each LPR fixing between ``start`` and ``end`` with the 7-day reverse repo and MLF in force that day."""
    all_fix = lpr_fixings(ts, as_of=as_of)
    by_period = {f.period: f for f in all_fix}
    rr = policy_steps(ts, REVERSE_REPO_7D, as_of=as_of)
    mlf = policy_steps(ts, MLF_1Y, as_of=as_of)
    out = []
    for f in all_fix:
        if (start is not None and f.fixing_date < start) or (end is not None and f.fixing_date > end):
            continue
        prev = by_period.get(f.month.shift_months(-1).label)
        r = level_on(rr, f.fixing_date)
        m = level_on(mlf, f.fixing_date)
        one, five = f.lpr_1y.value, f.lpr_5y.value
        assert one is not None and five is not None
        spread_5_1 = bp(five, one)
        assert spread_5_1 is not None
        out.append(HistoryRow(
            period=f.period, fixing_date=f.fixing_date, lpr_1y=one, lpr_5y=five,
            change_1y_bp=bp(one, prev.lpr_1y.value) if prev else None,
            change_5y_bp=bp(five, prev.lpr_5y.value) if prev else None,
            reverse_repo_7d=r.value if r else None, reverse_repo_7d_since=r.day if r else None,
            mlf_1y=m.value if m else None, mlf_1y_since=m.day if m else None,
            spread_1y_7d_bp=bp(one, r.value) if r else None, spread_5y_1y_bp=spread_5_1,
            anchor="reverse_repo_7d" if f.fixing_date >= POLICY_RATE_SWITCH else "mlf_1y",
            source_title=f.lpr_1y.source_title, source_url=f.lpr_1y.source_url, vintage=f.lpr_1y.vintage,
        ))
    return out


_CHART_SERIES = (("lpr_1y", "1-year LPR"), ("lpr_5y", "5-year LPR"), ("reverse_repo_7d", "7-day reverse repo"),
                 ("mlf_1y", "1-year MLF"))


def chart_rows(rows: Sequence[HistoryRow]) -> list[dict[str, Any]]:
    """Long-form rows (date, series, rate_pct) for a line chart; missing levels are left out, not drawn as 0.

    >>> r = HistoryRow("2025-12", date(2025, 12, 22), 3.0, 3.5, 0, 0, 1.4, date(2025, 5, 8), None, None, 160, 50,
    ...                "reverse_repo_7d", "t", None, date(2025, 12, 22))
    >>> [(x["series"], x["rate_pct"]) for x in chart_rows([r])]
    [('1-year LPR', 3.0), ('5-year LPR', 3.5), ('7-day reverse repo', 1.4)]
    """
    out: list[dict[str, Any]] = []
    for r in rows:
        for field, label in _CHART_SERIES:
            v = getattr(r, field)
            if v is not None:
                out.append({"date": r.fixing_date.isoformat(), "series": label, "rate_pct": v})
    return out
