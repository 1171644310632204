"""tradelane's own CSV schemas: the files of the embedded dataset.

Six schemas, recognised by their header: ``trade_flows`` (monthly lanes),
``trade_flows_annual``, ``lpr`` (fixings), ``policy_rates`` (7-day reverse repo
and MLF changes), ``lpr_polls`` and ``policy_events``. Every row is validated
(dates, ISO3 codes, units, numbers) and a bad row raises
:class:`~tradelane.errors.DataFileError` naming file, line and reason.

Conventions of the data that are modelled, not flattened:

* a ``[JAN-FEB YYYY CUMULATIVE]`` tag in ``source_title`` makes the row the
  two-month period ``YYYY-01/YYYY-02``;
* ``EUU`` (European Union) and ``WLD`` (world) are aggregates, not countries;
* several sources for one lane and month are all kept (see
  :func:`~tradelane.sources.base.source_rank` for which one is shown);
* an empty cell is missing, never zero.

Each file may carry an optional ``vintage`` column (the release date). Without
it the release date is ``--vintage``, else today; the embedded dataset instead
estimates it from China Customs' release calendar (:mod:`tradelane.release`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import DataFileError
from ..model import PRODUCTS, Period, is_partner_code
from ..release import estimated_release
from .base import (
    Batch,
    EventRecord,
    ObservationRecord,
    PollRecord,
    SeriesRecord,
    header_of,
    read_csv_rows,
    source_rank,
    trade_series,
)

__all__ = ["TABLE_IMPORTERS", "TableImporter", "detect_table"]

_CUMULATIVE_RE = re.compile(r"\[JAN-FEB (\d{4}) CUMULATIVE\]", re.I)
_TAG_RE = re.compile(r"\[([^\]]+)\]")
_CURRENCIES = {"USD": "value_usd", "CNY": "value_cny"}
_RATE_NAMES = {
    "7D_REVERSE_REPO": ("policy/7d_reverse_repo", "PBOC 7-day reverse repo rate"),
    "MLF_1Y": ("policy/mlf_1y", "PBOC 1-year medium-term lending facility rate"),
}
_EVENT_KINDS = {"export_control", "license_regime", "tariff", "truce", "suspension", "other"}


class _Row:
    """Typed access to one CSV row, raising errors that name file, line and column."""

    def __init__(self, file: str, line: int, row: dict[str, str]) -> None:
        self.file, self.line, self.row = file, line, row

    def fail(self, reason: str) -> DataFileError:
        return DataFileError(self.file, self.line, reason)

    def text(self, col: str, *, required: bool = False) -> str:
        v = self.row.get(col, "").strip()
        if required and not v:
            raise self.fail(f"{col} is empty")
        return v

    def num(self, col: str, *, required: bool = False, nonneg: bool = False) -> float | None:
        v = self.text(col, required=required)
        if not v:
            return None
        try:
            x = float(v)
        except ValueError:
            raise self.fail(f"{col} {v!r} is not a number") from None
        if not math.isfinite(x):
            raise self.fail(f"{col} {v!r} is not a finite number")
        if nonneg and x < 0:
            raise self.fail(f"{col} {v!r} is negative")
        return x

    def integer(self, col: str) -> int | None:
        x = self.num(col, nonneg=True)
        if x is None:
            return None
        if x != int(x):
            raise self.fail(f"{col} {self.text(col)!r} is not a whole number")
        return int(x)

    def day(self, col: str, *, required: bool = False) -> date | None:
        v = self.text(col, required=required)
        if not v:
            return None
        try:
            return date.fromisoformat(v)
        except ValueError:
            raise self.fail(f"{col} {v!r} is not a date (YYYY-MM-DD)") from None

    def url(self, col: str = "source_url") -> str | None:
        v = self.text(col)
        if not v:
            return None
        if not (v.startswith("http://") or v.startswith("https://")):
            raise self.fail(f"{col} {v!r} is not an http(s) URL")
        return v

    def code(self, col: str) -> str:
        v = self.text(col, required=True)
        if not is_partner_code(v):
            raise self.fail(f"{col} {v!r} is not an ISO3 country code or an aggregate (WLD, EUU)")
        return v


@dataclass
class _Ctx:
    file: str
    vintage: date | None
    today: date
    estimate: bool

    def vintage_for(self, r: _Row, estimate: Callable[[], date] | None, *, exact: bool = False) -> tuple[date, bool]:
        """Row vintage column, else --vintage, else the date the data itself implies (embedded data:
        exact for a fixing or an effective date, estimated from the release calendar otherwise), else today."""
        if "vintage" in r.row and r.text("vintage"):
            v = r.day("vintage")
            assert v is not None
            return v, False
        if self.vintage is not None:
            return self.vintage, False
        if self.estimate and estimate is not None:
            return estimate(), not exact
        return self.today, False


def _const(d: date) -> Callable[[], date]:
    """A callable returning ``d`` (the release date the data itself implies)."""
    return lambda: d


def _caveats(title: str) -> tuple[str, int]:
    """Flags from bracketed tags in a source title, and the source's rank."""
    tags = [t.strip().lower() for t in _TAG_RE.findall(title)]
    flags = [t for t in tags if "cumulative" not in t]
    rank = source_rank(title)
    if any("+" in t for t in tags):  # the source counts a broader definition
        rank = 3
    return "; ".join(flags), rank


