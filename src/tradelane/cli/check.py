"""`tradelane check PATH|URL|-`: which of an article's numbers are right, wrong, or uncheckable."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ..claims import DataIndex, check, read_article, render_html
from .common import DbOpt, open_store, parse_day
from .render import MISSING, console, fmt_num, print_json, simple_table

__all__ = ["register"]


class CheckFmt(StrEnum):
    """Output formats of `check`."""

    table = "table"
    json = "json"
    html = "html"


def check_cmd(
    source: Annotated[str, typer.Argument(help="Article: a text or HTML file, an http(s) URL, or - for stdin.")],
    date: Annotated[str | None, typer.Option("--date", help="The article's date, YYYY-MM-DD (else derived).")] = None,
    fmt: Annotated[CheckFmt, typer.Option("--format", "-f", help="Output format.")] = CheckFmt.table,
    db: DbOpt = None,
) -> None:
    """Check an article's numbers against the data: supported, contradicted or unverifiable, with evidence.

    Example: tradelane check article.txt --date 2025-12-20 --format json
    """
    day = parse_day(date, "--date") if date else None
    raw = read_article(source, stdin=sys.stdin.buffer.read() if source == "-" else None)
    with open_store(db, read_only=True) as store:
        idx = DataIndex.from_tables(store.tables)
    result = check(raw.text, idx, date=day)
    if fmt is CheckFmt.json:
        print_json(result.as_dict())
        return
    if fmt is CheckFmt.html:
        sys.stdout.write(render_html(result))
        return
    d = result.as_dict()
    con = console()
    art = d["article"]
    con.print(f"[bold]{art['title'] or raw.source}[/bold]  date: {art['date'] or MISSING} ({art['date_source']})")
    rows = []
    for i, c in enumerate(d["claims"]):
        if c["series"] == "other":
            continue
        ev = c["evidence"][0] if c["evidence"] else {}
        src = f"{ev.get('source', '')[:40]} ({ev.get('vintage', '')})" if ev else (c.get("reason") or "")
        colour = {"supported": "green", "contradicted": "red"}.get(c["verdict"], "yellow")
        rows.append([str(i), c["text"], c["series"], c["partner"] or "", c["period"] or "", c["measure"],
                     f"[{colour}]{c['verdict']}[/{colour}]",
                     fmt_num(c["data_value"], 2) if c["data_value"] is not None else MISSING, src])
    con.print(simple_table("Claims", ["#", "claim", "series", "partner", "period", "measure", "verdict", "data",
                                      "evidence / reason"], rows, right=["data"]))
    s = d["summary"]
    con.print(f"{s['supported']} supported, {s['contradicted']} contradicted, {s['unverifiable']} unverifiable; "
              f"{len(art['dropped'])} pieces of boilerplate dropped")
    for inc in d["inconsistencies"]:
        con.print(f"[red]inconsistent[/red] {inc['claims']}: {inc['message']}")


def register(app: typer.Typer) -> None:
    """Add `check` to the app."""
    app.command("check")(check_cmd)
