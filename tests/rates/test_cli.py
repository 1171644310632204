"""`tradelane rates …` as a user meets it: JSON shapes, one-line errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tradelane.cli import main

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "rates"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rates") / "store.duckdb"


@pytest.fixture(autouse=True)
def _env(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRADELANE_DB", str(db))
    monkeypatch.delenv("TRADELANE_LPR_TIE_RULE", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_rates_json_must_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rates", "--as-of", "2025-12-31", "--format", "json")
    assert code == 0
    d = json.loads(out)
    for key in ("lpr_1y", "lpr_5y", "reverse_repo_7d", "spread_1y_7d_bp", "spread_5y_1y_bp", "unchanged_streak",
                "last_change_date", "last_change_bp", "unchanged_streak_ordinal", "as_of", "fixing_date", "sources"):
        assert key in d
    assert (d["lpr_1y"], d["lpr_5y"], d["reverse_repo_7d"], d["unchanged_streak"]) == (3.0, 3.5, 1.4, 7)
    assert (d["spread_1y_7d_bp"], d["spread_5y_1y_bp"], d["last_change_date"], d["last_change_bp"]) == (
        160, 50, "2025-05-20", -10)
    assert d["sources"]["reverse_repo_7d"]["vintage"] == "2025-05-08"


def test_rates_table_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rates", "--as-of", "2025-12-31")
    assert code == 0 and "seventh straight month" in out and "3.0%" in out and "1.4%" in out
    assert "vintage 2025-12-22" in out
    code, out, _ = run(capsys, "rates", "--as-of", "2025-12-31", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["unchanged_streak"] == "7" and "sources" not in rows[0]


def test_rates_bad_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rates", "--as-of", "2025-13-01")
    assert code == 2 and err.count("\n") == 1 and "--as-of '2025-13-01'" in err


def test_history_csv_and_range(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rates", "history", "--from", "2025-04", "--to", "2025-06-30", "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["period"] for r in rows] == ["2025-04", "2025-05", "2025-06"]
    assert rows[1]["change_1y_bp"] == "-10" and rows[1]["reverse_repo_7d"] == "1.4" and rows[1]["mlf_1y"] == ""


def test_polls_json_december_2025(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rates", "polls", "--format", "json")
    assert code == 0
    polls = json.loads(out)
    for p in polls:
        assert {"poll_date", "fixing_date", "respondents", "expect_unchanged", "consensus_1y", "consensus_5y",
                "unanimous", "hit", "surprise_bp", "outcome_1y", "outcome_5y", "source_url"} <= set(p)
    dec = next(p for p in polls if p["fixing_date"] == "2025-12-22")
    assert (dec["respondents"], dec["expect_unchanged"], dec["unanimous"], dec["hit"]) == (25, 25, True, True)
    no_counts = next(p for p in polls if p["fixing_date"] == "2020-03-20")
    assert no_counts["respondents"] is None and no_counts["hit"] is None


def test_fix_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rates", "fix", str(FIX / "panel_20_mixed.csv"), "--tenor", "5y", "-f", "json")
    assert code == 0
    d = json.loads(out)
    assert list(d)[:1] == ["tenor"]
    assert {"tenor", "quotes", "dropped_high", "dropped_low", "mean", "lpr", "tie_rule", "warnings"} <= set(d)
    assert (d["tenor"], d["lpr"], d["tie_rule"], len(d["quotes"])) == ("5y", 3.5, "half_up", 20)
    assert (d["dropped_high"]["quote_pct"], d["dropped_low"]["quote_pct"]) == (3.7, 3.4)
    assert d["mean"] == pytest.approx(62.95 / 18, abs=1e-6)


def test_fix_tie_rule_from_setting_and_option(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(FIX / "tie_20.csv")
    assert json.loads(run(capsys, "rates", "fix", path, "-f", "json")[1])["lpr"] == 3.05
    monkeypatch.setenv("TRADELANE_LPR_TIE_RULE", "half_down")
    d = json.loads(run(capsys, "rates", "fix", path, "-f", "json")[1])
    assert (d["lpr"], d["tie_rule"], d["tie"]) == (3.0, "half_down", True)
    d = json.loads(run(capsys, "rates", "fix", path, "-f", "json", "--tie-rule", "half_up")[1])
    assert d["lpr"] == 3.05
    code, _, err = run(capsys, "rates", "fix", path, "--tie-rule", "nearest")
    assert code == 2 and "tie rule 'nearest' is unknown" in err


def test_fix_table_shows_each_step_and_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rates", "fix", str(FIX / "off_step.csv"))
    assert code == 0
    assert "dropped (highest)" in out and "dropped (lowest)" in out and "mean of 2 kept quotes: 3.040000%" in out
    assert "LPR = 3.05%" in out and "warning:" in out and "line 3: quote_pct 3.03 is off the 0.05 step" in out


@pytest.mark.parametrize(("name", "where"), [
    ("dup_bank.csv", "dup_bank.csv line 4:"), ("non_numeric.csv", "non_numeric.csv line 3:"),
    ("negative.csv", "negative.csv line 4:"), ("mixed.csv", "mixed.csv line 4:"),
    ("too_few.csv", "(lines 2, 3)"), ("empty.csv", "empty.csv: empty file"),
    ("no_such_file.csv", "no_such_file.csv: cannot read file"),
])
def test_fix_bad_files_one_line(capsys: pytest.CaptureFixture[str], name: str, where: str) -> None:
    code, out, err = run(capsys, "rates", "fix", str(FIX / name))
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and where in err
    assert "Traceback" not in err


def test_chart_svg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "rates.svg"
    code, out, _ = run(capsys, "rates", "chart", "-o", str(out_path), "--from", "2025-01", "--as-of", "2025-12-31")
    assert code == 0 and "12 fixings" in out
    svg = out_path.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "1-year LPR" in svg and "7-day reverse repo" in svg


def test_chart_rejects_other_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rates", "chart", "-o", str(tmp_path / "x.gif"))
    assert code == 2 and "must end in .svg or .png" in err
