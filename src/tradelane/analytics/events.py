"""The policy-event timeline and event studies of a lane around an event.

**Event study definitions** (one policy event × one lane, single months only):

* *Event month*: the month of the event's effective date (the event is in force
  for most of it). An event without an effective date cannot be studied.
* *Baseline*: the mean of the months on record among the ``BASELINE_MONTHS`` (3)
  calendar months before the event month. Missing months are left out, never
  filled; with none on record there is no baseline, and depth and recovery are
  not computed (the reason says which months were missing).
* *Trough*: the lowest month on record from the event month through
  ``HORIZON_MONTHS`` (12) months after it (the earliest such month on a tie).
* *Depth*: ``trough / baseline - 1`` in percent.
* *Recovery*: the first month on record after the trough at or above
  ``RECOVERY_SHARE`` (90%) of the baseline, searched in every later month on
  record; otherwise "not recovered" by the last month on record.

The numbers come from one Ibis expression over every event × lane
(:func:`event_study_expr`), so the same definitions run on DuckDB or Spark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import ibis
import ibis.expr.types as ir

from ..errors import EventNotFound, InputError, SeriesNotFound
from ..store.views import TableSet, latest_events
from .panel import idx_to_period, lane_levels

__all__ = [
    "BASELINE_MONTHS",
    "HORIZON_MONTHS",
    "RECOVERY_SHARE",
    "EventRow",
    "EventStudy",
    "event_study",
    "event_study_expr",
    "list_events",
]

BASELINE_MONTHS = 3
HORIZON_MONTHS = 12
RECOVERY_SHARE = 0.9


@dataclass(frozen=True)
class EventRow:
    """One policy event as the timeline lists it."""

    event_id: str
    announced: str
    effective: str | None
    ends: str | None
    effective_note: str
    authority: str
    kind: str
    items: str
    destinations: str
    summary: str
    source_title: str
    source_url: str | None
    vintage: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _iso(d: Any) -> str | None:
    return None if d is None else d.isoformat() if hasattr(d, "isoformat") else str(d)


def list_events(ts: TableSet, *, since: date | None = None, as_of: date | None = None,
                event_id: str | None = None) -> list[EventRow]:
    """The policy timeline (latest version of each event), ordered by announcement date then id.

    >>> from tradelane.store import Store
    >>> [e.event_id for e in list_events(Store.open().tables, since=date(2025, 12, 1))][:2]
    ['E28', 'E29']
    """
    e = latest_events(ts.events, as_of)
    if since is not None:
        lit = ibis.literal(since, type="date")
        e = e.filter((e.announced >= lit) | (e.effective >= lit))
    if event_id is not None:
        e = e.filter(e.event_id == event_id)
    rows = e.order_by([e.announced, e.event_id]).to_pyarrow().to_pylist()
    return [EventRow(
        event_id=r["event_id"], announced=_iso(r["announced"]) or "", effective=_iso(r["effective"]),
        ends=_iso(r["ends"]), effective_note=r["effective_note"] or "", authority=r["authority"], kind=r["kind"],
        items=r["items"], destinations=r["destinations"], summary=r["summary"], source_title=r["source_title"],
        source_url=r["source_url"], vintage=_iso(r["vintage"]) or "") for r in rows]


def event_study_expr(ts: TableSet, *, as_of: date | None = None, baseline_months: int = BASELINE_MONTHS,
                     horizon_months: int = HORIZON_MONTHS, recovery_share: float = RECOVERY_SHARE) -> ir.Table:
    """Baseline, trough and recovery for every event × lane with any month on record in the windows.

    Columns: ``event_id, series_key, event_idx, baseline, baseline_n, trough_idx, trough_value, post_n,
    recovery_idx, last_idx``.
    """
    ev = latest_events(ts.events, as_of)
    ev = ev.filter(ev.effective.notnull())
    ev = ev.select(event_id=ev.event_id,
                   event_idx=(ev.effective.year() * 12 + ev.effective.month() - 1).cast("int64"))
    lv = lane_levels(ts, as_of=as_of).select("series_key", "idx", "value")

    pre = ev.join(lv, [lv.idx >= ev.event_idx - baseline_months, lv.idx < ev.event_idx])
    base = pre.group_by(["event_id", "series_key"]).aggregate(baseline=pre.value.mean(),
                                                              baseline_n=pre.idx.count())
    post = ev.join(lv, [lv.idx >= ev.event_idx, lv.idx <= ev.event_idx + horizon_months])
    w = ibis.window(group_by=[post.event_id, post.series_key], order_by=[post.value.asc(), post.idx.asc()],
                    rows=(None, 0))
    nw = ibis.window(group_by=[post.event_id, post.series_key])
    post = post.mutate(_rn=ibis.row_number().over(w), post_n=post.idx.count().over(nw))
    trough = post.filter(post._rn == 0).select(
        t_event=post.event_id, t_key=post.series_key, event_idx=post.event_idx, trough_idx=post.idx,
        trough_value=post.value, post_n=post.post_n)

    t = trough.left_join(base, [trough.t_event == base.event_id, trough.t_key == base.series_key])
    t = t.select(event_id=t.t_event, series_key=t.t_key, event_idx=t.event_idx, baseline=t.baseline,
                 baseline_n=t.baseline_n.fill_null(0), trough_idx=t.trough_idx, trough_value=t.trough_value,
                 post_n=t.post_n)
    rl = lv.select(r_key=lv.series_key, r_idx=lv.idx, r_value=lv.value)
    later = t.join(rl, [t.series_key == rl.r_key, rl.r_idx > t.trough_idx])
    rec = later.group_by(["event_id", "series_key"]).aggregate(
        recovery_idx=ibis.cases(
            (later.baseline.notnull() & (later.r_value >= later.baseline * recovery_share), later.r_idx),
            else_=ibis.null("int64")).min(),
        last_idx=later.r_idx.max(),
    )
    out = t.left_join(rec, [t.event_id == rec.event_id, t.series_key == rec.series_key])
    return out.select(t.event_id, t.series_key, t.event_idx, t.baseline, t.baseline_n, t.trough_idx,
                      t.trough_value, t.post_n, rec.recovery_idx,
                      ibis.coalesce(rec.last_idx, t.trough_idx).name("last_idx"))


@dataclass(frozen=True)
class EventStudy:
    """An event study of one lane around one policy event; a None figure comes with its reason."""

    event_id: str
    event_summary: str
    event_authority: str
    effective: str | None
    series_key: str
    event_month: str | None
    baseline_window: list[str]
    baseline_months_used: list[str]
    baseline: float | None
    trough_period: str | None
    trough_value: float | None
    depth_pct: float | None
    recovery_period: str | None
    recovered: bool | None
    months_to_recover: int | None
    horizon_window: list[str]
    post_months_used: list[str]
    last_period_on_record: str | None
    reasons: list[str] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    definitions: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _lane_history(ts: TableSet, series_key: str, as_of: date | None) -> list[dict[str, Any]]:
    lv = lane_levels(ts, as_of=as_of)
    lv = lv.filter(lv.series_key == series_key).order_by("idx")
    return list(lv.to_pyarrow().to_pylist())


def event_study(ts: TableSet, event_id: str, series_key: str, *, as_of: date | None = None,
                baseline_months: int = BASELINE_MONTHS, horizon_months: int = HORIZON_MONTHS,
                recovery_share: float = RECOVERY_SHARE) -> EventStudy:
    """The event study of ``series_key`` around ``event_id``.

    >>> from tradelane.store import Store
    >>> s = event_study(Store.open().tables, "E11", "rare_earth_magnets/CHN/WLD")
    >>> (s.trough_period, s.trough_value, s.baseline_months_used, round(s.depth_pct, 1), s.recovery_period)
    ('2025-05', 1238.0, ['2025-01'], -80.5, '2025-08')

    Raises:
        EventNotFound: no event with that id.
        SeriesNotFound: no trade lane with that key.
        InputError: windows out of range.
    """
    if baseline_months < 1 or horizon_months < 0 or not 0 < recovery_share <= 1:
        raise InputError("event study needs baseline_months >= 1, horizon_months >= 0 and 0 < recovery share <= 1")
    evs = list_events(ts, as_of=as_of, event_id=event_id)
    if not evs:
        raise EventNotFound(f"no policy event {event_id!r}; list them with `tradelane events`")
    ev = evs[0]
    s = ts.series
    known = s.filter((s.series_key == series_key) & (s.kind == "trade") & (s.measure == "quantity")).count()
    if int(known.to_pyarrow().as_py()) == 0:
        raise SeriesNotFound(f"no trade lane {series_key!r}; expected e.g. 'rare_earth_magnets/CHN/WLD' "
                             "(see `tradelane series`)")
    defs = {"baseline_months": baseline_months, "horizon_months": horizon_months, "recovery_share": recovery_share}
    if ev.effective is None:
        return EventStudy(ev.event_id, ev.summary, ev.authority, None, series_key, None, [], [], None, None, None,
                          None, None, None, None, [], [], None,
                          reasons=[f"event {ev.event_id} has no effective date"
                                   + (f" ({ev.effective_note})" if ev.effective_note else "")
                                   + ": nothing to measure against"], definitions=defs)
    eff = date.fromisoformat(ev.effective)
    eidx = eff.year * 12 + eff.month - 1
    hist = _lane_history(ts, series_key, as_of)
    by_idx = {int(r["idx"]): r for r in hist}
    bwin = [idx_to_period(i).label for i in range(eidx - baseline_months, eidx)]
    hwin = [idx_to_period(i).label for i in range(eidx, eidx + horizon_months + 1)]
    bused = [idx_to_period(i).label for i in range(eidx - baseline_months, eidx) if i in by_idx]
    pused = [idx_to_period(i).label for i in range(eidx, eidx + horizon_months + 1) if i in by_idx]
    e = event_study_expr(ts, as_of=as_of, baseline_months=baseline_months, horizon_months=horizon_months,
                         recovery_share=recovery_share)
    rows = e.filter((e.event_id == event_id) & (e.series_key == series_key)).to_pyarrow().to_pylist()
    r = rows[0] if rows else None
    reasons: list[str] = []
    facts: list[dict[str, Any]] = []

    def fact(i: int, role: str) -> None:
        h = by_idx[i]
        facts.append({"role": role, "series_key": series_key, "period": h["period"], "value": h["value"],
                      "vintage": _iso(h["vintage"]), "source_url": h["source_url"],
                      "source_title": h["source_title"]})

    for i in range(eidx - baseline_months, eidx):
        if i in by_idx:
            fact(i, "baseline")
    baseline = None if r is None or r["baseline"] is None else float(r["baseline"])
    if baseline is None:
        reasons.append(f"no baseline: {series_key} has no figure for "
                       f"{', '.join(bwin)} (the {baseline_months} months before {idx_to_period(eidx).label}); "
                       "depth and recovery cannot be computed")
    trough_p = trough_v = depth = None
    rec_p: str | None = None
    recovered: bool | None = None
    to_recover: int | None = None
    last_p = idx_to_period(max(by_idx)).label if by_idx else None
    if r is None:
        reasons.append(f"no trough: {series_key} has no figure from {hwin[0]} to {hwin[-1]}")
    else:
        ti = int(r["trough_idx"])
        trough_p, trough_v = idx_to_period(ti).label, float(r["trough_value"])
        fact(ti, "trough")
        if baseline is not None and baseline != 0:
            depth = (trough_v / baseline - 1) * 100
            if r["recovery_idx"] is not None:
                ri = int(r["recovery_idx"])
                rec_p, recovered, to_recover = idx_to_period(ri).label, True, ri - ti
                fact(ri, "recovery")
            else:
                recovered = False
                reasons.append(f"not recovered: no month on record after {trough_p} reached "
                               f"{recovery_share:.0%} of the baseline ({baseline * recovery_share:,.0f} t) "
                               f"through {last_p}")
        if len(pused) < len(hwin):
            missing = [p for p in hwin if p not in pused and _on_or_before(p, last_p)]
            if missing:
                why = ("trough taken over the months on record; missing in the window: " + ", ".join(missing))
                if any(p[5:] in ("01", "02") for p in missing):
                    why += " (China Customs publishes January and February as one cumulative figure)"
                reasons.append(why)
    return EventStudy(
        event_id=ev.event_id, event_summary=ev.summary, event_authority=ev.authority, effective=ev.effective,
        series_key=series_key, event_month=idx_to_period(eidx).label, baseline_window=bwin,
        baseline_months_used=bused, baseline=baseline, trough_period=trough_p, trough_value=trough_v,
        depth_pct=depth, recovery_period=rec_p, recovered=recovered, months_to_recover=to_recover,
        horizon_window=hwin, post_months_used=pused, last_period_on_record=last_p, reasons=reasons, facts=facts,
        definitions=defs)


def _on_or_before(label: str, last: str | None) -> bool:
    """True when month ``label`` is on or before ``last`` (labels compare as text)."""
    return last is not None and label <= last
