"""Red-team fixtures (prefix ``rates``): LPR / reverse repo / MLF / poll coverage in three new styles.

* ``redteam_rates_bloomberg_lpr_jan2026.txt``: a terminal-style LPR story ("All 16 economists surveyed",
  "seven-day reverse repurchase rate", "the five-year tenor, a reference for mortgages", the Fed and the RBI).
* ``redteam_rates_fxblog_oct2024.txt``: a terse FX blog ("1Y LPR 3.10% (exp 3.15%; prior 3.35%)", bullets with
  abbreviated months "Dec 2021:", cumulative cuts "this year" / "since that first fixing", "24 of 27").
* ``redteam_rates_digest_sep2025.txt``: a daily China-economy digest (rates item in official English, magnet and
  rare-earth exports, a market wrap, other central banks).

The texts are ours; topic figures come from tradelane's data, a few deliberately wrong (seeded, labelled
contradicted). The labels are the CORRECT expected behaviour (see /work/notes/redteam_rates.md for the ones the
checker does not meet yet). Label = (claim text, series, partner, period, measure, verdict).
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

from .conftest import check_fixture, other_texts, topic_claims

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"
L1, L5, RR, MLF, P = "lpr/1y", "lpr/5y", "policy/7d_reverse_repo", "policy/mlf_1y", "polls"

LABELS: dict[str, list[tuple[str, str, str | None, str, str, str]]] = {
    "redteam_rates_bloomberg_lpr_jan2026.txt": [
        ("3%", L1, None, "2026-01", "level", "supported"),
        ("3.5%", L5, None, "2026-01", "level", "supported"),  # "the five-year tenor, a reference for mortgages"
        ("16", P, None, "2026-01", "count", "unverifiable"),  # no poll stored for January 2026
        ("eighth straight month", L1, None, "2026-01", "streak", "supported"),
        ("eighth straight month", L5, None, "2026-01", "streak", "supported"),
        ("10 bps", L1, None, "2025-05", "change_bp", "supported"),  # "trimmed each by 10 bps"
        ("10 bps", L5, None, "2025-05", "change_bp", "supported"),
        ("1.4%", RR, None, "2025-05", "level", "supported"),  # "seven-day reverse repurchase rate to 1.4%"
        ("3.2%", L1, None, "2025-04", "level", "contradicted"),  # seeded: 3.1
        # not labelled: the seeded "the seven-day rate, currently 1.5%" names no instrument ("seven-day rate" is also
        # the DR007 interbank rate), so the checker leaves it alone rather than guess the reverse repo
        ("25", P, None, "2025-12", "count", "supported"),  # "polled before the December fixing"
    ],
    "redteam_rates_fxblog_oct2024.txt": [
        ("25bp", L1, None, "2024-10", "change_bp", "supported"),  # the title
        ("25bp", L5, None, "2024-10", "change_bp", "supported"),
        ("3.10%", L1, None, "2024-10", "level", "supported"),
        ("3.60%", L5, None, "2024-10", "level", "supported"),
        ("3.10%", L1, None, "2024-10", "level", "supported"),  # "1Y LPR 3.10% (exp 3.15%; prior 3.35%)"
        ("3.35%", L1, None, "2024-09", "level", "supported"),  # "prior" = the previous fixing
        ("3.60%", L5, None, "2024-10", "level", "supported"),
        ("3.85%", L5, None, "2024-09", "level", "supported"),
        ("25 bps", L1, None, "2024-10", "change_bp", "supported"),  # "..., the biggest cut on record ... since 2019"
        ("25 bps", L5, None, "2024-10", "change_bp", "supported"),
        ("quarter-point", L1, None, "2024-10", "change_bp", "supported"),  # "a quarter-point cut"
        ("quarter-point", L5, None, "2024-10", "change_bp", "supported"),
        ("20bp", RR, None, "2024-09", "change_bp", "supported"),
        ("1.5%", RR, None, "2024-09", "level", "supported"),  # "effective September 27"
        ("1.8%", RR, None, "2024-08", "level", "contradicted"),  # seeded: the level before the cut was 1.7
        ("2.0%", MLF, None, "2024-09", "level", "supported"),
        ("2.3%", MLF, None, "2024-08", "level", "supported"),
        ("115bp", L1, None, "2024-10", "change_bp", "supported"),  # "115bp below the 4.25% it debuted at"
        ("4.25%", L1, None, "2019-08", "level", "supported"),
        ("125bp", L5, None, "2024-10", "change_bp", "supported"),  # "since that first fixing": 4.85 -> 3.60
        ("4.31%", L1, None, "2019-07", "level", "unverifiable"),  # pre-reform
        ("45 bp", L1, None, "2024-10", "change_bp", "contradicted"),  # seeded: 35 bp in 2024 (3.45 -> 3.10)
        ("60 bp", L5, None, "2024-10", "change_bp", "supported"),  # 4.20 -> 3.60 in 2024
        ("-25bp", L5, None, "2024-02", "change_bp", "supported"),
        ("3.95%", L5, None, "2024-02", "level", "supported"),
        ("3.45%", L1, None, "2024-02", "level", "supported"),
        ("-10bp", L1, None, "2024-07", "change_bp", "supported"),
        ("-10bp", L5, None, "2024-07", "change_bp", "supported"),
        ("3.35%", L1, None, "2024-07", "level", "supported"),
        ("3.85%", L5, None, "2024-07", "level", "supported"),
        ("-25bp", L1, None, "2024-10", "change_bp", "supported"),
        ("-25bp", L5, None, "2024-10", "change_bp", "supported"),
        ("5bp", L1, None, "2021-12", "change_bp", "supported"),  # "Dec 2021:" (abbreviated month, no dot)
        ("3.80%", L1, None, "2021-12", "level", "supported"),
        # "the first cut in 20 months" (history pass): months since the cut before (April 2020)
        ("20 months", L1, None, "2021-12", "streak", "supported"),
        ("4.65%", L5, None, "2021-12", "level", "supported"),
        ("-10bp", L1, None, "2022-01", "change_bp", "supported"),  # "Jan 2022:"
        ("3.70%", L1, None, "2022-01", "level", "supported"),
        ("-5bp", L5, None, "2022-01", "change_bp", "supported"),
        ("4.60%", L5, None, "2022-01", "level", "supported"),
        ("-15bp", L5, None, "2022-08", "change_bp", "supported"),  # "Aug 2022:"
        ("4.30%", L5, None, "2022-08", "level", "supported"),
        ("29", P, None, "2024-09", "count", "supported"),
        ("39", P, None, "2024-09", "count", "supported"),
        ("24", P, None, "2024-02", "count", "contradicted"),  # seeded: 25 of 27 expected a cut
        ("27", P, None, "2024-02", "count", "supported"),
    ],
    "redteam_rates_digest_sep2025.txt": [
        ("3 percent", L1, None, "2025-09", "level", "supported"),
        ("3.5 percent", L5, None, "2025-09", "level", "supported"),
        ("four months running", L1, None, "2025-09", "streak", "supported"),
        ("four months running", L5, None, "2025-09", "streak", "supported"),
        ("20", P, None, "2025-09", "count", "supported"),
        ("3.1 per cent", L1, None, "2025-04", "level", "supported"),  # "before being trimmed in May"
        ("3.5%", L5, None, "2025-09", "level", "supported"),
        ("fifth straight month", L5, None, "2025-09", "streak", "contradicted"),  # seeded: 4; the 5Y only
        ("1.40%", RR, None, "2025-09", "level", "supported"),
        ("2.0%", MLF, None, "2025-09", "level", "unverifiable"),  # no single MLF rate since 2025
        ("6,146 tonnes", M + "WLD", "WLD", "2025-08", "level", "supported"),
        ("10.2%", M + "WLD", "WLD", "2025-08", "mom_pct", "supported"),
        ("15.4%", M + "WLD", "WLD", "2025-08", "yoy_pct", "supported"),
        ("4.7%", M + "USA", "USA", "2025-08", "mom_pct", "supported"),
        ("509 tonnes", M + "USA", "USA", "2025-08", "level", "contradicted"),  # seeded: 590
        ("1,346 tonnes", M + "DEU", "DEU", "2025-08", "level", "supported"),
        ("2,582 tonnes", M + "EUU", "EUU", "2025-08", "level", "supported"),
        ("12%", M + "EUU", "EUU", "2025-08", "mom_pct", "contradicted"),  # seeded: +21%
        ("402 tonnes", M + "VNM", "VNM", "2025-08", "level", "unverifiable"),  # no Vietnam figure for Aug 2025
        ("5,792 tonnes", R + "WLD", "WLD", "2025-08", "level", "supported"),
        ("3.4%", R + "WLD", "WLD", "2025-08", "mom_pct", "supported"),
    ],
}

DATES = {
    "redteam_rates_bloomberg_lpr_jan2026.txt": "2026-01-20",
    "redteam_rates_fxblog_oct2024.txt": "2024-10-21",
    "redteam_rates_digest_sep2025.txt": "2025-09-22",
}

# numbers that are not about tradelane's series: forecasts, other central banks, markets, liquidity, RRR
OTHER = {
    "redteam_rates_bloomberg_lpr_jan2026.txt": {"10 basis-point", "6.96", "1.86%", "0.3%", "3.5%", "3.75%",
                                                "5.25%", "50 basis points", "900 billion yuan",
                                                "11th month in a row"},
    "redteam_rates_fxblog_oct2024.txt": {"3.15%", "3.65%", "20bp", "50bp", "1 trillion yuan", "2.11%", "1.6%",
                                         "30%"},
    "redteam_rates_digest_sep2025.txt": {"590,000 yuan", "340%", "1.88%", "79,850 yuan", "$105", "25 basis points",
                                         "4.00%", "4.25%", "5.5%", "25bp", "4.75%", "5.2%"},
}


def _check(index: DataIndex, name: str) -> dict:
    return check_fixture(index, name)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_article_date(index: DataIndex, name: str) -> None:
    assert _check(index, name)["article"]["date"] == DATES[name]


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_claims(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    topic = topic_claims(res)
    assert sorted(topic) == sorted(LABELS[name])


@pytest.mark.parametrize("name", sorted(OTHER))
def test_numbers_about_other_things_are_not_linked(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    other = other_texts(res)
    assert OTHER[name] <= other
    # widget, teaser and related-post numbers are never claims
    assert not any(c["text"] in ("7.1180", "+0.12%", "1.0862", "2,721.4", "7.0982", "$4,600", "4%")
                   for c in res["claims"])


# minimal reproductions (see the report): (sentence, article date, topic claims as
# (text, series, period, measure, verdict), texts that must be `other`)
REPROS = [
    ("The central bank lowered its seven-day reverse repurchase rate to 1.4% in May.", "2026-01-20",
     [("1.4%", RR, "2025-05", "level", "supported")], set()),
    ("The one-year LPR was 3.0 percent, 10 basis points lower than the previous month.", "2025-05-20",
     [("3.0 percent", L1, "2025-05", "level", "supported"), ("10 basis points", L1, "2025-05", "change_bp",
                                                               "supported")], set()),
    ("The one-year LPR fell 25 basis points from last month's 3.35%.", "2024-10-21",
     [("25 basis points", L1, "2024-10", "change_bp", "supported"), ("3.35%", L1, "2024-09", "level", "supported")],
     set()),
    ("In Dec 2021 the one-year LPR was trimmed 5bp to 3.80%.", "2024-10-21",
     [("5bp", L1, "2021-12", "change_bp", "supported"), ("3.80%", L1, "2021-12", "level", "supported")], set()),
    ("Jan 2022: 1Y -10bp to 3.70%, 5Y -5bp to 4.60%", "2024-10-21",
     [("-10bp", L1, "2022-01", "change_bp", "supported"), ("3.70%", L1, "2022-01", "level", "supported"),
      ("-5bp", L5, "2022-01", "change_bp", "supported"), ("4.60%", L5, "2022-01", "level", "supported")], set()),
    ("- 1Y LPR 3.10% (exp 3.15%; prior 3.35%)", "2024-10-21",
     [("3.10%", L1, "2024-10", "level", "supported"), ("3.35%", L1, "2024-09", "level", "supported")], {"3.15%"}),
    ("Economists had forecast the one-year LPR at 3.15%.", "2024-10-21", [], {"3.15%"}),
    ("Consensus had been looking for a 20bp cut to both LPRs.", "2024-10-21", [], {"20bp"}),
    ("The Federal Reserve lowered its policy rate by 25 basis points to a range of 4.00% to 4.25% last Wednesday.",
     "2025-09-22", [], {"25 basis points", "4.00%", "4.25%"}),
    ("Bank Indonesia cut its benchmark rate by 25bp to 4.75%.", "2025-09-22", [], {"25bp", "4.75%"}),
    ("China's one-year LPR stood at 3 percent. Bank Indonesia surprised with a 25bp cut to 4.75%.", "2025-09-22",
     [("3 percent", L1, "2025-09", "level", "supported")], {"25bp", "4.75%"}),
    ("The LPRs have now been kept steady for four months running.", "2025-09-22",
     [("four months running", L1, "2025-09", "streak", "supported"),
      ("four months running", L5, "2025-09", "streak", "supported")], set()),
    ("Both LPRs have been unchanged for eight months.", "2026-01-20",
     [("eight months", L1, "2026-01", "streak", "supported"), ("eight months", L5, "2026-01", "streak", "supported")],
     set()),
    ("The one-year rate was 3%, and the five-year LPR has been left on hold at 3.5% for a fourth straight month.",
     "2025-09-22", [("3%", L1, "2025-09", "level", "supported"), ("3.5%", L5, "2025-09", "level", "supported"),
                    ("fourth straight month", L5, "2025-09", "streak", "supported")], set()),
    ("The one-year LPR was 3.1 per cent before being trimmed in May.", "2025-09-22",
     [("3.1 per cent", L1, "2025-04", "level", "supported")], set()),
    ("The one-year LPR was lowered 5 basis points to 4.15 per cent, the first cut since the August 2019 reform.",
     "2019-11-20", [("5 basis points", L1, "2019-11", "change_bp", "supported"),
                    ("4.15 per cent", L1, "2019-11", "level", "supported")], set()),
    ("The 1Y LPR is now 115bp below the 4.25% it debuted at in August 2019.", "2024-10-21",
     [("115bp", L1, "2024-10", "change_bp", "supported"), ("4.25%", L1, "2019-08", "level", "supported")], set()),
    ("The 5Y LPR has come down 125bp since its first fixing in August 2019.", "2024-10-21",
     [("125bp", L5, "2024-10", "change_bp", "supported")], set()),
    ("The one-year LPR has been cut by a cumulative 35 bp this year.", "2024-10-21",
     [("35 bp", L1, "2024-10", "change_bp", "supported")], set()),
    ("The five-year LPR is down 60 bp in 2024.", "2024-10-21",
     [("60 bp", L5, "2024-10", "change_bp", "supported")], set()),
    ("The 7-day reverse repo rate was lowered by 20bp to 1.5% from 1.7%, effective September 27.", "2024-10-21",
     [("20bp", RR, "2024-09", "change_bp", "supported"), ("1.5%", RR, "2024-09", "level", "supported"),
      ("1.7%", RR, "2024-08", "level", "supported")], set()),
    ("In a Reuters survey before the December fixing, all 25 respondents expected steady rates.", "2026-01-20",
     [("25", P, "2025-12", "count", "supported")], set()),
    ("The LPR was left unchanged for a sixth consecutive month, as 25 of 28 traders and analysts had predicted.",
     "2020-10-20", [("sixth consecutive month", L1, "2020-10", "streak", "supported"),
                    ("sixth consecutive month", L5, "2020-10", "streak", "supported"),
                    ("25", P, "2020-10", "count", "supported"), ("28", P, "2020-10", "count", "supported")], set()),
    ("The PBOC injected 900 billion yuan through its medium-term lending facility this month, adding net funds for "
     "an 11th month in a row.", "2026-01-20", [], {"900 billion yuan"}),
    ("The PBOC delivered a quarter-point cut to the one-year LPR.", "2024-10-21",
     [("quarter-point", L1, "2024-10", "change_bp", "supported")], set()),
]


@pytest.mark.parametrize(("sentence", "day", "topic", "other"), REPROS)
def test_minimal_reproductions(index: DataIndex, sentence: str, day: str, topic: list[tuple], other: set[str]) -> None:
    claims = check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]
    got = [(c["text"], c["series"], c["period"], c["measure"], c["verdict"]) for c in claims if c["series"] != "other"]
    assert got == topic
    assert other <= {c["text"] for c in claims if c["series"] == "other"}
