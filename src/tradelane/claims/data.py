"""An in-memory index of the store's figures, built once, for fast claim verification.

Checking an article asks a few dozen tiny questions ("USA magnets 2025-11?",
"LPR 1Y at the December fixing?"). Asking them as engine queries would cost
milliseconds each; instead :class:`DataIndex` pulls the (small) observations and
polls tables once through Ibis and answers from dictionaries.

Only the latest vintage of each (series, period) is kept (what is known now),
but every source of that vintage stays, so a claim that matches any of them can
be shown with the row it matches.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import Period
from ..store.views import TableSet, as_of_filter

__all__ = ["DataIndex", "LaneMonth", "Poll", "Row"]


def _num(v: Any) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _day(v: Any) -> date | None:
    if v is None:
        return None
    if isinstance(v, date):
        return v if type(v) is date else date(v.year, v.month, v.day)
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Row:
    """One stored figure with its provenance."""

    series_key: str
    period: str
    value: float | None
    reported_mom_pct: float | None
    reported_yoy_pct: float | None
    reported_change_bp: float | None
    obs_date: date | None
    vintage: date
    source_title: str
    source_url: str | None
    source_rank: int
    flags: str

    def evidence(self, **extra: Any) -> dict[str, Any]:
        """The row as an evidence record (series, period, value, vintage, source)."""
        d: dict[str, Any] = {"series": self.series_key, "period": self.period, "value": self.value,
                             "vintage": self.vintage.isoformat(), "source": self.source_title,
                             "source_url": self.source_url}
        if self.obs_date is not None and self.series_key.startswith(("lpr/", "policy/")):
            d["obs_date"] = self.obs_date.isoformat()
        d.update(extra)
        return d


@dataclass(frozen=True)
class LaneMonth:
    """One trade lane in one month as the analytics panel shows it (the preferred figure of the month)."""

    series_key: str
    period: str
    value: float
    prev_value: float | None
    direction: str | None  # up | down | flat against the previous month; None when that month is not on record
    vintage: str
    source_title: str
    source_url: str | None

    def evidence(self, **extra: Any) -> dict[str, Any]:
        """The month as an evidence record."""
        d: dict[str, Any] = {"series": self.series_key, "period": self.period, "value": self.value,
                             "vintage": self.vintage, "source": self.source_title, "source_url": self.source_url}
        d.update(extra)
        return d


@dataclass(frozen=True)
class Poll:
    """One survey before an LPR fixing."""

    fixing_date: date
    respondents: int | None
    expect_unchanged: int | None
    expect_cut: int | None
    expected_1y_pct: float | None
    expected_5y_pct: float | None
    vintage: date
    source_title: str
    source_url: str | None

    def evidence(self, **extra: Any) -> dict[str, Any]:
        d: dict[str, Any] = {"series": "polls", "period": self.fixing_date.isoformat()[:7],
                             "value": self.respondents, "respondents": self.respondents,
                             "expect_unchanged": self.expect_unchanged, "expect_cut": self.expect_cut,
                             "fixing_date": self.fixing_date.isoformat(), "vintage": self.vintage.isoformat(),
                             "source": self.source_title, "source_url": self.source_url}
        d.update(extra)
        return d


@dataclass
class DataIndex:
    """Observations by (series, period) at their latest vintage, rate steps and polls."""

    rows: dict[tuple[str, str], list[Row]] = field(default_factory=dict)
    steps: dict[str, list[Row]] = field(default_factory=dict)  # day-frequency step series, by effective day
    polls: list[Poll] = field(default_factory=list)
    lanes: dict[tuple[str, str], LaneMonth] = field(default_factory=dict)  # the panel's shown levels, by month

    def __post_init__(self) -> None:
        self._month_cache: dict[str, list[str]] = {}

    @classmethod
    def from_tables(cls, tables: TableSet, as_of: date | None = None) -> DataIndex:
        """Pull the observations and polls known at ``as_of`` (everything when None)."""
        from ..analytics.panel import panel

        obs = as_of_filter(tables.observations, as_of).to_pyarrow().to_pylist()
        polls = as_of_filter(tables.polls, as_of).to_pyarrow().to_pylist()
        idx = cls.from_records(obs, polls)
        for r in panel(tables, as_of=as_of):
            idx.lanes[(r.series_key, r.period)] = LaneMonth(r.series_key, r.period, r.value, r.prev_value,
                                                            r.direction, r.vintage, r.source_title, r.source_url)
        return idx

    @classmethod
    def from_records(cls, obs: list[dict[str, Any]], polls: list[dict[str, Any]]) -> DataIndex:
        """Build from plain row dicts (the observations and polls table schemas)."""
        idx = cls()
        latest: dict[tuple[str, str], date] = {}
        parsed: list[Row] = []
        for r in obs:
            vintage = _day(r.get("vintage")) or date(1970, 1, 1)
            row = Row(str(r["series_key"]), str(r["period"]), _num(r.get("value")), _num(r.get("reported_mom_pct")),
                      _num(r.get("reported_yoy_pct")), _num(r.get("reported_change_bp")), _day(r.get("obs_date")),
                      vintage, str(r.get("source_title") or ""), r.get("source_url"),
                      int(r.get("source_rank") or 0), str(r.get("flags") or ""))
            parsed.append(row)
            k = (row.series_key, row.period)
            if k not in latest or vintage > latest[k]:
                latest[k] = vintage
        for row in parsed:
            k = (row.series_key, row.period)
            if row.vintage != latest[k]:
                continue
            idx.rows.setdefault(k, []).append(row)
        for k, rs in idx.rows.items():
            rs.sort(key=lambda x: (x.value is None, x.source_rank))
            if len(k[1]) == 10:  # a day: a step series
                idx.steps.setdefault(k[0], []).extend(rs[:1])
        for s in idx.steps.values():
            s.sort(key=lambda x: x.period)
        for p in polls:
            fd = _day(p.get("fixing_date"))
            if fd is None:
                continue

            def _int(v: Any) -> int | None:
                f = _num(v)
                return None if f is None else round(f)

            idx.polls.append(Poll(fd, _int(p.get("respondents")), _int(p.get("expect_unchanged")),
                                  _int(p.get("expect_cut")), _num(p.get("expected_1y_pct")),
                                  _num(p.get("expected_5y_pct")), _day(p.get("vintage")) or fd,
                                  str(p.get("source_title") or ""), p.get("source_url")))
        return idx

    # ---------------------------------------------------------------- queries
    def get(self, series_key: str, period: Period | str) -> list[Row]:
        """All rows of the latest vintage for (series, period), preferred first; rows without a value last."""
        label = period if isinstance(period, str) else period.label
        return self.rows.get((series_key, label), [])

    def values(self, series_key: str, period: Period | str) -> list[Row]:
        """Rows with a value."""
        return [r for r in self.get(series_key, period) if r.value is not None]

    def _months(self, series_key: str) -> list[str]:
        cache = self._month_cache
        if series_key not in cache:
            cache[series_key] = sorted(p for (s, p) in self.rows if s == series_key and len(p) == 7)
        months: list[str] = cache[series_key]
        return months

    def months(self, series_key: str) -> list[str]:
        """The single-month period labels of a series, in order."""
        return list(self._months(series_key))

    def first_period(self, series_key: str) -> str | None:
        """The earliest monthly period label of a series."""
        m = self._months(series_key)
        return m[0] if m else None

    def latest_month(self, series_key: str) -> str | None:
        """The latest single-month period label of a series."""
        m = self._months(series_key)
        return m[-1] if m else None

    def step_at(self, series_key: str, day: date) -> Row | None:
        """The step in force on ``day`` (the last change effective on or before it)."""
        best: Row | None = None
        for r in self.steps.get(series_key, []):
            if r.period <= day.isoformat():
                best = r
        return best

    def steps_in(self, series_key: str, month: Period) -> list[Row]:
        """Steps taking effect within a month."""
        lo, hi = month.start.isoformat(), month.end.isoformat()
        return [r for r in self.steps.get(series_key, []) if lo <= r.period <= hi]

    def polls_for(self, month: Period) -> list[Poll]:
        """Polls taken before a fixing in that month."""
        return [p for p in self.polls if month.start <= p.fixing_date <= month.end]

    def lane(self, series_key: str, period: Period | str) -> LaneMonth | None:
        """The month's shown level (the panel's preferred figure), else the first stored single-month row."""
        label = period if isinstance(period, str) else period.label
        hit = self.lanes.get((series_key, label))
        if hit is not None or len(label) != 7:
            return hit
        rows = self.values(series_key, label)
        if not rows:
            return None
        prev = self.values(series_key, Period.parse(label).shift_months(-1))
        pv = prev[0].value if prev else None
        v = rows[0].value or 0.0
        d = None if pv is None else ("up" if v > pv else "down" if v < pv else "flat")
        r = rows[0]
        return LaneMonth(series_key, label, v, pv, d, r.vintage.isoformat(), r.source_title, r.source_url)

    def month_direction(self, series_key: str, period: Period) -> tuple[int | None, str, dict[str, Any] | None]:
        """(+1 up / -1 down / 0 flat / None unknown, basis, evidence) of a lane's move into ``period``.

        From the shown levels of the month and the month before when both are on record, else
        from the change the source itself reported for the month.
        """
        lm = self.lane(series_key, period)
        if lm is not None and lm.direction is not None:
            d = {"up": 1, "down": -1}.get(lm.direction, 0)
            return d, "stored levels", lm.evidence(previous_value=lm.prev_value)
        rep = [r for r in self.get(series_key, period) if r.reported_mom_pct is not None]
        if rep:
            v = rep[0].reported_mom_pct or 0.0
            return (1 if v > 0 else -1 if v < 0 else 0), "source-reported change", rep[0].evidence(
                reported_mom_pct=v)
        return None, "", None

    def record_window(self, series_key: str, first: Period, last: Period) -> tuple[list[LaneMonth], list[str]]:
        """The shown levels from ``first`` to ``last`` (inclusive) and the labels of the months not on record."""
        have: list[LaneMonth] = []
        missing: list[str] = []
        p = first
        while p.start <= last.start:
            lm = self.lane(series_key, p)
            if lm is None:
                missing.append(p.label)
            else:
                have.append(lm)
            p = p.shift_months(1)
        return have, missing