def _trade_row(ctx: _Ctx, r: _Row, period: Period, batch: Batch, *, with_changes: bool) -> None:
    reporter = r.code("reporter")
    partner = r.code("partner")
    product = r.text("product", required=True)
    if product not in PRODUCTS:
        raise r.fail(f"product {product!r} is unknown; expected one of {', '.join(sorted(PRODUCTS))}")
    hs = r.text("hs_code", required=True)
    if hs != PRODUCTS[product].hs_code:
        raise r.fail(f"hs_code {hs!r} does not match product {product} (expected {PRODUCTS[product].hs_code})")
    qty = r.num("quantity_t", nonneg=True)
    value = r.num("value", nonneg=True)
    cur = r.text("value_currency").upper()
    if value is not None and cur not in _CURRENCIES:
        raise r.fail(f"value_currency {cur or '(empty)'!r} is not a known currency; expected USD or CNY")
    if value is None and cur:
        raise r.fail(f"value_currency {cur!r} given without a value")
    yoy = r.num("yoy_pct_reported") if with_changes else None
    mom = r.num("mom_pct_reported") if with_changes else None
    title = r.text("source_title", required=True)
    url = r.url()
    flags, rank = _caveats(title)
    vintage, est = ctx.vintage_for(r, lambda: estimated_release(product, period))
    if qty is None and value is None and yoy is None and mom is None:
        raise r.fail("row has no figure: quantity_t, value and the reported changes are all empty")
    if qty is not None or yoy is not None or mom is not None:
        s = trade_series(product, partner, "quantity", "t", reporter)
        batch.series[s.key] = s
        batch.observations.append(ObservationRecord(
            series_key=s.key, period=period, vintage=vintage, vintage_estimated=est, value=qty,
            source_title=title, source_url=url, source_file=ctx.file, source_line=r.line, source_rank=rank,
            reported_mom_pct=mom, reported_yoy_pct=yoy, flags=flags,
        ))
    if value is not None:
        s = trade_series(product, partner, _CURRENCIES[cur], cur, reporter)
        batch.series[s.key] = s
        batch.observations.append(ObservationRecord(
            series_key=s.key, period=period, vintage=vintage, vintage_estimated=est, value=value,
            source_title=title, source_url=url, source_file=ctx.file, source_line=r.line, source_rank=rank,
            flags=flags,
        ))


def _parse_trade_flows(ctx: _Ctx, rows: list[_Row], batch: Batch) -> None:
    for r in rows:
        text = r.text("period", required=True)
        try:
            period = Period.parse(text)
        except Exception:
            raise r.fail(f"period {text!r} is not a month (YYYY-MM)") from None
        if not period.is_single_month:
            raise r.fail(f"period {text!r} is not a month (YYYY-MM)")
        m = _CUMULATIVE_RE.search(r.text("source_title"))
        if m:
            if period.start.month != 2 or int(m[1]) != period.start.year:
                raise r.fail(f"source_title tags a Jan-Feb {m[1]} cumulative figure but period is {text}; "
                             f"expected {m[1]}-02")
            period = Period.months_range(Period.month(period.start.year, 1), period)
        _trade_row(ctx, r, period, batch, with_changes=True)


def _parse_trade_annual(ctx: _Ctx, rows: list[_Row], batch: Batch) -> None:
    for r in rows:
        text = r.text("year", required=True)
        if not re.fullmatch(r"\d{4}", text):
            raise r.fail(f"year {text!r} is not a year (YYYY)")
        _trade_row(ctx, r, Period.year(int(text)), batch, with_changes=False)


