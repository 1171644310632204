"""Verify a linked claim against the data: supported, contradicted or unverifiable, with evidence.

**Tolerance is the precision the article states.** "11%" covers 10.5–11.5, "3.2%"
3.15–3.25, "582 tons" 581.5–582.5, "5,493.9 tons" ±0.05; "below 50 tons" is a
bound; a rate level ("3.0%", "3%") is exact to the basis point, since rates move
in steps. A change is checked first against the change computed from the stored
levels (both months present), else against the change the source itself reported;
the evidence says which (``basis``). Every source figure of the latest vintage
counts: a claim matching any of them is supported, and that row is the evidence.

A tonnage written "57.392 tons" that only matches when read as 57,392 (a decimal
point used as a thousands separator) is supported *with a note* and its value
reported as 57392.

>>> round(tolerance(11.0, 0), 6), round(tolerance(3.25, 2), 6)
(0.5, 0.005)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import Period
from .data import DataIndex, LaneMonth, Row
from .link import Link

__all__ = ["Verdict", "hedged", "tolerance", "verify"]


@dataclass
class Verdict:
    """The outcome of checking one claim."""

    verdict: str  # supported | contradicted | unverifiable
    data_value: float | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    basis: str | None = None  # stored level | derived from levels | source-reported | ...
    reason: str | None = None
    value: float | None = None  # a corrected reading of the claim's value (slipped separator)


def tolerance(value: float, decimals: int) -> float:
    """Half a unit of the last written digit."""
    return float(0.5 * 10 ** (-decimals) + 1e-9)


HEDGE_REL = 0.04  # "nearly 75%" covers 72-75.5: a hedge widens the written precision by 4% of the figure


def hedged(claimed: float, data: float, tol: float, hedge: str, signed: bool) -> bool:
    """Whether ``data`` agrees with a figure written with a hedge word.

    "nearly"/"almost"/"close to"/"just under" X: from X less 4% (at least the written precision)
    up to X plus the precision; "just over" the mirror image; "about"/"around"/"roughly" ±4%.
    Magnitudes are compared (and the signs, when written).

    >>> hedged(75, 74.26, 0.5, "below", False), hedged(75, 76.0, 0.5, "below", False)
    (True, False)
    >>> hedged(40, 45.0, 0.5, "around", False)
    False
    """
    if signed and claimed * data < 0:
        return False
    x, d = abs(claimed), abs(data)
    wide = max(tol, HEDGE_REL * x)
    lo, hi = (wide, tol) if hedge == "below" else (tol, wide) if hedge == "above" else (wide, wide)
    return x - lo <= d <= x + hi


def _r(v: float | None, nd: int = 2) -> float | None:
    return None if v is None else round(v, nd)


def _month_sum(idx: DataIndex, series: str, period: Period) -> tuple[float | None, list[Row]]:
    rows: list[Row] = []
    p = period.last_month().shift_months(-(period.months - 1)) if period.freq != "A" else Period.month(
        period.start.year, 1)
    n = 12 if period.freq == "A" else period.months
    i = 0
    while i < n:
        m = p.shift_months(i)
        rs = idx.values(series, m)
        step = 1
        if not rs:
            # a cumulative row that starts here and ends inside the period ("2026-01/2026-02") stands in
            for k in range(n - i - 1, 0, -1):
                rs = idx.values(series, f"{m.label}/{m.shift_months(k).label}")
                if rs:
                    step = k + 1
                    break
        if not rs:
            return None, []
        rows.append(rs[0])
        i += step
    return round(sum(r.value or 0.0 for r in rows), 6), rows


def _levels(idx: DataIndex, series: str, period: Period) -> tuple[list[Row], str]:
    rows = idx.values(series, period)
    if rows:
        return rows, "stored level"
    if period.freq == "A" or period.months > 1:
        total, parts = _month_sum(idx, series, period)
        if total is not None:
            fake = Row(series, period.label, total, None, None, None, None, parts[-1].vintage,
                       f"sum of {len(parts)} figures: " + ", ".join(r.period for r in parts), None, 0, "")
            return [fake], "sum of figures covering every month"
    return [], ""


def _signed(lk: Link) -> float:
    if lk.q.sign:
        return lk.value * lk.q.sign
    return lk.value * (lk.direction or 1)


def _cmp(claimed: float, data: float, tol: float, signed: bool, bound: str | None = None, hedge: str = "") -> bool:
    if hedge and bound is None:
        return hedged(claimed, data, tol, hedge, signed)
    if bound is not None:  # "more than halved", "rose more than sevenfold", "fell less than 5%"
        if signed and claimed * data < 0:
            return False
        return abs(data) > abs(claimed) if bound == "lower" else abs(data) < abs(claimed)
    return abs(claimed - data) <= tol if signed else abs(abs(claimed) - abs(data)) <= tol


def verify(lk: Link, idx: DataIndex) -> Verdict:
    """Check one linked claim (see the module docstring)."""
    if lk.series == "other":
        return Verdict("unverifiable", reason=lk.reason or "not about a tradelane series")
    if lk.period is None:
        return Verdict("unverifiable", reason="no period could be resolved")
    m = lk.measure
    if lk.series == "polls":
        return _verify_poll(lk, idx)
    if lk.series.startswith("lpr/"):
        return _verify_lpr(lk, idx)
    if lk.series.startswith("policy/"):
        return _verify_step(lk, idx)
    if m in ("rank", "record", "record_since"):
        return _verify_record(lk, idx)
    if lk.series.endswith("/value_cny"):
        return Verdict("unverifiable", reason="the data holds no yuan values")
    if m in ("level", "below", "above"):
        return _verify_level(lk, idx)
    if m in ("mom_pct", "yoy_pct"):
        return _verify_change(lk, idx)
    if m == "share":
        return _verify_share(lk, idx)
    if m == "streak":
        return _verify_trade_streak(lk, idx)
    return Verdict("unverifiable", reason=f"measure {m} is not checked")


def _verify_level(lk: Link, idx: DataIndex) -> Verdict:
    assert lk.period is not None
    rows, basis = _levels(idx, lk.series, lk.period)
    if not rows:
        why = "no figure"
        if lk.period.freq == "A":
            why = "no annual figure and no complete calendar year of months"
        elif lk.period.months > 1:
            why = f"no cumulative figure for {lk.period.describe()} and not every month is stored"
        return Verdict("unverifiable", reason=f"{why} for {lk.series} {lk.period.label}")
    tol = tolerance(lk.value, lk.q.decimals) if lk.unit == "t" else 0.5 * 10 ** (-lk.q.decimals) * (
        lk.value / float(lk.q.written.replace(",", "") or 1) if lk.q.written else 1)
    ev = [r.evidence() for r in rows]
    if lk.measure == "below":
        ok = any(r.value is not None and r.value < lk.value for r in rows)
        return Verdict("supported" if ok else "contradicted", rows[0].value, ev, basis + " (upper bound)")
    if lk.measure == "above":
        ok = any(r.value is not None and r.value > lk.value for r in rows)
        return Verdict("supported" if ok else "contradicted", rows[0].value, ev, basis + " (lower bound)")
    for r in rows:
        if r.value is not None and _cmp(lk.value, r.value, tol, False, None, lk.q.hedge):
            return Verdict("supported", r.value, [r.evidence()], basis + (" (hedged figure)" if lk.q.hedge else ""))
    if lk.unit == "t" and lk.q.decimals == 3 and lk.value < 1000:
        alt = lk.value * 1000
        for r in rows:
            if r.value is not None and abs(r.value - alt) <= 0.5:
                return Verdict("supported", r.value, [r.evidence()], basis,
                               reason=f"'{lk.q.written}' read as {alt:,.0f}: a decimal point used as a thousands "
                                      "separator", value=alt)
    return Verdict("contradicted", rows[0].value, ev, basis)


def _reported_basis_matches(lk: Link) -> bool:
    """A source-reported change is against the month before (m/m) or the same period a year before (y/y); it can
    stand in for a claimed change only when the claim's comparison period is that one."""
    if lk.compare is None or lk.period is None:
        return True
    return lk.compare == lk.period.shift_months(-1 if lk.measure == "mom_pct" else -12)


