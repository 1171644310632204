"""Synthetic, obviously made-up lanes as in-memory Ibis tables (the product code says so: ``synthetic``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import ibis
import pandas as pd
import pytest

from tradelane.model import Period
from tradelane.store import TableSet

Builder = Callable[..., TableSet]


def build_tables(lanes: dict[str, dict[str, float]], events: list[dict[str, object]] | None = None) -> TableSet:
    """``lanes``: {"synthetic/CHN/USA": {"2020-01": 10.0, ...}}; every figure gets an obviously fake source."""
    obs = []
    series = []
    for key, figures in lanes.items():
        product, reporter, partner = key.split("/")
        series.append({"series_key": key, "kind": "trade", "reporter": reporter, "partner": partner,
                       "product": product, "hs_code": "000000", "flow": "export", "measure": "quantity",
                       "unit": "t", "frequency": "M", "title": "synthetic test lane"})
        for label, value in figures.items():
            p = Period.parse(label)
            obs.append({"obs_id": len(obs) + 1, "series_key": key, "period": p.label, "period_start": p.start,
                        "period_end": p.end, "freq": p.freq, "months": p.months,
                        "vintage": p.shift_months(1).end if p.freq == "M" else p.end, "vintage_estimated": True,
                        "value": value, "reported_mom_pct": None, "reported_yoy_pct": None,
                        "reported_change_bp": None, "obs_date": None, "source_title": "synthetic test figure",
                        "source_url": "https://example.invalid/synthetic", "source_id": "synthetic",
                        "source_rank": 0, "flags": "", "note": "", "source_file": "synthetic.csv",
                        "source_line": len(obs) + 2, "extra": "{}", "ingest_id": 1})
    ev = [{"event_id": e["event_id"], "announced": e.get("announced", e.get("effective")),
           "effective": e.get("effective"), "ends": None, "effective_note": "", "authority": "synthetic authority",
           "kind": "export_control", "items": "synthetic", "destinations": "all", "summary": "synthetic event",
           "source_title": "synthetic", "source_url": None, "vintage": e.get("announced", e.get("effective")),
           "source_file": "synthetic.csv", "source_line": 2, "ingest_id": 1} for e in (events or [])]
    obs_schema = {"obs_id": "int64", "series_key": "string", "period": "string", "period_start": "date",
                  "period_end": "date", "freq": "string", "months": "int32", "vintage": "date",
                  "vintage_estimated": "boolean", "value": "float64", "reported_mom_pct": "float64",
                  "reported_yoy_pct": "float64", "reported_change_bp": "float64", "obs_date": "date",
                  "source_title": "string", "source_url": "string", "source_id": "string", "source_rank": "int32",
                  "flags": "string", "note": "string", "source_file": "string", "source_line": "int32",
                  "extra": "string", "ingest_id": "int64"}
    ser_schema = {k: "string" for k in ("series_key", "kind", "reporter", "partner", "product", "hs_code", "flow",
                                        "measure", "unit", "frequency", "title")}
    ev_schema = {"event_id": "string", "announced": "date", "effective": "date", "ends": "date",
                 "effective_note": "string", "authority": "string", "kind": "string", "items": "string",
                 "destinations": "string", "summary": "string", "source_title": "string", "source_url": "string",
                 "vintage": "date", "source_file": "string", "source_line": "int32", "ingest_id": "int64"}
    poll_schema = {"fixing_date": "date", "source_id": "string", "vintage": "date"}
    return TableSet(
        series=ibis.memtable(pd.DataFrame(series, columns=list(ser_schema)), schema=ser_schema),
        observations=ibis.memtable(pd.DataFrame(obs, columns=list(obs_schema)), schema=obs_schema),
        events=ibis.memtable(pd.DataFrame(ev, columns=list(ev_schema)), schema=ev_schema),
        polls=ibis.memtable(pd.DataFrame([], columns=list(poll_schema)), schema=poll_schema),
    )


def months(start: str, n: int) -> list[str]:
    p = Period.parse(start)
    return [p.shift_months(i).label for i in range(n)]


@pytest.fixture()
def make_tables() -> Builder:
    return build_tables


@pytest.fixture()
def day() -> Callable[[str], date]:
    return date.fromisoformat