def _rate_series(key: str, title: str, frequency: str, kind: str) -> SeriesRecord:
    return SeriesRecord(key=key, kind=kind, reporter="CHN", partner=None, product=key.split("/")[0],
                        hs_code=None, flow=None, measure="level", unit="pct", frequency=frequency, title=title)


def _parse_lpr(ctx: _Ctx, rows: list[_Row], batch: Batch) -> None:
    tenors = {"lpr_1y_pct": ("lpr/1y", "Loan prime rate, 1-year"),
              "lpr_5y_pct": ("lpr/5y", "Loan prime rate, over 5-year")}
    seen: dict[str, int] = {}
    for r in rows:
        fixing = r.day("fixing_date", required=True)
        assert fixing is not None
        month = Period.month(fixing.year, fixing.month)
        if month.label in seen:
            raise r.fail(f"second fixing for {month.label} (first on line {seen[month.label]})")
        seen[month.label] = r.line
        title = r.text("source_title", required=True)
        url = r.url()
        vintage, est = ctx.vintage_for(r, _const(fixing), exact=True)
        for col, (key, name) in tenors.items():
            v = r.num(col, required=True, nonneg=True)
            if v is not None and v > 30:
                raise r.fail(f"{col} {v} is not a percentage rate (expected e.g. 3.45)")
            s = _rate_series(key, name, "M", "rate")
            batch.series[key] = s
            batch.observations.append(ObservationRecord(
                series_key=key, period=month, vintage=vintage, vintage_estimated=est, value=v,
                source_title=title, source_url=url, source_file=ctx.file, source_line=r.line,
                source_rank=source_rank(title), obs_date=fixing, note=r.text("note"),
            ))


def _parse_policy_rates(ctx: _Ctx, rows: list[_Row], batch: Batch) -> None:
    for r in rows:
        eff = r.day("effective_date", required=True)
        assert eff is not None
        name = r.text("rate_name", required=True)
        if name not in _RATE_NAMES:
            raise r.fail(f"rate_name {name!r} is unknown; expected one of {', '.join(_RATE_NAMES)}")
        key, title = _RATE_NAMES[name]
        level = r.num("level_pct", required=True, nonneg=True)
        if level is not None and level > 30:
            raise r.fail(f"level_pct {level} is not a percentage rate")
        change = r.num("change_bp")
        stitle = r.text("source_title", required=True)
        vintage, est = ctx.vintage_for(r, _const(eff), exact=True)
        s = _rate_series(key, title, "D", "policy_rate")
        batch.series[key] = s
        batch.observations.append(ObservationRecord(
            series_key=key, period=Period.day(eff), vintage=vintage, vintage_estimated=est, value=level,
            source_title=stitle, source_url=r.url(), source_file=ctx.file, source_line=r.line,
            source_rank=source_rank(stitle), reported_change_bp=change, obs_date=eff, note=r.text("note"),
        ))


def _parse_polls(ctx: _Ctx, rows: list[_Row], batch: Batch) -> None:
    for r in rows:
        fixing = r.day("fixing_date", required=True)
        assert fixing is not None
        poll = r.day("poll_date")
        if poll is not None and poll > fixing:
            raise r.fail(f"poll_date {poll} is after fixing_date {fixing}")
        n = r.integer("respondents")
        unchanged = r.integer("expect_unchanged")
        cut = r.integer("expect_cut")
        for col, v in (("expect_unchanged", unchanged), ("expect_cut", cut)):
            if n is not None and v is not None and v > n:
                raise r.fail(f"{col} {v} exceeds respondents {n}")
        if n is not None and unchanged is not None and cut is not None and unchanged + cut > n:
            raise r.fail(f"expect_unchanged + expect_cut = {unchanged + cut} exceeds respondents {n}")
        exp1 = r.num("expected_1y_pct", nonneg=True)
        exp5 = r.num("expected_5y_pct", nonneg=True)
        if poll is not None:
            vintage, est = ctx.vintage_for(r, _const(poll), exact=True)
        else:
            vintage, est = ctx.vintage_for(r, _const(fixing))
        batch.polls.append(PollRecord(
            poll_date=poll, fixing_date=fixing, respondents=n, expect_unchanged=unchanged, expect_cut=cut,
            expected_1y_pct=exp1, expected_5y_pct=exp5, source_title=r.text("source_title", required=True),
            source_url=r.url(), vintage=vintage, vintage_estimated=est, source_file=ctx.file, source_line=r.line,
        ))


