"""Alerts: rules in a TOML file, evaluated on the latest release (or any month, as known on any date).

A rules file is a list of ``[[rule]]`` tables::

    [[rule]]
    name = "US magnets fall"
    kind = "mom_drop_pct"          # see KINDS
    threshold = 10                 # a fall of 10% or more month on month
    product = "rare_earth_magnets"
    partners = ["*"]               # every partner on record (aggregates WLD, EUU included), or ISO3 codes

Kinds (``threshold`` meaning):

* ``mom_drop_pct`` / ``yoy_drop_pct`` — the lane fell by at least ``threshold`` %
  month on month / year on year (as computed by :func:`tradelane.analytics.lanes.lanes`;
  a change the source reported is used when the comparison month is missing);
* ``n_month_low`` — the month's figure is below every figure on record in the
  ``threshold`` months ending with it (missing months are said, never filled);
* ``structural_break`` — a change point of the lane's log level starts in the
  month (:mod:`tradelane.analytics.breaks`, ruptures PELT); optional
  ``threshold``: the smallest size of the level shift in %;
* ``share_shift_pp`` — the partner's share of the world total moved by at least
  ``threshold`` percentage points from the previous month;
* ``new_event`` — a policy event announced in the month (no threshold; ``product``
  and ``partners`` are optional and not used). Without ``--period`` the month is
  the latest with data and events announced since its start are reported too,
  so an event after the latest release is not missed.

Evaluation returns :class:`Alert` values; :meth:`Alert.as_dict` has exactly the
keys ``rule, kind, product, partner, period, value, threshold, message``, and the
message names the figures' source and vintage. :func:`deliver` POSTs the JSON
list to a webhook through :class:`~tradelane.sources.fetch.Fetcher`.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .analytics.lanes import LaneRow, lanes
from .analytics.lanes import latest_month as analytics_latest_month
from .errors import ConfigError, InputError
from .model import AGGREGATES, PRODUCTS, Period, SeriesKey, is_partner_code, partner_name
from .sources.fetch import Fetcher
from .store.views import TableSet, current_view, latest_events

__all__ = ["ALERT_FIELDS", "KINDS", "Alert", "Rule", "deliver", "evaluate", "latest_month", "load_rules",
           "parse_rules"]

KINDS: dict[str, str] = {
    "mom_drop_pct": "required",
    "yoy_drop_pct": "required",
    "n_month_low": "required",
    "structural_break": "optional",
    "share_shift_pp": "required",
    "new_event": "none",
}
"""Each kind and whether it takes a threshold."""

ALERT_FIELDS = ("rule", "kind", "product", "partner", "period", "value", "threshold", "message")
_RULE_KEYS = {"name", "kind", "threshold", "product", "partners"}


@dataclass(frozen=True)
class Rule:
    """One validated alert rule."""

    name: str
    kind: str
    product: str | None
    partners: tuple[str, ...]  # ("*",) for every partner
    threshold: float | None = None

    def wants(self, partner: str) -> bool:
        return self.partners == ("*",) or partner in self.partners


@dataclass(frozen=True)
class Alert:
    """One rule that fired, for one partner and period."""

    rule: str
    kind: str
    product: str | None
    partner: str | None
    period: str
    value: float | None
    threshold: float | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in ALERT_FIELDS}


# ---------------------------------------------------------------- rules
def load_rules(path: Path) -> list[Rule]:
    """Read a rules file.

    Raises:
        ConfigError: naming the file and the rule (number and name) at fault.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such rules file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    return parse_rules(text, str(path))


