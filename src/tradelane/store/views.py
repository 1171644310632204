"""Pure Ibis expressions over the store's tables: the vintage and preference rules.

These run unchanged on any Ibis backend (DuckDB by default, Spark for a world
panel). Every window has an explicit ``order_by``.

**Which figure is shown.** For each (series, period), among the observations
released on or before ``as_of``:

1. the latest vintage wins (a revision supersedes what came before);
2. within a vintage, a figure beats an empty cell;
3. then the lower source rank wins (0 official files, 1 wire services,
   2 other publications, 3 figures their own source flags as disputed,
   comparison-only or on a broader definition);
4. then the row ingested first (file order) wins.

The other figures stay in the store and are listed by ``tradelane show``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import ibis
import ibis.expr.types as ir

__all__ = ["TableSet", "as_of_filter", "current_view", "latest_events", "latest_polls"]


@dataclass(frozen=True)
class TableSet:
    """The store's tables on one engine."""

    series: ir.Table
    observations: ir.Table
    events: ir.Table
    polls: ir.Table


def as_of_filter(t: ir.Table, as_of: date | None) -> ir.Table:
    """Rows whose vintage is on or before ``as_of`` (all rows when None)."""
    if as_of is None:
        return t
    return t.filter(t.vintage <= ibis.literal(as_of, type="date"))


def current_view(obs: ir.Table, as_of: date | None = None) -> ir.Table:
    """One preferred observation per (series, period), with ``n_sources`` and ``n_vintages``."""
    o = as_of_filter(obs, as_of)
    o = o.mutate(_has_value=o.value.notnull().cast("int32"))
    w = ibis.window(
        group_by=[o.series_key, o.period],
        order_by=[o.vintage.desc(), o._has_value.desc(), o.source_rank.asc(), o.obs_id.asc()],
    )
    latest = ibis.window(group_by=[o.series_key, o.period])
    ranked = o.mutate(
        _rn=ibis.row_number().over(w),
        _latest_vintage=o.vintage.max().over(latest),
    )
    same_vintage = ranked.filter(ranked.vintage == ranked._latest_vintage)
    counts = same_vintage.group_by([same_vintage.series_key, same_vintage.period]).aggregate(
        n_sources=same_vintage.source_id.nunique()
    )
    vint = o.group_by([o.series_key, o.period]).aggregate(n_vintages=o.vintage.nunique())
    best = ranked.filter(ranked._rn == 0).drop("_rn", "_latest_vintage", "_has_value")
    return (
        best.join(counts, ["series_key", "period"])
        .join(vint, ["series_key", "period"])
    )


def latest_events(events: ir.Table, as_of: date | None = None) -> ir.Table:
    """The latest known version of each policy event."""
    e = as_of_filter(events, as_of)
    w = ibis.window(group_by=e.event_id, order_by=e.vintage.desc())
    return e.mutate(_rn=ibis.row_number().over(w)).filter(lambda t: t._rn == 0).drop("_rn")


def latest_polls(polls: ir.Table, as_of: date | None = None) -> ir.Table:
    """Polls known at ``as_of``, latest vintage per (fixing date, source)."""
    p = as_of_filter(polls, as_of)
    w = ibis.window(group_by=[p.fixing_date, p.source_id], order_by=p.vintage.desc())
    return p.mutate(_rn=ibis.row_number().over(w)).filter(lambda t: t._rn == 0).drop("_rn")
