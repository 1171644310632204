"""Structural breaks: PELT on the log level with the documented penalty rule."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradelane.analytics import break_penalty, detect_breaks, series_breaks
from tradelane.analytics.breaks import PENALTY_BETA, SIGMA_FLOOR
from tradelane.errors import InputError

from .conftest import build_tables, months


@settings(max_examples=40, deadline=None)
@given(a=st.integers(min_value=3, max_value=12), b=st.integers(min_value=3, max_value=12),
       level=st.floats(min_value=10, max_value=1e5), factor=st.sampled_from([0.2, 0.4, 2.5, 5.0]),
       seed=st.integers(min_value=0, max_value=10**6))
def test_break_found_on_synthetic_step(a, b, level, factor, seed):
    import random

    rng = random.Random(seed)
    values = [level * math.exp(rng.uniform(-0.02, 0.02)) for _ in range(a)]
    values += [level * factor * math.exp(rng.uniform(-0.02, 0.02)) for _ in range(b)]
    periods = months("2015-01", a + b)
    found = detect_breaks(values, periods)
    assert [x.period for x in found] == [periods[a]]
    assert found[0].before_period == periods[a - 1]
    assert found[0].change_pct == pytest.approx((factor - 1) * 100, rel=0.1)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(min_value=4, max_value=30), level=st.floats(min_value=1, max_value=1e6))
def test_no_break_on_constant_series(n, level):
    assert detect_breaks([level] * n, months("2010-01", n)) == []


@pytest.mark.parametrize(("logs", "expected"), [
    ([0.0] * 10, PENALTY_BETA * SIGMA_FLOOR**2 * math.log(10)),
    ([0.0, 1.0, 2.0, 3.0, 4.0], PENALTY_BETA * SIGMA_FLOOR**2 * math.log(5)),  # constant step: MAD 0 -> floor
    ([0.0, 0.2, 0.0, 0.2, 0.0, 0.2], PENALTY_BETA * SIGMA_FLOOR**2 * math.log(6)),  # alternating: MAD 0
    ([0.0, 0.1, 0.4, 0.5, 0.8, 1.0], PENALTY_BETA * (1.4826 * 0.1 / math.sqrt(2)) ** 2 * math.log(6)),
])
def test_penalty_rule(logs, expected):
    assert break_penalty(logs) == pytest.approx(expected)


def test_short_series_and_bad_input():
    assert detect_breaks([1.0, 2.0, 3.0], months("2020-01", 3)) == []
    with pytest.raises(InputError):
        detect_breaks([1.0, 0.0, 2.0, 3.0], months("2020-01", 4))
    with pytest.raises(InputError):
        detect_breaks([1.0, 2.0], months("2020-01", 3))


def test_break_across_a_gap_says_so():
    vals = {"2020-01": 100.0, "2020-02": 101.0, "2020-03": 99.0, "2020-07": 10.0, "2020-08": 10.5, "2020-09": 9.8}
    found = series_breaks(build_tables({"synthetic/CHN/WLD": vals}), "synthetic/CHN/WLD")
    assert [(b.period, b.before_period, b.months_missing_between) for b in found] == [("2020-07", "2020-03", 3)]


def test_embedded_world_magnets_breaks_around_the_april_2025_controls(embedded_store):
    found = series_breaks(embedded_store.tables, "rare_earth_magnets/CHN/WLD")
    assert [b.period for b in found] == ["2025-04", "2025-07"]
    assert found[0].change_pct < -40 < 100 < found[1].change_pct
