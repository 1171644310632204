"""Regional and wire variants from the red-team pass: our own short texts, verdicts on the embedded data."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

M = "rare_earth_magnets/CHN/"


def _claims(text: str, index: DataIndex, day: str) -> list[tuple]:
    return [(c["text"], "other") if c["series"] == "other" else
            (c["text"], c["series"], c["period"], c["measure"], c["verdict"])
            for c in check(text, index, date=date.fromisoformat(day)).as_dict()["claims"]]


WRAPPED = """China's exports of rare earth magnets to South Korea came to 569
tons in October, a 38.4 percent drop from September's 854 tons, though
still up 31.3 percent on-year, according to Chinese customs data released
on Thursday, as carmakers worked through stocks built up in the summer.
Exporters said licences were still slow to arrive for several buyers in
the country, and that the outlook for the winter months was unclear now.
"""


def test_hard_wrapped_text_is_read_as_paragraphs(index: DataIndex) -> None:
    assert _claims(WRAPPED, index, "2025-11-21") == [
        ("569 tons", M + "KOR", "2025-10", "level", "supported"),
        ("38.4 percent", M + "KOR", "2025-10", "mom_pct", "contradicted"),  # seeded: -33.4
        ("854 tons", M + "KOR", "2025-09", "level", "supported"),
        ("31.3 percent", M + "KOR", "2025-10", "yoy_pct", "supported"),
    ]


def test_text_that_is_not_wrapped_keeps_its_lines(index: DataIndex) -> None:
    text = "Magnet exports\nChina's magnet exports rose to 6,150 tons in November.\nJapan took 305 tons.\n"
    assert _claims(text, index, "2025-12-21") == [
        ("6,150 tons", M + "WLD", "2025-11", "level", "supported"), ("305 tons", M + "JPN", "2025-11", "level",
                                                                    "supported")]


@pytest.mark.parametrize(("text", "day", "expected"), [
    # an importing country's own statistics are not China's export data ...
    ("South Korea imported 742 tons of magnets from China in October, according to the Korea Customs Service.",
     "2025-11-21", [("742 tons", "other")]),
    ("Japan's Ministry of Finance compiles its own trade statistics. Its September figures showed imports of "
     "Chinese neodymium magnets of 412 tons, up 9.8 percent on-year.", "2025-11-21",
     [("412 tons", "other"), ("9.8 percent", "other")]),
    # ... but China's own tally of the same lane is
    ("US imports of Chinese magnets fell to 656 tons in October, Chinese customs data showed.", "2025-11-21",
     [("656 tons", M + "USA", "2025-10", "level", "supported")]),
    # a day-date inside "ahead of Beijing's Oct. 9 curbs" is an event, not the figure's month
    ("In September, shipments to Korea had surged 84.5 percent from a year earlier as carmakers front-loaded "
     "orders ahead of Beijing's Oct. 9 curbs.", "2025-11-21",
     [("84.5 percent", M + "KOR", "2025-09", "yoy_pct", "supported")]),
    # a possessive appositive is not the partner; a share "of China's outbound shipments" keeps its partner
    ("Shipments to Germany, Europe's largest market, rose to 1,116 tonnes of magnets in July.", "2025-08-21",
     [("1,116 tonnes", M + "DEU", "2025-07", "level", "supported")]),
    ("South Korea's share of China's outbound magnet shipments was 10.4 percent in October.", "2025-11-21",
     [("10.4 percent", M + "KOR", "2025-10", "share", "supported")]),
    ("South Korea's share of China's magnet exports fell to 10.4 percent in October from 14.8 percent in "
     "September.", "2025-11-21", [("10.4 percent", M + "KOR", "2025-10", "share", "supported"),
                                  ("14.8 percent", M + "KOR", "2025-09", "share", "supported")]),
    # "the July consignments", "Year on year, the October figure" point back
    ("China shipped 418 tonnes of magnets to India in July. In volume terms the July consignments came to roughly "
     "0.42 kt, against 172 t in June and 150 t in May.", "2025-08-21",
     [("418 tonnes", M + "IND", "2025-07", "level", "supported"), ("0.42 kt", M + "IND", "2025-07", "level",
                                                                   "supported"),
      ("172 t", M + "IND", "2025-06", "level", "supported"), ("150 t", M + "IND", "2025-05", "level", "supported")]),
    ("China's magnet exports to Japan were 226.1 tons in October. Year on year, the October figure was 30.2 "
     "percent higher.", "2025-11-21", [("226.1 tons", M + "JPN", "2025-10", "level", "supported"),
                                       ("30.2 percent", M + "JPN", "2025-10", "yoy_pct", "supported")]),
    # two levels of different months: the change is the later one's
    ("Magnet exports were 2,627 tonnes in April and 1,238 t in May, a 74% fall on the year.", "2026-01-21",
     [("2,627 tonnes", M + "WLD", "2025-04", "level", "supported"), ("1,238 t", M + "WLD", "2025-05", "level",
                                                                     "supported"),
      ("74%", M + "WLD", "2025-05", "yoy_pct", "supported")]),
    # "the June figure" is a base
    ("China shipped 418 tonnes of magnets to India in July, more than double the June figure and 66% higher than "
     "a year earlier.", "2025-08-21", [("418 tonnes", M + "IND", "2025-07", "level", "supported"),
                                       ("double", M + "IND", "2025-07", "mom_pct", "supported"),
                                       ("66%", M + "IND", "2025-07", "yoy_pct", "contradicted")]),
    # kilotonnes
    ("* U.S., November: 0.58 kt (−11% m/m)", "2025-12-21",
     [("0.58 kt", M + "USA", "2025-11", "level", "supported"), ("−11%", M + "USA", "2025-11", "mom_pct",
                                                                "supported")]),
    # a rate cut "after a ... cut in May" does not make the paragraph about May
    ("Lenders held both LPRs after a 10-basis-point cut in May. The one-year LPR was 3%.", "2025-08-21",
     [("10-basis-point", "lpr/1y", "2025-05", "change_bp", "supported"),
      ("10-basis-point", "lpr/5y", "2025-05", "change_bp", "supported"), ("3%", "lpr/1y", "2025-08", "level",
                                                                          "supported")]),
])
def test_regional_phrasings(index: DataIndex, text: str, day: str, expected: list[tuple]) -> None:
    assert _claims(text, index, day) == expected


def test_a_timeline_bullet_is_not_the_dateline_and_a_cityless_wire_dateline_is(index: DataIndex) -> None:
    text = ("FACTBOX-How the controls changed\n\nJan 21 (Synthetic Wire) - The ministry barred some exports.\n\n"
            "TIMELINE\n\n* July 3, 2023 - Licences for gallium and germanium.\n\n"
            "China's magnet exports to the U.S. were 582 t in November.\n")
    res = check(text, index).as_dict()
    assert res["article"]["date"] == "2026-01-21"
    assert [(c["text"], c["period"], c["verdict"]) for c in res["claims"]] == [("582 t", "2025-11", "supported")]


def test_whitespace_aligned_table_with_months_as_rows(index: DataIndex) -> None:
    text = ("Magnet exports, China customs (metric tonnes)\n\n"
            "Month        Total     m/m      To U.S.   To Japan\n"
            "Dec 2025     5,952     -3.2%    564       280\n"
            "Nov 2025     6,150     +12%     582       350\n")
    assert _claims(text, index, "2026-01-21") == [
        ("5,952 t", M + "WLD", "2025-12", "level", "supported"), ("-3.2%", M + "WLD", "2025-12", "mom_pct", "supported"),
        ("564 t", M + "USA", "2025-12", "level", "supported"), ("280 t", M + "JPN", "2025-12", "level", "supported"),
        ("6,150 t", M + "WLD", "2025-11", "level", "supported"), ("+12%", M + "WLD", "2025-11", "mom_pct", "supported"),
        ("582 t", M + "USA", "2025-11", "level", "supported"),
        ("350 t", M + "JPN", "2025-11", "level", "contradicted"),  # seeded: 305
    ]