def _parse_events(ctx: _Ctx, rows: list[_Row], batch: Batch) -> None:
    seen: dict[str, int] = {}
    for r in rows:
        eid = r.text("event_id", required=True)
        if eid in seen:
            raise r.fail(f"event_id {eid!r} repeats line {seen[eid]}")
        seen[eid] = r.line
        announced = r.day("announced", required=True)
        assert announced is not None
        effective = r.day("effective")
        ends = r.day("ends")
        if effective is not None and ends is not None and ends < effective:
            raise r.fail(f"ends {ends} is before effective {effective}")
        kind = r.text("kind", required=True)
        if kind not in _EVENT_KINDS:
            raise r.fail(f"kind {kind!r} is unknown; expected one of {', '.join(sorted(_EVENT_KINDS))}")
        vintage, _ = ctx.vintage_for(r, _const(announced), exact=True)
        batch.events.append(EventRecord(
            event_id=eid, announced=announced, effective=effective, ends=ends,
            effective_note=r.text("effective_note"), authority=r.text("authority", required=True), kind=kind,
            items=r.text("items"), destinations=r.text("destinations"), summary=r.text("summary"),
            source_title=r.text("source_title", required=True), source_url=r.url(), vintage=vintage,
            source_file=ctx.file, source_line=r.line,
        ))


@dataclass(frozen=True)
class TableImporter:
    """One of tradelane's CSV schemas."""

    name: str
    description: str
    required: tuple[str, ...]
    _parse: Callable[[_Ctx, list[_Row], Batch], None]

    def sniff(self, path: Path, head: bytes) -> bool:
        cols = set(header_of(path, head))
        return set(self.required) <= cols

    def parse(self, path: Path, *, vintage: date | None, today: date, estimate_vintages: bool = False,
              display_name: str | None = None, text: str | None = None) -> Batch:
        name = display_name or str(path)
        ctx = _Ctx(file=name, vintage=vintage, today=today, estimate=estimate_vintages)
        rows: list[_Row] = []
        header_checked = False
        for line, row in read_csv_rows(Path(name) if text is not None else path, text):
            if not header_checked:
                missing = [c for c in self.required if c not in row]
                if missing:
                    raise DataFileError(name, 1, f"header lacks column(s) {', '.join(missing)} "
                                                 f"of the {self.name} schema")
                header_checked = True
            rows.append(_Row(name, line, row))
        if not rows:
            raise DataFileError(name, None, "no data rows below the header")
        batch = Batch(source_file=name, format=self.name)
        self._parse(ctx, rows, batch)
        return batch


TABLE_IMPORTERS: dict[str, TableImporter] = {
    i.name: i for i in (
        TableImporter("flows", "tradelane monthly trade flows (trade_flows.csv schema)",
                      ("period", "reporter", "partner", "product", "hs_code", "quantity_t", "value",
                       "value_currency", "yoy_pct_reported", "mom_pct_reported", "source_title", "source_url"),
                      _parse_trade_flows),
        TableImporter("flows_annual", "tradelane annual trade flows (trade_flows_annual.csv schema)",
                      ("year", "reporter", "partner", "product", "hs_code", "quantity_t", "value",
                       "value_currency", "source_title", "source_url"),
                      _parse_trade_annual),
        TableImporter("lpr", "LPR fixings (lpr.csv schema: fixing_date, lpr_1y_pct, lpr_5y_pct)",
                      ("fixing_date", "lpr_1y_pct", "lpr_5y_pct", "source_title", "source_url"), _parse_lpr),
        TableImporter("rates", "policy-rate changes (policy_rates.csv schema)",
                      ("effective_date", "rate_name", "level_pct", "change_bp", "source_title", "source_url"),
                      _parse_policy_rates),
        TableImporter("polls", "LPR polls (lpr_polls.csv schema)",
                      ("poll_date", "fixing_date", "respondents", "expect_unchanged", "expect_cut",
                       "expected_1y_pct", "expected_5y_pct", "source_title", "source_url"), _parse_polls),
        TableImporter("events", "policy events (policy_events.csv schema)",
                      ("event_id", "announced", "effective", "ends", "authority", "kind", "items",
                       "destinations", "summary", "source_title", "source_url"), _parse_events),
    )
}


def detect_table(path: Path, head: bytes) -> TableImporter | None:
    """The table schema whose required columns the file's header has, if any."""
    for imp in TABLE_IMPORTERS.values():
        if imp.sniff(path, head):
            return imp
    return None