def parse_rules(text: str, file: str = "<rules>") -> list[Rule]:
    """Validate rules from TOML text.

    >>> r = parse_rules('[[rule]]\\nname="x"\\nkind="mom_drop_pct"\\nthreshold=10\\n'
    ...                 'product="rare_earth_magnets"\\npartners=["*"]')
    >>> r[0].kind, r[0].threshold, r[0].partners
    ('mom_drop_pct', 10.0, ('*',))
    >>> parse_rules('[[rule]]\\nname="x"\\nkind="mom_drop"', "a.toml")
    Traceback (most recent call last):
    ...
    tradelane.errors.ConfigError: a.toml: rule 1 ('x'): kind 'mom_drop' is not one of mom_drop_pct, \
yoy_drop_pct, n_month_low, structural_break, share_shift_pp, new_event
    """
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{file}: not valid TOML: {e}") from None
    extra = set(doc) - {"rule"}
    if extra:
        raise ConfigError(f"{file}: unknown top-level key(s) {', '.join(sorted(extra))}; rules are [[rule]] tables")
    raw = doc.get("rule")
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{file}: no [[rule]] tables")
    rules = [_rule(file, i, r) for i, r in enumerate(raw, start=1)]
    names = [r.name for r in rules]
    for i, n in enumerate(names, start=1):
        if names.index(n) + 1 != i:
            raise ConfigError(f"{file}: rule {i} ({n!r}): name repeats rule {names.index(n) + 1}")
    return rules


def _rule(file: str, i: int, r: Any) -> Rule:
    if not isinstance(r, dict):
        raise ConfigError(f"{file}: rule {i} is not a table")
    name = r.get("name")
    where = f"{file}: rule {i}" + (f" ({name!r})" if isinstance(name, str) else "")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: name is missing or empty")
    unknown = set(r) - _RULE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; expected "
                          f"{', '.join(sorted(_RULE_KEYS))}")
    kind = r.get("kind")
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    need = KINDS[kind]
    th = r.get("threshold")
    if th is None and need == "required":
        raise ConfigError(f"{where}: kind {kind} needs a threshold")
    if th is not None and need == "none":
        raise ConfigError(f"{where}: kind {kind} takes no threshold")
    threshold: float | None = None
    if th is not None:
        if isinstance(th, bool) or not isinstance(th, (int, float)) or not math.isfinite(th) or th <= 0:
            raise ConfigError(f"{where}: threshold {th!r} must be a positive number")
        if kind == "n_month_low" and (th != int(th) or th < 2):
            raise ConfigError(f"{where}: threshold {th!r} for n_month_low must be a whole number of months ≥ 2")
        threshold = float(th)
    product = r.get("product")
    if product is None and kind != "new_event":
        raise ConfigError(f"{where}: product is missing; expected one of {', '.join(sorted(PRODUCTS))}")
    if product is not None and product not in PRODUCTS:
        raise ConfigError(f"{where}: product {product!r} is unknown; expected one of {', '.join(sorted(PRODUCTS))}")
    partners = r.get("partners", ["*"] if kind == "new_event" else None)
    if not isinstance(partners, list) or not partners or not all(isinstance(p, str) for p in partners):
        raise ConfigError(f"{where}: partners must be a list of ISO3 codes or [\"*\"]")
    if "*" in partners:
        if partners != ["*"]:
            raise ConfigError(f"{where}: partners [\"*\"] means every partner and cannot be mixed with codes")
    else:
        for p in partners:
            if not is_partner_code(p):
                raise ConfigError(f"{where}: partner {p!r} is not an ISO3 code (or WLD, EUU)")
    return Rule(name=name, kind=kind, product=product, partners=tuple(partners), threshold=threshold)


# ---------------------------------------------------------------- evaluation
def latest_month(ts: TableSet, product: str | None = None, as_of: date | None = None) -> Period:
    """The latest single month with a figure for ``product`` (any trade lane when None).

    Raises:
        InputError: no monthly trade figure is on record.
    """
    return analytics_latest_month(ts, product, as_of=as_of)


def _prov(r: LaneRow) -> str:
    return f"source: {r.source_title}, vintage {r.vintage}" + (" (estimated)" if r.vintage_estimated else "")


def _noun(product: str) -> str:
    return PRODUCTS[product].noun


def _lane_rows(ts: TableSet, rule: Rule, month: Period, as_of: date | None) -> list[LaneRow]:
    assert rule.product is not None
    return [r for r in lanes(ts, rule.product, month, as_of=as_of) if r.period_months == 1 and rule.wants(r.partner)]


