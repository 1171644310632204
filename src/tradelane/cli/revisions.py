"""`tradelane revisions`: figures a later release changed, old → new, with both vintages and sources."""

from __future__ import annotations

from typing import Annotated

import typer

from ..store.revisions import REVISION_FIELDS, revisions
from .common import AsOfOpt, DbOpt, Fmt, FormatOpt, open_store, parse_as_of, parse_day
from .render import console, fmt_num, fmt_pct, print_csv, print_json, simple_table

__all__ = ["register"]


def revisions_cmd(
    since: Annotated[str | None, typer.Option("--since", help="Only revisions released on or after this date "
                                                              "(YYYY-MM-DD).")] = None,
    fmt: FormatOpt = Fmt.table,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Every shown figure a later vintage changed: old value, vintage and source → new ones.

    Example: tradelane revisions --since 2026-01-01 --format json
    """
    since_d = parse_day(since, "--since") if since else None
    with open_store(db, read_only=True) as store:
        rows = [r.as_dict() for r in revisions(store.tables, since=since_d, as_of=parse_as_of(as_of))]
    if fmt is Fmt.json:
        print_json(rows)
        return
    if fmt is Fmt.csv:
        print_csv(rows, REVISION_FIELDS)
        return
    con = console()
    if not rows:
        con.print("No revisions: no later release changed a figure already shown"
                  + (f" since {since}" if since else "") + (f" (as known on {as_of})" if as_of else "") + ".")
        return
    con.print(simple_table(
        "Revisions: figures a later release changed",
        ["series", "period", "old", "old vintage", "old source", "new", "new vintage", "new source", "change"],
        [[r["series_key"], r["period"], fmt_num(r["old_value"], 3), str(r["old_vintage"]), r["old_source"],
          fmt_num(r["new_value"], 3), str(r["new_vintage"]), r["new_source"], fmt_pct(r["change_pct"], 2)]
         for r in rows],
        caption="The figure shown (latest vintage, then source rank) before and after each release that changed it. "
                "`--as-of DATE` on any command shows the earlier view.",
        right=["old", "new", "change"]))


def register(app: typer.Typer) -> None:
    app.command("revisions")(revisions_cmd)
