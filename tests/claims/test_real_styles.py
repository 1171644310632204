"""Synthetic articles written in the styles of real coverage (wire copy, an HTML page, a trade-press repost).

The texts are our own; their topic figures come from tradelane's data, some deliberately wrong, and
the labels below are ours. Each label is (claim text, series, partner, period, measure, verdict);
every topic claim the checker reports must be labelled (precision) and every label found (recall).
Numbers about things tradelane does not track (prices, GDP, company figures, output, bond yields,
SLF/RRR rates, liquidity operations) must come back as series ``other``.
"""

from __future__ import annotations

import pytest

from tradelane.claims import DataIndex, check

from .conftest import FIXTURES, golden

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"
LABELS: dict[str, list[tuple[str, str, str | None, str, str, str]]] = {
    "wire_magnets_sep2025.txt": [
        ("6.1%", M + "WLD", "WLD", "2025-09", "mom_pct", "supported"),
        ("three months of gains", M + "WLD", "WLD", "2025-08", "streak", "supported"),  # "snapping": ended in Aug
        ("5,774 metric tons", M + "WLD", "WLD", "2025-09", "level", "supported"),
        ("seven-month high", M + "WLD", "WLD", "2025-08", "rank", "unverifiable"),  # Feb/Mar 2025 missing
        ("6,146 tons", M + "WLD", "WLD", "2025-08", "level", "supported"),
        ("17.5%", M + "WLD", "WLD", "2025-09", "yoy_pct", "supported"),
        ("28.7%", M + "USA", "USA", "2025-09", "mom_pct", "supported"),
        ("420.5 tonnes", M + "USA", "USA", "2025-09", "level", "supported"),
        ("second straight monthly decline", M + "USA", "USA", "2025-09", "streak", "supported"),
        ("1,388 tons", M + "DEU", "DEU", "2025-09", "level", "contradicted"),  # seeded: 1,288
        ("854 tons", M + "KOR", "KOR", "2025-09", "level", "supported"),
        ("84.5%", M + "KOR", "KOR", "2025-09", "yoy_pct", "supported"),
        ("28.0%", M + "JPN", "JPN", "2025-09", "yoy_pct", "contradicted"),  # seeded: 20.8
        ("228 tons", M + "JPN", "JPN", "2025-09", "level", "supported"),
        ("39,817 tons", M + "WLD", "WLD", "2025-01/2025-09", "level", "unverifiable"),
        ("7.5%", M + "WLD", "WLD", "2025-01/2025-09", "yoy_pct", "unverifiable"),
    ],
    "rates_jun2025.html": [
        ("second month in a row", "lpr/1y", None, "2025-06", "streak", "contradicted"),  # seeded: first
        ("second month in a row", "lpr/5y", None, "2025-06", "streak", "contradicted"),
        ("3.0%", "lpr/1y", None, "2025-06", "level", "supported"),
        ("3.50%", "lpr/5y", None, "2025-06", "level", "supported"),
        ("10 bps", "lpr/1y", None, "2025-05", "change_bp", "supported"),
        ("10 bps", "lpr/5y", None, "2025-05", "change_bp", "supported"),
        ("3.0%", "lpr/1y", None, "2025-05", "level", "supported"),
        ("3.1%", "lpr/1y", None, "2025-04", "level", "supported"),
        ("3.5%", "lpr/5y", None, "2025-05", "level", "supported"),
        ("3.6%", "lpr/5y", None, "2025-04", "level", "supported"),
        ("20", "polls", None, "2025-06", "count", "supported"),
        ("0.1 percentage point", "policy/7d_reverse_repo", None, "2025-05", "change_bp", "supported"),
        ("1.4%", "policy/7d_reverse_repo", None, "2025-05", "level", "supported"),
        ("20 basis points", "policy/7d_reverse_repo", None, "2024-09", "change_bp", "supported"),
    ],
    "repost_rare_earths_nov2025.txt": [
        ("26.5%", R + "WLD", "WLD", "2025-11", "mom_pct", "supported"),
        ("5,493.9 metric tons", R + "WLD", "WLD", "2025-11", "level", "supported"),
        ("third consecutive monthly increase", R + "WLD", "WLD", "2025-11", "streak", "contradicted"),  # second
        ("24.4%", R + "WLD", "WLD", "2025-11", "yoy_pct", "supported"),
        ("4,416 t", R + "WLD", "WLD", "2024-11", "level", "supported"),
        # the combined Jan-Feb figure + March ... November: every month is covered, and they sum to 58,193.1
        ("58,193.1 t", R + "WLD", "WLD", "2025-01/2025-11", "level", "supported"),
        ("11.6%", R + "WLD", "WLD", "2025-01/2025-11", "yoy_pct", "unverifiable"),
        ("2,569 t", M + "EUU", "EUU", "2025-11", "level", "supported"),
        ("+25%", M + "EUU", "EUU", "2025-11", "mom_pct", "supported"),
        ("+60%", M + "EUU", "EUU", "2025-11", "yoy_pct", "supported"),
        ("305 t", M + "JPN", "JPN", "2025-11", "level", "supported"),
        ("+53%", M + "JPN", "JPN", "2025-11", "mom_pct", "contradicted"),  # seeded: 35%
        ("582,000 kg", M + "USA", "USA", "2025-11", "level", "supported"),
        ("-11%", M + "USA", "USA", "2025-11", "mom_pct", "supported"),
        ("sevenfold", M + "USA", "USA", "2025-06", "mom_pct", "supported"),  # "more than sevenfold": a bound
        ("46 tons", M + "USA", "USA", "2025-05", "level", "supported"),
    ],
}


