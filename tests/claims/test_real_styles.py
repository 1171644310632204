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

from .conftest import check_fixture, golden, other_texts, topic_claims

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
    # second generality pass: poll counts in words, a rate record low, MLF, a caption with a date, credits
    "wire_lpr_dec2025_poll_words.txt": [
        ("seventh month", "lpr/1y", None, "2025-12", "streak", "supported"),  # the title
        ("seventh month", "lpr/5y", None, "2025-12", "streak", "supported"),
        ("record low", "lpr/1y", None, "2025-12", "record", "supported"),  # lowest fixing since the 2019 reform
        ("3.0%", "lpr/1y", None, "2025-12", "level", "supported"),
        ("seventh straight month", "lpr/1y", None, "2025-12", "streak", "supported"),
        ("3.5%", "lpr/5y", None, "2025-12", "level", "supported"),
        ("10 basis points", "lpr/1y", None, "2025-05", "change_bp", "supported"),
        ("10 basis points", "lpr/5y", None, "2025-05", "change_bp", "supported"),
        ("25", "polls", None, "2025-12", "count", "supported"),
        ("Twenty-nine", "polls", None, "2024-09", "count", "supported"),
        ("39", "polls", None, "2024-09", "count", "supported"),
        ("ten", "polls", None, "2024-09", "count", "supported"),
        ("1.4%", "policy/7d_reverse_repo", None, "2025-12", "level", "supported"),
        ("30 basis points", "policy/mlf_1y", None, "2024-09", "change_bp", "supported"),
        ("2.0%", "policy/mlf_1y", None, "2024-09", "level", "supported"),
    ],
    "mlf_history_2024_html.html": [
        ("record lows", "lpr/1y", None, "2024-10", "record", "supported"),  # the title
        ("record lows", "lpr/5y", None, "2024-10", "record", "supported"),
        ("25 bps", "lpr/1y", None, "2024-10", "change_bp", "supported"),  # summary bullets
        ("3.1%", "lpr/1y", None, "2024-10", "level", "supported"),
        ("3.6%", "lpr/5y", None, "2024-10", "level", "supported"),
        ("25 basis points", "lpr/1y", None, "2024-10", "change_bp", "supported"),
        ("3.10", "lpr/1y", None, "2024-10", "level", "supported"),
        ("3.35 per cent", "lpr/1y", None, "2024-09", "level", "supported"),
        ("3.6 per cent", "lpr/5y", None, "2024-10", "level", "supported"),
        ("3.85 per cent", "lpr/5y", None, "2024-09", "level", "supported"),
        ("record lows", "lpr/1y", None, "2024-10", "record", "supported"),  # "Both are record lows."
        ("record lows", "lpr/5y", None, "2024-10", "record", "supported"),
        ("20 basis points", "policy/7d_reverse_repo", None, "2024-09", "change_bp", "supported"),
        ("1.5%", "policy/7d_reverse_repo", None, "2024-09", "level", "supported"),
        ("30 basis points", "policy/mlf_1y", None, "2024-09", "change_bp", "supported"),
        ("2.0%", "policy/mlf_1y", None, "2024-09", "level", "supported"),
        ("15 basis points", "policy/mlf_1y", None, "2023-08", "change_bp", "supported"),
        ("2.65", "policy/mlf_1y", None, "2023-07", "level", "supported"),  # "from 2.65 to 2.5 per cent"
        ("2.5 per cent", "policy/mlf_1y", None, "2023-08", "level", "supported"),
        ("115 basis points", "lpr/1y", None, "2024-10", "change_bp", "supported"),  # since the 2019 reform
        ("4.25%", "lpr/1y", None, "2019-08", "level", "supported"),  # "first quoted at"
        # the HTML table, one line per row
        ("3.10%", "lpr/1y", None, "2024-10", "level", "supported"),
        ("-25 bp", "lpr/1y", None, "2024-10", "change_bp", "supported"),
        ("3.60%", "lpr/5y", None, "2024-10", "level", "supported"),
        ("-25 bp", "lpr/5y", None, "2024-10", "change_bp", "supported"),
    ],
    "wire_magnets_jul2025_jan_jul.txt": [
        ("six-month high", M + "WLD", "WLD", "2025-07", "rank", "unverifiable"),  # Feb/Mar 2025 missing
        ("75%", M + "WLD", "WLD", "2025-07", "mom_pct", "supported"),
        ("5,577 metric tons", M + "WLD", "WLD", "2025-07", "level", "supported"),
        ("5.7%", M + "WLD", "WLD", "2025-07", "yoy_pct", "supported"),
        ("5,278 tons", M + "WLD", "WLD", "2024-07", "level", "supported"),  # "shipped a year earlier"
        ("1,116 tons", M + "DEU", "DEU", "2025-07", "level", "supported"),
        ("46%", M + "DEU", "DEU", "2025-07", "mom_pct", "supported"),
        ("481 tons", M + "IND", "IND", "2025-07", "level", "contradicted"),  # seeded: 418
        ("75.5%", M + "USA", "USA", "2025-07", "mom_pct", "supported"),
        ("619 tons", M + "USA", "USA", "2025-07", "level", "supported"),
        ("4.8%", M + "USA", "USA", "2025-07", "yoy_pct", "supported"),
        ("5,994.3 tons", R + "WLD", "WLD", "2025-07", "level", "supported"),
        # June-August 2024 and 2023 are both on record month by month: the sums are 14,489 t and 15,210 t
        ("14,489 tons", R + "WLD", "WLD", "2024-06/2024-08", "level", "supported"),
        ("4.7%", R + "WLD", "WLD", "2024-06/2024-08", "yoy_pct", "supported"),
    ],
    "repost_magnets_mar2026_table.txt": [
        ("5,238 t", M + "WLD", "WLD", "2026-03", "level", "supported"),  # bullets
        ("1.6%", M + "WLD", "WLD", "2026-03", "yoy_pct", "supported"),
        ("30.6%", M + "USA", "USA", "2026-03", "yoy_pct", "supported"),
        ("406 t", M + "USA", "USA", "2026-03", "level", "supported"),
        ("5,238 tons", M + "WLD", "WLD", "2026-03", "level", "supported"),
        ("1.6%", M + "WLD", "WLD", "2026-03", "yoy_pct", "supported"),
        ("16,001 tons", M + "WLD", "WLD", "2026-01/2026-03", "level", "supported"),
        ("30.6%", M + "USA", "USA", "2026-03", "yoy_pct", "supported"),
        ("406 tons", M + "USA", "USA", "2026-03", "level", "supported"),
        ("994 tons", M + "USA", "USA", "2026-01/2026-02", "level", "supported"),
        ("406 t", M + "USA", "USA", "2026-03", "level", "supported"),  # the pipe table's row, as a line
        ("-30.6%", M + "USA", "USA", "2026-03", "yoy_pct", "supported"),
        ("10,460 tons", R + "WLD", "WLD", "2026-01/2026-02", "level", "supported"),
        ("32%", R + "WLD", "WLD", "2026-01/2026-02", "yoy_pct", "contradicted"),  # seeded: 23%
    ],
    # third generality pass: official English style, an Indian repost with hedges, official rate wording
    "official_rare_earths_nov2025.txt": [
        ("5,493.9 tonnes", R + "WLD", "WLD", "2025-11", "level", "supported"),  # "tonnes of rare earths"
        ("26.5%", R + "WLD", "WLD", "2025-11", "mom_pct", "supported"),
        ("4,343.5 tonnes", R + "WLD", "WLD", "2025-10", "level", "supported"),  # "compared with ... in October"
        ("4.34 thousand tonnes", R + "WLD", "WLD", "2025-10", "level", "supported"),  # good to 5 t
        ("8.7 percent", R + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("6,150 tonnes", M + "WLD", "WLD", "2025-11", "level", "supported"),
        ("12 percent", M + "WLD", "WLD", "2025-11", "mom_pct", "supported"),
        ("582 tonnes", M + "USA", "USA", "2025-11", "level", "supported"),
        ("35 percent", M + "JPN", "JPN", "2025-11", "mom_pct", "supported"),  # "about 35 percent"
        ("305 tonnes", M + "JPN", "JPN", "2025-11", "level", "supported"),
        ("2,659 tonnes", M + "EUU", "EUU", "2025-11", "level", "contradicted"),  # seeded: 2,569
        ("25 percent", M + "EUU", "EUU", "2025-11", "mom_pct", "supported"),
    ],
    "repost_magnets_may2025_hedges.txt": [
        ("half", M + "WLD", "WLD", "2025-05", "mom_pct", "supported"),  # "fell by more than half": -52.9%
        ("1,238 metric tonnes", M + "WLD", "WLD", "2025-05", "level", "supported"),
        ("75%", M + "WLD", "WLD", "2025-05", "yoy_pct", "supported"),  # "That was down nearly 75%": -74
        ("46 tonnes", M + "USA", "USA", "2025-05", "level", "supported"),
        ("93%", M + "USA", "USA", "2025-05", "yoy_pct", "supported"),
        ("290 tonnes", M + "DEU", "DEU", "2025-05", "level", "contradicted"),  # seeded: 209; "buyer in Europe"
        ("150 tonnes", M + "IND", "IND", "2025-05", "level", "supported"),
        ("235 tonnes", M + "VNM", "VNM", "2025-05", "level", "supported"),
        ("51%", M + "WLD", "WLD", "2025-04", "mom_pct", "supported"),  # "roughly 51%"
        ("2,627 tonnes", M + "WLD", "WLD", "2025-04", "level", "supported"),
        ("40%", M + "WLD", "WLD", "2025-04", "yoy_pct", "contradicted"),  # seeded: -45; "roughly" is not 12%
    ],
    "official_lpr_dec2025_rates.txt": [
        ("3 percent", "lpr/1y", None, "2025-12", "level", "supported"),
        ("3.5 percent", "lpr/5y", None, "2025-12", "level", "supported"),
        ("seventh consecutive month", "lpr/1y", None, "2025-12", "streak", "supported"),
        ("seventh consecutive month", "lpr/5y", None, "2025-12", "streak", "supported"),
        ("3%", "lpr/1y", None, "2025-12", "level", "supported"),
        ("3.5 per cent", "lpr/5y", None, "2025-12", "level", "supported"),
        ("3.5%", "lpr/5y", None, "2025-12", "level", "supported"),
        ("eight straight months", "lpr/5y", None, "2025-12", "streak", "contradicted"),  # seeded: "stood" 7
        ("10 basis points", "lpr/1y", None, "2025-05", "change_bp", "supported"),
        ("10 basis points", "lpr/5y", None, "2025-05", "change_bp", "supported"),
        ("10 basis points", "policy/7d_reverse_repo", None, "2025-05", "change_bp", "supported"),
        ("1.4%", "policy/7d_reverse_repo", None, "2025-05", "level", "supported"),
        ("25", "polls", None, "2025-12", "count", "supported"),
    ],
}


