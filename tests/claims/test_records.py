"""Record claims about trade lanes: "highest since M", "lowest in N months", "N-month high", "record low".

Embedded data, magnets to the world: 2025-01 6,357 t; 2025-02/03 missing; 2025-07 5,577 t is above
every month on record from 2025-04 to 2025-06. To the USA: 2025-10 656 t, 2025-11 582 t; 2025-06
353 t; 2026-01/02 only as a combined figure.
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check
from tradelane.claims.extract import quantities


def _records(index: DataIndex, text: str, day: date = date(2025, 12, 20)) -> list[dict]:
    return [c for c in check(text, index, date=day).as_dict()["claims"]
            if c["measure"] in ("rank", "record", "record_since") or c["unit"] in ("rank", "record")]


@pytest.mark.parametrize(("text", "unit", "value", "noun"), [
    ("the lowest in nine months", "rank", 9.0, "low|months"),
    ("its lowest level in 10 months", "rank", 10.0, "low|months"),
    ("a six-month high", "rank", 6.0, "high|months"),
    ("the highest in more than two years", "rank", 2.0, "high|years"),
    ("the highest since January 2025", "record", 0.0, "high"),
    ("the largest monthly volume since January", "record", 0.0, "high"),
    ("the smallest since March 2024", "record", 0.0, "low"),
    ("the second-highest ever", "record", 2.0, "high"),
    ("a record low", "record", 0.0, "low"),
    ("an all-time high", "record", 0.0, "high"),
])
def test_record_phrases(text: str, unit: str, value: float, noun: str) -> None:
    (q,) = [q for q in quantities(text) if q.unit != "bare"]
    assert (q.unit, q.value, q.streak_noun) == (unit, value, noun)


@pytest.mark.parametrize(("text", "measure", "period", "compare", "verdict", "why"), [
    # the story's own wording: the gap is stated, so it is supported with the gap named
    ("China's total rare-earth magnet exports in July 2025 were the highest since January 2025 among the months "
     "on record; February and March 2025 are missing from the data.",
     "record_since", "2025-07", "2025-01", "supported", "2025-02 and 2025-03 are missing"),
    # the same claim without the qualifier: the missing months make it unverifiable
    ("China's total rare-earth magnet exports in July 2025 were the highest since January 2025.",
     "record_since", "2025-07", "2025-01", "unverifiable", "2025-02 and 2025-03 are missing"),
    # an on-record month in between at or above the level contradicts it
    ("US-bound magnet exports hit a six-month high in November 2025.",
     "rank", "2025-11", "2025-05", "contradicted", "2025-10 (656)"),
    ("US-bound magnet exports in November 2025 were the lowest since October.",
     "record_since", "2025-11", "2025-10", "contradicted", "not the lowest since then"),
    ("Rare earth magnet shipments to the United States fell to 406 tons in March 2026, the lowest in nine months.",
     "rank", "2026-03", "2025-06", "unverifiable", "2026-01 and 2026-02 are missing"),
    # a record over all history: only contradicted by the data, never confirmed
    ("China's magnet exports in November 2025 were a record high.", "record", "2025-11", None, "contradicted",
     "2025-01 (6,357)"),
    ("China's magnet exports in May 2025 were the second-lowest on record.", "record", "2025-05", None,
     "unverifiable", "starts in 2024-02"),
])
def test_record_verdicts(index: DataIndex, text: str, measure: str, period: str, compare: str | None,
                         verdict: str, why: str) -> None:
    (c,) = _records(index, text)
    assert (c["measure"], c["period"], c["compare_to_period"], c["verdict"]) == (measure, period, compare, verdict)
    assert why in (c["reason"] or "") + (c["basis"] or "")


def test_records_of_other_things_are_not_tradelane_claims(index: DataIndex) -> None:
    for text in ("Record-low bank margins limit the room for cheaper credit, while magnet exports rose.",
                 "Magnet exports rose as NdPr prices hit a record high."):
        assert all(c["series"] == "other" for c in _records(index, text)), text


def test_a_record_without_a_written_count_has_no_value(index: DataIndex) -> None:
    (c,) = _records(index, "China's magnet exports in July 2025 were the highest since January 2025.")
    assert c["value"] is None and c["data_value"] == 5577.0
    (c,) = _records(index, "China's magnet exports climbed to a six-month high in July 2025.")
    assert c["value"] is None and c["compare_to_period"] == "2025-01"


@pytest.mark.parametrize("label", ["2025-05", "2025-07", "2025-09", "2025-11", "2026-03"])
def test_story_record_sentences_round_trip(embedded_store, index: DataIndex, label: str) -> None:
    from tradelane.model import Period
    from tradelane.story import story

    p = Period.parse(label)
    sents = [s for prod in (None, "rare_earths") for s in story(embedded_store.tables, p, prod, include_rates=False)
             if s.topic == "world:record"]
    assert sents, label
    for s in sents:
        (c,) = _records(index, s.text, p.shift_months(1).end)
        assert c["verdict"] == "supported" and c["measure"] == "record_since", (s.text, c)
        assert c["data_value"] == next(f.value for f in s.facts if f.period == label)
