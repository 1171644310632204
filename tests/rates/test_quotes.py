"""Quote files: every bad-quote case is a one-line error naming the file and the row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradelane.errors import DataFileError, TradelaneError
from tradelane.rates.quotes import fix_panel, parse_quotes, parse_quotes_text

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "rates"


@pytest.mark.parametrize(("name", "tenor", "line", "reason"), [
    ("dup_bank.csv", None, 4, "bank 'SYNTH-A' quotes 1y twice (also line 2)"),
    ("non_numeric.csv", None, 3, "quote_pct 'three' is not a number"),
    ("negative.csv", None, 4, "quote_pct -0.05 is negative"),
    ("too_few.csv", None, None, "only 2 1y quote(s) (lines 2, 3); the method needs at least 3"),
    ("mixed.csv", None, 4, "tenor 5y mixed with 1y (line 2); choose one with --tenor 1y or --tenor 5y"),
    ("mixed.csv", "5y", None, "only 1 5y quote(s) (lines 4)"),
    ("empty.csv", None, None, "empty file"),
    ("header_only.csv", None, None, "no quote rows below the header"),
    ("bad_tenor.csv", None, 3, "tenor '10y' is unknown"),
])
def test_bad_quote_files(name: str, tenor: str | None, line: int | None, reason: str) -> None:
    path = FIX / name
    with pytest.raises(DataFileError) as ei:
        parse_quotes(path, tenor=tenor)
    e = ei.value
    assert e.line == line
    assert e.file == str(path)
    assert reason in str(e)
    assert "\n" not in str(e)
    assert str(e).startswith(f"{path} line {line}:" if line is not None else f"{path}:")


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("bank,tenor,quote_pct\nA,1y,3.00\n,1y,3.05\nC,1y,3.10\n", 3, "bank is empty"),
    ("bank,tenor,quote_pct\nA,1y,3.00\nB,1y,\nC,1y,3.10\n", 3, "quote_pct is empty"),
    ("bank,tenor,quote_pct\nA,1y,3.00\nB,1y,nan\nC,1y,3.10\n", 3, "not a finite number"),
    ("bank,tenor,quote_pct\nA,1y,3.00\nB,1y,Infinity\nC,1y,3.10\n", 3, "not a finite number"),
    ("bank,tenor,quote_pct\nA,1y,3.00\nB,1y,305\nC,1y,3.10\n", 3, "not a percentage rate"),
    ("bank,tenor\nA,1y\n", 1, "header lacks column(s) quote_pct"),
    ("bank,tenor,quote_pct\nA,1y,3.00,extra\n", 2, "expected 3 fields"),
    ("bank,tenor,quote_pct\nA,1y,3.00\na,1Y,3.05\nC,1y,3.10\n", 3, "quotes 1y twice"),  # bank names ignore case
    ("   \n", None, "empty file"),
])
def test_bad_quote_text(text: str, line: int | None, reason: str) -> None:
    with pytest.raises(DataFileError) as ei:
        parse_quotes_text(text, "q.csv")
    assert ei.value.line == line
    assert reason in str(ei.value) and "\n" not in str(ei.value)


def test_off_step_is_a_warning_not_an_error() -> None:
    qs = parse_quotes(FIX / "off_step.csv")
    assert qs.warnings == (f"{FIX / 'off_step.csv'} line 3: quote_pct 3.03 is off the 0.05 step",)
    assert fix_panel(qs).lpr == Decimal("3.05")  # kept 3.03, 3.05: mean 3.04 → 3.05


def test_tenor_selection_and_aliases() -> None:
    one = parse_quotes(FIX / "panel_20_mixed.csv", tenor="1Y")
    five = parse_quotes(FIX / "panel_20_mixed.csv", tenor="5-year")
    assert (one.tenor, len(one.quotes), five.tenor, len(five.quotes)) == ("1y", 20, "5y", 20)
    # the same bank may quote both tenors; it is a duplicate only within one tenor
    assert {q.bank for q in one.quotes} == {q.bank for q in five.quotes}
    with pytest.raises(DataFileError, match="--tenor '3y' is unknown"):
        parse_quotes(FIX / "panel_20_mixed.csv", tenor="3y")


def test_fix_panel_names_the_dropped_banks() -> None:
    f = fix_panel(parse_quotes(FIX / "panel_20_1y.csv"))
    assert (f.dropped_low.bank, f.dropped_low.quote_pct) == ("SYNTH-19", Decimal("2.90"))
    assert (f.dropped_high.bank, f.dropped_high.quote_pct) == ("SYNTH-20", Decimal("3.20"))
    assert len(f.kept) == 18 and f.lpr == Decimal("3.00")
    d = f.as_dict()
    assert list(d)[:6] == ["tenor", "file", "quotes", "dropped_high", "dropped_low", "kept"]
    assert d["mean"] == 3.0 and d["lpr"] == 3.0 and d["warnings"] == []


@pytest.mark.parametrize(("rule", "lpr"), [("half_up", "3.05"), ("half_down", "3.00"), ("half_even", "3.00")])
def test_twenty_bank_tie(rule: str, lpr: str) -> None:
    """9 banks at 3.00 and 9 at 3.05 after trimming: the mean is exactly 3.025."""
    f = fix_panel(parse_quotes(FIX / "tie_20.csv"), rule)  # type: ignore[arg-type]
    assert f.mean == Decimal("3.025") and f.tie and f.lpr == Decimal(lpr)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    """Fuzz: any text either parses or raises a one-line tradelane error."""
    try:
        parse_quotes_text("bank,tenor,quote_pct\n" + text, "fuzz.csv")
    except TradelaneError as e:
        assert "\n" not in str(e)
