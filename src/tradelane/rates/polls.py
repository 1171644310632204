"""Each LPR poll against the fixing that followed: consensus, unanimity, hit or miss, surprise.

**Consensus.** When the poll row gives expected levels, those are the
consensus (per tenor; a tenor without a stated level has none). Otherwise, when
the counts show a majority (more than half of the respondents, or more than the
other camp when the respondent total is not given), the consensus *direction*
is that majority's: ``unchanged`` makes the consensus levels the previous
month's fixing; ``cut`` gives a direction without a level (no size is stated).
With neither, there is no consensus (null), never a guess.

**Hit.** With consensus levels: every tenor that has one fixed exactly there.
With only a direction: the fixing moved that way (a cut of either tenor counts
as a cut). Null when there is no consensus or the fixing is not yet known.

**Unanimous.** True when one camp holds every respondent; False when a camp
holds some but not all; null when the counts cannot tell.

**Surprise** is outcome minus consensus level, in bp, per tenor (null without a level).

>>> from tradelane.store import Store
>>> dec = [p for p in poll_outcomes(Store.open().tables) if p.fixing_date == date(2025, 12, 22)][0]
>>> dec.respondents, dec.expect_unchanged, dec.unanimous, dec.hit, dec.surprise_bp
(25, 25, True, True, 0)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import Period
from ..store.views import TableSet, latest_polls
from .history import LprFixing, bp, lpr_fixings

__all__ = ["POLL_FIELDS", "PollOutcome", "poll_outcomes"]


@dataclass(frozen=True)
class PollOutcome:
    """One poll, its consensus and how the fixing compared."""

    poll_date: date | None
    fixing_date: date
    respondents: int | None
    expect_unchanged: int | None
    expect_cut: int | None
    share_unchanged_pct: float | None
    consensus_direction: str | None  # unchanged | cut | None
    consensus_basis: str | None  # "expected levels" | "majority unchanged" | "majority cut" | None
    consensus_1y: float | None
    consensus_5y: float | None
    unanimous: bool | None
    previous_1y: float | None
    previous_5y: float | None
    outcome_1y: float | None
    outcome_5y: float | None
    outcome_direction: str | None  # unchanged | cut | hike | None when the fixing is not known
    hit: bool | None
    surprise_bp: int | None  # one-year outcome minus consensus
    surprise_5y_bp: int | None
    source_title: str
    source_url: str | None
    vintage: date
    outcome_source_url: str | None

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in POLL_FIELDS}


POLL_FIELDS = tuple(PollOutcome.__dataclass_fields__)


def _direction(cur: LprFixing, prev: LprFixing | None) -> str | None:
    if prev is None:
        return None
    a = (cur.lpr_1y.value or 0.0, cur.lpr_5y.value or 0.0)
    b = (prev.lpr_1y.value or 0.0, prev.lpr_5y.value or 0.0)
    if a == b:
        return "unchanged"
    if any(x < y for x, y in zip(a, b, strict=True)):
        return "cut"
    return "hike"


def _majority(n: int | None, unchanged: int | None, cut: int | None) -> str | None:
    if n:
        if unchanged is not None and 2 * unchanged > n:
            return "unchanged"
        if cut is not None and 2 * cut > n:
            return "cut"
        return None
    if unchanged is not None and cut is not None and unchanged != cut:
        return "unchanged" if unchanged > cut else "cut"
    return None


def _unanimous(n: int | None, counts: tuple[int | None, ...]) -> bool | None:
    if not n:
        return None
    known = [c for c in counts if c is not None]
    if any(c == n for c in known):
        return True
    if any(0 < c < n for c in known):
        return False
    return None


def _opt_int(v: Any) -> int | None:
    return None if v is None else int(v)


def poll_outcomes(ts: TableSet, *, as_of: date | None = None) -> list[PollOutcome]:
    """Every poll known at ``as_of``, oldest fixing first, with the outcome where the fixing is known."""
    p = latest_polls(ts.polls, as_of)
    rows: list[dict[str, Any]] = p.order_by([p.fixing_date, p.source_id]).to_pyarrow().to_pylist()
    by_period = {f.period: f for f in lpr_fixings(ts, as_of=as_of)}
    out = []
    for r in rows:
        fixing_date: date = r["fixing_date"]
        month = Period.month(fixing_date.year, fixing_date.month)
        cur = by_period.get(month.label)
        prev = by_period.get(month.shift_months(-1).label)
        n = _opt_int(r["respondents"])
        unch, cut = _opt_int(r["expect_unchanged"]), _opt_int(r["expect_cut"])
        e1, e5 = r["expected_1y_pct"], r["expected_5y_pct"]
        majority = _majority(n, unch, cut)
        c1: float | None = None
        c5: float | None = None
        if e1 is not None or e5 is not None:
            basis: str | None = "expected levels"
            c1, c5 = e1, e5
            direction = majority
            if direction is None and prev is not None:
                moved = [x < y for x, y in ((e1, prev.lpr_1y.value), (e5, prev.lpr_5y.value))
                         if x is not None and y is not None]
                direction = "cut" if any(moved) else "unchanged" if moved else None
        elif majority is not None:
            basis = f"majority {majority}"
            direction = majority
            if majority == "unchanged" and prev is not None:
                c1, c5 = prev.lpr_1y.value, prev.lpr_5y.value
        else:
            basis = direction = None
        o1 = cur.lpr_1y.value if cur else None
        o5 = cur.lpr_5y.value if cur else None
        outcome_dir = _direction(cur, prev) if cur else None
        hit: bool | None = None
        if cur is not None:
            pairs = [(o, c) for o, c in ((o1, c1), (o5, c5)) if c is not None]
            if pairs:
                hit = all(bp(o, c) == 0 for o, c in pairs)
            elif direction is not None and outcome_dir is not None:
                hit = direction == outcome_dir
        out.append(PollOutcome(
            poll_date=r["poll_date"], fixing_date=fixing_date, respondents=n, expect_unchanged=unch, expect_cut=cut,
            share_unchanged_pct=round(100 * unch / n, 1) if n and unch is not None else None,
            consensus_direction=direction, consensus_basis=basis, consensus_1y=c1, consensus_5y=c5,
            unanimous=_unanimous(n, (unch, cut)),
            previous_1y=prev.lpr_1y.value if prev else None, previous_5y=prev.lpr_5y.value if prev else None,
            outcome_1y=o1, outcome_5y=o5, outcome_direction=outcome_dir, hit=hit,
            surprise_bp=bp(o1, c1), surprise_5y_bp=bp(o5, c5),
            source_title=r["source_title"], source_url=r["source_url"], vintage=r["vintage"],
            outcome_source_url=cur.lpr_1y.source_url if cur else None,
        ))
    return out
