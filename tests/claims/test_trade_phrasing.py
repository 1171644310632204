"""One-sentence table tests for trade-lane phrasings of real coverage (the red-team report on magnet and
rare-earth export stories). The sentences are our own; figures come from tradelane's data.

Each row: (text, article date, expected claims), a claim being (text, series, period, measure, verdict), or
(text, "other") for a number that is not tradelane's.
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"

CASES: list[tuple[str, str, list[tuple[str, ...]]]] = [
    # 1. the partner after the tonnage: "N t of <product> to X"; a capital in a "-bound" form
    ("Beijing sent 305 tonnes of Chinese permanent magnets to Japan in November.", "2025-12-21",
     [("305 tonnes", M + "JPN", "2025-11", "level", "supported")]),
    ("Exporters shipped 582 t of rare earth magnets bound for the United States in November, "
     "down 11% from October.", "2025-12-21",
     [("582 t", M + "USA", "2025-11", "level", "supported"), ("11%", M + "USA", "2025-11", "mom_pct", "supported")]),
    ("Magnet exports reached 6,150 tonnes in November; Seoul-bound cargoes were not broken out.", "2025-12-21",
     [("6,150 tonnes", M + "WLD", "2025-11", "level", "supported")]),
    ("Tokyo said magnet exports hit 6,150 tonnes in November.", "2025-12-21",
     [("6,150 tonnes", M + "WLD", "2025-11", "level", "supported")]),
    # 3. "pct" is a percent, "pct point" a percentage point
    ("Shipments of rare-earth magnets to South Korea fell 33 pct in October from September.", "2025-11-21",
     [("33 pct", M + "KOR", "2025-10", "mom_pct", "supported")]),
    ("Rare earth exports were 4,343.5 mt in October, still 25 pct lower than in August.", "2025-11-21",
     [("4,343.5 mt", R + "WLD", "2025-10", "level", "supported"),
      ("25 pct", R + "WLD", "2025-10", "mom_pct", "supported")]),
    # 2. "the previous month's N" is the month before the sentence's; a possessive month names only its own number
    ("Magnet exports to India rose to 172 tons in June from the prior month's 150 tons.", "2025-07-20",
     [("172 tons", M + "IND", "2025-06", "level", "supported"), ("150 tons", M + "IND", "2025-05", "level", "supported")]),
    ("Rare earth exports rose 8.7% in October against the previous month's 4,000.3 mt.", "2025-11-21",
     [("8.7%", R + "WLD", "2025-10", "mom_pct", "supported"), ("4,000.3 mt", R + "WLD", "2025-09", "level", "supported")]),
    ("Magnet exports eased to 5,473 mt in October from September's 5,774 mt, though they were up 15.8% on the year.",
     "2025-11-21", [("5,473 mt", M + "WLD", "2025-10", "level", "supported"),
                    ("5,774 mt", M + "WLD", "2025-09", "level", "supported"),
                    ("15.8%", M + "WLD", "2025-10", "yoy_pct", "supported")]),
    # 4. a share verb ("accounting for", "made up") before "N% of the total/all": a share even after "rose"
    ("Magnet shipments to Germany climbed to 1,181 mt in October, accounting for 20.4% of the total.", "2025-11-21",
     [("1,181 mt", M + "DEU", "2025-10", "level", "contradicted"), ("20.4%", M + "DEU", "2025-10", "share", "supported")]),
    ("Magnet exports to the US rose 56.1% to 656 mt in October, making up 12 pct of all shipments.", "2025-11-21",
     [("56.1%", M + "USA", "2025-10", "mom_pct", "supported"), ("656 mt", M + "USA", "2025-10", "level", "supported"),
      ("12 pct", M + "USA", "2025-10", "share", "supported")]),
    # 5. a plural pronoun subject ("They were ...", "Even so, they ...") points back like "That was ..."
    ("Shipments of rare-earth magnets to the United States fell to 582 tons in November. They were 11% lower than "
     "in October.", "2025-12-21", [("582 tons", M + "USA", "2025-11", "level", "supported"),
                                    ("11%", M + "USA", "2025-11", "mom_pct", "supported")]),
    ("Magnet exports to America climbed to 353 tons in June. Still, they were 52% down from a year earlier.",
     "2025-07-20", [("353 tons", M + "USA", "2025-06", "level", "supported"),
                    ("52%", M + "USA", "2025-06", "yoy_pct", "supported")]),
    # 6. "the year-earlier level" is a y/y basis; an annual figure "vs 2024" / "from N t in 2024" is y/y
    ("Magnet exports to Japan were 226.1 mt in October, 30 pct higher than the year-earlier figure.", "2025-11-21",
     [("226.1 mt", M + "JPN", "2025-10", "level", "supported"), ("30 pct", M + "JPN", "2025-10", "yoy_pct", "supported")]),
    ("Full-year magnet exports came to 57,392t in 2025, down 1.3% vs 2024.", "2026-01-21",
     [("57,392t", M + "WLD", "2025", "level", "supported"), ("1.3%", M + "WLD", "2025", "yoy_pct", "supported")]),
    ("Magnet exports totalled 57,392t in 2025, down 1.3% from 58,152t in 2024.", "2026-01-21",
     [("57,392t", M + "WLD", "2025", "level", "supported"), ("1.3%", M + "WLD", "2025", "yoy_pct", "supported"),
      ("58,152t", M + "WLD", "2024", "level", "supported")]),
    # 7. not tradelane's: a % change of a per-kg price, a product named only as a quota's complement, a partner's
    # dependence on China (and its earlier level), another reporter's imports, forecasts, a "Read More:" teaser
    ("The average export price of magnets was $48.6/kg in October, 3.2% higher than in September.", "2025-11-21",
     [("$48.6", "other"), ("3.2%", "other")]),
    ("The 2025 mining quota for rare earths was raised to 270,000 mt.", "2025-11-21", [("270,000 mt", "other")]),
    ("Magnet exports to Japan fell in December. Japan gets some 60 pct of its magnets from China, down from 90 pct "
     "a decade ago.", "2026-03-21", [("60 pct", "other"), ("90 pct", "other")]),
    ("Magnet exports to Japan fell in December. According to Japanese customs data, imports of Chinese magnets rose "
     "9% last year.", "2026-03-21", [("9%", "other")]),
    ("Magnet exports to Japan fell in December. Traders see January shipments to Japan slipping further, and "
     "expect the US lane to recover to 600t by spring.", "2026-03-21", [("600t", "other")]),
    ("Magnet exports to Japan fell in December. Japan-bound shipments will likely drop 10% in March.", "2026-03-21",
     [("10%", "other")]),
    ("Magnet exports fell 3.2% in December from November, more than traders had expected.", "2026-01-21",
     [("3.2%", M + "WLD", "2025-12", "mom_pct", "supported")]),
    ("Magnet exports to the US were 564t in December.\n\nRead more: China's overall exports beat forecasts with "
     "a 5.8% rise", "2026-01-21", [("564t", M + "USA", "2025-12", "level", "supported"), ("5.8%", "other")]),
    # 8. the headline rare-earth series as a label before a colon: "Rare earths Dec:", "RE headline:", "17 elements"
    ("Rare earths Dec: 4,392t, -20% m/m", "2026-01-21",
     [("4,392t", R + "WLD", "2025-12", "level", "supported"), ("-20%", R + "WLD", "2025-12", "mom_pct", "supported")]),
    ("- RE headline: 4,392t in December, +32% y/y", "2026-01-21",
     [("4,392t", R + "WLD", "2025-12", "level", "supported"), ("+32%", R + "WLD", "2025-12", "yoy_pct", "supported")]),
    ("- RE (all 17 elements) Jan-Feb: 10,460t", "2026-03-21",
     [("10,460t", R + "WLD", "2026-01/2026-02", "level", "supported")]),
    ("Rare earth magnets Dec: 5,952t", "2026-01-21", [("5,952t", M + "WLD", "2025-12", "level", "supported")]),
    # 10. "down by a third" / "a drop of a quarter" (good to 5 points), "N months running", "since at least 2020"
    ("Magnet exports to South Korea were 569 mt in October, down by a third on-month.", "2025-11-21",
     [("569 mt", M + "KOR", "2025-10", "level", "supported"), ("a third", M + "KOR", "2025-10", "mom_pct", "supported")]),
    ("Magnet exports rose by a quarter in October.", "2025-11-21",
     [("a quarter", M + "WLD", "2025-10", "mom_pct", "contradicted")]),
    # a fraction "of the total" is a share (analysis pass): Germany took 20.4% in October, not a third
    ("Magnet exports to Germany accounted for a third of the total in October.", "2025-11-21",
     [("a third", M + "DEU", "2025-10", "share", "contradicted")]),
    ("Magnet exports to the US slid for two months running to 564 tons in December.", "2026-01-21",
     [("two months running", M + "USA", "2025-12", "streak", "supported"),
      ("564 tons", M + "USA", "2025-12", "level", "supported")]),
    ("US-bound magnet shipments fell to 46 tons in May, the lowest since at least 2020.", "2025-07-20",
     [("46 tons", M + "USA", "2025-05", "level", "supported"),
      ("lowest since at least 2020", M + "USA", "2025-05", "record_since", "unverifiable")]),
    # 2. a month after another number's tonnage is that tonnage's, and the written basis decides the comparison
    ("Magnet exports were 5,473 mt in October, down from September's 5,774 mt but up 15.8% YoY against 4,725 mt in "
     "October 2024.", "2025-11-21",
     [("5,473 mt", M + "WLD", "2025-10", "level", "supported"), ("5,774 mt", M + "WLD", "2025-09", "level", "supported"),
      ("15.8%", M + "WLD", "2025-10", "yoy_pct", "supported"), ("4,725 mt", M + "WLD", "2024-10", "level", "supported")]),
    ("Magnet exports rose 10.2% to 6,146 tons in August.", "2025-09-20",
     [("10.2%", M + "WLD", "2025-08", "mom_pct", "supported"), ("6,146 tons", M + "WLD", "2025-08", "level", "supported")]),
    # 9. a month abbreviation as a label ("Dec:") or inside a parenthesis before its tonnage ("(Nov 582t)")
    ("- US-bound magnet exports Dec: 564t (Nov 582t) -3% m/m", "2026-01-21",
     [("564t", M + "USA", "2025-12", "level", "supported"), ("582t", M + "USA", "2025-11", "level", "supported"),
      ("-3%", M + "USA", "2025-12", "mom_pct", "supported")]),
    ("- Magnets total: 5,952t (Nov 6,150t), -3.2% m/m", "2026-01-21",
     [("5,952t", M + "WLD", "2025-12", "level", "supported"), ("6,150t", M + "WLD", "2025-11", "level", "supported"),
      ("-3.2%", M + "WLD", "2025-12", "mom_pct", "supported")]),
    # 9. a year label before a colon is the line's period; a year's change with no basis written is y/y
    ("- Magnet exports 2025: 57,392t vs 58,152t in 2024, -1.3%", "2026-01-21",
     [("57,392t", M + "WLD", "2025", "level", "supported"), ("58,152t", M + "WLD", "2024", "level", "supported"),
      ("-1.3%", M + "WLD", "2025", "yoy_pct", "supported")]),
    ("Magnet exports for the year came to 57,392t, down 1.3%.", "2026-01-21",
     [("57,392t", M + "WLD", "2025", "level", "supported"), ("1.3%", M + "WLD", "2025", "yoy_pct", "supported")]),
    # 9. a period header ("LOOKING BACK: DECEMBER 2025", "Full year 2025") is the period of the lines under it,
    # until a plain header ("What it means"); "into the year-end" is the latest December
    ("Magnet exports: 10,763t in January-February.\n\nLOOKING BACK: DECEMBER 2025\n* US-bound magnets: 564t, -3% m/m"
     "\n\nFull year 2025\n* Magnets: 57,392t\n\nWhat it means\nMagnet exports held up.", "2026-03-21",
     [("10,763t", M + "WLD", "2026-01/2026-02", "level", "supported"), ("564t", M + "USA", "2025-12", "level", "supported"),
      ("-3%", M + "USA", "2025-12", "mom_pct", "supported"), ("57,392t", M + "WLD", "2025", "level", "supported")]),
    ("US magnet flows slipped for two months running into the year-end.", "2026-03-21",
     [("two months running", M + "USA", "2025-12", "streak", "supported")]),
    # 7. not a forecast: "sees X rise" (a headline's present tense), an expectation overtaken by a reported verb
    ("China sees magnet exports to the US rise 7.7-fold in June.", "2025-07-20",
     [("7.7-fold", M + "USA", "2025-06", "mom_pct", "supported")]),
    ("Magnet exports to the US, which had been expected to fall, rose to 353 tons in June.", "2025-07-20",
     [("353 tons", M + "USA", "2025-06", "level", "supported")]),
    # 10. "a quarter point" is a rate step (25 bp), never a fraction; the LPR did not move in June 2025
    ("The PBOC cut the one-year LPR by a quarter point in June.", "2025-07-20",
     [("quarter point", "lpr/1y", "2025-06", "change_bp", "contradicted")]),
    # 4. "down from 12% in October" / "compared with 12% a year earlier" after a share: that share's earlier level
    ("The US accounted for 9.5% of the total in November, down from 12% in October.", "2025-12-21",
     [("9.5%", M + "USA", "2025-11", "share", "supported"), ("12%", M + "USA", "2025-10", "share", "supported")]),
    # 7. a forecast ends at a reporting clause ("after China shipped", ", after a 12% rise")
    ("Magnet exports will be closely watched in December after China shipped 6,150 tons in November.", "2025-12-21",
     [("6,150 tons", M + "WLD", "2025-11", "level", "supported")]),
    ("Analysts expect magnet exports to fall 10% in December, after a 12% rise in November.", "2025-12-21",
     [("10%", "other"), ("12%", M + "WLD", "2025-11", "mom_pct", "supported")]),
    # 6. a year written before the number ("in 2025 totalled", a sentence-initial "For 2025 ...") when no month is
    ("Magnet exports in 2025 totalled 57,392 tonnes, 1.3% lower than in 2024.", "2026-01-21",
     [("57,392 tonnes", M + "WLD", "2025", "level", "supported"), ("1.3%", M + "WLD", "2025", "yoy_pct", "supported")]),
    ("For 2025 as a whole, China shipped 5,933t of magnets to the US.", "2026-01-21",
     [("5,933t", M + "USA", "2025", "level", "supported")]),
    ("In 2025, magnet exports to the US peaked at 656t in October.", "2026-01-21",
     [("656t", M + "USA", "2025-10", "level", "supported")]),
    # 1. "N t of <product> went/were shipped to X"
    ("Some 305 tons of rare-earth magnets went to Japan in November.", "2025-12-21",
     [("305 tons", M + "JPN", "2025-11", "level", "supported")]),
    ("Of the total, 582 tons of magnets were shipped to the United States in November.", "2025-12-21",
     [("582 tons", M + "USA", "2025-11", "level", "supported")]),
    # 5. right after a sentence about rates, "They ..." is not a trade subject
    ("China's magnet exports fell 3.2% in December.\n\nChina kept its benchmark lending rates unchanged. They stood "
     "at 3.0% and 3.5%.", "2026-01-21",
     [("3.2%", M + "WLD", "2025-12", "mom_pct", "supported"), ("3.0%", "other"), ("3.5%", "other")]),
    # 4. "the EU's share ... rose to 42.8%" is a share level, "rose 5%" a change of a share (not tracked); "of China's
    # total" inside an appositive is a share's, not a reset to World
    ("The EU's share of China's magnet exports rose to 42.8% in June.", "2025-07-20",
     [("42.8%", M + "EUU", "2025-06", "share", "supported")]),
    ("The EU's share of China's magnet exports rose 5% from May.", "2025-07-20", [("5%", "other")]),
    ("Magnet exports to the EU, representing 42.8% of China's total, were 1,364 tons in June.", "2025-07-20",
     [("42.8%", M + "EUU", "2025-06", "share", "supported"), ("1,364 tons", M + "EUU", "2025-06", "level", "supported")]),
    # 7. another reporter's figures need that reporter named ("X's own …", "X's customs / finance ministry"); plain
    # "Japan's imports of Chinese magnets" is the lane as China reports it
    ("Japan's imports of Chinese rare earth magnets were 226.1 mt in October.", "2025-11-21",
     [("226.1 mt", M + "JPN", "2025-10", "level", "supported")]),
    ("According to Japan's finance ministry, imports of Chinese magnets rose 9% in October.", "2025-11-21",
     [("9%", "other")]),
]


@pytest.mark.parametrize(("sentence", "day", "expected"), CASES)
def test_trade_phrasing(index: DataIndex, sentence: str, day: str, expected: list[tuple[str, ...]]) -> None:
    got: list[tuple[str, ...]] = []
    for c in check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]:
        got.append((c["text"], "other") if c["series"] == "other" else
                   (c["text"], c["series"], c["period"], c["measure"], c["verdict"]))
    assert sorted(got) == sorted(expected)


def test_newsletter_masthead_date(index: DataIndex) -> None:
    """A masthead "NAME - weekly newsletter | Sat 21 Mar 2026" dates the issue; browser/forward prompts are dropped."""
    text = ("THE WIRE LANE - a weekly newsletter | Sat 21 Mar 2026\nView in browser | Forward to a friend\n\n"
            "China's rare-earth magnet exports to Japan were 305 tonnes in November.")
    res = check(text, index).as_dict()
    assert res["article"]["date"] == "2026-03-21"
    assert [(c["text"], c["period"], c["verdict"]) for c in res["claims"]] == [("305 tonnes", "2025-11", "supported")]
