"""Frozen value types shared by every layer: periods, series keys, products, partners.

A :class:`Period` is a run of whole calendar months (or a day, for policy-rate
steps). China Customs publishes January and February together, so a Jan–Feb
cumulative figure is the two-month period ``2026-01/2026-02``, never February.

>>> Period.month(2025, 11).label
'2025-11'
>>> Period.parse("2026-01/2026-02").months
2
>>> Period.parse("2025").label
'2025'
>>> SeriesKey.parse("rare_earth_magnets/CHN/USA").partner
'USA'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .errors import InputError

__all__ = [
    "AGGREGATES",
    "Fact",
    "Sentence",
    "ordinal",
    "PRODUCTS",
    "Period",
    "Product",
    "SeriesKey",
    "is_partner_code",
    "iso2_to_iso3",
    "iso3_to_iso2",
    "month_name",
    "partner_name",
]

AGGREGATES: dict[str, str] = {"WLD": "World", "EUU": "European Union"}
"""Partner codes that are aggregates, not countries (World Bank codes)."""


@dataclass(frozen=True)
class Product:
    """A tradelane product: a named customs line or group of lines."""

    code: str
    hs_code: str
    title: str
    noun: str  # how a reporter names the goods in a sentence
    hs_prefixes: tuple[str, ...]


PRODUCTS: dict[str, Product] = {
    "rare_earth_magnets": Product(
        "rare_earth_magnets", "850511", "Rare-earth permanent magnets (China HS 8505.11.10)",
        "rare-earth magnet", ("85051110", "850511"),
    ),
    "rare_earths": Product(
        "rare_earths", "2805_2846", "Rare earths, headline customs tonnage (HS 2805.30 and 2846)",
        "rare-earth", ("280530", "2846"),
    ),
}

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE_RE = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_YEAR_RE = re.compile(r"^(\d{4})$")
_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + n
    return idx // 12, idx % 12 + 1


@dataclass(frozen=True, order=True)
class Period:
    """A closed run of days: one month, several whole months, a year or one day.

    ``freq`` is ``"M"`` for month runs (``months`` says how many), ``"A"`` for a
    calendar year and ``"D"`` for a single day.
    """

    start: date
    end: date
    freq: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The calendar month ``year-month``."""
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), "M")

    @classmethod
    def months_range(cls, first: Period, last: Period) -> Period:
        """The run of months from ``first`` to ``last`` inclusive."""
        return cls(first.start, last.end, "M")

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year."""
        return cls(date(year, 1, 1), date(year, 12, 31), "A")

    @classmethod
    def day(cls, d: date) -> Period:
        """One day (a policy-rate change takes effect on a day)."""
        return cls(d, d, "D")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse ``YYYY-MM``, ``YYYY-MM/YYYY-MM``, ``YYYY`` or ``YYYY-MM-DD``.

        Raises:
            InputError: the text is none of these.
        """
        s = text.strip()
        try:
            if m := _MONTH_RE.match(s):
                return cls.month(int(m[1]), int(m[2]))
            if m := _RANGE_RE.match(s):
                a, b = cls.month(int(m[1]), int(m[2])), cls.month(int(m[3]), int(m[4]))
                if b.start < a.start:
                    raise ValueError("end before start")
                return cls.months_range(a, b)
            if m := _YEAR_RE.match(s):
                return cls.year(int(m[1]))
            if m := _DAY_RE.match(s):
                return cls.day(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            pass
        raise InputError(f"period {text!r} is not a month (YYYY-MM), a month range (YYYY-MM/YYYY-MM), "
                         "a year (YYYY) or a day (YYYY-MM-DD)")

    @property
    def months(self) -> int:
        """How many calendar months the period spans (0 for a day)."""
        if self.freq == "D":
            return 0
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def is_single_month(self) -> bool:
        """True for exactly one calendar month."""
        return self.freq == "M" and self.months == 1

    @property
    def label(self) -> str:
        """The canonical text form, the inverse of :meth:`parse`."""
        if self.freq == "D":
            return self.start.isoformat()
        if self.freq == "A":
            return f"{self.start.year:04d}"
        first = f"{self.start.year:04d}-{self.start.month:02d}"
        if self.months == 1:
            return first
        return f"{first}/{self.end.year:04d}-{self.end.month:02d}"

    def shift_months(self, n: int) -> Period:
        """The period of the same shape ``n`` months later (earlier when negative)."""
        y, m = _add_months(self.start.year, self.start.month, n)
        y2, m2 = _add_months(self.end.year, self.end.month, n)
        if self.freq == "A":
            return Period.year(y)
        return Period.months_range(Period.month(y, m), Period.month(y2, m2))

    def last_month(self) -> Period:
        """The final calendar month of the period."""
        return Period.month(self.end.year, self.end.month)

    def describe(self) -> str:
        """A reader's name for the period: 'November 2025', 'January-February 2026'.

        >>> Period.parse("2026-01/2026-02").describe()
        'January-February 2026'
        """
        if self.freq == "D":
            return f"{self.start.day} {month_name(self.start.month)} {self.start.year}"
        if self.freq == "A":
            return str(self.start.year)
        if self.months == 1:
            return f"{month_name(self.start.month)} {self.start.year}"
        if self.start.year == self.end.year:
            return f"{month_name(self.start.month)}-{month_name(self.end.month)} {self.end.year}"
        return f"{month_name(self.start.month)} {self.start.year}-{month_name(self.end.month)} {self.end.year}"

    def __str__(self) -> str:
        return self.label


def month_name(m: int) -> str:
    """English month name: ``month_name(11) == 'November'``."""
    return calendar.month_name[m]


@dataclass(frozen=True)
class SeriesKey:
    """A series' key: ``product/reporter/partner`` for a trade lane's quantity,
    with ``/measure`` appended for other measures (``.../value_usd``), or a rate
    key such as ``lpr/1y``.
    """

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> SeriesKey:
        """Parse and validate a key.

        Raises:
            InputError: the key is empty or has empty parts.
        """
        parts = tuple(p.strip() for p in text.strip().split("/"))
        if len(parts) < 2 or any(not p for p in parts):
            raise InputError(f"series key {text!r} is malformed; "
                             "expected e.g. 'rare_earth_magnets/CHN/USA' or 'lpr/1y'")
        return cls(parts)

    @classmethod
    def trade(cls, product: str, reporter: str, partner: str, measure: str = "quantity") -> SeriesKey:
        """The key of a trade lane's series."""
        base = (product, reporter, partner)
        return cls(base if measure == "quantity" else (*base, measure))

    @property
    def product(self) -> str:
        return self.parts[0]

    @property
    def reporter(self) -> str | None:
        return self.parts[1] if len(self.parts) >= 3 else None

    @property
    def partner(self) -> str | None:
        return self.parts[2] if len(self.parts) >= 3 else None

    def __str__(self) -> str:
        return "/".join(self.parts)


@lru_cache(maxsize=1)
def _iso_tables() -> tuple[dict[str, str], dict[str, str]]:
    """ISO 3166 alpha-3 ↔ alpha-2 from CLDR (through Babel), a maintained database."""
    from babel.core import get_global

    aliases = get_global("territory_aliases")
    from babel import Locale

    known2 = set(Locale("en").territories)
    three_to_two: dict[str, str] = {}
    for k, v in aliases.items():
        if len(k) == 3 and k.isalpha() and k.isupper() and len(v) == 1 and v[0] in known2:
            three_to_two[k] = v[0]
    two_to_three = {v: k for k, v in sorted(three_to_two.items())}
    return three_to_two, two_to_three


def iso3_to_iso2(code: str) -> str | None:
    """ISO alpha-2 for an alpha-3 country code, or None."""
    return _iso_tables()[0].get(code)


def iso2_to_iso3(code: str) -> str | None:
    """ISO alpha-3 for an alpha-2 country code, or None."""
    return _iso_tables()[1].get(code.upper())


def is_partner_code(code: str) -> bool:
    """True for an ISO3 country code or one of the aggregates WLD, EUU.

    >>> is_partner_code("USA"), is_partner_code("EUU"), is_partner_code("XYZ")
    (True, True, False)
    """
    return code in AGGREGATES or code in _iso_tables()[0]


def partner_name(code: str) -> str:
    """English name of a partner code: ``partner_name('DEU') == 'Germany'``."""
    if code in AGGREGATES:
        return AGGREGATES[code]
    two = iso3_to_iso2(code)
    if two is None:
        return code
    from babel import Locale

    return str(Locale("en").territories.get(two, code))


@dataclass(frozen=True)
class Fact:
    """One stored figure a generated sentence relies on, with its provenance."""

    series_key: str
    period: str
    value: float | None
    vintage: str
    source_url: str | None
    source_title: str = ""
    measure: str = "level"  # level | mom_pct | yoy_pct | share_pct | streak | change_bp | ...

    def as_dict(self) -> dict[str, object]:
        return {"series_key": self.series_key, "period": self.period, "value": self.value,
                "vintage": self.vintage, "source_url": self.source_url, "source_title": self.source_title,
                "measure": self.measure}


@dataclass(frozen=True)
class Sentence:
    """A data-true sentence and the facts it used."""

    text: str
    facts: tuple[Fact, ...]
    topic: str = ""  # e.g. "lane:USA", "world", "rates"

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "topic": self.topic, "facts": [f.as_dict() for f in self.facts]}


_ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth")


def ordinal(n: int) -> str:
    """An ordinal as a reporter writes it: words up to twelfth, then figures.

    >>> ordinal(7), ordinal(13), ordinal(22)
    ('seventh', '13th', '22nd')
    """
    if 0 <= n < len(_ORDINALS):
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
