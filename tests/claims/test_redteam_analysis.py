"""Red-team fixtures (prefix ``analysis``): long-form analysis, a charts explainer and an official transcript.

* ``redteam_analysis_longread_leverage_dec2025.txt``: an FT/SCMP-style analysis (22 Jan 2026) walking month by
  month through 2025: section headers ("The squeeze", "The thaw"), months named in number-less sentences ("May was
  the trough."), "a year in which China shipped ...", "the 58,152 tonnes of 2024", "N times May's level", "still 12%
  short of January's", "between May and July, from X to Y", "up a fifth", "almost double a year earlier", "best month
  since January", "second-highest monthly total of 2025", "over the three months to December", "the second half",
  "about a tenth of the total", "the 17-element rare-earth group", company, price and forecast numbers.
* ``redteam_analysis_explainer_charts_mar2026.txt``: a "five charts" explainer (24 Mar 2026): key-takeaway bullets,
  chart captions whose data lines carry bare numbers ("2020: 35,982 · 2024: 58,152", "Germany 5,488 · US 4,924",
  "May 2025: 46 | Jun: 353", "Magnets 10,763 (+8.2%)"), "that year", an FAQ, a methodology note (1 tonne =
  1,000 kg) and a correction note with a misstated figure.
* ``redteam_analysis_official_mofcom_nov2025.txt``: a Xinhua LPR story plus a MOFCOM press-conference transcript
  (20 Nov 2025): "registered", "stood at", "compared with the same period last year", "an increase of X percentage
  points", "Republic of Korea", "Viet Nam", a cumulative change since August 2019 "from 4.85 percent", the spread
  between tenors, "in April that year", and China's total goods trade with partners (not magnets).

The texts are ours; topic figures come from tradelane's data, seeded errors are labelled contradicted. Labels are
the CORRECT expected behaviour (see /work/notes/redteam_analysis.md for what the checker gave). Each label is
(claim text, series, partner, period, measure, verdict). Texts of claims the checker does not extract yet ("a
fifth", "double", "most since January", the bare chart numbers ...) are our best guess of how it will report them.
A change against a month other than the previous one ("12% short of January's", "close to 90% in two months"
from June) is labelled ``mom_pct`` as the checker already reports "93% higher than in June" (compare_to_period =
the base month); the 2020-to-2024 change is labelled ``yoy_pct`` (annual figures, compare_to_period 2020).
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

from .conftest import check_fixture, other_texts, topic_claims

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"
DATES = {
    "redteam_analysis_longread_leverage_dec2025.txt": "2026-01-22",
    "redteam_analysis_explainer_charts_mar2026.txt": "2026-03-24",
    "redteam_analysis_official_mofcom_nov2025.txt": "2025-11-20",
}
LABELS: dict[str, list[tuple[str, str, str | None, str, str, str]]] = {
    "redteam_analysis_longread_leverage_dec2025.txt": [
        ("57,392 tonnes", M + "WLD", "WLD", "2025", "level", "supported"),  # "a year in which China shipped"
        ("58,152 tonnes", M + "WLD", "WLD", "2024", "level", "supported"),  # "the 58,152 tonnes of 2024"
        ("6,357 tonnes", M + "WLD", "WLD", "2025-01", "level", "supported"),  # Jan 2026 cannot be out on 22 Jan
        ("2,627 tonnes", M + "WLD", "WLD", "2025-04", "level", "supported"),
        ("45%", M + "WLD", "WLD", "2025-04", "yoy_pct", "supported"),
        ("1,238 tonnes", M + "WLD", "WLD", "2025-05", "level", "supported"),  # "May was the trough."
        ("smallest monthly figure since early 2020", M + "WLD", "WLD", "2025-05", "record_since", "unverifiable"),
        ("46 tonnes", M + "USA", "USA", "2025-05", "level", "supported"),
        ("80 per cent", M + "JPN", "JPN", "2025-05", "yoy_pct", "supported"),  # "more than 80": -84.1, a bound
        ("3,188 tonnes", M + "WLD", "WLD", "2025-06", "level", "supported"),
        ("two and a half times", M + "WLD", "WLD", "2025-06", "mom_pct", "supported"),  # +157.5%
        ("5,577 tonnes", M + "WLD", "WLD", "2025-07", "level", "supported"),
        ("12%", M + "WLD", "WLD", "2025-07", "mom_pct", "supported"),  # "12% short of January's": -12.3% vs 2025-01
        ("6,146 tonnes", M + "WLD", "WLD", "2025-08", "level", "supported"),  # "By August the recovery ..."
        ("most since January", M + "WLD", "WLD", "2025-08", "record_since", "unverifiable"),  # Feb/Mar missing
        ("15.4%", M + "WLD", "WLD", "2025-08", "yoy_pct", "supported"),  # "up 15.4% on August 2024"
        ("1,364 tonnes", M + "EUU", "EUU", "2025-06", "level", "supported"),
        ("2,582 tonnes", M + "EUU", "EUU", "2025-08", "level", "supported"),
        ("90%", M + "EUU", "EUU", "2025-08", "mom_pct", "supported"),  # June -> August: +89.3%
        ("1,341 tonnes", M + "DEU", "DEU", "2025-08", "level", "supported"),
        ("a fifth", M + "DEU", "DEU", "2025-08", "mom_pct", "supported"),  # +20.2%
        ("tripled", M + "IND", "IND", "2025-07", "mom_pct", "supported"),  # "nearly tripled between May and July"
        ("150 tonnes", M + "IND", "IND", "2025-05", "level", "supported"),
        ("418 tonnes", M + "IND", "IND", "2025-07", "level", "supported"),
        ("7.1%", M + "WLD", "WLD", "2025-09", "mom_pct", "contradicted"),  # seeded: -6.1
        ("5,774 tonnes", M + "WLD", "WLD", "2025-09", "level", "supported"),
        ("854 tonnes", M + "KOR", "KOR", "2025-09", "level", "supported"),
        ("double", M + "KOR", "KOR", "2025-09", "yoy_pct", "supported"),  # "almost double a year earlier": +84.5%
        ("5.2%", M + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("5,473 tonnes", M + "WLD", "WLD", "2025-10", "level", "supported"),
        ("656 tonnes", M + "USA", "USA", "2025-10", "level", "supported"),
        ("best month since January", M + "USA", "USA", "2025-10", "record_since", "unverifiable"),
        ("12%", M + "WLD", "WLD", "2025-11", "mom_pct", "supported"),
        ("6,150 tonnes", M + "WLD", "WLD", "2025-11", "level", "supported"),
        ("second-highest monthly total of 2025", M + "WLD", "WLD", "2025-11", "rank", "unverifiable"),
        ("2,569 tonnes", M + "EUU", "EUU", "2025-11", "level", "supported"),
        ("42%", M + "EUU", "EUU", "2025-11", "share", "supported"),
        ("60%", M + "EUU", "EUU", "2025-11", "yoy_pct", "supported"),
        ("582 tonnes", M + "USA", "USA", "2025-11", "level", "supported"),
        ("11%", M + "USA", "USA", "2025-11", "mom_pct", "supported"),
        ("3.2%", M + "WLD", "WLD", "2025-12", "mom_pct", "supported"),
        ("5,952 tonnes", M + "WLD", "WLD", "2025-12", "level", "supported"),
        ("564 tonnes", M + "USA", "USA", "2025-12", "level", "supported"),
        ("11.5%", M + "USA", "USA", "2025-12", "share", "contradicted"),  # seeded: 9.5% ("of all magnet exports")
        ("17,575 tonnes", M + "WLD", "WLD", "2025-10/2025-12", "level", "supported"),  # "three months to December"
        ("35,702 tonnes", M + "WLD", "WLD", "2025-07/2025-12", "level", "contradicted"),  # seeded: 35,072
        ("5,933 tonnes", M + "USA", "USA", "2025", "level", "supported"),  # "Across the year"
        ("a tenth", M + "USA", "USA", "2025", "share", "supported"),  # 10.3%
        ("7,742.2 tonnes", R + "WLD", "WLD", "2025-06", "level", "supported"),  # "the 17-element rare-earth group"
        ("60%", R + "WLD", "WLD", "2025-06", "yoy_pct", "supported"),
        ("4,000.3 tonnes", R + "WLD", "WLD", "2025-09", "level", "supported"),
        ("4,392 tonnes", R + "WLD", "WLD", "2025-12", "level", "supported"),
        ("32%", R + "WLD", "WLD", "2025-12", "yoy_pct", "supported"),
    ],
    "redteam_analysis_explainer_charts_mar2026.txt": [
        ("57,392 tonnes", M + "WLD", "WLD", "2025", "level", "supported"),  # takeaways
        ("1.3%", M + "WLD", "WLD", "2025", "yoy_pct", "supported"),
        ("93%", M + "USA", "USA", "2025-05", "yoy_pct", "supported"),
        ("8.2%", M + "WLD", "WLD", "2026-01/2026-02", "yoy_pct", "supported"),
        ("10,763 tonnes", M + "WLD", "WLD", "2026-01/2026-02", "level", "supported"),
        # Chart 1's data line (dropped as a ticker widget today)
        ("35,982", M + "WLD", "WLD", "2020", "level", "supported"),
        ("58,152", M + "WLD", "WLD", "2024", "level", "supported"),
        ("57,392", M + "WLD", "WLD", "2025", "level", "supported"),
        ("62%", M + "WLD", "WLD", "2024", "yoy_pct", "supported"),  # "Between 2020 and 2024 ... about 62%": +61.6%
        # Chart 2's data line: partner before a bare number, unit in the caption
        ("5,488", M + "DEU", "DEU", "2020", "level", "supported"),
        ("4,924", M + "USA", "USA", "2020", "level", "supported"),
        ("3,721.5", M + "KOR", "KOR", "2020", "level", "supported"),
        ("2,787.5", M + "VNM", "VNM", "2020", "level", "supported"),
        ("2,722", M + "THA", "THA", "2020", "level", "contradicted"),  # seeded: 2,272.4
        ("1,640", M + "ITA", "ITA", "2020", "level", "supported"),
        ("15%", M + "DEU", "DEU", "2020", "share", "supported"),  # "that year" = the caption's 2020
        # Chart 3's data line: "May 2025: 46 | Jun: 353 | ..."
        ("46", M + "USA", "USA", "2025-05", "level", "supported"),
        ("353", M + "USA", "USA", "2025-06", "level", "supported"),
        ("619", M + "USA", "USA", "2025-07", "level", "supported"),
        ("509", M + "USA", "USA", "2025-08", "level", "contradicted"),  # seeded: 590
        ("420.5", M + "USA", "USA", "2025-09", "level", "supported"),
        ("656", M + "USA", "USA", "2025-10", "level", "supported"),
        ("46 tonnes", M + "USA", "USA", "2025-05", "level", "supported"),  # partner from the US-bound caption
        ("689 tonnes", M + "USA", "USA", "2024-05", "level", "supported"),
        ("sevenfold", M + "USA", "USA", "2025-06", "mom_pct", "supported"),
        ("7,742 tonnes", R + "WLD", "WLD", "2025-06", "level", "supported"),
        ("3,188 tonnes", M + "WLD", "WLD", "2025-06", "level", "supported"),
        ("4,000.3 tonnes", R + "WLD", "WLD", "2025-09", "level", "supported"),  # "the raw-material figure"
        # Chart 5's data line: "(change on a year earlier)", Jan-Feb from the caption
        ("10,763", M + "WLD", "WLD", "2026-01/2026-02", "level", "supported"),
        ("+8.2%", M + "WLD", "WLD", "2026-01/2026-02", "yoy_pct", "supported"),
        ("10,460", R + "WLD", "WLD", "2026-01/2026-02", "level", "supported"),
        ("+23%", R + "WLD", "WLD", "2026-01/2026-02", "yoy_pct", "supported"),
        ("994", M + "USA", "USA", "2026-01/2026-02", "level", "supported"),
        ("-25.2%", M + "USA", "USA", "2026-01/2026-02", "yoy_pct", "contradicted"),  # seeded: -22.5
        # FAQ
        ("5.2%", M + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("second monthly drop in a row", M + "WLD", "WLD", "2025-10", "streak", "supported"),
        ("12%", M + "WLD", "WLD", "2025-11", "mom_pct", "supported"),
        ("412 tonnes", M + "VNM", "VNM", "2025-08", "level", "unverifiable"),
        ("206 tonnes", M + "IND", "IND", "2025-12", "level", "unverifiable"),  # "and 206 tonnes to India"
    ],
    "redteam_analysis_official_mofcom_nov2025.txt": [
        ("sixth straight month", "lpr/1y", None, "2025-11", "streak", "supported"),  # title
        ("sixth straight month", "lpr/5y", None, "2025-11", "streak", "supported"),
        ("3 percent", "lpr/1y", None, "2025-11", "level", "supported"),
        ("3.5 percent", "lpr/5y", None, "2025-11", "level", "supported"),
        ("six months in a row", "lpr/1y", None, "2025-11", "streak", "supported"),
        ("six months in a row", "lpr/5y", None, "2025-11", "streak", "supported"),
        ("0.1-percentage-point", "lpr/1y", None, "2025-05", "change_bp", "supported"),
        ("0.1-percentage-point", "lpr/5y", None, "2025-05", "change_bp", "supported"),
        ("1.4 percent", "policy/7d_reverse_repo", None, "2025-11", "level", "supported"),
        ("1.5 percent", "policy/7d_reverse_repo", None, "2025-04", "level", "supported"),
        ("1.15 percentage points", "lpr/1y", None, "2025-11", "change_bp", "contradicted"),  # seeded: 125 bp
        ("1.35 percentage points", "lpr/5y", None, "2025-11", "change_bp", "supported"),  # since August 2019
        ("4.85 percent", "lpr/5y", None, "2019-08", "level", "supported"),  # "from 4.85 percent" = the first fixing
        ("20 basis points", "policy/7d_reverse_repo", None, "2020-03", "change_bp", "supported"),
        ("2.2 percent", "policy/7d_reverse_repo", None, "2020-03", "level", "supported"),
        ("2.95 percent", "policy/mlf_1y", None, "2020-04", "level", "supported"),  # "in April that year"
        ("5,473 tonnes", M + "WLD", "WLD", "2025-10", "level", "supported"),  # "in October China's exports"
        ("5.2 percent", M + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("15.8 percent", M + "WLD", "WLD", "2025-10", "yoy_pct", "supported"),
        ("656 tonnes", M + "USA", "USA", "2025-10", "level", "supported"),
        ("56.1 percent", M + "USA", "USA", "2025-10", "mom_pct", "supported"),
        ("12 percent", M + "USA", "USA", "2025-10", "share", "supported"),
        ("1,118 tonnes", M + "DEU", "DEU", "2025-10", "level", "supported"),
        ("55.9 percent", M + "DEU", "DEU", "2025-10", "yoy_pct", "supported"),
        ("596 tonnes", M + "KOR", "KOR", "2025-10", "level", "contradicted"),  # seeded: 569; "Republic of Korea"
        ("31.3 percent", M + "KOR", "KOR", "2025-10", "yoy_pct", "supported"),
        ("226 tonnes", M + "JPN", "JPN", "2025-10", "level", "supported"),
        ("30.2 percent", M + "JPN", "JPN", "2025-10", "yoy_pct", "supported"),
        ("402 tonnes", M + "VNM", "VNM", "2025-10", "level", "unverifiable"),  # "Viet Nam"
        ("52,699 tonnes", R + "WLD", "WLD", "2025-01/2025-10", "level", "supported"),
        ("10.5 percent", R + "WLD", "WLD", "2025-01/2025-10", "yoy_pct", "unverifiable"),
    ],
}

# numbers that must come back as series "other" (prices, company figures, forecasts, loans, M2, the spread between
# tenors, a change of a share in points, China's total goods trade and its partners' shares of it)
OTHER = {
    "redteam_analysis_longread_leverage_dec2025.txt": {
        "760 tonnes", "570,000 yuan", "40%", "$400 million", "1,000 tonnes", "2,000 tonnes", "15%", "120%", "90%",
        "60,000 tonnes"},
    "redteam_analysis_explainer_charts_mar2026.txt": {"70%", "9%", "5,500 tonnes", "18%", "4%", "$12,000"},
    "redteam_analysis_official_mofcom_nov2025.txt": {
        "3.1 percent", "40 basis points", "8.2 percent", "4.7 percentage points", "0.5 percentage points",
        "3.6 percent", "37.31 trillion yuan", "6.2 percent", "14.1 percent", "8.1 percent", "27.8 percent"},
}
# never a topic claim: a unit conversion in a methodology note, a correction note's misstated figure
NOT_TOPIC = {
    "redteam_analysis_explainer_charts_mar2026.txt": {"1 tonne", "1,000 kg", "58,512 tonnes"},
}


def _check(index: DataIndex, name: str) -> dict:
    return check_fixture(index, name, DATES[name])


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_claims(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    topic = topic_claims(res)
    assert sorted(topic) == sorted(LABELS[name])


@pytest.mark.parametrize("name", sorted(OTHER))
def test_numbers_about_other_things(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    other = other_texts(res)
    assert OTHER[name] <= other
    assert not {c["text"] for c in res["claims"] if c["series"] != "other"} & NOT_TOPIC.get(name, set())


# one- or two-sentence reproductions of each failure class (see the report); (text, series, period, measure, verdict)
REPROS = [
    # a month named in a sentence without a number sets the paragraph's period
    ("2026-01-22", "May was the trough. Just 1,238 tonnes of magnets were exported.",
     [("1,238 tonnes", M + "WLD", "2025-05", "level", "supported")]),
    ("2026-01-22", "Magnet exports collapsed in May. Just 1,238 tonnes were exported.",
     [("1,238 tonnes", M + "WLD", "2025-05", "level", "supported")]),
    # "last year" with a tonnage is the annual figure
    ("2026-01-22", "China exported 57,392 tonnes of magnets last year.",
     [("57,392 tonnes", M + "WLD", "2025", "level", "supported")]),
    ("2026-01-22", "China shipped 57,392 tonnes of magnets in 2025, a whisker below the 58,152 tonnes of 2024.",
     [("57,392 tonnes", M + "WLD", "2025", "level", "supported"),
      ("58,152 tonnes", M + "WLD", "2024", "level", "supported")]),
    # a bare month whose data cannot have been published yet is last year's
    ("2026-01-22", "January looked normal: 6,357 tonnes of magnets left Chinese ports.",
     [("6,357 tonnes", M + "WLD", "2025-01", "level", "supported")]),
    # multi-month periods: "three months to", "second half"
    ("2026-01-22", "Over the three months to December, magnet shipments totalled 17,575 tonnes.",
     [("17,575 tonnes", M + "WLD", "2025-10/2025-12", "level", "supported")]),
    ("2026-01-22", "In the second half of 2025, magnet shipments came to 35,072 tonnes.",
     [("35,072 tonnes", M + "WLD", "2025-07/2025-12", "level", "supported")]),
    ("2026-01-22", "Across the year the US took 5,933 tonnes of magnets.",
     [("5,933 tonnes", M + "USA", "2025", "level", "supported")]),
    # "between May and July, from X to Y": the first month is the base, the second the period
    ("2026-01-22", "India's magnet cargoes nearly tripled between May and July, from 150 tonnes to 418 tonnes.",
     [("tripled", M + "IND", "2025-07", "mom_pct", "supported"),
      ("150 tonnes", M + "IND", "2025-05", "level", "supported"),
      ("418 tonnes", M + "IND", "2025-07", "level", "supported")]),
    # a change against a month that is not the previous one is never checked against the reported m/m
    ("2026-01-22", "Magnet exports in August were 10% higher than in June.",
     [("10%", M + "WLD", "2025-08", "mom_pct", "contradicted")]),  # Aug vs Jun: +92.8%
    # "about X% of all magnet exports" after a partner's tonnage is a share
    ("2026-01-22", "The US magnet figure eased to 564 tonnes in December, about 9.5% of all magnet exports.",
     [("564 tonnes", M + "USA", "2025-12", "level", "supported"),
      ("9.5%", M + "USA", "2025-12", "share", "supported")]),
    # "17-element" names the headline rare-earth series
    ("2026-01-22", "Exports of the 17-element rare-earth group peaked at 7,742.2 tonnes in June.",
     [("7,742.2 tonnes", R + "WLD", "2025-06", "level", "supported")]),
    # "in October China's exports": a month before "China's" is not another country
    ("2025-11-20", "In October China's exports of rare-earth magnets registered 5,473 tonnes.",
     [("5,473 tonnes", M + "WLD", "2025-10", "level", "supported")]),
    # a cumulative LPR change since August 2019 "from 4.85 percent": the first fixing, up to the article month
    ("2025-11-20", "Compared with August 2019, the over-five-year LPR has dropped 1.35 percentage points from "
                   "4.85 percent.",
     [("1.35 percentage points", "lpr/5y", "2025-11", "change_bp", "supported"),
      ("4.85 percent", "lpr/5y", "2019-08", "level", "supported")]),
    # the month of a change in an earlier paragraph ("since the reduction in May") leaks into a cumulative change
    ("2025-11-20", "The LPRs have stood at the same levels for six months in a row since the 0.1-percentage-point "
                   "reduction in May.\n\nCompared with August 2019, the one-year LPR has come down by a cumulative "
                   "1.25 percentage points.",
     [("six months in a row", "lpr/1y", "2025-11", "streak", "supported"),
      ("six months in a row", "lpr/5y", "2025-11", "streak", "supported"),
      ("0.1-percentage-point", "lpr/1y", "2025-05", "change_bp", "supported"),
      ("0.1-percentage-point", "lpr/5y", "2025-05", "change_bp", "supported"),
      ("1.25 percentage points", "lpr/1y", "2025-11", "change_bp", "supported")]),
    # "that year" takes the year named earlier
    ("2025-11-20", "Back in March 2020 the PBOC cut the reverse repo rate to 2.2 percent, and in April that year it "
                   "cut the one-year MLF rate to 2.95 percent.",
     [("2.2 percent", "policy/7d_reverse_repo", "2020-03", "level", "supported"),
      ("2.95 percent", "policy/mlf_1y", "2020-04", "level", "supported")]),
    # the partner after a bare tonnage in a coordinated clause
    ("2026-03-24", "Customs recorded 412 tonnes of magnets sent to Vietnam in August 2025 and 206 tonnes to India "
                   "in December.",
     [("412 tonnes", M + "VNM", "2025-08", "level", "unverifiable"),
      ("206 tonnes", M + "IND", "2025-12", "level", "unverifiable")]),
    # fractions and multiples in analysis prose
    ("2026-01-22", "Magnet exports to Germany were 1,341 tonnes in August, up a fifth from July.",
     [("1,341 tonnes", M + "DEU", "2025-08", "level", "supported"),
      ("a fifth", M + "DEU", "2025-08", "mom_pct", "supported")]),
    ("2026-01-22", "Magnet exports to South Korea were 854 tonnes in September, almost double a year earlier.",
     [("854 tonnes", M + "KOR", "2025-09", "level", "supported"),
      ("double", M + "KOR", "2025-09", "yoy_pct", "supported")]),
    ("2026-01-22", "June magnet shipments came to 3,188 tonnes, about two and a half times May's level.",
     [("3,188 tonnes", M + "WLD", "2025-06", "level", "supported"),
      ("two and a half times", M + "WLD", "2025-06", "mom_pct", "supported")]),
    ("2026-01-22", "July's 5,577 tonnes of magnets left exports still 12% short of January's.",
     [("5,577 tonnes", M + "WLD", "2025-07", "level", "supported"),
      ("12%", M + "WLD", "2025-07", "mom_pct", "supported")]),  # -12.3% against 2025-01
    # records: "the most since", "best month since", an ordinal with "this year"
    ("2026-01-22", "Magnet exports rose to 6,146 tonnes in August, the most since January.",
     [("6,146 tonnes", M + "WLD", "2025-08", "level", "supported"),
      ("most since January", M + "WLD", "2025-08", "record_since", "unverifiable")]),
    ("2026-01-22", "US-bound magnet exports hit 656 tonnes in October, their best month since January.",
     [("656 tonnes", M + "USA", "2025-10", "level", "supported"),
      ("best month since January", M + "USA", "2025-10", "record_since", "unverifiable")]),
    ("2026-01-22", "Magnet exports reached 6,150 tonnes in November, the second-highest this year.",
     [("6,150 tonnes", M + "WLD", "2025-11", "level", "supported"),
      # January is the one higher month a "second-highest" allows; February and March are missing
      ("second-highest this year", M + "WLD", "2025-11", "rank", "unverifiable")]),
    # chart captions: the data line under a caption is not a ticker; the caption gives unit, partner and period
    ("2026-03-24", "Chart 1 | China's magnet exports, tonnes per year\n2020: 35,982 · 2024: 58,152 · 2025: 57,392",
     [("35,982", M + "WLD", "2020", "level", "supported"), ("58,152", M + "WLD", "2024", "level", "supported"),
      ("57,392", M + "WLD", "2025", "level", "supported")]),
    ("2026-03-24", "Chart 3 | US-bound magnet exports, tonnes\n\nThe low point, 46 tonnes in May 2025, was a "
                   "fraction of the 689 tonnes sent in May 2024.",
     [("46 tonnes", M + "USA", "2025-05", "level", "supported"),
      ("689 tonnes", M + "USA", "2024-05", "level", "supported")]),
    ("2026-03-24", "Chart 2 | Top destinations in 2020, tonnes\nGermany 5,488 · US 4,924 · Italy 1,640\n\n"
                   "Germany's share was 15% that year.",
     [("5,488", M + "DEU", "2020", "level", "supported"), ("4,924", M + "USA", "2020", "level", "supported"),
      ("1,640", M + "ITA", "2020", "level", "supported"), ("15%", M + "DEU", "2020", "share", "supported")]),
    # "the raw-material figure" points back to rare earths, not to the magnets named last
    ("2026-03-24", "Rare-earth exports peaked in June at 7,742 tonnes, when magnet shipments were just 3,188 tonnes. "
                   "By September the raw-material figure had dropped to 4,000.3 tonnes.",
     [("7,742 tonnes", R + "WLD", "2025-06", "level", "supported"),
      ("3,188 tonnes", M + "WLD", "2025-06", "level", "supported"),
      ("4,000.3 tonnes", R + "WLD", "2025-09", "level", "supported")]),
]
# and ones whose numbers must all be "other"
REPROS_OTHER = [
    ("2026-03-24", "Magnet exports fell in February. Traders expect March shipments near 5,500 tonnes."),
    ("2025-11-20", "The gap between the one-year and five-year LPRs stands at 0.5 percentage points."),
    ("2025-11-20", "Magnet exports to the US rose 56.1% in October. In the first 10 months, China's total goods "
                   "trade rose 3.6 percent, and exports to the EU rose 8.1 percent."),
    ("2026-01-22", "MP Materials, which agreed a $400 million equity deal with the Pentagon in July, says its plant "
                   "will turn out 1,000 tonnes of magnets a year."),
    ("2026-01-22", "Magnet exports in 2025 were 57,392 tonnes, roughly 760 tonnes short of 2024's total."),
    ("2026-03-24", "Magnet exports rose in 2025. 1 tonne = 1,000 kg."),
    ("2026-03-24", "Correction, March 25: An earlier version of this explainer misstated the 2024 magnet export total "
                   "as 58,512 tonnes."),
]


@pytest.mark.parametrize(("day", "text", "expected"), REPROS)
def test_repros(index: DataIndex, day: str, text: str, expected: list[tuple]) -> None:
    got = [(c["text"], c["series"], c["period"], c["measure"], c["verdict"])
           for c in check(text, index, date=date.fromisoformat(day)).as_dict()["claims"] if c["series"] != "other"]
    assert got == expected


@pytest.mark.parametrize(("day", "text"), REPROS_OTHER)
def test_repros_other(index: DataIndex, day: str, text: str) -> None:
    claims = check(text, index, date=date.fromisoformat(day)).as_dict()["claims"]
    topic = [(c["text"], c["series"], c["period"]) for c in claims if c["series"] != "other"]
    # the 56.1% and 57,392 tonnes are real lane claims; every other number is not
    assert all(t[0] in ("56.1%", "57,392 tonnes") for t in topic), topic
