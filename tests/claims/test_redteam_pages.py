"""Red-team fixtures (prefix ``pages``): whole scraped news PAGES, markup and boilerplate included.

* ``redteam_pages_wire_magnets_dec2025.html``: a wire-service article page (cookie banner, market strip,
  ``article:published_time`` and NewsArticle JSON-LD, ``<time datetime>``, byline, "4 min read", file-photo caption,
  newsletter box, "Related coverage", "Reporting by ... Editing by", "Our Standards", Read Next / Most Read rails)
  on December 2025 magnet exports, the 2025 totals and rare earths.
* ``redteam_pages_yahoo_lpr_feb2024.html``: a finance-portal syndication page (index quotes, "In this article"
  ticker chips, "Read more:" lines, a video with a duration and an upload date, "Sign up for ...", trending tickers,
  comment count) on the February 2024 five-year LPR cut; its JSON-LD nests the embedded video's own
  ``datePublished`` (the day before) ahead of the article's.
* ``redteam_pages_statemedia_magnets_aug2025.html``: a state-media-style page (breadcrumbs, no date metadata, a
  "Published:" byline, view count, summary bullets, a photo-gallery caption with a capacity figure, inline
  ``<strong>``/``<a>``, a price ``<aside>``, author bio, Related Articles and Editor's Picks with numbers).

The article texts are ours; topic figures come from tradelane's data, a few deliberately wrong (seeded, labelled
contradicted). The dates are NOT passed: the checker must find them. The labels are the CORRECT expected behaviour;
see /work/notes/redteam_pages.md for the ones the checker does not meet yet.
Label = (claim text, series, partner, period, measure, verdict).
"""

from __future__ import annotations

import pytest

from tradelane.claims import DataIndex

from .conftest import check_fixture, topic_claims

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"
L1, L5, RR, MLF, P = "lpr/1y", "lpr/5y", "policy/7d_reverse_repo", "policy/mlf_1y", "polls"

LABELS: dict[str, list[tuple[str, str, str | None, str, str, str]]] = {
    "redteam_pages_wire_magnets_dec2025.html": [
        ("5,952 metric tons", M + "WLD", "WLD", "2025-12", "level", "supported"),
        ("3.2%", M + "WLD", "WLD", "2025-12", "mom_pct", "supported"),  # "3.2% below November's level"
        ("11%", M + "WLD", "WLD", "2025-12", "yoy_pct", "unverifiable"),  # no December 2024 magnet figure
        ("second consecutive month", M + "USA", "USA", "2025-12", "streak", "supported"),  # "U.S.-destined ... slid"
        ("546 tons", M + "USA", "USA", "2025-12", "level", "contradicted"),  # seeded: 564
        ("3%", M + "USA", "USA", "2025-12", "mom_pct", "supported"),
        ("280 tons", M + "JPN", "JPN", "2025-12", "level", "supported"),
        ("8%", M + "JPN", "JPN", "2025-12", "mom_pct", "supported"),  # "about 8% fewer than in November"
        ("31.4%", M + "JPN", "JPN", "2025-12", "yoy_pct", "supported"),  # "31.4% above December 2024 levels"
        ("612 tons", M + "KOR", "KOR", "2025-12", "level", "unverifiable"),
        ("57,392 tons", M + "WLD", "WLD", "2025", "level", "supported"),
        ("1.3%", M + "WLD", "WLD", "2025", "yoy_pct", "supported"),  # an annual total "down 1.3% from 2024"
        ("5,933 tons", M + "USA", "USA", "2025", "level", "supported"),
        ("4,392 tons", R + "WLD", "WLD", "2025-12", "level", "supported"),
        ("a fifth", R + "WLD", "WLD", "2025-12", "mom_pct", "supported"),  # "a fifth less than in November": -20.05
        ("23%", R + "WLD", "WLD", "2025-12", "yoy_pct", "contradicted"),  # seeded: +32
        ("62,585 tons", R + "WLD", "WLD", "2025", "level", "supported"),  # sum of the 2025 months
        ("12.9%", R + "WLD", "WLD", "2025", "yoy_pct", "unverifiable"),  # 2024 months incomplete
    ],
    "redteam_pages_yahoo_lpr_feb2024.html": [
        ("25 basis points", L5, None, "2024-02", "change_bp", "supported"),  # "deepest ... since ... overhauled in 2019"
        ("3.95%", L5, None, "2024-02", "level", "supported"),
        ("4.25%", L5, None, "2024-01", "level", "contradicted"),  # seeded: 4.20
        ("3.45%", L1, None, "2024-02", "level", "supported"),
        ("six straight fixings", L1, None, "2024-02", "streak", "supported"),  # Sep 2023 .. Feb 2024
        ("10 basis points", L1, None, "2023-08", "change_bp", "supported"),  # "trimmed ... last August"
        ("25", P, None, "2024-02", "count", "supported"),
        ("27", P, None, "2024-02", "count", "supported"),
        ("30", P, None, "2024-01", "count", "unverifiable"),  # no poll stored for January 2024
        ("32", P, None, "2024-01", "count", "unverifiable"),
        ("1.9%", RR, None, "2024-02", "level", "contradicted"),  # seeded: 1.8
        ("2.5%", MLF, None, "2024-02", "level", "supported"),
        ("quarter-point", L5, None, "2024-02", "change_bp", "supported"),  # in a quote
    ],
    "redteam_pages_statemedia_magnets_aug2025.html": [
        ("seven-month high", M + "WLD", "WLD", "2025-08", "rank", "unverifiable"),  # the title; Feb/Mar 2025 missing
        ("10.2 percent", M + "WLD", "WLD", "2025-08", "mom_pct", "supported"),  # summary bullet
        ("6,146 tonnes", M + "WLD", "WLD", "2025-08", "level", "supported"),
        ("third straight monthly increase", M + "WLD", "WLD", "2025-08", "streak", "supported"),
        ("6,146 tonnes", M + "WLD", "WLD", "2025-08", "level", "supported"),
        ("most in seven months", M + "WLD", "WLD", "2025-08", "rank", "unverifiable"),
        ("10.2 percent", M + "WLD", "WLD", "2025-08", "mom_pct", "supported"),  # "a month-on-month rise of 10.2 percent"
        ("15.4 percent", M + "WLD", "WLD", "2025-08", "yoy_pct", "supported"),
        ("5,325 tonnes", M + "WLD", "WLD", "2024-08", "level", "supported"),  # "shipped in the same month of 2024"
        ("third consecutive month", M + "WLD", "WLD", "2025-08", "streak", "supported"),  # "... after curbs in April"
        ("1,431 tonnes", M + "DEU", "DEU", "2025-08", "level", "contradicted"),  # seeded: 1,341
        ("20.2 percent", M + "DEU", "DEU", "2025-08", "mom_pct", "supported"),
        ("2,582 tonnes", M + "EUU", "EUU", "2025-08", "level", "supported"),
        ("31 percent", M + "EUU", "EUU", "2025-08", "mom_pct", "contradicted"),  # seeded: +20.7; "The bloc's intake"
        ("4.7 percent", M + "USA", "USA", "2025-08", "mom_pct", "supported"),
        ("590 tonnes", M + "USA", "USA", "2025-08", "level", "supported"),
        ("11.8 percent", M + "USA", "USA", "2025-08", "yoy_pct", "supported"),
        ("470 tonnes", M + "VNM", "VNM", "2025-08", "level", "unverifiable"),
        ("33,953 tonnes", M + "WLD", "WLD", "2025-01/2025-08", "level", "unverifiable"),
        ("10.7 percent", M + "WLD", "WLD", "2025-01/2025-08", "yoy_pct", "unverifiable"),
        ("5,792 tonnes", R + "WLD", "WLD", "2025-08", "level", "supported"),
        ("3.4 percent", R + "WLD", "WLD", "2025-08", "mom_pct", "contradicted"),  # seeded: "up", it fell 3.4%
        ("22.6 percent", R + "WLD", "WLD", "2025-08", "yoy_pct", "supported"),
    ],
}

