"""`tradelane ingest FILE`: add a file's figures to the store, atomically."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from ..sources import parse_file
from .common import DbOpt, open_store, parse_day
from .render import console, print_json

__all__ = ["register"]


def ingest_cmd(
    path: Annotated[Path, typer.Argument(help="File to ingest.")],
    fmt: Annotated[str, typer.Option(
        "--format", help="auto (detect and say what was detected), customs (China Customs export CSV/XLSX), comtrade "
                         "(UN Comtrade API JSON or bulk CSV/TXT), lpr (LPR table), events, or flows, flows_annual, "
                         "rates, polls (tradelane's CSV schemas).")] = "auto",
    vintage: Annotated[str | None, typer.Option(
        "--vintage", help="Release date of the figures (YYYY-MM-DD); default: the file's vintage column, else today."
    )] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    db: DbOpt = None,
) -> None:
    """Ingest a file: all rows or none; the same file twice changes nothing; a changed figure
    under a later release date becomes a new vintage."""
    v = parse_day(vintage, "--vintage") if vintage else None
    imp, batch = parse_file(path, fmt=fmt, vintage=v, today=date.today())
    with open_store(db) as store:
        res = store.ingest(batch, now=datetime.now())
    out = {"file": str(path), "format": imp.name, "detected": fmt == "auto",
           "observations_added": res.observations_added, "observations_unchanged": res.observations_unchanged,
           "revisions": res.revisions, "events_added": res.events_added, "polls_added": res.polls_added}
    if json_out:
        print_json(out)
        return
    con = console()
    if fmt == "auto":
        con.print(f"detected format: {imp.name} ({imp.description})", highlight=False)
    if not res.changed:
        con.print(f"{path}: nothing new ({res.observations_unchanged} figures already stored)", highlight=False)
    else:
        con.print(f"{path}: added {res.observations_added} figures ({res.revisions} revisions of stored "
                  f"figures), {res.events_added} events, {res.polls_added} polls; {res.observations_unchanged} "
                  "unchanged", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
