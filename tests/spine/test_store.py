"""The vintaged store: preference rule, as-of views, idempotent and atomic ingest."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tradelane.errors import ConflictError, DataFileError, EngineError
from tradelane.model import Period
from tradelane.sources import parse_file
from tradelane.store import Store, current_view
from tradelane.store.catalog import catalog, history

from .helpers import store_fingerprint

NOW = datetime(2026, 11, 26, 12, 0)
HEADER = ("period,reporter,partner,product,hs_code,quantity_t,value,value_currency,yoy_pct_reported,"
          "mom_pct_reported,source_title,source_url")


def _shown(store: Store, key: str, period: str, as_of: date | None = None) -> dict:
    c = current_view(store.tables.observations, as_of)
    rows = c.filter((c.series_key == key) & (c.period == period)).to_pyarrow().to_pylist()
    assert len(rows) <= 1
    return rows[0] if rows else {}


def test_every_source_is_kept_and_one_is_shown(embedded_store: Store) -> None:
    rows = history(embedded_store.tables, "rare_earth_magnets/CHN/WLD")
    may = [r for r in rows if r["period"] == "2025-05"]
    assert sorted(r["value"] for r in may) == [1238.0, 1238.0, 1238.47]
    assert sum(r["shown"] for r in may) == 1
    # wire services outrank other publications: the Bloomberg figure, not SMM's
    shown = _shown(embedded_store, "rare_earth_magnets/CHN/WLD", "2025-05")
    assert shown["value"] == 1238.0 and shown["n_sources"] == 3


def test_disputed_figure_is_kept_but_not_shown(embedded_store: Store) -> None:
    rows = [r for r in history(embedded_store.tables, "rare_earth_magnets/CHN/JPN") if r["period"] == "2025-12"]
    assert {r["value"] for r in rows} == {280.0, 411.3}
    assert [r["value"] for r in rows if r["shown"]] == [280.0]


def test_show_prefers_a_figure_to_an_empty_cell(fresh_store: Store, tmp_path: Path) -> None:
    p = tmp_path / "f.csv"
    p.write_text(HEADER + "\n2099-03,CHN,KOR,rare_earth_magnets,850511,,,,5,,Reuters synthetic,https://a.test/1\n"
                 "2099-03,CHN,KOR,rare_earth_magnets,850511,77,,,,,Other synthetic,https://b.test/2\n")
    fresh_store.ingest(parse_file(p, vintage=date(2099, 4, 20), today=date(2099, 4, 20))[1], now=NOW)
    assert _shown(fresh_store, "rare_earth_magnets/CHN/KOR", "2099-03")["value"] == 77.0


def test_ingesting_the_same_file_twice_changes_nothing(fresh_store: Store, tmp_path: Path) -> None:
    p = tmp_path / "f.csv"
    p.write_text(HEADER + "\n2099-01,CHN,USA,rare_earth_magnets,850511,12,,,,,Synthetic,https://x.test/1\n")
    r1 = fresh_store.ingest(parse_file(p, vintage=None, today=date(2099, 2, 1))[1], now=NOW)
    fp = store_fingerprint(fresh_store)
    r2 = fresh_store.ingest(parse_file(p, vintage=None, today=date(2099, 3, 1))[1], now=NOW)
    assert (r1.observations_added, r2.observations_added, r2.observations_unchanged) == (1, 0, 1)
    assert store_fingerprint(fresh_store) == fp


def test_re_ingesting_the_embedded_files_is_a_no_op(fresh_store: Store, shared_dir: Path) -> None:
    fp = store_fingerprint(fresh_store)
    for name in ("trade_flows.csv", "lpr.csv", "policy_events.csv", "lpr_polls.csv"):
        res = fresh_store.ingest(parse_file(shared_dir / "data" / name, vintage=None, today=date(2026, 11, 26))[1],
                                 now=NOW)
        assert not res.changed, name
    assert store_fingerprint(fresh_store) == fp


def test_a_changed_figure_under_a_later_release_is_a_new_vintage(fresh_store: Store, tmp_path: Path) -> None:
    src = ("China's rare-earth magnet exports hit second-highest ever in Nov (Reuters via Astro Awani)",
           "https://international.astroawani.com/global-news/chinas-rareearth-magnet-exports-hit-secondhighest-"
           "ever-nov-530000")
    p = tmp_path / "rev.csv"
    p.write_text(HEADER + f'\n2025-11,CHN,USA,rare_earth_magnets,850511,590,,,,,"{src[0]}",https://revised.test/x\n')
    res = fresh_store.ingest(parse_file(p, vintage=date(2026, 2, 20), today=date(2026, 11, 26))[1], now=NOW)
    assert res.observations_added == 1
    key = "rare_earth_magnets/CHN/USA"
    assert _shown(fresh_store, key, "2025-11")["value"] == 590.0
    assert _shown(fresh_store, key, "2025-11", as_of=date(2026, 2, 1))["value"] == 582.0
    assert _shown(fresh_store, key, "2025-11", as_of=date(2025, 12, 1)) == {}  # not yet released
    assert len([r for r in history(fresh_store.tables, key) if r["period"] == "2025-11"]) == 3


def test_a_conflicting_figure_under_the_same_vintage_is_refused(fresh_store: Store, tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(HEADER + "\n2099-01,CHN,USA,rare_earth_magnets,850511,12,,,,,Synthetic,https://x.test/1\n")
    fresh_store.ingest(parse_file(p, vintage=date(2099, 2, 20), today=date(2099, 2, 20))[1], now=NOW)
    fp = store_fingerprint(fresh_store)
    p.write_text(HEADER + "\n2099-02,CHN,USA,rare_earth_magnets,850511,3,,,,,Synthetic,https://x.test/1\n"
                 "2099-01,CHN,USA,rare_earth_magnets,850511,13,,,,,Synthetic,https://x.test/1\n")
    with pytest.raises(ConflictError, match=r"a\.csv line 3: .*2099-01 = 13 conflicts with 12"):
        fresh_store.ingest(parse_file(p, vintage=date(2099, 2, 20), today=date(2099, 2, 20))[1], now=NOW)
    assert store_fingerprint(fresh_store) == fp  # the good 2099-02 row was not written either


def test_ingest_is_atomic_when_the_write_fails(fresh_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "a.csv"
    p.write_text(HEADER + "\n2099-01,CHN,USA,rare_earth_magnets,850511,12,,,,,Synthetic,https://x.test/1\n")
    fp = store_fingerprint(fresh_store)
    batch = parse_file(p, vintage=None, today=date(2099, 2, 1))[1]

    def boom(*a: object, **k: object) -> None:
        raise OSError("disk full (synthetic)")

    monkeypatch.setattr(fresh_store, "_insert_observations", boom)
    with pytest.raises(OSError, match="synthetic"):
        fresh_store.ingest(batch, now=NOW)
    assert store_fingerprint(fresh_store) == fp


def test_store_file_is_created_once_from_the_embedded_data(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "t.duckdb"
    with Store.open(db) as s:
        n = s.table("observations").count().to_pyarrow().as_py()
        assert n > 300
    with Store.open(db, read_only=True) as s:
        assert s.table("observations").count().to_pyarrow().as_py() == n
    assert sorted(x.name for x in db.parent.iterdir()) == ["t.duckdb"]


def test_wrong_schema_version_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store.open(db) as s:
        s.con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(EngineError, match="schema version '0'"):
        Store.open(db)


def test_catalog_lists_trade_and_rate_series(embedded_store: Store) -> None:
    keys = {r["series_key"]: r for r in catalog(embedded_store.tables)}
    assert {"rare_earth_magnets/CHN/USA", "rare_earth_magnets/CHN/WLD", "rare_earths/CHN/WLD", "lpr/1y", "lpr/5y",
            "policy/7d_reverse_repo", "policy/mlf_1y", "rare_earth_magnets/CHN/EUU"} <= set(keys)
    assert keys["rare_earth_magnets/CHN/USA"]["unit"] == "t"
    assert keys["lpr/1y"]["frequency"] == "M"


def test_as_of_hides_later_vintages(embedded_store: Store) -> None:
    c = current_view(embedded_store.tables.observations, date(2025, 6, 30))
    periods = {r["period"] for r in c.filter(c.series_key == "rare_earth_magnets/CHN/USA").to_pyarrow().to_pylist()}
    assert "2025-05" in periods and "2025-06" not in periods


def test_history_of_unknown_series(embedded_store: Store) -> None:
    from tradelane.errors import SeriesNotFound

    with pytest.raises(SeriesNotFound, match="no series 'rare_earth_magnets/CHN/XXX'"):
        history(embedded_store.tables, "rare_earth_magnets/CHN/XXX")


def test_period_type_is_kept(embedded_store: Store) -> None:
    rows = history(embedded_store.tables, "rare_earths/CHN/WLD")
    jf = [r for r in rows if r["period"] == "2025-01/2025-02"]
    assert jf and jf[0]["months"] == 2 and jf[0]["period_start"] == Period.parse("2025-01").start


_ = DataFileError
