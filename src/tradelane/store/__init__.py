"""The store: the only package that talks to the query engine."""

from .store import IngestResult, Store
from .views import TableSet, current_view, latest_events, latest_polls

__all__ = ["IngestResult", "Store", "TableSet", "current_view", "latest_events", "latest_polls"]
