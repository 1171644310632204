"""The LPR fixing method as a calculator: panel quotes in, the loan prime rate out.

The documented method (CFETS, PBOC Announcement No. 15 [2019]; see
``tradelane/data/LPR_METHOD.md``): each quoting bank submits a rate on a
0.05 percentage-point step; the National Interbank Funding Center drops the
single highest and the single lowest quote, takes the arithmetic mean of the
rest and rounds it to the nearest integral multiple of 0.05%.

**The tie rule.** No source says what happens when the mean lies exactly half
way between two steps (x.x25 or x.x75). That can happen: with 20 quotes on the
0.05 step, 18 are averaged and a sum of 18 steps can be an odd multiple of 9
half-steps. tradelane makes the rule a named setting (``TRADELANE_LPR_TIE_RULE``,
``--tie-rule``): ``half_up`` (default: the commercial 四舍五入 rounding of
Chinese official statistics), ``half_down`` or ``half_even``.

All arithmetic is exact: quotes are :class:`~decimal.Decimal` and the rounding
decision is taken on an exact integer remainder, never on a binary float.

>>> r = fix_lpr([Decimal(q) for q in ("3.00", "3.05", "3.10", "2.95", "3.00")])
>>> r.dropped_high, r.dropped_low, r.mean, r.lpr
(Decimal('3.10'), Decimal('2.95'), Decimal('3.016666666666666666666666667'), Decimal('3.00'))
>>> round_to_step(Decimal("3.025"), "half_up"), round_to_step(Decimal("3.025"), "half_down")
(Decimal('3.05'), Decimal('3.00'))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Literal, get_args

from ..errors import ConfigError, InputError

__all__ = ["MIN_QUOTES", "STEP", "TIE_RULES", "FixResult", "TieRule", "check_tie_rule", "fix_lpr",
           "is_on_step", "round_to_step"]

STEP = Decimal("0.05")
"""The quote step and the rounding grid, in percentage points."""

MIN_QUOTES = 3
"""Fewest quotes the method can use: one highest, one lowest and at least one to average."""

TieRule = Literal["half_up", "half_down", "half_even"]
TIE_RULES: tuple[str, ...] = get_args(TieRule)


def check_tie_rule(rule: str) -> TieRule:
    """Validate a tie-rule name (from the settings or ``--tie-rule``).

    Raises:
        ConfigError: the name is not one of :data:`TIE_RULES`.
    """
    if rule not in TIE_RULES:
        raise ConfigError(f"LPR tie rule {rule!r} is unknown; use one of {', '.join(TIE_RULES)} "
                          "(setting TRADELANE_LPR_TIE_RULE or --tie-rule)")
    return rule  # type: ignore[return-value]


def is_on_step(q: Decimal) -> bool:
    """True when ``q`` is an integral multiple of 0.05.

    >>> is_on_step(Decimal("3.45")), is_on_step(Decimal("3.43"))
    (True, False)
    """
    return (q % STEP) == 0


def _round_ratio(num: Decimal, den: int, rule: TieRule) -> tuple[Decimal, bool]:
    """Round ``num / den`` (non-negative) to the 0.05 grid, exactly. Returns (value, was_tie)."""
    with localcontext() as ctx:
        ctx.prec = 200  # integer arithmetic on quotes stays exact far beyond any real panel
        scaled = num / STEP  # exact: num has finitely many decimals
        k = scaled // den  # floor (non-negative operands)
        rem = scaled - k * den  # 0 <= rem < den, exact
        twice = 2 * rem
        tie = twice == den
        if twice > den or (tie and (rule == "half_up" or (rule == "half_even" and k % 2 == 1))):
            k += 1
        out = k * STEP
    return out.quantize(Decimal("0.01")), tie


def round_to_step(x: Decimal, rule: TieRule = "half_up") -> Decimal:
    """Round a non-negative rate to the nearest multiple of 0.05, ties by ``rule``.

    >>> round_to_step(Decimal("3.0233")), round_to_step(Decimal("3.0260"))
    (Decimal('3.00'), Decimal('3.05'))
    >>> round_to_step(Decimal("3.075"), "half_even"), round_to_step(Decimal("3.025"), "half_even")
    (Decimal('3.10'), Decimal('3.00'))

    Raises:
        InputError: ``x`` is negative.
    """
    if x < 0:
        raise InputError(f"rate {x} is negative")
    return _round_ratio(x, 1, rule)[0]


@dataclass(frozen=True)
class FixResult:
    """Each step of one fixing computation."""

    quotes: tuple[Decimal, ...]  # sorted ascending
    dropped_high: Decimal
    dropped_low: Decimal
    kept: tuple[Decimal, ...]
    mean: Decimal  # the arithmetic mean of the kept quotes (28 significant digits)
    lpr: Decimal  # on the 0.05 grid, two decimals
    tie_rule: TieRule
    tie: bool  # True when the mean lay exactly half way and the tie rule decided


def fix_lpr(quotes: Sequence[Decimal], tie_rule: TieRule = "half_up") -> FixResult:
    """Apply the documented method: sort, drop the single highest and lowest, mean, round to 0.05.

    When several banks share the highest (or lowest) quote, only one of them is
    dropped: the method trims a single quote at each end, whichever bank it is.

    Raises:
        InputError: fewer than three quotes, or a negative quote.
    """
    if len(quotes) < MIN_QUOTES:
        raise InputError(f"{len(quotes)} quote(s) given; the method needs at least {MIN_QUOTES} "
                         "(one highest and one lowest are dropped)")
    if any(q < 0 for q in quotes):
        raise InputError(f"negative quote {min(quotes)}")
    s = tuple(sorted(quotes))
    kept = s[1:-1]
    total = sum(kept, Decimal(0))
    lpr, tie = _round_ratio(total, len(kept), tie_rule)
    return FixResult(quotes=s, dropped_high=s[-1], dropped_low=s[0], kept=kept, mean=total / len(kept),
                     lpr=lpr, tie_rule=tie_rule, tie=tie)
