"""Page-structure rules from the red-team pass: our own minimal pages and lines, not article text."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check
from tradelane.claims.clean import meta_published

M = "rare_earth_magnets/CHN/"


@pytest.mark.parametrize(("html", "expected"), [
    # a nested VideoObject's date must not win over the article's own
    ('<script type="application/ld+json">{"@type":"NewsArticle","video":{"@type":"VideoObject",'
     '"datePublished":"2024-02-19T14:02:00Z"},"datePublished":"2024-02-20T02:05:11Z"}</script>', date(2024, 2, 20)),
    ('<script type="application/ld+json">{"@graph":[{"@type":"VideoObject","datePublished":"2024-01-30"},'
     '{"@type":["NewsArticle"],"datePublished":"2024-02-20"}]}</script>', date(2024, 2, 20)),
    # Open Graph article time first, then JSON-LD
    ('<meta property="article:published_time" content="2025-12-20T08:00:00+08:00">'
     '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-19"}</script>',
     date(2025, 12, 20)),
    # malformed JSON-LD falls back to the plain scan
    ('<script type="application/ld+json">{"datePublished": "2026-01-20", </script>', date(2026, 1, 20)),
    ("<p>no date here</p>", None),
])
def test_meta_published_prefers_the_articles_own_date(html: str, expected: date | None) -> None:
    assert meta_published(html) == expected


def test_a_date_read_from_the_byline_says_so(index: DataIndex) -> None:
    page = ("<html><head><title>Magnets</title></head><body><article><h1>Magnet exports rise</h1>"
            "<p>Published: Sep 20, 2025</p><p>China's magnet exports rose to 6,146 tonnes in August, "
            "customs data showed on Saturday, the highest since January.</p>"
            "<p>Shipments to Germany were 1,346 tonnes in August, up from July.</p></article></body></html>")
    res = check(page, index).as_dict()["article"]
    assert res["date"] == "2025-09-20" and res["date_source"].startswith("page byline")


@pytest.mark.parametrize("caption", [
    "Workers inspect magnet blocks at a plant on August 28, 2025. The plant makes 12,000 tonnes a year. Photo: Agency",
    "A worker sorts rare earth oxide, 12,000 tonnes of it a year. [Photo/VCG]",
    "Magnet blocks at a plant that ships 12,000 tonnes a year. (Xinhua/Li Ming)",
])
def test_a_line_ending_in_a_photo_credit_is_a_caption(index: DataIndex, caption: str) -> None:
    text = f"China's magnet exports rose to 6,146 tonnes in August.\n{caption}\n"
    claims = check(text, index, date=date(2025, 9, 20)).as_dict()["claims"]
    assert [(c["text"], c["series"], c["verdict"]) for c in claims] == [
        ("6,146 tonnes", M + "WLD", "supported")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The one-year LPR was held at 3.45% for a sixth consecutive fixing.",
     [("3.45%", "lpr/1y", "level", "supported"), ("sixth consecutive fixing", "lpr/1y", "streak", "supported")]),
    ("The one-year LPR has now been held for six straight fixings.",
     [("six straight fixings", "lpr/1y", "streak", "supported")]),
    ("China cut the five-year LPR to 3.95% on Tuesday. New home prices have declined for seven months in a row.",
     [("3.95%", "lpr/5y", "level", "supported"), ("seven months in a row", "other", "other", "unverifiable")]),
    ("China cut the five-year loan prime rate by 25 basis points on Tuesday, the deepest reduction since the "
     "benchmark was overhauled in 2019.", [("25 basis points", "lpr/5y", "change_bp", "supported")]),
])
def test_rate_streaks_and_records_in_a_page(index: DataIndex, text: str, expected: list[tuple]) -> None:
    claims = check(text, index, date=date(2024, 2, 20)).as_dict()["claims"]
    assert [(c["text"], c["series"], c["measure"], c["verdict"]) for c in claims] == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    # China's trade in all goods, a share of world output, an economy-wide dollar amount: never a lane
    ("China's rare earth magnet exports fell 3.2% in December. China's total exports rose 6.6% from a year earlier, "
     "and the country ran a record trade surplus of $1.19 trillion in 2025.", "2026-01-20",
     [("3.2%", M + "WLD", "2025-12", "mom_pct", "supported"), ("6.6%", "other"), ("$1.19 trillion", "other")]),
    ("China's rare earth magnet exports rose to 6,146 tonnes in August. China produces more than 90 percent of the "
     "world's sintered magnets.", "2025-09-20",
     [("6,146 tonnes", M + "WLD", "2025-08", "level", "supported"), ("90 percent", "other")]),
    # the basis right before the change noun; "the same month of 2024" for a tonnage
    ("China's rare earth magnet exports in August represented a month-on-month rise of 10.2 percent and a 15.4 "
     "percent increase over the 5,325 tonnes shipped in the same month of 2024.", "2025-09-20",
     [("10.2 percent", M + "WLD", "2025-08", "mom_pct", "supported"),
      ("15.4 percent", M + "WLD", "2025-08", "yoy_pct", "supported"),
      ("5,325 tonnes", M + "WLD", "2024-08", "level", "supported")]),
    # a month dating an event inside "after ..." is not the figure's month
    ("China's magnet exports rose in August, marking the third consecutive month of growth after curbs announced "
     "in April disrupted trade.", "2025-09-20",
     [("third consecutive month", M + "WLD", "2025-08", "streak", "supported")]),
    # "the bloc" after the EU was named
    ("China's magnet shipments to the European Union reached 2,582 tonnes in August. The bloc's intake rose 21 "
     "percent from the previous month.", "2025-09-20",
     [("2,582 tonnes", M + "EUU", "2025-08", "level", "supported"),
      ("21 percent", M + "EUU", "2025-08", "mom_pct", "supported")]),
    # "the most in N months", "a fifth less than"
    ("China exported 6,146 tonnes of magnets in August, the most in two months.", "2025-09-20",
     [("6,146 tonnes", M + "WLD", "2025-08", "level", "supported"),
      ("most in two months", M + "WLD", "2025-08", "rank", "supported")]),
    ("Rare earth exports fell to 4,392 tons in December, a fifth less than in November.", "2026-01-20",
     [("4,392 tons", "rare_earths/CHN/WLD", "2025-12", "level", "supported"),
      ("a fifth", "rare_earths/CHN/WLD", "2025-12", "mom_pct", "supported")]),
    # a yuan amount in a teaser bullet that names no traded good
    ("China's magnet exports rose to 6,146 tonnes in August.\n- Robotics start-ups draw 3.2 billion yuan of "
     "funding in 8 months\n", "2025-09-20",
     [("6,146 tonnes", M + "WLD", "2025-08", "level", "supported"), ("3.2 billion yuan", "other")]),
])
def test_page_phrasings(index: DataIndex, text: str, day: str, expected: list[tuple]) -> None:
    got = [(c["text"], "other") if c["series"] == "other" else
           (c["text"], c["series"], c["period"], c["measure"], c["verdict"])
           for c in check(text, index, date=date.fromisoformat(day)).as_dict()["claims"]]
    assert got == expected
