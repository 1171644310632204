"""Find the numbers in a sentence: value, unit, precision, bound, sign; and the cues around them.

A :class:`Quantity` is a number as written ("about 582 tons", "11 per cent",
"0.1 percentage point", "$301.8 million", "seventh month in a row"); a
:class:`Cue` is a word that tells what a number is about (a month, a partner, a
product, a rate). :mod:`.link` then turns quantities and cues into claims.

>>> [(q.value, q.unit, q.decimals, q.bound) for q in quantities("fell below 50 tons, or 11 per cent")]
[(50.0, 't', 0, 'upper'), (11.0, 'pct', 0, None)]
>>> [(q.value, q.unit) for q in quantities("down 33 pct, 0.5 pct point")]
[(33.0, 'pct'), (50.0, 'bp')]
>>> [(q.value, q.unit) for q in quantities("cut by 0.1 percentage point to 1.4% and 3 bps")]
[(10.0, 'bp'), (1.4, 'pct'), (3.0, 'bp')]
>>> [(q.value, q.unit) for q in quantities("unchanged for a seventh straight month; $301.8 million")]
[(7.0, 'streak'), (301800000.0, 'usd')]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    DOWN_WORDS,
    FOREIGN_CENTRAL_BANK_RE,
    MONTH_RE,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTNER_RE,
    PRODUCT_RE,
    RATE_RE,
    UP_WORDS,
    partner_of,
)

__all__ = ["Cue", "Quantity", "cues", "quantities"]

_NUM = r"(?:(?<![\d,.])[+\-−])?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9,
          "b": 1e9,
          "trillion": 1e12, "tn": 1e12}
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
_NUMW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

_REC_WORDS = "lowest|highest|weakest|strongest|smallest|largest|biggest|fewest"
_REC_FILL = (r"(?:(?:monthly|single-month|annual)\s+)?(?:level|volume|total|figure|tally|reading|amount|pace|"
             r"shipments?|exports?|sales|month)")
_MONTH_NAMES = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|"
                r"feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)")
_HIGH = frozenset({"highest", "strongest", "largest", "biggest", "most", "high", "peak", "best"})
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
# a count spelled out ("Thirty-one out of 36 traders", "five participants"): only next to a count noun or "of N"
_WCOUNT = (rf"(?P<wcount>\b(?P<wv>(?:{'|'.join(_TENS)})(?:[\s-](?:{_UNITS_W}))?|{_NUMW})"
           r"(?=\s+(?:out\s+of|of)\s+(?:the\s+)?\d|\s+(?:of\s+the\s+)?(?:(?:market|poll|survey)\s+)?(?:respondents|"
           r"participants|watchers|economists|analysts|traders|forecasters|institutions|strategists|lenders|"
           r"(?:had\s+)?(?:predicted|expected|forecast|saw|anticipated|called))\b))")

_Q = re.compile(
    rf"(?P<money>(?:US\s?|U\.S\.\s?)?\$\s?(?P<mv>{_NUM})(?:\s*(?P<ms>thousand|million|billion|trillion|mln|bln|mn|bn|tn|m|b)"
    rf"\b)?|(?P<mv2>{_NUM})\s*(?P<ms2>thousand|million|billion|trillion|mln|bln|mn|bn)?\s*(?P<cur>yuan|renminbi|RMB|CNY"
    rf"|US dollars|dollars|USD)\b)"
    rf"|(?P<qpt>\b(?P<qpw>quarter|half)[\s-](?:a\s+)?(?:percentage[\s-])?point\b)"
    rf"|(?P<pp>(?P<ppv>{_NUM})\s*-?\s*(?:percentage[\s-]points?|pct[\s-]points?|pp|ppts?)\b)"
    rf"|(?P<bp>(?P<bpv>{_NUM})\s*-?\s*(?:basis[\s-]points?|bps?)\b)"
    rf"|(?P<pct>(?P<pv>{_NUM})\s*(?:%|\s?per\s?cent\b|\s?percent\b|\s?pct\b))"
    rf"|(?P<kg>(?P<kv>{_NUM})\s*(?:kg|kilograms?|kilos)\b)"
    rf"|(?P<fold>\b(?P<fv>{_NUMW}|\d+(?:\.\d+)?)[\s-]?fold\b|\b(?P<fw>doubled|tripled|quadrupled|halved)\b"
    rf"|(?<=\bby\s)(?P<fh>half)\b|(?<=than\s)(?P<fh2>half)\b|(?<=nearly\s|almost\s)(?P<fh3>half)\b"
    rf"|(?P<frac2>\b(?:a|one)[\s-](?:third|quarter|fifth|tenth)|two[\s-]thirds|three[\s-]quarters)(?=\s+(?P<f2d>less|"
    rf"lower|more|higher|smaller|bigger|larger|fewer|below|above)\b)"
    rf"|(?P<fracsh>\b(?:a|one)[\s-](?:tenth|fifth|quarter|third)|two[\s-]thirds|three[\s-]quarters)(?=\s+of\s+"
    rf"(?:the\s+|all\s+|china['’]s\s+)?(?:total|overall|all|exports|shipments))"
    rf"|(?:(?<=\balmost\s)|(?<=\bnearly\s)|(?<=\broughly\s)|(?<=\babout\s)|(?<=\baround\s)|(?<=\bclose to\s)|"
    rf"(?<=\bmore than\s)|(?<=\bwas\s)|(?<=\bwere\s))"
    rf"(?P<fadj>double|triple)(?=\s+(?:a|the|its|their|that|those|what|last|[A-Z][a-z]+['’]s)\b)"
    rf"|(?P<times>\b(?P<tmv>{_NUMW}|\d+(?:\.\d+)?)(?P<tmh>\s+and\s+a\s+half)?\s+times\b)(?=\s+(?:the|that|its|their|"
    rf"as\s+(?:much|many|high|large)|a\s+year|last|what|[A-Z][a-z]+['’]s)\b)"
    rf"|(?:(?<=\bby\s|\bof\s|\bup\s)|(?<=\bdown\s))(?P<frac>a\s+third|one[\s-]third|two[\s-]thirds|a\s+quarter|one[\s-]quarter|"
    rf"a\s+fifth|one[\s-]fifth|three[\s-]quarters)\b(?![\s-]+(?:straight|consecutive|successive|months?|quarters?|years?|time|of\b|points?|"
    rf"percentage|per|basis|bps?\b)))"
    rf"|(?P<ton>(?P<tv>{_NUM})\s*(?:(?P<ts>thousand|million|k(?=\s*(?:tonnes|tons|t)\b))?\s*(?:metric\s+)?"
    rf"(?:tonnes|tonne|tons|ton|mt|t)|(?P<kt>kt))\b)"
    rf"|(?P<streak>\b(?P<sv>{_ORD_WORDS}|\d{{1,2}}(?:st|nd|rd|th))\s+(?P<sadj>(?:straight|consecutive|successive)\s+)?"
    rf"(?P<snoun>monthly\s+\w+|months?|(?:monthly\s+)?fixings?)(?P<srow>\s+(?:in\s+a\s+row|running))?)"
    rf"|(?P<streakc>\b(?P<cv>{_NUMW}|\d{{1,2}})\s+(?P<cadj>(?:straight|consecutive|successive)\s+)?"
    rf"(?P<cnoun>monthly\s+\w+|months|(?:monthly\s+)?fixings)(?P<crow>\s+(?:in\s+a\s+row|running|straight))?"
    rf"(?P<cof>\s+of\s+(?:gains?|growth|increases?|"
    rf"rises?|declines?|falls?|drops?|decreases?|losses|contraction))?)"
    rf"|(?P<rank>\b(?P<rkw>{_REC_WORDS}|(?<=\bthe\s)most|(?<=\bthe\s)least)\s+"
    rf"(?:{_REC_FILL}\s+)?(?:for|in)\s+(?P<rapx>(?:over|more than|nearly|almost|"
    rf"about|at least)\s+)?(?P<rv>\d{{1,2}}|{_NUMW}|a)\s+(?P<ru>months|years|year)\b"
    rf"|\b(?P<nv>\d{{1,2}}|{_NUMW})[\s-](?P<nu>month|year)\s+(?P<nhl>high|low|peak|trough)s?\b)"
    rf"|(?P<record>\b(?:(?P<rord>second|third|fourth|fifth|2nd|3rd|4th|5th)[\s-](?:{_REC_WORDS}|most|least)|(?P<rkw2>"
    # "the most since January", "their best month since January", "since early 2020"
    rf"{_REC_WORDS}|best|worst|(?<=\bthe\s)most|(?<=\bthe\s)least))\s+(?:{_REC_FILL}\s+)?(?:(?P<rsince>since\s+"
    # "its lowest since the 2019 reform": since the LPR's first fixing, a record over its whole history
    rf"(?:(?P<rref>the\s+(?:august\s+)?(?:19|20)\d{{2}}\s+(?:lpr\s+)?(?:reform|overhaul|revamp)\b)|"
    rf"(?:at\s+least\s+)?(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+|early\s+|late\s+|mid-?\s*)?"
    rf"(?P<rsm>{_MONTH_NAMES}(?:\.?\s+(?:19|20)\d{{2}})?|(?:19|20)\d{{2}})\b))|(?P<rever>ever|on\s+record|"
    rf"in\s+(?:the\s+)?(?:data|records?))|(?P<rthis>(?:so\s+far\s+)?this\s+year|of\s+the\s+year(?:\s+so\s+far)?"
    rf"|of\s+(?:19|20)\d{{2}}\b))"
    rf"|\b(?:record|all[\s-]time)[\s-](?P<rhl>high|low)s?\b)"
    rf"|{_WCOUNT}"
    rf"|(?P<bare>(?<![\w.$/:])(?P<bv>{_NUM})(?![\w.%/:]|,\d|\s*(?:-|–)\s*\d))",
    re.IGNORECASE,
)
_BOUND_UP = re.compile(r"\b(less than|below|under|fewer than|up to|at most|no more than)\s*$", re.I)
_BOUND_LO = re.compile(r"\b(more than|above|over|exceeding|at least|in excess of)\s*$", re.I)
_APPROX = re.compile(r"\b(about|around|roughly|nearly|almost|some|approximately|close to|just over|just under|"
                     r"an estimated|circa|~)\s*$", re.I)
_HALF_VERB = re.compile(r"\b(?:fell|fall|falls|dropped|drop|drops|declined|slumped|plunged|shrank|sank|tumbled|slid|"
                        r"decreased|down|lost|contracted|plummeted)\s+(?:by\s+)?(?:(?:more|less)\s+than|over|nearly|"
                        r"almost|about|roughly|around|some)?\s*$", re.I)
_DOWN_CHANGE_NOUNS = frozenset({"drop", "fall", "decline", "slump", "plunge", "reduction", "cut", "contraction",
                                "decrease", "slide", "dip"})
_CHANGE_NOUNS = _DOWN_CHANGE_NOUNS | frozenset({"rise", "increase", "gain", "jump", "surge", "growth", "climb"})
_HEDGE_BELOW = ("nearly", "almost", "close to", "just under")
_HEDGE_ABOVE = ("just over",)
_RANGE_AFTER = re.compile(r"^\s*(?:-|–|—|to)\s*\d")
_FROM_END = re.compile(r"\bfrom\s*$", re.I)  # "from 2.65 to 2.5 per cent" is a move, not a range
_RANGE_BEFORE = re.compile(r"(?<![\d,.])(\d[\d,.]*)\s*(?:-|–|—|to)\s*$")
# "cut on Feb. 20 to 3.95%": the number before "to" is the day of a date, not the low end of a range
_MONTH_DAY_END = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)


@dataclass(frozen=True)
class Quantity:
    """A number as written in a sentence (offsets are absolute, into the article text)."""

    start: int
    end: int
    text: str
    value: float
    unit: str  # t | pct | pp->bp | bp | usd | cny | streak | rank | record | bare
    decimals: int
    sign: int  # +1 / -1 when written with a sign, else 0
    bound: str | None  # upper | lower
    approx: bool
    is_range: bool
    streak_noun: str = ""
    written: str = ""  # the digits as written (for slipped thousands separators)
    hedge: str = ""  # "below" (nearly, almost), "above" (just over), "around" (about, roughly), or ""


@dataclass(frozen=True)
class Cue:
    """A word in a sentence that tells what a number is about."""

    start: int
    end: int
    kind: str  # month | partner | product | rate
    value: str  # "2025-11"-ish raw parts for months ("11|2025|day"), ISO3, product code, rate code
    text: str


def _parse_num(s: str) -> tuple[float, int, int]:
    sign = 0
    s = s.strip()
    if s[:1] in "+-−":
        sign = 1 if s[0] == "+" else -1
        s = s[1:]
    digits = s.replace(",", "")
    dec = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits), dec, sign


def quantities(sentence: str, offset: int = 0) -> list[Quantity]:
    """The numbers written in ``sentence`` (see the module docstring)."""
    out: list[Quantity] = []
    for m in _Q.finditer(sentence):
        g = m.groupdict()
        before = sentence[max(0, m.start() - 30):m.start()]
        after = sentence[m.end():m.end() + 12]
        bound = "upper" if _BOUND_UP.search(before) else ("lower" if _BOUND_LO.search(before) else None)
        if bound and re.search(r"\d\s*(?:%|per ?cent|percent|pct|tons?|tonnes?|t|mt)\s+(?:less|more|fewer|lower|higher)"
                               r"\s+than\s+(?:the\s+|its\s+)?$", sentence[max(0, m.start() - 40):m.start()], re.I):
            bound = None  # "1.3% less than the 58,152 tons": the comparison's base, not a bound
        ap = _APPROX.search(before)
        approx = bool(ap)
        hw = re.sub(r"\s+", " ", ap.group(1).lower()) if ap else ""
        hedge = "" if not hw else "below" if hw in _HEDGE_BELOW else "above" if hw in _HEDGE_ABOVE else "around"
        rb = _RANGE_BEFORE.search(before)
        is_range = bool(rb and not re.fullmatch(r"(?:19|20)\d{2}", rb.group(1))
                        and not _FROM_END.search(before[: rb.start()])
                        and not (re.fullmatch(r"\d{1,2}", rb.group(1)) and _MONTH_DAY_END.search(before[: rb.start()]))
                        ) or (
            bool(g["bare"]) and bool(_RANGE_AFTER.match(after)) and not _FROM_END.search(before))
        noun = ""
        written = ""
        if g["money"]:
            if g["mv"] and re.search(r"(?:\b[A-Z]{1,2}|\bHK|\bNZ)$", sentence[max(0, m.start() - 2):m.start()]):
                continue  # A$, C$, HK$, S$, NZ$: not US dollars
            raw = g["mv"] or g["mv2"]
            v, dec, sign = _parse_num(raw)
            scale = _SCALE.get((g["ms"] or g["ms2"] or "").lower(), 1.0)
            unit = "cny" if (g["cur"] or "").lower() in ("yuan", "renminbi", "rmb", "cny") else "usd"
            v *= scale
            written = raw
        elif g["qpt"]:
            # "a quarter-point cut", "a half-percentage-point reduction": 25 / 50 basis points
            v, dec, sign, unit = (25.0 if g["qpw"].lower() == "quarter" else 50.0), 0, 0, "bp"
        elif g["pp"]:
            v, dec, sign = _parse_num(g["ppv"])
            v, unit, dec = round(v * 100, 6), "bp", max(0, dec - 2)
            written = g["ppv"]
        elif g["bp"]:
            v, dec, sign = _parse_num(g["bpv"])
            unit = "bp"
            written = g["bpv"]
        elif g["pct"]:
            v, dec, sign = _parse_num(g["pv"])
            unit = "pct"
            written = g["pv"]
        elif g["kg"]:
            v, dec, sign = _parse_num(g["kv"])
            v, dec, unit, written = v / 1000.0, dec + 3, "t", g["kv"]
        elif g["frac2"]:
            # "a fifth less than in November", "a third higher than a year earlier": a change of that fraction
            fr = re.sub(r"[\s-]+", " ", g["frac2"].lower()).replace("one ", "a ")
            v = round({"a third": 100 / 3, "two thirds": 200 / 3, "a quarter": 25.0, "three quarters": 75.0,
                       "a fifth": 20.0, "a tenth": 10.0}[fr], 6)
            sign = -1 if g["f2d"].lower() in ("less", "lower", "smaller", "fewer", "below") else 1
            dec, unit, written = -1, "pct", ""
        elif g["frac"]:
            # "down by a third", "a drop of a quarter": a change of that fraction (good to 5 points), its sign from
            # the change word before it
            words = re.findall(r"[a-z]+", before.lower())
            if not words or (words[-1] == "of" and not set(words[-2:-1]) & _CHANGE_NOUNS):
                continue  # "a drop of a third", never "one of a third"
            near = [w for w in reversed(words[-5:]) if w in DOWN_WORDS or w in UP_WORDS or w in _CHANGE_NOUNS]
            if not near:
                continue
            fr = re.sub(r"[\s-]+", " ", g["frac"].lower())
            v = {"a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3, "a quarter": 25.0,
                 "one quarter": 25.0, "three quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0}[fr]
            v = round(v, 6)
            sign = -1 if near[0] in DOWN_WORDS or near[0] in _DOWN_CHANGE_NOUNS else 1
            dec, unit, written = -1, "pct", ""
        elif g["fracsh"]:
            # "about a tenth of the total": a share written as a fraction (good to 5 points)
            fr = re.sub(r"[\s-]+", " ", g["fracsh"].lower()).replace("one ", "a ")
            v = round({"a third": 100 / 3, "two thirds": 200 / 3, "a quarter": 25.0, "three quarters": 75.0,
                       "a fifth": 20.0, "a tenth": 10.0}[fr], 6)
            dec, sign, unit, written = -1, 0, "pct", ""
        elif g["fadj"] or g["times"]:
            # "almost double a year earlier", "two and a half times May's level": a multiple of the base
            if g["fadj"]:
                n = 2.0 if g["fadj"].lower() == "double" else 3.0
            else:
                tv = g["tmv"].lower()
                n = float(NUMBER_WORDS.get(tv) or tv) + (0.5 if g["tmh"] else 0.0)
            if n <= 1:
                continue
            v, sign, dec, unit, written = round((n - 1) * 100, 6), 1, -2, "pct", ""
        elif g["fold"]:
            # "tripled" / "a sevenfold rise": a change of (N - 1) x 100%, good to half a multiple
            fw = (g["fw"] or "").lower()
            if g["fh"] or g["fh2"] or g["fh3"]:
                # "fell by (more than) half", "dropped almost half": only after a falling verb
                if not _HALF_VERB.search(before):
                    continue
                fw = "halved"
            if fw:
                n = {"doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0, "halved": 0.5}[fw]
            else:
                fv = g["fv"].lower()
                n = float(NUMBER_WORDS.get(fv) or fv)
            if n <= 0:
                continue
            v = round(abs(n - 1) * 100, 6)
            sign = 1 if n > 1 else -1
            dec = -1 if n < 1 else -2
            unit, written = "pct", ""
        elif g["ton"]:
            v, dec, sign = _parse_num(g["tv"])
            scale_t = 1000.0 if g["kt"] or (g["ts"] or "").lower() == "k" else _SCALE.get((g["ts"] or "").lower(), 1.0)
            v *= scale_t
            dec -= round(math.log10(scale_t))  # "4.34 thousand tonnes" is good to 5 t
            unit = "t"
            written = g["tv"]
        elif g["streak"]:
            sv = g["sv"].lower()
            v = float(ORDINALS.get(sv) or int(re.sub(r"\D", "", sv)))
            if not (g["sadj"] or g["srow"]) and not re.search(r"\bfor (?:a|the)\s*$", before, re.I):
                continue
            if v < 2 and not g["srow"]:
                continue
            dec, sign, unit, noun = 0, 0, "streak", g["snoun"].lower()
        elif g["streakc"]:
            first_in = _FIRST_IN.search(sentence[max(0, m.start() - 45):m.start()])
            if not (g["cadj"] or g["crow"] or g["cof"] or _UNCHANGED_FOR.search(before) or first_in):
                continue  # "unchanged for eight months" is a streak; "in two months" is not
            cv = g["cv"].lower()
            v = float(NUMBER_WORDS.get(cv) or int(cv))
            if v < 2:
                continue
            dec, sign, unit, noun = 0, 0, "streak", (g["cnoun"] + (g["cof"] or "")).lower()
            if first_in:
                noun = "first in"  # "cut the five-year LPR for the first time in 21 months": months since the last move
        elif g["rank"]:
            # "lowest in nine months", "highest level in more than two years", "a six-month high"
            rv = (g["rv"] or g["nv"]).lower()
            v = 1.0 if rv == "a" else float(NUMBER_WORDS.get(rv) or int(rv))
            hl = (g["rkw"] or g["nhl"] or "").lower()
            per = (g["ru"] or g["nu"] or "").lower()
            dec, sign, unit = 0, 0, "rank"
            noun = ("high" if hl in _HIGH else "low") + ("|years" if per.startswith("year") else "|months")
            # the count is the claim's value only when written as an exact quantity ("in nine months");
            # in "a six-month high" or "in over five years" it only shapes the window (like "first 11 months")
            written = rv if g["rv"] and not g["rapx"] else ""
        elif g["record"]:
            # "highest since January 2025", "second-lowest on record", "a record low": no count written
            # (value 0) unless an ordinal is ("second-highest ever": 2)
            word = (g["rkw2"] or g["rhl"] or g["record"].split()[0].split("-")[-1]).lower()
            ordv = (g["rord"] or "").lower()
            v = float(ORDINALS.get(ordv) or int(re.sub(r"\D", "", ordv) or 0)) if ordv else 0.0
            dec, sign, unit = 0, 0, "record"
            noun = "high" if word in _HIGH else "low"
            written = g["rsm"] or ("this year" if g["rthis"] else "")
        elif g["wcount"]:
            words = re.split(r"[\s-]+", g["wv"].lower())
            v = float(sum(_TENS.get(w) or NUMBER_WORDS.get(w, 0) for w in words))
            if v < 2:
                continue
            dec, sign, unit, written = 0, 0, "bare", str(int(v))
        else:
            raw = g["bv"]
            if re.match(r"(?:19|20)\d{2}$", raw.replace(",", "")) and "," not in raw:
                continue  # a year
            if re.search(r"(?:[A-Za-z]\.?|\d)\s*$", before) and MONTH_RE.search(before[-12:] + " 1"):
                pass
            if re.fullmatch(r"\d{1,2}", raw) and int(raw) <= 31 and _MONTH_DAY_END.search(before) and not re.match(
                    r"\s*(?:of|out of|%|per|percent|t\b|tons?|tonnes?|bp|basis|respondents|analysts|traders)", after,
                    re.I):
                continue  # the day of a date ("On Aug. 21, 2023", "on Feb. 20 to 3.95%")
            if re.match(r"-(?:years?|yrs?|months?|days?|weeks?)\b", after, re.I):
                continue  # a tenor or duration adjective ("the 5-year-plus LPR", "a 7-day repo"), not a figure
            v, dec, sign = _parse_num(raw)
            unit = "bare"
            written = raw
            if re.match(r"\s*(?:st|nd|rd|th)\b", after):
                continue
        out.append(Quantity(offset + m.start(), offset + m.end(), m.group(0), v, unit, dec, sign, bound, approx,
                            is_range, noun, written, hedge))
    return out


def cues(sentence: str, offset: int = 0) -> list[Cue]:
    """Months, partners, products and rates named in ``sentence``."""
    base = _cues(sentence)
    if not offset:
        return list(base)
    return [Cue(c.start + offset, c.end + offset, c.kind, c.value, c.text) for c in base]


# "unchanged / on hold / kept steady (at 3%) for N months": a cardinal streak without "straight"
_UNCHANGED_FOR = re.compile(
    r"\b(?:unchanged|steady|on hold|held|kept|stable|untouched|paused|the same|sat|stuck|parked)\b"
    r"(?:[^.;]|\.(?=\d)){0,30}"
    r"\bfor\s+(?:the\s+past\s+"
    r"|the\s+last\s+|a\s+full\s+)?$", re.I)
_RATE_HINT = re.compile(r"year|repo|repurchase|lpr|loan|lending|benchmark|quotation|policy|mlf|medium|\bboth\b|"
                        r"\b[15]y\b|"
                        r"reserve|\bRRR\b|\bfed\b|bank|\bECB\b|\bBO[JEK]\b|\bRB[AI]\b|fomc", re.I)
# an ISO date in running text, a bullet label or a table row ("On 2024-07-22 the PBOC ...", "- 2022-08-22: ..."):
# that month (and day) of that year
_ISO_DAY_CUE = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])")
# "for the first time in 21 months", "the first cut in 20 months", "its first reduction in 21 months"
_FIRST_IN = re.compile(r"\bfirst\s+(?:[\w-]+\s+){0,3}?(?:time|cut|reduction|move|change|hike|increase|rise|easing|trim)"
                       r"\s+(?:[\w-]+\s+){0,3}?in\s+$", re.I)
_PRODUCT_HINT = re.compile(r"magnet|earth|mineral|headline|element|raw[\s-]material|\bRE\b", re.I)
_WORDS_RE = re.compile(r"[a-z][a-z.]*", re.I)


def _partner_hint(sentence: str) -> bool:
    from .lexicon import PARTNER_FIRST_WORDS

    if "US" in sentence or "U.S" in sentence:
        return True
    words = set(_WORDS_RE.findall(sentence.lower().replace("-", " ")))
    return not PARTNER_FIRST_WORDS.isdisjoint(words) or not PARTNER_FIRST_WORDS.isdisjoint(
        {w.rstrip(".") for w in words})


@lru_cache(maxsize=4096)
def _cues(sentence: str) -> tuple[Cue, ...]:
    offset = 0
    out: list[Cue] = []
    want_partner = _partner_hint(sentence)
    want_product = bool(_PRODUCT_HINT.search(sentence))
    want_rate = bool(_RATE_HINT.search(sentence))
    for m in MONTH_RE.finditer(sentence):
        name = m["name"].lower().rstrip(".")
        if name == "may" and not (m["year"] or m["day"]) and re.match(r"\s+(?:be|have|not|also|take|rise|fall)\b",
                                                                    sentence[m.end():m.end() + 8]):
            continue  # the verb 'may'
        if name == "march" and re.match(r"\s+(?:on|to)\b", sentence[m.end():m.end() + 4]) and not m["year"]:
            pass
        out.append(Cue(offset + m.start(), offset + m.end(), "month",
                       f"{MONTHS[name]}|{m['year'] or ''}|{m['day'] or ''}", m.group(0)))
    for m in _ISO_DAY_CUE.finditer(sentence):
        out.append(Cue(offset + m.start(), offset + m.end(), "month", f"{int(m['m'])}|{m['y']}|{int(m['d'])}",
                       m.group(0)))
    fcb = [(m.start(), m.end()) for m in FOREIGN_CENTRAL_BANK_RE.finditer(sentence)] if want_rate or want_partner \
        else []
    for a, b in fcb:
        out.append(Cue(offset + a, offset + b, "fcb", "fcb", sentence[a:b]))
    for m in PARTNER_RE.finditer(sentence) if want_partner else ():
        if any(a <= m.start() < b for a, b in fcb):
            continue  # "Bank Indonesia", "Reserve Bank of India": a central bank, not a trade partner
        code = partner_of(m.group(0))
        if code:
            out.append(Cue(offset + m.start(), offset + m.end(), "partner", code, m.group(0)))
    for m in PRODUCT_RE.finditer(sentence) if want_product else ():
        kind = "rare_earth_magnets" if m["magnets"] else "rare_earths"
        out.append(Cue(offset + m.start(), offset + m.end(), "product", kind, m.group(0)))
    for m in RATE_RE.finditer(sentence) if want_rate else ():
        kind = next(k for k in ("rreq", "mlf", "rrr", "lpr5", "lpr1", "lprs", "lpr") if m[k])
        out.append(Cue(offset + m.start(), offset + m.end(), "rate", kind, m.group(0)))
    out.sort(key=lambda c: c.start)
    return tuple(out)
