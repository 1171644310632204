"""DuckDB and Spark (local mode) give identical results: lanes on the embedded data, lane_metrics on a panel.

Marked ``spark``; skipped with the reason when PySpark or Java is missing. One
Spark session serves the module (and the rest of the test process); the data
are small, so the module takes well under a minute on 2 cores.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tradelane.analytics.lanes import lanes, lanes_expr
from tradelane.cli import main
from tradelane.engine import lane_metrics, tables_for
from tradelane.errors import EngineError
from tradelane.model import Period
from tradelane.store import Store, TableSet

from .panel_oracle import close, diff, oracle
from .test_panel import M0, as_arrow, synthetic_rows

pytestmark = [pytest.mark.spark,
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated:Warning")]  # PySpark on pandas 3


@pytest.fixture(scope="module")
def spark_backend() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install -e '.[spark]')")
    from tradelane.engine import spark_backend

    try:
        yield spark_backend()
    except EngineError as e:
        pytest.skip(f"Spark is unavailable: {e}")


@pytest.fixture(scope="module")
def spark_tables(embedded_store: Store, spark_backend: Any) -> TableSet:
    return tables_for(embedded_store, "spark")


CASES = [
    ("rare_earth_magnets", "2025-11", None),
    ("rare_earth_magnets", "2025-06", None),
    ("rare_earth_magnets", "2026-02", None),   # Jan–Feb cumulative shape
    ("rare_earth_magnets", "2025-11", date(2025, 12, 8)),
    ("rare_earths", "2025-10", None),
    ("rare_earths", "2024-05", None),
]


@pytest.mark.parametrize(("product", "month", "as_of"), CASES)
def test_lanes_identical(embedded_store: Store, spark_tables: TableSet, product: str, month: str,
                         as_of: date | None) -> None:
    p = Period.parse(month)
    want = [r.as_dict() for r in lanes(embedded_store.tables, product, p, as_of=as_of)]
    got = [r.as_dict() for r in lanes(spark_tables, product, p, as_of=as_of)]
    assert got == want


@pytest.mark.parametrize(("product", "month"), [("rare_earth_magnets", "2025-11"), ("rare_earths", "2025-10")])
def test_lanes_expr_identical(embedded_store: Store, spark_tables: TableSet, product: str, month: str) -> None:
    def rows(ts: TableSet) -> list[dict[str, Any]]:
        out = lanes_expr(ts, product, Period.parse(month)).to_pyarrow().to_pylist()
        return sorted(out, key=lambda r: (r["partner"], r["period"]))

    want = rows(embedded_store.tables)
    assert want and rows(spark_tables) == want


def test_lane_metrics_four_ways(spark_backend: Any, world_panel: ModuleType, tmp_path: Path) -> None:
    from tradelane.engine.spark import register_arrow

    rows = synthetic_rows() + [("R2", p, "SYN2", M0 + k, float((k * 7 + len(p)) % 5)) for p in ("PA", "PB")
                               for k in range(0, 26) if k % 9 != 4]
    expected = oracle(rows)
    spark_rows = lane_metrics(register_arrow(spark_backend, "panel", as_arrow(rows))).to_pyarrow().to_pylist()
    assert diff(expected, spark_rows) == []
    duck_rows = lane_metrics(__import__("ibis").memtable(as_arrow(rows))).to_pyarrow().to_pylist()
    key = ("reporter", "partner", "product", "month")
    pairs = zip(sorted(spark_rows, key=lambda r: [r[k] for k in key]),
                sorted(duck_rows, key=lambda r: [r[k] for k in key]), strict=True)
    # equal to the last bit except the standard deviation, whose summation order is the engine's
    assert all(close(a[c], b[c], rel=1e-12) for a, b in pairs for c in a)
    panel = tmp_path / "panel.parquet"
    pq.write_table(as_arrow(rows), panel)
    for way in ("pandas", "polars"):
        out = tmp_path / f"{way}.parquet"
        world_panel.RUNNERS[way](panel, out, {})
        got = pq.read_table(out).to_pylist()
        for r in got:
            if hasattr(r["month"], "date"):
                r["month"] = r["month"].date()
        assert diff(expected, got) == [], way


def test_an_empty_table_keeps_its_schema(spark_backend: Any) -> None:
    from tradelane.engine.spark import register_arrow

    t = register_arrow(spark_backend, "empty", pa.table({"a": pa.array([], pa.int64()),
                                                         "b": pa.array([], pa.string())}))
    assert t.count().execute() == 0 and dict(t.schema().items()) == {"a": t.schema()["a"], "b": t.schema()["b"]}
    assert str(t.schema()["b"]).startswith("string")


def test_cli_spark_equals_duckdb(spark_backend: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TRADELANE_DB", str(tmp_path / "s.duckdb"))
    args = ["lanes", "--product", "rare_earth_magnets", "--period", "2025-11", "--format", "json"]
    assert main([*args, "--engine", "duckdb"]) == 0
    duck = capsys.readouterr().out
    assert main([*args, "--engine", "spark"]) == 0
    spark = capsys.readouterr().out
    assert spark == duck and json.loads(spark)[0]["partner"] == "WLD"
    monkeypatch.setenv("TRADELANE_ENGINE", "spark")
    assert main(args) == 0
    assert capsys.readouterr().out == duck
