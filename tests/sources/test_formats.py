"""Format specifics (golden files) and the must-show flows on a temporary store."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

import pytest

from tradelane.analytics.lanes import lanes
from tradelane.errors import DataFileError
from tradelane.model import Period
from tradelane.sources import IMPORTERS, parse_file
from tradelane.sources.customs import parse_number, partner_from_chinese, product_for_code
from tradelane.store import Store
from tradelane.store.catalog import history
from tradelane.store.revisions import revisions

from .conftest import BAD, GOOD, fingerprint

GOLDEN = Path(__file__).parent.parent / "fixtures" / "sources" / "golden"
TODAY = date(2031, 9, 1)


def _batch_json(path: Path) -> list[dict[str, object]]:
    _, batch = parse_file(path, vintage=date(2031, 8, 1), today=TODAY)
    out = []
    for o in batch.observations:
        d = asdict(o)
        d["period"] = o.period.label
        d["vintage"] = o.vintage.isoformat()
        d["obs_date"] = o.obs_date.isoformat() if o.obs_date else None
        d["source_file"] = Path(o.source_file).name
        d["extra"] = json.loads(o.extra) if o.extra else None
        out.append(d)
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in GOOD.iterdir()))
def test_golden(name: str) -> None:
    got = _batch_json(GOOD / name)
    golden = GOLDEN / (name + ".expected.json")
    if os.environ.get("TRADELANE_REGEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "want"), [("12,345.6", 12345.6), ("900", 900.0), ("1,000,000", 1e6)])
def test_parse_number(text: str, want: float) -> None:
    assert parse_number(text) == want


@pytest.mark.parametrize("text", ["12,34", "1.2.3", "abc", "", "1,0000"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(("name", "iso3"), [("美国", "USA"), ("德国", "DEU"), ("日本", "JPN"), ("韩国", "KOR"),
                                            ("中国香港", "HKG"), ("中国台湾", "TWN"), ("世界", "WLD"), ("欧盟", "EUU"),
                                            ("印度", "IND"), ("越南", "VNM")])
def test_partner_names_from_cldr(name: str, iso3: str) -> None:
    assert partner_from_chinese(name) == iso3


@pytest.mark.parametrize(("code", "product"), [("85051110", "rare_earth_magnets"), ("8505111000", "rare_earth_magnets"),
                                               ("28053011", "rare_earths"), ("2846901900", "rare_earths"),
                                               ("85051190", None), ("72021100", None)])
def test_commodity_codes(code: str, product: str | None) -> None:
    assert product_for_code(code) == product


def test_customs_gbk_kg_to_tonnes_and_split() -> None:
    _, b = parse_file(GOOD / "customs_gbk.csv", vintage=None, today=TODAY)
    q = {o.series_key: o for o in b.observations}
    usa = q["rare_earth_magnets/CHN/USA"]
    assert usa.value == pytest.approx(122.1)  # 111,000 kg + 11,100 kg
    assert usa.source_rank == 0 and usa.vintage == TODAY
    split = json.loads(usa.extra)["split"]
    assert [s["trade_mode"] for s in split] == ["一般贸易", "进料加工贸易"]
    assert [s["registration_place"] for s in split] == ["宁波", "无锡"]
    assert q["rare_earth_magnets/CHN/USA/value_usd"].value == 1222000
    assert q["rare_earth_magnets/CHN/DEU"].value == 222 and q["rare_earth_magnets/CHN/JPN"].value == pytest.approx(33.3)


def test_customs_unknown_commodity_code_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_bytes("数据年月,商品编码,贸易伙伴名称,第一数量,第一计量单位\n203101,85051190,美国,1,千克\n".encode("gbk"))
    with pytest.raises(DataFileError, match=r"x.csv line 2: 商品编码 '85051190' is not a tradelane product line"):
        parse_file(p, fmt="customs", vintage=None, today=TODAY)


def test_comtrade_flags_and_world() -> None:
    _, b = parse_file(GOOD / "comtrade_api.json", vintage=None, today=TODAY)
    q = {o.series_key: o for o in b.observations}
    usa = q["rare_earth_magnets/CHN/USA"]
    assert usa.value == pytest.approx(123.456)  # netWgt 123456 kg
    assert "isNetWgtEstimated" in usa.flags and "broader than china 85051110" in usa.flags
    assert json.loads(usa.extra)["records"][0]["isNetWgtEstimated"] is True
    assert q["rare_earth_magnets/CHN/WLD"].value == 999  # W00 -> WLD
    assert "isNetWgtEstimated" not in q["rare_earth_magnets/CHN/DEU"].flags


def test_comtrade_bulk_sums_lines_of_a_product() -> None:
    _, b = parse_file(GOOD / "comtrade_bulk.txt", vintage=None, today=TODAY)
    q = {o.series_key: o for o in b.observations}
    assert q["rare_earths/CHN/DEU"].value == 33  # 280530 + 284690, kg -> t
    assert q["rare_earths/CHN/DEU"].source_rank == 0


def test_lpr_published_chinese_headers() -> None:
    _, b = parse_file(GOOD / "lpr_published_zh.csv", vintage=None, today=TODAY)
    first = b.observations[0]
    assert (first.series_key, first.period.label, first.value, first.obs_date) == ("lpr/1y", "2031-01", 3.01,
                                                                                   date(2031, 1, 20))
    assert first.vintage == date(2031, 1, 20)  # published on the fixing day


# ------------------------------------------------------------------ must-show flows on a temp store
@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "t.duckdb")
    yield s
    s.close()


def test_customs_file_lanes_in_tonnes(store: Store) -> None:
    _, b = parse_file(GOOD / "customs_gbk.csv", vintage=date(2031, 4, 20), today=TODAY)
    store.ingest(b, now=datetime(2031, 4, 20))
    rows = {r.partner: r for r in lanes(store.tables, "rare_earth_magnets", Period.parse("2031-03"))}
    assert {k: rows[k].quantity_t for k in ("USA", "DEU", "JPN")} == {"USA": pytest.approx(122.1), "DEU": 222,
                                                                      "JPN": pytest.approx(33.3)}
    before = fingerprint(store)
    store.ingest(b, now=datetime(2031, 4, 21))  # re-ingest: no-op
    assert fingerprint(store) == before


def test_comtrade_flags_visible_in_history(store: Store) -> None:
    _, b = parse_file(GOOD / "comtrade_api.json", vintage=date(2031, 6, 15), today=TODAY)
    store.ingest(b, now=datetime(2031, 6, 15))
    h = [r for r in history(store.tables, "rare_earth_magnets/CHN/USA") if r["period"] == "2031-05"]
    assert len(h) == 1 and "isNetWgtEstimated" in h[0]["flags"] and "estimated by Comtrade" in h[0]["source_title"]


REVISED = ("period,reporter,partner,product,hs_code,quantity_t,value,value_currency,yoy_pct_reported,"
           "mom_pct_reported,source_title,source_url\n"
           "2025-11,CHN,USA,rare_earth_magnets,850511,590,,,,,Synthetic revised figure for tests,\n")


def test_revision_new_vintage_and_as_of(store: Store, tmp_path: Path) -> None:
    p = tmp_path / "rev.csv"
    p.write_text(REVISED, encoding="utf-8")
    _, b = parse_file(p, vintage=date(2026, 2, 20), today=TODAY)
    assert store.ingest(b, now=datetime(2026, 2, 20)).observations_added == 1
    assert store.ingest(b, now=datetime(2026, 2, 21)).observations_added == 0
    revs = revisions(store.tables)
    assert [(r.series_key, r.period, r.old_value, r.new_value, r.new_vintage) for r in revs] == [
        ("rare_earth_magnets/CHN/USA", "2025-11", 582.0, 590.0, date(2026, 2, 20))]
    assert revisions(store.tables, as_of=date(2026, 2, 1)) == []
    assert revisions(store.tables, since=date(2026, 2, 21)) == []
    month = Period.parse("2025-11")
    now = {r.partner: r.quantity_t for r in lanes(store.tables, "rare_earth_magnets", month)}
    then = {r.partner: r.quantity_t for r in lanes(store.tables, "rare_earth_magnets", month, as_of=date(2026, 2, 1))}
    assert now["USA"] == 590 and then["USA"] == 582


@pytest.mark.parametrize("file", sorted(p.name for p in BAD.iterdir()))
def test_malformed_file_leaves_store_unchanged(store: Store, file: str) -> None:
    before = fingerprint(store)
    fmt = file.split("_")[0]
    with pytest.raises(DataFileError):
        _, b = parse_file(BAD / file, fmt=fmt, vintage=None, today=TODAY)
        store.ingest(b, now=datetime(2031, 1, 1))
    assert fingerprint(store) == before
    assert fmt in IMPORTERS
