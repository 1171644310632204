"""Rate-history sentences (red-team pass ``history``): our own one-sentence texts, verdicts on the embedded data."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

L1, L5, RR, MLF, P = "lpr/1y", "lpr/5y", "policy/7d_reverse_repo", "policy/mlf_1y", "polls"


def _claims(text: str, index: DataIndex, day: str) -> list[tuple]:
    return [(c["text"], "other") if c["series"] == "other" else
            (c["text"], c["series"], c["period"], c["measure"], c["verdict"])
            for c in check(text, index, date=date.fromisoformat(day)).as_dict()["claims"]]


CASES = [
    # 1. present-tense outlooks are forecasts, not fixings; "as expected" outcomes are still checked
    ("Analysts expect another 15 bp reduction in the five-year LPR next quarter.", "2024-02-20", [("15 bp", "other")]),
    ("Traders see the one-year LPR edging down to 3.3% by the autumn.", "2024-02-20", [("3.3%", "other")]),
    ("\"We pencil in a further 10 bp off the five-year LPR,\" a strategist said.", "2024-02-20", [("10 bp", "other")]),
    ("The five-year LPR was cut by 25 bp to 3.95%, as expected.", "2024-02-20",
     [("25 bp", L5, "2024-02", "change_bp", "supported"), ("3.95%", L5, "2024-02", "level", "supported")]),
    # 2. a tenor column's name reaches its cells; a tenor label right after the number; tenors named by description
    ("Fixing | One-year LPR | Five-year LPR\nFeb 2024 | 3.45% | 3.95%", "2024-11-20",
     [("3.45%", L1, "2024-02", "level", "supported"), ("3.95%", L5, "2024-02", "level", "supported")]),
    ("In February 2024 the fixings were 3.45% 1Y and 3.95% 5Y.", "2024-11-20",
     [("3.45%", L1, "2024-02", "level", "supported"), ("3.95%", L5, "2024-02", "level", "supported")]),
    ("The one-year LPR was held in February 2024, while the longer tenor was cut to 3.95%.", "2024-11-20",
     [("3.95%", L5, "2024-02", "level", "supported")]),
    # 3. ISO dates in a sentence, a bullet label and a table row are months
    ("- 2024-02-20: five-year LPR cut 25 bp to 3.95%", "2024-11-20",
     [("25 bp", L5, "2024-02", "change_bp", "supported"), ("3.95%", L5, "2024-02", "level", "supported")]),
    ("Day | 1Y | 5Y\n2024-07-22 | 3.35% | 3.85%", "2024-11-20",
     [("3.35%", L1, "2024-07", "level", "supported"), ("3.85%", L5, "2024-07", "level", "supported")]),
    # 3b. a day-date before "to N%" is not the low end of a range
    ("The one-year LPR was lowered on Oct. 21 to 3.1%.", "2024-11-20", [("3.1%", L1, "2024-10", "level", "supported")]),
    # 5. change windows: "over the past N months", "since the end of Y", the first fixing, a year framing bare months
    ("Over the past six months the five-year LPR has fallen 35 bp.", "2024-11-20",
     [("35 bp", L5, "2024-11", "change_bp", "supported")]),
    ("Since the end of 2022 the one-year LPR has dropped 55 bps.", "2024-11-20",
     [("55 bps", L1, "2024-11", "change_bp", "supported")]),
    ("The five-year LPR sits 125 bps under its initial fixing.", "2024-11-20",
     [("125 bps", L5, "2024-11", "change_bp", "supported")]),
    ("In 2023 the one-year LPR was trimmed 10 bp in August.", "2024-11-20",
     [("10 bp", L1, "2023-08", "change_bp", "supported")]),
    # 8. "the previous reading of" is the fixing before; "sat at X% ... until <month>" is the month before it
    ("The five-year LPR fell to 3.6%, down from the previous fixing of 3.85%.", "2024-10-21",
     [("3.6%", L5, "2024-10", "level", "supported"), ("3.85%", L5, "2024-09", "level", "supported")]),
    ("The five-year LPR sat at 3.95% until July 2024.", "2024-11-20", [("3.95%", L5, "2024-06", "level", "supported")]),
    # 6. dates pointing back: "of that year" after a sentence naming the year, a day counted from the date before
    ("The pandemic easing came in 2020. In February of that year the five-year LPR was cut 5 bp to 4.75%.",
     "2022-01-20", [("5 bp", L5, "2020-02", "change_bp", "supported"), ("4.75%", L5, "2020-02", "level", "supported")]),
    ("The LPRs were lowered on Aug. 21, 2023. A week earlier the MLF rate had been cut to 2.5%.", "2024-11-20",
     [("2.5%", MLF, "2023-08", "level", "supported")]),
    ("The reverse repo rate closed the year at 1.8%.", "2023-12-28", [("1.8%", RR, "2023-12", "level", "supported")]),
    # 7. holds with their end written count from the move before to the next; runs of cuts; "first cut in N months"
    ("The five-year LPR was parked at 4.2% for 11 months until February 2024.", "2024-11-20",  # Jun 2023 - Feb 2024
     [("4.2%", L5, "2024-01", "level", "supported"), ("11 months", L5, "2024-01", "streak", "contradicted")]),
    ("The five-year LPR was lowered for a second straight month.", "2024-11-20",  # only October 2024 was a cut
     [("second straight month", L5, "2024-11", "streak", "contradicted")]),
    ("The PBOC cut the one-year LPR for the first time in 11 months.", "2024-07-22",  # the cut before: August 2023
     [("11 months", L1, "2024-07", "streak", "supported")]),
    # 5b. each part of a sentence keeps its own year and months
    ("2023 brought a 10 bp cut to the one-year LPR in June, while in 2024 the one-year fell 35 bp over three steps, "
     "in February, July and October.", "2024-12-20",
     [("10 bp", L1, "2023-06", "change_bp", "supported"), ("35 bp", L1, "2024-12", "change_bp", "supported")]),
    # a year inside the subject's description does not frame a later month
    ("The one-year LPR, cut three times in 2024, was left at 3% in December.", "2025-12-22",
     [("3%", L1, "2025-12", "level", "supported")]),
    # the month of an earlier event ("after cutting it in May") is not the streak's month
    ("China kept the LPR unchanged for a second straight month after cutting it in May.", "2025-07-21",
     [("second straight month", L1, "2025-07", "streak", "supported"),
      ("second straight month", L5, "2025-07", "streak", "supported")]),
    # 4. the spread's earlier size after "compared with"
    ("The five-year LPR ended 50 bps above the one-year, compared with 85 bps a year before.", "2024-12-20",
     [("50 bps", "other"), ("85 bps", "other")]),
    # 8. a record since the reform; a poll count for one tenor
    ("The five-year LPR is at its lowest since the 2019 overhaul.", "2024-12-20",
     [("lowest since the 2019 overhaul", L5, "2024-12", "record", "supported")]),
    ("Of the 43 respondents in a Reuters poll, all saw a one-year LPR cut, and 30 of those also had a five-year cut "
     "pencilled in.", "2022-01-20", [("43", P, "2022-01", "count", "supported"),
                                    ("30", P, "2022-01", "count", "unverifiable")]),
    # "5-year-plus LPR" is the five-year
    ("The 5-year-plus LPR was lowered by 25 bp.", "2024-02-20", [("25 bp", L5, "2024-02", "change_bp", "supported")]),
]


@pytest.mark.parametrize(("text", "day", "expected"), CASES)
def test_history_phrasings(index: DataIndex, text: str, day: str, expected: list[tuple]) -> None:
    assert _claims(text, index, day) == expected