def _verify_change(lk: Link, idx: DataIndex) -> Verdict:
    assert lk.period is not None
    col = "reported_mom_pct" if lk.measure == "mom_pct" else "reported_yoy_pct"
    tol = tolerance(lk.value, lk.q.decimals)
    signed = bool(lk.q.sign or lk.direction)
    claimed = _signed(lk)
    cur = idx.values(lk.series, lk.period)
    prev = idx.values(lk.series, lk.compare) if lk.compare is not None else []
    if (lk.period.freq == "A" or lk.period.months > 1) and lk.compare is not None:
        # a change over several months: the stored rows, else the sums of figures covering every month
        cur = cur or _levels(idx, lk.series, lk.period)[0]
        prev = prev or _levels(idx, lk.series, lk.compare)[0]
    derived: list[tuple[float, Row, Row]] = []
    for a in cur:
        for b in prev:
            if a.value is not None and b.value:
                derived.append(((a.value / b.value - 1) * 100, a, b))
    reported = [(getattr(r, col), r) for r in idx.get(lk.series, lk.period) if getattr(r, col) is not None]
    if not _reported_basis_matches(lk):
        reported = []  # "10% higher than in June" (for August): the reported m/m is against July, not June
    for d, a, b in derived:
        if _cmp(claimed, d, tol, signed, lk.q.bound, lk.q.hedge):
            return Verdict("supported", _r(d), [a.evidence(), b.evidence()], "derived from stored levels")
    for v, r in reported:
        if _cmp(claimed, v, tol, signed, lk.q.bound, lk.q.hedge):
            note = " (the stored levels give a different change)" if derived else ""
            return Verdict("supported", v, [r.evidence(**{col: v})], "source-reported change" + note)
    if derived:
        d, a, b = derived[0]
        return Verdict("contradicted", _r(d), [a.evidence(), b.evidence()], "derived from stored levels")
    if reported:
        v, r = reported[0]
        return Verdict("contradicted", v, [r.evidence(**{col: v})], "source-reported change")
    if lk.series.endswith("/value_usd"):
        return Verdict("unverifiable", reason=f"no {lk.compare.label if lk.compare else 'base'} value and no "
                                             "reported change in value; the data's changes are in tonnage")
    what = "prior-year" if lk.measure == "yoy_pct" else "prior-month"
    return Verdict("unverifiable", reason=f"no {what} level ({lk.compare.label if lk.compare else '?'}) and no "
                                          f"reported change for {lk.series} {lk.period.label}")


