"""Dates in articles: the article's own date, teaser timestamps, and month references.

The article date comes, in order, from ``--date``, the page metadata, a dateline
near the top of the text, or a wire dateline ("BEIJING, Dec 20 (Reuters) -").
A teaser's timestamp is never the article's date. Without any date the checker
says so and resolves month names against the latest data month.

>>> find_date("Wednesday, August 20, 2025")
datetime.date(2025, 8, 20)
>>> find_date("Published 08 Dec 2025, 11:20 am IST")
datetime.date(2025, 12, 8)
>>> find_date("20/11/2025 09:05 CST"), find_date("2025/12/08 · Headline"), find_date("发布时间：2025年12月20日")
(datetime.date(2025, 11, 20), datetime.date(2025, 12, 8), datetime.date(2025, 12, 20))
>>> resolve_month(11, date(2025, 12, 20)).label, resolve_month(12, date(2025, 12, 20)).label
('2025-11', '2025-12')
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Period
from .lexicon import MONTHS

__all__ = ["find_date", "find_wire_dateline", "resolve_month", "wire_year", "weekday_named"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\bon\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)

_MON = (r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december"
        r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_PATTERNS = [
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I),
    re.compile(r"\b(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:\b|(?=T\d))"),
    re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d{2})\b"),
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
]
_WIRE = re.compile(rf"^\s*(?:[A-Z][A-Z .'’-]{{2,}},\s+{_MON}\s+(?P<d>\d{{1,2}})\b"
                   # no city: "Jan 21 (Reuters) -"
                   rf"|{_MON.replace('?P<mon>', '?P<mon2>')}\s+(?P<d2>\d{{1,2}})\s*\([^)]{{2,40}}\)\s*[-–—])", re.I)


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first full calendar date written in ``text`` (several common formats), or None."""
    best: tuple[int, date] | None = None
    for pat in _PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        gd = m.groupdict()
        month = MONTHS[gd["mon"].lower().rstrip(".")] if gd.get("mon") else int(gd["m"])
        d = _mk(int(gd["y"]), month, int(gd["d"]))
        if d is None and not gd.get("mon"):  # month-first numeric
            d = _mk(int(gd["y"]), int(gd["d"]), month)
        if d is not None and (best is None or m.start() < best[0]):
            best = (m.start(), d)
    return best[1] if best else None


def find_wire_dateline(text: str) -> tuple[int, int] | None:
    """(month, day) of a wire dateline at the start of ``text`` ("BEIJING, Dec 20 (Reuters) -"), or None."""
    m = _WIRE.match(text)
    if not m:
        return None
    mon, day = (m["mon"], m["d"]) if m["mon"] else (m["mon2"], m["d2"])
    return MONTHS[mon.lower().rstrip(".")], int(day)


def weekday_named(text: str) -> int | None:
    """The weekday of the first "on Monday"-style phrase in ``text`` (0 = Monday), or None.

    >>> weekday_named("rates were left unchanged on Monday, data showed"), weekday_named("no day here")
    (0, None)
    """
    m = _WEEKDAY_RE.search(text)
    return _WEEKDAYS.index(m.group(1).lower()) if m else None


def wire_year(month: int, day: int, bound: date, weekday: int | None = None) -> date | None:
    """The date of a wire dateline without a year ("Dec 22 (Reuters) -"): its latest occurrence on or before
    ``bound``; when the lead names the weekday ("on Monday"), the latest such date (within six years) that falls
    on that weekday.

    >>> wire_year(12, 22, date(2026, 8, 20)), wire_year(12, 22, date(2026, 8, 20), weekday=0)
    (datetime.date(2025, 12, 22), datetime.date(2025, 12, 22))
    >>> wire_year(8, 20, date(2026, 4, 30), weekday=2)
    datetime.date(2025, 8, 20)
    """
    y0 = resolve_month(month, bound).start.year
    first: date | None = None
    for y in range(y0, y0 - 7, -1):
        d = _mk(y, month, day)
        if d is None or d > bound:
            continue
        if first is None:
            first = d
        if weekday is None or d.weekday() == weekday:
            return d
    return first


def resolve_month(month: int, ref: date, year: int | None = None) -> Period:
    """The month named without a year: its latest occurrence on or before the reference month."""
    if year is not None:
        return Period.month(year, month)
    y = ref.year if month <= ref.month else ref.year - 1
    return Period.month(y, month)
