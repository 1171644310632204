"""`tradelane events` (the policy timeline) and `tradelane events study` (an event study of one lane)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..analytics.events import event_study, list_events
from .common import AsOfOpt, DbOpt, Fmt, FormatOpt, open_store, parse_as_of, parse_day
from .render import MISSING, console, fmt_num, fmt_pct, print_csv, print_json, simple_table

__all__ = ["register"]

events_app = typer.Typer(help="The policy-event timeline and event studies.", no_args_is_help=False)


@events_app.callback(invoke_without_command=True)
def events_cmd(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--since", help="Only events announced or effective on/after "
                                                              "this date (YYYY-MM-DD).")] = None,
    fmt: FormatOpt = Fmt.table,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """List the policy timeline (export controls, tariffs, truces, suspensions, licences).

    Example: tradelane events --since 2025-04-01
    """
    if ctx.invoked_subcommand is not None:
        return
    day = None if since is None else parse_day(since, "--since")
    with open_store(db, read_only=True) as store:
        rows = list_events(store.tables, since=day, as_of=parse_as_of(as_of))
    data = [r.as_dict() for r in rows]
    fields = list(data[0]) if data else ["event_id"]
    if fmt is Fmt.json:
        print_json(data)
    elif fmt is Fmt.csv:
        print_csv(data, fields)
    else:
        console().print(simple_table(
            "Policy events", ["id", "announced", "effective", "kind", "authority", "summary", "source"],
            [[r.event_id, r.announced, r.effective or MISSING, r.kind, r.authority, r.summary,
              f"{r.source_title} ({r.source_url or 'no address'}; vintage {r.vintage})"] for r in rows]))


@events_app.command("study")
def study_cmd(
    event_id: Annotated[str, typer.Argument(help="Event id, e.g. E11 (see `tradelane events`).")],
    lane: Annotated[str, typer.Option("--lane", help="Lane key, e.g. rare_earth_magnets/CHN/WLD.")]
    = "rare_earth_magnets/CHN/WLD",
    fmt: FormatOpt = Fmt.table,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Baseline before the event, trough, depth and recovery of one lane; a reason wherever a figure is missing.

    Example: tradelane events study E11 --lane rare_earth_magnets/CHN/WLD --format json
    """
    with open_store(db, read_only=True) as store:
        st = event_study(store.tables, event_id, lane, as_of=parse_as_of(as_of))
    if fmt in (Fmt.json, Fmt.csv):
        print_json(st.as_dict())
        return
    con = console()
    con.print(f"{st.event_id} (effective {st.effective or MISSING}): {st.event_authority}", highlight=False)
    con.print(st.event_summary, highlight=False)
    base = (f"{fmt_num(st.baseline)} t, mean of {', '.join(st.baseline_months_used)} "
            f"(window {st.baseline_window[0]}..{st.baseline_window[-1]})" if st.baseline is not None
            else MISSING)
    rec = (f"{st.recovery_period} ({st.months_to_recover} months after the trough)" if st.recovered
           else "not recovered" if st.recovered is False else MISSING)
    rows = [["lane", st.series_key], ["event month", st.event_month or MISSING], ["baseline", base],
            ["trough", f"{fmt_num(st.trough_value)} t in {st.trough_period}" if st.trough_value is not None
             else MISSING],
            ["depth", fmt_pct(st.depth_pct)], ["back at ≥90% of baseline", rec],
            ["months used after the event", ", ".join(st.post_months_used) or MISSING]]
    con.print(simple_table(f"Event study: {st.event_id} on {st.series_key}", ["measure", "value"], rows))
    for r in st.reasons:
        con.print(f"note: {r}", highlight=False)
    con.print("Sources:", highlight=False)
    for f in st.facts:
        con.print(f"  {f['role']}: {f['series_key']} {f['period']} = {fmt_num(f['value'])} t — {f['source_title']} "
                  f"({f['source_url'] or 'no address'}; vintage {f['vintage']})", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(events_app, name="events")