def _drop(ts: TableSet, rule: Rule, month: Period, as_of: date | None) -> list[Alert]:
    assert rule.product is not None and rule.threshold is not None
    out = []
    yoy = rule.kind == "yoy_drop_pct"
    for r in _lane_rows(ts, rule, month, as_of):
        pct = r.yoy_pct if yoy else r.mom_pct
        if pct is None or pct > -rule.threshold:
            continue
        basis = r.yoy_basis if yoy else r.mom_basis
        ref_period, ref_qty = (r.yoy_period, r.yoy_quantity_t) if yoy else (r.prev_period, r.prev_quantity_t)
        how = "year on year" if yoy else "month on month"
        level = f" to {_t(r.quantity_t)}" if r.quantity_t is not None else ""
        frm = f" from {_t(ref_qty)} in {ref_period}" if ref_qty is not None else ""
        rep = " (as reported by the source)" if basis == "reported" else ""
        out.append(Alert(
            rule=rule.name, kind=rule.kind, product=rule.product, partner=r.partner, period=r.period, value=pct,
            threshold=rule.threshold,
            message=(f"{_who(r.partner)} {_noun(rule.product)} exports fell {abs(pct):.1f}% {how}{rep}{level} in "
                     f"{month.describe()}{frm} (threshold {rule.threshold:g}%; {_prov(r)})"),
        ))
    return out


def _share(ts: TableSet, rule: Rule, month: Period, as_of: date | None) -> list[Alert]:
    assert rule.product is not None and rule.threshold is not None
    prev = {r.partner: r for r in lanes(ts, rule.product, month.shift_months(-1), as_of=as_of)
            if r.period_months == 1}
    out = []
    for r in _lane_rows(ts, rule, month, as_of):
        p = prev.get(r.partner)
        if r.partner == "WLD" or r.share_pct is None or p is None or p.share_pct is None:
            continue
        shift = round(r.share_pct - p.share_pct, 2)
        if abs(shift) < rule.threshold:
            continue
        out.append(Alert(
            rule=rule.name, kind=rule.kind, product=rule.product, partner=r.partner, period=r.period, value=shift,
            threshold=rule.threshold,
            message=(f"{_who(r.partner)} share of China's {_noun(rule.product)} exports moved {shift:+.1f} points to "
                     f"{r.share_pct:.1f}% in {month.describe()} from {p.share_pct:.1f}% in {p.period} "
                     f"(threshold {rule.threshold:g} pp; {_prov(r)})"),
        ))
    return out


def _partners_on_record(ts: TableSet, rule: Rule) -> list[str]:
    s = ts.series
    t = s.filter((s.kind == "trade") & (s.measure == "quantity") & (s.product == rule.product)
                 & (s.reporter == "CHN")).select("partner")
    return sorted(p for p in (r["partner"] for r in t.to_pyarrow().to_pylist()) if p and rule.wants(p))


def _low(ts: TableSet, rule: Rule, month: Period, as_of: date | None) -> list[Alert]:
    assert rule.product is not None and rule.threshold is not None
    n = int(rule.threshold)
    first = month.shift_months(-(n - 1))
    cur = current_view(ts.observations, as_of)
    out = []
    for partner in _partners_on_record(ts, rule):
        key = str(SeriesKey.trade(rule.product, "CHN", partner))
        t = cur.filter((cur.series_key == key) & (cur.months == 1) & (cur.freq == "M") & cur.value.notnull()
                       & (cur.period_start >= first.start) & (cur.period_start <= month.start))
        rows = {r["period"]: r for r in t.select("period", "value", "source_title", "vintage").to_pyarrow()
                .to_pylist()}
        now = rows.pop(month.label, None)
        if now is None or not rows:
            continue
        low = min(float(r["value"]) for r in rows.values())
        if float(now["value"]) >= low:
            continue
        missing = (n - 1) - len(rows)
        gap = f"; {missing} of the {n - 1} earlier months not on record" if missing else ""
        out.append(Alert(
            rule=rule.name, kind=rule.kind, product=rule.product, partner=partner, period=month.label,
            value=float(now["value"]), threshold=rule.threshold,
            message=(f"{_who(partner)} {_noun(rule.product)} exports of {_t(now['value'])} in {month.describe()} are "
                     f"the lowest in {n} months ({first.label} to {month.label}; previous low {_t(low)}{gap}; "
                     f"source: {now['source_title']}, vintage {now['vintage']})"),
        ))
    return out


