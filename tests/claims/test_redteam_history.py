"""Red-team fixtures (prefix ``history``): China's benchmark rates across their whole history in the data.

* ``redteam_history_wire_lpr_jan2022.txt``: a wire LPR story of 20 January 2022 (a cut streak, "the first time in 21
  months", "trimmed by a smaller 5 bps", a snap poll split by tenor, a fact-box bullet "55 bps below its first
  fixing", the April 2020 COVID cut told as "In April of that year", "the 4.25% at which it was first quoted", "the
  longer tenor", the term spread, a quoted forecast "We look for another 10 bp").
* ``redteam_history_explainer_lpr_nov2024.html``: a business-site page of 20 November 2024 recapping 2023-2024
  ("On Aug. 21 of that year", "on 20 February 2024", "on 2024-07-22", "on the 25th", "sat at 3.45% for 11 straight
  months", "parked at 3.95% for six straight months", "Since the end of 2023", "125 bps below where it started in
  August 2019", spreads, "Analysts ... expect", the Fed).
* ``redteam_history_yearend_lpr_2022.txt``: a year-end review of 2022 (bullets dated "Jan. 20", "20 May 2022",
  "2022-08-22"; a pipe table "Date | 1Y | 5Y" with ISO dates; "Over the twelve months ... a cumulative 15 bp";
  spreads; earlier years "2021 saw ...", "in 2020 the one-year fell ..."; "ended the year at"; forecasts with "expect"
  and "see ... falling to").

The texts are ours; topic figures come from tradelane's data, a few deliberately wrong (seeded, labelled
contradicted). The labels are the CORRECT expected behaviour (see /work/notes/redteam_history.md for the ones the
checker does not meet yet). Label = (claim text, series, partner, period, measure, verdict).

Representation (history pass): a run of cuts ("for a second straight month") and "the first cut in 21 months" are
`streak` claims of the fixing month (``streak_kind`` "cuts" / "since_cut"); a hold with its end written ("sat at 3.45%
for 11 straight months until July 2024") counts the months from the move before to the next one ("at_level"); a
spread between the tenors ("the gap ... narrowed to 65 bps") is `other` (no spread series), never a change of one
tenor.
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

from .conftest import check_fixture, other_texts, topic_claims

L1, L5, RR, MLF, P = "lpr/1y", "lpr/5y", "policy/7d_reverse_repo", "policy/mlf_1y", "polls"

LABELS: dict[str, list[tuple[str, str, str | None, str, str, str]]] = {
    "redteam_history_wire_lpr_jan2022.txt": [
        ("21 months", L5, None, "2022-01", "streak", "supported"),  # headline: first cut to the 5Y in 21 months
        ("second straight month", L1, None, "2022-01", "streak", "supported"),  # cuts in Dec 2021 and Jan 2022
        ("21 months", L5, None, "2022-01", "streak", "supported"),  # lede: last 5Y cut April 2020
        ("10 basis points", L1, None, "2022-01", "change_bp", "supported"),
        ("3.70%", L1, None, "2022-01", "level", "supported"),
        ("3.80%", L1, None, "2021-12", "level", "supported"),
        ("5 bps", L5, None, "2022-01", "change_bp", "supported"),  # "trimmed by a smaller 5 bps"
        ("4.60%", L5, None, "2022-01", "level", "supported"),
        ("4.65%", L5, None, "2021-12", "level", "supported"),
        ("43", P, None, "2022-01", "count", "supported"),
        ("34", P, None, "2022-01", "count", "unverifiable"),  # the stored poll has no split by tenor
        ("38", P, None, "2021-12", "count", "unverifiable"),  # no poll stored for December 2021
        ("45", P, None, "2021-12", "count", "unverifiable"),
        ("55 bps", L1, None, "2022-01", "change_bp", "supported"),  # bullet: "now 55 bps below its first fixing"
        ("10 basis points", MLF, None, "2022-01", "change_bp", "supported"),
        ("2.80%", MLF, None, "2022-01", "level", "contradicted"),  # seeded: 2.85
        ("2.10%", RR, None, "2022-01", "level", "supported"),
        ("20 bps", MLF, None, "2020-04", "change_bp", "supported"),
        ("2.95%", MLF, None, "2020-04", "level", "supported"),
        ("3.85%", L1, None, "2021-11", "level", "supported"),  # "stuck at 3.85% ... before ... in December"
        ("18 months", L1, None, "2021-11", "streak", "contradicted"),  # seeded: 20 (Apr 2020 - Nov 2021)
        ("5 bps", L1, None, "2021-12", "change_bp", "supported"),
        ("20 basis points", L1, None, "2020-04", "change_bp", "supported"),  # "In April of that year" = 2020
        ("3.85%", L1, None, "2020-04", "level", "supported"),
        ("10 bps", L5, None, "2020-04", "change_bp", "supported"),
        ("4.65%", L5, None, "2020-04", "level", "supported"),
        ("4.05%", L1, None, "2020-02", "level", "supported"),
        ("4.70%", L5, None, "2020-02", "level", "contradicted"),  # seeded: 4.75
        ("55 basis points", L1, None, "2022-01", "change_bp", "supported"),  # 4.25 (2019-08) -> 3.70
        ("4.25%", L1, None, "2019-08", "level", "supported"),  # "the 4.25% at which it was first quoted"
        ("25 bps", L5, None, "2022-01", "change_bp", "supported"),  # "the longer tenor": 4.85 -> 4.60
    ],
    "redteam_history_explainer_lpr_nov2024.html": [
        ("3.1 per cent", L1, None, "2024-11", "level", "supported"),
        ("3.6 per cent", L5, None, "2024-11", "level", "supported"),
        ("27", P, None, "2024-11", "count", "unverifiable"),  # no poll stored for November 2024
        ("record lows", L1, None, "2024-11", "record", "supported"),
        ("record lows", L5, None, "2024-11", "record", "supported"),
        ("25 basis points", L1, None, "2024-10", "change_bp", "supported"),  # "On 21 October"
        ("25 basis points", L5, None, "2024-10", "change_bp", "supported"),
        ("10 bps", L1, None, "2023-08", "change_bp", "supported"),  # "On Aug. 21 of that year" (mid-2023)
        ("3.45%", L1, None, "2023-08", "level", "supported"),
        ("4.2%", L5, None, "2023-08", "level", "supported"),
        ("35", P, None, "2023-08", "count", "unverifiable"),  # the 2023-08 poll row holds no counts
        ("15 basis points", MLF, None, "2023-08", "change_bp", "supported"),  # "A week earlier"
        ("2.5%", MLF, None, "2023-08", "level", "supported"),
        ("3.45%", L1, None, "2024-06", "level", "supported"),  # "sat at 3.45% ... until July 2024"
        ("11 straight months", L1, None, "2024-06", "streak", "supported"),  # Aug 2023 - Jun 2024
        ("25 bps", L5, None, "2024-02", "change_bp", "supported"),  # "on 20 February 2024"
        ("3.95%", L5, None, "2024-02", "level", "supported"),
        ("4.2%", L5, None, "2024-01", "level", "supported"),  # "down from the previous reading of 4.2%"
        ("3.45%", L1, None, "2024-02", "level", "supported"),
        ("25", P, None, "2024-02", "count", "supported"),
        ("27", P, None, "2024-02", "count", "supported"),
        ("1.7%", RR, None, "2024-07", "level", "supported"),  # "on 2024-07-22"
        ("1.8%", RR, None, "2024-06", "level", "supported"),
        ("10 bps", L1, None, "2024-07", "change_bp", "supported"),  # "the same morning"
        ("10 bps", L5, None, "2024-07", "change_bp", "supported"),
        ("3.35%", L1, None, "2024-07", "level", "supported"),
        ("3.95%", L5, None, "2024-07", "level", "contradicted"),  # seeded: 3.85
        ("3.95%", L5, None, "2024-06", "level", "supported"),  # "parked at 3.95% ... before that move"
        ("six straight months", L5, None, "2024-06", "streak", "contradicted"),  # seeded: 5 (Feb - Jun 2024)
        ("20 bps", MLF, None, "2024-07", "change_bp", "supported"),  # "Three days later, on the 25th"
        ("2.3%", MLF, None, "2024-07", "level", "supported"),
        ("20 bp", RR, None, "2024-09", "change_bp", "supported"),
        ("1.5%", RR, None, "2024-09", "level", "supported"),
        ("2.0%", MLF, None, "2024-09", "level", "supported"),  # "cut on Sept. 25 to 2.0%" (not a range 25-2.0)
        ("30 bp", MLF, None, "2024-09", "change_bp", "supported"),
        ("60 bps", L5, None, "2024-11", "change_bp", "supported"),  # "Since the end of 2023": 4.20 -> 3.60
        ("35 bps", L1, None, "2024-11", "change_bp", "supported"),  # 3.45 -> 3.10
        ("125 bps", L1, None, "2024-11", "change_bp", "contradicted"),  # seeded: 115 below August 2019's 4.25
    ],
    "redteam_history_yearend_lpr_2022.txt": [
        ("record lows", L5, None, "2022-12", "record", "supported"),  # headline: "a mortgage rate at record lows"
        ("3.65%", L1, None, "2022-12", "level", "supported"),
        ("4.30%", L5, None, "2022-12", "level", "supported"),
        ("fourth straight month", L1, None, "2022-12", "streak", "supported"),
        ("fourth straight month", L5, None, "2022-12", "streak", "supported"),
        ("27", P, None, "2022-12", "count", "supported"),
        ("17", P, None, "2022-12", "count", "supported"),
        ("10", P, None, "2022-12", "count", "supported"),
        ("10 bp", L1, None, "2022-01", "change_bp", "supported"),  # "Jan. 20:"
        ("3.70%", L1, None, "2022-01", "level", "supported"),
        ("5 bp", L5, None, "2022-01", "change_bp", "supported"),
        ("4.60%", L5, None, "2022-01", "level", "supported"),
        ("15 bp", L5, None, "2022-05", "change_bp", "supported"),  # "20 May 2022:"
        ("4.45%", L5, None, "2022-05", "level", "supported"),
        ("3.70%", L1, None, "2022-05", "level", "supported"),
        ("5 bp", L1, None, "2022-08", "change_bp", "supported"),  # "2022-08-22:"
        ("3.65%", L1, None, "2022-08", "level", "supported"),
        ("15 bp", L5, None, "2022-08", "change_bp", "supported"),
        ("4.30%", L5, None, "2022-08", "level", "supported"),
        # the pipe table "Date | 1Y | 5Y" with ISO dates
        ("3.80%", L1, None, "2021-12", "level", "supported"),
        ("4.65%", L5, None, "2021-12", "level", "supported"),
        ("3.70%", L1, None, "2022-01", "level", "supported"),
        ("4.60%", L5, None, "2022-01", "level", "supported"),
        ("3.70%", L1, None, "2022-05", "level", "supported"),
        ("4.40%", L5, None, "2022-05", "level", "contradicted"),  # seeded: 4.45
        ("3.65%", L1, None, "2022-08", "level", "supported"),
        ("4.30%", L5, None, "2022-08", "level", "supported"),
        ("3.65%", L1, None, "2022-12", "level", "supported"),
        ("4.30%", L5, None, "2022-12", "level", "supported"),
        ("15 bp", L1, None, "2022-12", "change_bp", "supported"),  # "Over the twelve months": 3.80 -> 3.65
        ("35 bp", L5, None, "2022-12", "change_bp", "supported"),  # 4.65 -> 4.30
        ("5 bp", L1, None, "2021-12", "change_bp", "supported"),  # "2021 saw only one LPR change, ... in December"
        ("35 bp", L1, None, "2020-12", "change_bp", "contradicted"),  # seeded: 30 bp in 2020 (4.15 -> 3.85)
        ("2.85%", MLF, None, "2022-01", "level", "supported"),
        ("2.75%", MLF, None, "2022-08", "level", "supported"),
        ("2.1%", RR, None, "2022-12", "level", "contradicted"),  # seeded: "ended the year at" 2.0
        ("record low", L5, None, "2022-12", "record", "supported"),  # "finished the year at a record low"
        ("4.3%", L5, None, "2022-12", "level", "supported"),
        ("lowest since the 2019 reform", L1, None, "2022-12", "record", "supported"),
        ("23", P, None, "2022-08", "count", "unverifiable"),  # no poll stored for August 2022
        ("26", P, None, "2022-08", "count", "unverifiable"),
    ],
}

DATES = {
    "redteam_history_wire_lpr_jan2022.txt": "2022-01-20",
    "redteam_history_explainer_lpr_nov2024.html": "2024-11-20",
    "redteam_history_yearend_lpr_2022.txt": "2022-12-28",
}

# numbers that are not about tradelane's series: spreads, forecasts, other central banks, RRR, markets, macro
OTHER = {
    "redteam_history_wire_lpr_jan2022.txt": {"10 bp", "90 basis points", "85 bps", "8.1%", "4%", "1.7%", "50 bps",
                                             "1.2 trillion yuan", "6.3410", "2.71%", "3.4%", "25 basis point"},
    "redteam_history_explainer_lpr_nov2024.html": {"50 bps", "75 bps", "10 bp", "3.4%", "1 trillion yuan", "5.9%",
                                                    "10.3%", "10 trillion yuan", "50 basis points", "7.2380"},
    "redteam_history_yearend_lpr_2022.txt": {"65 bps", "85 bps", "10 bps", "10 bp", "3.55%", "3.9%", "5.5%", "40%",
                                             "8.5%", "425 bps"},
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
    # ticker, teaser and related-link numbers are never claims
    assert not any(c["text"] in ("3,367.99", "+0.81%", "19,705.01", "12.7%", "900 billion yuan", "$3.36 trillion",
                                 "29.9%", "2.6%", "6.3504") for c in res["claims"])


# minimal reproductions (see the report): (sentence, article date, topic claims as
# (text, series, period, measure, verdict), texts that must be `other`)
REPROS = [
    # 1. an ISO date (or a day-first date) in a sentence, bullet or table row dates the figures
    ("On 2024-07-22 the PBOC lowered the seven-day reverse repo rate to 1.7%.", "2024-11-20",
     [("1.7%", RR, "2024-07", "level", "supported")], set()),
    ("- 2022-08-22: one-year LPR down 5 bp to 3.65%", "2022-12-28",
     [("5 bp", L1, "2022-08", "change_bp", "supported"), ("3.65%", L1, "2022-08", "level", "supported")], set()),
    ("Date | 1Y | 5Y\n2022-05-20 | 3.70% | 4.45%\n2022-08-22 | 3.65% | 4.30%", "2022-12-28",
     [("3.70%", L1, "2022-05", "level", "supported"), ("4.45%", L5, "2022-05", "level", "supported"),
      ("3.65%", L1, "2022-08", "level", "supported"), ("4.30%", L5, "2022-08", "level", "supported")], set()),
    ("Month | 1Y LPR | 5Y LPR\nMay 2022 | 3.70% | 4.45%\nAug 2022 | 3.65% | 4.30%", "2022-12-28",
     [("3.70%", L1, "2022-05", "level", "supported"), ("4.45%", L5, "2022-05", "level", "supported"),
      ("3.65%", L1, "2022-08", "level", "supported"), ("4.30%", L5, "2022-08", "level", "supported")], set()),
    ("In May 2022 the LPRs were 3.70% 1Y, 4.45% 5Y.", "2022-12-28",
     [("3.70%", L1, "2022-05", "level", "supported"), ("4.45%", L5, "2022-05", "level", "supported")], set()),
    # 2. a spread between the tenors is not a change of either
    ("The gap between the one- and five-year LPRs narrowed to 65 bps from 85 bps a year earlier.", "2022-12-28",
     [], {"65 bps", "85 bps"}),
    ("The five-year LPR is now just 50 bps above the one-year rate.", "2024-11-20", [], {"50 bps"}),
    # 3. forecasts with "expect", "see ... falling to", "look for"
    ("Most economists expect a further 10 bp cut to the five-year LPR in the first quarter.", "2022-12-28",
     [], {"10 bp"}),
    ("Some see the one-year LPR falling to 3.55% by mid-year.", "2022-12-28", [], {"3.55%"}),
    ('"We look for another 10 bp off the one-year LPR in the second quarter," an economist said.', "2022-01-20",
     [], {"10 bp"}),
    # 4. changes over a window or since the first fixing written in other words
    ("Over the twelve months the one-year LPR fell a cumulative 15 bp.", "2022-12-28",
     [("15 bp", L1, "2022-12", "change_bp", "supported")], set()),
    ("Since the end of 2023 the five-year LPR has fallen by 60 bps.", "2024-11-20",
     [("60 bps", L5, "2024-11", "change_bp", "supported")], set()),
    ("The one-year LPR is now 55 bps below its first fixing.", "2022-01-20",
     [("55 bps", L1, "2022-01", "change_bp", "supported")], set()),
    ("The one-year LPR is now 115 bps below where it started in August 2019.", "2024-11-20",
     [("115 bps", L1, "2024-11", "change_bp", "supported")], set()),
    ("The one-year LPR is 55 basis points below the 4.25% at which it was first quoted.", "2022-01-20",
     [("55 basis points", L1, "2022-01", "change_bp", "supported"), ("4.25%", L1, "2019-08", "level", "supported")],
     set()),
    ("In 2020 the one-year LPR fell 30 bp in two steps, in February and April.", "2022-12-28",
     [("30 bp", L1, "2020-12", "change_bp", "supported")], set()),
    ("2021 saw only one LPR change, a 5 bp trim to the one-year LPR in December.", "2022-12-28",
     [("5 bp", L1, "2021-12", "change_bp", "supported")], set()),
    # relabelled: the five-year was 4.65% in December 2021 and 3.95% in February 2024, a 70 bp fall
    ("The five-year rate has fallen 90 bps since the end of 2021.", "2024-02-20",
     [("90 bps", L5, "2024-02", "change_bp", "contradicted")], set()),
    # 5. anaphoric and day-only dates; 6. streaks with other verbs, runs of cuts, "first cut in N months"; 8. polls
    ("The easing began in 2020. In April of that year the one-year LPR was cut by 20 basis points to 3.85%.",
     "2022-01-20", [("20 basis points", L1, "2020-04", "change_bp", "supported"),
                    ("3.85%", L1, "2020-04", "level", "supported")], set()),
    ("The cycle took shape in mid-2023. On Aug. 21 of that year the one-year LPR was cut by 10 bps to 3.45%.",
     "2024-11-20", [("10 bps", L1, "2023-08", "change_bp", "supported"),
                    ("3.45%", L1, "2023-08", "level", "supported")], set()),
    ("The LPRs were cut on July 22. Three days later, on the 25th, the MLF rate was lowered by 20 bps to 2.3%.",
     "2024-11-20", [("20 bps", MLF, "2024-07", "change_bp", "supported"),
                    ("2.3%", MLF, "2024-07", "level", "supported")], set()),
    ("The PBOC cut the MLF rate to 2.75% on Aug. 15. The seven-day reverse repo rate ended the year at 2.1%.",
     "2022-12-28", [("2.75%", MLF, "2022-08", "level", "supported"), ("2.1%", RR, "2022-12", "level", "contradicted")],
     set()),
    ("The one-year LPR is at its lowest since the 2019 reform.", "2022-12-28",
     [("lowest since the 2019 reform", L1, "2022-12", "record", "supported")], set()),
    ("The one-year LPR sat at 3.45% for 11 straight months until July 2024.", "2024-11-20",
     [("3.45%", L1, "2024-06", "level", "supported"), ("11 straight months", L1, "2024-06", "streak", "supported")],
     set()),
    ("The one-year LPR had been stuck at 3.85% for 20 months before it was cut in December.", "2022-01-20",
     [("3.85%", L1, "2021-11", "level", "supported"), ("20 months", L1, "2021-11", "streak", "supported")], set()),
    ("China cut its one-year LPR for a second straight month.", "2022-01-20",
     [("second straight month", L1, "2022-01", "streak", "supported")], set()),
    ("China cut the five-year LPR for the first time in 21 months.", "2022-01-20",
     [("21 months", L5, "2022-01", "streak", "supported")], set()),
    ("All 43 traders in a Reuters poll expected a one-year LPR cut, and 34 of them also forecast a lower five-year "
     "rate.", "2022-01-20", [("43", P, "2022-01", "count", "supported"), ("34", P, "2022-01", "count", "unverifiable")],
     set()),
    # 0. a day-date right before "to N%" is not the low end of a range (the claim vanished)
    ("The five-year LPR was cut on Feb. 20 to 3.95%.", "2024-02-20",
     [("3.95%", L5, "2024-02", "level", "supported")], set()),
    ("The MLF rate was cut on Aug. 15 to 2.5%.", "2023-08-21", [("2.5%", MLF, "2023-08", "level", "supported")], set()),
    # "the previous reading" is the fixing before
    ("The over-five-year LPR came in at 3.95 percent, down from the previous reading of 4.2 percent.", "2024-02-20",
     [("3.95 percent", L5, "2024-02", "level", "supported"), ("4.2 percent", L5, "2024-01", "level", "supported")],
     set()),
    # 7. tenor named by a description
    ("The one-year LPR fell 55 bps since its first fixing, while the longer tenor has come down by 25 bps.",
     "2022-01-20", [("55 bps", L1, "2022-01", "change_bp", "supported"),
                    ("25 bps", L5, "2022-01", "change_bp", "supported")], set()),
    ("China left the one-year LPR unchanged, but the mortgage rate hit a record low of 4.3%.", "2022-12-28",
     [("record low", L5, "2022-12", "record", "supported"), ("4.3%", L5, "2022-12", "level", "supported")], set()),
]


@pytest.mark.parametrize(("sentence", "day", "topic", "other"), REPROS)
def test_minimal_reproductions(index: DataIndex, sentence: str, day: str, topic: list[tuple], other: set[str]) -> None:
    claims = check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]
    got = [(c["text"], c["series"], c["period"], c["measure"], c["verdict"]) for c in claims if c["series"] != "other"]
    assert got == topic
    assert other <= {c["text"] for c in claims if c["series"] == "other"}
