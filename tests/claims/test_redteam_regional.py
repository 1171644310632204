"""Red-team fixtures (prefix ``regional``): regional and wire styles scraped as PLAIN TEXT.

All three are hard-wrapped at ~72 columns (copy-pasted / text-extracted), with sentences, numbers and units
broken across lines, lost paragraph breaks, smart quotes, non-breaking spaces and en/em dashes.

* ``redteam_regional_mint_magnets_jul2025.txt``: an Indian business daily (July 2025 data): India/Japan lanes,
  "0.42 kt", "172 t", "1,116 MT", "232 tonnes (t)", "more than double the June figure", India's own FY25
  import data (``other``), "69 lakh tonnes" of reserves, crore/lakh noise, the LPR and the RBI, and a
  "Markets live" block with "06:58 IST |" / "09:31 GMT |" entries (LPR fixing, magnet data).
* ``redteam_regional_yonhap_magnets_oct2025.txt``: Korean wire English (October 2025 data): Korea's own KCS /
  KITA import figures and Japan's MoF figures (``other``) next to China's export figures to Korea and Japan,
  "Korea's share of China's outbound magnet shipments", "the October figure", "Oct. 9 curbs", BOK rate.
* ``redteam_regional_factbox_controls_jan2026.txt``: a wire FACTBOX/TIMELINE (dated entries from 2023 on,
  tariffs, 0.1% de minimis) plus a KEY FIGURES block: a whitespace-aligned table (months as rows, partners as
  columns, unit in a caption), "0.58 kt", "1.35 thousand tonnes", a wrapped bullet, LPR levels.

The texts are ours; topic figures come from tradelane's data, seeded errors are labelled contradicted.
Labels are the CORRECT expected behaviour (see /work/notes/redteam_regional.md for what the checker gave).
Each label is (claim text, series, partner, period, measure, verdict); claim texts are compared with
whitespace (line breaks, non-breaking spaces) collapsed to one space. Texts of claims the checker does not
extract yet ("0.42 kt", "double", table cells as "5,952 t") are our best guess.
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

from .conftest import FIXTURES

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"
L1, L5 = "lpr/1y", "lpr/5y"
A = "redteam_regional_mint_magnets_jul2025.txt"
B = "redteam_regional_yonhap_magnets_oct2025.txt"
C = "redteam_regional_factbox_controls_jan2026.txt"
DATES = {A: "2025-08-21", B: "2025-11-21", C: "2026-01-21"}
LABELS: dict[str, list[tuple[str, str, str | None, str, str, str]]] = {
    A: [
        ("doubled", M + "IND", "IND", "2025-07", "mom_pct", "supported"),  # standfirst: "more than doubled in July"
        ("418 tonnes", M + "IND", "IND", "2025-07", "level", "supported"),  # "... to\nIndia in July"
        ("double", M + "IND", "IND", "2025-07", "mom_pct", "supported"),  # "more than double the June figure"
        ("66%", M + "IND", "IND", "2025-07", "yoy_pct", "contradicted"),  # seeded: +60%
        ("0.42 kt", M + "IND", "IND", "2025-07", "level", "supported"),  # roughly 420 t
        ("172 t", M + "IND", "IND", "2025-06", "level", "supported"),  # "the July consignments ... against 172 t"
        ("150 t", M + "IND", "IND", "2025-05", "level", "supported"),
        ("5,577 tonnes", M + "WLD", "WLD", "2025-07", "level", "supported"),
        ("57%", M + "WLD", "WLD", "2025-07", "mom_pct", "contradicted"),  # seeded: +75%
        ("5.7%", M + "WLD", "WLD", "2025-07", "yoy_pct", "supported"),
        ("232 tonnes", M + "JPN", "JPN", "2025-07", "level", "supported"),
        ("190 t", M + "JPN", "JPN", "2025-06", "level", "unverifiable"),
        ("310 t", M + "VNM", "VNM", "2025-07", "level", "unverifiable"),
        ("46%", M + "DEU", "DEU", "2025-07", "mom_pct", "supported"),  # "Germany, Europe's biggest buyer,"
        ("1,116 MT", M + "DEU", "DEU", "2025-07", "level", "supported"),
        ("619 MT", M + "USA", "USA", "2025-07", "level", "supported"),  # "up 75.5% from June": not June's
        ("75.5%", M + "USA", "USA", "2025-07", "mom_pct", "supported"),
        ("3%", L1, None, "2025-08", "level", "supported"),
        ("3.5%", L5, None, "2025-08", "level", "supported"),
        ("fourth month in a row", L1, None, "2025-08", "streak", "contradicted"),  # seeded: third
        ("fourth month in a row", L5, None, "2025-08", "streak", "contradicted"),
        ("10-basis-point", L1, None, "2025-05", "change_bp", "supported"),
        ("10-basis-point", L5, None, "2025-05", "change_bp", "supported"),
        # Markets live
        ("3.50 per cent", L5, None, "2025-08", "level", "supported"),
        ("3.00 per cent", L1, None, "2025-08", "level", "supported"),
        ("5,577 t", M + "WLD", "WLD", "2025-07", "level", "supported"),
        ("+75%", M + "WLD", "WLD", "2025-07", "mom_pct", "supported"),
        ("619 t", M + "USA", "USA", "2025-07", "level", "supported"),
        ("5,994.3 t", R + "WLD", "WLD", "2025-07", "level", "supported"),  # not US-bound (previous sentence)
        ("23%", R + "WLD", "WLD", "2025-07", "mom_pct", "supported"),
    ],
    B: [
        ("569 tons", M + "KOR", "KOR", "2025-10", "level", "supported"),  # "569\ntons"
        ("38.4 percent", M + "KOR", "KOR", "2025-10", "mom_pct", "contradicted"),  # seeded: -33.4%
        ("854 tons", M + "KOR", "KOR", "2025-09", "level", "supported"),
        ("31.3 percent", M + "KOR", "KOR", "2025-10", "yoy_pct", "supported"),
        ("84.5 percent", M + "KOR", "KOR", "2025-09", "yoy_pct", "supported"),  # "In September, ... Oct. 9 curbs"
        ("10 percent", M + "KOR", "KOR", "2025-10", "share", "supported"),  # roughly; 569/5,473 = 10.4%
        ("15 percent", M + "KOR", "KOR", "2025-09", "share", "supported"),  # nearly; 854/5,774 = 14.8%
        ("6,208 tons", M + "KOR", "KOR", "2025-01/2025-10", "level", "unverifiable"),
        ("2.5 percent", M + "WLD", "WLD", "2025-10", "mom_pct", "contradicted"),  # seeded: -5.2%
        ("5,473 tons", M + "WLD", "WLD", "2025-10", "level", "supported"),
        ("656 tons", M + "USA", "USA", "2025-10", "level", "supported"),
        ("0.9 percent", M + "JPN", "JPN", "2025-10", "mom_pct", "supported"),  # "as counted by Beijing"
        ("226.1 tons", M + "JPN", "JPN", "2025-10", "level", "supported"),
        ("238 tons", M + "JPN", "JPN", "2025-09", "level", "contradicted"),  # seeded: 228
        ("30.2 percent", M + "JPN", "JPN", "2025-10", "yoy_pct", "supported"),  # "the October figure was ..."
        ("3 percent", L1, None, "2025-11", "level", "supported"),
        ("sixth straight month", L1, None, "2025-11", "streak", "supported"),  # "leaving it unchanged": 1y only
        ("31 pct", R + "WLD", "WLD", "2025-09", "mom_pct", "supported"),  # Related Articles teaser
    ],
    C: [
        ("2,627 tonnes", M + "WLD", "WLD", "2025-04", "level", "supported"),
        ("51%", M + "WLD", "WLD", "2025-04", "mom_pct", "supported"),
        ("1,238 t", M + "WLD", "WLD", "2025-05", "level", "supported"),
        ("74%", M + "WLD", "WLD", "2025-05", "yoy_pct", "supported"),  # "... in May – a 74% fall\non the year"
        ("3,188 t", M + "WLD", "WLD", "2025-06", "level", "supported"),
        ("175%", M + "WLD", "WLD", "2025-06", "mom_pct", "contradicted"),  # seeded: +157.5%
        # KEY FIGURES table (whitespace-aligned; unit in the caption "(metric tonnes)")
        ("5,952 t", M + "WLD", "WLD", "2025-12", "level", "supported"),
        ("-3.2%", M + "WLD", "WLD", "2025-12", "mom_pct", "supported"),
        ("564 t", M + "USA", "USA", "2025-12", "level", "supported"),
        ("280 t", M + "JPN", "JPN", "2025-12", "level", "supported"),
        ("6,150 t", M + "WLD", "WLD", "2025-11", "level", "supported"),
        ("+12%", M + "WLD", "WLD", "2025-11", "mom_pct", "supported"),
        ("582 t", M + "USA", "USA", "2025-11", "level", "supported"),
        ("350 t", M + "JPN", "JPN", "2025-11", "level", "contradicted"),  # seeded: 305
        ("5,473 t", M + "WLD", "WLD", "2025-10", "level", "supported"),
        ("-5.2%", M + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("656 t", M + "USA", "USA", "2025-10", "level", "supported"),
        ("226 t", M + "JPN", "JPN", "2025-10", "level", "supported"),
        # bullets
        ("57,392 t", M + "WLD", "WLD", "2025", "level", "supported"),
        ("1.3%", M + "WLD", "WLD", "2025", "yoy_pct", "supported"),
        ("58,152 t", M + "WLD", "WLD", "2024", "level", "supported"),
        ("5,933 t", M + "USA", "USA", "2025", "level", "supported"),
        ("−20.3%", M + "USA", "USA", "2025", "yoy_pct", "unverifiable"),  # no 2024 US annual figure
        ("0.58 kt", M + "USA", "USA", "2025-11", "level", "supported"),
        ("−11%", M + "USA", "USA", "2025-11", "mom_pct", "supported"),
        ("1.35 thousand tonnes", M + "DEU", "DEU", "2025-08", "level", "supported"),
        ("301 t", M + "THA", "THA", "2025-12", "level", "unverifiable"),
        ("3,615 t", M + "WLD", "WLD", "2025-02", "level", "unverifiable"),
        ("4,392 t", R + "WLD", "WLD", "2025-12", "level", "supported"),
        ("−20%", R + "WLD", "WLD", "2025-12", "mom_pct", "supported"),
        ("+23%", R + "WLD", "WLD", "2025-12", "yoy_pct", "contradicted"),  # seeded: +32%; wrapped bullet line
        ("3.0%", L1, None, "2026-01", "level", "supported"),
        ("3.5%", L5, None, "2026-01", "level", "supported"),
        ("8%", M + "JPN", "JPN", "2025-12", "mom_pct", "supported"),  # RELATED COVERAGE teaser
    ],
}
OTHER = {
    # India's own (commerce ministry, FY25) import figures; shares and the RBI
    A: {"870 tonnes", "40%", "0.8%", "3.4%", "5.5%", "2,900 tonnes"},
    # Korea's own KCS/KITA imports, Japan's MoF imports, dependence, stocks, prices, the BOK, a Korean-import teaser
    B: {"742 tons", "21.6 percent", "87.6 percent", "412 tons", "9.8 percent", "12 percent", "1,020 tons",
        "1,650 yuan", "2.5 percent", "22 pct"},
    # tariffs, a de minimis threshold, percentage points of a tariff rate
    C: {"10%", "145%", "30%", "24 percentage points", "125%", "0.1%", "47%", "57%"},
}


def _norm(s: str) -> str:
    return " ".join(s.split())


def _check(index: DataIndex, name: str, with_date: bool = True) -> dict:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    day = date.fromisoformat(DATES[name]) if with_date else None
    return check(text, index, date=day).as_dict()


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_claims(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    topic = [(_norm(c["text"]), c["series"], c["partner"], c["period"], c["measure"], c["verdict"])
             for c in res["claims"] if c["series"] != "other"]
    assert sorted(topic) == sorted(LABELS[name])


@pytest.mark.parametrize("name", sorted(OTHER))
def test_numbers_about_other_things_are_not_linked(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    other = {_norm(c["text"]) for c in res["claims"] if c["series"] == "other"}
    assert OTHER[name] <= other
    assert all(c["reason"] for c in res["claims"] if c["series"] == "other")
    # "5-yr" / "1-yr" tenor abbreviations and "06:58" / "09:31" timestamps are never numbers of their own
    assert not any(_norm(c["text"]) in ("5", "1", "06:58", "09:31") for c in res["claims"])


@pytest.mark.parametrize(("name", "day", "title"), [
    (A, "2025-08-21", "Auto parts makers get breathing room as China’s magnet shipments to India rebound; "
                      "Japan lane steadies"),
    (B, "2025-11-21", None),
    (C, "2026-01-21", None),  # the wire dateline "Jan 21 (...) -", never the first TIMELINE entry (July 3, 2023)
])
def test_article_date_and_title(index: DataIndex, name: str, day: str, title: str | None) -> None:
    art = _check(index, name, with_date=False)["article"]
    assert art["date"] == day
    if title:
        assert _norm(art["title"]) == title
