"""Red-team fixtures (prefix ``trade``): magnet / rare-earth export coverage in three more real-world styles.

* ``redteam_trade_bbg_magnets_jun2025.html``: a terminal-news page (June 2025 data): takeaways, chart caption,
  "people familiar", "X-fold", "more than doubled on-month", "they were 52% lower compared with a year earlier",
  "accounting for about N% of the total", "the previous month's 150 tons", "lowest since at least 2020",
  "Read More:" teasers with numbers, prices and share moves.
* ``redteam_trade_smm_magnets_oct2025.txt``: a metals-desk note (October 2025 data): "mt", "MoM"/"YoY",
  destination bullets, "down by a third on-month", "pct", "made up 12 pct of all shipments", "the previous month's
  4,000.3 mt", unit prices, operating rates and a quota.
* ``redteam_trade_newsletter_janfeb2026.txt``: a terse newsletter (Jan-Feb 2026 + a December / full-year 2025 look
  back under section headers): "564t (Nov 582t) -3% m/m", "RE (17 elements ...)", "Tokyo-bound",
  "two months running", another country's imports, forecasts.

The texts are ours; topic figures come from tradelane's data, seeded errors are labelled contradicted.
Labels are the CORRECT expected behaviour (see /work/notes/redteam_trade.md for what the checker gave).
Each label is (claim text, series, partner, period, measure, verdict). Texts of claims the checker does not
extract yet ("12 pct", "a third", "two months running", "lowest since at least 2020") are our best guess
of how it will report them.
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

from .conftest import FIXTURES, other_texts, topic_claims

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"
DATES = {
    "redteam_trade_bbg_magnets_jun2025.html": "2025-07-20",
    "redteam_trade_smm_magnets_oct2025.txt": "2025-11-21",
    "redteam_trade_newsletter_janfeb2026.txt": "2026-03-21",
}
LABELS: dict[str, list[tuple[str, str, str | None, str, str, str]]] = {
    "redteam_trade_bbg_magnets_jun2025.html": [
        ("Sevenfold", M + "USA", "USA", "2025-06", "mom_pct", "supported"),  # title: "More Than Sevenfold", a bound
        ("353 tons", M + "USA", "USA", "2025-06", "level", "supported"),
        ("7.7-fold", M + "USA", "USA", "2025-06", "mom_pct", "supported"),
        ("52%", M + "USA", "USA", "2025-06", "yoy_pct", "supported"),  # "Even so, they were 52% lower ..."
        ("doubled", M + "WLD", "WLD", "2025-06", "mom_pct", "supported"),  # "more than doubled on-month"
        ("3,188 tons", M + "WLD", "WLD", "2025-06", "level", "supported"),
        ("38 per cent", M + "WLD", "WLD", "2025-06", "yoy_pct", "supported"),  # "below June 2024"
        ("46 tons", M + "USA", "USA", "2025-05", "level", "supported"),
        ("lowest since at least 2020", M + "USA", "USA", "2025-05", "record_since", "unverifiable"),
        ("1,238 tons", M + "WLD", "WLD", "2025-05", "level", "supported"),
        ("1,364 tons", M + "EUU", "EUU", "2025-06", "level", "supported"),
        ("48%", M + "EUU", "EUU", "2025-06", "share", "contradicted"),  # seeded: 1,364 / 3,188 = 42.8%
        ("172 tons", M + "IND", "IND", "2025-06", "level", "supported"),
        ("25%", M + "IND", "IND", "2025-06", "mom_pct", "contradicted"),  # seeded: +14.7%
        ("150 tons", M + "IND", "IND", "2025-05", "level", "supported"),  # "the previous month's 150 tons"
        ("182 tons", M + "JPN", "JPN", "2025-06", "level", "unverifiable"),
        ("301 tons", M + "VNM", "VNM", "2025-06", "level", "unverifiable"),
        ("18.9%", M + "WLD", "WLD", "2025-01/2025-06", "yoy_pct", "unverifiable"),
        ("7,742 tons", R + "WLD", "WLD", "2025-06", "level", "supported"),
        ("highest since 2009", R + "WLD", "WLD", "2025-06", "record_since", "unverifiable"),
        ("60%", R + "WLD", "WLD", "2025-06", "yoy_pct", "supported"),
        ("23%", R + "WLD", "WLD", "2025-06", "mom_pct", "contradicted"),  # seeded: +32%
    ],
    "redteam_trade_smm_magnets_oct2025.txt": [
        ("5.2%", M + "WLD", "WLD", "2025-10", "mom_pct", "supported"),  # title
        ("nine-month high", M + "USA", "USA", "2025-10", "rank", "unverifiable"),  # title; Feb-Apr missing
        ("5,473 mt", M + "WLD", "WLD", "2025-10", "level", "supported"),
        ("5.2%", M + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("5,774 mt", M + "WLD", "WLD", "2025-09", "level", "supported"),
        ("15.8%", M + "WLD", "WLD", "2025-10", "yoy_pct", "supported"),  # not September's
        ("4,725 mt", M + "WLD", "WLD", "2024-10", "level", "supported"),
        ("second straight month", M + "WLD", "WLD", "2025-10", "streak", "supported"),
        ("1,181 mt", M + "DEU", "DEU", "2025-10", "level", "contradicted"),  # seeded: 1,118
        ("+55.9%", M + "DEU", "DEU", "2025-10", "yoy_pct", "supported"),
        ("20.4%", M + "DEU", "DEU", "2025-10", "share", "supported"),
        ("656 mt", M + "USA", "USA", "2025-10", "level", "supported"),
        ("+56.1%", M + "USA", "USA", "2025-10", "mom_pct", "supported"),
        ("+4.5%", M + "USA", "USA", "2025-10", "yoy_pct", "supported"),
        ("569 mt", M + "KOR", "KOR", "2025-10", "level", "supported"),
        ("a third", M + "KOR", "KOR", "2025-10", "mom_pct", "supported"),  # "down by a third on-month": -33.4%
        ("+13.1%", M + "KOR", "KOR", "2025-10", "yoy_pct", "contradicted"),  # seeded: 31.3
        ("226.1 mt", M + "JPN", "JPN", "2025-10", "level", "supported"),
        ("-0.9%", M + "JPN", "JPN", "2025-10", "mom_pct", "supported"),
        ("+30.2%", M + "JPN", "JPN", "2025-10", "yoy_pct", "supported"),
        ("402 mt", M + "VNM", "VNM", "2025-10", "level", "unverifiable"),
        ("188 mt", M + "IND", "IND", "2025-10", "level", "unverifiable"),
        ("highest in nine months", M + "USA", "USA", "2025-10", "rank", "unverifiable"),
        ("12 pct", M + "USA", "USA", "2025-10", "share", "supported"),  # "made up 12 pct of all shipments"
        ("30 pct", M + "JPN", "JPN", "2025-10", "yoy_pct", "supported"),  # "above the year-earlier level"
        ("45,290 mt", M + "WLD", "WLD", "2025-01/2025-10", "level", "unverifiable"),
        ("-5.2%", M + "WLD", "WLD", "2025-01/2025-10", "yoy_pct", "unverifiable"),
        ("4,343.5 mt", R + "WLD", "WLD", "2025-10", "level", "supported"),
        ("8.7%", R + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("4,000.3 mt", R + "WLD", "WLD", "2025-09", "level", "supported"),  # "the previous month's 4,000.3 mt"
        ("13.9%", R + "WLD", "WLD", "2025-09", "mom_pct", "contradicted"),  # seeded: -30.9
        ("52,699 mt", R + "WLD", "WLD", "2025-01/2025-10", "level", "supported"),
        ("25 pct", R + "WLD", "WLD", "2025-10", "mom_pct", "supported"),  # against August: -25.0%
    ],
    "redteam_trade_newsletter_janfeb2026.txt": [
        ("10,763t", M + "WLD", "WLD", "2026-01/2026-02", "level", "supported"),
        ("+8.2%", M + "WLD", "WLD", "2026-01/2026-02", "yoy_pct", "supported"),
        ("994t", M + "USA", "USA", "2026-01/2026-02", "level", "supported"),
        ("-22.5%", M + "USA", "USA", "2026-01/2026-02", "yoy_pct", "supported"),
        ("4,900t", M + "WLD", "WLD", "2026-02", "level", "unverifiable"),  # only the Jan-Feb sum is on record
        ("512t", M + "JPN", "JPN", "2026-01/2026-02", "level", "unverifiable"),
        ("10,460t", R + "WLD", "WLD", "2026-01/2026-02", "level", "supported"),  # "RE (17 elements ...)"
        ("+32%", R + "WLD", "WLD", "2026-01/2026-02", "yoy_pct", "contradicted"),  # seeded: 23
        # LOOKING BACK: DECEMBER 2025
        ("5,952t", M + "WLD", "WLD", "2025-12", "level", "supported"),
        ("6,150t", M + "WLD", "WLD", "2025-11", "level", "supported"),
        ("-2.3%", M + "WLD", "WLD", "2025-12", "mom_pct", "contradicted"),  # seeded: -3.2
        ("564t", M + "USA", "USA", "2025-12", "level", "supported"),
        ("582t", M + "USA", "USA", "2025-11", "level", "supported"),
        ("-3%", M + "USA", "USA", "2025-12", "mom_pct", "supported"),
        ("lowest since September", M + "USA", "USA", "2025-12", "record_since", "supported"),
        ("280t", M + "JPN", "JPN", "2025-12", "level", "supported"),
        ("305t", M + "JPN", "JPN", "2025-11", "level", "supported"),
        ("-8%", M + "JPN", "JPN", "2025-12", "mom_pct", "supported"),
        ("+31.4%", M + "JPN", "JPN", "2025-12", "yoy_pct", "supported"),
        ("1,204t", M + "DEU", "DEU", "2025-12", "level", "unverifiable"),
        ("610t", M + "KOR", "KOR", "2025-12", "level", "unverifiable"),
        ("433t", M + "VNM", "VNM", "2025-12", "level", "unverifiable"),
        ("4,392t", R + "WLD", "WLD", "2025-12", "level", "supported"),
        ("-20%", R + "WLD", "WLD", "2025-12", "mom_pct", "supported"),
        ("+32%", R + "WLD", "WLD", "2025-12", "yoy_pct", "supported"),
        ("lowest since October", R + "WLD", "WLD", "2025-12", "record_since", "supported"),
        # FULL YEAR 2025
        ("57,392t", M + "WLD", "WLD", "2025", "level", "supported"),
        ("58,152t", M + "WLD", "WLD", "2024", "level", "supported"),
        ("-1.3%", M + "WLD", "WLD", "2025", "yoy_pct", "supported"),
        ("5,393t", M + "USA", "USA", "2025", "level", "contradicted"),  # seeded: 5,933
        ("20.3%", M + "USA", "USA", "2025", "yoy_pct", "unverifiable"),  # no 2024 US annual figure
        ("4,877.6t", M + "JPN", "JPN", "2025", "level", "unverifiable"),
        ("62,585t", R + "WLD", "WLD", "2025", "level", "supported"),  # Jan-Feb + Mar..Dec sum to 62,585.1
        # prose
        ("two months running", M + "USA", "USA", "2025-12", "streak", "supported"),  # Nov and Dec down, Oct up
        ("305 tonnes", M + "JPN", "JPN", "2025-11", "level", "supported"),  # "Tokyo-bound shipments"
        ("highest of the year", M + "JPN", "JPN", "2025-11", "rank", "unverifiable"),  # Jan-Jun, Aug missing
    ],
}
OTHER = {
    "redteam_trade_bbg_magnets_jun2025.html": {"2.4%", "466,000 yuan", "3.1%", "30%", "doubled"},
    "redteam_trade_smm_magnets_oct2025.txt": {"1.5%", "1.62 million yuan", "6.9 million yuan", "$48.6", "3.2%", "78%",
                                              "55%", "270,000 mt", "0.8%", "1,620 yuan", "12%"},
    "redteam_trade_newsletter_janfeb2026.txt": {"60%", "90%", "9%", "50%", "600t", "14%"},
}


def _check(index: DataIndex, name: str, with_date: bool = True) -> dict:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    day = date.fromisoformat(DATES[name]) if with_date else None
    return check(text, index, date=day).as_dict()


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
    assert all(c["reason"] for c in res["claims"] if c["series"] == "other")
    # ticker widgets are never claims; a "Read More:" teaser about China's overall exports is never a topic claim
    assert not any(c["text"] in ("$58.12", "A$14.05", "6,296.79", "+0.32%", "1.2%") for c in res["claims"])
    assert not any("Read More" in c["sentence"] and c["series"] != "other" for c in res["claims"])


@pytest.mark.parametrize(("name", "day", "source"), [
    ("redteam_trade_bbg_magnets_jun2025.html", "2025-07-20", "page metadata"),
    ("redteam_trade_smm_magnets_oct2025.txt", "2025-11-21", "dateline"),
    ("redteam_trade_newsletter_janfeb2026.txt", "2026-03-21", None),  # masthead "| Sat 21 Mar 2026"
])
def test_article_date_is_found(index: DataIndex, name: str, day: str, source: str | None) -> None:
    art = _check(index, name, with_date=False)["article"]
    assert art["date"] == day
    if source:
        assert art["date_source"] == source


@pytest.mark.parametrize(("sentence", "day", "expected"), [
    # (text, series, period, measure, verdict) of every claim; "other" claims as (text, "other")
    ("China exported 305 tons of rare-earth magnets to Japan in November.", "2025-12-21",
     [("305 tons", M + "JPN", "2025-11", "level", "supported")]),
    ("China shipped 564t of rare-earth magnets to the US in December.", "2026-01-21",
     [("564t", M + "USA", "2025-12", "level", "supported")]),
    ("India took 172 tons of Chinese rare-earth magnets in June, 25% more than the previous month's 150 tons.",
     "2025-07-20", [("172 tons", M + "IND", "2025-06", "level", "supported"),
                    ("25%", M + "IND", "2025-06", "mom_pct", "contradicted"),
                    ("150 tons", M + "IND", "2025-05", "level", "supported")]),
    ("Rare earth magnet exports totalled 5,473 mt in October, down from September's 5,774 mt but up 15.8% YoY.",
     "2025-11-21", [("5,473 mt", M + "WLD", "2025-10", "level", "supported"),
                    ("5,774 mt", M + "WLD", "2025-09", "level", "supported"),
                    ("15.8%", M + "WLD", "2025-10", "yoy_pct", "supported")]),
    ("Rare earths Dec: 4,392t, -20% m/m", "2026-01-21",
     [("4,392t", R + "WLD", "2025-12", "level", "supported"),
      ("-20%", R + "WLD", "2025-12", "mom_pct", "supported")]),
    ("Exports of rare-earth magnets to America climbed to 353 tons in June. They were still 52% lower than a year "
     "earlier.", "2025-07-20", [("353 tons", M + "USA", "2025-06", "level", "supported"),
                                ("52%", M + "USA", "2025-06", "yoy_pct", "supported")]),
    ("China's magnet exports rose in June. Shipments to the European Union rose to 1,364 tons, accounting for "
     "about 48% of the total.", "2025-07-20",
     [("1,364 tons", M + "EUU", "2025-06", "level", "supported"),
      ("48%", M + "EUU", "2025-06", "share", "contradicted")]),
    ("China's rare earth magnet exports to the US were 656 mt in October, and the US lane made up 12% of all "
     "magnet shipments.", "2025-11-21", [("656 mt", M + "USA", "2025-10", "level", "supported"),
                                         ("12%", M + "USA", "2025-10", "share", "supported")]),
    ("Japan's intake of Chinese rare earth magnets was 226.1 mt in October, about 30% above the year-earlier "
     "level.", "2025-11-21", [("226.1 mt", M + "JPN", "2025-10", "level", "supported"),
                              ("30%", M + "JPN", "2025-10", "yoy_pct", "supported")]),
    ("China's rare earth magnet exports were 5,473 mt in October. The October average export unit price for "
     "magnets was $48.6/kg, up 3.2% MoM.", "2025-11-21",
     [("5,473 mt", M + "WLD", "2025-10", "level", "supported"), ("$48.6", "other"), ("3.2%", "other")]),
    ("China's rare earth magnet exports were 5,473 mt in October. China's production quota for mined rare earths "
     "was set at 270,000 mt for the year.", "2025-11-21",
     [("5,473 mt", M + "WLD", "2025-10", "level", "supported"), ("270,000 mt", "other")]),
    ("China's rare-earth magnet exports to Japan fell in December. Japan now sources about 60% of its rare earths "
     "from China, down from roughly 90% in 2010.", "2026-03-21", [("60%", "other"), ("90%", "other")]),
    ("China's rare-earth magnet exports to Japan fell in December. South Korea's own customs service said imports "
     "of Chinese permanent magnets rose 9% in 2025.", "2026-03-21", [("9%", "other")]),
    ("China's rare-earth magnet exports to Japan fell in December. An analyst expects March shipments to Japan to "
     "fall as much as 50%. A trader expects the Korean lane to hold near 600t a month.", "2026-03-21",
     [("50%", "other"), ("600t", "other")]),
    ("China's rare-earth magnet exports to Japan fell in December. Tokyo-bound shipments hit 305 tonnes in "
     "November.", "2026-03-21", [("305 tonnes", M + "JPN", "2025-11", "level", "supported")]),
    ("China shipped 5,933t of rare-earth magnets to the US in 2025, down 20.3% vs 2024.", "2026-01-21",
     [("5,933t", M + "USA", "2025", "level", "supported"),
      ("20.3%", M + "USA", "2025", "yoy_pct", "unverifiable")]),
    ("* Rare-earth magnet exports 2025: 57,392t vs 58,152t in 2024, -1.3%", "2026-01-21",
     [("57,392t", M + "WLD", "2025", "level", "supported"),
      ("58,152t", M + "WLD", "2024", "level", "supported"),
      ("-1.3%", M + "WLD", "2025", "yoy_pct", "supported")]),
    ("China's rare-earth magnet exports to the US were 564t in December, down 3% from November's 582t.",
     "2026-01-21", [("564t", M + "USA", "2025-12", "level", "supported"),
                    ("3%", M + "USA", "2025-12", "mom_pct", "supported"),
                    ("582t", M + "USA", "2025-11", "level", "supported")]),
    ("* US-bound magnet exports Dec: 564t (Nov 582t) -3% m/m", "2026-01-21",
     [("564t", M + "USA", "2025-12", "level", "supported"),
      ("582t", M + "USA", "2025-11", "level", "supported"),
      ("-3%", M + "USA", "2025-12", "mom_pct", "supported")]),
])
def test_minimal_reproductions(index: DataIndex, sentence: str, day: str, expected: list[tuple]) -> None:
    got = []
    for c in check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]:
        got.append((c["text"], "other") if c["series"] == "other" else
                   (c["text"], c["series"], c["period"], c["measure"], c["verdict"]))
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize(("sentence", "day", "text"), [
    # phrasings that are not read at all today: the claim must be found (linked to a tradelane series)
    ("China's rare earth magnet exports to South Korea were 569 mt in October, down by a third on-month.",
     "2025-11-21", "third"),
    ("China's rare earth magnet exports to South Korea were 569 mt in October, down 33 pct from September.",
     "2025-11-21", "33 pct"),
    ("Rare-earth magnet exports to the US were 564 tons in December, having fallen for two months running.",
     "2026-01-21", "two months running"),
    ("US-bound magnet volumes sank to just 46 tons in May, the lowest since at least 2020.", "2025-07-20",
     "lowest since at least 2020"),
])
def test_unread_phrasings_are_found(index: DataIndex, sentence: str, day: str, text: str) -> None:
    claims = check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]
    assert any(text in c["text"] and c["series"] != "other" for c in claims)
