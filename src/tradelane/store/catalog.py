"""The series catalog and one series' full history (every period, source and vintage)."""

from __future__ import annotations

from datetime import date
from typing import Any

import ibis

from ..errors import SeriesNotFound
from .views import TableSet, as_of_filter, current_view

__all__ = ["catalog", "history"]


def catalog(ts: TableSet, as_of: date | None = None) -> list[dict[str, Any]]:
    """Every series with its coverage (first and last period, count of periods and figures)."""
    o = as_of_filter(ts.observations, as_of)
    cov = o.group_by("series_key").aggregate(
        first_period=o.period_start.min(), last_period=o.period_end.max(),
        n_periods=o.period.nunique(), n_figures=o.count(), n_sources=o.source_id.nunique(),
    )
    t = ts.series.join(cov, "series_key").order_by(["kind", "product", "series_key"])
    rows: list[dict[str, Any]] = t.to_pyarrow().to_pylist()
    return rows


def history(ts: TableSet, key: str, as_of: date | None = None) -> list[dict[str, Any]]:
    """Every observation of one series, oldest period first; ``shown`` marks the preferred figure.

    Raises:
        SeriesNotFound: no series has that key.
    """
    s = ts.series
    if s.filter(s.series_key == key).count().to_pyarrow().as_py() == 0:
        close = [r["series_key"] for r in s.select("series_key").to_pyarrow().to_pylist()
                 if key.split("/")[-1] in r["series_key"] or key.split("/")[0] in r["series_key"]]
        hint = f"; similar keys: {', '.join(sorted(close)[:6])}" if close else "; run `tradelane series` for the list"
        raise SeriesNotFound(f"no series {key!r}{hint}")
    o = as_of_filter(ts.observations, as_of)
    o = o.filter(o.series_key == key)
    shown = current_view(ts.observations, as_of)
    shown = shown.filter(shown.series_key == key).select(shown_id=shown.obs_id)
    t = o.left_join(shown, [("obs_id", "shown_id")])
    t = t.mutate(shown=t.shown_id.notnull()).drop("shown_id")
    t = t.order_by([t.period_start, t.period_end, t.vintage, t.source_rank, t.obs_id])
    rows: list[dict[str, Any]] = t.to_pyarrow().to_pylist()
    for r in rows:
        r.pop("ingest_id", None)
    return rows


_ = ibis  # Ibis is the query layer of every function here
