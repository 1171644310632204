"""Thin adapters onto the modules the pages show: story, analytics, rates, claims.

Each adapter calls the module's public function and turns its result into plain
JSON-ready data. When a module (or the function) is not part of this build the
adapter returns :class:`Unavailable` with a reason, and the page says so instead
of failing. Only :class:`ImportError` / missing attributes are treated this way;
a :class:`~tradelane.errors.TradelaneError` raised by a module is a real answer
(bad input, no data) and propagates to the app's one error handler.

>>> u = Unavailable("story", "tradelane.story", "not part of this build")
>>> u.as_dict()["available"]
False
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Any

from ..model import Period
from ..store import Store, TableSet

__all__ = [
    "Unavailable",
    "check_article",
    "event_studies",
    "lane_breaks",
    "rates_history",
    "rates_polls",
    "rates_summary",
    "story_sentences",
]


@dataclass(frozen=True)
class Unavailable:
    """A feature whose module is not part of this build (yet)."""

    feature: str
    module: str
    reason: str

    @property
    def message(self) -> str:
        return f"{self.feature} is not available: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return {"available": False, "feature": self.feature, "module": self.module, "reason": self.reason,
                "message": self.message}


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _find(feature: str, candidates: list[tuple[str, str]]) -> Callable[..., Any] | Unavailable:
    """The first of ``(module, attribute)`` that exists, else an :class:`Unavailable`."""
    for mod_name, attr in candidates:
        mod = _module(mod_name)
        if mod is not None and callable(getattr(mod, attr, None)):
            return getattr(mod, attr)  # type: ignore[no-any-return]
    names = ", ".join(f"{m}.{a}" for m, a in candidates)
    return Unavailable(feature, candidates[0][0], f"this build has none of {names}")


def jsonable(obj: Any) -> Any:
    """Plain JSON data from a module's result: ``as_dict()``, dataclasses, dates, tuples."""
    if obj is None or isinstance(obj, (str, int, bool)):
        return obj
    if isinstance(obj, float):
        return None if obj != obj else obj  # NaN is missing
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, Period):
        return obj.label
    if hasattr(obj, "as_dict") and callable(obj.as_dict):
        return jsonable(obj.as_dict())
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return {f: jsonable(getattr(obj, f)) for f in obj.__dataclass_fields__}
    return str(obj)


def _call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``fn`` with only the keyword arguments its signature accepts."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return fn(*args, **kwargs)
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return fn(*args, **kwargs)
    return fn(*args, **{k: v for k, v in kwargs.items() if k in params})


# ---------------------------------------------------------------- story
def story_sentences(ts: TableSet, period: Period, product: str,
                    as_of: date | None) -> list[dict[str, Any]] | Unavailable:
    """The generated story for ``period``: ``[{"text", "topic", "facts": [...]}, ...]``."""
    fn = _find("The story", [("tradelane.story", "story")])
    if isinstance(fn, Unavailable):
        return fn
    result = _call(fn, ts, period, product=product, as_of=as_of)
    sentences = getattr(result, "sentences", result)
    return [jsonable(s) for s in sentences]


# ---------------------------------------------------------------- analytics
def event_studies(ts: TableSet, lane: str, as_of: date | None) -> list[dict[str, Any]] | Unavailable:
    """Every policy event's study on one lane."""
    fn = _find("Event studies", [("tradelane.analytics", "event_studies"),
                                 ("tradelane.analytics.events", "event_studies")])
    if isinstance(fn, Unavailable):
        return fn
    return [jsonable(s) for s in _call(fn, ts, lane, as_of=as_of)]


def lane_breaks(ts: TableSet, lane: str, as_of: date | None) -> list[dict[str, Any]] | Unavailable:
    """Structural breaks found in one lane's history."""
    fn = _find("Structural breaks", [("tradelane.analytics", "breaks"),
                                     ("tradelane.analytics.breaks", "breaks")])
    if isinstance(fn, Unavailable):
        return fn
    return [jsonable(b) for b in _call(fn, ts, lane, as_of=as_of)]


# ---------------------------------------------------------------- rates
def rates_summary(ts: TableSet, as_of: date | None) -> dict[str, Any] | Unavailable:
    """The latest rates, spreads and streak (the ``tradelane rates --format json`` object)."""
    fn = _find("The rates summary", [("tradelane.rates", "summary")])
    if isinstance(fn, Unavailable):
        return fn
    out = jsonable(_call(fn, ts, as_of=as_of))
    return out if isinstance(out, dict) else {"value": out}


def rates_history(ts: TableSet, as_of: date | None) -> list[dict[str, Any]] | Unavailable:
    """The rates' history rows."""
    fn = _find("The rates history", [("tradelane.rates", "history")])
    if isinstance(fn, Unavailable):
        return fn
    return [jsonable(r) for r in _call(fn, ts, as_of=as_of)]


def rates_polls(ts: TableSet, as_of: date | None) -> list[dict[str, Any]] | Unavailable:
    """Each poll against the outcome."""
    fn = _find("Rate polls", [("tradelane.rates", "polls")])
    if isinstance(fn, Unavailable):
        return fn
    return [jsonable(r) for r in _call(fn, ts, as_of=as_of)]


# ---------------------------------------------------------------- claims
def check_article(store: Store, ts: TableSet, text: str, article_date: date | None) -> dict[str, Any] | Unavailable:
    """Check an article's numeric claims: the ``tradelane check --format json`` object."""
    fn = _find("Claim checking", [("tradelane.claims", "check")])
    if isinstance(fn, Unavailable):
        return fn
    result = _call(fn, text, ts, date=article_date, today=article_date)
    out = jsonable(result)
    return out if isinstance(out, dict) else {"value": out}
