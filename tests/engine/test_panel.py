"""lane_metrics: hand-checked cells, a loop-by-loop oracle under hypothesis, and the benchmark's other three ways."""

from __future__ import annotations

import math
import statistics
from pathlib import Path
from types import ModuleType
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelane.engine import METRIC_COLUMNS, lane_metrics

from .panel_oracle import diff, month_date, month_int, oracle

SCHEMA = pa.schema([("reporter", pa.string()), ("partner", pa.string()), ("product", pa.string()),
                    ("month", pa.date32()), ("value", pa.float64())])

# An obviously synthetic panel: reporter R1, partners PA/PB/PC, product SYN1, 2023-01 = month 24276.
M0 = 2023 * 12
LANE_A = {0: 10.0, 1: 12.0, 2: 15.0, 3: 15.0, 5: 9.0, 6: 8.0, 7: 7.0, 12: 11.0, 13: 0.0, 14: 4.0}
LANE_B = {0: 5.0, 1: 12.0, 2: 15.0, 3: 20.0, 5: 30.0, 6: 8.0, 7: 7.0}
LANE_C = {2: 15.0, 3: 1.0}


def synthetic_rows() -> list[tuple[str, str, str, int, float]]:
    rows = []
    for partner, lane in (("PA", LANE_A), ("PB", LANE_B), ("PC", LANE_C)):
        rows += [("R1", partner, "SYN1", M0 + k, v) for k, v in lane.items()]
    return rows


def as_arrow(rows: list[tuple[str, str, str, int, float]]) -> pa.Table:
    return pa.table({"reporter": [r[0] for r in rows], "partner": [r[1] for r in rows],
                     "product": [r[2] for r in rows], "month": [month_date(r[3]) for r in rows],
                     "value": [r[4] for r in rows]}, schema=SCHEMA)


def run_duckdb(rows: list[tuple[str, str, str, int, float]]) -> list[dict[str, Any]]:
    return lane_metrics(ibis.memtable(as_arrow(rows))).to_pyarrow().to_pylist()


def cell(result: list[dict[str, Any]], partner: str, k: int) -> dict[str, Any]:
    return next(r for r in result if r["partner"] == partner and month_int(r["month"]) == M0 + k)


@pytest.fixture(scope="module")
def result() -> list[dict[str, Any]]:
    return run_duckdb(synthetic_rows())


def test_columns_are_the_documented_ones(result: list[dict[str, Any]]) -> None:
    assert tuple(result[0]) == METRIC_COLUMNS
    assert len(result) == len(synthetic_rows())


@pytest.mark.parametrize(("partner", "k", "field", "expected"), [
    ("PA", 1, "mom_pct", 20.0),            # 12 after 10
    ("PA", 2, "streak", 2),                # two rises
    ("PA", 3, "streak", 0),                # flat
    ("PA", 3, "lowest_since", 2),          # 15 = 15 last month is not lower; 12 two months back is
    ("PA", 5, "prev_value", None),         # 2023-05 is missing: no comparison, never the April figure
    ("PA", 5, "mom_pct", None),
    ("PA", 5, "streak", 0),
    ("PA", 5, "lowest_since", None),       # 9: the 15, 15, 12 and 10 of the year before are all higher
    ("PA", 7, "streak", -2),               # 9 -> 8 -> 7
    ("PA", 7, "lowest_since", None),       # lowest of its 12 months
    ("PA", 12, "yoy_pct", 10.0),           # 11 against 10 a year before
    ("PA", 13, "mom_pct", -100.0),         # to zero
    ("PA", 14, "mom_pct", None),           # from zero: no percentage
    ("PA", 14, "streak", 1),               # a rise from zero is still a rise
    ("PB", 3, "streak", 3),
    ("PB", 3, "rank", 1),                  # 20 beats PA's 15
    ("PA", 2, "rank", 1),                  # PA and PB tie at 15, PC too: ties go by partner code
    ("PB", 2, "rank", 2),
    ("PC", 2, "rank", 3),
    ("PC", 3, "share_pct", 1 / 36 * 100),  # 1 of 15 + 20 + 1
])
def test_hand_checked_cells(result: list[dict[str, Any]], partner: str, k: int, field: str, expected: Any) -> None:
    got = cell(result, partner, k)[field]
    if isinstance(expected, float):
        assert got == pytest.approx(expected)
    else:
        assert got == expected


def test_volatility_is_the_sample_sd_of_log_changes_in_six_months(result: list[dict[str, Any]]) -> None:
    # PB 2023-08: the window is 2023-03..2023-08; 2023-05 is missing, so 2023-06 has no change either
    changes = [math.log(15 / 12), math.log(20 / 15), math.log(8 / 30), math.log(7 / 8)]
    assert cell(result, "PB", 7)["vol_6m"] == pytest.approx(statistics.stdev(changes))
    assert cell(result, "PB", 2)["vol_6m"] is None  # only two changes so far


def test_matches_the_oracle_on_the_synthetic_panel(result: list[dict[str, Any]]) -> None:
    assert diff(oracle(synthetic_rows()), result) == []


lane_values = st.dictionaries(st.integers(0, 30), st.sampled_from([0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.5]),
                              min_size=1, max_size=31)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.tuples(st.sampled_from(["R1", "R2"]), st.sampled_from(["PA", "PB", "PC"])),
                       lane_values, min_size=1, max_size=4))
def test_duckdb_matches_the_oracle_on_random_panels(lanes: dict[tuple[str, str], dict[int, float]]) -> None:
    rows = [(r, p, "SYN1", M0 + k, v) for (r, p), series in lanes.items() for k, v in series.items()]
    assert diff(oracle(rows), run_duckdb(rows)) == []


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 40), st.floats(0.5, 1e9))
def test_a_constant_lane_never_moves(n: int, v: float) -> None:
    rows = [("R1", "PA", "SYN1", M0 + k, v) for k in range(n)]
    out = run_duckdb(rows)
    assert all(r["streak"] == 0 and r["lowest_since"] is None and r["rank"] == 1 for r in out)
    assert all(r["mom_pct"] == 0 for r in out if r["prev_value"] is not None)
    assert all(r["vol_6m"] == 0 for r in out if r["vol_6m"] is not None)


@pytest.mark.parametrize("way", ["pandas", "polars", "sql_floor"])
def test_the_benchmark_baselines_agree(world_panel: ModuleType, tmp_path: Path, way: str) -> None:
    pytest.importorskip("polars") if way == "polars" else None
    rows = synthetic_rows() + [("R2", p, "SYN2", M0 + k, float((k * 7 + len(p)) % 5)) for p in ("PA", "PB")
                               for k in range(0, 26) if k % 9 != 4]
    panel = tmp_path / "panel.parquet"
    pq.write_table(as_arrow(rows), panel)
    out = tmp_path / f"{way}.parquet"
    world_panel.RUNNERS[way](panel, out, {})
    got = pq.read_table(out).to_pylist()
    for r in got:
        if not hasattr(r["month"], "year"):
            raise AssertionError(f"month {r['month']!r} is not a date")
        if hasattr(r["month"], "date"):
            r["month"] = r["month"].date()
    assert diff(oracle(rows), got) == []
