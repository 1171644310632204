"""The embedded dataset's loaders: every row validated, conventions modelled."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from tradelane.data import EMBEDDED_FILES, load_embedded
from tradelane.errors import DataFileError
from tradelane.sources import detect_format, parse_file
from tradelane.sources.tables import TABLE_IMPORTERS

DATA = Path(__file__).resolve().parents[2] / "src" / "tradelane" / "data"
TODAY = date(2026, 11, 26)
FLOWS_HEADER = ("period,reporter,partner,product,hs_code,quantity_t,value,value_currency,yoy_pct_reported,"
                "mom_pct_reported,source_title,source_url")
GOOD = "2099-01,CHN,USA,rare_earth_magnets,850511,12.5,,,,,Synthetic test source,https://example.test/a"


def test_embedded_dataset_loads_every_row() -> None:
    batch = load_embedded()
    flows = list(csv.DictReader((DATA / "trade_flows.csv").open(encoding="utf-8")))
    annual = list(csv.DictReader((DATA / "trade_flows_annual.csv").open(encoding="utf-8")))
    qty_rows = [r for r in flows + annual
                if r["quantity_t"] or r.get("yoy_pct_reported") or r.get("mom_pct_reported")]
    value_rows = [r for r in flows + annual if r["value"]]
    trade_obs = [o for o in batch.observations if o.series_key.startswith("rare_earth")]
    assert len(trade_obs) == len(qty_rows) + len(value_rows)
    lpr = list(csv.DictReader((DATA / "lpr.csv").open(encoding="utf-8")))
    assert len([o for o in batch.observations if o.series_key.startswith("lpr/")]) == 2 * len(lpr)
    assert len(batch.events) == len(list(csv.DictReader((DATA / "policy_events.csv").open(encoding="utf-8"))))
    assert len(batch.polls) == len(list(csv.DictReader((DATA / "lpr_polls.csv").open(encoding="utf-8"))))


def test_embedded_files_match_shared_data(shared_dir: Path) -> None:
    for name, _ in EMBEDDED_FILES:
        assert (DATA / name).read_bytes() == (shared_dir / "data" / name).read_bytes(), name


def test_jan_feb_cumulative_rows_are_two_month_periods() -> None:
    batch = load_embedded()
    cum = {(o.series_key, o.period.label) for o in batch.observations if o.period.months == 2}
    assert ("rare_earth_magnets/CHN/WLD", "2026-01/2026-02") in cum
    assert ("rare_earth_magnets/CHN/USA", "2026-01/2026-02") in cum
    assert ("rare_earths/CHN/WLD", "2025-01/2025-02") in cum
    # none of them is stored as February alone
    feb = {(o.series_key, o.period.label) for o in batch.observations}
    assert ("rare_earth_magnets/CHN/USA", "2026-02") not in feb
    assert ("rare_earths/CHN/WLD", "2025-02") not in feb


def test_embedded_vintages_are_estimated_from_the_release_calendar() -> None:
    batch = load_embedded()
    by = {(o.series_key, o.period.label, o.source_rank): o for o in batch.observations}
    usa = by[("rare_earth_magnets/CHN/USA", "2025-11", 1)]
    assert usa.vintage == date(2025, 12, 20) and usa.vintage_estimated
    re_nov = next(o for o in batch.observations if o.series_key == "rare_earths/CHN/WLD" and o.period.label == "2025-11")
    assert re_nov.vintage == date(2025, 12, 10) and re_nov.vintage_estimated
    lpr = next(o for o in batch.observations if o.series_key == "lpr/1y" and o.period.label == "2025-12")
    assert lpr.vintage == date(2025, 12, 22) and not lpr.vintage_estimated


def test_missing_cells_are_missing_not_zero() -> None:
    batch = load_embedded()
    jpn_may = [o for o in batch.observations if o.series_key == "rare_earth_magnets/CHN/JPN" and o.period.label == "2025-05"]
    assert len(jpn_may) == 1 and jpn_may[0].value is None and jpn_may[0].reported_yoy_pct == -84.1


def _write(tmp_path: Path, body: str, header: str = FLOWS_HEADER, name: str = "flows.csv") -> Path:
    p = tmp_path / name
    p.write_text(header + "\n" + body + "\n", encoding="utf-8")
    return p


BAD_ROWS = [
    ("2025-13,CHN,USA,rare_earth_magnets,850511,1,,,,,T,https://x.test", "period '2025-13'"),
    ("2025-11,CHN,Untied States,rare_earth_magnets,850511,1,,,,,T,https://x.test", "partner 'Untied States'"),
    ("2025-11,CHN,USA,rare_earth_magnets,850511,-5,,,,,T,https://x.test", "quantity_t '-5' is negative"),
    ("2025-11,CHN,USA,rare_earth_magnets,850511,abc,,,,,T,https://x.test", "quantity_t 'abc' is not a number"),
    ("2025-11,CHN,USA,magnets,850511,1,,,,,T,https://x.test", "product 'magnets' is unknown"),
    ("2025-11,CHN,USA,rare_earth_magnets,2846,1,,,,,T,https://x.test", "hs_code '2846' does not match"),
    ("2025-11,CHN,USA,rare_earth_magnets,850511,1,5,EUR,,,T,https://x.test", "value_currency 'EUR'"),
    ("2025-11,CHN,USA,rare_earth_magnets,850511,1,,,,,T,ftp://x.test", "not an http(s) URL"),
    ("2025-11,CHN,USA,rare_earth_magnets,850511,,,,,,T,https://x.test", "row has no figure"),
    ("2025-03,CHN,USA,rare_earth_magnets,850511,1,,,,,T [JAN-FEB 2025 CUMULATIVE],https://x.test",
     "expected 2025-02"),
    ("2025-11,CHN,USA,rare_earth_magnets,850511,1,,,,,,https://x.test", "source_title is empty"),
    ("2025-11,CHN,USA,rare_earth_magnets,850511,1", "expected 12 fields"),
    ("2025-11,CHN,USA,rare_earth_magnets,850511,nan,,,,,T,https://x.test", "not a finite number"),
]


@pytest.mark.parametrize(("row", "reason"), BAD_ROWS)
def test_bad_row_names_file_line_and_reason(tmp_path: Path, row: str, reason: str) -> None:
    p = _write(tmp_path, GOOD + "\n" + row)
    with pytest.raises(DataFileError) as ei:
        parse_file(p, vintage=None, today=TODAY)
    msg = str(ei.value)
    assert msg.startswith(f"{p} line 3: "), msg
    assert reason in msg
    assert "\n" not in msg


def test_missing_header_column(tmp_path: Path) -> None:
    p = _write(tmp_path, GOOD.rsplit(",", 1)[0], header=FLOWS_HEADER.rsplit(",", 1)[0])
    with pytest.raises(DataFileError, match="line 1: header lacks column"):
        parse_file(p, fmt="flows", vintage=None, today=TODAY)


@pytest.mark.parametrize(("content", "reason"), [(b"", "empty file"), (b"\xff\xfe\x00\x01binary", "binary"),
                                                  (FLOWS_HEADER.encode() + b"\n2025-11,CHN,USA,rare_earth_magnets,"
                                                   b"850511,1,,,,,Caf\xe9,https://x.test\n", "not UTF-8")])
def test_unreadable_files(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "f.csv"
    p.write_bytes(content)
    with pytest.raises(DataFileError, match=reason):
        parse_file(p, fmt="flows", vintage=None, today=TODAY)


def test_auto_detects_each_embedded_schema() -> None:
    for name, fmt in EMBEDDED_FILES:
        assert detect_format(DATA / name).name == fmt == TABLE_IMPORTERS[fmt].name


def test_vintage_column_then_option_then_today(tmp_path: Path) -> None:
    p = _write(tmp_path, GOOD)
    _, b = parse_file(p, vintage=None, today=TODAY)
    assert b.observations[0].vintage == TODAY and not b.observations[0].vintage_estimated
    _, b = parse_file(p, vintage=date(2099, 2, 20), today=TODAY)
    assert b.observations[0].vintage == date(2099, 2, 20)
    p2 = _write(tmp_path, GOOD + ",2099-03-01", header=FLOWS_HEADER + ",vintage", name="v.csv")
    _, b = parse_file(p2, vintage=date(2099, 2, 20), today=TODAY)
    assert b.observations[0].vintage == date(2099, 3, 1)
