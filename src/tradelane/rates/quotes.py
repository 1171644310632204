"""Panel quote files for the fixing calculator: ``bank,tenor,quote_pct`` CSV.

Every problem is a one-line :class:`~tradelane.errors.DataFileError` naming the
file and the row: an empty file, a missing column, an empty bank, an unknown
tenor, a non-numeric or negative quote, a bank quoting twice for one tenor,
mixed tenors without ``--tenor``, fewer than three quotes. A quote off the
0.05 step is allowed (the calculator still runs) but reported as a warning.

>>> qs = parse_quotes_text("bank,tenor,quote_pct\\nA,1y,3.00\\nB,1y,3.05\\nC,1y,3.03\\n", "q.csv")
>>> qs.tenor, [str(q.quote_pct) for q in qs.quotes], qs.warnings
('1y', ['3.00', '3.05', '3.03'], ('q.csv line 4: quote_pct 3.03 is off the 0.05 step',))
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..sources.base import read_csv_rows
from .method import MIN_QUOTES, TieRule, fix_lpr, is_on_step

__all__ = ["COLUMNS", "TENORS", "PanelFix", "Quote", "QuoteSet", "fix_panel", "normalise_tenor", "parse_quotes",
           "parse_quotes_text"]

COLUMNS = ("bank", "tenor", "quote_pct")
TENORS = ("1y", "5y")
_TENOR_ALIASES = {"1y": "1y", "1-year": "1y", "1yr": "1y", "one-year": "1y",
                  "5y": "5y", "5-year": "5y", "5yr": "5y", "5y+": "5y", "over-5y": "5y", "five-year": "5y"}
_MAX_RATE = Decimal(30)


def normalise_tenor(text: str) -> str | None:
    """``'1Y'`` → ``'1y'``; None for an unknown tenor.

    >>> normalise_tenor(" 5Y "), normalise_tenor("10y")
    ('5y', None)
    """
    return _TENOR_ALIASES.get(text.strip().lower())


@dataclass(frozen=True)
class Quote:
    """One bank's quote, with the file line it came from."""

    bank: str
    tenor: str
    quote_pct: Decimal
    line: int


@dataclass(frozen=True)
class QuoteSet:
    """The quotes of one tenor from one file, ready for :func:`~tradelane.rates.method.fix_lpr`."""

    file: str
    tenor: str
    quotes: tuple[Quote, ...]
    warnings: tuple[str, ...]


def _rows(file: str, text: str | None, path: Path | None) -> Iterator[tuple[int, dict[str, str]]]:
    if text is not None and not text.strip():
        raise DataFileError(file, None, "empty file; expected a header bank,tenor,quote_pct and at least "
                                        f"{MIN_QUOTES} quote rows")
    try:
        yield from read_csv_rows(path if path is not None else Path(file), text)
    except DataFileError as e:
        if e.reason == "empty file":
            raise DataFileError(file, None, "empty file; expected a header bank,tenor,quote_pct and at least "
                                            f"{MIN_QUOTES} quote rows") from None
        raise


def _parse(file: str, rows: Iterator[tuple[int, dict[str, str]]], tenor: str | None) -> QuoteSet:
    want: str | None = None
    if tenor is not None:
        want = normalise_tenor(tenor)
        if want is None:
            raise DataFileError(file, None, f"--tenor {tenor!r} is unknown; use 1y or 5y")
    header_checked = False
    parsed: list[Quote] = []
    for line, row in rows:
        if not header_checked:
            missing = [c for c in COLUMNS if c not in row]
            if missing:
                raise DataFileError(file, 1, f"header lacks column(s) {', '.join(missing)}; expected "
                                             f"{','.join(COLUMNS)}")
            header_checked = True
        bank = row["bank"].strip()
        if not bank:
            raise DataFileError(file, line, "bank is empty")
        raw_tenor = row["tenor"].strip()
        t = normalise_tenor(raw_tenor)
        if t is None:
            raise DataFileError(file, line, f"tenor {raw_tenor!r} is unknown; expected 1y or 5y")
        raw = row["quote_pct"].strip()
        if not raw:
            raise DataFileError(file, line, f"quote_pct is empty for bank {bank!r}")
        try:
            q = Decimal(raw)
        except InvalidOperation:
            raise DataFileError(file, line, f"quote_pct {raw!r} is not a number (expected a percentage "
                                            "such as 3.05)") from None
        if not q.is_finite():
            raise DataFileError(file, line, f"quote_pct {raw!r} is not a finite number")
        if q < 0:
            raise DataFileError(file, line, f"quote_pct {raw} is negative")
        if q > _MAX_RATE:
            raise DataFileError(file, line, f"quote_pct {raw} is not a percentage rate (expected e.g. 3.05)")
        parsed.append(Quote(bank=bank, tenor=t, quote_pct=q, line=line))
    if not parsed:
        raise DataFileError(file, None, f"no quote rows below the header; expected at least {MIN_QUOTES}")
    if want is None:
        first = parsed[0]
        other = next((q for q in parsed if q.tenor != first.tenor), None)
        if other is not None:
            raise DataFileError(file, other.line, f"tenor {other.tenor} mixed with {first.tenor} (line "
                                                  f"{first.line}); choose one with --tenor 1y or --tenor 5y")
        want = first.tenor
    chosen = [q for q in parsed if q.tenor == want]
    seen: dict[str, int] = {}
    for c in chosen:
        key = c.bank.casefold()
        if key in seen:
            raise DataFileError(file, c.line, f"bank {c.bank!r} quotes {want} twice (also line {seen[key]})")
        seen[key] = c.line
    if len(chosen) < MIN_QUOTES:
        where = ", ".join(str(c.line) for c in chosen) or "none"
        raise DataFileError(file, None, f"only {len(chosen)} {want} quote(s) (lines {where}); the method "
                                        f"needs at least {MIN_QUOTES}: it drops the highest and the lowest")
    warnings = tuple(f"{file} line {c.line}: quote_pct {c.quote_pct} is off the 0.05 step"
                     for c in chosen if not is_on_step(c.quote_pct))
    return QuoteSet(file=file, tenor=want, quotes=tuple(chosen), warnings=warnings)


