"""`tradelane story`: the month's data-true sentences, with their sources."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..model import Period
from ..story import story
from .common import AsOfOpt, DbOpt, open_store, parse_as_of, parse_month
from .render import console, print_json

__all__ = ["register"]


class StoryFmt(StrEnum):
    text = "text"
    json = "json"


def story_cmd(
    period: Annotated[str, typer.Option("--period", help="Month, YYYY-MM.")] = "2025-11",
    product: Annotated[str | None, typer.Option(
        "--product", "-p", help="Only this product (rare_earth_magnets or rare_earths); default: both, plus rates.")]
    = None,
    fmt: Annotated[StoryFmt, typer.Option("--format", "-f", help="text or json.")] = StoryFmt.text,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """3–8 wire-style sentences about a month, headline first; each carries the stored facts it used.

    Example: tradelane story --period 2025-11 --format json
    """
    month: Period = parse_month(period)
    with open_store(db, read_only=True) as store:
        sentences = story(store.tables, month, product, as_of=parse_as_of(as_of))
    if fmt is StoryFmt.json:
        print_json({"period": month.label, "product": product, "as_of": as_of,
                    "sentences": [s.as_dict() for s in sentences]})
        return
    con = console()
    if not sentences:
        con.print(f"No sentence for {month.describe()}: the data for that month supports none "
                  "(missing months stay missing). Try `tradelane series` for coverage.", highlight=False)
        return
    sources: dict[tuple[str, str | None], int] = {}
    for s in sentences:
        marks = []
        for f in s.facts:
            k = (f.source_title, f.source_url)
            if k not in sources:
                sources[k] = len(sources) + 1
            if sources[k] not in marks:
                marks.append(sources[k])
        con.print(s.text + " " + "".join(f"[{m}]" for m in marks), highlight=False, markup=False)
    con.print("\nSources:", highlight=False)
    vintages: dict[tuple[str, str | None], set[str]] = {}
    for s in sentences:
        for f in s.facts:
            vintages.setdefault((f.source_title, f.source_url), set()).add(f.vintage)
    for (title, url), n in sources.items():
        con.print(f"[{n}] {title} — {url or 'web address not recorded'} (vintage "
                  f"{', '.join(sorted(vintages[(title, url)]))})", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    app.command("story")(story_cmd)