def _verify_share(lk: Link, idx: DataIndex) -> Verdict:
    assert lk.period is not None
    part = idx.values(lk.series, lk.period)
    world = idx.values(lk.series.rsplit("/", 1)[0] + "/WLD", lk.period)
    if not part or not world:
        return Verdict("unverifiable", reason=f"no partner or world figure for {lk.period.label}")
    share = (part[0].value or 0.0) / (world[0].value or 1.0) * 100
    ok = abs(share - lk.value) <= tolerance(lk.value, lk.q.decimals)
    return Verdict("supported" if ok else "contradicted", _r(share), [part[0].evidence(), world[0].evidence()],
                   "share derived from stored levels")


def _verify_trade_streak(lk: Link, idx: DataIndex) -> Verdict:
    """Consecutive monthly moves of a lane ending in the period, from the shown levels (else reported changes).

    A month whose move is unknown (it, or the month before it, is not on record and the source
    reported no change) inside the claimed run makes the streak unverifiable; right before a
    confirmed run of the claimed length it only means the run might be longer (noted).
    """
    assert lk.period is not None
    want = lk.direction or -1
    claimed = int(lk.value)
    word = "fall" if want < 0 else "rise"
    n = 0
    p = lk.period
    ev: list[dict[str, Any]] = []
    bases: dict[str, list[str]] = {}
    note = ""
    while n < 48:
        d, basis, e = idx.month_direction(lk.series, p)
        if d is None:
            if n < claimed:
                lm = idx.lane(lk.series, p)
                why = (f"{p.shift_months(-1).label} is not on record as a single month" if lm is not None
                       else f"{p.label} is not on record as a single month")
                run = (f"{n} consecutive monthly {word}{'s' if n > 1 else ''} up to {lk.period.label} "
                       f"{'are' if n > 1 else 'is'} on record, then" if n else "")
                return Verdict("unverifiable", None, ev,
                               reason=f"the streak cannot be confirmed: {run} the move in {p.label} is unknown ("
                                      f"{why} and the source reported no monthly change)".replace(":  ", ": "))
            note = f"; the move in {p.label} is unknown, so the run could be longer"
            break
        if d != want:
            break
        assert e is not None
        ev.append(e)
        bases.setdefault(basis, []).append(p.label)
        n += 1
        p = p.shift_months(-1)
    how = "; ".join(f"{k}: {', '.join(sorted(v))}" for k, v in bases.items()) or "stored levels"
    if n == claimed:
        return Verdict("supported", float(n), ev, f"consecutive monthly {word}s ({how}){note}")
    return Verdict("contradicted", float(n), ev, f"consecutive monthly {word}s ending {lk.period.label} ({how}){note}")