# numbers on the page that are not about tradelane's series: never a topic claim (``other`` or absent)
NOT_TOPIC: dict[str, set[str]] = {
    "redteam_pages_wire_magnets_dec2025.html": {
        "6.6%", "$1.19 trillion", "1.8%", "598,000 yuan", "5,500-6,500 tons", "26.5%", "58,000 tons", "61.20",
        "+3.4%", "4 min", "1920", "9%", "12-week", "0.75%", "2026"},
    "redteam_pages_yahoo_lpr_feb2024.html": {
        "seven months in a row", "0.25 percentage point", "50 basis points", "500 billion yuan", "1 trillion yuan",
        "34%", "3.7%", "1.6%", "4.1%", "7.1936", "2.45%", "20", "6", "1,204", "+3.05%", "+0.56%", "-0.60%", "+4.35%",
        "6.77%", "2:41", "3 min"},
    "redteam_pages_statemedia_magnets_aug2025.html": {
        "12,000 tonnes", "90 percent", "635,000 yuan", "18 percent", "1,000", "1,200", "3.2 billion yuan",
        "11.9 billion yuan", "563,500 yuan", "+1.2%", "3.4%", "75%", "5.2%", "18,452", "36", "1/4"},
}

DATES = {  # (date, date_source) the checker must infer from the page itself
    "redteam_pages_wire_magnets_dec2025.html": ("2026-01-20", "page metadata"),
    "redteam_pages_yahoo_lpr_feb2024.html": ("2024-02-20", "page metadata"),  # not the embedded video's 02-19
    "redteam_pages_statemedia_magnets_aug2025.html": ("2025-09-20", None),  # from the "Published:" byline
}


def _check(index: DataIndex, name: str) -> dict:
    return check_fixture(index, name)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_claims(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    topic = topic_claims(res)
    assert sorted(topic) == sorted(LABELS[name])


@pytest.mark.parametrize("name", sorted(NOT_TOPIC))
def test_boilerplate_and_other_numbers_are_not_topic_claims(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    topic = {c["text"] for c in res["claims"] if c["series"] != "other"}
    assert not (topic & NOT_TOPIC[name])


@pytest.mark.parametrize("name", sorted(DATES))
def test_article_date_found_on_the_page(index: DataIndex, name: str) -> None:
    art = _check(index, name)["article"]
    day, source = DATES[name]
    assert art["date"] == day
    if source is not None:
        assert art["date_source"] == source
