"""`tradelane alerts`: evaluate a rules file on the latest release; print, or POST to a webhook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..alerts import ALERT_FIELDS, deliver, evaluate, load_rules
from ..sources.fetch import Fetcher
from .common import AsOfOpt, DbOpt, Fmt, FormatOpt, open_store, parse_as_of, parse_month
from .render import console, print_csv, print_json, simple_table

__all__ = ["register"]


def alerts_cmd(
    rules: Annotated[Path, typer.Option("--rules", help="Rules file (TOML, [[rule]] tables).")],
    period: Annotated[str | None, typer.Option("--period", help="Month to evaluate, YYYY-MM "
                                                                "(default: each product's latest month).")] = None,
    fmt: FormatOpt = Fmt.table,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST the alerts as JSON to this URL.")] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Alerts the rules raise: lanes falling, N-month lows, structural breaks, share shifts, new policy events.

    Example: tradelane alerts --rules alerts.toml --period 2025-11 --format json
    """
    rule_list = load_rules(rules)
    month = parse_month(period) if period else None
    with open_store(db, read_only=True) as store:
        found = evaluate(store.tables, rule_list, period=month, as_of=parse_as_of(as_of))
    data = [a.as_dict() for a in found]
    status = None
    if webhook:
        with Fetcher(retries=1) as f:
            status = deliver(found, webhook, fetcher=f)
    if fmt is Fmt.json:
        print_json(data)
    elif fmt is Fmt.csv:
        print_csv(data, ALERT_FIELDS)
    else:
        con = console()
        if not found:
            con.print(f"No alerts: none of the {len(rule_list)} rules fired.")
        else:
            con.print(simple_table(
                f"{len(found)} alert(s) from {rules}", ["rule", "kind", "partner", "period", "value", "message"],
                [[a.rule, a.kind, a.partner or "—", a.period, "—" if a.value is None else f"{a.value:g}",
                  a.message] for a in found], right=["value"]))
    if status is not None:
        typer.echo(f"webhook: delivered {len(found)} alert(s) to {webhook} (HTTP {status})", err=True)


def register(app: typer.Typer) -> None:
    app.command("alerts")(alerts_cmd)