def _months_phrase(labels: list[str]) -> str:
    return ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 1 else labels[0]


def _actual_record(idx: DataIndex, series: str, period: Period, value: float, high: bool) -> str:
    """'the highest since 2025-01' or 'the highest on record' among the months the data holds."""
    word = "highest" if high else "lowest"
    months = [m for m in idx.months(series) if m < period.label]
    for m in reversed(months):
        lm = idx.lane(series, m)
        if lm is not None and (lm.value >= value if high else lm.value <= value):
            return f"the {word} since {m}"
    return f"the {word} on record (from {months[0] if months else period.label})"


def _ordinal_rank(lk: Link, cur: LaneMonth, breakers: list[LaneMonth], missing: list[str], high: bool) -> Verdict:
    """ "The second-highest this year": exactly order - 1 earlier months of the window at or beyond the level."""
    assert lk.period is not None
    order = int(lk.value)
    word = "higher" if high else "lower"
    ev = [cur.evidence(), *(b.evidence() for b in breakers)]
    if len(breakers) >= order:
        return Verdict("contradicted", cur.value, ev, "months on record this year",
                       reason=f"{len(breakers)} earlier month(s) this year were {word} than or equal to "
                              f"{lk.period.label} ({cur.value:,g}), more than a rank of {order} allows")
    if missing:
        return Verdict("unverifiable", cur.value, ev, reason=f"{_months_phrase(missing)} "
                       f"{'is' if len(missing) == 1 else 'are'} missing from the data; {len(breakers)} month(s) on "
                       f"record this year were {word}")
    if len(breakers) == order - 1:
        return Verdict("supported", cur.value, ev, f"{len(breakers)} earlier month(s) this year {word}")
    return Verdict("contradicted", cur.value, ev, "months on record this year",
                   reason=f"only {len(breakers)} earlier month(s) this year were {word}; a rank of {order} needs "
                          f"{order - 1}")


