"""Periods, keys and partner codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradelane.errors import InputError
from tradelane.model import Period, SeriesKey, is_partner_code, ordinal, partner_name


@pytest.mark.parametrize(
    ("text", "freq", "months", "label"),
    [
        ("2025-11", "M", 1, "2025-11"),
        ("2026-01/2026-02", "M", 2, "2026-01/2026-02"),
        ("2025", "A", 12, "2025"),
        ("2025-05-08", "D", 0, "2025-05-08"),
    ],
)
def test_period_parse(text: str, freq: str, months: int, label: str) -> None:
    p = Period.parse(text)
    assert (p.freq, p.months, p.label) == (freq, months, label)


@pytest.mark.parametrize("bad", ["2025-13", "25-11", "2025/11", "", "2026-03/2026-01", "November"])
def test_period_parse_rejects(bad: str) -> None:
    with pytest.raises(InputError, match="period"):
        Period.parse(bad)


@given(st.integers(1990, 2100), st.integers(1, 12), st.integers(-40, 40))
def test_month_label_round_trip_and_shift(year: int, month: int, n: int) -> None:
    p = Period.month(year, month)
    assert Period.parse(p.label) == p
    assert p.shift_months(n).shift_months(-n) == p
    assert p.shift_months(12).start.year == year + 1


def test_jan_feb_is_not_february() -> None:
    jf = Period.parse("2026-01/2026-02")
    assert jf != Period.parse("2026-02")
    assert jf.last_month() == Period.parse("2026-02")
    assert jf.describe() == "January-February 2026"
    assert jf.shift_months(-12).label == "2025-01/2025-02"


def test_series_key() -> None:
    k = SeriesKey.parse("rare_earth_magnets/CHN/USA")
    assert (k.product, k.reporter, k.partner, str(k)) == ("rare_earth_magnets", "CHN", "USA",
                                                          "rare_earth_magnets/CHN/USA")
    assert str(SeriesKey.trade("rare_earths", "CHN", "WLD", "value_usd")) == "rare_earths/CHN/WLD/value_usd"
    with pytest.raises(InputError):
        SeriesKey.parse("magnets//USA")


def test_partner_codes_come_from_cldr() -> None:
    assert is_partner_code("USA") and is_partner_code("KOR") and is_partner_code("VNM")
    assert is_partner_code("WLD") and is_partner_code("EUU")
    assert not is_partner_code("XXX") and not is_partner_code("usa")
    assert partner_name("DEU") == "Germany"
    assert partner_name("EUU") == "European Union"


@pytest.mark.parametrize(("n", "word"), [(1, "first"), (7, "seventh"), (12, "twelfth"), (13, "13th"), (21, "21st"),
                                         (22, "22nd"), (23, "23rd"), (111, "111th")])
def test_ordinal(n: int, word: str) -> None:
    assert ordinal(n) == word
