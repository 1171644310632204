"""China Customs online-query exports (stats.customs.gov.cn), as CSV or XLSX.

The statistics platform's download has Chinese headers::

    数据年月, 商品编码, 商品名称, 贸易伙伴编码, 贸易伙伴名称, 贸易方式编码, 贸易方式名称,
    注册地编码, 注册地名称, 第一数量, 第一计量单位, 第二数量, 第二计量单位, 人民币, 美元

(the trade-mode, registration-place, second-quantity and currency columns are
optional: a query may leave them out). CSV files are UTF-8 or GBK/GB18030;
numbers may carry thousands separators (``12,345``).

What the importer does with a row:

* ``数据年月`` (``202511``, ``2025-11`` or ``2025年11月``) is the month;
* ``商品编码`` (8 or 10 digits) is mapped to a tradelane product by its prefix:
  ``85051110…`` → ``rare_earth_magnets``, ``280530…`` and ``2846…`` →
  ``rare_earths``. Any other code is an error naming it (filter the query to
  these lines): a silently skipped line would make a lane look smaller;
* ``贸易伙伴名称`` is mapped to ISO3 through CLDR's Chinese territory names
  (Babel): ``美国`` → ``USA``, ``世界`` → ``WLD``, ``欧盟`` → ``EUU``; an unknown
  partner is an error naming the value. The platform's own numeric partner code
  is kept in ``extra``;
* the quantity in the first mass unit among ``第一计量单位``/``第二计量单位``:
  ``千克`` ÷ 1000, ``吨`` as is, ``克`` ÷ 10⁶; any other unit is an error;
* rows split by trade mode or registration place (or by several commodity lines
  of one product) are summed into one lane figure per product, partner and
  month; the split is kept, row by row, in the observation's ``extra`` JSON.

The figures are official statistics (source rank 0), recorded under the
``--vintage`` date (the release date), else today.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..model import Period, iso2_to_iso3
from .base import Batch, ObservationRecord, add_optional, csv_line, csv_records, trade_series

__all__ = [
    "CUSTOMS_SOURCE_TITLE",
    "CustomsImporter",
    "decode_text",
    "read_table_text",
    "head_lines",
    "parse_number",
    "partner_from_chinese",
    "product_for_code",
]

CUSTOMS_SOURCE_TITLE = "China Customs (GACC) online query export, stats.customs.gov.cn"

COL_MONTH, COL_CODE, COL_NAME = "数据年月", "商品编码", "商品名称"
COL_PCODE, COL_PNAME = "贸易伙伴编码", "贸易伙伴名称"
COL_MODE_CODE, COL_MODE = "贸易方式编码", "贸易方式名称"
COL_PLACE_CODE, COL_PLACE = "注册地编码", "注册地名称"
COL_Q1, COL_U1, COL_Q2, COL_U2 = "第一数量", "第一计量单位", "第二数量", "第二计量单位"
COL_CNY, COL_USD = "人民币", "美元"

REQUIRED = (COL_MONTH, COL_CODE, COL_PNAME, COL_Q1, COL_U1)
_MARKERS = (COL_MONTH, COL_CODE, COL_PNAME)

_MASS_UNITS: dict[str, float] = {"千克": 1e-3, "公斤": 1e-3, "吨": 1.0, "克": 1e-6}
"""Tonnes per unit for the mass units the platform uses."""

_PRODUCT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("85051110", "rare_earth_magnets"),
    ("280530", "rare_earths"),
    ("2846", "rare_earths"),
)

_NUMBER_RE = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_MONTH_RES = (
    re.compile(r"^(\d{4})(\d{2})$"),
    re.compile(r"^(\d{4})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月$"),
)


# ------------------------------------------------------------------ shared helpers
def read_table_text(path: Path) -> str:
    """The decoded, non-empty text of a downloaded table file (see :func:`decode_text`).

    Raises:
        DataFileError: the file cannot be read, is not UTF-8/GBK text, or is empty.
    """
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DataFileError(name, None, f"cannot read file: {e.strerror or e}") from None
    text = decode_text(name, raw)
    if not text.strip():
        raise DataFileError(name, None, "empty file")
    return text


def decode_text(name: str, raw: bytes) -> str:
    """Text of a downloaded table: UTF-8 (with or without BOM), else GBK/GB18030.

    Raises:
        DataFileError: binary content, or bytes that are neither UTF-8 nor GB18030
            (naming the first undecodable line).

    >>> decode_text("x.csv", "数据年月".encode("gbk"))
    '数据年月'
    """
    if b"\x00" in raw[:4096]:
        raise DataFileError(name, None, "binary or UTF-16 file, expected CSV text in UTF-8 or GBK/GB18030")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataFileError(name, line, f"byte 0x{raw[e.start]:02x} is neither UTF-8 nor GBK/GB18030 text; "
                                        "save the file as UTF-8 or GBK") from None


def head_lines(head: bytes, n: int = 5) -> list[str]:
    """The first ``n`` non-empty lines of a file's head, each decoded as UTF-8 or GB18030 (else skipped).

    >>> head_lines("日期,1年期\\n2031-01-20,3.0".encode("gbk"))
    ['日期,1年期', '2031-01-20,3.0']
    """
    out: list[str] = []
    for raw in head.split(b"\n")[: n + 1]:
        raw = raw.rstrip(b"\r")
        if not raw.strip():
            continue
        for enc in ("utf-8-sig", "gb18030"):
            try:
                out.append(raw.decode(enc))
                break
            except UnicodeDecodeError:
                continue
    return out[:n]


def parse_number(text: str) -> float:
    """A number as published: optional thousands separators, no other decoration.

    Raises:
        ValueError: not a number.

    >>> parse_number("12,345.6"), parse_number("900")
    (12345.6, 900.0)
    """
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER_RE.match(t):
        raise ValueError(text)
    return float(t.replace(",", ""))


def product_for_code(code: str) -> str | None:
    """The tradelane product of an 8- or 10-digit Chinese commodity code, or None.

    >>> product_for_code("8505111000"), product_for_code("28053011"), product_for_code("85051190")
    ('rare_earth_magnets', 'rare_earths', None)
    """
    for prefix, product in _PRODUCT_PREFIXES:
        if code.startswith(prefix):
            return product
    return None


@lru_cache(maxsize=1)
def _zh_territories() -> dict[str, str]:
    """Chinese territory name → partner code, from CLDR (Simplified and Traditional names)."""
    from babel import Locale

    out: dict[str, str] = {}
    for loc in ("zh_Hant", "zh"):  # Simplified last, so it wins on clashes
        for code, name in Locale.parse(loc).territories.items():
            if code == "001":
                iso3: str | None = "WLD"
            elif code == "EU":
                iso3 = "EUU"
            elif len(code) == 2 and code.isalpha():
                iso3 = iso2_to_iso3(code)
            else:
                iso3 = None
            if iso3 is None:
                continue
            for variant in _name_variants(str(name)):
                out[variant] = iso3
    return out


def _name_variants(name: str) -> set[str]:
    """CLDR's long forms and the short forms customs uses (中国香港特别行政区 → 中国香港, 香港)."""
    out = {name}
    short = name.removesuffix("特别行政区").removesuffix("特別行政區")
    out.add(short)
    if short.startswith("中国") and len(short) > 2:
        out.add(short[2:])
    else:
        out.add("中国" + short)  # 中国台湾 as customs writes it
    return out