def _verify_record(lk: Link, idx: DataIndex) -> Verdict:
    """Records of a lane's shown levels: "highest since M", "lowest in N months", "second-highest ever".

    The months between are checked on record; a month at or beyond the level contradicts the claim.
    Months missing from the data make it unverifiable, unless the article itself says "among the
    months on record" (then supported, with the missing months named). A record over all history
    ("record low", "highest ever") is only contradicted by the data, never confirmed: the data
    starts long after the customs records do.
    """
    assert lk.period is not None
    if "/value_" in lk.series:
        return Verdict("unverifiable", reason="record claims about values in money are not checked (the data's "
                                              "lanes are tonnages)")
    if not lk.period.is_single_month:
        return Verdict("unverifiable", reason=f"record claims are checked for single months, not {lk.period.label}")
    cur = idx.lane(lk.series, lk.period)
    if cur is None:
        return Verdict("unverifiable", reason=f"no figure for {lk.series} {lk.period.label}")
    high = lk.direction > 0
    word = "highest" if high else "lowest"

    def beyond(v: float) -> bool:  # a month at or beyond this month's level breaks the record
        return v >= cur.value if high else v <= cur.value

    ev = [cur.evidence()]
    qualified = any(n.startswith("qualified") for n in lk.notes)
    if lk.measure in ("record_since", "rank"):
        assert lk.compare is not None
        since = lk.compare
        first = since.shift_months(1) if since.freq != "A" else Period.month(since.start.year + 1, 1)
        have, missing = idx.record_window(lk.series, first, lk.period.shift_months(-1))
        breakers = [h for h in have if beyond(h.value)]
        if lk.measure == "rank" and lk.unit == "record" and lk.value >= 2:
            return _ordinal_rank(lk, cur, breakers, missing, high)
        if breakers:
            b = breakers[-1]
            return Verdict("contradicted", b.value, [*ev, b.evidence()], f"months on record after {since.label}",
                           reason=f"{b.period} ({b.value:,g}) was {'higher' if high else 'lower'} than or equal to "
                                  f"{lk.period.label} ({cur.value:,g})")
        span = f"the {len(have)} months on record from {first.label} to {lk.period.shift_months(-1).label}"
        ref_rows: list[LaneMonth] = []
        if lk.measure == "record_since":
            if since.freq == "A":
                ref_rows, ref_missing = idx.record_window(lk.series, Period.month(since.start.year, 1),
                                                          Period.month(since.start.year, 12))
            else:
                one = idx.lane(lk.series, since)
                ref_rows, ref_missing = ([one], []) if one else ([], [since.label])
            at_or_beyond = [r for r in ref_rows if beyond(r.value)]
            if ref_rows and not at_or_beyond and not ref_missing:
                r = ref_rows[0]
                return Verdict("contradicted", r.value, [*ev, *(x.evidence() for x in ref_rows)],
                               f"{since.label} on record",
                               reason=f"{lk.period.label} ({cur.value:,g}) is {'above' if high else 'below'} "
                                      f"{since.label} too, so it is not the {word} since then")
            if not at_or_beyond:
                what = (f"no figure for {since.label} is on record" if not ref_rows else
                        f"{_months_phrase(ref_missing)} {'is' if len(ref_missing) == 1 else 'are'} not on record")
                return Verdict("unverifiable", cur.value, ev, reason=f"{what}, so whether {since.label} was "
                               f"{'as high' if high else 'as low'} cannot be checked")
            ev.append(at_or_beyond[-1].evidence())
        if missing:
            if len(missing) <= 6:
                gap = f"{_months_phrase(missing)} {'is' if len(missing) == 1 else 'are'} missing from the data"
            else:
                gap = (f"{len(missing)} of the {len(missing) + len(have)} months from {first.label} to "
                       f"{lk.period.shift_months(-1).label} are missing from the data (it starts in "
                       f"{idx.first_period(lk.series)})")
            if qualified:
                return Verdict("supported", cur.value, ev, f"{span}; {gap} (the article says so)")
            return Verdict("unverifiable", cur.value, ev, reason=f"{gap}; among the months on record it is "
                           f"{_actual_record(idx, lk.series, lk.period, cur.value, high)}")
        return Verdict("supported", cur.value, ev, span)
    # a record over all history: only the data's own months can contradict it
    before, _m = idx.record_window(lk.series, Period.parse(idx.first_period(lk.series) or lk.period.label),
                                   lk.period.shift_months(-1))
    order = max(1, int(lk.value))
    breakers = [h for h in before if beyond(h.value) and h.value != cur.value]
    if len(breakers) >= order:
        b = sorted(breakers, key=lambda h: h.value, reverse=high)[0]
        return Verdict("contradicted", b.value, [*ev, b.evidence()], "months on record",
                       reason=f"{len(breakers)} earlier month(s) on record were {'higher' if high else 'lower'}, "
                              f"e.g. {b.period} ({b.value:,g})")
    start = idx.first_period(lk.series)
    return Verdict("unverifiable", cur.value, ev, reason=f"the data for {lk.series} starts in {start}; a record "
                   "over all history cannot be confirmed (no earlier month on record breaks it)")


