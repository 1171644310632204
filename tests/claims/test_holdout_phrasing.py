"""Failure classes seen on the held-out articles, as our own one-sentence tests (verdicts on the embedded data)."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"


@pytest.mark.parametrize(("text", "day", "expected"), [
    # a product named inside an aside is not the number's
    ("China's rare earth magnet exports fell in December. Exports of rare earths - the group of 17 minerals that "
     "magnet makers rely on - fell to 4,392 tons in December.", "2026-01-20",
     [("4,392 tons", R + "WLD", "2025-12", "level", "supported")]),
    # a year-earlier month after a monthly comparison: the change's own comparison wins over the sentence's levels
    ("China's rare earth exports fell to 4,392 tons in December, down 20% from November's 5,493.9 tons but 32% "
     "higher than in December 2024.", "2026-01-20",
     [("4,392 tons", R + "WLD", "2025-12", "level", "supported"), ("20%", R + "WLD", "2025-12", "mom_pct", "supported"),
      ("5,493.9 tons", R + "WLD", "2025-11", "level", "supported"),
      ("32%", R + "WLD", "2025-12", "yoy_pct", "supported")]),
    # the subject of the main clause after a fronted "After ..., "
    ("After bottoming at 46 tons in May, US-bound shipments of magnets recovered to 353 tons in June.", "2025-07-20",
     [("46 tons", M + "USA", "2025-05", "level", "supported"), ("353 tons", M + "USA", "2025-06", "level",
                                                               "supported")]),
    # "its November intake" is the base of the change
    ("Shipments of magnets to Japan rose to 280 tons in December, 31.4% more than a year earlier, though that was "
     "still 8% below its November intake.", "2026-01-20",
     [("280 tons", M + "JPN", "2025-12", "level", "supported"), ("31.4%", M + "JPN", "2025-12", "yoy_pct",
                                                                 "supported"),
      ("8%", M + "JPN", "2025-12", "mom_pct", "supported")]),
    # the headline's basis carries to the partners listed after it
    ("China's magnet exports rose 17.5% on-year to 5,774 tons in September. Germany remained the largest buyer at "
     "1,288 tons, up 27.9%.", "2025-10-21",
     [("17.5%", M + "WLD", "2025-09", "yoy_pct", "supported"), ("5,774 tons", M + "WLD", "2025-09", "level",
                                                                 "supported"),
      ("1,288 tons", M + "DEU", "2025-09", "level", "supported"),
      ("27.9%", M + "DEU", "2025-09", "yoy_pct", "supported")]),
])
def test_holdout_failure_classes(index: DataIndex, text: str, day: str, expected: list[tuple]) -> None:
    got = [(c["text"], c["series"], c["period"], c["measure"], c["verdict"])
           for c in check(text, index, date=date.fromisoformat(day)).as_dict()["claims"]]
    assert got == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    # a record of another subject, a level for a future date, a cut dated by "…, when it was last trimmed"
    ("Net interest margins, already at a record low of 1.69%, limit how far banks can cut the LPR.", "2024-10-21",
     [("record low", "other", None, "other", "unverifiable"), ("1.69%", "other", None, "other", "unverifiable")]),
    ("Economists see the one-year LPR likely at 2.9% by the end of next year.", "2024-10-21",
     [("2.9%", "other", None, "other", "unverifiable")]),
    ("The one-year LPR has been at 3.45% since August 2023, when it was last trimmed, by 10 basis points.",
     "2024-02-20", [("3.45%", "lpr/1y", "2024-02", "level", "supported"),
                    ("10 basis points", "lpr/1y", "2023-08", "change_bp", "supported")]),
    # a multiple of something that is not a trade flow
    ("China's magnet exports to the US fell in December. \"The paperwork per shipment has tripled,\" one exporter "
     "said.", "2026-01-20", [("tripled", "other", None, "other", "unverifiable")]),
    ("Magnet exports were 57,392 tons in 2025, about 1.3% less than the 58,152 tons shipped in 2024.", "2026-01-20",
     [("57,392 tons", M + "WLD", "2025", "level", "supported"), ("1.3%", M + "WLD", "2025", "yoy_pct", "supported"),
      ("58,152 tons", M + "WLD", "2024", "level", "supported")]),
])
def test_holdout_rate_and_non_claim_classes(index: DataIndex, text: str, day: str, expected: list[tuple]) -> None:
    got = [(c["text"], c["series"], c["period"], c["measure"], c["verdict"])
           for c in check(text, index, date=date.fromisoformat(day)).as_dict()["claims"]]
    assert got == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    # a year frame and "for the full year" after it
    ("For all of 2025, China exported 57,392 tons of rare earth magnets, a 1.3% dip from the year before. Shipments "
     "to the U.S. for the full year were 5,933 tons.", "2026-04-20",
     [("57,392 tons", M + "WLD", "2025", "level", "supported"), ("1.3%", M + "WLD", "2025", "yoy_pct", "supported"),
      ("5,933 tons", M + "USA", "2025", "level", "supported")]),
    # "First-quarter" is Q1; a base month right after the change wins over a basis word earlier in the sentence
    ("First-quarter magnet exports came to about 16,000 tons.", "2026-04-20",
     [("16,000 tons", M + "WLD", "2026-01/2026-03", "level", "supported")]),
    ("Magnet exports rose to 5,238 tons in March, up 60 per cent year-on-year and 32 per cent above February.",
     "2026-04-20", [("5,238 tons", M + "WLD", "2026-03", "level", "supported"),
                    ("60 per cent", M + "WLD", "2026-03", "yoy_pct", "contradicted"),
                    ("32 per cent", M + "WLD", "2026-03", "mom_pct", "contradicted")]),
    # the old benchmark; a change since the mechanism was overhauled; "from X last month" is last month's level
    ("The old one-year benchmark lending rate, frozen at 4.35% since 2015, was replaced by the LPR.", "2022-08-22",
     [("4.35%", "other", None, "other", "unverifiable")]),
    ("The five-year LPR has fallen 55 basis points since the LPR mechanism was overhauled in August 2019.",
     "2022-08-22", [("55 basis points", "lpr/5y", "2022-08", "change_bp", "supported")]),
    ("The one-year LPR was cut to 3.65 per cent, down from 3.7 per cent last month. The five-year LPR was cut to "
     "4.3 per cent from 4.45 per cent.", "2022-08-22",
     [("3.65 per cent", "lpr/1y", "2022-08", "level", "supported"), ("3.7 per cent", "lpr/1y", "2022-07", "level",
                                                                     "supported"),
      ("4.3 per cent", "lpr/5y", "2022-08", "level", "supported"), ("4.45 per cent", "lpr/5y", "2022-07", "level",
                                                                    "supported")]),
    # a forecast table is not a set of fixings
    ("FORECASTS (end of period, %)\n             2Q21   3Q21   4Q21\n1Y LPR       3.85   3.85   3.85\n\n"
     "The one-year LPR was held at 3.85% in April.\n", "2021-04-20",
     [("3.85%", "lpr/1y", "2021-04", "level", "supported")]),
])
def test_second_holdout_classes(index: DataIndex, text: str, day: str, expected: list[tuple]) -> None:
    got = [(c["text"], c["series"], c["period"], c["measure"], c["verdict"])
           for c in check(text, index, date=date.fromisoformat(day)).as_dict()["claims"]]
    assert got == expected