def _check(index: DataIndex, name: str) -> dict:
    return check((FIXTURES / name).read_text(encoding="utf-8"), index).as_dict()


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_claims(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    topic = [(c["text"], c["series"], c["partner"], c["period"], c["measure"], c["verdict"]) for c in res["claims"]
             if c["series"] != "other"]
    assert sorted(topic) == sorted(LABELS[name])


@pytest.mark.parametrize(("name", "texts"), [
    ("wire_magnets_sep2025.txt", {"3.2%", "615,000 yuan", "4%", "1,300 metric tons", "4.8%"}),
    ("rates_jun2025.html", {"220.5 billion yuan", "2.25%", "50 basis points", "2 bps", "1.64%", "3.1%"}),
    ("repost_rare_earths_nov2025.txt", {"300 tons", "30%", "4.5%"}),
])
def test_numbers_about_other_things_are_not_linked(index: DataIndex, name: str, texts: set[str]) -> None:
    res = _check(index, name)
    other = {c["text"] for c in res["claims"] if c["series"] == "other"}
    assert texts <= other
    assert all(c["reason"] for c in res["claims"] if c["series"] == "other")
    # widget and teaser numbers are never claims at all
    assert not any(c["text"] in ("$104,210", "+1.8%", "1.1%", "75,000 yuan", "612,500 yuan") for c in res["claims"])


def test_html_page_date_title_and_boilerplate(index: DataIndex) -> None:
    res = _check(index, "rates_jun2025.html")
    art = res["article"]
    assert (art["date"], art["date_source"]) == ("2025-06-20", "page metadata")
    assert art["title"].startswith("Synthetic: China holds lending benchmarks steady")
    assert not any("12.5" in c["text"] for c in res["claims"])  # text written by a script is never read


def test_no_date_falls_back_to_the_latest_data_month(index: DataIndex) -> None:
    art = _check(index, "repost_rare_earths_nov2025.txt")["article"]
    assert art["date"] is None and art["date_source"].startswith("none: periods resolved against the latest data")


def test_wire_dateline_year_is_inferred(index: DataIndex) -> None:
    art = _check(index, "wire_magnets_sep2025.txt")["article"]
    assert (art["date"], art["date_source"]) == ("2025-10-20", "wire dateline (year inferred)")


@pytest.mark.parametrize("name", sorted(LABELS))
def test_check_golden(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    golden(name.rsplit(".", 1)[0] + ".check.json", {
        "date": res["article"]["date"], "date_source": res["article"]["date_source"],
        "dropped": [[d["kind"], d["text"]] for d in res["article"]["dropped"]],
        "claims": [{k: c[k] for k in ("text", "start", "end", "value", "series", "partner", "period", "measure",
                                      "compare_to_period", "verdict", "data_value", "basis", "reason")}
                   for c in res["claims"]],
        "summary": res["summary"], "inconsistencies": res["inconsistencies"],
    })


@pytest.mark.parametrize(("sentence", "expected"), [
    # (text, series, period, measure, verdict) of every claim; "other" claims as (text, "other")
    ("Exports of magnets to the US were worth US$26.7 mln in November, down 8.8% y/y.",
     [("US$26.7 mln", M + "USA/value_usd", "2025-11", "level", "supported"),
      ("8.8%", M + "USA/value_usd", "2025-11", "yoy_pct", "unverifiable")]),
    ("Beijing cut the reserve requirement ratio by 50 basis points and lowered the policy rate by 10 bps to 1.4% "
     "in May.",
     [("50 basis points", "other"),
      ("10 bps", "policy/7d_reverse_repo", "2025-05", "change_bp", "supported"),
      ("1.4%", "policy/7d_reverse_repo", "2025-05", "level", "supported")]),
    ("Bank of Japan raised rates by 25 bps; Japan's exports rose 5%.", [("25 bps", "other"), ("5%", "other")]),
    ("Indian buyers took 418 tons of Chinese magnets in July, up 60% from a year earlier.",
     [("418 tons", M + "IND", "2025-07", "level", "supported"),
      ("60%", M + "IND", "2025-07", "yoy_pct", "supported")]),
    ("The rate for the seven-day SLF fell to 2.9% from 3%, while the one-year MLF rate stayed at 2.0%.",
     # the MLF is a tradelane step series, but it has had no single policy rate since 2025
     [("2.9%", "other"), ("3%", "other"), ("2.0%", "policy/mlf_1y", "2025-12", "level", "unverifiable")]),
    ("China's exports of rare earths in November rose 24.4 per cent on the year, customs data showed.",
     [("24.4 per cent", R + "WLD", "2025-11", "yoy_pct", "supported")]),
    ("China, which accounts for about 90% of global magnet output, shipped 6,150 mt of magnets in November.",
     [("90%", "other"), ("6,150 mt", M + "WLD", "2025-11", "level", "supported")]),
    ("China's magnet exports more than halved in May 2025 from April.",
     [("halved", M + "WLD", "2025-05", "mom_pct", "supported")]),
    ("Lynas reported quarterly revenue of A$200 million, up 30% from a year earlier.", [("30%", "other")]),
    ("US-bound magnet exports in June 2025 more than tripled from May.",
     [("tripled", M + "USA", "2025-06", "mom_pct", "supported")]),
])
def test_sentences_in_real_styles(index: DataIndex, sentence: str, expected: list[tuple]) -> None:
    from datetime import date

    got = []
    for c in check(sentence, index, date=date(2025, 12, 20)).as_dict()["claims"]:
        got.append((c["text"], "other") if c["series"] == "other" else
                   (c["text"], c["series"], c["period"], c["measure"], c["verdict"]))
    assert got == expected


@pytest.mark.parametrize(("sentence", "day", "expected"), [
    # a quarter = the combined Jan-Feb figure + March; its y/y has no base (Feb and Mar 2025 missing)
    ("In the first quarter of 2026, China's exports of rare earth magnets climbed 4.8% to 16,001 tons year-on-year.",
     "2026-04-20", [("4.8%", M + "WLD", "2026-01/2026-03", "yoy_pct", "unverifiable"),
                    ("16,001 tons", M + "WLD", "2026-01/2026-03", "level", "supported")]),
    # "annual decline" is a basis, not a year; "year to date" runs to the story month
    ("Year to date, China's rare earth magnet exports totaled 45,290 tons, an annual decline of 5.2%.",
     "2025-12-20", [("45,290 tons", M + "WLD", "2025-01/2025-11", "level", "unverifiable"),
                    ("5.2%", M + "WLD", "2025-01/2025-11", "yoy_pct", "unverifiable")]),
    ("Customs data show 6,958 tons of rare-earth products, including magnets, were shipped in November, the "
     "third-highest monthly total on record.", "2025-12-20",
     [("6,958 tons", "other"), ("third-highest monthly total on record", "other")]),
])
def test_periods_in_real_styles(index: DataIndex, sentence: str, day: str, expected: list[tuple]) -> None:
    from datetime import date

    got = [(c["text"], "other") if c["series"] == "other" else
           (c["text"], c["series"], c["period"], c["measure"], c["verdict"])
           for c in check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]]
    assert got == expected
