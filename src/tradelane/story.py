"""The generated story: data-true wire-style sentences for one month, each with the facts it used.

A sentence is written only when the data supports it, and it names everything a
reader (or the claim checker) needs to trace it: the partner ("US-bound", "to
Japan"), the product ("rare-earth magnet"), the month with its year, "month on
month" or "year on year", and the unit ("t").

**Order.** Headline first: a lane that moved against its world total (the
largest such lane), else the world total's monthly change. Then the world
total's record ("highest since"), other partner lanes with a change, the
headline lane's share, year-on-year changes, the other product's total, and the
rates sentences of :func:`tradelane.rates.story.rate_sentences`. At most ``MAX_SENTENCES``.

**Rounding, as a reporter would.** Tonnages of 10 t or more to whole tonnes
with thousands separators (``6,150 t``), smaller ones to one decimal; changes
below 100% to one decimal (``11.3%``), larger ones to whole percent
(``157%``); halves round up. A change the source reported (because the
comparison month is missing) is quoted as reported and attributed.

>>> from tradelane.store import Store
>>> from tradelane.model import Period
>>> s = story(Store.open().tables, Period.parse("2025-11"), product="rare_earth_magnets")
>>> print(s[0].text)  # doctest: +NORMALIZE_WHITESPACE
US-bound rare-earth magnet exports fell 11.3% month on month to 582 t in November 2025 from 656 t in October,
even as China's total rare-earth magnet exports rose 12.4% to 6,150 t.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .analytics.panel import PanelRow, idx_to_period, month_index, panel
from .errors import InputError
from .model import AGGREGATES, PRODUCTS, Fact, Period, Sentence, month_name, ordinal, partner_name
from .rates.story import rate_sentences
from .store.views import TableSet

__all__ = ["MAX_SENTENCES", "RECORD_MIN_MONTHS", "fmt_pct_word", "fmt_tonnes", "story"]

MAX_SENTENCES = 8
RECORD_MIN_MONTHS = 6
"""A "highest/lowest since" sentence needs the earlier month at least this many months back."""

INCLUDE_LANE_STREAKS = True
"""Whether the story says "fell for a second straight month" about trade lanes (the panel always has streaks)."""

_PLURAL = {"rare_earth_magnets": "rare-earth magnets", "rare_earths": "rare earths"}


def _half_up(x: float, nd: int) -> Decimal:
    q = Decimal(1).scaleb(-nd)
    return Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP)


def fmt_tonnes(v: float) -> str:
    """A tonnage as a reporter writes it.

    >>> fmt_tonnes(6149.95), fmt_tonnes(420.5), fmt_tonnes(4.26)
    ('6,150 t', '421 t', '4.3 t')
    """
    if abs(v) >= 10:
        return f"{int(_half_up(v, 0)):,} t"
    return f"{_half_up(v, 1)} t"


def fmt_pct_word(p: float) -> str:
    """The size of a change, unsigned: one decimal below 100%, whole percent above.

    >>> fmt_pct_word(-11.28), fmt_pct_word(157.47), fmt_pct_word(12.37)
    ('11.3%', '157%', '12.4%')
    """
    a = abs(p)
    if float(_half_up(a, 1)) >= 100:
        return f"{int(_half_up(a, 0))}%"
    return f"{_half_up(a, 1)}%"


def _verb(p: float) -> str:
    if float(_half_up(abs(p), 1)) == 0:
        return "were unchanged"
    return "rose" if p > 0 else "fell"


def _fmt_reported(p: float) -> str:
    s = f"{abs(p):g}"
    return f"{s}%"


def _month_phrase(idx: int, ref_idx: int) -> str:
    """'October' when in the reference month's year, else 'December 2024'."""
    p = idx_to_period(idx)
    if p.start.year == idx_to_period(ref_idx).start.year:
        return month_name(p.start.month)
    return p.describe()