def _break(ts: TableSet, rule: Rule, month: Period, as_of: date | None) -> list[Alert]:
    from .analytics.breaks import series_breaks

    assert rule.product is not None
    out = []
    for partner in _partners_on_record(ts, rule):
        key = str(SeriesKey.trade(rule.product, "CHN", partner))
        for b in series_breaks(ts, key, as_of=as_of):
            if b.period != month.label:
                continue
            if rule.threshold is not None and abs(b.change_pct) < rule.threshold:
                continue
            gap = f", across {b.months_missing_between} missing month(s)" if b.months_missing_between else ""
            out.append(Alert(
                rule=rule.name, kind=rule.kind, product=rule.product, partner=partner, period=month.label,
                value=round(b.change_pct, 2), threshold=rule.threshold,
                message=(f"{_who(partner)} {_noun(rule.product)} exports broke structurally in {month.describe()}: "
                         f"level {b.change_pct:+.1f}% (regime mean {_t(b.mean_before)} → {_t(b.mean_after)}"
                         f"{gap}; ruptures PELT on `tradelane show {key}` figures)"),
            ))
    return out


def _events(ts: TableSet, rule: Rule, month: Period, as_of: date | None, *, open_ended: bool = False) -> list[Alert]:
    e = latest_events(ts.events, as_of)
    within = e.announced >= month.start
    if not open_ended:
        within = within & (e.announced <= month.end)
    rows = e.filter(within).order_by(["announced", "event_id"]).to_pyarrow().to_pylist()
    out = []
    for r in rows:
        summary = r["summary"] if len(r["summary"]) <= 160 else r["summary"][:159] + "…"
        out.append(Alert(
            rule=rule.name, kind=rule.kind, product=rule.product, partner=None, period=month.label, value=None,
            threshold=None,
            message=(f"new policy event {r['event_id']} announced {r['announced']} by {r['authority']} "
                     f"({r['kind']}): {summary} (source: {r['source_title']}, vintage {r['vintage']})"),
        ))
    return out


_EVAL = {"mom_drop_pct": _drop, "yoy_drop_pct": _drop, "share_shift_pp": _share, "n_month_low": _low,
         "structural_break": _break}


def evaluate(ts: TableSet, rules: list[Rule], *, period: Period | None = None,
             as_of: date | None = None) -> list[Alert]:
    """Every alert the rules raise for ``period`` (default: each rule's product's latest month on record).

    Raises:
        InputError: ``period`` is not a single month, or no figure is on record to evaluate against.
    """
    if period is not None and not period.is_single_month:
        raise InputError(f"--period {period.label} is not a single month (YYYY-MM)")
    out: list[Alert] = []
    for rule in rules:
        month = period or latest_month(ts, rule.product, as_of)
        if rule.kind == "new_event":
            out.extend(_events(ts, rule, month, as_of, open_ended=period is None))
        else:
            out.extend(_EVAL[rule.kind](ts, rule, month, as_of))
    return out


def deliver(alerts: list[Alert], url: str, *, fetcher: Fetcher) -> int:
    """POST the alerts as a JSON list to a webhook; return the HTTP status.

    Raises:
        SourceError: the webhook could not be reached or answered with an error.
    """
    return fetcher.post_json(url, [a.as_dict() for a in alerts])


def _who(partner: str) -> str:
    if partner == "WLD":
        return "Total"
    if partner in AGGREGATES:
        return f"{AGGREGATES[partner]}-bound"
    return f"{partner_name(partner)}-bound"


def _t(x: float | None) -> str:
    if x is None:
        return "—"
    v = float(x)
    return f"{v:,.0f} t" if v.is_integer() else f"{v:,.1f} t"
