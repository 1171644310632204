"""Table-driven tests of the small pieces: numbers, units, dates, partners, tolerance."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims.clean import split_sentences
from tradelane.claims.dates import find_date, resolve_month
from tradelane.claims.extract import quantities
from tradelane.claims.lexicon import partner_of
from tradelane.claims.verify import tolerance


@pytest.mark.parametrize(("text", "expected"), [
    ("582 tons", [(582.0, "t", None)]),
    ("6,150 metric tons", [(6150.0, "t", None)]),
    ("about 2,569 tonnes", [(2569.0, "t", None)]),
    ("less than 50 tons", [(50.0, "t", "upper")]),
    ("more than 1,000 t", [(1000.0, "t", "lower")]),
    ("11 per cent", [(11.0, "pct", None)]),
    ("-11% m/m", [(11.0, "pct", None)]),  # the sign is kept apart (q.sign)
    ("0.1 percentage point", [(10.0, "bp", None)]),
    ("25 basis points", [(25.0, "bp", None)]),
    ("a 10-basis-point cut", [(10.0, "bp", None)]),
    ("10 bps", [(10.0, "bp", None)]),
    ("$301.8 million", [(301_800_000.0, "usd", None)]),
    ("$1 trillion", [(1e12, "usd", None)]),
    ("2 billion yuan", [(2e9, "cny", None)]),
    ("for the seventh month in a row", [(7.0, "streak", None)]),
    ("a third straight monthly decline", [(3.0, "streak", None)]),
    ("the lowest in nine months", [(9.0, "rank", None)]),
])
def test_quantities(text: str, expected: list[tuple[float, str, str | None]]) -> None:
    got = [(q.value, q.unit, q.bound) for q in quantities(text) if q.unit != "bare"]
    assert got == expected


@pytest.mark.parametrize("text", ["10 to 20 basis points", "10–20-basis-point cuts"])
def test_ranges_are_marked(text: str) -> None:
    assert all(q.is_range for q in quantities(text) if q.unit == "bp")


@pytest.mark.parametrize(("text", "expected"), [
    ("April 20, 2026 · 4 min read", date(2026, 4, 20)),
    ("Monday, 22 December 2025", date(2025, 12, 22)),
    ("2026-01-20 09:32   Source: x", date(2026, 1, 20)),
    ("20/11/2025 09:05 CST", date(2025, 11, 20)),
    ("no date here", None),
])
def test_find_date(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


def test_resolve_month_against_reference() -> None:
    assert resolve_month(11, date(2026, 4, 20)).label == "2025-11"
    assert resolve_month(3, date(2026, 4, 20)).label == "2026-03"


@pytest.mark.parametrize(("word", "code"), [
    ("US-bound", "USA"), ("US-directed", "USA"), ("U.S.", "USA"), ("America", "USA"), ("American", "USA"),
    ("Germany's", "DEU"), ("South Korean", "KOR"), ("EU", "EUU"), ("European Union", "EUU"), ("Japanese", "JPN"),
])
def test_partner_of(word: str, code: str) -> None:
    assert partner_of(word) == code


def test_tolerance_follows_stated_precision() -> None:
    assert tolerance(11, 0) == pytest.approx(0.5)
    assert tolerance(3.2, 1) == pytest.approx(0.05)


def test_glued_repeated_sentences_split() -> None:
    parts = [s[2] for s in split_sentences("Exports fell in May.Exports fell in May. The U.S. took 5 t.")]
    assert parts == ["Exports fell in May.", "Exports fell in May.", "The U.S. took 5 t."]
