"""A definition-first, loop-by-loop reference for ``lane_metrics`` (slow, obviously correct).

Months are integers (consecutive months differ by one); a missing month is a
missing key. Used by the property tests and the four-way parity tests.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from datetime import date
from typing import Any

LOOKBACK, VOL_MONTHS, VOL_MIN = 12, 6, 3


def month_date(m: int) -> date:
    return date(m // 12, m % 12 + 1, 1)


def month_int(d: date) -> int:
    return d.year * 12 + d.month - 1


def oracle(rows: list[tuple[str, str, str, int, float]]) -> dict[tuple[str, str, str, int], dict[str, Any]]:
    lanes: dict[tuple[str, str, str], dict[int, float]] = defaultdict(dict)
    cells: dict[tuple[str, str, int], list[tuple[str, float]]] = defaultdict(list)
    for r, p, q, m, v in rows:
        lanes[(r, p, q)][m] = v
        cells[(r, q, m)].append((p, v))
    out: dict[tuple[str, str, str, int], dict[str, Any]] = {}
    for (r, p, q), series in lanes.items():
        def d(m: int, series: dict[int, float] = series) -> int:
            prev = series.get(m - 1)
            if prev is None:
                return 0
            return (series[m] > prev) - (series[m] < prev)

        def lc(m: int, series: dict[int, float] = series) -> float | None:
            prev = series.get(m - 1)
            if prev is None or prev <= 0 or series[m] <= 0:
                return None
            return math.log(series[m] / prev)

        for m, v in series.items():
            prev, yoy = series.get(m - 1), series.get(m - 12)
            streak = 0
            if d(m) != 0:
                n, k = 1, m - 1
                while k in series and d(k) == d(m):
                    n, k = n + 1, k - 1
                streak = d(m) * n
            lowest = next((k for k in range(1, LOOKBACK + 1) if series.get(m - k) is not None
                           and series[m - k] < v), None)
            changes = [c for k in range(m - VOL_MONTHS + 1, m + 1) if k in series and (c := lc(k)) is not None]
            cell = cells[(r, q, m)]
            total = sum(x for _, x in cell)
            ordered = sorted(cell, key=lambda pv: (-pv[1], pv[0]))
            out[(r, p, q, m)] = {
                "value": v,
                "prev_value": prev,
                "mom_pct": None if not prev else (v / prev - 1) * 100,
                "yoy_pct": None if not yoy else (v / yoy - 1) * 100,
                "share_pct": None if total == 0 else v / total * 100,
                "rank": [pp for pp, _ in ordered].index(p) + 1,
                "streak": streak,
                "lowest_since": lowest,
                "vol_6m": statistics.stdev(changes) if len(changes) >= VOL_MIN else None,
            }
    return out


def close(a: Any, b: Any, rel: float = 1e-9) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return False
        return abs(a - b) <= rel * max(1.0, abs(a), abs(b))
    return bool(a == b)


def diff(expected: dict[tuple[str, str, str, int], dict[str, Any]], rows: list[dict[str, Any]]) -> list[str]:
    """Human-readable differences between the oracle and engine rows (empty when equal)."""
    got = {(x["reporter"], x["partner"], x["product"], month_int(x["month"])): x for x in rows}
    problems = []
    if set(got) != set(expected):
        problems.append(f"keys differ: missing {sorted(set(expected) - set(got))[:3]}, "
                        f"extra {sorted(set(got) - set(expected))[:3]}")
    for k in sorted(set(got) & set(expected)):
        for col, want in expected[k].items():
            have = got[k][col]
            if isinstance(have, float) and math.isnan(have):
                have = None  # pandas' missing float
            if not close(want, have):
                problems.append(f"{k} {col}: expected {want!r}, got {have!r}")
    return problems
