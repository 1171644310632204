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
