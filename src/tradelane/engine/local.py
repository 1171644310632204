"""DuckDB for panels that may not fit in memory: a spill directory and a memory cap.

The store's own connection (:mod:`tradelane.store`) is for the small vintaged
tables. A world-scale panel is read straight from Parquet by a separate DuckDB
that may spill to ``temp_directory`` when a join, sort or window outgrows
``memory_limit``, so the lane metrics run out of core.

>>> con = panel_backend(memory_limit="1GB", threads=1)
>>> con.raw_sql("SELECT current_setting('memory_limit')").fetchone()[0]
'953.6 MiB'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb
import ibis

from ..errors import ConfigError

__all__ = ["panel_backend"]

_SIZE = re.compile(r"^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE)


def panel_backend(*, memory_limit: str | None = None, temp_directory: Path | str | None = None,
                  threads: int | None = None, progress: bool = False) -> Any:
    """A fresh in-memory DuckDB (as an Ibis backend) set up to spill to disk.

    Args:
        memory_limit: DuckDB's cap before it spills, e.g. ``"4GB"``.
        temp_directory: where spilled data goes (created if absent).
        threads: worker threads (DuckDB's default is every core).
        progress: show DuckDB's own progress bar for long queries.

    Raises:
        ConfigError: a memory limit that is not a size like ``4GB``.
    """
    config: dict[str, Any] = {}
    if memory_limit is not None:
        if not _SIZE.match(memory_limit.strip()):
            raise ConfigError(f"memory limit {memory_limit!r} is not a size; expected e.g. 4GB or 512MB")
        config["memory_limit"] = memory_limit.strip()
    if temp_directory is not None:
        Path(temp_directory).mkdir(parents=True, exist_ok=True)
        config["temp_directory"] = str(temp_directory)
    if threads is not None:
        config["threads"] = int(threads)
    con = duckdb.connect(":memory:", config=config)
    # order-preserving output is not needed: every result here is keyed and sorted explicitly
    con.execute("SET preserve_insertion_order = false")
    con.execute(f"SET enable_progress_bar = {'true' if progress else 'false'}")
    return ibis.duckdb.from_connection(con)
