"""Trade-lane streak claims: consecutive monthly falls/rises ending in the period, from the shown levels.

The expected counts come from the embedded data (rare earths, world total): 2025-07, -08 and -09
fell, 2025-10 and -11 rose; February 2025 and January/February 2026 are not on record as single
months (the magnets' Jan-Feb 2026 figure is combined).
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check


def _streaks(index: DataIndex, text: str, day: date) -> list[dict]:
    return [c for c in check(text, index, date=day).as_dict()["claims"] if c["measure"] == "streak"]


@pytest.mark.parametrize(("text", "period", "claimed", "verdict", "data"), [
    ("China's total rare-earth exports fell for a third straight month in September 2025.",
     "2025-09", 3, "supported", 3.0),
    ("China's rare earth exports fell for a second straight month in September 2025.",
     "2025-09", 2, "contradicted", 3.0),
    ("Rare earth exports rose for a fourth month in a row in November 2025.", "2025-11", 4, "contradicted", 2.0),
    ("Rare earth exports in August 2025 posted a second consecutive monthly decline.",
     "2025-08", 2, "supported", 2.0),
    ("Rare earth exports fell for three consecutive months through September 2025.",
     "2025-09", 3, "supported", 3.0),
    # the run ended the month before: "after falling for three straight months"
    ("Rare earth exports rose in October 2025 after falling for three straight months.",
     "2025-09", 3, "supported", 3.0),
    # a rise claimed for months that fell
    ("Rare earth exports rose for a third straight month in September 2025.", "2025-09", 3, "contradicted", 0.0),
    ("Magnet exports to the United States dropped 11% in November, a second straight monthly decline.",
     "2025-11", 2, "contradicted", 1.0),
])
def test_streak_verdicts(index: DataIndex, text: str, period: str, claimed: int, verdict: str, data: float) -> None:
    (c,) = _streaks(index, text, date(2025, 12, 20))
    assert (c["period"], c["value"], c["verdict"], c["data_value"]) == (period, claimed, verdict, data)
    assert c["evidence"] or data == 0.0


@pytest.mark.parametrize(("text", "day", "gap"), [
    # April 2025 fell from March, but February 2025 is missing: March's move is unknown
    ("Rare earth exports fell in April 2025 for a second straight month.", date(2025, 5, 20), "2025-03"),
    # January and February 2026 exist only as a combined figure
    ("US-bound magnet exports fell for a fifth straight month in March 2026.", date(2026, 4, 20), "2026-02"),
])
def test_a_gap_inside_the_run_is_unverifiable(index: DataIndex, text: str, day: date, gap: str) -> None:
    (c,) = _streaks(index, text, day)
    assert c["verdict"] == "unverifiable" and c["data_value"] is None
    assert "cannot be confirmed" in c["reason"] and gap in c["reason"]


def test_a_streak_says_which_basis(index: DataIndex) -> None:
    (c,) = _streaks(index, "China's total rare-earth exports fell for a third straight month in September 2025.",
                    date(2025, 10, 20))
    assert c["basis"].startswith("consecutive monthly falls (stored levels: 2025-07, 2025-08, 2025-09")
    assert [e["period"] for e in c["evidence"]] == ["2025-09", "2025-08", "2025-07"]


def test_reported_changes_cover_a_missing_month() -> None:
    """A month whose base month is missing counts when the source reported its monthly change."""
    def row(period: str, value: float | None, mom: float | None = None) -> dict:
        return {"series_key": "rare_earths/CHN/WLD", "period": period, "value": value, "reported_mom_pct": mom,
                "vintage": "2099-01-10", "source_title": "synthetic"}
    idx = DataIndex.from_records([row("2099-01", 100.0), row("2099-03", 90.0, -5.0), row("2099-04", 80.0)], [])
    (c,) = _streaks(idx, "Rare earth exports fell for a second straight month in April 2099.", date(2099, 5, 20))
    assert c["verdict"] == "supported"
    assert "source-reported change: 2099-03" in c["basis"] and "stored levels: 2099-04" in c["basis"]
