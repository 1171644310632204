"""One contract, every registered importer: sniff, parse, errors, determinism, no crash on junk."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelane.errors import DataFileError
from tradelane.sources import IMPORTERS, detect_format, parse_file

from .conftest import BAD, GOOD

TODAY = date(2031, 9, 1)
_DATA = Path(str(resources.files("tradelane.data")))

# every registered importer -> files in its format (the table schemas use the packaged real data)
GOOD_FILES: dict[str, list[Path]] = {
    "flows": [_DATA / "trade_flows.csv"],
    "flows_annual": [_DATA / "trade_flows_annual.csv"],
    "lpr": [GOOD / "lpr_published_zh.csv", GOOD / "lpr_published_en.csv", _DATA / "lpr.csv"],
    "rates": [_DATA / "policy_rates.csv"],
    "polls": [_DATA / "lpr_polls.csv"],
    "events": [_DATA / "policy_events.csv"],
    "customs": [GOOD / "customs_gbk.csv", GOOD / "customs.xlsx"],
    "comtrade": [GOOD / "comtrade_api.json", GOOD / "comtrade_bulk.txt"],
}

# (format, file, line, reason fragment)
BAD_FILES = [
    ("customs", "customs_missing_header.csv", 1, "header lacks column(s) 第一数量"),
    ("customs", "customs_wrong_encoding.csv", 3, "neither UTF-8 nor GBK"),
    ("customs", "customs_bad_quantity.csv", 5, "第一数量 '33,3OO' is not a number"),
    ("customs", "customs_unknown_unit.csv", 5, "第一计量单位 '磅' is not a known mass unit"),
    ("customs", "customs_unknown_partner.csv", 5, "unknown partner 贸易伙伴名称 '合成国'"),
    ("comtrade", "comtrade_missing_header.txt", 1, "header lacks column(s) flowCode"),
    ("comtrade", "comtrade_wrong_encoding.txt", 2, "neither UTF-8 nor GBK"),
    ("comtrade", "comtrade_bad_quantity.json", 2, "netWgt '12x' is not a number"),
    ("comtrade", "comtrade_unknown_unit.txt", 3, "qtyUnitAbbr 'lbs' is not a unit"),
    ("comtrade", "comtrade_export_flow.txt", 2, "flowCode 'M' is not X"),
    ("lpr", "lpr_missing_header.csv", 1, "header lacks a date, 1-year and over-5-year column"),
    ("lpr", "lpr_wrong_encoding.csv", 3, "neither UTF-8 nor GBK"),
    ("lpr", "lpr_bad_number.csv", 3, "1年期 '三' is not a number"),
]


def test_every_registered_importer_has_fixtures() -> None:
    assert set(GOOD_FILES) == set(IMPORTERS)


CASES = [(name, f) for name, files in GOOD_FILES.items() for f in files]


@pytest.mark.parametrize(("name", "path"), CASES, ids=[f"{n}:{p.name}" for n, p in CASES])
def test_contract_good_file(name: str, path: Path) -> None:
    imp = IMPORTERS[name]
    assert imp.name == name and imp.description
    assert imp.sniff(path, path.read_bytes()[:65536])
    assert detect_format(path).name == name  # auto-detect finds the same format
    batch = imp.parse(path, vintage=date(2031, 8, 1), today=TODAY)
    assert batch.format == name and len(batch) > 0
    for o in batch.observations:
        assert o.series_key in batch.series
        assert o.source_file == str(path) and o.source_line >= 1
        assert o.source_title
    again = imp.parse(path, vintage=date(2031, 8, 1), today=TODAY)
    assert again.observations == batch.observations  # deterministic


@pytest.mark.parametrize(("fmt", "file", "line", "reason"), BAD_FILES, ids=[b[1] for b in BAD_FILES])
def test_contract_bad_file_one_line_error(fmt: str, file: str, line: int, reason: str) -> None:
    path = BAD / file
    with pytest.raises(DataFileError) as ei:
        parse_file(path, fmt=fmt, vintage=None, today=TODAY)
    msg = str(ei.value)
    assert "\n" not in msg
    assert msg.startswith(f"{path} line {line}: "), msg
    assert reason in msg
    assert ei.value.line == line


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_junk_never_crashes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("junk") / "junk.csv"
    path.write_bytes(data)
    for name in ("customs", "comtrade", "lpr"):
        imp = IMPORTERS[name]
        imp.sniff(path, data)  # never raises
        try:
            imp.parse(path, vintage=None, today=TODAY)
        except DataFileError as e:
            assert "\n" not in str(e)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["美国", "德国", "日本", "韩国"]),
                               st.integers(min_value=0, max_value=10**9)), min_size=1, max_size=6))
def test_customs_sum_equals_rows(tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, int]]) -> None:
    header = "数据年月,商品编码,商品名称,贸易伙伴名称,第一数量,第一计量单位"
    lines = [header] + [f'203201,8505111000,合成,{p},"{q:,}",千克' for p, q in rows]
    path = tmp_path_factory.mktemp("c") / "c.csv"
    path.write_bytes("\n".join(lines).encode("gbk"))
    batch = IMPORTERS["customs"].parse(path, vintage=None, today=TODAY)
    got = {o.series_key.split("/")[2]: o.value for o in batch.observations}
    from tradelane.sources.customs import partner_from_chinese

    want: dict[str, float] = {}
    for p, q in rows:
        iso = partner_from_chinese(p)
        assert iso is not None
        want[iso] = want.get(iso, 0) + q / 1000
    assert got.keys() == want.keys()
    for k, v in want.items():
        assert got[k] == pytest.approx(v)
