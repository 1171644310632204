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
]


@pytest.mark.parametrize(("sentence", "day", "expected"), CASES)
def test_analysis_phrasing(index: DataIndex, sentence: str, day: str, expected: list[tuple[str, ...]]) -> None:
    got: list[tuple[str, ...]] = []
    for c in check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]:
        got.append((c["text"], "other") if c["series"] == "other" else
                   (c["text"], c["series"], c["period"], c["measure"], c["verdict"]))
    assert sorted(got) == sorted(expected)
