"""`tradelane rates`: the benchmark rates, their history, the fixing calculator, polls and a chart."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError
from ..model import Period
from ..rates import (
    HISTORY_FIELDS,
    POLL_FIELDS,
    chart_rows,
    check_tie_rule,
    fix_panel,
    fmt_rate,
    parse_quotes,
    poll_outcomes,
    rates_history,
    rates_summary,
)
from .common import AsOfOpt, DbOpt, Fmt, FormatOpt, open_store, parse_as_of, settings
from .render import MISSING, console, print_csv, print_json, simple_table

__all__ = ["register", "rates_app"]

rates_app = typer.Typer(help="China's benchmark rates: LPR 1Y/5Y, 7-day reverse repo, the fixing method, polls.",
                        no_args_is_help=False)


def _pct(v: float | None) -> str:
    return MISSING if v is None else fmt_rate(v)


def _bp(v: int | None) -> str:
    return MISSING if v is None else "0 bp" if v == 0 else f"{v:+d} bp"


@rates_app.callback(invoke_without_command=True)
def rates_cmd(ctx: typer.Context, fmt: FormatOpt = Fmt.table, as_of: AsOfOpt = None, db: DbOpt = None) -> None:
    """Latest LPR 1Y/5Y and 7-day reverse repo, spreads, the unchanged streak, the last change.

    Example: tradelane rates --as-of 2025-12-31 --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    when = parse_as_of(as_of)
    with open_store(db, read_only=True) as store:
        s = rates_summary(store.tables, as_of=when)
    d = s.as_dict()
    if fmt is Fmt.json:
        print_json(d)
        return
    if fmt is Fmt.csv:
        fields = [k for k in d if k != "sources"]
        print_csv([d], fields)
        return
    src = s.sources
    rr = src.get("reverse_repo_7d", {})

    def prov(key: str) -> str:
        p = src.get(key)
        return f"{p['source_title']} (vintage {p['vintage']})" if p else MISSING

    body = [
        ["1-year LPR", _pct(s.lpr_1y), f"fixed {s.fixing_date}", prov("lpr_1y")],
        ["5-year LPR", _pct(s.lpr_5y), f"fixed {s.fixing_date}", prov("lpr_5y")],
        ["7-day reverse repo", _pct(s.reverse_repo_7d),
         f"since {s.reverse_repo_7d_since}" if s.reverse_repo_7d_since else "no step stored", prov("reverse_repo_7d")],
        ["spread 1Y − 7D", _bp(s.spread_1y_7d_bp), "", ""],
        ["spread 5Y − 1Y", _bp(s.spread_5y_1y_bp), "", ""],
        ["unchanged streak", f"{s.unchanged_streak} ({s.unchanged_streak_ordinal} straight month)"
         + ("" if s.streak_complete else " or more"), f"through {s.fixing_period}", ""],
        ["last change", _bp(s.last_change_bp), str(s.last_change_date or MISSING)
         + (f" (1Y {_bp(s.last_change_1y_bp)}, 5Y {_bp(s.last_change_5y_bp)})" if s.last_change_date else ""),
         prov("last_change")],
        ["12-month change", f"1Y {_bp(s.change_12m_bp_1y)}, 5Y {_bp(s.change_12m_bp_5y)}",
         f"vs {s.change_12m_from}" if s.change_12m_from else "no fixing 12 months before", ""],
    ]
    title = "China's benchmark rates" + (f" as known on {as_of}" if as_of else "")
    cap = ("Streak: consecutive fixings with neither tenor changed, counting the latest. "
           "The 7-day reverse repo holds until its next change.")
    if s.streak_note:
        cap += f" Note: {s.streak_note}."
    if rr.get("source_url"):
        cap += f" Reverse repo source: {rr['source_url']}"
    console().print(simple_table(title, ["measure", "value", "when", "source"], body, caption=cap, right=["value"]))


def _day_or_month(text: str | None, option: str, *, end: bool) -> date | None:
    if text is None:
        return None
    try:
        p = Period.parse(text)
    except InputError:
        raise InputError(f"{option} {text!r} is not a date; expected YYYY-MM-DD or YYYY-MM") from None
    return p.end if end else p.start