def partner_from_chinese(name: str) -> str | None:
    """ISO3 code (or WLD/EUU) for a partner as China Customs names it, or None.

    >>> partner_from_chinese("美国"), partner_from_chinese("德国"), partner_from_chinese("中国香港")
    ('USA', 'DEU', 'HKG')
    """
    n = re.sub(r"\s+", "", name)
    return _zh_territories().get(n)


# ------------------------------------------------------------------ reading rows
def _rows_from_csv(name: str, text: str) -> Iterator[tuple[int, list[str]]]:
    return csv_records(name, text)


def _rows_from_xlsx(name: str, path: Path) -> Iterator[tuple[int, list[str]]]:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as e:
        raise DataFileError(name, None, f"not a readable XLSX workbook ({type(e).__name__})") from None
    try:
        if not wb.worksheets:
            raise DataFileError(name, None, "XLSX workbook has no worksheet")
        ws = wb.worksheets[0]
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield i, ["" if v is None else _cell_text(v) for v in row]
    finally:
        wb.close()


def _cell_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _is_xlsx(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")


def _header_index(fields: list[str]) -> dict[str, int] | None:
    cols = {f.strip().lstrip("\ufeff"): i for i, f in enumerate(fields) if f.strip()}
    return cols if all(m in cols for m in _MARKERS) else None


@dataclass
class _Lane:
    product: str
    partner: str
    period: Period
    first_line: int
    quantity_t: float | None = None
    cny: float | None = None
    usd: float | None = None
    codes: set[str] = field(default_factory=set)
    partner_codes: set[str] = field(default_factory=set)
    split: list[dict[str, Any]] = field(default_factory=list)


class CustomsImporter:
    """China Customs online-query exports (CSV in UTF-8/GBK, or XLSX)."""

    name = "customs"
    description = "China Customs online-query export (CSV UTF-8/GBK or XLSX, Chinese headers)"

    def sniff(self, path: Path, head: bytes) -> bool:
        """True when the first line (or the XLSX first sheet) has the Chinese customs headers."""
        if _is_xlsx(head):
            if path.suffix.lower() not in (".xlsx", ".xlsm"):
                return False
            try:
                for i, fields in _rows_from_xlsx(str(path), path):
                    if _header_index(fields) is not None:
                        return True
                    if i >= 5:
                        return False
            except DataFileError:
                return False
            return False
        return any(_header_index(csv_line(ln)) is not None for ln in head_lines(head) if ln.strip())

    def parse(self, path: Path, *, vintage: date | None, today: date) -> Batch:
        """Parse the whole export; every row is validated.

        Raises:
            DataFileError: naming the file, line and reason of the first bad row.
        """
        name = str(path)
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise DataFileError(name, None, f"cannot read file: {e.strerror or e}") from None
        if not raw.strip():
            raise DataFileError(name, None, "empty file")
        rows = _rows_from_xlsx(name, path) if _is_xlsx(raw[:8]) else _rows_from_csv(name, decode_text(name, raw))
        return self._parse_rows(name, rows, vintage or today)

    def _parse_rows(self, name: str, rows: Iterator[tuple[int, list[str]]], vintage: date) -> Batch:
        header: dict[str, int] | None = None
        lanes: dict[tuple[str, str, str], _Lane] = {}
        for line, fields in rows:
            if not any(f.strip() for f in fields):
                continue
            if header is None:
                header = _header_index(fields)
                if header is None:
                    if line >= 5:
                        break
                    continue  # title rows above the header
                missing = [c for c in REQUIRED if c not in header]
                if missing:
                    raise DataFileError(name, line, f"header lacks column(s) {', '.join(missing)} of a China "
                                                    "Customs export")
                continue
            if len(fields) < len(header) and max(header.values()) >= len(fields):
                raise DataFileError(name, line, f"expected {max(header.values()) + 1} fields, found {len(fields)}")
            self._row(name, line, header, fields, lanes)
        if header is None:
            raise DataFileError(name, 1, "no China Customs header found (expected columns "
                                         f"{', '.join(_MARKERS)} in the first lines)")
        if not lanes:
            raise DataFileError(name, None, "no data rows below the header")
        return self._batch(name, lanes, vintage)

    def _row(self, name: str, line: int, header: dict[str, int], fields: list[str],
             lanes: dict[tuple[str, str, str], _Lane]) -> None:
        def get(col: str) -> str:
            i = header.get(col)
            return fields[i].strip() if i is not None and i < len(fields) else ""

        def fail(reason: str) -> DataFileError:
            return DataFileError(name, line, reason)

        def num(col: str) -> float | None:
            v = get(col)
            if not v or v == "-":
                return None
            try:
                x = parse_number(v)
            except ValueError:
                raise fail(f"{col} {v!r} is not a number") from None
            if x < 0:
                raise fail(f"{col} {v!r} is negative")
            return x

        month_text = get(COL_MONTH)
        period = None
        for rx in _MONTH_RES:
            m = rx.match(month_text)
            if m and 1 <= int(m[2]) <= 12:
                period = Period.month(int(m[1]), int(m[2]))
                break
        if period is None:
            raise fail(f"{COL_MONTH} {month_text!r} is not a month (YYYYMM)")
        code = get(COL_CODE)
        if not re.fullmatch(r"\d{8}|\d{10}", code):
            raise fail(f"{COL_CODE} {code!r} is not an 8- or 10-digit commodity code")
        product = product_for_code(code)
        if product is None:
            raise fail(f"{COL_CODE} {code!r} is not a tradelane product line (85051110… rare-earth magnets; "
                       "280530…, 2846… rare earths); filter the query to these lines")
        pname = get(COL_PNAME)
        partner = partner_from_chinese(pname)
        if partner is None:
            raise fail(f"unknown partner {COL_PNAME} {pname!r}; expected a Chinese country name as CLDR spells "
                       "it (e.g. 美国, 德国, 日本)")
        u1, u2 = get(COL_U1), get(COL_U2)
        if u1 in _MASS_UNITS:
            q, unit = num(COL_Q1), u1
        elif u2 in _MASS_UNITS:
            q, unit = num(COL_Q2), u2
        else:
            raise fail(f"{COL_U1} {u1 or '(empty)'!r} is not a known mass unit ({', '.join(_MASS_UNITS)}); "
                       f"cannot convert {COL_Q1} to tonnes")
        qty_t = None if q is None else q * _MASS_UNITS[unit]
        cny, usd = num(COL_CNY), num(COL_USD)
        if qty_t is None and cny is None and usd is None:
            raise fail("row has no figure: quantity and values are all empty")
        key = (product, partner, period.label)
        lane = lanes.get(key)
        if lane is None:
            lane = lanes[key] = _Lane(product, partner, period, line)
        lane.quantity_t = add_optional(lane.quantity_t, qty_t)
        lane.cny = add_optional(lane.cny, cny)
        lane.usd = add_optional(lane.usd, usd)
        lane.codes.add(code)
        if get(COL_PCODE):
            lane.partner_codes.add(get(COL_PCODE))
        part: dict[str, Any] = {"line": line, "commodity_code": code}
        for label, col in (("commodity_name", COL_NAME), ("trade_mode_code", COL_MODE_CODE),
                           ("trade_mode", COL_MODE), ("registration_place_code", COL_PLACE_CODE),
                           ("registration_place", COL_PLACE)):
            if get(col):
                part[label] = get(col)
        part.update({"quantity_t": _round(qty_t), "value_cny": cny, "value_usd": usd})
        lane.split.append(part)

    def _batch(self, name: str, lanes: dict[tuple[str, str, str], _Lane], vintage: date) -> Batch:
        batch = Batch(source_file=name, format=self.name)
        for lane in lanes.values():
            extra = json.dumps({
                "source": "China Customs online query",
                "commodity_codes": sorted(lane.codes),
                "partner_codes": sorted(lane.partner_codes),
                "rows_summed": len(lane.split),
                "split": lane.split,
            }, ensure_ascii=False, sort_keys=True)
            for measure, unit, value in (("quantity", "t", lane.quantity_t), ("value_cny", "CNY", lane.cny),
                                         ("value_usd", "USD", lane.usd)):
                if value is None:
                    continue
                s = trade_series(lane.product, lane.partner, measure, unit)
                batch.series[s.key] = s
                batch.observations.append(ObservationRecord(
                    series_key=s.key, period=lane.period, vintage=vintage, vintage_estimated=False,
                    value=_round(value), source_title=CUSTOMS_SOURCE_TITLE, source_url=None, source_file=name,
                    source_line=lane.first_line, source_rank=0,
                    flags=f"summed {len(lane.split)} rows" if len(lane.split) > 1 else "", extra=extra,
                ))
        return batch


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


IMPORTER = CustomsImporter()
