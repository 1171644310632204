"""The rates analytics give identical results on Spark (local mode) and DuckDB.

Marked ``spark``: deselect with ``-m 'not spark'``; skipped without PySpark or Java. About a minute on 2 cores.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date

import pytest

from tradelane.model import Period
from tradelane.rates import poll_outcomes, rate_sentences, rates_history, rates_summary
from tradelane.store import Store, TableSet

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark_tables(embedded_store: Store) -> Iterator[TableSet]:
    pytest.importorskip("pyspark", reason="PySpark not installed (pip install tradelane[spark])")
    if shutil.which("java") is None:
        pytest.skip("no Java on PATH for Spark local mode")
    from tradelane.engine.spark import stop_spark
    from tradelane.engine.tables import tables_for

    yield tables_for(embedded_store, "spark")
    stop_spark()


def test_rates_identical_on_spark(embedded_store: Store, spark_tables: TableSet) -> None:
    dk, as_of = embedded_store.tables, date(2025, 12, 31)
    assert rates_summary(spark_tables, as_of=as_of) == rates_summary(dk, as_of=as_of)
    assert rates_summary(spark_tables, as_of=as_of).unchanged_streak == 7
    assert poll_outcomes(spark_tables) == poll_outcomes(dk)
    assert rates_history(spark_tables, as_of=as_of) == rates_history(dk, as_of=as_of)
    month = Period.month(2025, 12)
    assert rate_sentences(spark_tables, month, as_of=as_of) == rate_sentences(dk, month, as_of=as_of)