def _verify_rate_record(lk: Link, idx: DataIndex) -> Verdict:
    """"A record low of 3.0%", "the lowest since 2022" for a rate.

    The LPR is on record for every month since its 2019 reform (the first fixing under the reformed
    mechanism), so a record over its history is checked against every fixing since; a record high is only
    ever contradicted (the pre-reform LPR is not in the data). A step series (reverse repo, MLF) starts with
    the first change the data holds, so its records are only ever contradicted.
    """
    assert lk.period is not None
    step = lk.series.startswith("policy/")
    if step:
        cur = idx.step_at(lk.series, lk.period.end)
        hist = [r for r in idx.steps.get(lk.series, []) if date_of(r) <= lk.period.end]
        # the level each step left behind, and the level before the first step (from its reported change)
        seen: list[tuple[str, float, Row]] = [(r.period, r.value, r) for r in hist if r.value is not None]
    else:
        rows = idx.values(lk.series, lk.period)
        cur = rows[0] if rows else None
        seen = []
        for m in idx.months(lk.series):
            if m <= lk.period.label:
                rs = idx.values(lk.series, m)
                if rs and rs[0].value is not None:
                    seen.append((m, rs[0].value, rs[0]))
    if cur is None or cur.value is None:
        return Verdict("unverifiable", reason=f"no {lk.series} level for {lk.period.label}")
    high = lk.direction > 0
    word = "highest" if high else "lowest"
    lo_label = (lk.compare.end.isoformat() if step else lk.compare.last_month().label) if lk.compare else ""
    earlier = [(p, v, r) for p, v, r in seen if p < (lk.period.start.isoformat() if step else lk.period.label)]
    if lk.measure == "record_since" and lk.compare is not None:
        between = [(p, v, r) for p, v, r in earlier if p > lo_label]
        within = [(p, v, r) for p, v, r in earlier
                  if p <= lo_label and p >= (lk.compare.start.isoformat() if step else lk.compare.label[:7])]
        breakers = [(p, v, r) for p, v, r in between if (v <= cur.value if not high else v >= cur.value)]
        if breakers:
            p, v, r = breakers[-1]
            return Verdict("contradicted", v, [cur.evidence(), r.evidence()],
                           f"{p} was already at {v:g}, after {lk.compare.label}")
        if any((v <= cur.value if not high else v >= cur.value) for _p, v, _r in within):
            return Verdict("supported", cur.value, [cur.evidence()],
                           f"the {word} level since {lk.compare.label}")
        covered = bool(seen) and seen[0][0] <= (lk.compare.start.isoformat() if step else lk.compare.label[:7])
        if covered:  # the whole since-period is on record and never reached the level: not "since" but lower
            return Verdict("contradicted", min(v for _p, v, _r in within) if within and not high else
                           (max(v for _p, v, _r in within) if within else None), [cur.evidence()],
                           f"no {lk.series} level in {lk.compare.label} was at or {'above' if high else 'below'} "
                           f"{cur.value:g}")
        return Verdict("unverifiable", reason=f"no {lk.series} level at or beyond {cur.value:g} on record in "
                                              f"{lk.compare.label}")
    breakers = [(p, v, r) for p, v, r in earlier if (v < cur.value if not high else v > cur.value)]
    if breakers:
        p, v, r = min(breakers, key=lambda t: t[1]) if not high else max(breakers, key=lambda t: t[1])
        return Verdict("contradicted", v, [cur.evidence(), r.evidence()], f"{p} was {word[:-3]}er, at {v:g}")
    if step or high:
        first = seen[0][0] if seen else "?"
        return Verdict("unverifiable", reason=f"no earlier level on record is {word[:-3]}er, but the data's "
                                              f"{lk.series} history starts at {first}")
    return Verdict("supported", cur.value, [cur.evidence()],
                   f"the lowest fixing on record since the LPR reform (first fixing {seen[0][0] if seen else '?'})")


def _verify_lpr(lk: Link, idx: DataIndex) -> Verdict:
    assert lk.period is not None
    if lk.measure in ("record", "record_since"):
        return _verify_rate_record(lk, idx)
    if lk.measure == "level":
        rows = idx.values(lk.series, lk.period)
        if not rows:
            return Verdict("unverifiable", reason=f"no {lk.series} fixing in {lk.period.label}")
        ok = abs((rows[0].value or 0) - lk.value) <= 0.005
        return Verdict("supported" if ok else "contradicted", rows[0].value, [rows[0].evidence()], "fixing")
    if lk.measure == "change_bp":
        cmp_p = lk.compare or lk.period.shift_months(-1)
        a = idx.values(lk.series, lk.period)
        b = idx.values(lk.series, cmp_p)
        if not a or not b:
            return Verdict("unverifiable", reason=f"no {lk.series} fixing in {lk.period.label} or {cmp_p.label}")
        d = round(((a[0].value or 0) - (b[0].value or 0)) * 100, 1)
        claimed = -lk.value if lk.direction < 0 else lk.value
        ok = abs(d - claimed) <= 0.5 if lk.direction else abs(abs(d) - lk.value) <= 0.5
        return Verdict("supported" if ok else "contradicted", d, [a[0].evidence(), b[0].evidence()],
                       f"change between fixings {cmp_p.label} and {lk.period.label}")
    if lk.measure == "streak" and lk.streak_kind in ("cuts", "since_cut"):
        return _verify_cut_streak(lk, idx)
    if lk.measure == "streak":
        n = 0
        p = lk.period
        cur = idx.values(lk.series, p)
        if not cur:
            return Verdict("unverifiable", reason=f"no {lk.series} fixing in {p.label}")
        ev = [cur[0].evidence()]
        while True:
            a = idx.values(lk.series, p)
            b = idx.values(lk.series, p.shift_months(-1))
            if not a or not b or a[0].value != b[0].value:
                break
            n += 1
            p = p.shift_months(-1)
        ev.append(idx.values(lk.series, p)[0].evidence(note="last change"))
        if lk.streak_kind == "at_level":
            # "at 3.45% for 11 straight months until July 2024": from the move before to the next move
            n += 1
            return Verdict("supported" if n == lk.value else "contradicted", float(n), ev,
                           "months from the previous move to the next one")
        return Verdict("supported" if n == lk.value else "contradicted", float(n), ev,
                       "consecutive unchanged fixings")
    return Verdict("unverifiable", reason=f"measure {lk.measure} is not checked for {lk.series}")


