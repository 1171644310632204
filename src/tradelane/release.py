"""China Customs' release calendar, used to date figures whose source gives no release date.

The General Administration of Customs (GACC) publishes in two stages:

* headline figures (total exports of the "rare earths" group, in tonnes) early in
  the following month, typically the 7th to the 13th: we date them the **10th**;
* detailed country and HS-line figures (rare-earth magnets by partner, and the
  magnet world total, which comes from the same HS-line table) around the
  **20th** of the following month.

January and February are published together in March. Annual totals come with
the December release in January. Every vintage derived this way is stored with
``vintage_estimated = true`` so the product can say it is an estimate.

>>> from tradelane.model import Period
>>> estimated_release("rare_earth_magnets", Period.parse("2025-11"))
datetime.date(2025, 12, 20)
>>> estimated_release("rare_earths", Period.parse("2026-01/2026-02"))
datetime.date(2026, 3, 10)
"""

from __future__ import annotations

from datetime import date

from .model import Period

__all__ = ["DETAIL_DAY", "HEADLINE_DAY", "HEADLINE_PRODUCTS", "estimated_release"]

HEADLINE_DAY = 10
DETAIL_DAY = 20
HEADLINE_PRODUCTS = frozenset({"rare_earths"})


def estimated_release(product: str, period: Period) -> date:
    """The estimated first-release date of a customs figure for ``period``."""
    end = period.end
    y, m = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
    day = HEADLINE_DAY if product in HEADLINE_PRODUCTS else DETAIL_DAY
    return date(y, m, day)
