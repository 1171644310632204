"""`tradelane report`: the monthly report as one offline HTML file (or Markdown)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ..report import build_report, latest_month, to_html, to_markdown
from .common import AsOfOpt, DbOpt, open_store, parse_as_of, parse_month
from .render import console

__all__ = ["register"]


class ReportFmt(StrEnum):
    html = "html"
    md = "md"


def report_cmd(
    period: Annotated[str | None, typer.Option("--period", help="Month, YYYY-MM.")] = None,
    latest: Annotated[bool, typer.Option("--latest", help="The latest month with a world total.")] = False,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Output file (default report.html / .md).")]
    = None,
    fmt: Annotated[ReportFmt | None, typer.Option("--format", "-f", help="html or md (default: from -o).")] = None,
    product: Annotated[str, typer.Option("--product", "-p", help="Product of the charts.")] = "rare_earth_magnets",
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Write the month's report: story, lanes, charts, event studies, rates and a sources appendix.

    Example: tradelane report --period 2025-11 -o report.html
    """
    if (period is None) == (not latest):
        raise InputError("give either --period YYYY-MM or --latest")
    kind = fmt or (ReportFmt.md if out is not None and out.suffix.lower() == ".md" else ReportFmt.html)
    path = out or Path("report.md" if kind is ReportFmt.md else "report.html")
    when = parse_as_of(as_of)
    with open_store(db, read_only=True) as store:
        month = latest_month(store.tables, product, as_of=when) if latest else parse_month(period or "")
        rep = build_report(store.tables, month, product=product, as_of=when)
    text = to_markdown(rep) if kind is ReportFmt.md else to_html(rep)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot write {path}: {e.strerror}") from None
    console().print(f"Wrote the {month.describe()} report ({len(rep.sentences)} sentences, {len(rep.charts)} charts, "
                    f"{len(rep.sources)} sourced figures) to {path.resolve()}", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    app.command("report")(report_cmd)