def _check(index: DataIndex, name: str) -> dict:
    return check_fixture(index, name)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_claims(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    topic = topic_claims(res)
    assert sorted(topic) == sorted(LABELS[name])


@pytest.mark.parametrize(("name", "texts"), [
    ("wire_magnets_sep2025.txt", {"3.2%", "615,000 yuan", "4%", "1,300 metric tons", "4.8%"}),
    ("rates_jun2025.html", {"220.5 billion yuan", "2.25%", "50 basis points", "2 bps", "1.64%", "3.1%"}),
    ("repost_rare_earths_nov2025.txt", {"300 tons", "30%", "4.5%"}),
    ("wire_lpr_dec2025_poll_words.txt", {"1.84%", "7.04", "1.42%", "record low"}),
    ("mlf_history_2024_html.html", {"50 basis points"}),
    ("wire_magnets_jul2025_jan_jul.txt", {"12%", "1,650 yuan", "8%"}),
    ("repost_magnets_mar2026_table.txt", {"1.2 billion yuan", "15%", "20,000 tons"}),
    ("official_rare_earths_nov2025.txt", {"26.5 percent", "3.2 percent", "580,000 yuan", "270,000 tonnes"}),
    ("repost_magnets_may2025_hedges.txt", {"1.2%", "6.1%"}),
    ("official_lpr_dec2025_rates.txt", {"1.84%", "4.8%", "0.7%"}),
])
def test_numbers_about_other_things_are_not_linked(index: DataIndex, name: str, texts: set[str]) -> None:
    res = _check(index, name)
    other = other_texts(res)
    assert texts <= other
    assert all(c["reason"] for c in res["claims"] if c["series"] == "other")
    # widget and teaser numbers are never claims at all
    assert not any(c["text"] in ("$104,210", "+1.8%", "1.1%", "75,000 yuan", "612,500 yuan", "$4,200", "5.1%",
                                 "81,312.32", "+0.41%", "-4,000 tonnes", "4,000 tonnes") for c in res["claims"])


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


def test_caption_and_credit_lines_are_boilerplate(index: DataIndex) -> None:
    res = _check(index, "wire_lpr_dec2025_poll_words.txt")
    kinds = {d["kind"] for d in res["article"]["dropped"]}
    assert "caption" in kinds
    assert not any(c["text"] in ("28", "2018") for c in res["claims"])  # the file photo's date
    assert (res["article"]["date"], res["article"]["date_source"]) == ("2025-12-22", "wire dateline (year inferred)")


@pytest.mark.parametrize(("text", "expected"), [
    # the lead's weekday picks the year: 21 October was a Monday in 2024, not in 2025
    ("BEIJING, Oct 21 (Synthetic Wire) - China cut its lending benchmarks on Monday.", "2024-10-21"),
    # a trade story: the latest year whose data could be news (not the rates data's later months)
    ("BEIJING, Aug 20 (Synthetic Wire) - China's rare earth magnet exports rose in July, customs data showed.",
     "2025-08-20"),
    ("2025-12-22T01:30:00Z\nChina left the five-year LPR at 3.5%.", "2025-12-22"),
])
def test_article_dates_in_real_styles(index: DataIndex, text: str, expected: str) -> None:
    assert check(text, index).as_dict()["article"]["date"] == expected


@pytest.mark.parametrize(("sentence", "day", "expected"), [
    ("Thirty-one out of 36 traders and analysts in a Synthetic Wire poll predicted no change.", "2025-12-22",
     [("Thirty-one", "polls", "2025-12", "count", "contradicted"), ("36", "polls", "2025-12", "count",
                                                                   "contradicted")]),
    ("In a Synthetic Wire survey of 25 market participants, a majority of 25 expected no change.", "2025-12-22",
     [("25", "polls", "2025-12", "count", "supported"), ("25", "polls", "2025-12", "count", "supported")]),
    ("The one-year LPR was cut to 3.45%, its lowest since 2020.", "2023-08-21",
     [("3.45%", "lpr/1y", "2023-08", "level", "supported"),
      ("lowest since 2020", "lpr/1y", "2023-08", "record_since", "contradicted")]),  # a record low, not 'since'
    ("The seven-day reverse repo rate is at a record low of 1.4%.", "2025-12-22",
     [("record low", "policy/7d_reverse_repo", "2025-12", "record", "unverifiable"),  # history starts 2019
      ("1.4%", "policy/7d_reverse_repo", "2025-12", "level", "supported")]),
    ("The one-year LPR was lowered by 10 basis points (0.10%) to 3.35% from 3.45%.", "2024-07-22",
     [("10 basis points", "lpr/1y", "2024-07", "change_bp", "supported"), ("0.10%", "other"),
      ("3.35%", "lpr/1y", "2024-07", "level", "supported"), ("3.45%", "lpr/1y", "2024-06", "level", "supported")]),
    ("The PBOC lowered the one-year MLF rate to 2.85 percent, compared with 2.95 percent on the previous operation.",
     "2022-01-17", [("2.85 percent", "policy/mlf_1y", "2022-01", "level", "supported"),
                    ("2.95 percent", "policy/mlf_1y", "2021-12", "level", "supported")]),
    ("Analysts expect the one-year LPR to fall by 20 to 25 basis points.", "2024-10-18", []),
])
def test_rates_and_polls_in_real_styles(index: DataIndex, sentence: str, day: str, expected: list[tuple]) -> None:
    from datetime import date

    got = [(c["text"], "other") if c["series"] == "other" else
           (c["text"], c["series"], c["period"], c["measure"], c["verdict"])
           for c in check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]]
    assert got == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a hedge widens the written precision by 4% of the figure, on the side the word points to
    ("China's magnet exports in May 2025 were down nearly 75% from a year earlier.",
     [("75%", M + "WLD", "2025-05", "yoy_pct", "supported", -75.0)]),  # -74: reported as written (a fall: -75)
    ("China's magnet exports in May 2025 were down almost 80% from a year earlier.",
     [("80%", M + "WLD", "2025-05", "yoy_pct", "contradicted", -80.0)]),  # -74 is not "almost 80"
    ("China's magnet exports in May 2025 were down nearly 73% from a year earlier.",
     [("73%", M + "WLD", "2025-05", "yoy_pct", "contradicted", -73.0)]),  # "nearly" is at or under the figure
    ("China's rare earth magnet exports totalled roughly 6,000 tonnes in November.",
     [("6,000 tonnes", M + "WLD", "2025-11", "level", "supported", 6000.0)]),  # 6,150 is within 4%
    ("China's rare earth magnet exports totalled about 5,800 tonnes in November.",
     [("5,800 tonnes", M + "WLD", "2025-11", "level", "contradicted", 5800.0)]),  # 6,150 is 6% off
    ("China exported 4.34 thousand tonnes of rare earths in October.",
     [("4.34 thousand tonnes", R + "WLD", "2025-10", "level", "supported", 4340.0)]),
    ("China's magnet exports dropped almost half in May 2025 from April.",
     [("half", M + "WLD", "2025-05", "mom_pct", "supported", -50.0)]),  # "halved" is good to 5 points: -52.9
    ("Analysts expect magnet exports of 3,000-4,000 tonnes a month.", []),  # a range, not a negative tonnage
])
def test_hedges_and_ranges(index: DataIndex, sentence: str, expected: list[tuple]) -> None:
    from datetime import date

    got = [(c["text"], c["series"], c["period"], c["measure"], c["verdict"], c["value"])
           for c in check(sentence, index, date=date(2025, 12, 20)).as_dict()["claims"] if c["series"] != "other"]
    assert got == expected
