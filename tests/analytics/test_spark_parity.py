"""The panel and event-study expressions give identical results on Spark (local mode) and DuckDB."""

from __future__ import annotations

import pytest

from tradelane.analytics import event_study, panel
from tradelane.errors import EngineError


def _norm(rows):
    return sorted(({k: (round(v, 9) if isinstance(v, float) else v) for k, v in r.as_dict().items()} for r in rows),
                  key=lambda r: (r["series_key"], r["idx"]))


@pytest.mark.spark
def test_panel_and_event_study_match_on_spark(embedded_store):
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install -e '.[spark]')")
    from tradelane.engine.tables import tables_for

    try:
        sp = tables_for(embedded_store, "spark")
    except EngineError as e:
        pytest.skip(f"Spark is unavailable: {e}")
    assert _norm(panel(sp)) == _norm(panel(embedded_store.tables))
    for key in ("rare_earth_magnets/CHN/WLD", "rare_earth_magnets/CHN/USA"):
        assert event_study(sp, "E11", key).as_dict() == event_study(embedded_store.tables, "E11", key).as_dict()
