"""The CLI as a user meets it: exit codes, one-line errors, byte-identical output after a failed ingest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tradelane.cli import main

HEADER = ("period,reporter,partner,product,hs_code,quantity_t,value,value_currency,yoy_pct_reported,"
          "mom_pct_reported,source_title,source_url")


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    p = tmp_path / "store.duckdb"
    monkeypatch.setenv("TRADELANE_DB", str(p))
    return p


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_lanes_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lanes", "--product", "rare_earth_magnets", "--period", "2025-11", "--format", "json")
    assert code == 0
    rows = {r["partner"]: r for r in json.loads(out)}
    assert rows["USA"]["quantity_t"] == 582 and rows["USA"]["prev_quantity_t"] == 656
    assert abs(rows["USA"]["mom_pct"] - -11.3) <= 0.05 and rows["USA"]["vintage"] and rows["USA"]["source_url"]
    assert rows["WLD"]["quantity_t"] == 6150 and abs(rows["WLD"]["mom_pct"] - 12.4) <= 0.05
    for field in ("partner", "period", "quantity_t", "prev_period", "prev_quantity_t", "mom_pct", "yoy_pct",
                  "share_pct", "rank", "source_title", "source_url", "vintage"):
        assert field in rows["USA"]


def test_lanes_table_and_csv(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lanes", "--period", "2025-05")
    assert code == 0 and "USA" in out and "46" in out and "—" in out and "estimated" in out
    code, out, _ = run(capsys, "lanes", "--period", "2025-11", "--format", "csv")
    lines = out.splitlines()
    assert lines[0].startswith("partner,partner_name,period,period_months,quantity_t")
    assert any(line.startswith("USA,United States,2025-11,1,582.0,2025-10,656.0,-11.28") for line in lines)


def test_db_option_overrides_env(tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.duckdb"
    code, _, _ = run(capsys, "series", "--db", str(other))
    assert code == 0 and other.exists() and not db.exists()


def test_bad_ingest_leaves_lanes_byte_identical(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, before, _ = run(capsys, "lanes", "--period", "2025-11", "--format", "json")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\n2025-11,CHN,USA,rare_earth_magnets,850511,590,,,,,Synthetic,https://x.test/1\n"
                   "2025-11,CHN,DEU,rare_earth_magnets,850511,12x,,,,,Synthetic,https://x.test/1\n"
                   "2025-11,CHN,JPN,rare_earth_magnets,850511,300,,,,,Synthetic,https://x.test/1\n")
    code, _out, err = run(capsys, "ingest", str(bad), "--vintage", "2026-02-20")
    assert code != 0
    assert err.strip() == f"error: {bad} line 3: quantity_t '12x' is not a number"
    _, after, _ = run(capsys, "lanes", "--period", "2025-11", "--format", "json")
    assert after == before


def test_ingest_twice_and_revision(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "\n2025-11,CHN,USA,rare_earth_magnets,850511,590,,,,,Synthetic revision,https://x.test/r\n")
    code, out, _ = run(capsys, "ingest", str(good), "--vintage", "2026-02-20")
    assert code == 0 and "detected format: flows" in out and "added 1" in out
    code, out, _ = run(capsys, "ingest", str(good), "--vintage", "2026-02-20")
    assert code == 0 and "nothing new" in out
    _, now, _ = run(capsys, "lanes", "--period", "2025-11", "--format", "json")
    _, then, _ = run(capsys, "lanes", "--period", "2025-11", "--format", "json", "--as-of", "2026-02-01")
    assert {r["partner"]: r["quantity_t"] for r in json.loads(now)}["USA"] == 590
    assert {r["partner"]: r["quantity_t"] for r in json.loads(then)}["USA"] == 582


def test_show_lists_every_source(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "rare_earth_magnets/CHN/USA", "--format", "json")
    rows = json.loads(out)
    nov = [r for r in rows if r["period"] == "2025-11"]
    assert code == 0 and {r["value"] for r in nov} == {582.0, 581.8} and sum(r["shown"] for r in nov) == 1


@pytest.mark.parametrize(("args", "msg"), [
    (["lanes", "--period", "2025-13"], "--period '2025-13' is not a month"),
    (["lanes", "--product", "gold"], "unknown product 'gold'"),
    (["lanes", "--as-of", "yesterday"], "--as-of 'yesterday' is not a date"),
    (["show", "nope/CHN/USA"], "no series 'nope/CHN/USA'"),
    (["ingest", "/nonexistent/file.csv"], "/nonexistent/file.csv: no such file"),
])
def test_user_errors_are_one_line(db: Path, capsys: pytest.CaptureFixture[str], args: list[str], msg: str) -> None:
    code, _, err = run(capsys, *args)
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and msg in err and "Traceback" not in err


def test_console_script_runs(tmp_path: Path) -> None:
    env = {"TRADELANE_DB": str(tmp_path / "s.duckdb"), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "tradelane", "lanes", "--period", "2025-13"], capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 2 and r.stderr.startswith("error: --period") and "Traceback" not in r.stderr


def test_lanes_defaults_to_the_latest_month(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "lanes", "--format", "json", "--as-of", "2025-12-31")
    assert {r["period"] for r in json.loads(out)} == {"2025-11"}
    _, out, _ = run(capsys, "lanes", "--product", "rare_earths", "--format", "json", "--as-of", "2025-12-31")
    assert {r["period"] for r in json.loads(out)} == {"2025-11"}  # rare earths' November headline came 2025-12-10
