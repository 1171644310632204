"""History, step series, the summary (streak, spreads, last change) and polls on the embedded real data."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.errors import NotFound
from tradelane.rates import (
    MLF_1Y,
    REVERSE_REPO_7D,
    LprFixing,
    RatePoint,
    level_on,
    lpr_fixings,
    policy_steps,
    poll_outcomes,
    rates_history,
    rates_summary,
    unchanged_streak,
)
from tradelane.store import Store


@pytest.fixture(scope="module")
def ts(embedded_store: Store):  # type: ignore[no-untyped-def]
    return embedded_store.tables


# ----------------------------------------------------------------- must show 1
def test_summary_at_end_of_2025(ts) -> None:  # type: ignore[no-untyped-def]
    s = rates_summary(ts, as_of=date(2025, 12, 31))
    assert (s.lpr_1y, s.lpr_5y, s.reverse_repo_7d, s.unchanged_streak) == (3.0, 3.5, 1.4, 7)
    assert s.unchanged_streak_ordinal == "seventh" and s.streak_complete
    assert (s.fixing_date, s.fixing_period) == (date(2025, 12, 22), "2025-12")
    assert (s.spread_1y_7d_bp, s.spread_5y_1y_bp) == (160, 50)
    assert (s.last_change_date, s.last_change_bp, s.last_change_1y_bp, s.last_change_5y_bp) == (
        date(2025, 5, 20), -10, -10, -10)
    # Dec 2024 fixing was 3.10 / 3.60
    assert (s.change_12m_from, s.change_12m_bp_1y, s.change_12m_bp_5y) == ("2024-12", -10, -10)
    assert s.reverse_repo_7d_since == date(2025, 5, 8)
    for key in ("lpr_1y", "lpr_5y", "reverse_repo_7d"):
        p = s.sources[key]
        assert p["source_url"].startswith("http") and p["vintage"] <= "2025-12-31"
    assert "seventh month" in s.sources["lpr_1y"]["source_title"]


@pytest.mark.parametrize(("as_of", "period", "streak"), [
    (date(2025, 5, 31), "2025-05", 0),  # the cut itself
    (date(2025, 6, 30), "2025-06", 1),
    (date(2025, 12, 21), "2025-11", 6),  # the day before the December fixing: vintage rule
    (date(2025, 12, 22), "2025-12", 7),
    (date(2026, 1, 31), "2026-01", 8),
    (date(2024, 9, 30), "2024-09", 2),  # July 2024 cut, Aug and Sep unchanged
    (date(2024, 10, 21), "2024-10", 0),  # October 2024 25 bp cut
])
def test_streak_as_of(ts, as_of: date, period: str, streak: int) -> None:  # type: ignore[no-untyped-def]
    s = rates_summary(ts, as_of=as_of)
    assert (s.fixing_period, s.unchanged_streak) == (period, streak)


def test_last_change_only_five_year(ts) -> None:  # type: ignore[no-untyped-def]
    """February 2024: the five-year was cut 25 bp, the one-year kept: last_change_bp reports the five-year move."""
    s = rates_summary(ts, as_of=date(2024, 3, 31))
    assert s.last_change_date == date(2024, 2, 20)
    assert (s.last_change_1y_bp, s.last_change_5y_bp, s.last_change_bp) == (0, -25, -25)


def test_summary_before_the_data(ts) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound, match="no LPR fixing known on 2019-01-01"):
        rates_summary(ts, as_of=date(2019, 1, 1))


def test_first_fixing_has_no_reverse_repo_and_an_open_streak(ts) -> None:  # type: ignore[no-untyped-def]
    s = rates_summary(ts, as_of=date(2019, 8, 31))
    assert s.reverse_repo_7d is None and s.spread_1y_7d_bp is None  # first stored step is 2019-11-18
    assert not s.streak_complete and s.streak_note and "data start" in s.streak_note


# ----------------------------------------------------------------- streak on synthetic fixings
def _fx(period: str, one: float, five: float) -> LprFixing:
    y, m = map(int, period.split("-"))
    d = date(y, m, 20)

    def pt(key: str, v: float) -> RatePoint:
        return RatePoint(key, period, d, v, d, False, "synthetic", None)

    return LprFixing(period, d, pt("lpr/1y", one), pt("lpr/5y", five))


@pytest.mark.parametrize(("rows", "count", "complete"), [
    ([("2030-01", 3.0, 3.5), ("2030-02", 3.0, 3.5), ("2030-03", 3.0, 3.5)], 2, False),  # data start
    ([("2030-01", 3.1, 3.5), ("2030-02", 3.0, 3.5), ("2030-03", 3.0, 3.5)], 1, True),
    ([("2030-01", 3.0, 3.6), ("2030-02", 3.0, 3.5), ("2030-03", 3.0, 3.5)], 1, True),  # 5Y-only change counts
    ([("2030-01", 3.1, 3.6), ("2030-02", 3.0, 3.5)], 0, True),
    ([("2030-01", 3.1, 3.6), ("2030-02", 3.0, 3.5), ("2030-04", 3.0, 3.5), ("2030-05", 3.0, 3.5)], 1, False),  # gap
])
def test_unchanged_streak_table(rows: list[tuple[str, float, float]], count: int, complete: bool) -> None:
    s = unchanged_streak([_fx(*r) for r in rows])
    assert (s.count, s.complete) == (count, complete)
    if not complete:
        assert s.note


def test_streak_gap_note_names_the_missing_month() -> None:
    s = unchanged_streak([_fx("2030-01", 3.0, 3.5), _fx("2030-03", 3.0, 3.5)])
    assert s.note is not None and "2030-02" in s.note


# ----------------------------------------------------------------- step series
def test_level_holds_until_next_change(ts) -> None:  # type: ignore[no-untyped-def]
    rr = policy_steps(ts, REVERSE_REPO_7D)
    assert level_on(rr, date(2019, 11, 17)) is None  # before the first stored step: unknown, not guessed
    assert level_on(rr, date(2019, 11, 18)).value == 2.5  # type: ignore[union-attr]
    assert level_on(rr, date(2024, 7, 21)).value == 1.8  # type: ignore[union-attr]
    assert level_on(rr, date(2024, 7, 22)).value == 1.7  # type: ignore[union-attr]
    assert level_on(rr, date(2030, 1, 1)).value == 1.4  # type: ignore[union-attr]


def test_mlf_not_carried_past_its_last_single_rate_year(ts) -> None:  # type: ignore[no-untyped-def]
    mlf = policy_steps(ts, MLF_1Y)
    assert level_on(mlf, date(2024, 12, 20)).value == 2.0  # type: ignore[union-attr]
    assert level_on(mlf, date(2025, 1, 20)) is None


def test_policy_steps_respect_as_of(ts) -> None:  # type: ignore[no-untyped-def]
    steps = policy_steps(ts, REVERSE_REPO_7D, as_of=date(2025, 5, 7))
    assert steps[-1].value == 1.5 and all(s.vintage <= date(2025, 5, 7) for s in steps)


def test_history_rows(ts) -> None:  # type: ignore[no-untyped-def]
    rows = rates_history(ts, start=date(2024, 7, 1), end=date(2024, 10, 31))
    assert [r.period for r in rows] == ["2024-07", "2024-08", "2024-09", "2024-10"]
    jul, _, _, oct_ = rows
    assert (jul.lpr_1y, jul.change_1y_bp, jul.reverse_repo_7d, jul.mlf_1y, jul.anchor) == (
        3.35, -10, 1.7, 2.5, "reverse_repo_7d")  # MLF cut only on 25 July
    assert (oct_.lpr_1y, oct_.change_1y_bp, oct_.reverse_repo_7d, oct_.mlf_1y, oct_.spread_1y_7d_bp) == (
        3.1, -25, 1.5, 2.0, 160)
    first = rates_history(ts)[0]
    assert (first.period, first.change_1y_bp, first.reverse_repo_7d, first.anchor) == ("2019-08", None, None,
                                                                                      "mlf_1y")


def test_history_as_of_hides_later_fixings(ts) -> None:  # type: ignore[no-untyped-def]
    assert rates_history(ts, as_of=date(2025, 12, 31))[-1].period == "2025-12"
    assert len(lpr_fixings(ts, as_of=date(2025, 12, 31))) == 77  # Aug 2019 .. Dec 2025, no month missing


# ----------------------------------------------------------------- polls
def _poll(ts, fixing: date, as_of: date | None = None):  # type: ignore[no-untyped-def]
    return next(p for p in poll_outcomes(ts, as_of=as_of) if p.fixing_date == fixing)


def test_december_2025_poll_unanimous_and_correct(ts) -> None:  # type: ignore[no-untyped-def]
    p = _poll(ts, date(2025, 12, 22))
    assert (p.respondents, p.expect_unchanged, p.unanimous, p.hit, p.surprise_bp) == (25, 25, True, True, 0)
    assert (p.consensus_1y, p.consensus_5y, p.outcome_1y, p.outcome_5y) == (3.0, 3.5, 3.0, 3.5)
    assert p.consensus_basis == "expected levels" and p.poll_date == date(2025, 12, 19)
    assert p.source_url and p.outcome_source_url


@pytest.mark.parametrize(("fixing", "basis", "direction", "unanimous", "hit"), [
    (date(2024, 9, 20), "majority cut", "cut", False, False),  # 29 of 39 expected a cut; none came
    (date(2022, 1, 20), "majority cut", "cut", True, True),  # all 43 expected a cut
    (date(2022, 12, 20), "majority unchanged", "unchanged", False, True),  # 17 of 27: consensus = previous fixing
    (date(2020, 3, 20), None, None, None, None),  # no counts in the source: null, never guessed
    (date(2023, 6, 20), "expected levels", "cut", None, True),  # 1Y level given, respondents not
])
def test_poll_table(ts, fixing: date, basis: str | None, direction: str | None, unanimous: bool | None,  # type: ignore[no-untyped-def]
                    hit: bool | None) -> None:
    p = _poll(ts, fixing)
    assert (p.consensus_basis, p.consensus_direction, p.unanimous, p.hit) == (basis, direction, unanimous, hit)


def test_poll_before_its_fixing_is_pending(ts) -> None:  # type: ignore[no-untyped-def]
    p = _poll(ts, date(2025, 12, 22), as_of=date(2025, 12, 19))
    assert p.outcome_1y is None and p.hit is None and p.surprise_bp is None
    assert p.consensus_1y == 3.0
    assert all(q.fixing_date != date(2025, 12, 22) for q in poll_outcomes(ts, as_of=date(2025, 12, 18)))
