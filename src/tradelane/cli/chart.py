"""`tradelane chart KIND -o file.svg|png`: one report chart on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..report import CHART_KINDS, build_chart, save
from .common import AsOfOpt, DbOpt, open_store, parse_as_of, parse_month
from .render import console

__all__ = ["register"]


def chart_cmd(
    kind: Annotated[str, typer.Argument(help=f"One of: {', '.join(CHART_KINDS)}.")],
    out: Annotated[Path, typer.Option("-o", "--output", help="Output file, .svg or .png.")],
    period: Annotated[str, typer.Option("--period", help="Month for the shares chart, YYYY-MM.")] = "2025-11",
    product: Annotated[str, typer.Option("--product", "-p", help="Product.")] = "rare_earth_magnets",
    lane: Annotated[list[str] | None, typer.Option("--lane", help="Lane key(s) for history/event charts.")] = None,
    event: Annotated[str, typer.Option("--event", help="Event id for the event chart.")] = "E11",
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Export one chart (history, shares, event, products) as SVG or PNG, rendered offline.

    Example: tradelane chart history --lane rare_earth_magnets/CHN/WLD --lane rare_earth_magnets/CHN/USA -o h.svg
    """
    with open_store(db, read_only=True) as store:
        c = build_chart(store.tables, kind, product=product, month=parse_month(period), lanes=lane or None,
                        event_id=event, as_of=parse_as_of(as_of))
    save(c, out)
    console().print(f"Wrote {c.title} ({len(c.sources)} sourced points) to {out.resolve()}", highlight=False,
                    markup=False)


def register(app: typer.Typer) -> None:
    app.command("chart")(chart_cmd)
