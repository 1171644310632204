"""One-sentence table tests for the phrasing of long-form analysis, explainers and official transcripts (the
red-team report on analysis pieces, /work/notes/redteam_analysis.md). The sentences are our own; figures come from
tradelane's data.

Each row: (text, article date, expected claims), a claim being (text, series, period, measure, verdict), or
(text, "other") for a number that is not tradelane's.
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"

CASES: list[tuple[str, str, list[tuple[str, ...]]]] = [
    # 1. period context: a month named in a sentence without a number is the paragraph's month
    ("October was a turning point. Magnet shipments reached 5,473 tonnes.", "2026-01-22",
     [("5,473 tonnes", M + "WLD", "2025-10", "level", "supported")]),
    # "last year" / "across the year" / "a year in which" with a tonnage: the annual figure
    ("Beijing sent 57,392 tonnes of magnets abroad last year, customs data show.", "2026-02-10",
     [("57,392 tonnes", M + "WLD", "2025", "level", "supported")]),
    ("Across the year Germany bought 9,000 tonnes of magnets.", "2026-01-22",
     [("9,000 tonnes", M + "DEU", "2025", "level", "unverifiable")]),
    # "the N tonnes of 2024": a year, not another good
    ("That was below the 58,152 tonnes of magnets of 2024.", "2026-01-22",
     [("58,152 tonnes", M + "WLD", "2024", "level", "supported")]),
    # a bare month that is the article's own month has no data yet: last year's
    ("In January, 6,357 tonnes of magnets were exported.", "2026-01-25",
     [("6,357 tonnes", M + "WLD", "2025-01", "level", "supported")]),
    # "17-element", "raw-material figure": the headline rare-earth series
    ("Shipments of the seventeen-element basket fell to 4,000.3 tonnes in September.", "2026-01-22",
     [("4,000.3 tonnes", R + "WLD", "2025-09", "level", "supported")]),
    ("Magnets held up in December, but the raw-material exports slid to 4,392 tonnes.", "2026-01-22",
     [("4,392 tonnes", R + "WLD", "2025-12", "level", "supported")]),
    # ... but not the month of a policy event, and "over the first ten months" is not a difference
    ("Beijing imposed controls on seven rare earths in April. Magnet exports fell to 5,952 tonnes.", "2026-01-22",
     [("5,952 tonnes", M + "WLD", "2025-12", "level", "supported")]),
    ("China shipped 52,699 tonnes of rare earths over the first ten months.", "2026-01-22",
     [("52,699 tonnes", R + "WLD", "2025-01/2025-10", "level", "supported")]),
    # 2. China's trade in all goods: "goods trade", "foreign trade", a yuan amount in trillions, and the partner
    # percentages of a paragraph about all goods
    ("Magnet exports fell 6% in September. Foreign trade grew 4 percent in the period.", "2025-10-20",
     [("6%", M + "WLD", "2025-09", "mom_pct", "supported"), ("4 percent", "other")]),
    ("Goods trade hit 33.6 trillion yuan in the first nine months. Shipments to Japan rose 5 percent.", "2025-10-20",
     [("33.6 trillion yuan", "other"), ("5 percent", "other")]),
    # 3. not reported figures: a forecast's object, a deal, a plant's yearly output, a difference, a unit note,
    # a correction's misstated figure
    ("Analysts see April magnet shipments around 5,000 tonnes.", "2026-03-24", [("5,000 tonnes", "other")]),
    ("The magnet maker signed a $150 million supply contract in May.", "2025-12-20", [("$150 million", "other")]),
    ("A new factory in Vietnam will make 3,000 tonnes of magnets per year.", "2025-12-20", [("3,000 tonnes", "other")]),
    ("Magnet exports were 5,952 tonnes in December, 198 tonnes less than in November.", "2026-01-22",
     [("5,952 tonnes", M + "WLD", "2025-12", "level", "supported"), ("198 tonnes", "other")]),
    ("Note: 1 metric ton = 1,000 kilograms.", "2026-01-22", [("1 metric ton", "other"), ("1,000 kilograms", "other")]),
    ("This story was corrected: an earlier version gave December magnet exports as 5,925 tonnes.", "2026-01-22",
     [("5,925 tonnes", "other")]),
    # 5. a change against a month that is not the previous one is checked against that month's level only
    ("September magnet exports were 3.5% higher than in July.", "2026-01-22",
     [("3.5%", M + "WLD", "2025-09", "mom_pct", "supported")]),  # 5,774 against 5,577
    ("Magnet shipments to the US in October were 6% higher than in July.", "2026-01-22",
     [("6%", M + "USA", "2025-10", "mom_pct", "supported")]),
    ("Magnet shipments to the US in October were 56% higher than in July.", "2026-01-22",
     [("56%", M + "USA", "2025-10", "mom_pct", "contradicted")]),  # 56.1% is the reported change against September
    # 4. multi-month periods: "N months to <month>", "second half", "H2"
    ("Magnet exports in the three months to November totalled 17,397 tonnes.", "2026-01-22",
     [("17,397 tonnes", M + "WLD", "2025-09/2025-11", "level", "supported")]),
    ("H2 2025 magnet shipments were 35,072 tonnes.", "2026-01-22",
     [("35,072 tonnes", M + "WLD", "2025-07/2025-12", "level", "supported")]),
    # 6. comparisons, records, fractions and multiples of analysis prose
    ("Rare-earth exports in December were 26% short of June's.", "2026-01-22",
     [("26%", R + "WLD", "2025-12", "mom_pct", "contradicted")]),  # 4,392 t against June's 7,742.2 t: -43%
    ("Magnet exports to Japan fell to 226 tonnes in October, down a quarter from September.", "2025-11-21",
     [("226 tonnes", M + "JPN", "2025-10", "level", "supported"),
      ("a quarter", M + "JPN", "2025-10", "mom_pct", "contradicted")]),  # -0.9%
    ("Magnet exports were 5,473 tonnes in October, nearly double May's level.", "2026-01-22",
     [("5,473 tonnes", M + "WLD", "2025-10", "level", "supported"),
      ("double", M + "WLD", "2025-10", "mom_pct", "contradicted")]),  # 4.4 times May's 1,238 t
    ("Magnet shipments in December were about three times the level of May.", "2026-01-22",
     [("three times", M + "WLD", "2025-12", "mom_pct", "contradicted")]),
    ("Rare-earth exports reached 7,742.2 tonnes in June, the most since January.", "2026-01-22",
     [("7,742.2 tonnes", R + "WLD", "2025-06", "level", "supported"),
      ("most since January", R + "WLD", "2025-06", "record_since", "unverifiable")]),
    ("Magnet exports slid to 1,238 tonnes in May, their worst month since late 2020.", "2026-01-22",
     [("1,238 tonnes", M + "WLD", "2025-05", "level", "supported"),
      ("worst month since late 2020", M + "WLD", "2025-05", "record_since", "unverifiable")]),
    ("Magnet exports hit 5,952 tonnes in December, the third-highest of 2025.", "2026-01-22",
     [("5,952 tonnes", M + "WLD", "2025-12", "level", "supported"),
      # January, August and November were all higher: more than a third place allows
      ("third-highest of 2025", M + "WLD", "2025-12", "rank", "contradicted")]),
    ("Germany took 1,118 tonnes of magnets in October, about a fifth of the total.", "2025-11-21",
     [("1,118 tonnes", M + "DEU", "2025-10", "level", "supported"),
      ("a fifth", M + "DEU", "2025-10", "share", "supported")]),
    ("US magnet exports slipped to 582 tonnes in November, 10.6% of all exports.", "2026-01-22",
     [("582 tonnes", M + "USA", "2025-11", "level", "supported"),
      ("10.6%", M + "USA", "2025-11", "share", "contradicted")]),
    # 9. the partner of a bare tonnage in a coordinated clause
    ("China sent 656 tonnes of magnets to the US in October and 1,118 tonnes to Germany.", "2025-11-21",
     [("656 tonnes", M + "USA", "2025-10", "level", "supported"),
      ("1,118 tonnes", M + "DEU", "2025-10", "level", "supported")]),
    # 6. spans: "between M1 and M2, from X to Y", "between 2020 and 2024", "from X in M1 to Y in M2, a jump of N%"
    ("US magnet exports rose more than sevenfold between May and June, from 46 tonnes to 353 tonnes.", "2026-01-22",
     [("sevenfold", M + "USA", "2025-06", "mom_pct", "supported"),
      ("46 tonnes", M + "USA", "2025-05", "level", "supported"),
      ("353 tonnes", M + "USA", "2025-06", "level", "supported")]),
    ("Magnet exports grew 60% between 2020 and 2025.", "2026-01-22",
     [("60%", M + "WLD", "2025", "yoy_pct", "supported")]),  # 57,392 t against 35,982 t: +59.5%
    ("Shipments of magnets climbed from 1,238 tonnes in May to 5,577 tonnes in July, a gain of some 350%.",
     "2026-01-22",
     [("1,238 tonnes", M + "WLD", "2025-05", "level", "supported"),
      ("5,577 tonnes", M + "WLD", "2025-07", "level", "supported"),
      ("350%", M + "WLD", "2025-07", "mom_pct", "supported")]),  # +350.5% against May
    # the "more" of a bound ("fell by more than 80%") is not a direction
    ("Magnet exports to Japan fell by more than 80 per cent on the year in May.", "2026-01-22",
     [("80 per cent", M + "JPN", "2025-05", "yoy_pct", "supported")]),  # -84.1%
    # a basis written for one partner does not carry to another lane's change in the paragraph
    ("South Korea took 854 tonnes of magnets in September, up 84.5% on a year earlier. October's magnet total "
     "slipped 5.2% to 5,473 tonnes.", "2026-01-22",
     [("854 tonnes", M + "KOR", "2025-09", "level", "supported"),
      ("84.5%", M + "KOR", "2025-09", "yoy_pct", "supported"),
      ("5.2%", M + "WLD", "2025-10", "mom_pct", "supported"),
      ("5,473 tonnes", M + "WLD", "2025-10", "level", "supported")]),
    # a record of cargoes / what was exported is a trade record
    ("Magnets were the story of May: only 1,238 tonnes were exported, the lowest since January.", "2026-01-22",
     [("1,238 tonnes", M + "WLD", "2025-05", "level", "supported"),
      # January (6,357 t) was higher too, so May is lower than everything since then: not "since January"
      ("lowest since January", M + "WLD", "2025-05", "record_since", "contradicted")]),
    # 7. official rate copy: a cumulative change "compared with August 2019 ... from X" (X = the first fixing), a
    # spread between tenors, "in April that year"
    ("Compared with August 2019, the one-year LPR has fallen 1.25 percentage points from 4.25 percent.",
     "2025-11-20",
     [("1.25 percentage points", "lpr/1y", "2025-11", "change_bp", "supported"),
      ("4.25 percent", "lpr/1y", "2019-08", "level", "supported")]),
    ("The spread between the five-year and one-year LPR is 50 basis points.", "2025-11-20",
     [("50 basis points", "other")]),
    ("The reverse repo rate was cut to 2.2 percent in March 2020 and to 2.1 percent in June that year.",
     "2025-11-20",
     [("2.2 percent", "policy/7d_reverse_repo", "2020-03", "level", "supported"),
      ("2.1 percent", "policy/7d_reverse_repo", "2020-06", "level", "contradicted")]),  # still 2.2 in June 2020
    # 8. chart captions and the data line under them (the caption gives unit, product, partner and period)
    ("Figure 2: Magnet exports to Germany, tonnes\nJun: 600 · Jul: 1,116", "2026-01-22",
     [("600", M + "DEU", "2025-06", "level", "unverifiable"), ("1,116", M + "DEU", "2025-07", "level", "supported")]),
    ("Chart | Top buyers of Chinese magnets in 2024, tonnes\nGermany 9,999 · Vietnam 4,000\n\nTheir combined "
     "share was 30% that year.", "2026-01-22",
     [("9,999", M + "DEU", "2024", "level", "unverifiable"), ("4,000", M + "VNM", "2024", "level", "unverifiable"),
      ("30%", "other")]),
]


@pytest.mark.parametrize(("sentence", "day", "expected"), CASES)
def test_analysis_phrasing(index: DataIndex, sentence: str, day: str, expected: list[tuple[str, ...]]) -> None:
    got: list[tuple[str, ...]] = []
    for c in check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]:
        got.append((c["text"], "other") if c["series"] == "other" else
                   (c["text"], c["series"], c["period"], c["measure"], c["verdict"]))
    assert sorted(got) == sorted(expected)
