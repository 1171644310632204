"""Structural breaks in a lane: change points of the log level (ruptures PELT).

**Method.** PELT with the least-squares cost (``model="l2"``) on the natural log
of the monthly levels, taken in month order over the months on record (a missing
month is skipped, never interpolated; a break that falls across a gap says so).
``min_size`` is 2: a regime needs at least two months.

**Penalty rule.** ``penalty = PENALTY_BETA * sigma**2 * ln(n)`` with
``PENALTY_BETA = 2`` (a BIC-like rule), where ``n`` is the number of months and
``sigma`` the noise of the log level, estimated robustly from first differences:
``sigma = 1.4826 * MAD(diff(log level)) / sqrt(2)``, floored at
``SIGMA_FLOOR = 0.05`` (a 5% month-to-month wobble) so that a very smooth or
noiseless series is not split at every kink. A step in the log level of ``d``
between two regimes of ``a`` and ``b`` months lowers the cost by
``a * b / (a + b) * d**2``; the break is kept when that beats the penalty.

>>> bs = detect_breaks([100, 101, 99, 100, 30, 31, 29, 30], [f"2025-{m:02d}" for m in range(1, 9)])
>>> [(b.period, b.before_period, round(b.change_pct)) for b in bs]
[('2025-05', '2025-04', -70)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from ..errors import InputError
from ..model import Period
from ..store.views import TableSet, current_view

__all__ = ["PENALTY_BETA", "SIGMA_FLOOR", "Break", "break_penalty", "detect_breaks", "series_breaks"]

PENALTY_BETA = 2.0
SIGMA_FLOOR = 0.05
MIN_POINTS = 4


@dataclass(frozen=True)
class Break:
    """A change point: the new regime starts at ``period``; the old one ended at ``before_period``."""

    period: str
    before_period: str
    mean_before: float  # geometric mean level of the regime before
    mean_after: float  # geometric mean level of the regime after
    change_pct: float
    months_missing_between: int
    penalty: float

    def as_dict(self) -> dict[str, Any]:
        return {"period": self.period, "before_period": self.before_period, "mean_before": self.mean_before,
                "mean_after": self.mean_after, "change_pct": self.change_pct,
                "months_missing_between": self.months_missing_between, "penalty": self.penalty}


def break_penalty(log_levels: Sequence[float]) -> float:
    """The documented penalty for a log-level series (see the module docstring).

    >>> round(break_penalty([0.0] * 10), 4)  # noiseless: sigma is floored at 0.05
    0.0115
    """
    x = np.asarray(log_levels, dtype=float)
    n = len(x)
    if n < 2:
        return 0.0
    d = np.diff(x)
    mad = float(np.median(np.abs(d - np.median(d))))
    sigma = max(1.4826 * mad / math.sqrt(2), SIGMA_FLOOR)
    return PENALTY_BETA * sigma**2 * math.log(n)


def _month_gap(a: str, b: str) -> int:
    pa, pb = Period.parse(a), Period.parse(b)
    return (pb.start.year - pa.start.year) * 12 + pb.start.month - pa.start.month - 1


def detect_breaks(values: Sequence[float], periods: Sequence[str], *, penalty: float | None = None,
                  min_size: int = 2) -> list[Break]:
    """Change points of the log level of a monthly series.

    Args:
        values: positive levels in month order (months on record only).
        periods: their month labels (``YYYY-MM``), same length.
        penalty: override the documented penalty rule.
        min_size: fewest months in a regime.

    Returns:
        The breaks in month order; empty when the series has fewer than
        ``MIN_POINTS`` months or no break beats the penalty.

    Raises:
        InputError: lengths differ or a level is not positive.
    """
    if len(values) != len(periods):
        raise InputError(f"detect_breaks: {len(values)} values but {len(periods)} periods")
    if any(v is None or not v > 0 for v in values):
        raise InputError("detect_breaks: every level must be a positive number (log level)")
    n = len(values)
    if n < max(MIN_POINTS, 2 * min_size):
        return []
    import ruptures as rpt

    logs = np.log(np.asarray(values, dtype=float))
    pen = break_penalty(logs) if penalty is None else penalty
    ends = rpt.Pelt(model="l2", min_size=min_size, jump=1).fit(logs.reshape(-1, 1)).predict(pen=pen)
    bounds = [0, *ends]
    out = []
    for i in range(1, len(bounds) - 1):
        lo, cut, hi = bounds[i - 1], bounds[i], bounds[i + 1]
        before = float(math.exp(float(np.mean(logs[lo:cut]))))
        after = float(math.exp(float(np.mean(logs[cut:hi]))))
        out.append(Break(period=periods[cut], before_period=periods[cut - 1], mean_before=before,
                         mean_after=after, change_pct=(after / before - 1) * 100,
                         months_missing_between=_month_gap(periods[cut - 1], periods[cut]), penalty=pen))
    return out


def series_breaks(ts: TableSet, series_key: str, *, as_of: date | None = None,
                  penalty: float | None = None) -> list[Break]:
    """Breaks in one stored monthly series (single months only; Jan–Feb cumulative figures are left out)."""
    cur = current_view(ts.observations, as_of)
    t = cur.filter((cur.series_key == series_key) & (cur.freq == "M") & (cur.months == 1) & cur.value.notnull()
                   & (cur.value > 0)).select("period", "period_start", "value").order_by("period_start")
    rows = t.to_pyarrow().to_pylist()
    return detect_breaks([float(r["value"]) for r in rows], [r["period"] for r in rows], penalty=penalty)
