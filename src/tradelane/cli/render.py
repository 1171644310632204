"""Rendering of command results: rich tables, JSON and CSV, deterministic for tests."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["MISSING", "console", "fmt_num", "fmt_pct", "print_csv", "print_json", "to_jsonable"]

MISSING = "—"


def console() -> Console:
    """A console on stdout; wide enough for tables when stdout is not a terminal."""
    return Console(width=None if sys.stdout.isatty() else 160, soft_wrap=False)


def to_jsonable(obj: Any) -> Any:
    """Dates as ISO strings, tuples as lists; everything else as is."""
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj


def print_json(obj: Any) -> None:
    """Pretty JSON on stdout (UTF-8, keys in the producer's order)."""
    sys.stdout.write(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2) + "\n")


def print_csv(rows: Iterable[dict[str, Any]], fields: Sequence[str]) -> None:
    """CSV with a header on stdout; lists joined with '; ', None as empty."""
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(fields)
    for r in rows:
        out = []
        for f in fields:
            v = r.get(f)
            if isinstance(v, (list, tuple)):
                v = "; ".join(str(x) for x in v)
            out.append("" if v is None else to_jsonable(v))
        w.writerow(out)


def fmt_num(v: float | None, nd: int = 1) -> str:
    """A tonnage or level for a table: thousands separators, trailing zeros trimmed."""
    if v is None:
        return MISSING
    if float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.{nd}f}".rstrip("0").rstrip(".") if nd else f"{v:,.0f}"


def fmt_pct(v: float | None, nd: int = 1) -> str:
    """A signed percentage for a table."""
    return MISSING if v is None else f"{v:+.{nd}f}%"


def simple_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]], caption: str | None = None,
                 right: Sequence[str] = ()) -> Table:
    """A rich table with the given headers; columns named in ``right`` are right-aligned."""
    t = Table(title=title, caption=caption, caption_justify="left", show_lines=False)
    for c in columns:
        t.add_column(c, justify="right" if c in right else "left", overflow="fold")
    for r in rows:
        t.add_row(*r)
    return t
