"""`tradelane lanes`, `tradelane series` and `tradelane show`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..analytics import LANE_FIELDS, lanes, latest_month
from ..store.catalog import catalog, history
from .common import AsOfOpt, DbOpt, EngineOpt, Fmt, FormatOpt, open_store, open_tables, parse_as_of, parse_month
from .render import MISSING, console, fmt_num, fmt_pct, print_csv, print_json, simple_table

__all__ = ["register"]


def lanes_cmd(
    product: Annotated[str, typer.Option("--product", "-p", help="rare_earth_magnets or rare_earths.")
                       ] = "rare_earth_magnets",
    period: Annotated[str | None, typer.Option("--period", help="Month, YYYY-MM (default: the latest month "
                                                                 "with a figure for the product).")] = None,
    fmt: FormatOpt = Fmt.table,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    engine: EngineOpt = None,
) -> None:
    """One row per partner for a product and month: level, MoM, YoY, share of the world, rank, source.

    Example: tradelane lanes --product rare_earth_magnets --period 2025-11 --format json [--engine spark]
    """
    with open_store(db, read_only=True) as store:
        month = parse_month(period) if period else latest_month(store.tables, product, as_of=parse_as_of(as_of))
        rows = lanes(open_tables(store, engine), product, month, as_of=parse_as_of(as_of))
    data = [r.as_dict() for r in rows]
    if fmt is Fmt.json:
        print_json(data)
        return
    if fmt is Fmt.csv:
        print_csv(data, LANE_FIELDS)
        return
    con = console()
    if not rows:
        con.print(f"No {product} figures for {month.describe()}"
                  + (f" known on {as_of}" if as_of else "") + ": the month is missing from the data, "
                  "not zero. Try `tradelane series` for coverage.")
        return
    notes: list[str] = []
    body = []
    for r in rows:
        mark = ""
        if r.notes:
            notes.append(f"[{len(notes) + 1}] {r.partner} {r.period}: " + "; ".join(r.notes))
            mark = f" [{len(notes)}]"
        body.append([
            r.partner + mark, r.period, fmt_num(r.quantity_t),
            f"{fmt_num(r.prev_quantity_t)} ({r.prev_period})" if r.prev_period else MISSING,
            fmt_pct(r.mom_pct) + ("ʳ" if r.mom_basis == "reported" else ""),
            fmt_pct(r.yoy_pct) + ("ʳ" if r.yoy_basis == "reported" else ""),
            MISSING if r.share_pct is None else f"{r.share_pct:.1f}%",
            MISSING if r.rank is None else str(r.rank),
            r.vintage + ("*" if r.vintage_estimated else ""),
            (r.source_title[:44] + "…") if len(r.source_title) > 45 else r.source_title,
        ])
    title = f"China's {product.replace('_', ' ')} exports by partner, {month.describe()}"
    if as_of:
        title += f" (as known on {as_of})"
    cap = ("— no figure: the comparison month is missing from the data (never zero, never interpolated). "
           "ʳ change as reported by the source, not computed. * vintage estimated from the China Customs "
           "release calendar. Full sources: --format json or `tradelane show KEY`.")
    con.print(simple_table(title, ["partner", "period", "tonnes", "prev (period)", "MoM", "YoY", "share", "rank",
                                   "vintage", "source"], body, caption=cap,
                           right=["tonnes", "prev (period)", "MoM", "YoY", "share", "rank"]))
    for n in notes:
        con.print(n, highlight=False)


def series_cmd(fmt: FormatOpt = Fmt.table, as_of: AsOfOpt = None, db: DbOpt = None) -> None:
    """The series catalog: every series with its coverage."""
    with open_store(db, read_only=True) as store:
        rows = catalog(store.tables, parse_as_of(as_of))
    fields = ["series_key", "kind", "product", "reporter", "partner", "hs_code", "flow", "measure", "unit",
              "frequency", "title", "first_period", "last_period", "n_periods", "n_figures", "n_sources"]
    if fmt is Fmt.json:
        print_json([{f: r[f] for f in fields} for r in rows])
    elif fmt is Fmt.csv:
        print_csv(rows, fields)
    else:
        console().print(simple_table(
            "tradelane series", ["key", "unit", "freq", "first", "last", "periods", "figures", "sources", "title"],
            [[r["series_key"], r["unit"], r["frequency"], str(r["first_period"]), str(r["last_period"]),
              str(r["n_periods"]), str(r["n_figures"]), str(r["n_sources"]), r["title"]] for r in rows],
            right=["periods", "figures", "sources"]))


def show_cmd(
    key: Annotated[str, typer.Argument(help="Series key, e.g. rare_earth_magnets/CHN/USA or lpr/1y.")],
    fmt: FormatOpt = Fmt.table,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Every period, every source and every vintage of one series; ✓ marks the figure shown elsewhere."""
    with open_store(db, read_only=True) as store:
        rows = history(store.tables, key, parse_as_of(as_of))
    fields = ["period", "value", "shown", "vintage", "vintage_estimated", "reported_mom_pct", "reported_yoy_pct",
              "reported_change_bp", "obs_date", "source_rank", "flags", "source_title", "source_url", "source_file",
              "source_line", "extra"]
    if fmt is Fmt.json:
        print_json([{f: r[f] for f in fields} for r in rows])
    elif fmt is Fmt.csv:
        print_csv(rows, fields)
    else:
        console().print(simple_table(
            f"{key}: every figure, source and vintage", ["period", "value", "shown", "vintage", "MoM rep.",
                                                         "YoY rep.", "rank", "flags", "source", "url"],
            [[r["period"], fmt_num(r["value"], 3), "✓" if r["shown"] else "", str(r["vintage"])
              + ("*" if r["vintage_estimated"] else ""), fmt_pct(r["reported_mom_pct"]),
              fmt_pct(r["reported_yoy_pct"]), str(r["source_rank"]), r["flags"] or "", r["source_title"],
              r["source_url"] or MISSING]
             for r in rows],
            caption="✓ the figure shown by lanes and analytics (latest vintage, then source rank 0 official < "
                    "1 wire < 2 other < 3 flagged, then file order). * estimated vintage.",
            right=["value"]))


def register(app: typer.Typer) -> None:
    app.command("lanes")(lanes_cmd)
    app.command("series")(series_cmd)
    app.command("show")(show_cmd)