def _verify_cut_streak(lk: Link, idx: DataIndex) -> Verdict:
    """A run of cuts ending in the period ("for a second straight month"), or the months since the cut before the
    period's ("for the first time in 21 months"); the period's fixing must itself be a cut."""
    assert lk.period is not None

    def cut(p: Period) -> bool | None:
        a, b = idx.values(lk.series, p), idx.values(lk.series, p.shift_months(-1))
        if not a or not b:
            return None
        return (a[0].value or 0) < (b[0].value or 0)

    cur = idx.values(lk.series, lk.period)
    if not cur or cut(lk.period) is None:
        return Verdict("unverifiable", reason=f"no {lk.series} fixings in {lk.period.label} and the month before")
    ev = [cur[0].evidence()]
    if not cut(lk.period):
        return Verdict("contradicted", 0.0, ev, f"no cut in {lk.period.label}")
    p, n = lk.period, 0
    if lk.streak_kind == "cuts":
        while cut(p):
            n += 1
            p = p.shift_months(-1)
        return Verdict("supported" if n == lk.value else "contradicted", float(n), ev, "consecutive monthly cuts")
    while True:
        p = p.shift_months(-1)
        n += 1
        c = cut(p)
        if c is None:
            return Verdict("unverifiable", reason=f"no cut of {lk.series} on record before {lk.period.label}")
        if c:
            break
    ev.append(idx.values(lk.series, p)[0].evidence(note="the cut before"))
    return Verdict("supported" if n == lk.value else "contradicted", float(n), ev, "months since the cut before")


# step series that stopped being a single policy rate: claims after the date are not checked against the last level
STEP_SERIES_END: dict[str, tuple[date, str]] = {
    "policy/mlf_1y": (date(2024, 12, 31), "from 2025 the MLF moved to multiple-price bidding; the data holds no "
                                          "single MLF rate after the 2024-09-25 change"),
}


def _verify_step(lk: Link, idx: DataIndex) -> Verdict:
    assert lk.period is not None
    first = idx.steps.get(lk.series, [])
    if not first:
        return Verdict("unverifiable", reason=f"no data for {lk.series}")
    if lk.measure in ("record", "record_since"):
        return _verify_rate_record(lk, idx)
    ended = STEP_SERIES_END.get(lk.series)
    if ended is not None and lk.period.start > ended[0]:
        return Verdict("unverifiable", reason=f"{lk.series}: {ended[1]}")
    if lk.measure == "level":
        r = idx.step_at(lk.series, lk.period.end)
        if r is None:
            return Verdict("unverifiable", reason=f"{lk.series} starts after {lk.period.label}")
        ok = abs((r.value or 0) - lk.value) <= 0.005
        return Verdict("supported" if ok else "contradicted", r.value, [r.evidence()],
                       f"level in force at the end of {lk.period.label}")
    if lk.measure == "change_bp":
        if lk.period.end < date_of(first[0]):
            return Verdict("unverifiable", reason=f"{lk.series} starts after {lk.period.label}")
        steps = idx.steps_in(lk.series, lk.period)
        total = sum(s.reported_change_bp or 0.0 for s in steps)
        claimed = -lk.value if lk.direction < 0 else lk.value
        ok = bool(steps) and (abs(total - claimed) <= 0.5 if lk.direction else abs(abs(total) - lk.value) <= 0.5)
        ev = [s.evidence(reported_change_bp=s.reported_change_bp) for s in steps]
        if not steps:
            prev = idx.step_at(lk.series, lk.period.end)
            ev = [prev.evidence(note="no change took effect in the month")] if prev else []
        return Verdict("supported" if ok else "contradicted", total, ev, "changes effective within the month")
    return Verdict("unverifiable", reason=f"measure {lk.measure} is not checked for {lk.series}")


