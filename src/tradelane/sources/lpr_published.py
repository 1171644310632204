"""LPR tables as published: a date column and the 1-year and over-5-year rates.

The National Interbank Funding Center, the PBOC and the data sites that copy
them publish the loan prime rate as a small table whose headers vary::

    日期,1年期,5年期以上              (Chinese, UTF-8 or GBK)
    发布日期,1年期LPR(%),5年期以上LPR(%)
    Date,1Y,5Y                         (English)

Dates may be ``2025-11-20``, ``2025/11/20``, ``20251120`` or ``2025年11月20日``;
rates may carry a ``%`` sign. The importer registers under the name ``lpr`` and
also reads tradelane's own ``lpr.csv`` schema (it hands such files to the table
importer), so ``--format lpr`` means "an LPR table" whatever its dialect.

Each fixing is recorded under the month it fixes (``obs_date`` = the fixing
date). The vintage is ``--vintage`` when given, else the fixing date itself: the
rate is published on the day it is fixed, so the release date is known exactly.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import DataFileError
from ..model import Period
from .base import Batch, ObservationRecord, SeriesRecord, csv_line, csv_records, source_rank
from .customs import head_lines, parse_number, read_table_text
from .tables import TABLE_IMPORTERS

__all__ = ["LprPublishedImporter", "classify_header", "parse_published_date"]

_DATE_NAMES = {"日期", "发布日期", "公布日期", "报价日期", "date", "fixingdate", "fixing_date", "日期date"}
_1Y_NAMES = {"1年期", "一年期", "1y", "1-year", "1year", "1yr", "1y(%)", "lpr1y", "1年", "lpr_1y_pct"}
_5Y_NAMES = {"5年期以上", "五年期以上", "5年期", "5y", "5-year", "5year", "5yr", "over5y", "over5years",
             "5年以上", "lpr5y", "lpr_5y_pct", "5y+"}

_DATE_RES = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


def _norm(h: str) -> str:
    h = h.strip().lstrip("\ufeff").lower()
    h = re.sub(r"[\s_]", "", h)
    h = re.sub(r"[（(]\s*%\s*[)）]|%", "", h)
    return h.replace("lpr", "") if h not in ("lpr1y", "lpr5y") else h


def classify_header(fields: list[str]) -> tuple[int, int, int] | None:
    """Column indexes of (date, 1Y, 5Y) in a published LPR header, or None.

    >>> classify_header(["日期", "1年期", "5年期以上"]), classify_header(["Date", "1Y (%)", "5Y (%)"])
    ((0, 1, 2), (0, 1, 2))
    >>> classify_header(["发布日期", "1年期LPR(%)", "5年期以上LPR(%)"])
    (0, 1, 2)
    """
    found: dict[str, int] = {}
    for i, f in enumerate(fields):
        n = _norm(f)
        for kind, names in (("date", _DATE_NAMES), ("1y", _1Y_NAMES), ("5y", _5Y_NAMES)):
            if (n in names or n in {_norm(x) for x in names}) and kind not in found:
                found[kind] = i
    if len(found) < 3:
        return None
    return found["date"], found["1y"], found["5y"]


def parse_published_date(text: str) -> date | None:
    """A date as LPR tables print it, or None.

    >>> parse_published_date("2025年11月20日"), parse_published_date("20251120")
    (datetime.date(2025, 11, 20), datetime.date(2025, 11, 20))
    """
    t = text.strip()
    for rx in _DATE_RES:
        m = rx.match(t)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def _series(key: str, title: str) -> SeriesRecord:
    return SeriesRecord(key=key, kind="rate", reporter="CHN", partner=None, product="lpr", hs_code=None, flow=None,
                        measure="level", unit="pct", frequency="M", title=title)


_TENORS = (("lpr/1y", "Loan prime rate, 1-year"), ("lpr/5y", "Loan prime rate, over 5-year"))


class LprPublishedImporter:
    """LPR tables as published (date, 1Y, 5Y; Chinese or English headers), and the lpr.csv schema."""

    name = "lpr"
    description = "LPR table: as published (日期/1年期/5年期以上 or Date/1Y/5Y) or the lpr.csv schema"

    def _first_fields(self, head: bytes) -> list[str]:
        lines = head_lines(head, 1)
        return csv_line(lines[0]) if lines else []

    def sniff(self, path: Path, head: bytes) -> bool:
        """True for a header naming a date and both tenors (or the lpr.csv schema)."""
        if TABLE_IMPORTERS["lpr"].sniff(path, head):
            return True
        return classify_header(self._first_fields(head)) is not None

    def parse(self, path: Path, *, vintage: date | None, today: date) -> Batch:
        """Parse every fixing; a bad date or rate names the file and line.

        Raises:
            DataFileError: missing header, bad date, non-numeric or implausible rate, repeated month.
        """
        name = str(path)
        text = read_table_text(path)
        if TABLE_IMPORTERS["lpr"].sniff(path, text[:4096].encode()):
            return TABLE_IMPORTERS["lpr"].parse(path, vintage=vintage, today=today, text=text, display_name=name)
        records = csv_records(name, text)
        try:
            _, header = next(records)
        except (StopIteration, DataFileError):
            raise DataFileError(name, 1, "unreadable header") from None
        cols = classify_header(header)
        if cols is None:
            raise DataFileError(name, 1, "header lacks a date, 1-year and over-5-year column "
                                         "(e.g. 日期,1年期,5年期以上 or Date,1Y,5Y)")
        di, i1, i5 = cols
        title = f"LPR table as published ({path.name})"
        batch = Batch(source_file=name, format=self.name)
        seen: dict[str, int] = {}
        for line, fields in records:
            if not any(f.strip() for f in fields):
                continue
            if len(fields) <= max(cols):
                raise DataFileError(name, line, f"expected at least {max(cols) + 1} fields, found {len(fields)}")
            d = parse_published_date(fields[di])
            if d is None:
                raise DataFileError(name, line, f"{header[di].strip()} {fields[di]!r} is not a date (YYYY-MM-DD)")
            month = Period.month(d.year, d.month)
            if month.label in seen:
                raise DataFileError(name, line, f"second fixing for {month.label} (first on line {seen[month.label]})")
            seen[month.label] = line
            for idx, (key, stitle) in zip((i1, i5), _TENORS, strict=True):
                cell = fields[idx].strip().rstrip("%").strip()
                try:
                    v = parse_number(cell)
                except ValueError:
                    raise DataFileError(name, line, f"{header[idx].strip()} {fields[idx]!r} is not a number") from None
                if not 0 < v <= 30:
                    raise DataFileError(name, line, f"{header[idx].strip()} {v} is not a percentage rate "
                                                    "(expected e.g. 3.00)")
                batch.series[key] = _series(key, stitle)
                batch.observations.append(ObservationRecord(
                    series_key=key, period=month, vintage=vintage or d, vintage_estimated=False, value=v,
                    source_title=title, source_url=None, source_file=name, source_line=line,
                    source_rank=source_rank(title), obs_date=d,
                ))
        if not batch.observations:
            raise DataFileError(name, None, "no data rows below the header")
        return batch


IMPORTER = LprPublishedImporter()
