"""Engines: where tradelane's Ibis expressions run (DuckDB by default, Apache Spark to scale out).

:func:`tables_for` is the seam every analytics caller goes through;
:mod:`tradelane.engine.panel` holds the lane metrics of a world-scale panel.
"""

from .local import panel_backend
from .panel import LOWEST_SINCE_LOOKBACK, METRIC_COLUMNS, PANEL_KEYS, VOLATILITY_MONTHS, lane_metrics
from .spark import check_java, spark_backend, spark_session, stop_spark
from .tables import ENGINES, tables_for

__all__ = [
    "ENGINES",
    "LOWEST_SINCE_LOOKBACK",
    "METRIC_COLUMNS",
    "PANEL_KEYS",
    "VOLATILITY_MONTHS",
    "check_java",
    "lane_metrics",
    "panel_backend",
    "spark_backend",
    "spark_session",
    "stop_spark",
    "tables_for",
]
