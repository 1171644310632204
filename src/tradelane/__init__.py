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

# Heavier parts (charts, the claim checker, the web app, Spark) load on first use,
# so `import tradelane` and the CLI stay fast.
_LAZY: dict[str, str] = {
    "build_report": "tradelane.report",
    "check": "tradelane.claims",
    "create_app": "tradelane.web",
    "detect_breaks": "tradelane.analytics",
    "evaluate_alerts": "tradelane.alerts:evaluate",
    "event_study": "tradelane.analytics",
    "fix_lpr": "tradelane.rates",
    "load_rules": "tradelane.alerts",
    "panel": "tradelane.analytics",
    "poll_outcomes": "tradelane.rates",
    "rate_sentences": "tradelane.rates",
    "rates_history": "tradelane.rates",
    "rates_summary": "tradelane.rates",
    "revisions": "tradelane.store.revisions",
    "story": "tradelane.story:story",
    "tables_for": "tradelane.engine",
}


def __getattr__(name: str) -> object:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'tradelane' has no attribute {name!r}")
    import importlib

    module, _, attr = target.partition(":")
    value = getattr(importlib.import_module(module), attr or name)
    globals()[name] = value
    return value

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
    "build_report",
    "check",
    "create_app",
    "detect_breaks",
    "evaluate_alerts",
    "event_study",
    "fix_lpr",
    "lanes",
    "load_rules",
    "panel",
    "parse_file",
    "poll_outcomes",
    "rate_sentences",
    "rates_history",
    "rates_summary",
    "revisions",
    "story",
    "tables_for",
]