def date_of(r: Row) -> Any:
    """The effective day of a step row."""
    from datetime import date

    return date.fromisoformat(r.period)


# organisations that run their own LPR surveys: a count from one is not checked against another's poll
_POLLSTER = re.compile(r"\b(Reuters|Bloomberg|Caixin|Yicai|Wind|CNBC|Nikkei|Dow Jones|Wall Street Journal|"
                       r"China Securities Journal|Securities Times|21st Century Business Herald)\b")


def _verify_poll(lk: Link, idx: DataIndex) -> Verdict:
    assert lk.period is not None
    polls = idx.polls_for(lk.period)
    if not polls:
        return Verdict("unverifiable", reason=f"no poll stored for the {lk.period.label} fixing")
    p = polls[0]
    named = [n for n in _POLLSTER.findall(lk.sentence.text) if n != "Reuters"]  # the stored polls are Reuters'
    if named and not any(n.lower() in p.source_title.lower() for n in named):
        # "All 16 economists surveyed by Bloomberg": the stored poll is another organisation's survey
        return Verdict("unverifiable", reason=f"the article cites a {named[0]} survey; the stored poll for the "
                                              f"{lk.period.label} fixing is another ({p.source_title})")
    if lk.measure == "count" and lk.all_but:
        # "all but one of the 25 respondents expected no change": 25 polled and 24 in the majority
        majority = [(k, v) for k, v in (("expect_unchanged", p.expect_unchanged), ("expect_cut", p.expect_cut))
                    if v is not None]
        want = int(lk.value) - lk.all_but
        if p.respondents is None or not majority:
            return Verdict("unverifiable", reason="the poll's respondents or its split are not stored")
        best = max(majority, key=lambda kv: kv[1])
        if p.respondents == int(lk.value) and any(v == want for _k, v in majority):
            return Verdict("supported", float(want), [p.evidence(matched="respondents")],
                           f"poll respondents and 'all but {lk.all_but}' = {want}")
        if p.respondents != int(lk.value):
            return Verdict("contradicted", float(p.respondents), [p.evidence()], "poll respondents")
        return Verdict("contradicted", float(best[1]), [p.evidence(matched=best[0])],
                       f"'all but {lk.all_but}' of {int(lk.value)} is {want}; the poll had {best[1]} ({best[0]})")
    if lk.measure == "count" and any(n.startswith("a count for one tenor") for n in lk.notes):
        return Verdict("unverifiable", reason="a count for one tenor: the stored poll has no split by tenor")
    if lk.measure == "count" and p.respondents is None and p.expect_unchanged is None and p.expect_cut is None:
        return Verdict("unverifiable", reason=f"the stored poll for the {lk.period.label} fixing holds no counts")
    if lk.measure == "count":
        cols = {"respondents": p.respondents, "expect_unchanged": p.expect_unchanged, "expect_cut": p.expect_cut}
        for k, v in cols.items():
            if v is not None and v == int(lk.value):
                return Verdict("supported", float(v), [p.evidence(matched=k)], f"poll {k}")
        known = [v for v in cols.values() if v is not None]
        return Verdict("contradicted", float(p.respondents if p.respondents is not None else known[0])
                       if known else None, [p.evidence()], "poll counts")
    if lk.measure == "pct_of_respondents":
        if not p.respondents:
            return Verdict("unverifiable", reason="the poll's number of respondents is not stored")
        shares = [100 * v / p.respondents for v in (p.expect_unchanged, p.expect_cut) if v is not None]
        for sh in shares:
            if abs(sh - lk.value) <= tolerance(lk.value, lk.q.decimals):
                return Verdict("supported", _r(sh, 1), [p.evidence()], "share of respondents")
        return Verdict("contradicted", _r(shares[0], 1) if shares else None, [p.evidence()], "share of respondents")
    return Verdict("unverifiable", reason="poll measure not checked")
