"""The monthly lane panel: comparisons joined by month, streaks, records, volatility, divergence."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelane.analytics import panel, panel_expr
from tradelane.errors import InputError

from .conftest import build_tables, months

SLOW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _by(rows, key, period):
    return next(r for r in rows if r.series_key == key and r.period == period)


@pytest.mark.parametrize(("partner", "period", "value", "prev", "mom", "share", "rank", "divergence"), [
    ("USA", "2025-11", 582.0, 656.0, -11.28, 9.46, 1, "lane_down_world_up"),
    ("WLD", "2025-11", 6150.0, 5473.0, 12.37, 100.0, None, None),
    ("JPN", "2025-11", 305.0, 226.0, 34.96, 4.96, 2, None),
    ("USA", "2025-10", 656.0, 420.5, 56.0, 11.99, 2, "lane_up_world_down"),
    ("USA", "2026-03", 406.0, None, None, 7.75, 1, None),  # February 2026 only exists as Jan–Feb cumulative
])
def test_embedded_panel(embedded_store, partner, period, value, prev, mom, share, rank, divergence):
    rows = panel(embedded_store.tables, "rare_earth_magnets", partner=partner)
    r = next(r for r in rows if r.period == period)
    assert (r.value, r.prev_value, r.rank, r.divergence) == (value, prev, rank, divergence)
    assert (None if r.mom_pct is None else round(r.mom_pct, 2)) == mom
    assert round(r.share_pct, 2) == share
    assert r.source_url and r.vintage


def test_missing_month_never_bridged():
    t = build_tables({"synthetic/CHN/WLD": {"2020-01": 100.0, "2020-03": 50.0, "2021-01": 80.0}})
    rows = panel(t)
    mar = _by(rows, "synthetic/CHN/WLD", "2020-03")
    assert mar.prev_value is None and mar.mom_pct is None and mar.direction is None and mar.streak_len is None
    jan21 = _by(rows, "synthetic/CHN/WLD", "2021-01")
    assert jan21.yoy_value == 100.0 and round(jan21.yoy_pct, 6) == -20.0
    assert jan21.mom_pct is None  # December 2020 is missing


@SLOW
@given(level=st.floats(min_value=0.5, max_value=1e6), n=st.integers(min_value=2, max_value=15))
def test_mom_of_constant_series_is_zero(level, n):
    t = build_tables({"synthetic/CHN/WLD": dict.fromkeys(months("2019-01", n), level)})
    rows = panel(t)
    assert all(r.mom_pct == 0 for r in rows[1:])
    assert all(r.mom_abs == 0 and r.direction == "flat" for r in rows[1:])
    assert [r.streak_len for r in rows] == [None, *range(1, n)]
    assert all(r.volatility in (None, 0.0) for r in rows)


@SLOW
@given(steps=st.lists(st.floats(min_value=0.01, max_value=100), min_size=2, max_size=14),
       up=st.booleans())
def test_streak_lengths_on_monotone_series(steps, up):
    level, values = 1000.0, []
    for s in steps:
        level = level + s if up else level - s * level / 200
        values.append(level)
    t = build_tables({"synthetic/CHN/WLD": dict(zip(months("2018-05", len(values)), values, strict=True))})
    rows = panel(t)
    kind = "up" if up else "down"
    assert [r.streak_len for r in rows] == [None, *range(1, len(values))]
    assert all(r.streak_kind == kind for r in rows[1:])
    last = rows[-1]
    if up:
        assert last.high_since_idx is None and last.low_since_idx == rows[-2].idx
    else:
        assert last.low_since_idx is None and last.high_since_idx == rows[-2].idx


def test_streak_resets_on_direction_change_and_gap():
    vals = {"2020-01": 10.0, "2020-02": 11.0, "2020-03": 12.0, "2020-04": 9.0, "2020-05": 8.0,
            "2020-07": 7.0, "2020-08": 6.0}
    rows = panel(build_tables({"synthetic/CHN/WLD": vals}))
    assert [(r.period, r.streak_kind, r.streak_len) for r in rows] == [
        ("2020-01", None, None), ("2020-02", "up", 1), ("2020-03", "up", 2), ("2020-04", "down", 1),
        ("2020-05", "down", 2), ("2020-07", None, None), ("2020-08", "down", 1)]


def test_lowest_since_counts_months_on_record():
    vals = {"2020-01": 5.0, "2020-02": 9.0, "2020-04": 8.0, "2020-05": 7.0, "2020-06": 6.0}
    rows = panel(build_tables({"synthetic/CHN/WLD": vals}))
    jun = rows[-1]
    # Lowest since January 2020: three months on record after it (Feb, Apr, May) plus June itself; March missing.
    assert jun.low_since_idx == rows[0].idx and jun.low_since_records == 4
    assert jun.idx - jun.low_since_idx == 5


def test_volatility_of_log_changes():
    vals = dict(zip(months("2021-01", 5), [100.0, 200.0, 100.0, 200.0, 100.0], strict=True))
    rows = panel(build_tables({"synthetic/CHN/WLD": vals}))
    assert rows[2].volatility is None  # only two changes so far
    changes = [math.log(2), -math.log(2), math.log(2), -math.log(2)]
    mean = sum(changes) / 4
    sd = math.sqrt(sum((c - mean) ** 2 for c in changes) / 3)
    assert rows[4].volatility == pytest.approx(sd) and rows[4].volatility_n == 4


def test_share_rank_and_divergence_on_synthetic_partners():
    t = build_tables({
        "synthetic/CHN/WLD": {"2022-01": 100.0, "2022-02": 120.0},
        "synthetic/CHN/USA": {"2022-01": 30.0, "2022-02": 20.0},
        "synthetic/CHN/JPN": {"2022-01": 10.0, "2022-02": 40.0},
        "synthetic/CHN/EUU": {"2022-01": 50.0, "2022-02": 50.0},
    })
    rows = panel(t)
    feb = {r.partner: r for r in rows if r.period == "2022-02"}
    assert feb["USA"].share_pct == pytest.approx(20 / 120 * 100)
    assert (feb["JPN"].rank, feb["USA"].rank, feb["EUU"].rank) == (1, 2, None)
    assert feb["USA"].divergence == "lane_down_world_up" and feb["JPN"].divergence is None
    assert feb["EUU"].divergence is None


def test_panel_expr_has_explicit_order_and_rejects_bad_window(embedded_store):
    with pytest.raises(InputError):
        panel_expr(embedded_store.tables, vol_window=1)
    with pytest.raises(InputError):
        panel(embedded_store.tables, "not_a_product")
