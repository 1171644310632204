"""Benchmark rates: LPR history, the fixing method, streaks, spreads, polls and the rates story.

The public surface of the package (everything else is internal):

>>> from tradelane.store import Store
>>> from datetime import date
>>> rates_summary(Store.open().tables, as_of=date(2025, 12, 31)).unchanged_streak
7
"""

from __future__ import annotations

from .history import (
    HISTORY_FIELDS,
    LPR_1Y,
    LPR_5Y,
    MLF_1Y,
    REVERSE_REPO_7D,
    HistoryRow,
    LprFixing,
    RatePoint,
    chart_rows,
    level_on,
    lpr_fixings,
    policy_steps,
    rates_history,
)
from .method import STEP, TIE_RULES, FixResult, TieRule, check_tie_rule, fix_lpr, is_on_step, round_to_step
from .polls import POLL_FIELDS, PollOutcome, poll_outcomes
from .quotes import PanelFix, Quote, QuoteSet, fix_panel, parse_quotes, parse_quotes_text
from .story import POLL_SERIES, fmt_rate, rate_sentences
from .summary import RatesSummary, Streak, rates_summary, unchanged_streak

__all__ = [
    "HISTORY_FIELDS",
    "LPR_1Y",
    "LPR_5Y",
    "MLF_1Y",
    "POLL_FIELDS",
    "POLL_SERIES",
    "REVERSE_REPO_7D",
    "STEP",
    "TIE_RULES",
    "FixResult",
    "HistoryRow",
    "LprFixing",
    "PanelFix",
    "PollOutcome",
    "Quote",
    "QuoteSet",
    "RatePoint",
    "RatesSummary",
    "Streak",
    "TieRule",
    "chart_rows",
    "check_tie_rule",
    "fix_lpr",
    "fix_panel",
    "fmt_rate",
    "is_on_step",
    "level_on",
    "lpr_fixings",
    "parse_quotes",
    "parse_quotes_text",
    "policy_steps",
    "poll_outcomes",
    "rate_sentences",
    "rates_history",
    "rates_summary",
    "round_to_step",
    "unchanged_streak",
]
