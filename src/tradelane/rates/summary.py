"""The latest benchmark rates at a date: levels, spreads, the unchanged streak, the last change.

**The unchanged streak** is the number of consecutive monthly fixings at which
*neither* tenor changed from the month before, counting the latest one: the
fixings since the last change, not counting the fixing that made the change.
The May 2025 fixing cut both tenors by 10 bp, so June 2025 is the first
unchanged fixing and December 2025 the seventh ("unchanged for a seventh
straight month"). A fixing that changed either tenor has a streak of 0 (each
tenor's own streak is also given: ``unchanged_streak_1y``, ``unchanged_streak_5y``). A
month missing from the data stops the count there and the summary says so
(``streak_note``): the streak is then a lower bound, never a guess.

**The last change** is the latest fixing at which either tenor moved;
``last_change_bp`` is the one-year move, or the five-year move when only the
five-year changed (both are also given per tenor).

>>> from tradelane.store import Store
>>> s = rates_summary(Store.open().tables, as_of=date(2025, 12, 31))
>>> s.lpr_1y, s.lpr_5y, s.reverse_repo_7d, s.unchanged_streak, s.unchanged_streak_ordinal
(3.0, 3.5, 1.4, 7, 'seventh')
>>> s.last_change_date, s.last_change_bp, s.spread_1y_7d_bp, s.spread_5y_1y_bp
(datetime.date(2025, 5, 20), -10, 160, 50)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import NotFound
from ..model import ordinal
from ..store.views import TableSet
from .history import REVERSE_REPO_7D, LprFixing, bp, level_on, lpr_fixings, policy_steps

__all__ = ["RatesSummary", "Streak", "rates_summary", "unchanged_streak"]


@dataclass(frozen=True)
class Streak:
    """How many consecutive fixings, ending at one fixing, left both tenors unchanged."""

    count: int
    complete: bool  # False when a missing month stopped the count (the count is a lower bound)
    note: str | None
    last_change: LprFixing | None  # the latest fixing at or before the end where either tenor moved
    last_change_prev: LprFixing | None  # the fixing before that change


def _unchanged(a: LprFixing, b: LprFixing, tenors: tuple[str, ...]) -> bool:
    return all(getattr(a, f"lpr_{t}").value == getattr(b, f"lpr_{t}").value for t in tenors)


def unchanged_streak(fixings: Sequence[LprFixing], end: int | None = None,
                     tenors: tuple[str, ...] = ("1y", "5y")) -> Streak:
    """The unchanged streak ending at ``fixings[end]`` (default: the last fixing).

    ``fixings`` must be in month order, as :func:`~tradelane.rates.history.lpr_fixings` returns them.
    ``tenors`` selects which tenors must be unchanged: both (the default, the headline streak) or one,
    e.g. ``("1y",)`` for the one-year rate's own streak.
    """
    if not fixings:
        return Streak(0, True, "no fixings", None, None)
    i = len(fixings) - 1 if end is None else end
    by_period = {f.period: f for f in fixings[: i + 1]}
    count = 0
    cur = fixings[i]
    while True:
        prev_label = cur.month.shift_months(-1).label
        prev = by_period.get(prev_label)
        if prev is None:
            note = (f"no fixing stored for {prev_label}; the streak counts from there and may be longer"
                    if prev_label >= fixings[0].period else
                    f"the data start at {fixings[0].period}; the streak may be longer")
            return Streak(count, False, note, None, None)
        if not _unchanged(cur, prev, tenors):
            return Streak(count, True, None, cur, prev)
        count += 1
        cur = prev


@dataclass(frozen=True)
class RatesSummary:
    """The benchmark rates known at a date, each with its provenance."""

    as_of: date | None
    fixing_date: date
    fixing_period: str
    lpr_1y: float
    lpr_5y: float
    reverse_repo_7d: float | None
    reverse_repo_7d_since: date | None
    spread_1y_7d_bp: int | None
    spread_5y_1y_bp: int | None
    unchanged_streak: int
    unchanged_streak_ordinal: str
    unchanged_streak_1y: int
    unchanged_streak_5y: int
    streak_complete: bool
    streak_note: str | None
    last_change_date: date | None
    last_change_bp: int | None
    last_change_1y_bp: int | None
    last_change_5y_bp: int | None
    change_12m_bp_1y: int | None
    change_12m_bp_5y: int | None
    change_12m_from: str | None  # the fixing month compared with
    sources: dict[str, dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``tradelane rates``."""
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def rates_summary(ts: TableSet, *, as_of: date | None = None) -> RatesSummary:
    """The latest fixing known at ``as_of`` and the reverse repo in force on ``as_of``.

    Without ``as_of``: the latest stored fixing and the latest stored reverse-repo step.

    Raises:
        NotFound: no LPR fixing is known at ``as_of``.
    """
    fixings = lpr_fixings(ts, as_of=as_of)
    if not fixings:
        when = f" known on {as_of}" if as_of else ""
        raise NotFound(f"no LPR fixing{when}; the data start with the August 2019 fixing")
    latest = fixings[-1]
    one, five = latest.lpr_1y.value, latest.lpr_5y.value
    assert one is not None and five is not None
    steps = policy_steps(ts, REVERSE_REPO_7D, as_of=as_of)
    rr = level_on(steps, as_of) if as_of is not None else (steps[-1] if steps else None)
    streak = unchanged_streak(fixings)
    lc, lp = streak.last_change, streak.last_change_prev
    ch1 = bp(lc.lpr_1y.value, lp.lpr_1y.value) if lc and lp else None
    ch5 = bp(lc.lpr_5y.value, lp.lpr_5y.value) if lc and lp else None
    year_ago_label = latest.month.shift_months(-12).label
    year_ago = next((f for f in fixings if f.period == year_ago_label), None)
    sources: dict[str, dict[str, Any]] = {"lpr_1y": latest.lpr_1y.provenance(), "lpr_5y": latest.lpr_5y.provenance()}
    if rr is not None:
        sources["reverse_repo_7d"] = rr.provenance()
    if lc is not None:
        sources["last_change"] = lc.lpr_1y.provenance()
    return RatesSummary(
        as_of=as_of, fixing_date=latest.fixing_date, fixing_period=latest.period, lpr_1y=one, lpr_5y=five,
        reverse_repo_7d=rr.value if rr else None, reverse_repo_7d_since=rr.day if rr else None,
        spread_1y_7d_bp=bp(one, rr.value) if rr else None, spread_5y_1y_bp=bp(five, one),
        unchanged_streak=streak.count, unchanged_streak_ordinal=ordinal(streak.count),
        unchanged_streak_1y=unchanged_streak(fixings, tenors=("1y",)).count,
        unchanged_streak_5y=unchanged_streak(fixings, tenors=("5y",)).count,
        streak_complete=streak.complete, streak_note=streak.note,
        last_change_date=lc.fixing_date if lc else None,
        last_change_bp=ch1 if ch1 else ch5, last_change_1y_bp=ch1, last_change_5y_bp=ch5,
        change_12m_bp_1y=bp(one, year_ago.lpr_1y.value) if year_ago else None,
        change_12m_bp_5y=bp(five, year_ago.lpr_5y.value) if year_ago else None,
        change_12m_from=year_ago.period if year_ago else None,
        sources=sources,
    )
