"""tradelane: China's critical-mineral trade lanes, benchmark rates, and the news checked against them.

The curated public API. Everything listed in ``__all__`` is stable; anything
else is internal.

>>> import tradelane
>>> store = tradelane.Store.open()          # in memory, from the embedded real dataset
>>> rows = tradelane.lanes(store.tables, "rare_earth_magnets", tradelane.Period.parse("2025-11"))
>>> [(r.partner, r.quantity_t, r.prev_quantity_t, r.mom_pct) for r in rows if r.partner == "USA"]
[('USA', 582.0, 656.0, -11.28)]
"""

from __future__ import annotations

from .analytics import LaneRow, lanes
from .config import Settings
from .errors import (
    ArticleError,
    ConfigError,
    ConflictError,
    DataFileError,
    EngineError,
    EventNotFound,
    InputError,
    NotFound,
    SeriesNotFound,
    SourceError,
    TradelaneError,
)
from .model import PRODUCTS, Period, SeriesKey
from .sources import parse_file
from .store import IngestResult, Store, TableSet

__version__ = "0.1.0"

__all__ = [
    "PRODUCTS",
    "ArticleError",
    "ConfigError",
    "ConflictError",
    "DataFileError",
    "EngineError",
    "EventNotFound",
    "IngestResult",
    "InputError",
    "LaneRow",
    "NotFound",
    "Period",
    "SeriesKey",
    "SeriesNotFound",
    "Settings",
    "SourceError",
    "Store",
    "TableSet",
    "TradelaneError",
    "__version__",
    "lanes",
    "parse_file",
]
