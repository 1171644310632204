"""The claim-checking pipeline: clean → date → extract and link → verify → cross-check.

>>> from tradelane.store import Store
>>> from tradelane.claims import DataIndex, check
>>> idx = DataIndex.from_tables(Store.open().tables)
>>> r = check("US-bound magnet exports fell 11% in November 2025 to 582 tons.", idx)
>>> [(c["value"], c["measure"], c["verdict"]) for c in r.as_dict()["claims"]]
[(-11.0, 'mom_pct', 'supported'), (582.0, 'level', 'supported')]
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..model import Period
from ..store.views import TableSet
from .clean import (
    CleanArticle,
    clean_text,
    drop_forecast_tables,
    html_to_text,
    pipe_tables_to_lines,
    spaced_tables_to_lines,
    unwrap_hard_breaks,
)
from .consistency import Inconsistency, inconsistencies
from .data import DataIndex
from .dates import weekday_named, wire_year
from .extract import cues
from .link import Link, link_article
from .verify import Verdict, verify

__all__ = ["CheckResult", "CheckedClaim", "check", "looks_like_html"]

_INDEX_CACHE: dict[int, tuple[TableSet, DataIndex]] = {}


@dataclass
class CheckedClaim:
    """A linked claim and its verdict."""

    link: Link
    verdict: Verdict

    def as_dict(self) -> dict[str, Any]:
        lk, v = self.link, self.verdict
        notes = list(lk.notes)
        value: float | None = v.value if v.value is not None else lk.value
        if lk.unit == "pct" and lk.measure in ("mom_pct", "yoy_pct") and (lk.q.sign or lk.direction):
            value = lk.value * (lk.q.sign or lk.direction)
            if re.fullmatch(r"doubled|tripled|quadrupled|halved", lk.q.text.strip(), re.I):
                value = None  # no number written; the change it implies is in "notes"
                notes.append(f"'{lk.q.text.strip()}' read as {lk.value * (lk.q.sign or 1):+g}%")
        elif lk.measure == "change_bp" and lk.direction < 0:
            value = -lk.value
        elif lk.measure in ("record", "record_since"):
            value = lk.value or None  # "highest since January": no count written
        elif lk.measure == "rank" and (not lk.q.written or lk.q.unit == "record"):
            value = None  # "a six-month high": the six shapes the window, it is not a figure claimed
        partner = lk.partner if lk.series not in ("other", "polls") and not lk.series.startswith(
            ("lpr/", "policy/")) else None
        return {
            "text": lk.q.text.strip(), "start": lk.q.start, "end": lk.q.end, "value": value, "unit": lk.unit,
            "series": lk.series, "partner": partner, "period": lk.period.label if lk.period else None,
            "measure": lk.measure, "compare_to_period": lk.compare.label if lk.compare else None,
            "verdict": v.verdict, "data_value": v.data_value, "evidence": v.evidence, "basis": v.basis,
            "reason": v.reason, "notes": notes, "sentence": lk.sentence.text, "segment": lk.sentence.kind,
        }


@dataclass
class CheckResult:
    """Everything a check found: the cleaned article, the claims and the conflicts among them."""

    article: CleanArticle
    date: date | None
    date_source: str
    reference_month: str
    claims: list[CheckedClaim] = field(default_factory=list)
    inconsistencies: list[Inconsistency] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        out = {"supported": 0, "contradicted": 0, "unverifiable": 0}
        for c in self.claims:
            out[c.verdict.verdict] += 1
        return out

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape: article, claims, summary, inconsistencies."""
        return {
            "article": {"title": self.article.title, "date": self.date.isoformat() if self.date else None,
                        "date_source": self.date_source, "reference_month": self.reference_month,
                        "dropped": [d.as_dict() for d in self.article.dropped]},
            "claims": [c.as_dict() for c in self.claims],
            "summary": self.summary(),
            "inconsistencies": [i.as_dict() for i in self.inconsistencies],
        }


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document or fragment."""
    head = text[:2000].lower()
    return bool(re.search(r"<(?:!doctype html|html|body|head|p|div|article)\b", head))


def _index(store_tables: TableSet | DataIndex) -> DataIndex:
    if isinstance(store_tables, DataIndex):
        return store_tables
    hit = _INDEX_CACHE.get(id(store_tables))
    if hit is not None and hit[0] is store_tables:
        return hit[1]
    idx = DataIndex.from_tables(store_tables)
    _INDEX_CACHE.clear()
    _INDEX_CACHE[id(store_tables)] = (store_tables, idx)
    return idx


def _topics(art: CleanArticle) -> tuple[str, str]:
    """(the article's topic, its traded product or 'rates' when it names none), by counting mentions."""
    counts = {"rare_earth_magnets": 0, "rare_earths": 0, "rates": 0}
    for s in art.sentences:
        for c in cues(s.text):
            if c.kind == "product":
                counts[c.value] += 1
            elif c.kind == "rate" and c.value not in ("mlf",):
                counts["rates"] += 1
    topic = max(counts, key=lambda k: (counts[k], k == "rare_earth_magnets"))
    if not (counts["rare_earth_magnets"] or counts["rare_earths"]):
        return topic, "rates"
    trade = max(("rare_earth_magnets", "rare_earths"), key=lambda k: (counts[k], k == "rare_earth_magnets"))
    return topic, trade


def check(text_or_html: str, store_tables: TableSet | DataIndex, *, date: date | None = None,
          today: date | None = None, meta_date: date | None = None) -> CheckResult:
    """Check an article (plain text or HTML) against the store.

    Args:
        text_or_html: the article.
        store_tables: the store's tables, or a prebuilt :class:`DataIndex` (faster for many articles).
        date: the article's date, when the caller knows it (``--date``).
        today: the clock, injected; bounds a dateline without a year.
        meta_date: a publication date from page metadata (the reader passes it for URLs).
    """
    idx = _index(store_tables)
    title_meta: str | None = None
    meta_source = "page metadata"
    if looks_like_html(text_or_html):
        text, title_meta, md, md_in_meta = html_to_text(text_or_html)
        if meta_date is None and md is not None and not md_in_meta:
            meta_source = "page byline (no date in the page's metadata)"
        meta_date = meta_date or md
    else:
        text = drop_forecast_tables(text_or_html)
        text = unwrap_hard_breaks(spaced_tables_to_lines(text) if "   " in text else text)
        text = pipe_tables_to_lines(text) if "|" in text else text
    art = clean_text(text)
    if title_meta and not art.title:
        art.title = title_meta
    art.meta_date = meta_date
    topic, trade_topic = _topics(art)
    latest = idx.latest_month("rare_earth_magnets/CHN/WLD" if trade_topic != "rare_earths" else "rare_earths/CHN/WLD")
    latest_lpr = idx.latest_month("lpr/1y")
    ref: _dt.date | None
    source: str
    if date is not None:
        ref, source = date, "given"
    elif meta_date is not None:
        ref, source = meta_date, meta_source
    elif art.dateline_date is not None:
        ref, source = art.dateline_date, "dateline"
    else:
        ref, source = None, "none"
    if ref is None and art.wire_dateline is not None:
        mo, dy = art.wire_dateline
        # the latest date the data could be news on: a trade story comes out the month after its data month
        data_end = (Period.parse(latest_lpr).end if latest_lpr else None) if trade_topic == "rates" or \
            topic == "rates" else (Period.parse(latest).shift_months(1).end if latest else None)
        bound = today or data_end
        if bound is not None:
            lead = " ".join(s.text for s in art.sentences[:2])
            ref = wire_year(mo, dy, bound, weekday_named(lead))
            if ref is not None:
                source = "wire dateline (year inferred)"
    if ref is not None:
        refm = Period.month(ref.year, ref.month)
        latest_trade = refm.shift_months(-1)
        ref_date = ref
    else:
        base = latest if trade_topic != "rates" else latest_lpr
        bp = Period.parse(base) if base else Period.month(2000, 1)
        refm = bp.shift_months(1) if trade_topic != "rates" else bp
        latest_trade = bp if trade_topic != "rates" else bp.shift_months(-1)
        ref_date = refm.start
        source = "none: periods resolved against the latest data month " + (base or "?")
    first_lpr = Period.parse(idx.first_period("lpr/1y") or "2019-08")
    links = link_article(art, ref_date, topic, latest_trade, first_lpr, trade_topic=trade_topic)
    result = CheckResult(art, ref, source, refm.label)
    seen: set[tuple[int, int, str]] = set()
    for lk in links:
        key = (lk.q.start, lk.q.end, lk.series)
        if key in seen:
            continue
        seen.add(key)
        if lk.implicit_period and lk.series.startswith("policy/"):
            # "after a 0.1 point cut to the reverse repo": the latest change on or before the article date
            step = idx.step_at(lk.series, lk.sentence.ref_date or ref_date)
            if step is not None:
                d = Period.parse(step.period).start
                lk.period = Period.month(d.year, d.month)
                lk.compare = lk.period.shift_months(-1)
                lk.notes.append("no month written: the latest change before the article date")
        v = verify(lk, idx)
        if lk.basis_unstated and v.verdict == "unverifiable" and lk.period is not None:
            other_basis = "yoy_pct" if lk.measure == "mom_pct" else "mom_pct"
            alt = replace(lk, measure=other_basis,
                          compare=lk.period.shift_months(-12 if other_basis == "yoy_pct" else -1))
            v2 = verify(alt, idx)
            if v2.verdict != "unverifiable":
                lk, v = alt, v2
                lk.notes.append("basis not written; checked against the change the data has")
        if v.value is not None:
            lk.value = v.value
        result.claims.append(CheckedClaim(lk, v))
    result.inconsistencies = inconsistencies([c.link for c in result.claims])
    return result
