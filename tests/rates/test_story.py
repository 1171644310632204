"""Golden tests for the rates sentences; regenerate with TRADELANE_REGEN=1 and review the diff."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tradelane.model import Period
from tradelane.rates import rate_sentences
from tradelane.store import Store

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "rates" / "story"

# (month, as_of): the seed's December 2025, the May 2025 cut, a one-tenor cut, a poll miss,
# a majority hit, the first fixing (no previous month), and a month known only later.
CASES = [
    ("2025-12", "2025-12-31"),
    ("2025-12", None),
    ("2025-06", "2025-06-30"),
    ("2025-05", "2025-05-31"),
    ("2024-09", "2024-09-30"),
    ("2024-02", "2024-02-29"),
    ("2023-08", "2023-08-31"),
    ("2022-05", "2022-05-31"),
    ("2019-08", "2019-08-31"),
    ("2019-11", "2019-11-30"),
]


def _name(month: str, as_of: str | None) -> str:
    return f"{month}_asof-{as_of or 'latest'}.expected.json"


@pytest.mark.parametrize(("month", "as_of"), CASES)
def test_rate_sentences_golden(embedded_store: Store, month: str, as_of: str | None) -> None:
    got = [s.as_dict() for s in rate_sentences(embedded_store.tables, Period.parse(month),
                                               as_of=date.fromisoformat(as_of) if as_of else None)]
    path = GOLDEN / _name(month, as_of)
    if os.environ.get("TRADELANE_REGEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"golden file {path} missing; run with TRADELANE_REGEN=1"
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_seed_sentence(embedded_store: Store) -> None:
    ss = rate_sentences(embedded_store.tables, Period.month(2025, 12), as_of=date(2025, 12, 31))
    assert [s.text for s in ss] == [
        "China kept the one-year LPR at 3.0% and the five-year at 3.5% in December 2025, unchanged for a seventh "
        "straight month, as all 25 respondents in a poll had expected.",
        "The seven-day reverse repo rate, the main policy rate, has stood at 1.4% since May 2025.",
    ]
    facts = {(f.series_key, f.measure): f for f in ss[0].facts}
    assert facts[("lpr/1y", "level")].value == 3.0 and facts[("lpr/5y", "level")].value == 3.5
    assert facts[("lpr/1y", "streak")].value == 7
    assert facts[("poll/lpr", "poll_respondents")].value == 25
    assert facts[("poll/lpr", "poll_expect_unchanged")].value == 25
    rr = ss[1].facts[0]
    assert (rr.series_key, rr.period, rr.value) == ("policy/7d_reverse_repo", "2025-05-08", 1.4)


@pytest.mark.parametrize(("month", "as_of"), CASES)
def test_every_fact_has_provenance_known_at_as_of(embedded_store: Store, month: str, as_of: str | None) -> None:
    for s in rate_sentences(embedded_store.tables, Period.parse(month),
                            as_of=date.fromisoformat(as_of) if as_of else None):
        assert s.facts and s.topic == "rates"
        for f in s.facts:
            assert f.value is not None and f.source_url and f.source_url.startswith("http")
            if as_of:
                assert f.vintage <= as_of


def test_no_sentence_without_a_fixing(embedded_store: Store) -> None:
    assert rate_sentences(embedded_store.tables, Period.month(2019, 7)) == []
    assert rate_sentences(embedded_store.tables, Period.month(2025, 12), as_of=date(2025, 12, 21)) == []


def test_clauses_only_when_the_data_support_them(embedded_store: Store) -> None:
    ts = embedded_store.tables
    # July 2025: no poll stored for that fixing, so no poll clause; second unchanged month
    jul = rate_sentences(ts, Period.month(2025, 7))[0].text
    assert jul == ("China kept the one-year LPR at 3.0% and the five-year at 3.5% in July 2025, unchanged for a "
                   "second straight month.")
    # June 2025: the first unchanged month after the cut gets no streak clause
    jun = rate_sentences(ts, Period.month(2025, 6))[0].text
    assert "straight month" not in jun and "all 20 respondents" in jun
