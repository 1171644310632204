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
from ..store import TableSet

__all__ = [
    "Unavailable",
    "check_article",
    "claims_index",
    "event_studies",
    "event_study_detail",
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
def story_sentences(ts: TableSet, period: Period, product: str | None,
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
    """Baseline, trough, depth and recovery of ``lane`` around every policy event, in one query.

    The figures come from :func:`tradelane.analytics.event_study_expr` (the expression behind
    ``event_study``); :func:`event_study_detail` gives one event's full study with its reasons and facts.
    Events with no month on record in their windows are left out.
    """
    expr = _find("Event studies", [("tradelane.analytics", "event_study_expr")])
    if isinstance(expr, Unavailable):
        return expr
    from ..analytics.panel import idx_to_period

    e = _call(expr, ts, as_of=as_of)
    rows = e.filter(e.series_key == lane).order_by("event_idx", "event_id").to_pyarrow().to_pylist()

    def label(i: Any) -> str | None:
        return None if i is None else idx_to_period(int(i)).label

    out = []
    for r in rows:
        base, trough = r["baseline"], r["trough_value"]
        depth = (float(trough) / float(base) - 1) * 100 if base not in (None, 0) and trough is not None else None
        out.append({
            "event_id": r["event_id"], "series_key": lane, "event_month": label(r["event_idx"]),
            "baseline": None if base is None else round(float(base), 2), "baseline_months_used": r["baseline_n"],
            "trough_period": label(r["trough_idx"]), "trough_value": trough,
            "depth_pct": None if depth is None else round(depth, 2),
            "recovery_period": label(r["recovery_idx"]),
            "months_to_recover": None if r["recovery_idx"] is None else int(r["recovery_idx"]) - int(r["trough_idx"]),
            "note": None if base is not None else "no baseline: no figure in the months before the event",
        })
    return out


def event_study_detail(ts: TableSet, event_id: str, lane: str, as_of: date | None) -> dict[str, Any] | Unavailable:
    """One event's full study on one lane, with the months used, reasons and facts."""
    fn = _find("Event studies", [("tradelane.analytics", "event_study")])
    if isinstance(fn, Unavailable):
        return fn
    out = jsonable(_call(fn, ts, event_id, lane, as_of=as_of))
    return out if isinstance(out, dict) else {"value": out}


def lane_breaks(ts: TableSet, lane: str, as_of: date | None) -> list[dict[str, Any]] | Unavailable:
    """Structural breaks found in one series' monthly history."""
    fn = _find("Structural breaks", [("tradelane.analytics", "series_breaks")])
    if isinstance(fn, Unavailable):
        return fn
    return [jsonable(b) for b in _call(fn, ts, lane, as_of=as_of)]


# ---------------------------------------------------------------- rates
def rates_summary(ts: TableSet, as_of: date | None) -> dict[str, Any] | Unavailable:
    """The latest rates, spreads and streak (the ``tradelane rates --format json`` object)."""
    fn = _find("The rates summary", [("tradelane.rates", "rates_summary")])
    if isinstance(fn, Unavailable):
        return fn
    out = jsonable(_call(fn, ts, as_of=as_of))
    return out if isinstance(out, dict) else {"value": out}


def rates_history(ts: TableSet, as_of: date | None) -> list[dict[str, Any]] | Unavailable:
    """Each LPR fixing with the policy rates in force that day."""
    fn = _find("The rates history", [("tradelane.rates", "rates_history")])
    if isinstance(fn, Unavailable):
        return fn
    return [jsonable(r) for r in _call(fn, ts, as_of=as_of)]


def rates_polls(ts: TableSet, as_of: date | None) -> list[dict[str, Any]] | Unavailable:
    """Each poll against the outcome (``tradelane rates polls --format json``)."""
    fn = _find("Rate polls", [("tradelane.rates", "poll_outcomes")])
    if isinstance(fn, Unavailable):
        return fn
    return [jsonable(r) for r in _call(fn, ts, as_of=as_of)]


# ---------------------------------------------------------------- claims
def claims_index(ts: TableSet) -> Any:
    """The claim checker's prebuilt data index (built once per app: the store is read-only), else ``ts``."""
    fn = _find("Claim checking", [("tradelane.claims", "DataIndex")])
    if isinstance(fn, Unavailable):
        return ts
    builder = getattr(fn, "from_tables", None)
    return builder(ts) if callable(builder) else ts


def check_article(data: Any, text: str, article_date: date | None,
                  today: date | None) -> dict[str, Any] | Unavailable:
    """Check an article's numeric claims: the ``tradelane check --format json`` object.

    ``data`` is the store's tables or the index from :func:`claims_index`.
    """
    fn = _find("Claim checking", [("tradelane.claims", "check")])
    if isinstance(fn, Unavailable):
        return fn
    out = jsonable(_call(fn, text, data, date=article_date, today=today))
    return out if isinstance(out, dict) else {"value": out}
