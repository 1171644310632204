"""UN Comtrade: API v1 JSON responses and bulk CSV/TXT files.

Both carry the same fields (the bulk files as tab- or comma-separated columns):
``reporterISO``, ``partnerISO``, ``cmdCode``, ``period`` (``YYYYMM`` monthly or
``YYYY`` annual), ``flowCode`` (``X`` export), ``netWgt`` (kg), ``qty`` with
``qtyUnitAbbr``, ``primaryValue`` (USD) and the ``is*Estimated`` flags.

* Only exports (``flowCode`` ``X``) are lane figures; other flows are an error
  naming the value (query exports only).
* Tonnes come from ``netWgt`` (kg ÷ 1000); when it is empty, from ``qty`` if its
  unit is a mass unit. A unit tradelane does not know is an error; a known
  non-mass unit (``u``, items) leaves the tonnage missing, never guessed.
* Partner ``W00`` (code 0) is the world, ``WLD``; ``EUR``/``EUU`` the EU.
* HS6 codes map to products: ``850511`` → ``rare_earth_magnets`` — note that
  HS6 8505.11 (permanent magnets of metal) is *broader* than China's 8-digit
  line 8505.11.10 (rare-earth magnets); the rows carry the flag ``hs6 850511
  broader than china 85051110`` and, as the store ranks figures on a broader
  definition, source rank 3, so a China Customs or news figure on the 8-digit
  line is preferred in the same vintage. ``280530`` and ``2846xx`` →
  ``rare_earths`` (the same lines as the product: rank 0, official).
* Several commodity lines of one product are summed into the lane; the parts
  and every ``is*Estimated`` flag are kept in the observation's ``extra`` JSON
  (shown by ``tradelane show``), and an estimated figure gets the flag
  ``comtrade estimated: …``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..model import Period, is_partner_code
from .base import Batch, ObservationRecord, add_optional, csv_records, trade_series
from .customs import read_table_text

__all__ = ["COMTRADE_API_TITLE", "COMTRADE_BULK_TITLE", "ComtradeImporter", "comtrade_product"]

COMTRADE_API_TITLE = "UN Comtrade API v1 (comtradeapi.un.org)"
COMTRADE_BULK_TITLE = "UN Comtrade bulk download"
_API_URL = "https://comtradeapi.un.org/data/v1/get/C"

REQUIRED = ("reporterISO", "partnerISO", "cmdCode", "period", "flowCode")
_ESTIMATED = ("isQtyEstimated", "isAltQtyEstimated", "isNetWgtEstimated", "isGrossWgtEstimated")
_MASS_KG = {"kg": 1.0, "t": 1000.0, "g": 0.001}
_NON_MASS = {"u", "2u", "10u", "12u", "1000u", "l", "1000l", "m", "m2", "m3", "carat", "kwh", "n/a", "na", ""}
_WORLD = {"W00", "WLD", "0"}
_EU = {"EUR", "EUU", "E27"}

_HS6_PRODUCTS: tuple[tuple[str, str, bool], ...] = (
    # (prefix, product, broader than the product's definition)
    ("850511", "rare_earth_magnets", True),
    ("280530", "rare_earths", False),
    ("2846", "rare_earths", False),
)


def comtrade_product(cmd: str) -> tuple[str, bool] | None:
    """(product, broader-definition) for a Comtrade commodity code, or None.

    >>> comtrade_product("850511"), comtrade_product("284690"), comtrade_product("850519")
    (('rare_earth_magnets', True), ('rare_earths', False), None)
    """
    for prefix, product, broader in _HS6_PRODUCTS:
        if cmd.startswith(prefix):
            return product, broader
    return None


def _flag_true(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    return str(v).strip().lower() in ("true", "1", "yes")


@dataclass
class _Lane:
    product: str
    partner: str
    period: Period
    reporter: str
    first_line: int
    broader: bool = False
    tonnes: float | None = None
    usd: float | None = None
    estimated: set[str] = field(default_factory=set)
    parts: list[dict[str, Any]] = field(default_factory=list)


class ComtradeImporter:
    """UN Comtrade API v1 JSON responses and bulk CSV/TXT files."""

    name = "comtrade"
    description = "UN Comtrade API v1 JSON response or bulk CSV/TXT file"

    def sniff(self, path: Path, head: bytes) -> bool:
        """JSON with a ``data`` list of Comtrade records, or a delimited header with the Comtrade fields."""
        text = head.decode("utf-8-sig", errors="ignore").lstrip()
        if text.startswith("{"):
            return '"data"' in text and ('"reporterISO"' in text or '"cmdCode"' in text or '"count"' in text)
        first = text.splitlines()[0] if text else ""
        cols = {c.strip().strip('"') for c in first.replace("\t", ",").split(",")}
        return set(REQUIRED) <= cols

    def parse(self, path: Path, *, vintage: date | None, today: date) -> Batch:
        """Parse a response or bulk file; every record is validated.

        Raises:
            DataFileError: naming the file, record (JSON: the 1-based record number as
                ``line``) and reason.
        """
        name = str(path)
        text = read_table_text(path)
        if text.lstrip().startswith("{"):
            records, title, url = self._json_records(name, text)
        else:
            records, title, url = self._delimited_records(name, text), COMTRADE_BULK_TITLE, None
        lanes: dict[tuple[str, str, str, str], _Lane] = {}
        for line, rec in records:
            self._record(name, line, rec, lanes)
        if not lanes:
            raise DataFileError(name, None, "no records: the response or file holds no data rows")
        return self._batch(name, lanes, vintage or today, title, url)

    # ---------------------------------------------------------------- reading
    def _json_records(self, name: str, text: str) -> tuple[list[tuple[int, dict[str, Any]]], str, str | None]:
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            raise DataFileError(name, e.lineno, f"not valid JSON: {e.msg}") from None
        if not isinstance(doc, dict) or "data" not in doc:
            raise DataFileError(name, 1, "not a Comtrade API response: no 'data' list")
        err = doc.get("error")
        if err:
            raise DataFileError(name, 1, f"the Comtrade response reports an error: {str(err)[:200]}")
        data = doc["data"]
        if not isinstance(data, list):
            raise DataFileError(name, 1, "'data' is not a list of records")
        out = []
        for i, rec in enumerate(data, start=1):
            if not isinstance(rec, dict):
                raise DataFileError(name, i, f"record {i} is not an object")
            out.append((i, rec))
        return out, COMTRADE_API_TITLE, _API_URL

    def _delimited_records(self, name: str, text: str) -> list[tuple[int, dict[str, Any]]]:
        first = text.splitlines()[0]
        delim = "\t" if "\t" in first else ","
        records = csv_records(name, text, delimiter=delim)
        try:
            header = [h.strip() for h in next(records)[1]]
        except (StopIteration, DataFileError):
            raise DataFileError(name, 1, "unreadable header") from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise DataFileError(name, 1, f"header lacks column(s) {', '.join(missing)} of a Comtrade bulk file")
        out: list[tuple[int, dict[str, Any]]] = []
        for line, fields in records:
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                raise DataFileError(name, line, f"expected {len(header)} fields, found {len(fields)}")
            out.append((line, dict(zip(header, fields, strict=True))))
        return out

    # ---------------------------------------------------------------- records
    def _record(self, name: str, line: int, rec: dict[str, Any],
                lanes: dict[tuple[str, str, str, str], _Lane]) -> None:
        def fail(reason: str) -> DataFileError:
            return DataFileError(name, line, reason)

        def text(col: str) -> str:
            v = rec.get(col)
            return "" if v is None else str(v).strip()

        def num(col: str) -> float | None:
            v = rec.get(col)
            if v is None or (isinstance(v, str) and not v.strip()):
                return None
            if isinstance(v, bool):
                raise fail(f"{col} {v!r} is not a number")
            try:
                x = float(str(v).replace(",", "")) if isinstance(v, str) else float(v)
            except (TypeError, ValueError):
                raise fail(f"{col} {v!r} is not a number") from None
            if x != x or x < 0:
                raise fail(f"{col} {v!r} is not a non-negative number")
            return x

        for col in REQUIRED:
            if not text(col):
                raise fail(f"{col} is missing or empty")
        flow = text("flowCode")
        if flow != "X":
            raise fail(f"flowCode {flow!r} is not X (export); tradelane lanes are exports, query flowCode=X")
        reporter = text("reporterISO")
        if not is_partner_code(reporter):
            raise fail(f"reporterISO {reporter!r} is not an ISO3 country code")
        p_iso, p_code = text("partnerISO"), text("partnerCode")
        if p_iso in _WORLD or p_code == "0":
            partner = "WLD"
        elif p_iso in _EU:
            partner = "EUU"
        elif is_partner_code(p_iso):
            partner = p_iso
        else:
            raise fail(f"unknown partner partnerISO {p_iso!r}; expected an ISO3 code or W00 (world)")
        per = text("period")
        try:
            if len(per) == 6 and per.isdigit() and 1 <= int(per[4:]) <= 12:
                period = Period.month(int(per[:4]), int(per[4:]))
            elif len(per) == 4 and per.isdigit():
                period = Period.year(int(per))
            else:
                raise ValueError(per)
        except ValueError:
            raise fail(f"period {per!r} is not YYYYMM or YYYY") from None
        cmd = text("cmdCode")
        mapped = comtrade_product(cmd)
        if mapped is None:
            raise fail(f"cmdCode {cmd!r} is not a tradelane product line (850511, 280530, 2846xx)")
        product, broader = mapped
        tonnes: float | None = None
        net = num("netWgt")
        if net is not None and not (net == 0 and _flag_true(rec.get("isNetWgtEstimated"))):
            tonnes = net / 1000
        else:
            unit = text("qtyUnitAbbr").lower()
            q = num("qty")
            if unit in _MASS_KG:
                tonnes = None if q is None else q * _MASS_KG[unit] / 1000
            elif unit not in _NON_MASS:
                raise fail(f"qtyUnitAbbr {text('qtyUnitAbbr')!r} is not a unit tradelane knows "
                           f"(mass: {', '.join(_MASS_KG)}); cannot convert qty to tonnes")
        usd = num("primaryValue")
        if tonnes is None and usd is None:
            raise fail("record has no figure: netWgt, a mass qty and primaryValue are all empty")
        key = (product, reporter, partner, period.label)
        lane = lanes.get(key)
        if lane is None:
            lane = lanes[key] = _Lane(product, partner, period, reporter, line)
        lane.broader = lane.broader or broader
        lane.tonnes = add_optional(lane.tonnes, tonnes)
        lane.usd = add_optional(lane.usd, usd)
        flags = {f: _flag_true(rec[f]) for f in _ESTIMATED if f in rec and text(f) != ""}
        lane.estimated.update(f for f, v in flags.items() if v)
        part: dict[str, Any] = {"record": line, "cmdCode": cmd, "netWgt_kg": net, "qty": num("qty"),
                                "qtyUnitAbbr": text("qtyUnitAbbr") or None, "primaryValue_usd": usd}
        part.update(flags)
        if "legacyEstimationFlag" in rec:
            part["legacyEstimationFlag"] = rec["legacyEstimationFlag"]
        lane.parts.append(part)

    def _batch(self, name: str, lanes: dict[tuple[str, str, str, str], _Lane], vintage: date, title: str,
               url: str | None) -> Batch:
        batch = Batch(source_file=name, format=self.name)
        for lane in lanes.values():
            flags: list[str] = []
            if lane.broader:
                flags.append("hs6 850511 broader than china 85051110")
            if lane.estimated:
                flags.append("comtrade estimated: " + ", ".join(sorted(lane.estimated)))
            extra = json.dumps({
                "source": title,
                "is_estimated": sorted(lane.estimated),
                "broader_definition": lane.broader,
                "records_summed": len(lane.parts),
                "records": lane.parts,
            }, sort_keys=True)
            stitle = title + (" [HS6 850511, broader than China's 8-digit 85051110]" if lane.broader else "")
            if lane.estimated:
                stitle += " [estimated by Comtrade: " + ", ".join(sorted(lane.estimated)) + "]"
            for measure, unit, value in (("quantity", "t", lane.tonnes), ("value_usd", "USD", lane.usd)):
                if value is None:
                    continue
                s = trade_series(lane.product, lane.partner, measure, unit, reporter=lane.reporter)
                batch.series[s.key] = s
                batch.observations.append(ObservationRecord(
                    series_key=s.key, period=lane.period, vintage=vintage, vintage_estimated=False,
                    value=round(value, 6), source_title=stitle, source_url=url, source_file=name,
                    source_line=lane.first_line, source_rank=3 if lane.broader else 0, flags="; ".join(flags),
                    extra=extra,
                ))
        return batch


IMPORTER = ComtradeImporter()