def parse_quotes(path: Path, *, tenor: str | None = None, display_name: str | None = None) -> QuoteSet:
    """Read a quote file and select one tenor.

    Args:
        path: CSV with columns ``bank, tenor, quote_pct`` (extra columns are ignored).
        tenor: ``1y`` or ``5y``; required when the file mixes tenors.
        display_name: how errors name the file (default: the path).

    Raises:
        DataFileError: naming the file and row of the first problem.
    """
    name = display_name or str(path)
    return _parse(name, _rows(name, None, path), tenor)


def parse_quotes_text(text: str, file: str = "<quotes>", *, tenor: str | None = None) -> QuoteSet:
    """Like :func:`parse_quotes` on CSV text already in memory."""
    return _parse(file, _rows(file, text, None), tenor)


@dataclass(frozen=True)
class PanelFix:
    """The fixing computed from one file's quotes, bank by bank."""

    file: str
    tenor: str
    quotes: tuple[Quote, ...]  # sorted by quote, then bank
    dropped_high: Quote
    dropped_low: Quote
    kept: tuple[Quote, ...]
    mean: Decimal
    lpr: Decimal
    tie_rule: TieRule
    tie: bool
    warnings: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``tradelane rates fix`` (rates as numbers, the mean to 6 decimals)."""
        def q(x: Quote) -> dict[str, Any]:
            return {"bank": x.bank, "quote_pct": float(x.quote_pct), "line": x.line}

        return {"tenor": self.tenor, "file": self.file, "quotes": [q(x) for x in self.quotes],
                "dropped_high": q(self.dropped_high), "dropped_low": q(self.dropped_low), "kept": len(self.kept),
                "mean": float(round(self.mean, 6)), "lpr": float(self.lpr), "tie_rule": self.tie_rule,
                "tie": self.tie, "warnings": list(self.warnings)}


def fix_panel(qs: QuoteSet, tie_rule: TieRule = "half_up") -> PanelFix:
    """Run the documented method on a quote set and keep which bank each step concerned.

    When banks share the highest (lowest) quote, the one last (first) in bank-name
    order is shown as dropped; which one it is never changes the result.

    >>> qs = parse_quotes_text("bank,tenor,quote_pct\\nA,5y,3.50\\nB,5y,3.60\\nC,5y,3.45\\nD,5y,3.50\\n", "q.csv")
    >>> f = fix_panel(qs)
    >>> f.dropped_high.bank, f.dropped_low.bank, str(f.mean), str(f.lpr)
    ('B', 'C', '3.50', '3.50')
    """
    ordered = tuple(sorted(qs.quotes, key=lambda x: (x.quote_pct, x.bank.casefold())))
    r = fix_lpr([x.quote_pct for x in ordered], tie_rule)
    return PanelFix(file=qs.file, tenor=qs.tenor, quotes=ordered, dropped_high=ordered[-1], dropped_low=ordered[0],
                    kept=ordered[1:-1], mean=r.mean, lpr=r.lpr, tie_rule=tie_rule, tie=r.tie, warnings=qs.warnings)
