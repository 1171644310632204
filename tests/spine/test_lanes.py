"""`lanes`: checked against oracles computed independently from the CSV files."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from tradelane.analytics import lanes
from tradelane.errors import InputError
from tradelane.model import Period
from tradelane.store import Store

DATA = Path(__file__).resolve().parents[2] / "src" / "tradelane" / "data"


def _by_partner(store: Store, product: str, period: str) -> dict[str, dict]:
    return {r.partner: r.as_dict() for r in lanes(store.tables, product, Period.parse(period)) if r.period_months == 1}


def test_november_2025_headline(embedded_store: Store) -> None:
    rows = _by_partner(embedded_store, "rare_earth_magnets", "2025-11")
    usa, wld = rows["USA"], rows["WLD"]
    assert (usa["quantity_t"], usa["prev_quantity_t"], usa["prev_period"]) == (582.0, 656.0, "2025-10")
    assert usa["mom_pct"] == pytest.approx(-11.3, abs=0.05) and usa["mom_basis"] == "computed"
    assert wld["quantity_t"] == 6150.0 and wld["mom_pct"] == pytest.approx(12.4, abs=0.05)
    assert usa["share_pct"] == pytest.approx(582 / 6150 * 100, abs=0.01)
    assert usa["rank"] == 1 and wld["rank"] is None and rows["EUU"]["rank"] is None
    assert usa["source_url"].startswith("https://") and usa["vintage"] == "2025-12-20" and usa["vintage_estimated"]
    assert usa["yoy_pct"] is None and any("2024-11" in n for n in usa["notes"])


def test_may_2025_us_below_50_tonnes(embedded_store: Store) -> None:
    usa = _by_partner(embedded_store, "rare_earth_magnets", "2025-05")["USA"]
    assert usa["quantity_t"] < 50
    assert usa["prev_quantity_t"] is None and usa["mom_pct"] is None  # April 2025 US figure is missing
    assert any("no figure for 2025-04" in n for n in usa["notes"])


def _oracle() -> dict[tuple[str, str, str], set[float]]:
    figures: dict[tuple[str, str, str], set[float]] = defaultdict(set)
    with (DATA / "trade_flows.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["quantity_t"]:
                figures[(row["period"], row["partner"], row["product"])].add(float(row["quantity_t"]))
    return figures


@pytest.mark.parametrize(("key", "figures"), sorted(_oracle().items()))
def test_every_csv_figure_is_reachable_through_lanes(embedded_store: Store, key: tuple[str, str, str],
                                                      figures: set[float]) -> None:
    period, partner, product = key
    rows = [r for r in lanes(embedded_store.tables, product, Period.parse(period)) if r.partner == partner]
    assert len(rows) == 1
    assert rows[0].quantity_t in figures


def test_jan_feb_cumulative_has_no_mom(embedded_store: Store) -> None:
    rows = lanes(embedded_store.tables, "rare_earth_magnets", Period.parse("2026-02"))
    usa = next(r for r in rows if r.partner == "USA")
    assert usa.period == "2026-01/2026-02" and usa.period_months == 2
    assert usa.quantity_t == 994.0 and usa.prev_period is None and usa.mom_pct is None
    assert usa.yoy_period == "2025-01/2025-02" and usa.yoy_pct == -22.5 and usa.yoy_basis == "reported"
    assert any("cumulative" in n for n in usa.notes)


def test_computed_mom_matches_levels_everywhere(embedded_store: Store) -> None:
    """Wherever both months exist, MoM is computed from the shown levels, never from a lag across a gap."""
    for month in ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-03"]:
        rows = {r.partner: r for r in lanes(embedded_store.tables, "rare_earth_magnets", Period.parse(month))}
        prev = {r.partner: r for r in lanes(embedded_store.tables, "rare_earth_magnets",
                                            Period.parse(month).shift_months(-1)) if r.period_months == 1}
        for partner, r in rows.items():
            p = prev.get(partner)
            if r.quantity_t is not None and p is not None and p.quantity_t:
                assert r.mom_basis == "computed"
                assert r.mom_pct == pytest.approx(round((r.quantity_t / p.quantity_t - 1) * 100, 2))
            elif r.mom_basis == "computed":
                pytest.fail(f"{partner} {month}: computed MoM without a previous month")


def test_missing_month_returns_no_rows(embedded_store: Store) -> None:
    assert lanes(embedded_store.tables, "rare_earth_magnets", Period.parse("2026-01")) == []


@pytest.mark.parametrize(("product", "period", "msg"), [("magnets", "2025-11", "unknown product"),
                                                        ("rare_earths", "2025", "not a single month")])
def test_bad_arguments(embedded_store: Store, product: str, period: str, msg: str) -> None:
    with pytest.raises(InputError, match=msg):
        lanes(embedded_store.tables, product, Period.parse(period))


def test_rare_earths_lane(embedded_store: Store) -> None:
    wld = _by_partner(embedded_store, "rare_earths", "2025-11")["WLD"]
    assert wld["quantity_t"] == 5493.9
    assert wld["mom_pct"] == pytest.approx((5493.9 / 4343.5 - 1) * 100, abs=0.01)


_ = re