def _lane_subject(product: str, partner: str, *, capital: bool = True) -> str:
    noun = PRODUCTS[product].noun
    if partner == "USA":
        return f"US-bound {noun} exports"
    if partner == "WLD":
        return f"China's total {noun} exports"
    name = partner_name(partner)
    if partner in AGGREGATES or name.startswith("United"):
        name = "the " + name
    s = f"{noun} exports to {name}"
    return s[0].upper() + s[1:] if capital else s


class _Facts:
    """Builds facts from panel rows (every figure carries its series, period, vintage and source)."""

    def __init__(self, rows: list[PanelRow]) -> None:
        self.by = {(r.series_key, r.idx): r for r in rows}

    def level(self, key: str, idx: int) -> Fact:
        r = self.by[(key, idx)]
        return Fact(r.series_key, r.period, r.value, r.vintage, r.source_url, r.source_title, "level")

    def derived(self, r: PanelRow, measure: str, value: float) -> Fact:
        return Fact(r.series_key, r.period, round(value, 2), r.vintage, r.source_url, r.source_title, measure)


def _mom_clause(r: PanelRow, ref_idx: int) -> str:
    assert r.mom_pct is not None and r.prev_value is not None
    verb = _verb(r.mom_pct)
    if verb == "were unchanged":
        return (f"were unchanged month on month at {fmt_tonnes(r.value)} in {idx_to_period(r.idx).describe()}")
    return (f"{verb} {fmt_pct_word(r.mom_pct)} month on month to {fmt_tonnes(r.value)} in "
            f"{idx_to_period(r.idx).describe()} from {fmt_tonnes(r.prev_value)} in {_month_phrase(r.idx - 1, ref_idx)}")


def _reported_mom(ts: TableSet, key: str, period: str, as_of: date | None) -> float | None:
    from .store.views import current_view

    cur = current_view(ts.observations, as_of)
    t = cur.filter((cur.series_key == key) & (cur.period == period)).select("reported_mom_pct")
    rows = t.to_pyarrow().to_pylist()
    return None if not rows or rows[0]["reported_mom_pct"] is None else float(rows[0]["reported_mom_pct"])


def _missing_phrase(missing: list[int]) -> str:
    """'February and March 2025 are missing from the data'."""
    ps = [idx_to_period(i) for i in missing]
    years = sorted({p.start.year for p in ps})
    if len(years) == 1:
        names = [month_name(p.start.month) for p in ps]
        listed = (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]) + f" {years[0]}"
    else:
        descs = [p.describe() for p in ps]
        listed = descs[0] if len(descs) == 1 else ", ".join(descs[:-1]) + " and " + descs[-1]
    return f"{listed} {'is' if len(ps) == 1 else 'are'} missing from the data"


def _reported_sentence(product: str, r: PanelRow, rep: float, m: int, f: _Facts) -> Sentence:
    """A change the source reported, quoted as reported, when the comparison month is not on record."""
    verb = "rose" if rep > 0 else "fell"
    text = (f"{_lane_subject(product, r.partner)} {verb} {_fmt_reported(rep)} month on month to "
            f"{fmt_tonnes(r.value)} in {idx_to_period(m).describe()}, according to the source's reported change "
            f"(there is no figure for {idx_to_period(m - 1).describe()}).")
    return Sentence(text, (f.level(r.series_key, m), Fact(r.series_key, r.period, rep, r.vintage, r.source_url,
                                                         r.source_title, "reported_mom_pct")),
                    "world" if r.partner == "WLD" else f"lane:{r.partner}")


