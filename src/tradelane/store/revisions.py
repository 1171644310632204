"""Revisions: where a new vintage changed the figure tradelane shows.

For every (series, period), the figure shown at a vintage is the one
:func:`~tradelane.store.views.current_view` would pick with ``as_of`` that
vintage (latest vintage, then a figure over an empty cell, then source rank,
then file order). A revision is a vintage at which that shown figure's value
differs from the one shown at the previous vintage; a second source arriving
with the same value, or the first figure of a period, is not a revision.

Written as Ibis expressions (explicit ``order_by`` on every window), so the
report runs on any engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import ibis
import ibis.expr.types as ir

from .views import TableSet, as_of_filter

__all__ = ["REVISION_FIELDS", "Revision", "revisions", "revisions_expr"]

REVISION_FIELDS = (
    "series_key", "period", "old_value", "old_vintage", "old_source", "old_source_url", "new_value",
    "new_vintage", "new_source", "new_source_url", "new_source_file", "new_source_line", "change", "change_pct",
)


@dataclass(frozen=True)
class Revision:
    """One change of a shown figure between two vintages, with both sources."""

    series_key: str
    period: str
    old_value: float | None
    old_vintage: date
    old_source: str
    old_source_url: str | None
    new_value: float | None
    new_vintage: date
    new_source: str
    new_source_url: str | None
    new_source_file: str
    new_source_line: int
    change: float | None
    change_pct: float | None

    def as_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in REVISION_FIELDS}


def revisions_expr(ts: TableSet, *, since: date | None = None, as_of: date | None = None) -> ir.Table:
    """One row per revision: the shown figure before and after each vintage that changed it."""
    o = as_of_filter(ts.observations, as_of)
    o = o.mutate(_has_value=o.value.notnull().cast("int32"))
    points = o.select(p_key=o.series_key, p_period=o.period, at=o.vintage).distinct()
    j = points.join(o, [points.p_key == o.series_key, points.p_period == o.period, o.vintage <= points.at])
    w = ibis.window(group_by=[j.p_key, j.p_period, j.at],
                    order_by=[j.vintage.desc(), j._has_value.desc(), j.source_rank.asc(), j.obs_id.asc()])
    shown = j.mutate(_rn=ibis.row_number().over(w))
    shown = shown.filter(shown._rn == 0).select(
        "series_key", "period", "at", "obs_id", "value", "vintage", "source_title", "source_url", "source_file",
        "source_line", "period_start",
    )
    prev = ibis.window(group_by=[shown.series_key, shown.period], order_by=[shown.at.asc()])
    t = shown.mutate(
        old_obs=shown.obs_id.lag().over(prev),
        old_value=shown.value.lag().over(prev),
        old_vintage=shown.vintage.lag().over(prev),
        old_source=shown.source_title.lag().over(prev),
        old_source_url=shown.source_url.lag().over(prev),
    )
    changed = (t.old_value.isnull() != t.value.isnull()) | (t.old_value != t.value)
    t = t.filter(t.old_obs.notnull() & (t.old_obs != t.obs_id) & changed)
    if since is not None:
        t = t.filter(t.vintage >= ibis.literal(since, type="date"))
    t = t.mutate(
        change=t.value - t.old_value,
        change_pct=ibis.cases((t.old_value.notnull() & (t.old_value != 0), (t.value / t.old_value - 1) * 100),
                              else_=ibis.null("float64")),
    )
    return t.select(
        "series_key", "period", "old_value", "old_vintage", "old_source", "old_source_url",
        new_value=t.value, new_vintage=t.vintage, new_source=t.source_title, new_source_url=t.source_url,
        new_source_file=t.source_file, new_source_line=t.source_line, change=t.change, change_pct=t.change_pct,
        _start=t.period_start,
    ).order_by(["new_vintage", "series_key", "_start", "period"])


def revisions(ts: TableSet, since: date | None = None, as_of: date | None = None) -> list[Revision]:
    """Every revision of a shown figure, oldest vintage first.

    Args:
        ts: The store's tables.
        since: Only revisions made by vintages on or after this date.
        as_of: Only what was known on this date (vintages after it are ignored).
    """
    rows = revisions_expr(ts, since=since, as_of=as_of).to_pyarrow().to_pylist()
    out = []
    for r in rows:
        r.pop("_start")
        for k in ("change", "change_pct"):
            if r[k] is not None:
                r[k] = round(r[k], 6)
        out.append(Revision(**r))
    return out
