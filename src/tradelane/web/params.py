"""Request parameters, validated into tradelane's value types before anything touches the store.

Every string from a request is checked against a closed set (products, series
keys) or parsed into a value type (:class:`~tradelane.model.Period`, ``date``);
what reaches a query is never the raw string. Errors are :class:`InputError`
(HTTP 400) or :class:`NotFound` (HTTP 404) with a one-line message.

>>> product_param("rare_earth_magnets")
'rare_earth_magnets'
>>> month_param("2025-11").label
'2025-11'
>>> month_param("2025-13")
Traceback (most recent call last):
...
tradelane.errors.InputError: period '2025-13' is not a month; expected YYYY-MM (e.g. 2025-11)
"""

from __future__ import annotations

from datetime import date

from ..errors import InputError, NotFound, SeriesNotFound
from ..model import PRODUCTS, Period

__all__ = ["as_of_param", "date_param", "month_param", "product_param", "series_param"]


class ProductNotFound(NotFound):
    """No product of that name."""


def product_param(text: str) -> str:
    """A known product code.

    Raises:
        NotFound: not one of :data:`~tradelane.model.PRODUCTS`.
    """
    if text in PRODUCTS:
        return text
    raise ProductNotFound(f"unknown product {text[:80]!r}; expected one of {', '.join(sorted(PRODUCTS))}")


def month_param(text: str, name: str = "period") -> Period:
    """A single month, ``YYYY-MM``.

    Raises:
        InputError: anything else.
    """
    try:
        p = Period.parse(text)
    except InputError:
        p = None
    if p is None or not p.is_single_month:
        raise InputError(f"{name} {text[:40]!r} is not a month; expected YYYY-MM (e.g. 2025-11)")
    return p


def date_param(text: str | None, name: str) -> date | None:
    """A day, ``YYYY-MM-DD``, or None when absent or empty.

    Raises:
        InputError: not a date.
    """
    if text is None or text.strip() == "":
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{name} {text[:40]!r} is not a date; expected YYYY-MM-DD (e.g. 2025-12-31)") from None


def as_of_param(text: str | None, *, allow_empty: bool = False) -> date | None:
    """The ``as_of`` query parameter; an empty value means "not given" only where a form sends it blank.

    Raises:
        InputError: not a date (or empty, for the API).
    """
    if text is not None and text.strip() == "" and not allow_empty:
        raise InputError("as_of is empty; give a date YYYY-MM-DD (e.g. 2025-12-31) or leave the parameter out")
    return date_param(text, "as_of")


def series_param(key: str, known: frozenset[str]) -> str:
    """A series key that exists in the store (the set comes from the store, not the request).

    Raises:
        SeriesNotFound: no such series; the message suggests similar keys.
    """
    if key in known:
        return key
    head = key.split("/")[0]
    tail = key.split("/")[-1]
    close = sorted(k for k in known if head and (head in k or (tail and tail in k)))[:6]
    hint = f"; similar keys: {', '.join(close)}" if close else "; GET /api/series for the list"
    raise SeriesNotFound(f"no series {key[:120]!r}{hint}")