def _yoy_sentence(product: str, r: PanelRow, m: int, f: _Facts) -> Sentence:
    assert r.yoy_pct is not None and r.yoy_value is not None
    then = idx_to_period(m - 12).describe()
    subject = _lane_subject(product, r.partner)
    if _verb(r.yoy_pct) == "were unchanged":
        text = f"{subject} were unchanged year on year at {fmt_tonnes(r.value)} in {idx_to_period(m).describe()}."
    else:
        text = (f"{subject} {_verb(r.yoy_pct)} {fmt_pct_word(r.yoy_pct)} year on year "
                f"to {fmt_tonnes(r.value)} in {idx_to_period(m).describe()} from {fmt_tonnes(r.yoy_value)} in {then}.")
    return Sentence(text, (f.level(r.series_key, m), f.level(r.series_key, m - 12),
                           f.derived(r, "yoy_pct", r.yoy_pct)), f"yoy:{r.partner}")


def _product_sentences(ts: TableSet, product: str, month: Period, as_of: date | None,
                       *, secondary: bool = False) -> list[Sentence]:
    rows = panel(ts, product, as_of=as_of)
    f = _Facts(rows)
    m = month_index(month)
    this = [r for r in rows if r.idx == m]
    world = next((r for r in this if r.partner == "WLD"), None)
    lanes = sorted((r for r in this if r.partner != "WLD"), key=lambda r: (-r.value, r.partner))
    noun = PRODUCTS[product].noun
    out: list[Sentence] = []
    when = month.describe()

    if secondary:
        if world is not None and world.mom_pct is not None:
            text = f"{_lane_subject(product, 'WLD')} {_mom_clause(world, m)}."
            out.append(Sentence(text[0].upper() + text[1:], (
                f.level(world.series_key, m), f.level(world.series_key, m - 1),
                f.derived(world, "mom_pct", world.mom_pct)), "world:" + product))
        return out

    # 1. Headline.
    diverging = [r for r in lanes if r.divergence is not None and r.mom_pct is not None]
    head = diverging[0] if diverging else None
    used: set[str] = set()
    if head is not None and world is not None and world.mom_pct is not None:
        assert head.mom_pct is not None
        clause = "even as" if head.divergence == "lane_down_world_up" else "even though"
        text = (f"{_lane_subject(product, head.partner)} {_mom_clause(head, m)}, {clause} "
                f"{_lane_subject(product, 'WLD', capital=False)} {_verb(world.mom_pct)} "
                f"{fmt_pct_word(world.mom_pct)} to {fmt_tonnes(world.value)}.")
        out.append(Sentence(text, (
            f.level(head.series_key, m), f.level(head.series_key, m - 1), f.derived(head, "mom_pct", head.mom_pct),
            f.level(world.series_key, m), f.level(world.series_key, m - 1),
            f.derived(world, "mom_pct", world.mom_pct)), f"lane:{head.partner}"))
        used |= {head.partner, "WLD"}
    elif world is not None and world.mom_pct is not None:
        text = f"{_lane_subject(product, 'WLD')} {_mom_clause(world, m)}."
        out.append(Sentence(text, (f.level(world.series_key, m), f.level(world.series_key, m - 1),
                                   f.derived(world, "mom_pct", world.mom_pct)), "world"))
        used.add("WLD")
    elif world is not None:
        rep = _reported_mom(ts, world.series_key, world.period, as_of)
        if rep is not None and rep != 0:
            out.append(_reported_sentence(product, world, rep, m, f))
        else:
            out.append(Sentence(f"China exported {fmt_tonnes(world.value)} of {_PLURAL[product]} in {when}.",
                                (f.level(world.series_key, m),), "world"))
        used.add("WLD")

    # 2. World record: highest/lowest since.
    if world is not None:
        for kind, since, recs in (("highest", world.high_since_idx, world.high_since_records),
                                  ("lowest", world.low_since_idx, world.low_since_records)):
            if since is None or recs is None or m - since < RECORD_MIN_MONTHS:
                continue
            missing = [i for i in range(since + 1, m) if (world.series_key, i) not in f.by]
            text = (f"{_lane_subject(product, 'WLD')} in {when} were the {kind} since "
                    f"{idx_to_period(since).describe()}")
            if missing:
                text += f" among the months on record; {_missing_phrase(missing)}"
            out.append(Sentence(text + ".", (f.level(world.series_key, m), f.level(world.series_key, since)),
                                "world:record"))

    # 3. Other partner lanes with a change (computed, else as reported).
    for r in lanes:
        if r.partner in used or len(out) >= 5:
            continue
        if r.mom_pct is not None:
            text = f"{_lane_subject(product, r.partner)} {_mom_clause(r, m)}."
            out.append(Sentence(text, (f.level(r.series_key, m), f.level(r.series_key, m - 1),
                                       f.derived(r, "mom_pct", r.mom_pct)), f"lane:{r.partner}"))
            used.add(r.partner)
            continue
        rep = _reported_mom(ts, r.series_key, r.period, as_of)
        if rep is not None and rep != 0:
            out.append(_reported_sentence(product, r, rep, m, f))
            used.add(r.partner)
            continue
        if r.yoy_pct is not None and r.yoy_value is not None:
            out.append(_yoy_sentence(product, r, m, f))
            used.add(r.partner)

    # 4. Headline lane's share of the total.
    if head is not None and head.share_pct is not None and world is not None:
        who = "the United States" if head.partner == "USA" else _lane_subject(product, head.partner).split(" to ")[-1]
        text = (f"{who[0].upper() + who[1:]} took {_half_up(head.share_pct, 1)}% of China's {noun} exports "
                f"in {when}.")
        out.append(Sentence(text, (f.level(head.series_key, m), f.level(world.series_key, m),
                                   f.derived(head, "share_pct", head.share_pct)), f"share:{head.partner}"))

    # 5. Streaks of two or more months (off until the claim checker verifies trade-lane streaks).
    for r in (([world] if world else []) + ([head] if head else [])) if INCLUDE_LANE_STREAKS else []:
        if r is None or r.streak_len is None or r.streak_len < 2 or r.streak_kind == "flat":
            continue
        move = "rose" if r.streak_kind == "up" else "fell"
        text = f"{_lane_subject(product, r.partner)} {move} for a {ordinal(r.streak_len)} straight month in {when}."
        facts = tuple(f.level(r.series_key, i) for i in range(m - r.streak_len, m + 1))
        out.append(Sentence(text, (*facts, Fact(r.series_key, r.period, float(r.streak_len), r.vintage,
                                                r.source_url, r.source_title, "streak")), f"streak:{r.partner}"))

    # 6. Year on year.
    for r in ([world] if world else []) + ([head] if head else []):
        if r is not None and r.yoy_pct is not None and r.yoy_value is not None:
            out.append(_yoy_sentence(product, r, m, f))
    return out


