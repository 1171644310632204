"""Event studies and the policy timeline."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.analytics import event_study, list_events
from tradelane.errors import EventNotFound, SeriesNotFound

from .conftest import build_tables


def test_e11_on_world_magnets(embedded_store):
    s = event_study(embedded_store.tables, "E11", "rare_earth_magnets/CHN/WLD")
    assert "Announcement No. 18" in s.event_authority
    assert (s.event_month, s.trough_period, s.trough_value) == ("2025-04", "2025-05", 1238.0)
    assert s.baseline_window == ["2025-01", "2025-02", "2025-03"] and s.baseline_months_used == ["2025-01"]
    assert s.baseline == 6357.0
    assert s.depth_pct == pytest.approx((1238 / 6357 - 1) * 100)
    assert (s.recovered, s.recovery_period, s.months_to_recover) == (True, "2025-08", 3)
    roles = {f["role"]: (f["period"], f["value"]) for f in s.facts}
    assert roles == {"baseline": ("2025-01", 6357.0), "trough": ("2025-05", 1238.0), "recovery": ("2025-08", 6146.0)}
    assert all(f["vintage"] and f["source_title"] for f in s.facts)


def test_e11_on_us_magnets_states_why_there_is_no_baseline(embedded_store):
    s = event_study(embedded_store.tables, "E11", "rare_earth_magnets/CHN/USA")
    assert s.baseline is None and s.depth_pct is None and s.recovery_period is None and s.recovered is None
    assert s.baseline_months_used == []
    assert s.reasons[0].startswith("no baseline") and "2025-01, 2025-02, 2025-03" in s.reasons[0]
    assert (s.trough_period, s.trough_value) == ("2025-05", 46.0)  # observed, not made up


def test_event_without_effective_date(embedded_store):
    s = event_study(embedded_store.tables, "E09", "rare_earth_magnets/CHN/WLD")
    assert s.baseline is None and s.trough_value is None and "no effective date" in s.reasons[0]


def test_unknown_event_and_lane(embedded_store):
    with pytest.raises(EventNotFound):
        event_study(embedded_store.tables, "E999", "rare_earth_magnets/CHN/WLD")
    with pytest.raises(SeriesNotFound):
        event_study(embedded_store.tables, "E11", "rare_earth_magnets/CHN/XXX")


@pytest.mark.parametrize(("values", "baseline", "trough", "recovery", "recovered"), [
    ({"2020-01": 100.0, "2020-02": 80.0, "2020-03": 90.0, "2020-04": 30.0, "2020-05": 50.0, "2020-06": 85.0},
     90.0, ("2020-04", 30.0), "2020-06", True),
    ({"2020-03": 90.0, "2020-04": 30.0, "2020-05": 50.0}, 90.0, ("2020-04", 30.0), None, False),
    ({"2020-04": 30.0, "2020-05": 50.0}, None, ("2020-04", 30.0), None, None),
])
def test_synthetic_event_studies(values, baseline, trough, recovery, recovered):
    t = build_tables({"synthetic/CHN/WLD": values}, events=[{"event_id": "S1", "effective": date(2020, 4, 15)}])
    s = event_study(t, "S1", "synthetic/CHN/WLD")
    assert s.baseline == baseline and (s.trough_period, s.trough_value) == trough
    assert s.recovery_period == recovery and s.recovered is recovered
    if recovered is False:
        assert any(r.startswith("not recovered") for r in s.reasons)


def test_list_events_since(embedded_store):
    rows = list_events(embedded_store.tables, since=date(2025, 11, 1))
    assert rows[0].announced <= rows[-1].announced
    assert all(e.announced >= "2025-11-01" or (e.effective or "") >= "2025-11-01" for e in rows)
    assert "E11" not in {e.event_id for e in rows}
    assert any(e.event_id == "E11" for e in list_events(embedded_store.tables))
