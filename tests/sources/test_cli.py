"""The CLI over the new commands: one-line errors, store untouched, revisions and alerts JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradelane.cli.app import main
from tradelane.store import Store

from .conftest import BAD, GOOD, fingerprint


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    p = tmp_path / "t.duckdb"
    Store.open(p).close()
    return p


@pytest.mark.parametrize("file", ["customs_missing_header.csv", "customs_wrong_encoding.csv",
                                  "customs_bad_quantity.csv", "customs_unknown_unit.csv",
                                  "comtrade_bad_quantity.json", "comtrade_unknown_unit.txt", "lpr_bad_number.csv"])
def test_ingest_malformed_one_line_and_store_unchanged(db: Path, file: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db) as s:
        before = fingerprint(s)
    code = main(["ingest", str(BAD / file), "--format", file.split("_")[0], "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith(f"error: {BAD / file} line ")
    with Store.open(db) as s:
        assert fingerprint(s) == before


def test_ingest_auto_says_what_it_detected(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(GOOD / "customs_gbk.csv"), "--vintage", "2031-04-20", "--db", str(db)]) == 0
    assert "detected format: customs" in capsys.readouterr().out
    assert main(["lanes", "--period", "2031-03", "--format", "json", "--db", str(db)]) == 0
    rows = {r["partner"]: r["quantity_t"] for r in json.loads(capsys.readouterr().out)}
    assert rows == {"DEU": 222, "USA": pytest.approx(122.1), "JPN": pytest.approx(33.3)}


def test_revisions_and_alerts_json(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rev = tmp_path / "rev.csv"
    rev.write_text("period,reporter,partner,product,hs_code,quantity_t,value,value_currency,yoy_pct_reported,"
                   "mom_pct_reported,source_title,source_url\n2025-11,CHN,USA,rare_earth_magnets,850511,590,,,,,"
                   "Synthetic revised figure for tests,\n", encoding="utf-8")
    assert main(["ingest", str(rev), "--vintage", "2026-02-20", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["revisions", "--format", "json", "--db", str(db)]) == 0
    revs = json.loads(capsys.readouterr().out)
    assert [(r["old_value"], r["new_value"], r["new_vintage"]) for r in revs] == [(582.0, 590.0, "2026-02-20")]
    rules = tmp_path / "alerts.toml"
    rules.write_text('[[rule]]\nname="fall"\nkind="mom_drop_pct"\nthreshold=10\nproduct="rare_earth_magnets"\n'
                     'partners=["*"]\n', encoding="utf-8")
    assert main(["alerts", "--rules", str(rules), "--period", "2025-11", "--as-of", "2026-02-01", "--format", "json",
                 "--db", str(db)]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [(a["partner"], a["value"]) for a in got] == [("USA", -11.28)]
