"""The fixing method: table-driven cases, and properties checked against an independent implementation."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradelane.errors import ConfigError, InputError
from tradelane.rates.method import check_tie_rule, fix_lpr, is_on_step, round_to_step


def D(*xs: str) -> list[Decimal]:
    return [Decimal(x) for x in xs]


# ----------------------------------------------------------------- table-driven
@pytest.mark.parametrize(
    ("quotes", "rule", "high", "low", "mean", "lpr", "tie"),
    [
        # the worked example of LPR_METHOD.md §5, in spirit: means just below / above the half step
        (D("3.00", "3.00", "3.05", "2.95", "3.10"), "half_up", "3.10", "2.95", Fraction(181, 60), "3.00", False),
        (D("3.00", "3.05", "3.05", "2.95", "3.10"), "half_up", "3.10", "2.95", Fraction(61, 20) - Fraction(1, 60),
         "3.05", False),
        # three quotes: the middle one is the LPR
        (D("3.45", "3.40", "3.55"), "half_up", "3.55", "3.40", Fraction(345, 100), "3.45", False),
        # all equal: one copy dropped at each end, the rest average to the same
        (D("3.50", "3.50", "3.50", "3.50"), "half_even", "3.50", "3.50", Fraction(35, 10), "3.50", False),
        # exact ties at x.x25 decided by the rule
        (D("2.00", "3.00", "3.05", "4.00"), "half_up", "4.00", "2.00", Fraction(3025, 1000), "3.05", True),
        (D("2.00", "3.00", "3.05", "4.00"), "half_down", "4.00", "2.00", Fraction(3025, 1000), "3.00", True),
        (D("2.00", "3.00", "3.05", "4.00"), "half_even", "4.00", "2.00", Fraction(3025, 1000), "3.00", True),
        # x.x75: half_even goes up to the even step 3.10 (62 × 0.05)
        (D("2.00", "3.05", "3.10", "4.00"), "half_even", "4.00", "2.00", Fraction(3075, 1000), "3.10", True),
        (D("2.00", "3.05", "3.10", "4.00"), "half_down", "4.00", "2.00", Fraction(3075, 1000), "3.05", True),
        # off-step quotes are still averaged and the result rounded onto the grid
        (D("3.01", "3.02", "3.04", "3.09"), "half_up", "3.09", "3.01", Fraction(303, 100), "3.05", False),
        # a mean whose decimal expansion never ends (1/3) is not mistaken for a tie
        (D("1.00", "3.00", "3.00", "3.05", "9.00"), "half_up", "9.00", "1.00", Fraction(9050, 3000),
         "3.00", False),
        # zero is a legal (if odd) quote
        (D("0", "0", "0.05", "0.05"), "half_up", "0.05", "0", Fraction(25, 1000), "0.05", True),
    ],
)
def test_method_table(quotes: list[Decimal], rule: str, high: str, low: str, mean: Fraction, lpr: str,
                      tie: bool) -> None:
    r = fix_lpr(quotes, check_tie_rule(rule))
    assert r.dropped_high == Decimal(high)
    assert r.dropped_low == Decimal(low)
    assert abs(Fraction(r.mean) - mean) < Fraction(1, 10**20)
    assert r.lpr == Decimal(lpr) and str(r.lpr) == lpr
    assert r.tie is tie
    assert len(r.kept) == len(quotes) - 2


@pytest.mark.parametrize(("x", "rule", "out"), [
    ("3.0233", "half_up", "3.00"), ("3.0260", "half_up", "3.05"), ("3.025", "half_up", "3.05"),
    ("3.025", "half_down", "3.00"), ("3.025", "half_even", "3.00"), ("3.075", "half_even", "3.10"),
    ("3.0749999999", "half_up", "3.05"), ("0.024", "half_up", "0.00"), ("3.05", "half_down", "3.05"),
])
def test_round_to_step_table(x: str, rule: str, out: str) -> None:
    assert round_to_step(Decimal(x), check_tie_rule(rule)) == Decimal(out)


@pytest.mark.parametrize("quotes", [D(), D("3.00"), D("3.00", "3.05")])
def test_fewer_than_three_quotes(quotes: list[Decimal]) -> None:
    with pytest.raises(InputError, match="at least 3"):
        fix_lpr(quotes)


def test_negative_quote_rejected() -> None:
    with pytest.raises(InputError, match="negative"):
        fix_lpr(D("3.00", "-0.05", "3.10"))


def test_unknown_tie_rule_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="half_up, half_down, half_even"):
        check_tie_rule("bankers")


@pytest.mark.parametrize(("q", "on"), [("3.45", True), ("3.4500", True), ("3.43", False), ("0", True),
                                       ("3.051", False)])
def test_is_on_step(q: str, on: bool) -> None:
    assert is_on_step(Decimal(q)) is on


# ----------------------------------------------------------------- independent implementation
def reference_lpr(quotes: list[Fraction], rule: str) -> Fraction:
    """The documented method written independently: exact fractions, nearest of two candidate grid points."""
    kept = sorted(quotes)[1:-1]
    mean = sum(kept, Fraction(0)) / len(kept)
    step = Fraction(1, 20)
    lower = (mean // step) * step  # the grid point at or below
    upper = lower + step
    d_low, d_up = mean - lower, upper - mean
    if d_low < d_up:
        return lower
    if d_up < d_low:
        return upper
    # exactly half way
    if rule == "half_up":
        return upper
    if rule == "half_down":
        return lower
    return lower if (lower / step) % 2 == 0 else upper


on_step = st.integers(min_value=0, max_value=200).map(lambda k: Fraction(k, 20))  # 0.00 .. 10.00 on the grid
off_step = st.integers(min_value=0, max_value=100_000).map(lambda k: Fraction(k, 10_000))  # 4-decimal quotes
rules = st.sampled_from(["half_up", "half_down", "half_even"])


def as_decimals(qs: list[Fraction]) -> list[Decimal]:
    return [Decimal(q.numerator) / Decimal(q.denominator) for q in qs]  # exact: denominators divide 10^4


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(on_step, off_step), min_size=3, max_size=25), rules)
def test_agrees_with_independent_implementation(qs: list[Fraction], rule: str) -> None:
    r = fix_lpr(as_decimals(qs), check_tie_rule(rule))
    assert Fraction(r.lpr) == reference_lpr(qs, rule)


@settings(max_examples=300, deadline=None)
@given(st.lists(on_step, min_size=3, max_size=25), rules)
def test_panel_on_step_result_within_kept_range(qs: list[Fraction], rule: str) -> None:
    """With every quote on the 0.05 step (as the rules require), the LPR lies in [min kept, max kept]:
    the kept extremes are themselves grid points, so rounding the mean cannot cross them."""
    r = fix_lpr(as_decimals(qs), check_tie_rule(rule))
    assert min(r.kept) <= r.lpr <= max(r.kept)
    assert is_on_step(r.lpr)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(on_step, off_step), min_size=3, max_size=25), rules)
def test_any_panel_result_within_half_step_of_kept_range(qs: list[Fraction], rule: str) -> None:
    """With off-step quotes the guarantee is weaker: the LPR is on the grid and within 0.025
    (half a step) of the mean, hence of [min kept, max kept]."""
    r = fix_lpr(as_decimals(qs), check_tie_rule(rule))
    half = Decimal("0.025")
    assert is_on_step(r.lpr)
    assert abs(r.lpr - r.mean) <= half
    assert min(r.kept) - half <= r.lpr <= max(r.kept) + half


@settings(max_examples=200, deadline=None)
@given(st.lists(on_step, min_size=3, max_size=25), rules, st.randoms(use_true_random=False))
def test_order_of_quotes_does_not_matter(qs: list[Fraction], rule: str, rnd: object) -> None:
    shuffled = list(qs)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert fix_lpr(as_decimals(qs), check_tie_rule(rule)).lpr == fix_lpr(as_decimals(shuffled),
                                                                          check_tie_rule(rule)).lpr


@settings(max_examples=200, deadline=None)
@given(st.lists(on_step, min_size=3, max_size=25), st.integers(min_value=0, max_value=24), rules)
def test_raising_one_quote_never_lowers_the_lpr(qs: list[Fraction], i: int, rule: str) -> None:
    i %= len(qs)
    higher = list(qs)
    higher[i] += Fraction(1, 20)
    assert fix_lpr(as_decimals(higher), check_tie_rule(rule)).lpr >= fix_lpr(as_decimals(qs), check_tie_rule(rule)).lpr


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(on_step, off_step), min_size=3, max_size=25))
def test_tie_rule_matters_only_on_a_tie(qs: list[Fraction]) -> None:
    results = {rule: fix_lpr(as_decimals(qs), check_tie_rule(rule)) for rule in ("half_up", "half_down", "half_even")}
    if not results["half_up"].tie:
        assert len({r.lpr for r in results.values()}) == 1
    else:
        assert results["half_up"].lpr - results["half_down"].lpr == Decimal("0.05")
