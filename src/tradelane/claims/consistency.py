"""Check an article's numbers against each other, without the data.

Two kinds of conflict are flagged:

* **arithmetic**: two levels of the same series one month (or one year) apart imply
  a change; a stated change of that series and period outside its stated precision
  conflicts with them ("582 and 656 imply −11.3%": consistent with "11%", not with
  612 and 656);
* **contradiction**: the same series, period and measure stated twice with values
  that do not agree (a lead's "+26.5%" and a later "4.2% lower").
"""

from __future__ import annotations

from dataclasses import dataclass

from .link import Link
from .verify import tolerance

__all__ = ["Inconsistency", "inconsistencies"]


@dataclass(frozen=True)
class Inconsistency:
    """Claims (indexes into the claim list) that cannot all be true."""

    claims: tuple[int, ...]
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"claims": list(self.claims), "message": self.message}


def _signed(lk: Link) -> float:
    if lk.q.sign:
        return lk.value * lk.q.sign
    return lk.value * (lk.direction or 1)


def inconsistencies(links: list[Link]) -> list[Inconsistency]:
    """Conflicts among the claims (see the module docstring)."""
    out: list[Inconsistency] = []
    levels = [(i, lk) for i, lk in enumerate(links) if lk.measure == "level" and lk.unit == "t" and lk.period]
    changes = [(i, lk) for i, lk in enumerate(links) if lk.measure in ("mom_pct", "yoy_pct") and lk.period]
    seen: set[tuple[int, ...]] = set()
    for ci, ch in changes:
        for ai, a in levels:
            if a.series != ch.series or a.period != ch.period:
                continue
            for bi, b in levels:
                if b.series != ch.series or b.period != ch.compare or not b.value:
                    continue
                implied = (a.value / b.value - 1) * 100
                tol = tolerance(ch.value, ch.q.decimals)
                signed = bool(ch.q.sign or ch.direction)
                ok = abs(implied - _signed(ch)) <= tol if signed else abs(abs(implied) - ch.value) <= tol
                key = (ai, bi, ci)
                if not ok and key not in seen:
                    seen.add(key)
                    out.append(Inconsistency(key, f"{a.q.text} and {b.q.text} imply {implied:+.1f}%, "
                                                  f"not {ch.q.text.strip()} ({ch.measure})"))
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i, lk in enumerate(links):
        if lk.series != "other" and lk.period is not None and lk.measure in ("mom_pct", "yoy_pct", "level",
                                                                               "change_bp", "streak"):
            groups.setdefault((lk.series, lk.period.label, lk.measure), []).append(i)
    for (series, period, measure), idxs in groups.items():
        vals = [(i, _signed(links[i]) if measure != "level" else links[i].value) for i in idxs]
        for j, (i1, v1) in enumerate(vals):
            for i2, v2 in vals[j + 1:]:
                tol = max(tolerance(links[i1].value, links[i1].q.decimals),
                          tolerance(links[i2].value, links[i2].q.decimals))
                if abs(v1 - v2) > tol + 1e-9 and not (measure == "level" and links[i1].q.approx):
                    pair: tuple[int, ...] = (i1, i2)
                    if pair not in seen:
                        seen.add(pair)
                        out.append(Inconsistency(pair, f"{series} {period} {measure} stated as both "
                                                      f"{links[i1].q.text.strip()} and {links[i2].q.text.strip()}"))
    return out
