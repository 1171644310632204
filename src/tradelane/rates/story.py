"""Data-true sentences about one month's LPR fixing, each carrying the facts it used.

Shared with the story/report machinery (``from tradelane.rates.story import
rate_sentences``) and written to be verified by the claim checker: tenor names
spelled out, levels with a % sign, month and year, the streak as "a seventh
straight month". A clause appears only when the data support it: no streak
clause without the previous months, no poll clause without a poll for that
fixing known at ``as_of``, no reverse-repo sentence before its first stored step, and no streak
clause when the two tenors' own streaks differ (after a move of one tenor only).

>>> from tradelane.store import Store
>>> ss = rate_sentences(Store.open().tables, Period.month(2025, 12), as_of=date(2025, 12, 31))
>>> print(ss[0].text)
China kept the one-year LPR at 3.0% and the five-year at 3.5% in December 2025, unchanged for a seventh straight \
month, as all 25 respondents in a poll had expected.
>>> print(ss[1].text)
The seven-day reverse repo rate, the main policy rate, has stood at 1.4% since May 2025.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Fact, Period, Sentence, ordinal
from ..store.views import TableSet
from .history import (
    LPR_1Y,
    LPR_5Y,
    POLICY_RATE_SWITCH,
    REVERSE_REPO_7D,
    LprFixing,
    RatePoint,
    bp,
    level_on,
    lpr_fixings,
    policy_steps,
)
from .polls import PollOutcome, poll_outcomes
from .summary import unchanged_streak

__all__ = ["POLL_SERIES", "fmt_rate", "rate_sentences"]

POLL_SERIES = "poll/lpr"
"""The series key facts use for LPR poll figures (polls live in their own table, not in observations)."""

_TENOR_WORDS = {LPR_1Y: "one-year", LPR_5Y: "five-year"}


def fmt_rate(v: float) -> str:
    """A rate as a reporter writes it: at least one decimal, no trailing zeros beyond it.

    >>> fmt_rate(3.0), fmt_rate(3.45), fmt_rate(4.2)
    ('3.0%', '3.45%', '4.2%')
    """
    s = f"{v:.2f}".rstrip("0")
    return (s + "0" if s.endswith(".") else s) + "%"


def _fact(p: RatePoint, measure: str = "level", value: float | None = None) -> Fact:
    return Fact(series_key=p.series_key, period=p.period, value=p.value if value is None else value,
                vintage=p.vintage.isoformat(), source_url=p.source_url, source_title=p.source_title, measure=measure)


def _tenor_clause(cur: RatePoint, prev: RatePoint | None, first: bool) -> tuple[str, str, list[Fact]]:
    """(verb, rest, facts) for one tenor: 'cut', 'the one-year LPR by 10 basis points to 3.0%'."""
    assert cur.value is not None
    name = _TENOR_WORDS[cur.series_key] + (" LPR" if first else "")
    facts = [_fact(cur)]
    if prev is None or prev.value is None:
        return "set", f"the {name} at {fmt_rate(cur.value)}", facts
    change = bp(cur.value, prev.value)
    assert change is not None
    if change == 0:
        return "kept", f"the {name} at {fmt_rate(cur.value)}", facts
    facts += [_fact(prev), _fact(cur, "change_bp", float(change))]
    verb = "cut" if change < 0 else "raised"
    unit = "basis point" if abs(change) == 1 else "basis points"
    return verb, f"the {name} by {abs(change)} {unit} to {fmt_rate(cur.value)}", facts


def _poll_clause(poll: PollOutcome | None, fixing: LprFixing) -> tuple[str, list[Fact]]:
    if poll is None or poll.hit is None or poll.consensus_direction is None:
        return "", []
    camp = poll.expect_unchanged if poll.consensus_direction == "unchanged" else poll.expect_cut
    period = fixing.period

    def fact(value: int, measure: str) -> Fact:
        return Fact(series_key=POLL_SERIES, period=period, value=float(value), vintage=poll.vintage.isoformat(),
                    source_url=poll.source_url, source_title=poll.source_title, measure=measure)

    facts: list[Fact] = []
    if poll.respondents is not None:
        facts.append(fact(poll.respondents, "poll_respondents"))
    if camp is not None:
        facts.append(fact(camp, f"poll_expect_{poll.consensus_direction}"))
    if camp is None or not poll.respondents:
        return "", []  # without the counts the clause would say more than the poll did
    what = "" if poll.consensus_direction == "unchanged" else " a cut"
    if poll.hit:
        who = f"all {poll.respondents}" if poll.unanimous else f"{camp} of the {poll.respondents}"
        return f", as {who} respondents in a poll had expected{what}", facts
    what = " no change" if poll.consensus_direction == "unchanged" else " a cut"
    return f", although {camp} of the {poll.respondents} respondents in a poll had expected{what}", facts


def _lpr_sentence(fixings: list[LprFixing], i: int, poll: PollOutcome | None) -> Sentence:
    cur = fixings[i]
    prev = next((f for f in fixings[:i] if f.period == cur.month.shift_months(-1).label), None)
    v1, r1, f1 = _tenor_clause(cur.lpr_1y, prev.lpr_1y if prev else None, True)
    v5, r5, f5 = _tenor_clause(cur.lpr_5y, prev.lpr_5y if prev else None, False)
    when = cur.month.describe()
    facts = f1 + f5
    if v1 == v5:
        text = f"China {v1} {r1} and {r5} in {when}"
    else:
        text = f"China {v1} {r1} and {v5} {r5} in {when}"
    if v1 == v5 == "kept":
        streak = unchanged_streak(fixings, i)
        # the pair's streak is only said when it is each tenor's streak too (the last move changed both);
        # otherwise "unchanged for a second straight month" would misstate the tenor held for longer
        same = all(unchanged_streak(fixings, i, (t,)).count == streak.count for t in ("1y", "5y"))
        if streak.count >= 2 and same:
            lead = "for a" if streak.complete else "for at least a"
            text += f", unchanged {lead} {ordinal(streak.count)} straight month"
            facts += [_fact(cur.lpr_1y, "streak", float(streak.count)), _fact(cur.lpr_5y, "streak",
                                                                               float(streak.count))]
    if prev is not None:
        clause, pf = _poll_clause(poll, cur)
        text += clause
        facts += pf
    return Sentence(text=text + ".", facts=tuple(facts), topic="rates")


def _reverse_repo_sentence(steps: list[RatePoint], fixing: LprFixing, as_of: date | None) -> Sentence | None:
    """The 7-day reverse repo in the fixing's month, worded at month level (as a reader checks it).

    If the rate changed during the month (known at ``as_of``), say so with the level it changed to; otherwise
    give the level in force and the month it was set.
    """
    month = fixing.month
    end = month.end if as_of is None else min(month.end, as_of)
    step = level_on(steps, end)
    if step is None or step.value is None:
        return None
    name = "The seven-day reverse repo rate"
    if fixing.fixing_date >= POLICY_RATE_SWITCH:
        name += ", the main policy rate,"
    facts = [_fact(step)]
    if step.day >= month.start:
        before = level_on(steps, month.start - timedelta(days=1))
        change = bp(step.value, before.value) if before is not None else (
            round(step.reported_change_bp) if step.reported_change_bp is not None else None)
        if change:
            if before is not None:
                facts.append(_fact(before))
            facts.append(_fact(step, "change_bp", float(change)))
            verb = "cut" if change < 0 else "raised"
            return Sentence(f"{name} was {verb} by {abs(change)} basis points to {fmt_rate(step.value)} in "
                            f"{month.describe()}.", tuple(facts), topic="rates")
        return None
    tense = "has" if step is steps[-1] else "had"
    since = Period.month(step.day.year, step.day.month).describe()
    return Sentence(f"{name} {tense} stood at {fmt_rate(step.value)} since {since}.", tuple(facts), topic="rates")


def rate_sentences(ts: TableSet, month: Period, as_of: date | None = None) -> list[Sentence]:
    """Sentences about the LPR fixing of ``month`` as known at ``as_of`` (empty when there is none).

    The first sentence gives both tenors, the move or the unchanged streak and,
    when a poll for that fixing is known, how it compared. The second gives the
    seven-day reverse repo rate in force on the fixing day, when the data have it.
    """
    fixings = lpr_fixings(ts, as_of=as_of)
    idx = next((i for i, f in enumerate(fixings) if f.period == month.label), None)
    if idx is None:
        return []
    fixing = fixings[idx]
    poll = next((p for p in poll_outcomes(ts, as_of=as_of) if p.fixing_date == fixing.fixing_date), None)
    out = [_lpr_sentence(fixings, idx, poll)]
    rr = _reverse_repo_sentence(policy_steps(ts, REVERSE_REPO_7D, as_of=as_of), fixing, as_of)
    if rr is not None:
        out.append(rr)
    return out
