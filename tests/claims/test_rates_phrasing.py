"""Rate sentences in wordings the red-team pass found: our own one-sentence texts, verdicts on the embedded data."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

L1, L5, RR, P = "lpr/1y", "lpr/5y", "policy/7d_reverse_repo", "polls"


def _claims(text: str, index: DataIndex, day: str) -> list[tuple]:
    return [(c["text"], "other") if c["series"] == "other" else
            (c["text"], c["series"], c["period"], c["measure"], c["verdict"])
            for c in check(text, index, date=date.fromisoformat(day)).as_dict()["claims"]]


@pytest.mark.parametrize(("text", "day", "expected"), [
    # two tenors named in order, then "X and Y" without "respectively"
    ("The one-year and five-year LPRs were kept at 3% and 3.5% for a fourth straight month.", "2025-09-22",
     [("3%", L1, "2025-09", "level", "supported"), ("3.5%", L5, "2025-09", "level", "supported"),
      ("fourth straight month", L1, "2025-09", "streak", "supported"),
      ("fourth straight month", L5, "2025-09", "streak", "supported")]),
    ("The five-year and one-year LPRs stood at 3.5% and 3.1% in September.", "2025-09-22",  # seeded: 3.0
     [("3.5%", L5, "2025-09", "level", "supported"), ("3.1%", L1, "2025-09", "level", "contradicted")]),
    # a direction word after the next number is not this number's
    ("The one-year LPR was cut by 25 bp to 3.1%, more than the 20 bp expected.", "2024-10-21",
     [("25 bp", L1, "2024-10", "change_bp", "supported"), ("3.1%", L1, "2024-10", "level", "supported"),
      ("20 bp", "other")]),
    # "as expected" is about the outcome, which is still checked
    ("As expected, the one-year LPR was lowered 25 basis points to 3.1%.", "2024-10-21",
     [("25 basis points", L1, "2024-10", "change_bp", "supported"), ("3.1%", L1, "2024-10", "level", "supported")]),
    # another pollster's survey is not checked against the stored (Reuters) poll
    ("All 16 economists surveyed by Bloomberg expected the LPR to stay unchanged in December.", "2025-12-22",
     [("16", P, "2025-12", "count", "unverifiable")]),
    ("All 25 respondents in a Reuters poll expected the LPR to stay unchanged in December.", "2025-12-22",
     [("25", P, "2025-12", "count", "supported")]),
    # a liquidity injection through the MLF is not the MLF rate
    ("The central bank rolled over maturing MLF loans and injected net funds for a tenth month in a row.",
     "2026-01-20", [("tenth month in a row", "other")]),
    # a change over the year before the article's year ends in that December
    ("The five-year LPR fell 60 bp in 2024.", "2025-03-21", [("60 bp", L5, "2024-12", "change_bp", "supported")]),
    ("The five-year LPR fell 50 bp in 2024.", "2025-03-21", [("50 bp", L5, "2024-12", "change_bp", "contradicted")]),
    # other central banks inside a China rates paragraph
    ("The Reserve Bank of India held its repo rate at 5.5%, while China's one-year LPR stayed at 3%.", "2025-09-22",
     [("5.5%", "other"), ("3%", L1, "2025-09", "level", "supported")]),
    ("Unlike the Fed, which cut last week, the PBOC kept the seven-day reverse repurchase rate at 1.4% in September.",
     "2025-09-22", [("1.4%", RR, "2025-09", "level", "supported")]),
])
def test_rate_phrasings(index: DataIndex, text: str, day: str, expected: list[tuple]) -> None:
    assert _claims(text, index, day) == expected


def test_a_central_bank_name_is_not_a_trade_partner(index: DataIndex) -> None:
    got = _claims("Bank Indonesia cut its benchmark rate by 25bp to 4.75%.", index, "2025-09-22")
    assert got == [("25bp", "other"), ("4.75%", "other")]
