"""The seam between the store and an engine: ``tables_for(store, engine)`` -> a TableSet.

Analytics are Ibis expressions over a :class:`~tradelane.store.TableSet`; which
engine runs them is decided here and nowhere else. DuckDB reads the store in
place; Spark gets a copy of the store's tables (they are small: the world-scale
data lives in Parquet that Spark reads itself).

>>> from tradelane.store import Store
>>> with Store.open() as store:
...     ts = tables_for(store, "duckdb")
...     ts.observations is not None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..store.views import TableSet
from .spark import register_arrow, spark_backend

if TYPE_CHECKING:
    from ..store.store import Store

__all__ = ["ENGINES", "tables_for"]

ENGINES = ("duckdb", "spark")

_NAMES = ("series", "observations", "events", "polls")


def tables_for(store: Store, engine: str, *, spark_remote: str | None = None,
               java_home: str | None = None, spark_submitted: bool = False) -> TableSet:
    """The store's tables on ``engine`` (``duckdb`` or ``spark``).

    Args:
        store: an open store.
        engine: ``duckdb`` returns ``store.tables`` unchanged; ``spark`` copies
            the four tables into the process's Spark session (local mode, or
            Spark Connect when ``spark_remote`` is set) as temp views.
        spark_remote: a Spark Connect URL, ``sc://host:15002``.
        java_home: where Spark should find Java (the CLI passes ``$JAVA_HOME``).
        spark_submitted: running under ``spark-submit``: use the session it set up.

    Raises:
        ConfigError: an unknown engine name.
        EngineError: Spark was asked for but PySpark or Java is missing.
    """
    if engine == "duckdb":
        return store.tables
    if engine != "spark":
        raise ConfigError(f"engine {engine!r} is not an engine; use one of {', '.join(ENGINES)}")
    backend = spark_backend(spark_remote, java_home=java_home, submitted=spark_submitted)
    t = {name: register_arrow(backend, name, store.to_arrow(name)) for name in _NAMES}
    return TableSet(series=t["series"], observations=t["observations"], events=t["events"], polls=t["polls"])