@rates_app.command("history")
def history_cmd(
    start: Annotated[str | None, typer.Option("--from", help="First fixing date or month (YYYY-MM-DD or YYYY-MM).")]
    = None,
    end: Annotated[str | None, typer.Option("--to", help="Last fixing date or month (YYYY-MM-DD or YYYY-MM).")] = None,
    fmt: FormatOpt = Fmt.table,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Every LPR fixing with the 7-day reverse repo and MLF in force that day, and the spreads.

    Example: tradelane rates history --from 2024-01 --to 2025-12 --format csv
    """
    lo, hi = _day_or_month(start, "--from", end=False), _day_or_month(end, "--to", end=True)
    with open_store(db, read_only=True) as store:
        rows = rates_history(store.tables, as_of=parse_as_of(as_of), start=lo, end=hi)
    data = [r.as_dict() for r in rows]
    if fmt is Fmt.json:
        print_json(data)
        return
    if fmt is Fmt.csv:
        print_csv(data, HISTORY_FIELDS)
        return
    body = [[r.period, str(r.fixing_date), _pct(r.lpr_1y), _pct(r.lpr_5y), _bp(r.change_1y_bp), _bp(r.change_5y_bp),
             _pct(r.reverse_repo_7d), _pct(r.mlf_1y), _bp(r.spread_1y_7d_bp), r.anchor.replace("_", " "),
             str(r.vintage), r.source_title[:50] + ("…" if len(r.source_title) > 50 else "")] for r in rows]
    console().print(simple_table(
        "LPR fixings and policy rates", ["month", "fixed", "1Y", "5Y", "Δ1Y", "Δ5Y", "7D RR", "MLF 1Y", "1Y−7D",
                                         "anchor", "vintage", "source"], body,
        caption="Policy rates are step series: the level in force on the fixing day (— before the first stored step; "
                "the MLF is not carried past 2024, when it lost its single policy rate). Δ vs the previous month's "
                "fixing. Sources in full: --format json.",
        right=["1Y", "5Y", "Δ1Y", "Δ5Y", "7D RR", "MLF 1Y", "1Y−7D"]))


@rates_app.command("fix")
def fix_cmd(
    quotes: Annotated[Path, typer.Argument(help="CSV with columns bank, tenor, quote_pct.")],
    tenor: Annotated[str | None, typer.Option("--tenor", help="1y or 5y (needed when the file mixes tenors).")]
    = None,
    tie_rule: Annotated[str | None, typer.Option("--tie-rule", help="half_up, half_down or half_even "
                                                 "(default: $TRADELANE_LPR_TIE_RULE or half_up).")] = None,
    fmt: FormatOpt = Fmt.table,
) -> None:
    """Compute an LPR from panel quotes the documented way, showing each step.

    Sort, drop the single highest and lowest quote, take the arithmetic mean, round to the nearest 0.05.

    Example: tradelane rates fix quotes.csv --tenor 1y --format json
    """
    rule = check_tie_rule(tie_rule or settings().lpr_tie_rule)
    result = fix_panel(parse_quotes(quotes, tenor=tenor), rule)
    d = result.as_dict()
    if fmt is Fmt.json:
        print_json(d)
        return
    if fmt is Fmt.csv:
        print_csv([{**q, "step": "dropped high" if q["line"] == result.dropped_high.line else "dropped low"
                    if q["line"] == result.dropped_low.line else "kept"} for q in d["quotes"]],
                  ["bank", "quote_pct", "line", "step"])
        for w in result.warnings:
            sys.stderr.write(f"warning: {w}\n")
        return
    con = console()
    body = []
    for q in result.quotes:
        step = ("dropped (highest)" if q is result.dropped_high else "dropped (lowest)" if q is result.dropped_low
                else "kept")
        body.append([q.bank, f"{q.quote_pct}", step, str(q.line)])
    con.print(simple_table(f"{result.tenor} LPR from {len(result.quotes)} quotes in {result.file}",
                           ["bank", "quote %", "step", "line"], body, right=["quote %"]))
    con.print(f"mean of {len(result.kept)} kept quotes: {result.mean:.6f}%", highlight=False)
    con.print(f"rounded to the nearest 0.05 (tie rule {result.tie_rule}"
              + (", applied: the mean lay exactly half way" if result.tie else "") + f"): LPR = {result.lpr}%",
              highlight=False)
    for w in result.warnings:
        con.print(f"warning: {w}", highlight=False)


@rates_app.command("polls")
def polls_cmd(fmt: FormatOpt = Fmt.table, as_of: AsOfOpt = None, db: DbOpt = None) -> None:
    """Each LPR poll against the outcome: respondents, consensus, unanimity, hit or miss, surprise.

    Example: tradelane rates polls --format json
    """
    with open_store(db, read_only=True) as store:
        rows = poll_outcomes(store.tables, as_of=parse_as_of(as_of))
    data: list[dict[str, Any]] = [r.as_dict() for r in rows]
    if fmt is Fmt.json:
        print_json(data)
        return
    if fmt is Fmt.csv:
        print_csv(data, POLL_FIELDS)
        return

    def yn(v: bool | None, yes: str, no: str) -> str:
        return MISSING if v is None else yes if v else no

    body = []
    for r in rows:
        camp = r.expect_unchanged if r.consensus_direction == "unchanged" else r.expect_cut
        who = (f"{camp} of {r.respondents}" if camp is not None and r.respondents else
               f"{r.respondents} polled" if r.respondents else MISSING)
        cons = (f"{_pct(r.consensus_1y)} / {_pct(r.consensus_5y)}" if r.consensus_1y or r.consensus_5y
                else r.consensus_direction or MISSING)
        body.append([str(r.fixing_date), str(r.poll_date or MISSING), who, cons, r.consensus_basis or MISSING,
                     yn(r.unanimous, "yes", "no"), f"{_pct(r.outcome_1y)} / {_pct(r.outcome_5y)}",
                     yn(r.hit, "hit", "miss"), _bp(r.surprise_bp), str(r.vintage),
                     r.source_title[:45] + ("…" if len(r.source_title) > 45 else "")])
    console().print(simple_table(
        "LPR polls against the fixing", ["fixing", "poll", "majority", "consensus 1Y / 5Y", "basis", "unanimous",
                                         "outcome 1Y / 5Y", "result", "surprise 1Y", "vintage", "source"], body,
        caption="Consensus: the poll's expected levels when it gives them; else the majority's direction "
                "(unchanged = the previous fixing's levels). — where the source gives no count.",
        right=["surprise 1Y"]))


@rates_app.command("chart")
def chart_cmd(
    output: Annotated[Path, typer.Option("--output", "-o", help="Image file to write: .svg or .png.")],
    start: Annotated[str | None, typer.Option("--from", help="First fixing date or month.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last fixing date or month.")] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Draw the LPRs and the policy rates in force on each fixing day (offline, SVG or PNG).

    Example: tradelane rates chart -o rates.svg --from 2023-01
    """
    suffix = output.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise InputError(f"--output {str(output)!r} must end in .svg or .png")
    lo, hi = _day_or_month(start, "--from", end=False), _day_or_month(end, "--to", end=True)
    with open_store(db, read_only=True) as store:
        rows = rates_history(store.tables, as_of=parse_as_of(as_of), start=lo, end=hi)
    if not rows:
        raise InputError("no LPR fixings in that range; nothing to draw")
    import altair as alt
    import vl_convert as vlc

    data = chart_rows(rows)
    sources = sorted({r.source_title for r in rows})
    chart = alt.Chart(alt.Data(values=data)).mark_line(interpolate="step-after").encode(
        x=alt.X("date:T", title="fixing date", axis=alt.Axis(format="%Y", tickCount="year")),
        y=alt.Y("rate_pct:Q", title="%", scale=alt.Scale(zero=False)),
        color=alt.Color("series:N", title=None),
    ).properties(width=640, height=320, title=alt.TitleParams(
        "China's benchmark rates", subtitle=[f"{rows[0].period} to {rows[-1].period}; "
                                             f"{len(sources)} LPR sources, policy_rates.csv for the policy rates"]))
    spec = chart.to_dict()
    output.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".svg":
        output.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
    else:
        output.write_bytes(vlc.vegalite_to_png(spec, scale=2))
    console().print(f"wrote {output} ({len(rows)} fixings)", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(rates_app, name="rates")