def _rate_sentences(ts: TableSet, month: Period, as_of: date | None) -> list[Sentence]:
    return list(rate_sentences(ts, month, as_of=as_of))


def story(ts: TableSet, period: Period, product: str | None = None, *, as_of: date | None = None,
          include_rates: bool = True) -> list[Sentence]:
    """Wire-style sentences about ``period``, headline first, each with its facts.

    With no ``product``: the magnet story, then the rare-earth total, then rates.

    Raises:
        InputError: an unknown product or a period that is not a single month.
    """
    if not period.is_single_month:
        raise InputError(f"period {period.label} is not a single month (YYYY-MM)")
    if product is not None and product not in PRODUCTS:
        raise InputError(f"unknown product {product!r}; expected one of {', '.join(sorted(PRODUCTS))}")
    primary = product or "rare_earth_magnets"
    out = _product_sentences(ts, primary, period, as_of)
    if product is None:
        for other in sorted(PRODUCTS):
            if other != primary:
                out += _product_sentences(ts, other, period, as_of, secondary=True)
        if include_rates:
            rates = _rate_sentences(ts, period, as_of)
            room = max(MAX_SENTENCES - len(out), min(2, len(rates)))
            out = out[: MAX_SENTENCES - min(room, len(rates))] + rates[:room]
    return out[:MAX_SENTENCES]
