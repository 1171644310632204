"""Link each number to what it claims: (series, partner, period, measure, comparison period).

Rules, in the order they apply to a number in a sentence:

* **Subject.** A rate number needs a rate named in its sentence (one-year / five-year
  LPR, "benchmark lending rates" = both tenors, seven-day reverse repo); the nearest
  mention wins, a mention right after ("3% for the one-year") first. A trade number
  takes the nearest product named before it in the sentence ("rather than magnets"
  does not count), else the paragraph's, else the article's topic; its partner is the
  nearest partner named before it in the sentence, else one after a basis phrase ("60% from
  a year earlier to the EU"), else — in a sentence pointing back ("That was down 11%") —
  the previous sentence's only partner, else World.
* **Measure.** tons → level (or a bound: "below 50 tons"); % with a direction or a
  comparison → MoM or YoY change (basis words, the comparison month, else the basis
  of the previous change in the paragraph, else MoM); "share ... of the total" →
  share; bp / percentage points → a rate change; an ordinal month streak → streak;
  respondents in a poll sentence → count; $ after a trade subject → value in USD.
* **Period.** A month written right after the number ("582 tons in November"), or
  right before it ("January, when 6,357 tons"), else the clause's or sentence's own
  month, else "this/last month", "a year earlier", "the month before" resolved
  against the article date, else the paragraph's month, else the article's latest
  month. Comparison months ("from October", "than in March 2025") set the base of a
  change and never the period of a level.

Anything that cannot be tied to a tradelane series is kept with series ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from ..model import Period
from .clean import CHART_CAPTION, DATA_LINE, CleanArticle, Sentence
from .dates import resolve_month
from .extract import Cue, Quantity, cues, quantities
from .lexicon import BASIS_MOM, BASIS_YOY, DOWN_WORDS, NEGATED_PRODUCT_RE, UNCHANGED_WORDS, UP_WORDS

__all__ = ["Link", "link_article"]

RATE_SERIES = {"lpr1": "lpr/1y", "lpr5": "lpr/5y", "rrr": "policy/7d_reverse_repo", "mlf": "policy/mlf_1y"}


@dataclass
class Link:
    """A number tied to a series, period and measure (or to ``other`` with a reason)."""

    q: Quantity
    sentence: Sentence
    series: str  # a series key, "polls", or "other"
    partner: str | None
    period: Period | None
    measure: str  # level | mom_pct | yoy_pct | change_bp | streak | share | count | pct_of_respondents | rank | ...
    compare: Period | None = None
    direction: int = 0  # -1 fall, +1 rise, 0 unknown
    value: float = 0.0
    unit: str = ""
    product: str | None = None
    notes: list[str] = field(default_factory=list)
    reason: str | None = None
    cumulative: bool = False
    basis_unstated: bool = False
    explicit: bool = False
    strength: str = "default"
    implicit_period: bool = False
    all_but: int = 0  # "all but one of the 25 respondents": the count of the majority is value - all_but
    # a rate streak: "unchanged" (fixings without a change), "at_level" ("at 3.45% for 11 months": fixings at the
    # level), "cuts" ("cut for a second straight month"), "since_cut" ("the first cut in 21 months")
    streak_kind: str = "unchanged"


_COMPARE_BEFORE = re.compile(
    r"\b(from|than(?: in)?|below|above|over|against|compared (?:with|to)|versus|vs\.?|on|short of|shy of|times|double|"
    r"since|after|before|until|till|beyond|with)\s+(?:the\s+)?(?:(?:level|figure|"
    r"tally) (?:of|in)\s+)?$",
    re.I,
)
_SINCE_BEFORE = re.compile(
    r"\b(since|after|until|till|before)\s+(?:last\s+|the\s+(?:[\w-]+\s+){0,4}(?:of|in)\s+)?$"
    # "unchanged for a second straight month after cutting it in May": the month of the earlier event
    r"|\b(?:after|following|since)\s+(?:a\s+|the\s+)?(?:cutting|lowering|trimming|reducing|raising|hiking|"
    r"lifting|easing|tightening|holding|keeping|leaving)\s+(?:[\w-]+\s+){0,3}?in\s+$", re.I
)
_CLAUSE = re.compile(r"[,;:](?=\s)|[—–(]|\s-\s|\bwhile\b|\bwhereas\b|\bbut\b")
_PRESENT = re.compile(
    r"\b(currently|now|the present|at present|has (?:stayed|been|held|kept|remained)|"
    r"have (?:stayed|been|held|kept|remained)|stays|remains|this month|this week|today|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last week|earlier this month)\b",
    re.I,
)
_POLL = re.compile(r"\b(survey|surveyed|poll|polled|respondents|participants|market watchers|forecasters)\b"
                   # "as 25 of 28 traders and analysts had predicted": a poll without the word
                   r"|\b\d{1,3}\s+(?:out\s+)?of\s+(?:the\s+)?\d{1,3}\s+(?:\w+\s+){0,3}?(?:economists|analysts|traders|"
                   r"institutions|strategists)\b", re.I)
# "before the December fixing", "ahead of the January LPR decision": the fixing a poll is about
_POLL_FIXING = re.compile(r"\b(?:before|ahead of|prior to|for)\s+(?:the|this|next)\s+(?P<month>[A-Z][a-z]+)(?:'s)?\s+"
                          r"(?:LPR\s+|loan prime rate\s+|rate\s+)?(?:fixing|decision|announcement|setting|"
                          r"rate-setting|quotation)", re.I)
_POLL_NOUN = re.compile(
    r"^\s*(?:of the \d+\s+)?(respondents|participants|market watchers|economists|analysts|"
    r"forecasters|traders|institutions|those (?:polled|surveyed)|(?:forecast|expected|predicted|"
    r"said|called|saw|anticipated|had))\b",
    re.I,
)
_SHARE = re.compile(r"\b(share|of the total|of total|of all|of china's)\b", re.I)
_SHARE_VERB = re.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|ma(?:de|kes?|king)\s+up|represent(?:s|ed|ing)?|compris(?:es|ed|ing)|"
    r"(?:took|takes|taking)\s+(?:up\s+)?|equal(?:s|led|ling)?\s+to|(?:a|its|their)\s+share\s+of)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+(?:over|under)\s+|over\s+|"
    r"more\s+than\s+|less\s+than\s+|close\s+to\s+|approximately\s+)?$",
    re.I,
)
# "the EU's share ... rose to 42.8%": the share's level, not a change
_SHARE_LEVEL = re.compile(r"\b(?:to|at|was|were|is|of|reached|hit)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|"
                          r"almost\s+|some\s+|just\s+(?:over|under)\s+)?$", re.I)
_OF_TOTAL = re.compile(r"\bof\s+(?:the\s+|china['’]s\s+|all\s+)?(?:total|overall)\b"
                       # "Korea's share of China's outbound magnet shipments": the whole a share is of
                       r"|\bshare\s+of\s+(?:china['’]s\s+|the\s+)?(?:total\s+|overall\s+|outbound\s+)?", re.I)
_CUMUL = re.compile(
    r"\b(cumulative(?:ly)?|in total|total(?:ly)? fell|total(?:ly)? (?:cut|lowered|reduced)|"
    r"since the (?:(?:august )?2019 )?(?:lpr )?(?:formation mechanism )?(?:reform|overhaul|revamp)|first quotation|"
    r"since (?:august )?2019|since (?:its|the|their|that) (?:first|initial) (?:fixing|quotation|setting)"
    r"|(?:compared (?:with|to)|versus|against) (?:august )?2019"
    r"|debut(?:ed)?"
    # "55 bps below its first fixing", "below where it started in August 2019", "the 4.25% it was first quoted at"
    r"|(?:its|the|their) (?:first|initial) (?:fixing|quotation|setting|level)|first quoted"
    r"|where (?:it|they) started"
    r"|since\s+(?:the\s+)?(?:lpr\s+)?(?:pricing\s+)?(?:mechanism|regime|system|framework|benchmark|rate)?\s*"
    r"(?:was\s+)?(?:reformed|overhauled|revamped|launched|introduced))\b",
    re.I,
)
# a change over a window of months: "Over the twelve months the one-year LPR fell a cumulative 15 bp"
_WINDOW = re.compile(r"\b(?:over|in|during|across)\s+the\s+(?:past\s+|last\s+|previous\s+)?"
                     r"(?P<n>twelve|12|six|6|three|3|nine|9|eighteen|18|twenty-four|24)\s+months\b", re.I)
_WINDOW_N = {"twelve": 12, "six": 6, "three": 3, "nine": 9, "eighteen": 18, "twenty-four": 24}
# "Since the end of 2023 the five-year LPR has fallen by 60 bps": from that December to the article month
_SINCE_YEAR_END = re.compile(r"\bsince\s+the\s+end\s+of\s+(?P<y>(?:19|20)\d{2})\b", re.I)
# "the 4.25% at which it was first quoted", "4.25%, where it started": the first fixing
_FIRST_LEVEL_AFTER = re.compile(r"\s*,?\s*(?:at\s+which|where)\s+(?:it|they|the\s+\w+)\s+(?:was\s+|were\s+)?"
                                r"(?:first\s+(?:quoted|set|fixed|published)|started|debuted)\b", re.I)
# "the first cut since the 2019 reform", "the biggest cut on record since the overhaul": a record phrase, not a
# change since the reform
_RECORD_SINCE = re.compile(r"\b(?:first|biggest|largest|deepest|steepest|sharpest|smallest|only|second|third)\b"
                           r"[^.;]{0,60}?\bsince\b", re.I)
# a change over a calendar year: "a cumulative 35 bp this year", "down 60 bp in 2024", "so far this year"
_YEAR_CHANGE = re.compile(r"\b(?:(?:so far )?this year|year[\s-]to[\s-]date|in (?P<y>(?:19|20)\d{2})\b(?!\s*[-–/])"
                  r"|since the (?:start|beginning) of (?:the year|(?P<y2>(?:19|20)\d{2})))", re.I)
_FROM_LEVEL = re.compile(r"\b(?:from|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+previous\s+|a\s+previous\s+)?"
                         # "down from the previous reading of 4.2 percent": the fixing before
                         r"(?:(?:reading|fixing|setting|quote|print)\s+of\s+)?$", re.I)
_LEVEL_YEAR_AGO = re.compile(
    r"\s+(?:\w+\s+){0,2}(?:a year (?:earlier|ago|before)|in the same month (?:a|last|of the previous) year|"
    r"(?:in )?the same month last year)\b", re.I)
_YEAR_TOTAL_TO = re.compile(r"\b(?:the\s+)?(?:(?P<y>(?:19|20)\d{2})\s+(?:full[\s-]year\s+)?(?:total|tally|figure)|"
                            r"(?:total|tally|figure)\s+for\s+(?:the\s+(?:whole\s+|full\s+)?(?:year\s+)?(?:of\s+)?)?"
                            r"(?P<y2>(?:19|20)\d{2}))\s+(?:to|at|of|was|came\s+to|stood\s+at|reached|hit)\s+"
                            r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$", re.I)
_VS_BARE_YEAR = re.compile(r"\s*(?:higher|lower|more|less|up|down)?\s*(?:below|above|than|from|on|over|against|versus|"
                           r"vs\.?|"
                      r"compared (?:with|to))\s+(?:in\s+)?(?P<y>(?:19|20)\d{2})\b(?!\s*[-–/]|\s+(?:levels?\s+)?"
                      r"(?:in|of)\s+[A-Z])", re.I)
_YEAR_FRAME = re.compile(r"\b(?:for|in|over|during|across)\s+(?:all\s+of\s+|the\s+whole\s+of\s+|the\s+whole\s+|"
                         r"the\s+(?:full|entire|whole)\s+(?:calendar\s+)?year(?:\s+(?:of\s+)?(?=(?:19|20)\d{2}))?\s*)"
                         r"(?P<y>(?:19|20)\d{2})?\b", re.I)
_SAME_MONTH_OF = re.compile(r"\s+(?:\w+\s+){0,2}(?:in\s+)?the same (?:month|period) (?:of|in) (?P<y>(?:19|20)\d{2})\b",
                            re.I)
# a month that dates an event inside an "after/since/following ..." phrase
_EVENT_MONTH = re.compile(r"\b(?:after|since|following|before|amid|ahead of)\b[^,;.]{0,50}\b(?:announced|imposed|"
                          r"introduced|unveiled|launched|issued|adopted|enacted|agreed|signed|took effect|"
                          r"came into force|tightened|expanded)\s+(?:in|on|from)\s+(?:early\s+|mid-?\s*|late\s+)?$"
                          # "ahead of Beijing's Oct. 9 curbs", "after the April 4 controls"
                          r"|\b(?:ahead of|before|after|following|amid)\s+(?:the\s+|[A-Z][\w.]*['’]s\s+)$", re.I)
# "90 percent of the world's magnets" (a share of world output), unless "of the world's exports/trade"
_OF_PRODUCT_NEAR = re.compile(r"\s*(?:t|tons?|tonnes?|mt)?\s*of\s+(?:rare[\s-]earth\s+)?(?:permanent\s+)?magnets?\b",
                              re.I)
_OF_WORLD = re.compile(r"\s*(?:%|per ?cent|percent)?\s*of\s+(?:the\s+)?(?:world's|global|worldwide)\b"
                       r"(?:\s+(?P<trade>exports|imports|trade)\b)?", re.I)
_BLOC = re.compile(r"\b(?:the|that) (?:27-(?:member|nation) )?bloc(?:'s)?\b", re.I)
_FIRST_Q = re.compile(r"\b(first quotation|first fixing|first reformed|first (?:quoted|set|published|fixed))\b", re.I)
_OLD_BENCHMARK = re.compile(r"\bthe\s+old\s+(?:one-year\s+)?benchmark\b|"
                            r"\bbenchmark (?:lending|loan) rate\b[^.;]{0,60}\b(?:frozen|unchanged|fixed)\b[^.;]{0,25}?"
                            r"\bsince\s+"
                            r"(?:19|20)(?:0\d|1[0-8])\b|\b(?:before|until|prior to)\s+(?:then|the\s+(?:2019\s+)?"
                            r"(?:lpr\s+)?(?:reform|overhaul))\b[^.;]{0,60}\bbenchmark (?:lending|loan) rate", re.I)
_LAST_MONTH_AFTER = re.compile(r"\s*(?:%|per ?cent|percent)?\s*(?:last month|a month (?:earlier|ago|before)|"
                               r"the previous month|in the previous fixing)\b", re.I)
_PRE_REFORM = re.compile(r"\bbefore the (?:lpr )?reform\b", re.I)
_ANNUAL = re.compile(r"\b(whole of|full[\s-]year|for the year|annual|in total|over the year)\b", re.I)
_YEAR = re.compile(r"\b(?:in|of|for|during|to|than in|than|from|since|ahead of)?\s*((?:19|20)\d{2})\b(?![-/]\d)", re.I)
_JANFEB = re.compile(
    r"\b(first two months(?: of (?:the year )?((?:19|20)\d{2}))?|january[\s-]+(?:and\s+)?february"
    r"|jan[\s-]+feb|same two months)\b",
    re.I,
)
_YTD = re.compile(
    r"\b(?:first|opening)\s+(\w+|\d+)\s+months(?: of ((?:19|20)\d{2}))?|\b(first[\s-]half|h1|"
    r"first six months)(?: of ((?:19|20)\d{2}))?|\bthose six months\b",
    re.I,
)
_REL = re.compile(
    r"\b(?P<last>last month|the previous month|a month earlier)\b"
    r"|\b(?P<this>this month|this week|today|earlier this month|latest month|the latest month)\b"
    r"|\b(?P<before>the month before|the prior month|the previous month|a month before)\b"
    r"|\b(?P<yago>(?P<n>two|three|four|five|\d) years? ago(?: this month)?|a year ago(?: this month)?)\b"
    r"|\b(?P<yearlier>(?:the same month )?a year (?:earlier|before)|the same month of last year)\b",
    re.I,
)
_TRADE_NOUN = re.compile(
    r"\b(exports?|shipments?|shipped|sales|volumes?|deliveries|purchases|intake|imports?|"
    r"outbound|tonnage|by value|worth|valued)\b",
    re.I,
)
_HAS_NUMBER = re.compile(
    r"\d|\b(?:lowest|highest|weakest|strongest|smallest|largest|biggest|fewest|record|all-time|doubled|tripled|"
    r"quadrupled|halved|\w+fold|quarters?|thirds|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\b",
    re.I,
)
_NUMW = {"two": 2, "three": 3, "four": 4, "five": 5}
MONTH_NAME = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?\s*$",
    re.I,
)


@dataclass
class _T:
    start: int
    end: int
    period: Period
    role: str  # main | compare | since
    bare: bool = False  # a month name written without a year


def _dir_of(sentence: str, q: Quantity, base: int) -> int:
    """Direction words next to a number: right after it first ("% lower"), else the nearest before it."""
    a = q.start - base
    b = q.end - base
    # up to the next number or clause break: in "cut by 25 bp to 3.1%, more than expected" "more" is not 25 bp's
    after = re.findall(r"[a-z]+", re.split(r"[\d,;]", sentence[b : b + 22], maxsplit=1)[0].lower())[:3]
    for w in after:
        if w in DOWN_WORDS:
            return -1
        if w in UP_WORDS:
            return 1
    before = re.findall(r"[a-z]+", sentence[max(0, a - 60) : a].lower())
    for w in reversed(before[-7:]):
        if w in DOWN_WORDS:
            return -1
        if w in UP_WORDS:
            return 1
    return 0


class _Ctx:
    """What a paragraph and the article have said so far."""

    def __init__(self, ref: date, topic: str, latest_trade: Period) -> None:
        self.ref = ref
        self.topic = topic
        self.latest_trade = latest_trade
        self.block = -1
        self.product: str | None = None
        self.period: Period | None = None
        self.basis: str | None = None
        self.rate_ctx = False
        self.ref_override: date | None = None
        self.year: int | None = None
        self.trade_topic: str | None = None
        self.story_period: Period | None = None
        self.rate_period: Period | None = None
        self.hist_year: int | None = None  # the last year written in an earlier sentence ("of that year")
        self.hist_rate_period: Period | None = None  # the rate period before the current sentence
        self.hist_told: Period | None = None  # the month a rate sentence told (for the next sentence)
        self.sent_levels: list[Link] = []
        self.prev_product: str | None = None  # the last product named in the previous paragraph
        self.anaphor = False  # the current sentence's subject points back ("That was down 75%")
        self.prev_partners: set[str] = set()  # partners named in the previous sentence
        self.prev_trade = False  # the previous sentence made a trade claim
        self.carry_partner: str | None = None  # the partner an anaphoric sentence takes from the previous one
        self.carry_ambiguous = False  # it points back to a sentence that named several partners
        self.para_partners: set[str] = set()  # partners named so far in the article
        self.prev_import = False  # the previous sentence was about China's imports
        self.product_before: str | None = None  # ctx.product before the current sentence
        self.frame_year: int | None = None  # "For all of 2025, ...": the year "for the full year" refers to
        self.prev_rates: set[str] = set()  # the rates named in the previous sentence ("lpr1", "lpr5", ...)
        self.sent_dependence: str | None = None  # "60% of its rare earths from China" was read in this sentence
        self.sent_share: tuple[str | None, Period | None] | None = None  # (partner, period) of a share just read
        self.section_period: Period | None = None  # the period of a section header ("LOOKING BACK: DECEMBER 2025")
        self.basis_partner: str | None = None  # the partner of the change that wrote the paragraph's basis
        self.chart: _Chart | None = None  # the chart caption read last (until the next section header)
        self.sent_all_goods: tuple[int, int] = (-1, -1)  # (block, sentence start) of the last all-goods sentence


def _ref_month(d: date) -> Period:
    return Period.month(d.year, d.month)


def _time_cues(text: str, base: int, cs: list[Cue], ref: date, prev_year: int | None = None) -> list[_T]:
    out: list[_T] = []
    for c in cs:
        if c.kind != "month":
            continue
        m, y, _day = c.value.split("|")
        year = int(y) if y else None
        tail = text[c.end - base : c.end - base + 20]
        if year is None and re.match(r"\s+last year\b", tail, re.I):
            year = ref.year - 1
        if year is None and re.match(r"\s+(?:of\s+)?(?:that|the same) year\b", tail, re.I):
            # "in March 2020 ..., and in April that year": the year named before it ("On Aug. 21 of that year" after a
            # sentence naming mid-2023: that year)
            yrs = re.findall(r"\b((?:19|20)\d{2})\b", text[: c.start - base])
            year = int(yrs[-1]) if yrs else prev_year
        written_year = year is not None
        if year is None:
            year = _rate_sentence_year(text, c.start - base)
        head = text[max(0, c.start - base - 12) : c.start - base]
        if year is None and re.search(r"\blast\s+$", head, re.I):
            p = resolve_month(int(m), ref)
            if p.start.month == ref.month and p.start.year == ref.year:
                p = p.shift_months(-12)
        else:
            p = resolve_month(int(m), ref, year)
        before = text[max(0, c.start - base - 30) : c.start - base]
        role = "since" if _SINCE_BEFORE.search(before) else ("compare" if _COMPARE_BEFORE.search(before) else "main")
        if _day and role == "compare":
            role = "main"
        if role == "main" and re.search(r"\b(?:double|triple|than|from|against|over|versus|vs\.?|with|of|above|below)"
                                        r"\s+(?:the|its|their|[A-Z][a-z]+['’]s)\s+$", before, re.I) and re.match(
                r"\s+(?:figure|level|total|volume|tally|reading|amount|intake|shipments|purchases|deliveries|"
                r"exports)\b", text[c.end - base :], re.I):
            role = "compare"  # "more than double the June figure": a base, not the period
        if role == "main" and _EVENT_MONTH.search(text[max(0, c.start - base - 70) : c.start - base]):
            role = "since"  # "growth after curbs announced in April": the month of an event, not of the figure
        if before.endswith("(") and re.match(r"\s+[\d,.]+\s*(?:t|mt|tons?|tonnes?)\b", text[c.end - base :], re.I):
            role = "paren"  # "564t (Nov 582t) -3% m/m": the month of the tonnage inside the parenthesis only
        out.append(_T(c.start, c.end, p, role, bare=not written_year and not _day))
    return out


# a year written as the frame of a rate sentence: "In 2020 the one-year LPR fell ... in February and April",
# "2021 saw only one LPR change, ... in December" (not "since 2019", "than in 2023")
_FRAME_YEAR = re.compile(r"(?:^|[,;]\s*|\b(?:in|during|throughout)\s+)(?<!since )(?<!than )(?<!from )"
                         r"((?:19|20)\d{2})\b(?!\s*[-–/])", re.I)
_RATE_SENTENCE = re.compile(r"\b(?:LPRs?|loan prime rates?|tenors?|repo|MLF)\b", re.I)


# a poll count for one tenor: "34 of them also forecast a lower five-year rate"
_ONE_TENOR_COUNT = re.compile(r"\s+of\s+(?:them|those)\b[^.;]{0,50}?\b(?:one|five|1|5)[\s-]year\b", re.I)
# "the longer tenor has come down by 25 bps": a fall
_CAME_DOWN = re.compile(r"\b(?:come|came|coming|gone|went|going|been\s+brought|brought)\s+down\b", re.I)
# a day told against the date before: "a week earlier", "three days later", "on the 25th", "the same morning"
_REL_DAY = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|several|a few|\d{1,2})\s+(?:days?|weeks?)\s+"
                      r"(?:earlier|later|before|after)|on\s+the\s+\d{1,2}(?:st|nd|rd|th)\b|the\s+same\s+"
                      r"(?:day|morning|afternoon|evening))\b", re.I)
# "parked at 3.95% for six straight months before that move": the month before the move told just before
_BEFORE_THAT_MOVE = re.compile(r"[^.;]{0,60}?\bbefore\s+(?:that|this|the)\s+(?:move|cut|reduction|change|decision|"
                               r"hike|increase)\b", re.I)
# "at 3.45% for 11 straight months until July 2024", "stuck at 3.85% for 20 months before it was cut in December"
_HELD_UNTIL = re.compile(r"(?:\s*%|\s*per ?cent)?(?:\s+for\s+(?:\w+\s+){0,3}months?(?:\s+in\s+a\s+row)?)?\s*,?\s*"
                         r"(?:until|till|before\s+(?:it|they)\s+(?:was|were)\s+(?:\w+\s+){0,2}?in|before\s+being\s+"
                         r"(?:\w+\s+){0,2}?in"
                         # "before lenders shaved 5 bps off it in December"
                         r"|before\s+(?:\w+\s+){0,3}?(?:cut|lowered|trimmed|shaved|reduced|raised|slashed|moved)\b"
                         r"[^.;]{0,25}?\bin)\s+$", re.I)


def _held_until(q: Quantity, ts: list[_T], text: str, base: int, prev: Period | None = None) -> Period | None:
    """The last month of a hold written with its end ("... for 11 straight months until July 2024", "... before that
    move" after a sentence dated ``prev``), or None."""
    if prev is not None and _BEFORE_THAT_MOVE.match(text[q.end - base :]) and not any(
            t.start >= q.end for t in ts):
        return prev.shift_months(-1)
    for t in ts:
        if t.start >= q.end:
            return t.period.shift_months(-1) if _HELD_UNTIL.fullmatch(text[q.end - base : t.start - base]) else None
    return None


_CUT_WORD = re.compile(r"\b(?:cut|cuts|lowered|lowers|trimmed|trims|reduced|reduces|slashed|eased|shaved)\b", re.I)


def _rate_streak_kind(text: str, q: Quantity, base: int, ended: bool) -> str:
    """What a rate streak counts: "since_cut" ("cut ... for the first time in 21 months": months since the last cut),
    "cuts" ("cut its one-year LPR for a second straight month": consecutive cuts), "at_level" (a hold with its end
    written, "at 3.45% for 11 straight months until July 2024": months from the move before to the next one), else
    "unchanged" (consecutive unchanged fixings)."""
    head = text[: q.start - base]
    if q.streak_noun == "first in":
        return "since_cut" if _CUT_WORD.search(head) else "unchanged"
    clause = head[_clause_start(text, q.start - base) :]
    if _CUT_WORD.search(clause) and not UNCHANGED_WORDS.search(clause):
        return "cuts"
    return "at_level" if ended else "unchanged"


def _rate_sentence_year(text: str, pos: int) -> int | None:
    """The frame year of a rate sentence for a month named after it without a year, or None."""
    if not _RATE_SENTENCE.search(text) or _TRADE_NOUN.search(text):
        return None
    cuts = [0] + [m.end() for m in _HARD_CLAUSE.finditer(text[:pos])]
    yrs = [m for m in _FRAME_YEAR.finditer(text[:pos])
           if not re.search(r"\b(?:since|than|from|before|after|until)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?$",
                            text[max(0, m.start(1) - 25) : m.start(1)], re.I)
           # a frame opens its sentence or part: "In 2020 ...", "For comparison, 2021 saw ...", "while in 2020 ..."
           # (not "The LPR, cut in 2024 three times, ... in December")
           and re.fullmatch(r"\s*(?:[A-Za-z]+[\s,]+){0,3}?(?:(?:in|during|throughout)\s+)?",
                            text[max(c for c in cuts if c <= m.start(1)) : m.start(1)], re.I)]
    return int(yrs[-1].group(1)) if yrs else None


def _unreleased(p: Period, ref: date) -> Period:
    """A bare month that is the article's own month cannot have trade data yet: "January" on 22 Jan 2026 is
    January 2025 (the month's figures come out around the 20th of the next month)."""
    if p.freq == "M" and p.months == 1 and p.start.year == ref.year and p.start.month == ref.month:
        return p.shift_months(-12)
    return p


# between a bare tonnage and its destination: " to ", " went to the ", " bound for "
_TONNAGE_TO = re.compile(r"\s+(?:(?:went|were\s+sent|was\s+sent|sent|shipped|headed|going)\s+)?(?:to|bound\s+for|"
                         r"destined\s+for|headed\s+for)\s+(?:the\s+)?", re.I)
# "The gap between the one-year and five-year LPRs stands at 0.5 percentage points": a spread, not a change
_RATE_SPREAD = re.compile(r"\b(?:gap|spread|difference|differential)\s+between\b", re.I)
_THAT_YEAR = re.compile(r"\b(?:that|the same) year\b(?!['’])", re.I)
_SHORT_OF = re.compile(r"\s*(?:short|shy)\s+of\b", re.I)
# "eased to 564 tonnes, about 9.5% of all magnet exports": a share, whatever direction word came before
_OF_ALL_AFTER = re.compile(r"\s*of\s+(?:the\s+)?(?:all|total|overall|china['’]s\s+(?:total|overall))\b"
                           r"(?!\s+(?:change|increase|decrease|rise|fall|growth))", re.I)


# a tonnage for a whole year written without the year: "shipped 57,392 tonnes last year", "Across the year the US
# took 5,933 tonnes", "a year in which China shipped 57,392 tonnes" (not "from last year", "than last year's")
_ANNUAL_PHRASE = re.compile(
    r"\b(?:(?<!\bfrom )(?<!\bthan )(?<!\bsince )(?<!\bwith )(?<!\bon )(?<!\bvs )(?P<last>last year)(?!['’])"
    r"|across the year|over the course of the year|(?:a|the) year in which)\b", re.I)


def _annual_phrase(text: str, ref: date, trade_default: Period) -> Period | None:
    m = _ANNUAL_PHRASE.search(text)
    if m is None:
        return None
    return Period.year(ref.year - 1 if m["last"] else trade_default.start.year)


_POLICY_EVENT = re.compile(r"\b(?:imposed|announced|introduced|unveiled|added|suspended|lifted|agreed|signed|"
                           r"approved|tightened|expanded|extended|paused|banned|placed|put)\b", re.I)


def _numberless_month(text: str, base: int, cs: list[Cue], ctx: _Ctx, ref: date) -> None:
    """A sentence without a number that names one month ("May was the trough.", "By August the recovery was
    complete.") sets the paragraph's month for the trade figures that follow."""
    if ctx.rate_ctx or any(c.kind == "rate" for c in cs) or _POLICY_EVENT.search(text):
        return  # "Beijing imposed curbs in April.": the month of an event, not of the figures after it
    mains = {(_unreleased(t.period, ref) if t.bare else t.period) for t in _time_cues(text, base, cs, ref)
             if t.role == "main" and not re.search(  # "Demand cooled after a strong September": another time
                 r"\b(?:after|before|following|until|till|since|from|than|unlike|like)\s+(?:[\w'’-]+\s+){0,2}$",
                 text[max(0, t.start - base - 40) : t.start - base], re.I)}
    if len(mains) == 1:
        ctx.period = next(iter(mains))


def _clause_of(text: str, pos: int) -> int:
    return len(_CLAUSE.findall(text[:pos]))


def _non_lpr_subject(probe: str) -> bool:
    """The last rate named in ``probe`` is a deposit, mortgage, yield ... rate, with no LPR named after it."""
    subj = list(_NON_LPR_RATE.finditer(probe))
    return bool(subj) and not _LPR_NAME.search(probe[subj[-1].end() :])


def _subject_probe(text: str, a: int) -> tuple[str, int]:
    """The clause naming the subject of the number at ``a``, and where it starts: its own clause up to it, or, when
    that names no rate or subject ("…, to 1.25% and 1.3%", "…, already at a record low"), the clauses before it,
    skipping appositives (", the reference for mortgages,")."""
    pos = _clause_start(text, a)
    probe = text[pos:a]
    while pos > 0 and (
        not (_NON_LPR_RATE.search(probe) or _LPR_NAME.search(probe) or _RATE_NOUN.search(probe))
        or _APPOSITIVE_CLAUSE.match(probe)
    ):
        prev = _clause_start(text, pos - 1)
        probe, pos = text[prev:pos], prev
    return probe, pos


def _clause_start(text: str, pos: int) -> int:
    """Where the clause of ``text`` that holds ``pos`` starts."""
    return max((m.end() for m in _CLAUSE.finditer(text) if m.end() <= pos), default=0)


def _clause_text(text: str, pos: int) -> str:
    """The clause of ``text`` that holds position ``pos``."""
    start, end = 0, len(text)
    for m in _CLAUSE.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return text[start:end]


def link_article(
    art: CleanArticle, ref: date, topic: str, latest_trade: Period, first_lpr: Period, *, trade_topic: str | None = None
) -> list[Link]:
    """Link every number of every kept sentence."""
    ctx = _Ctx(ref, topic, latest_trade)
    ctx.trade_topic = trade_topic if trade_topic != "rates" else None
    links: list[Link] = []
    for s in art.sentences:
        if s.block != ctx.block:
            ctx.block = s.block
            ctx.prev_product = ctx.product or ctx.prev_product
            ctx.product = None
            ctx.period = (ctx.section_period or ctx.story_period) if s.kind != "teaser" else None
            ctx.rate_period = ctx.rate_period if s.kind != "teaser" else None
            ctx.basis = None
            ctx.rate_ctx = False
        links.extend(_link_sentence(s, ctx, first_lpr))
    return links


_LAST_STRENGTH = ["default"]  # how the last _period_for call decided (attached|clause|sentence|carry|default)


def _period_for(
    q: Quantity,
    s: Sentence,
    ts: list[_T],
    qs: list[Quantity],
    text: str,
    ref: date,
    default: Period,
    carry: Period | None,
) -> tuple[Period, Period | None, bool]:
    """(period, compare period, explicit) of a number."""
    base = s.start
    cl = _clause_of(text, q.start - base)
    nxt = min([x.start for x in qs if x.start > q.start] + [s.end])
    compare: Period | None = None
    _LAST_STRENGTH[0] = "attached"
    for t in ts:  # forward: right after the number, in its clause, before the next number
        if q.end <= t.start < nxt and _clause_of(text, t.start - base) == cl:
            if re.search(r"\bsince\b", text[q.end - base : t.start - base], re.I):
                continue  # "the second rise since the truce at the end of October": not the number's month
            if t.role == "main":
                return t.period, None, True
            if t.role == "compare" and compare is None:
                compare = t.period
    for t in reversed(ts):  # backward: "January, when 6,357 tons", "September's 4,000.3 tons"
        gap = text[t.end - base : q.start - base]
        if any(t.end <= x.start < q.start for x in qs):
            continue  # "September's 5,774 mt but up 15.8%": the month is the number's before it
        if t.end <= q.start and (
            (len(gap) <= 24 and (re.match(r"(?:['’]s|,?\s*when)", gap) or (t.role != "since" and re.match(r":", gap))))
            or (t.role == "paren" and gap.isspace())
            or re.fullmatch(r",?\s*when\b[^,;.\d]{0,40}", gap)
        ):
            return t.period, compare, True
    _LAST_STRENGTH[0] = "clause"
    same = [t for t in ts if t.role == "main" and _clause_of(text, t.start - base) == cl and t.start < q.start]
    if same:
        return same[-1].period, compare, True
    same_after = [
        t
        for t in ts
        if t.role == "main"
        and _clause_of(text, t.start - base) == cl
        and t.start >= q.end
        and re.search(r"\d", text[t.start - base : t.end - base])
        # "15.8% YoY against 4,725 mt in October 2024": the month is that tonnage's
        and not (q.unit == "pct" and any(q.end <= x.start < t.start and x.unit == "t" for x in qs))
    ]
    if same_after:
        return same_after[0].period, compare, True
    _LAST_STRENGTH[0] = "sentence"
    earlier = [t for t in ts if t.role == "main" and t.start < q.start]
    if earlier:
        return earlier[0].period, compare, True
    _LAST_STRENGTH[0] = "carry"
    if carry is not None:
        return carry, compare, False
    _LAST_STRENGTH[0] = "default"
    return default, compare, False


_SHAPE = re.compile(
    r"\b(?P<jf>first two months(?: of (?:the year )?(?P<jfy>(?:19|20)\d{2}))?|january[\s-]+(?:and\s+)?february"
    r"(?:\s+(?P<jfy2>(?:19|20)\d{2}))?|jan[\s-]+feb|same two months)\b"
    r"|\b(?:first|opening)\s+(?P<n>\w+|\d+)\s+months(?: of (?P<ny>(?:19|20)\d{2}))?"
    r"|\b(?P<h1>first[\s-]half|h1|first six months|those six months)(?: of (?P<hy>(?:19|20)\d{2}))?"
    # "the second half of 2025", "H2"; "the three months to December" (FT style: the months ending in it)
    r"|\b(?P<h2>second[\s-]half|h2|final six months)(?: of (?P<h2y>(?:19|20)\d{2}))?"
    r"|\b(?P<nto>two|three|four|five|six|2|3|4|5|6)\s+months\s+(?:to|through|ending(?:\s+in)?|ended(?:\s+in)?)\s+"
    r"(?P<ntm>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+(?P<nty>(?:19|20)\d{2}))?"
    r"|\b(?:first|opening)\s+(?P<qn>two|three|2|3)\s+quarters(?: of (?P<qy>(?:19|20)\d{2}))?"
    r"|\b(?P<q1>first[\s-]quarter|q1)(?: of (?P<q1y>(?:19|20)\d{2}))?"
    r"|\b(?:(?P<qq>second|third|fourth)[\s-]quarter|(?P<qqn>q[234]))(?: of (?P<qqy>(?:19|20)\d{2}))?"
    r"(?:\s+(?P<qqy2>(?:19|20)\d{2}))?\b"
    r"|\b(?P<m1>feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
    r"nov(?:ember)?)\.?\s*(?:-|–|through)\s*(?P<m2>mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+(?P<my>(?:19|20)\d{2}))?"
    r"|\b(?P<ytd>year[\s-]to[\s-]date|so far this year|ytd)\b"
    r"|\b(?:from |between )?(?P<r1>jan(?:uary)?\.?)\s*(?:-|–|to|through)\s*(?P<r2>mar(?:ch)?|apr(?:il)?|may|june?|"
    r"july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+(?P<ry>(?:19|20)\d{2}))?"
    r"|\b(?P<ann>(?:the )?whole of|full[\s-]year|for the year|over the year|in total|"
    r"annual(?!\s+(?:decline|increase|rise|fall|drop|growth|gain|basis|rate|change|decrease)))"
    r"(?:\s+(?P<ay>(?:19|20)\d{2}))?"
    r"|(?<![\w/-])(?P<yr>(?:19|20)\d{2})(?![\w/-]|,\d)",
    re.I,
)


def _shape_cues(
    text: str, base: int, year_default: int, month_starts: set[int], ytd_end: Period | None = None,
    ref: date | None = None,
) -> list[tuple[int, int, Period, bool]]:
    """Multi-month periods (Jan-Feb, first N months, first half, a year): (start, end, period, is_bare_year)."""
    from .lexicon import NUMBER_WORDS

    out: list[tuple[int, int, Period, bool]] = []
    for m in _SHAPE.finditer(text):
        a, b = base + m.start(), base + m.end()
        if m["jf"]:
            y = int(m["jfy"] or m["jfy2"] or year_default)
            out.append((a, b, Period.parse(f"{y}-01/{y}-02"), False))
        elif m["n"]:
            w = m["n"].lower()
            n = NUMBER_WORDS.get(w) or (int(w) if w.isdigit() else 0)
            if 1 < n <= 12:
                y = int(m["ny"] or year_default)
                out.append((a, b, Period.months_range(Period.month(y, 1), Period.month(y, n)), False))
        elif m["qn"]:
            n = {"two": 6, "2": 6, "three": 9, "3": 9}[m["qn"].lower()]
            y = int(m["qy"] or year_default)
            out.append((a, b, Period.months_range(Period.month(y, 1), Period.month(y, n)), False))
        elif m["q1"]:
            y = int(m["q1y"] or year_default)
            out.append((a, b, Period.months_range(Period.month(y, 1), Period.month(y, 3)), False))
        elif m["qq"] or m["qqn"]:
            k = {"second": 2, "q2": 2, "third": 3, "q3": 3, "fourth": 4, "q4": 4}[(m["qq"] or m["qqn"]).lower()]
            yq = m["qqy"] or m["qqy2"]
            y = int(yq) if yq else (resolve_month(3 * k, ref).start.year if ref else year_default)
            out.append((a, b, Period.months_range(Period.month(y, 3 * k - 2), Period.month(y, 3 * k)), False))
        elif m["m1"]:
            from .lexicon import MONTHS

            st, en = MONTHS.get(m["m1"].lower().rstrip(".")), MONTHS.get(m["m2"].lower().rstrip("."))
            if st is None or en is None or en <= st:
                continue
            y = int(m["my"]) if m["my"] else (resolve_month(en, ref).start.year if ref else year_default)
            out.append((a, b, Period.months_range(Period.month(y, st), Period.month(y, en)), False))
        elif m["ytd"]:
            if ytd_end is not None and ytd_end.start.month > 1:
                y = ytd_end.start.year
                out.append((a, b, Period.months_range(Period.month(y, 1), ytd_end), False))
        elif m["r1"]:
            from .lexicon import MONTHS

            end = MONTHS.get(m["r2"].lower().rstrip("."))
            if end is None or end < 3:
                continue
            y = int(m["ry"]) if m["ry"] else (resolve_month(end, ref).start.year if ref else year_default)
            out.append((a, b, Period.months_range(Period.month(y, 1), Period.month(y, end)), False))
        elif m["h1"]:
            y = int(m["hy"] or year_default)
            out.append((a, b, Period.months_range(Period.month(y, 1), Period.month(y, 6)), False))
        elif m["h2"]:
            y = int(m["h2y"] or year_default)
            out.append((a, b, Period.months_range(Period.month(y, 7), Period.month(y, 12)), False))
        elif m["nto"]:
            from .lexicon import MONTHS

            n = NUMBER_WORDS.get(m["nto"].lower()) or int(m["nto"])
            em = MONTHS.get(m["ntm"].lower().rstrip("."))
            if em is None:
                continue
            last = resolve_month(em, ref, int(m["nty"]) if m["nty"] else None) if ref else Period.month(
                int(m["nty"] or year_default), em)
            out.append((a, b, Period.months_range(last.shift_months(1 - n), last), False))
        elif m["ann"]:
            y = int(m["ay"] or year_default)
            out.append((a, b, Period.year(y), False))
        elif m["yr"]:
            before = text[max(0, m.start() - 12) : m.start()]
            if re.search(r"[A-Za-z]{3,}\.?\s*$", before) and MONTH_NAME.search(before):
                continue  # "May 2024": a month, handled elsewhere
            if re.search(r"\bsame (?:month|period) (?:of|in)\s*$", before, re.I):
                continue
            out.append((a, b, Period.year(int(m["yr"])), True))
    return out


# a sentence whose subject points back ("That was down nearly 75%", "The figure compares with ...")
_ANAPHOR = re.compile(r"\s*(?:(?:even so|still|however|but|and|yet|nonetheless|nevertheless|even then|"
                      r"in (?:volume|value|tonnage|annual|monthly) terms),?\s+|(?:[\w-]+\s+){0,3}[\w-]+,\s+)?"
                      r"(?:that|this|it|the (?:(?:january|february|march|april|may|june|july|august|september|october|"
                      r"november|december)\s+)?(?:figure|total|volume|tally|number|amount|drop|decline|fall|rise|"
                      r"increase|level|consignments?|shipments?|deliveries|cargoes)|the (?:correct|right|actual|"
                      r"revised|corrected|same) (?:figure|number|total)|these|those|they|"
                      r"such (?:shipments|exports|flows))\b(?!\s+(?:year|month|week))",
                      re.I)
# a forecast, not the fixing: "(exp 3.15%; prior 3.35%)", "Economists had forecast the one-year LPR at 3.15%",
# "Consensus had been looking for a 20bp cut"; after the number: "the 20 bp expected"
_FORECAST_BEFORE = re.compile(
    r"(?:\b(?:exp|expected|expectations?|est|estimated?|estimates|consensus|forecasts?|forecasted|f'?cast|median"
    r"|predicted|projected|looking for|called for|anticipated|penciled in|pencilled in)\b[^.;,()]{0,45}?"
    r"|\(\s*(?:exp|est|cons|f'?cast|poll)\.?\s*[:=]?\s*)$",
    re.I,
)
# a present-tense outlook: "Most economists expect a further 10 bp cut", "We look for another 10 bp off",
# "Some see the one-year LPR falling to 3.55%", "Analysts pencil in a 10 bp cut"
_FORECAST_PRESENT = re.compile(
    r"(?:\b(?:expects?|look(?:s)? for|pencils? in|projects?|predicts?|forecasts?|anticipates?|bets? on|price[sd]? in"
    r"|pricing in)\b[^.;,()]{0,45}?"
    r"|\b(?:sees?|seeing)\b[^.;,()]{0,40}?\b(?:falling|rising|dropping|declining|easing|heading|going|coming down"
    r"|edging|sliding|slipping|climbing)\b[^.;,()]{0,15}?"
    # "with the five-year possibly falling to 3.4%", "could drop to"
    r"|\b(?:possibly|probably|likely|could|might)\s+(?:be\s+)?(?:falling|fall|dropping|drop|declining|decline"
    r"|easing|ease|going|go|coming|come|sliding|slide)\s+(?:down\s+)?to\s+)$",
    re.I,
)
_FORECAST_AFTER = re.compile(r"\s*(?:cut\s+|reduction\s+|hike\s+)?(?:expected|forecast|predicted|anticipated|"
                             r"priced in|seen by)\b"
                             # a level for a future date: "at 2.9% by the end of next year", "3% in 2027"
                             r"|\s*(?:by|in|at)\s+(?:the\s+end\s+of\s+|end-|early\s+|mid-?|late\s+)?(?:next|the\s+coming|"
                             r"the\s+following)\s+(?:year|quarter|month)\b", re.I)
# China's trade in all goods (never a lane): "China's total exports", "overall exports", "the trade surplus"
_ALL_GOODS = re.compile(r"\b(?:china's|the country's|its)\s+(?:total|overall|aggregate)\s+(?:exports|imports|trade|"
                        r"shipments)\b|\btrade (?:surplus|deficit|balance)\b|\bexports of all goods\b|"
                        r"\b(?:total|overall) (?:exports|trade) in (?:dollar|yuan) terms\b"
                        # "total goods trade rose 3.6%", "foreign trade", "merchandise exports"
                        r"|\b(?:total|overall|aggregate)\s+(?:goods|merchandise)\b|\b(?:goods|foreign|merchandise|"
                        r"external)\s+trade\b|\bmerchandise\s+(?:exports|imports)\b|\btrade in goods\b", re.I)
# the date a rate change takes effect
_EFFECTIVE = re.compile(r"\b(?:effective|with effect from|taking effect|takes effect|effective from|starting)\s+"
                        r"(?:on\s+|from\s+)?$", re.I)
# between a rate level and a month it held until: " until ", " before being trimmed in ", " before the cut in "
_UNTIL_MONTH = re.compile(r"\s*,?\s*(?:until|till|up to|before\s+(?:being\s+|it\s+was\s+|the\s+|a\s+)?"
                          r"(?:\w+\s+){0,2}?(?:in|on)|before)\s+", re.I)
# "prior 3.35%", "previous: 3.35%": the level of the fixing before
_PRIOR_LEVEL = re.compile(r"\b(?:prior|previous(?:ly)?|prev\.?|last)\s*[:=]?\s*$", re.I)
# rates that are not benchmark fixings, named as the subject before a number
_NON_LPR_RATE = re.compile(r"\b(?:deposits?|savings|time deposits?|demand deposits?|certificates? of deposit|"
                           r"mortgages?|mortgage rates?|home loans?|first-home loans?|provident fund|floors?|"
                           r"bond yields?|yields?|interbank|shibor|dr007|repo rate of|net interest margins?|NIM)\b",
                           re.I)
_APPOSITIVE_CLAUSE = re.compile(r"[,\s]*(?:the|a|an|which|whose|who|on which|used|a key|seen as)\b", re.I)
_RATE_NOUN = re.compile(r"\b(?:rates?|repo|MLF|tenor|benchmarks?)\b", re.I)
_LPR_NAME = re.compile(r"\b(?:LPRs?|loan prime rates?|benchmark lending rates?|lending benchmarks?)\b", re.I)
# who sets a rate: China's central bank or its benchmarks (against another central bank named before the number)
_CHINA_RATE_SUBJECT = re.compile(r"\b(?:PBOC|PBoC|People's Bank|China|Chinese|Beijing|loan prime rates?|LPRs?)\b", re.I)
# a sentence whose singular subject points back to the one rate of the sentence before
_SINGULAR_RATE_ANAPHOR = re.compile(r"\s*(?:it|the (?:rate|benchmark|tenor|fixing|lpr)|this (?:rate|benchmark))\b",
                                    re.I)
# the words between a change and its partner when the basis comes first: " from a year earlier to the ",
# " month on month to ", " year-on-year, for "
_PARTNER_AFTER_BASIS = re.compile(
    r"\s*(?:(?:higher|lower|more|less)\s+)?,?\s*(?:"
    r"(?:from|than|compared (?:with|to)|against|over|versus)\s+(?:a|one|the)\s+(?:year|month)\s+(?:earlier|ago|before)"
    r"|(?:from|than|compared (?:with|to)|against|over|versus)\s+(?:in\s+)?the\s+(?:previous|prior|preceding|same)\s+"
    r"(?:month|year|period)(?:\s+(?:a|of the previous|last)\s+year(?:\s+(?:earlier|ago|before))?)?"
    r"|(?:(?:on\s+)?(?:a\s+)?(?:year|month)[\s-]on[\s-](?:year|month)(?:\s+basis)?)"
    r"|on\s+(?:the|a)\s+(?:year|month)|(?:on\s+an?\s+)?(?:annual|monthly|yearly)(?:\s+basis)?"
    r"|y/y|m/m|yoy|mom"
    # "rose 35% from October to Japan": a base month (with its year) is a basis too
    r"|(?:from|than|compared (?:with|to)|against|over|versus)\s+(?:in\s+)?(?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
    r"(?:\s+(?:19|20)\d{2})?(?:'s(?:\s+(?:level|figure|total|volume))?)?"
    r")\s*,?\s+(?:to|for)\s+(?:the\s+)?",
    re.I,
)
# the words between a tonnage and its destination: " of rare-earth magnets to the ", " of Chinese magnets bound for "
_OF_PRODUCT_TO = re.compile(
    r"\s+of\s+(?:[\w'’-]+\s+){0,4}?(?:magnets?|rare[\s-]?earths?|minerals|elements)\s+(?:(?:were|was)\s+)?"
    r"(?:(?:exported|shipped|sent|sold|delivered|went|headed|going)\s+)?(?:to|for|bound for|destined for|headed for)\s+"
    r"(?:the\s+)?",
    re.I,
)
# "the previous month's 150 tons", "the prior month's", "a year earlier's": a level of the month (year) before
_PREV_POSSESSIVE = re.compile(
    r"\b(?:the\s+)?(?:(?:previous|prior|preceding)\s+(?:month|year)|month\s+before|year[\s-]earlier|"
    r"(?:a\s+)?(?:month|year)[\s-](?:earlier|ago))['’]s\s+(?:(?:level|figure|total|volume|tally)\s+of\s+)?"
    r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|just\s+|only\s+)?$",
    re.I,
)
# a change against a year: "vs 2024", "from 58,152t in 2024", "compared with the 2024 total"
_VS_YEAR = re.compile(
    r"^\s*(?:(?:higher|lower|more|less)\s+)?(?:from|than(?:\s+in)?|vs\.?|versus|compared\s+(?:with|to)|against|over|on)"
    r"\s+(?:(?:about|around|some|roughly)\s+)?(?:[\d,.]+\s*(?:t|mt|tons?|tonnes?|metric\s+tons)\s+)?(?:in\s+)?(?:the\s+)?"
    r"((?:19|20)\d{2})\b",
    re.I,
)
# words that make a streak sentence without a named rate about the benchmark rates
_RATE_WORD = re.compile(r"\b(rates?|benchmarks?|lending|lprs?|policy)\b", re.I)
_WORLD_WORDS = re.compile(r"\b(total|overall|all destinations|worldwide|globally|in all)\b", re.I)
# the text between a partner and a second one inside its appositive: ", the largest buyer in "
_APPOSITION = re.compile(r",\s+(?:the|its|a|an|which|who|whose|[A-Z][a-z]+['’]s)\b[^,;()\d]*", re.I)


_YEAR_END = re.compile(r"\b(?:the\s+)?year[\s-]end\b|\bthe\s+end\s+of\s+(?:last\s+|the\s+)?year\b"
                       # "ended the year at 2.1%", "finished the year at a record low"
                       r"|\b(?:ended|finished|closed)\s+the\s+year\b", re.I)


def _heading_period(text: str, ref: date) -> Period | None:
    """The period a section header names ("LOOKING BACK: DECEMBER 2025", "FULL YEAR 2025", "JAN-FEB 2026")."""
    yr = re.search(r"\b((?:19|20)\d{2})\b", text)
    shapes = _shape_cues(text, 0, int(yr.group(1)) if yr else ref.year, set(), None, ref)
    spans = [sc[2] for sc in shapes if not sc[3]]
    if spans:
        return spans[0]
    months = [c for c in cues(text) if c.kind == "month"]
    if months:
        m, y, _d = months[0].value.split("|")
        return resolve_month(int(m), ref, int(y) if y else None)
    return shapes[0][2] if shapes else None


@dataclass
class _Chart:
    """What a chart caption says about the data line under it."""

    product: str | None
    partner: str
    period: Period | None
    tonnes: bool
    yoy: bool


def _read_caption(text: str, base: int, ctx: _Ctx, ref: date) -> None:
    """ "Chart 3 | US-bound magnet exports, tonnes, monthly": product, partner, unit and period of the chart."""
    cs = cues(text, base)
    prods = [c.value for c in cs if c.kind == "product"]
    parts = [c.value for c in cs if c.kind == "partner"]
    period = _heading_period(text, ref)
    ctx.chart = _Chart(
        prods[0] if len(set(prods)) == 1 else None, parts[0] if len(set(parts)) == 1 else "WLD", period,
        bool(re.search(r"\b(?:tonnes|tons|metric tons|t)\b", text, re.I)),
        bool(re.search(r"\b(?:on a year earlier|year[\s-]on[\s-]year|y/y|yoy|from a year earlier)\b", text, re.I)))
    if period is not None and period.freq == "A":
        ctx.year = period.start.year  # "Germany's share was 15% that year"


def _link_chart_line(s: Sentence, ctx: _Ctx, ref: date) -> list[Link]:
    """A data line under a chart caption: "2020: 35,982 · 2024: 58,152", "Germany 5,488 · US 4,924", "May 2025: 46 |
    Jun: 353", "Magnets 10,763 (+8.2%) · Rare earths 10,460 (+23%)". Each item's label is a year, a month, a partner
    or a product; the caption gives the rest (unit, product, partner, period; "(change on a year earlier)")."""
    from .lexicon import MONTHS

    chart = ctx.chart
    assert chart is not None
    text, base = s.text, s.start
    out: list[Link] = []
    qs = [q for q in quantities(text, base) if not q.is_range]
    year: int | None = None
    pos = 0
    for item in re.split(r"\s+[·•|]\s+", text):
        a = text.index(item, pos)
        pos = a + len(item)
        iq = [q for q in qs if a <= q.start - base < pos]
        if not iq:
            continue
        label = item[: iq[0].start - base - a].strip().rstrip(":").strip()
        lc = cues(label, base + a)
        prods = [c.value for c in lc if c.kind == "product"]
        if not prods and re.search(r"\brare[\s-]?earths?\b(?![\s-]*(?:permanent\s+)?magnet)", label, re.I):
            prods = ["rare_earths"]  # a chart label "Rare earths 10,460" names the headline series
        parts = [c.value for c in lc if c.kind == "partner"]
        prod = prods[0] if prods else (chart.product or ctx.product or (ctx.topic if ctx.topic != "rates" else
                                                                        ctx.trade_topic))
        partner = parts[0] if parts else chart.partner
        period = chart.period
        ym = re.fullmatch(r"((?:19|20)\d{2})", label)
        mm = re.fullmatch(r"([A-Za-z]{3,9})\.?(?:\s+((?:19|20)\d{2}))?", label)
        if ym:
            period = Period.year(int(ym.group(1)))
        elif mm and MONTHS.get(mm.group(1).lower()) is not None and not parts:
            year = int(mm.group(2)) if mm.group(2) else year
            mo = MONTHS[mm.group(1).lower()]
            period = Period.month(year, mo) if year else resolve_month(mo, ref)
            year = period.start.year
        elif not parts and not prods:
            continue
        if prod is None or period is None:
            continue
        series = f"{prod}/CHN/{partner}"
        lv = iq[0]
        if lv.unit in ("bare", "t") and (chart.tonnes or lv.unit == "t"):
            out.append(Link(replace(lv, unit="t"), s, series, partner, period, "level", value=lv.value, unit="t",
                            product=prod, explicit=True, strength="attached"))
        for q in iq[1:]:
            if q.unit == "pct" and chart.yoy:
                out.append(Link(q, s, series, partner, period, "yoy_pct", compare=period.shift_months(-12),
                                direction=q.sign, value=q.value, unit="pct", product=prod, explicit=True,
                                strength="attached"))
    return out


def _link_sentence(s: Sentence, ctx: _Ctx, first_lpr: Period) -> list[Link]:
    text = s.text
    base = s.start
    ctx.sent_levels = []
    ctx.sent_dependence = None
    ctx.sent_share = None
    if CHART_CAPTION.match(text):
        _read_caption(text, base, ctx, s.ref_date or ctx.ref)
        return []
    if ctx.chart is not None and DATA_LINE.fullmatch(text):
        return _link_chart_line(s, ctx, s.ref_date or ctx.ref)
    if s.kind in ("heading", "bullet") and not re.search(r"\d", text):
        ctx.chart = None  # a section header ends the chart's context
    if s.kind == "heading":
        # the lines under a period header take its period (until the next header)
        ctx.section_period = _heading_period(text, s.ref_date or ctx.ref)
        ctx.year = ctx.section_period.end.year if ctx.section_period else ctx.year
        return []
    if s.kind == "body" and len(text.split()) <= 5 and not re.search(r"\d|[.!?:;]\s*$", text):
        ctx.section_period = None  # a plain header ("What it means") ends the section
    cs = cues(text, base)
    prev_year = ctx.hist_year
    ctx.hist_rate_period = ctx.hist_told or ctx.rate_period
    ctx.hist_told = None
    years_here = re.findall(r"\b((?:19|20)\d{2})\b", text)
    if years_here:
        ctx.hist_year = int(years_here[-1])
    if not _HAS_NUMBER.search(text):
        # no number to link; the sentence still sets the paragraph's product and rate context
        prods = [c for c in cs if c.kind == "product" and not NEGATED_PRODUCT_RE.search(text[: c.start - base])]
        if prods:
            ctx.product = prods[-1].value
        if any(c.kind == "rate" and c.value not in ("rreq", "mlf") for c in cs):
            ctx.rate_ctx = True
        if any(c.kind == "rate" and c.value != "rreq" for c in cs):
            # "The LPRs were cut on July 22.": the date a later "three days later" counts from
            told = [t for t in _time_cues(text, base, cs, s.ref_date or ctx.ref, prev_year) if t.role == "main"]
            if told:
                ctx.hist_told = told[-1].period
        ctx.prev_partners = {c.value for c in cs if c.kind == "partner"}
        ctx.para_partners |= ctx.prev_partners
        ctx.prev_import = False
        ctx.prev_rates = {c.value for c in cs if c.kind == "rate"}
        ctx.prev_trade = bool(prods or _TRADE_NOUN.search(text)) and not any(c.kind == "rate" for c in cs)
        _numberless_month(text, base, cs, ctx, s.ref_date or ctx.ref)
        return []
    qs = [q for q in quantities(text, base) if not q.is_range]
    ref = s.ref_date or ctx.ref
    refm = _ref_month(ref)
    ts = _time_cues(text, base, cs, ref, prev_year)
    rates_here = any(c.kind == "rate" for c in cs)
    told_here = [t for t in ts if t.role == "main"]
    if rates_here and told_here:
        ctx.hist_told = told_here[-1].period  # "The LPRs were cut on July 22.": for "three days later" after it
    # month names inside "January-February" belong to the two-month period
    jf_spans = [(base + m.start(), base + m.end()) for m in _SHAPE.finditer(text)
                if m["jf"] or m["r1"] or m["m1"] or m["nto"]]
    ts = [t for t in ts if not any(a <= t.start < b for a, b in jf_spans)]
    # relative and special time expressions
    for m in _REL.finditer(text):
        a, b = base + m.start(), base + m.end()
        if m["last"]:
            head = text[max(0, m.start() - 30) : m.start()]
            role = "since" if _SINCE_BEFORE.search(head) else "main"  # "after last month's cuts"
            if role == "main" and (rates_here or ctx.rate_ctx) and _COMPARE_BEFORE.search(head):
                role = "compare"  # "10 basis points lower than the previous month": the change is this month's
            ts.append(_T(a, b, refm.shift_months(-1), role))
        elif m["this"]:
            if m.group(0).lower().endswith("latest month"):
                ts.append(_T(a, b, ctx.story_period or ctx.latest_trade, "main"))
            elif ctx.topic == "rates" or rates_here:
                ts.append(_T(a, b, refm, "main"))
        elif m["yago"]:
            n = _NUMW.get((m["n"] or "").lower()) or (int(m["n"]) if (m["n"] or "").isdigit() else 1)
            ts.append(_T(a, b, refm.shift_months(-12 * n), "main"))
    for m in _YEAR_END.finditer(text):  # "slipped for two months running into the year-end": the latest December
        head = text[max(0, m.start() - 30) : m.start()]
        role = "since" if _SINCE_BEFORE.search(head) else ("compare" if _COMPARE_BEFORE.search(head) else "main")
        ts.append(_T(base + m.start(), base + m.end(), resolve_month(12, ref), role))
    ts.sort(key=lambda t: t.start)

    products = [c for c in cs if c.kind == "product" and not NEGATED_PRODUCT_RE.search(text[: c.start - base])]
    rates = [c for c in cs if c.kind == "rate"]
    partners = [c for c in cs if c.kind == "partner"]
    is_poll = bool(_POLL.search(text))
    ctx.product_before = ctx.product  # the paragraph's product before this sentence named its own
    if products:
        ctx.product = products[-1].value
    if (_ANAPHOR.match(text) or re.match(r"(?:[\w-]+\s+){0,5}?(?:they|these|those)\b", text, re.I)) and \
            not products and ctx.prev_import and not _EXPORT_WORD.search(text):
        ctx.prev_import = True
        return [Link(q, s, "other", None, None, "other", value=q.value, unit=q.unit,
                     reason="refers back to China's imports, not its exports") for q in qs]
    ctx.anaphor = bool(_ANAPHOR.match(text)) and not products and bool(
        ctx.product or ctx.prev_product or ctx.prev_trade
    ) and not (ctx.prev_rates and not ctx.prev_trade)  # "... rates unchanged. They stood at 3.0%": not a trade subject
    # "Shipments to the United States fell to 582 tons. That was down 11% from October.": the one partner of the
    # previous sentence, when the referring sentence names none of its own
    ctx.carry_partner = (
        next(iter(ctx.prev_partners)) if ctx.anaphor and not partners and len(ctx.prev_partners) == 1 else None
    )
    ctx.carry_ambiguous = ctx.anaphor and not partners and len(ctx.prev_partners) > 1
    if not partners and "EUU" in (ctx.prev_partners | ctx.para_partners) and _BLOC.search(text):
        # "The bloc's intake rose 21 percent": the European Union named just before
        ctx.carry_partner, ctx.carry_ambiguous = "EUU", False
    if (ctx.chart is not None and ctx.chart.partner != "WLD" and not partners and ctx.carry_partner is None
            and not ctx.carry_ambiguous):
        ctx.carry_partner = ctx.chart.partner  # prose under "Chart 3 | US-bound magnet exports": the US lane
    if _WORLD_WORDS.search(text):  # "That compares with 6,150 tons overall": the total, not the partner
        ctx.carry_partner, ctx.carry_ambiguous = None, False
    if ctx.anaphor and ctx.product is None:
        ctx.product = ctx.prev_product  # "That was down nearly 75% ...": the previous paragraph's subject
    if any(c.value not in ("rreq", "mlf") for c in rates):
        ctx.rate_ctx = True
    present = bool(_PRESENT.search(text))
    trade_default = ctx.latest_trade if s.ref_date is None else refm.shift_months(-1)
    out: list[Link] = []
    annual_sentence = bool(_ANNUAL.search(text))

    # rate tenors for "X and Y" lists
    for q in qs:
        a = q.start - base
        before = text[max(0, a - 40) : a]
        after = text[q.end - base : q.end - base + 40]
        if q.unit == "bare" and (ctx.topic == "rates" or rates) and ("." in q.written) and 0.5 <= q.value <= 15:
            q = replace(q, unit="pct")
        if (
            q.unit == "bare" and q.decimals > 0 and re.match(r"\s+(?:gain|rise|increase|drop|fall|decline)", after)
        ) or (
            q.unit == "bare"
            and q.decimals > 0
            and re.search(
                r"\b(?:fell|rose|dropped|slipped|climbed|"
                r"declined|jumped|grew)\s+$",
                before,
            )
        ):
            q = replace(q, unit="pct")
        direction = q.sign or _dir_of(text, q, base)
        bnd = re.search(r"\b(?:more|less|fewer)\s+than\s*$", text[: q.start - base]) if q.bound else None
        if bnd is not None and not q.sign:
            # "fell by more than 80 per cent": the bound's "more" is not a direction
            direction = _dir_of(text[: bnd.start()] + " " * (bnd.end() - bnd.start()) + text[bnd.end() :], q, base)
        if not direction and q.unit == "pct" and _SHORT_OF.match(text[q.end - base :]):
            direction = -1  # "still 12% short of January's": below that level
        link = _link_one(
            q,
            s,
            text,
            ts,
            qs,
            cs,
            products,
            rates,
            partners,
            is_poll,
            present,
            ctx,
            refm,
            trade_default,
            first_lpr,
            direction,
            annual_sentence,
        )
        out.extend(link)
    # "rose 23% to 10,460 tons in January-February": the change takes the period of the level it leads to
    for i, lk in enumerate(out):
        if lk.measure not in ("mom_pct", "yoy_pct") or lk.strength not in ("sentence", "carry", "default"):
            continue
        for nx in out[i + 1 :]:
            if (
                nx.measure == "level"
                and nx.unit == "t"
                and nx.strength == "attached"
                and nx.period is not None
                and _clause_of(text, nx.q.start - base) == _clause_of(text, lk.q.start - base)
                and re.search(r"\bto\s+(?:about\s+|around\s+|some\s+)?$", text[: nx.q.start - base])
            ):
                shift = -12 if lk.measure == "yoy_pct" else -1
                lk.period = nx.period
                lk.compare = nx.period.shift_months(shift)
                break
    _span_changes(text, base, out, ref)
    ctx.prev_partners = {c.value for c in partners}
    ctx.prev_import = any(lk.reason == "China's imports, not its exports" for lk in out) and not any(
        lk.series != "other" for lk in out)
    if not products and _OTHER_COMMODITY.search(text):
        ctx.prev_partners = set()  # "Graphite exports ..., with the United States taking 1,120 tonnes": not a lane's
    ctx.para_partners |= ctx.prev_partners
    ctx.prev_rates = {c.value for c in rates}
    ctx.prev_trade = any(lk.series.startswith("rare_earth") for lk in out)
    for lk in out:
        if (
            ctx.story_period is None
            and s.kind in ("body", "title")
            and lk.period is not None
            and lk.period.is_single_month
            and lk.series.startswith("rare_earth")
        ):
            ctx.story_period = lk.period
    for lk in out:
        if (
            lk.series not in ("other",)
            and lk.period is not None
            and lk.measure in ("level",)
            and lk.series.startswith(("rare_earth", "rare_earths"))
        ):
            ctx.period = lk.period
            break
    return out


_MONTHS_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|"
              r"mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_BETWEEN = re.compile(
    rf"\bbetween\s+(?:(?P<m1>{_MONTHS_RE})(?:\s+(?P<y1>(?:19|20)\d{{2}}))?\s+and\s+(?P<m2>{_MONTHS_RE})"
    rf"(?:\s+(?P<y2>(?:19|20)\d{{2}}))?|(?P<ya>(?:19|20)\d{{2}})\s+and\s+(?P<yb>(?:19|20)\d{{2}}))\b", re.I)


def _span_changes(text: str, base: int, out: list[Link], ref: date) -> None:
    """Changes across a written span: "tripled between May and July, from 150 tonnes to 418 tonnes" (the change is
    July's against May; "from X" is May's level, "to Y" July's), "rose 62% between 2020 and 2024" (2024 against
    2020), "rose from 1,364 tonnes in June to 2,582 tonnes in August, a jump of 90% in two months" (August
    against June)."""
    from .lexicon import MONTHS

    changes = [lk for lk in out if lk.measure in ("mom_pct", "yoy_pct") and lk.strength != "attached"]
    levels = [lk for lk in out if lk.measure == "level" and lk.unit == "t"]
    m = _BETWEEN.search(text)
    if m and m["ya"]:
        y1, y2 = int(m["ya"]), int(m["yb"])
        if y1 < y2:
            for lk in changes:
                lk.period, lk.compare, lk.measure = Period.year(y2), Period.year(y1), "yoy_pct"
                lk.basis_unstated = False
        return
    if m:
        mo1, mo2 = MONTHS.get(m["m1"].lower().rstrip(".")), MONTHS.get(m["m2"].lower().rstrip("."))
        if mo1 is None or mo2 is None:
            return
        p2 = resolve_month(mo2, ref, int(m["y2"]) if m["y2"] else None)
        p1 = resolve_month(mo1, p2.start, int(m["y1"]) if m["y1"] else None)
        if p1.start >= p2.start:
            return
        # the change written before the span ("tripled between May and July") took May as its month
        for lk in [x for x in out if x.measure in ("mom_pct", "yoy_pct") and (
                x.strength != "attached" or x.q.end - base <= m.start())]:
            lk.period, lk.compare, lk.measure = p2, p1, "mom_pct"
            lk.basis_unstated = False
        for lk in levels:
            head = text[: lk.q.start - base]
            if lk.strength == "attached" or lk.q.start - base < m.end():
                continue
            if re.search(r"\bfrom\s+(?:about\s+|around\s+|just\s+|only\s+)?$", head):
                lk.period = p1
            elif re.search(r"\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$", head):
                lk.period = p2
        return
    # "from X in June to Y in August, a jump of 90% in two months": the change is between the two levels
    fr = [lk for lk in levels if lk.period is not None and re.search(r"\bfrom\s+(?:about\s+|around\s+)?$",
                                                                    text[: lk.q.start - base])]
    to = [lk for lk in levels if lk.period is not None and re.search(r"\bto\s+(?:about\s+|around\s+)?$",
                                                                    text[: lk.q.start - base])]
    if len(fr) == 1 and len(to) == 1 and fr[0].series == to[0].series and fr[0].q.start < to[0].q.start:
        f1, f2 = fr[0].period, to[0].period
        assert f1 is not None and f2 is not None
        p1, p2 = f1, f2
        gap = (p2.start.year - p1.start.year) * 12 + p2.start.month - p1.start.month
        if p1.is_single_month and p2.is_single_month and 1 < gap < 12:
            for lk in changes:
                if lk.q.start > to[0].q.end and lk.series == to[0].series:
                    lk.period, lk.compare, lk.measure = p2, p1, "mom_pct"
                    lk.basis_unstated = False


_STREAK_BEFORE = re.compile(
    r"\b(?:after|following)\s+(?:\w+ing\s+)?(?:for\s+)?(?:a|the|its)?\s*$|\b(?:snapp|end|break|halt)(?:ing|ed|s)?\s+"
    r"(?:a|the|its)?\s*$",
    re.I,
)
_DOWN_NOUNS = frozenset({"falls", "declines", "drops", "decreases", "losses", "contractions", "slides", "dips",
                         "contraction"})
_UP_NOUNS = frozenset({"rises", "increases", "gains", "jumps", "advances", "expansions", "climbs", "growth"})


def _streak_dir(text: str, q: Quantity, base: int) -> int:
    """The direction of a streak: its own noun ("monthly decline"), else the nearest direction word before it in
    its clause, else right after it, else anywhere before it in the sentence; rises when nothing says."""
    for w in re.findall(r"[a-z]+", q.streak_noun):
        if w in DOWN_WORDS or w in _DOWN_NOUNS:
            return -1
        if w in UP_WORDS or w in _UP_NOUNS:
            return 1
    a = q.start - base
    start = 0
    for m in _CLAUSE.finditer(text[:a]):
        start = m.end()
    zones = (text[start:a], text[q.end - base : q.end - base + 30], text[:start])
    for i, zone in enumerate(zones):
        words = re.findall(r"[a-z]+", zone.lower())
        for w in words if i == 1 else reversed(words):
            if w in ("more", "less", "than", "below", "above", "off"):
                continue
            if w in DOWN_WORDS or w in _DOWN_NOUNS or w in ("losing",):
                return -1
            if w in UP_WORDS or w in _UP_NOUNS or w in ("winning",):
                return 1
    return 1


_FOREIGN_NOUN = re.compile(
    r"\b(prices?|priced|costs?|shares? (?:of|in)|stocks?|index|indices|gdp|economy|economic growth|output|"
    r"production|mining|refining|smelting|capacity|quotas?|profits?|revenues?|"
    r"earnings|inflation|yields?|margins?|inventor(?:y|ies)|stockpiles?|reserves|market share|valuations?|"
    r"investment|tariffs?|duties|deposits?|loans?|credit|retail sales|industrial|manufacturing pmi|pmi)\b",
    re.I,
)
_TRADE_SUBJECT = re.compile(
    r"\b(exports?|exported|shipments?|shipped|outbound|deliveries|delivered|sales to|sold to|purchases|buyers?|"
    r"bought|volumes?|tonnage|went to|sent to|took|magnets?|rare[\s-]earths?)\b",
    re.I,
)
_PER_UNIT = re.compile(
    r"^\s*(?:a|per|/)\s*(?:metric\s+)?(?:tons?|tonnes?|t|kg|kilo(?:gram)?s?|pound|lb|ounce|oz)\b", re.I
)
_OF_OTHER = re.compile(
    r"^\s+of\s+(?!(?:the\s+|those\s+|these\s+|such\s+|china's\s+|chinese\s+|chinese-made\s+)?(?:rare[\s-]?earth\s+(?:permanent\s+)?magnets?|"
    r"rare[\s-]?earths?(?!\s*[\s-](?:products?|oxides?|ores?|concentrates?|metals?|alloys?))|magnets?|permanent\s+"
    r"magnets?|them|it|exports?|shipments?|the\s+(?:material|product|goods|magnets?|minerals?)|minerals)\b)"
    r"(?!(?:19|20)\d{2}\b)(?P<what>[\w-]+)",
    re.I,
)


# a product named only as the complement of a price, quota or output noun: "quota for mined rare earths",
# "unit price for magnets", "production of permanent magnets"
_COMPLEMENT_OF = re.compile(r"\b(?:prices?|costs?|production|output|mining|refining|smelting|capacity|quotas?|"
                            r"inventor(?:y|ies)|stockpiles?|reserves|tariffs?|duties)\s+(?:for|of|on)\s+"
                            r"(?:[\w-]+\s+){0,3}$", re.I)


def _last_trade(clause: str) -> int:
    """Where the last export-flow subject of ``clause`` starts (-1: none), a complement of a price/quota aside."""
    return max((m.start() for m in _TRADE_SUBJECT.finditer(clause) if not _COMPLEMENT_OF.search(clause[: m.start()])),
               default=-1)


def _foreign_subject(text: str, q: Quantity, base: int, products: list[Cue]) -> str | None:
    """Why a trade-looking number is about something tradelane does not track, or None.

    A price ("615,000 yuan per ton"), a tonnage of some other good ("1,300 tons of NdPr oxide"),
    or a number whose nearest subject in its clause is a price, share, output, GDP, quota ... rather
    than an export flow ("shares of Lynas gained 4%", "China's GDP grew 4.8%").
    """
    a, b = q.start - base, q.end - base
    after = text[b : b + 60]
    if q.unit in ("usd", "cny") and _PER_UNIT.match(after):
        return "a price per unit, not a trade flow"
    if q.unit == "t":
        m = _OF_OTHER.match(after)
        if m:
            return f"a tonnage of something else ({m.group('what')}), not a tradelane lane"
        if re.search(r"\b(?:production|output|mining|refining|capacity|quotas?|stockpiles?|inventor(?:y|ies)|"
                     r"reserves)\s+(?:\w+\s+){0,3}$", text[max(0, a - 40) : a], re.I):
            return "a production, quota or stock figure, not exports"
    cut = _CLAUSE.search(after)
    tail = after[: cut.start()] if cut else after
    fa = _FOREIGN_NOUN.search(tail)
    if fa is not None and len(tail[: fa.start()].split()) <= 4:
        ta = _TRADE_SUBJECT.search(tail)
        if ta is None or ta.start() > fa.start():
            return f"about {fa.group(0).lower()}, not a trade flow"
    start = 0
    for m in _CLAUSE.finditer(text[:a]):
        start = m.end()
    clause = text[start:a]
    own = re.search(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s (?:own |total |overall )?(?:exports|outbound shipments)\b",
                    clause)
    if own and own.group(1) not in ("China", "Beijing") and not re.search(r"\bto\b", clause[own.end():]) and not (
            own.group(1).endswith((" China", " Beijing"))):  # "in October China's exports": a month, then China
        return f"{own.group(1)}'s own exports, not China's"
    last_foreign = max((m.start() for m in _FOREIGN_NOUN.finditer(clause)), default=-1)
    last_trade = _last_trade(clause)
    if last_foreign < 0 and last_trade < 0 and start > 0:
        # "revenue of A$200 million, up 30% from a year earlier": a clause with no subject of its own
        clause = text[:start]
        last_foreign = max((m.start() for m in _FOREIGN_NOUN.finditer(clause)), default=-1)
    if last_foreign < 0:
        return None
    last_trade = _last_trade(clause)
    if last_foreign > last_trade:
        return f"about {_FOREIGN_NOUN.search(clause[last_foreign:]).group(0).lower()}, not a trade flow"  # type: ignore[union-attr]
    return None


# a forward-looking subject before the number: "expects March shipments to fall as much as 50%", "is likely to
# hold near 600t", "will rise"
_FUTURE_VERB = (r"(?:fall|drop|decline|rise|climb|increase|grow|hold|stay|remain|reach|hit|top|exceed|slow|ease|"
                r"rebound|recover|be|average|total|slip|jump|surge|plunge|shrink|expand|double|halve|come\s+in|run)")
_FORECAST = re.compile(
    r"\b(?:expects?|expected|expecting|forecasts?|forecasting|predicts?|predicted|predicting|projects?|projected|"
    r"projecting|anticipates?|anticipated|sees|seeing|likely|set|poised|on\s+track)\b[^.;]{0,80}?\bto\s+"
    rf"(?:(?:further|only|still|also|again|sharply|slightly|broadly|roughly|gradually)\s+)?{_FUTURE_VERB}\b"
    rf"|\b(?:will|would|could|might|should|may)\s+(?:likely\s+|probably\s+|only\s+|still\s+)?{_FUTURE_VERB}\b",
    re.I,
)
# "expects exports to fall 10% in December, after a 12% rise in November": the later clause reports
_FORECAST_CUT = re.compile(r",\s*(?:after|following|which|compared|against|versus|from|up\s+from|down\s+from)\b", re.I)
_REPORTED_AFTER = re.compile(r"(?:,|\b(?:after|as|when|since|because|but)\b)\s*(?:\w+\s+){0,3}(?:rose|fell|shipped|"
                             r"exported|sold|took|sent|grew|jumped|dropped|declined|climbed|slipped|slumped|"
                             r"surged|increased|decreased|totalled|totaled|reached|hit|were|was|came\s+in)\b", re.I)
_HARD_CLAUSE = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b|\binstead\b", re.I)
# another reporter's figures: "South Korea's own customs service said imports of Chinese magnets rose 9%"
_OWN_SOURCE = re.compile(r"\b(?!China|Beijing)([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s\s+(?:own\s+imports|(?:own\s+)?"
                         r"(?:customs|import\s+data|trade\s+(?:ministry|data)|statistics|finance\s+ministry))\b")
_OWN_SOURCE_LOWER = re.compile(
    r"\b(?:its|their)\s+own\s+(?:customs|data|figures|statistics|imports)\b"
    r"|\b(?:japanese|korean|german|indian|american|vietnamese|european|eu|u\.s\.|us)\s+(?:customs|import)\s+"
    r"(?:data|figures|statistics)\b",
    re.I,
)
# a partner's dependence on China: "sources about 60% of its rare earths from China"
_DEPEND_VERB = re.compile(r"\b(?:sources?|sourced|sourcing|relies|rely|relied|depends?|depended|imports?|imported|"
                          r"gets|got|obtains?|buys|bought|procures?|procured)\b", re.I)


# other critical minerals and named rare-earth oxides or metals: not tradelane's magnets or headline rare earths
_OTHER_COMMODITY = re.compile(
    r"\b(?:gallium|germanium|antimony|graphite|tungsten|APT|cobalt|lithium|nickel|indium|bismuth|tellurium|"
    r"molybdenum|(?:NdPr|neodymium|praseodymium|dysprosium|terbium|yttrium|lanthanum|cerium|samarium|scandium)"
    r"(?:[\s-]+(?:oxides?|metals?|carbonates?|fluorides?|concentrates?))?(?![\s-]+(?:iron|magnets?|permanent|based)))"
    r"\b", re.I)
# China buying, not selling: "China's imports of ... from Myanmar", "imported ... from", "arrivals from", "inbound"
_CHINA_IMPORT = re.compile(r"\b(?:imports?|imported|importing|inbound|arrivals)\b", re.I)
_OF_CHINA = re.compile(r"\b(?:of|from)\s+(?:the\s+)?(?:chinese|china)\b|\bchinese[\s-](?:made|origin)|"
                       r"\bfrom\s+china\b|chinese (?:customs|data)|as counted by (?:beijing|china)", re.I)


_EXPORT_WORD = re.compile(r"\bexport(?:s|ed|ing)?\b|\boutbound\b", re.I)
_FRONTED = re.compile(r"\s*(?:after|before|since|having|following|despite|while|when)\b[^,;]{3,120},\s*", re.I)
# an aside between paired dashes or in parentheses
_ASIDE = re.compile(r"\s[-–—]\s[^-–—]{3,120}?\s[-–—]\s|\([^()]{3,120}\)|—[^—]{3,120}—")
_BOUGHT_FROM = re.compile(r"\b(?i:purchases?|shipments?|deliveries|imports?)\s+(?:of\s+[^.;]{0,60}?)?from\s+"
                          r"(?!China\b|Chinese\b)[A-Z]")
_SENT_TO_CHINA = re.compile(r"\b(?:sent|shipped|supplied)\b[^.;]{0,80}?\b(?:to\s+China|across\s+the\s+border|"
                            r"into\s+China)\b", re.I)


def _other_goods_or_imports(text: str, q: Quantity, base: int, products: list[Cue]) -> str | None:
    """Why a number in a trade sentence is about another good, or about China's imports, or None.

    "Gallium exports totalled 1,840 kilograms", "exports of NdPr oxide were 12 tonnes" (another good, named
    as the subject after the last tradelane product); "China's imports of carbonate from Myanmar fell 38%",
    "Arrivals from Malaysia rose 24%" (China buying: never one of its export lanes).
    """
    a = q.start - base
    head = text[:a]
    goods = [m for m in _OTHER_COMMODITY.finditer(head)]
    prods = [c.end - base for c in products if c.end - base <= a]
    if goods and (not prods or goods[-1].start() > max(prods)) and not _OF_PRODUCT_NEAR.match(text[q.end - base :]):
        return f"about {goods[-1].group(0).lower()}, not a tradelane product"
    if not products and _OTHER_COMMODITY.search(text[q.end - base : q.end - base + 40]) and re.match(
            r"\s*(?:of|in)\s", text[q.end - base :]):
        return "a tonnage of another good, not a tradelane product"
    if _BOUGHT_FROM.search(head) or _SENT_TO_CHINA.search(text):
        return "China's imports, not its exports"  # "Purchases of oxides from Myanmar shrank", "Laos sent ... to China"
    imp = list(_CHINA_IMPORT.finditer(head))
    if imp and not _OF_CHINA.search(text) and not re.search(r"\bexport", head[imp[-1].end() :], re.I) and (
        imp[-1].group(0).lower() in ("inbound", "arrivals")
        or re.search(r"\b(?:china|china's|chinese|beijing|the country's|its)\s+(?:total\s+|overall\s+|own\s+)?"
                     r"(?:rare[\s-]earth\s+)?$", head[max(0, imp[-1].start() - 40) : imp[-1].start()], re.I)
        or re.match(r"[^.;]{0,80}?\bfrom\s+(?!china\b)[A-Z]", text[imp[-1].end() :])
        or (re.search(r"\bexport", head[: imp[-1].start()], re.I) and re.search(r"\bwhile\b|\bwhereas\b",
                                                                                head[: imp[-1].start()], re.I))
    ):
        # China as the buyer ("China's imports of ... from Myanmar", "Arrivals from Malaysia", "exports rose 9%,
        # while imports rose 12%"); not "Vietnam imported 402 tonnes" (a partner buying: China's export lane)
        return "China's imports, not its exports"
    return None


_IMPORT_SIDE = re.compile(r"\b(?:imported|importing|imports?\s+(?:of|from|into|in)|brought in|bought|inbound|"
                          r"purchases?\s+(?:of|from)|(?:its|their)\s+(?:own\s+)?(?:\w+\s+)?(?:figures|data|statistics))"
                          r"\b", re.I)
_IMPORTER_SOURCE = re.compile(r"\b(?:(?:its|their)\s+(?:own\s+)?(?:\w+\s+)?(?:figures|data|statistics)|"
                              r"Korea Customs Service|KCS|KITA|Korea International Trade Association|"
                              r"(?:Japan's\s+)?Ministry of Finance|finance ministry|commerce ministry|"
                              r"Department of Commerce|Census Bureau|Eurostat|FY\s?\d{2}\b|fiscal (?:year|20\d\d))",
                              re.I)
_EXPORT_SIDE = re.compile(r"\b(?:export(?:s|ed|ing)?|shipped|shipments?\s+(?:from China|to)|outbound|sent|sold|"
                          r"China\s+(?:shipped|sold|sent))\b", re.I)
_CHINA_DATA = re.compile(r"\b(?:Chinese|China's|Beijing's)\s+(?:customs|data|figures|tally|statistics)|"
                         r"as counted by (?:Beijing|China)|"
                         r"General Administration of Customs|\bGACC\b|China customs", re.I)


def _not_a_flow(text: str, q: Quantity, base: int, qs: list[Quantity], ctx: _Ctx) -> str | None:
    """Why a number that names a traded product is still not a reported China export figure, or None: a forecast,
    a change in a price per unit, another reporter's import figures, a partner's dependence on China."""
    a = q.start - base
    head = text[:a]
    hard = max((m.end() for m in _HARD_CLAUSE.finditer(head)), default=0)
    fc = _FORECAST.search(head[hard:])
    if fc and not _REPORTED_AFTER.search(head[hard:][fc.end() :]) and not _FORECAST_CUT.search(head[hard:][fc.end() :]):
        # (not "Exports, which had been expected to fall, rose 5%": a reported verb follows the forecast)
        return "a forecast, not a reported figure"
    if _OWN_SOURCE.search(head[hard:]) or _OWN_SOURCE_LOWER.search(head[hard:]):
        return "another country's own import figures, not China's exports"
    if _IMPORT_SIDE.search(text) and _IMPORTER_SOURCE.search(text) and not _EXPORT_SIDE.search(text) \
            and not _CHINA_DATA.search(text):
        # "South Korea brought in 742 tons of magnets from China, according to the Korea Customs Service",
        # "Its September figures showed imports of 412 tons": the importer's own statistics
        return "an importing country's own figures, not China's export data"
    if q.unit != "pct":
        return None
    prev = [x for x in qs if x.end <= q.start]
    if (prev and prev[-1].unit in ("usd", "cny") and _PER_UNIT.match(text[prev[-1].end - base :][:30])
            and _clause_of(text, prev[-1].start - base) + 1 >= _clause_of(text, a)):
        return "a change in a price per unit, not a trade flow"
    clause = _clause_text(text, a)
    after = text[q.end - base :]
    if re.match(r"\s+of\s+(?:its|their|the\s+country['’]s|[A-Z][a-z]+['’]s)\s", after) and (
        re.search(r"\bfrom\s+China\b", _clause_text(text, q.end - base + 1)) or _DEPEND_VERB.search(clause)
    ):
        ctx.sent_dependence = "a partner's dependence on China (a share of its own supply), not of China's exports"
        return ctx.sent_dependence
    if ctx.sent_dependence and re.search(
        r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$", text[max(0, a - 30) : a]
    ):
        return ctx.sent_dependence  # "..., down from roughly 90% in 2010": the earlier level of that share
    return None


# "Traders expect March shipments near 5,500 tonnes": a forecast verb, its object, then a preposition before the number
_EXPECT_NEAR = re.compile(r"\b(?:expects?|expecting|forecasts?|forecasting|predicts?|predicting|projects?|projecting|"
                          r"anticipates?|sees?|estimates?|pencils? in|pencil(?:l)?ing in)\s+(?:[\w'’-]+\s+){1,5}?"
                          r"(?:near|around|at|of|about|close to|roughly|between|above|below|under|over)\s+$", re.I)
# "a $400 million equity deal", "a $1.2 billion investment": a company's money, not a trade flow
_DEAL_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:deals?|investments?|contracts?|agreements?|loans?|funding|stakes?|"
                         r"grants?|awards?|financing|facility|acquisitions?|offtakes?|orders?|projects?|plants?|"
                         r"valuations?|bonds?|ipo|rounds?)\b", re.I)
# "its plant will turn out 1,000 tonnes of magnets a year", "capacity of 2,000 tonnes a year": a plant's output
_PLANT_BEFORE = re.compile(r"\b(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|mills?|capacity|production lines?|turn out|"
                           r"produce|make|manufacture)\b", re.I)
_PER_YEAR_AFTER = re.compile(r"\s*(?:of\s+(?:[\w'’-]+\s+){0,3}?)?(?:(?:a|per|each)\s+(?:year|annum)|annually|yearly)\b",
                             re.I)
# "760 tonnes short of 2024's total", "200 tonnes more than in October": a difference between two levels
_DIFF_AFTER = re.compile(r"\s*(?:short of|shy of|(?:more|less|fewer|higher|lower|greater|smaller) than|"
                         r"(?:below|above|behind|ahead of)\s+(?:the|its|their|that|those|a\s+year|last|\w+['’]s))\b",
                         re.I)
# a correction note quotes the wrong figure on purpose: "An earlier version misstated the total as 58,512 tonnes."
_CORRECTION = re.compile(r"\b(?:an earlier version|a previous version|misstated|misreported|incorrectly (?:stated|"
                         r"reported|said|gave|put)|erroneously|wrongly (?:stated|reported|said|gave|put))\b", re.I)
_CORRECT_FIGURE = re.compile(r"\b(?:correct(?:ed)?\s+(?:\w+\s+){0,2}(?:is|was|are|were)|should have (?:been|said|read)|"
                             r"(?:it|they) (?:is|was|are|were)|instead of)\s+(?:\w+\s+){0,2}$", re.I)


# a scenario, counterfactual or modal projection before the number in its sentence: "If exports fell by half",
# "Suppose the US lane shrank by 40%", "Had December matched November's pace, the year would have topped",
# "could slide 10% in 2026", "We could lose 20%"
_HYPOTHETICAL = re.compile(
    r"(?:^|[.;:\"“]\s*|,\s*)(?:even\s+)?(?:if|suppose|supposing|assuming|imagine)\s|(?:^|[.;:\"“]\s*|,\s*)"
    r"had\s+(?:\w+\s+){1,3}?(?:matched|been|stayed|kept|held|continued|grown|fallen)\b"
    r"|\b(?:would|could|might|should)(?:\s+have)?\s+"
    r"(?:\w+\s+){0,2}?(?:be|fall|drop|slide|rise|grow|lose|top|reach|shrink|climb|decline|jump|sink|halve|double|"
    r"topped|reached|fallen|risen|lost|been)\b|(?-i:\bmay\s+(?:fall|drop|slide|rise|grow|shrink|decline|reach)\b)",
    re.I)


def _analysis_non_claim(text: str, q: Quantity, base: int) -> str | None:
    """Numbers of analysis pieces that are not reported export figures: a forecast's object ("expect March
    shipments near 5,500 tonnes"), a company's deal, a plant's yearly output, a difference between two levels,
    a unit conversion ("1 tonne = 1,000 kg"), the wrong figure a correction note quotes."""
    a, b = q.start - base, q.end - base
    head, after = text[:a], text[b:]
    hard = max((m.end() for m in _HARD_CLAUSE.finditer(head)), default=0)
    if _EXPECT_NEAR.search(head[hard:]):
        return "a forecast, not a reported figure"
    if q.unit in ("usd", "cny") and _DEAL_AFTER.match(after):
        return "a company's deal or investment, not a trade flow"
    if q.unit == "t" and _PER_YEAR_AFTER.match(after) and _PLANT_BEFORE.search(_clause_text(text, a)):
        return "a plant's output or capacity, not exports"
    if q.unit == "t" and _DIFF_AFTER.match(after):
        return "a difference between two levels, not a level"
    if re.match(r"\s*=", after) or re.search(r"=\s*$", head):
        return "a unit conversion"
    if _CORRECTION.search(text) and not _CORRECT_FIGURE.search(head):
        return "a correction note's misstated figure"
    if _HYPOTHETICAL.search(head[hard:]) or _HYPOTHETICAL.search(head):
        return "a hypothetical, scenario or projection, not a reported figure"
    if re.match(r"\s*(?:%|per ?cent|percent)?\s*(?:a|per)\s+year\s+(?:through|until|to|by)\s+(?:19|20)\d{2}", after,
                re.I):
        return "a projected annual growth rate, not a reported figure"
    if re.search(r"\b(?:importers?|buyers?|purchasers?)\s+(?:said|say|reported|report)\b", head, re.I):
        return "importers' own account, not China's export data"
    return None


def _nearest(cands: list[Cue], q: Quantity, text: str, base: int, *, forward_pat: str | None = None) -> Cue | None:
    if forward_pat:
        for c in cands:
            gap = text[q.end - base : c.start - base]
            if c.start >= q.end and len(gap) <= 22 and re.fullmatch(forward_pat, gap, re.I):
                return c
    before = [c for c in cands if c.end <= q.start]
    if before:
        return before[-1]
    return None


def _link_one(
    q: Quantity,
    s: Sentence,
    text: str,
    ts: list[_T],
    qs: list[Quantity],
    cs: list[Cue],
    products: list[Cue],
    rates: list[Cue],
    partners: list[Cue],
    is_poll: bool,
    present: bool,
    ctx: _Ctx,
    refm: Period,
    trade_default: Period,
    first_lpr: Period,
    direction: int,
    annual_sentence: bool,
) -> list[Link]:
    base = s.start
    a = q.start - base
    before = text[max(0, a - 50) : a]
    after = text[q.end - base : q.end - base + 50]

    def other(reason: str) -> list[Link]:
        return [Link(q, s, "other", None, None, "other", value=q.value, unit=q.unit, reason=reason)]

    # ---------------------------------------------------------------- polls
    if is_poll and q.unit == "bare" and re.search(r"\ball\s+but\s*$", before, re.I):
        return []  # the N of "all but N of the M": read with M
    if (
        is_poll
        and q.unit == "bare"
        and q.decimals == 0
        and 2 <= q.value <= 200
        and (
            _POLL_NOUN.match(after)
            or re.match(r"\s+(?:out\s+)?of\s+(?:the\s+)?\d", after)
            or re.match(r"\s+of\s+(?:them|those)\b", after)  # "and 34 of them also forecast ..."
            or re.search(r"\b(?:all|only|of the|by|out of|majority of|of)\s*$", before, re.I)
        )
    ):
        period, _c, _e = _period_for(q, s, ts, qs, text, refm.start, refm, ctx.rate_period)
        if present and not _e:
            period = refm
        fx = _POLL_FIXING.search(text)
        if fx:
            named = [t for t in ts if base + fx.start("month") <= t.start < base + fx.end("month")]
            if named:
                period = named[0].period
        but = re.search(r"\ball\s+but\s+(one|two|three|four|five|\d{1,2})\s+(?:of\s+)?(?:the\s+)?$", before, re.I)
        all_but = 0
        if but:
            w = but.group(1).lower()
            all_but = int(w) if w.isdigit() else {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}[w]
        # "34 of them also forecast a lower five-year rate": the stored polls have no split by tenor
        tenor_note = ["a count for one tenor alone: no split by tenor is stored"] if _ONE_TENOR_COUNT.match(
            after) else []
        return [Link(q, s, "polls", None, period, "count", value=q.value, unit="count", all_but=all_but,
                     notes=tenor_note)]
    prevq = [x for x in qs if x.end <= q.start]
    if is_poll and q.unit == "pct" and re.search(r"\bor\s*$", before) and prevq and prevq[-1].unit == "bare":
        period, _c, _e = _period_for(q, s, ts, qs, text, refm.start, refm, None)
        return [Link(q, s, "polls", None, period, "pct_of_respondents", value=q.value, unit="pct")]

    if q.unit == "pct" and prevq and prevq[-1].unit == "bp" and re.fullmatch(
        r"\s*\(\s*", text[prevq[-1].end - base : a]
    ):
        return other("restates the change before it (basis points as a percentage)")

    # a deposit, mortgage or provident-fund rate, a floor, or a spread against the LPR ("their one-year fixed deposit
    # rate by 15 basis points to 0.95%", "the five-year LPR minus 20 basis points", "the gap between the one- and
    # five-year rates narrowed to 65 bps"): not an LPR figure
    if q.unit in ("pct", "bp") and not any(c.value == "rreq" for c in rates):
        head = _clause_text(text, a)[: max(0, a - _clause_start(text, a))]
        probe, pos = _subject_probe(text, a)
        subj = [m for m in _NON_LPR_RATE.finditer(probe)  # not "the mortgage rate" naming the five-year LPR
                if not any(c.value == "lpr5" and c.start <= base + pos + m.start() < c.end for c in rates)]
        if subj and not _LPR_NAME.search(probe[subj[-1].end() :]):
            return other(f"a {subj[-1].group(0).lower()} rate or spread, not a benchmark fixing")
        if re.search(r"\b(?:LPR|loan prime rate|tenor)\s+(?:minus|plus|less)\s+$", text[max(0, a - 30) : a], re.I):
            return other("a spread over the LPR, not a fixing")
        if re.search(r"\b(?:gap|spread|difference)\b", head, re.I) or re.search(
                r"^\s*(?:bps?|basis points)?\s*(?:above|below|over|under)\s+(?:the\s+)?(?:one|five|1|5)[\s-]year",
                text[q.end - base :], re.I):
            return other("a spread between rates, not a fixing")
        if q.unit == "bp" and prevq and prevq[-1].unit == "bp" and re.search(
                r"\b(?:compared (?:with|to)|from|versus|vs\.?|against|up from|down from)\s+$", before, re.I) and (
                re.match(r"\s*(?:bps?|basis points)?\s*(?:above|below|over|under)\s+(?:the\s+)?"
                         r"(?:one|five|1|5)[\s-]year", text[prevq[-1].end - base :], re.I)
                or re.search(r"\b(?:gap|spread|difference)\b", text[: prevq[-1].start - base], re.I)):
            # "just 50 bps above the one-year, compared with 75 bps before the February cut": the spread's earlier size
            return other("a spread between rates, not a fixing")
    # another central bank's rate ("The Federal Reserve lowered its policy rate by 25 basis points to 4.00%",
    # "Bank Indonesia surprised with a 25bp cut"): the last rate subject before the number is not China's
    if q.unit in ("pct", "bp", "streak"):
        fcb_before = [c.end for c in cs if c.kind == "fcb" and c.end <= q.start]
        if fcb_before:
            china = [m.end() + base for m in _CHINA_RATE_SUBJECT.finditer(text) if m.end() + base <= q.start]
            china += [c.end for c in rates if c.end <= q.start and c.start >= fcb_before[-1]
                      and c.value in ("lpr1", "lpr5", "lprs", "lpr", "mlf")]
            if not china or max(china) < fcb_before[-1]:
                return other("another central bank's rate, not China's")
    if (
        q.unit in ("pct", "bp")
        and not is_poll
        and (rates or ctx.rate_ctx)
        and (_FORECAST_BEFORE.search(text[max(0, a - 70) : a]) or _FORECAST_AFTER.match(after)
             or _FORECAST_PRESENT.search(text[max(0, a - 70) : a]))
        and not re.search(r"\bas\s+(?:widely\s+)?(?:expected|forecast|predicted)\s*,?\s*$", before, re.I)
    ):
        return other("a forecast or expectation, not the fixing")
    if q.unit in ("pct", "bp") and _OLD_BENCHMARK.search(text):
        # "banks priced loans off a one-year benchmark lending rate of 4.35% that had been frozen since 2015": the
        # PBOC's pre-2019 benchmark, a different instrument from the LPR
        return other("the pre-2019 benchmark lending rate, not the LPR")
    if q.unit == "pct" and not re.search(r"\d", q.text) and not products and (
            rates or ctx.rate_ctx or ctx.topic == "rates"):
        return other("a multiple or fraction in rate copy, not a rate")  # "roughly three times the domestic price"
    # ---------------------------------------------------------------- rates
    if q.unit in ("pct", "bp", "streak") and (
        rates
        or (ctx.rate_ctx and (q.unit == "bp" or (q.unit == "streak" and not products)))
        or (ctx.topic == "rates" and q.unit == "streak" and not products)
        # "Rates were kept unchanged for the seventh consecutive month": a rate word, no trade subject
        or (q.unit == "streak" and not products and _RATE_WORD.search(text) and not _TRADE_NOUN.search(text))
    ):
        r = _nearest(rates, q, text, base, forward_pat=r"\s*(?:for|in|to|on|of)\s+(?:the\s+|its\s+|a\s+)?")
        bare_tenor = [c for c in rates if c.start >= q.end and re.fullmatch(r"[15]Y", c.text, re.I)
                      and not text[q.end - base : c.start - base].strip()]
        if q.unit == "pct" and bare_tenor:
            r = bare_tenor[0]  # "the LPRs were 3.70% 1Y, 4.45% 5Y": a tenor label right after the number
        if q.unit == "bp":
            fwd = [
                c
                for c in rates
                if c.start >= q.end
                and re.fullmatch(
                    r"\s*(?:cut|cuts|reduction|reductions|increase|hike)?\s*(?:in|to|of)\s+(?:the\s+|its\s+|both\s+)?",
                    text[q.end - base : c.start - base],
                    re.I,
                )
            ]
            if fwd:
                r = fwd[0]
        lpr_before = bool(ctx.prev_rates & {"lprs", "lpr1", "lpr5", "lpr"})
        if (
            r is None
            and rates
            and lpr_before
            and re.search(r"\b(?:after|following|before|as|when|while|since)\b",
                          text[q.end - base : rates[0].start - base], re.I)
        ):
            # "lenders trimmed each by 10 bps after the PBOC lowered its reverse repo rate": the rate after a
            # subordinate "after ..." is not the subject; the LPRs of the sentence before are
            r = Cue(rates[0].start, rates[0].end, "rate", "lprs", rates[0].text)
        if r is None and rates:
            r = rates[0]
        if r is None and q.unit == "streak" and (
            _FOREIGN_NOUN.search(text[:a]) or re.search(r"\b(?:sales|home|housing|property|exports|imports|"
                                                       r"lending|borrowing|injections?)\b", text[:a], re.I)
        ) and not _RATE_WORD.search(text[:a]):
            # "New home prices have declined for seven months in a row" inside a rates story: not a rate
            return other("a streak of something that is not a rate")
        kinds: list[str]
        one_tenor = ctx.prev_rates & {"lpr1", "lpr5"} if ctx.prev_rates <= {"lpr1", "lpr5", "lpr"} else set()
        if r is None and q.unit == "streak" and len(one_tenor) == 1 and _SINGULAR_RATE_ANAPHOR.match(text):
            # "The one-year LPR stayed at 3%. It was kept unchanged for a seventh month.": that tenor only
            kinds = sorted(one_tenor)
        elif r is None:
            kinds = ["lpr1", "lpr5"] if q.unit == "streak" or ctx.topic == "rates" else []
        elif r.value in ("lprs", "lpr") and q.unit != "pct":
            kinds = ["lpr1", "lpr5"] if r.value == "lprs" or q.unit == "streak" else ["lpr1"]
        elif r.value == "lprs" and q.unit == "pct":
            # "the LPRs were left at 3.35% and 3.95%": in order
            pcts = [x for x in qs if x.unit in ("pct", "bare") and x.start > r.start]
            kinds = ["lpr1" if pcts and pcts[0].start == q.start else "lpr5"]
        elif r.value == "lpr":
            kinds = ["lpr1"]
        else:
            kinds = [r.value]
        pair = [x for x in qs if x.unit == q.unit]
        tenors_named = [c.value for c in rates
                        if c.value in ("lpr1", "lpr5") and c.end <= pair[0].start] if pair else []
        if (
            q.unit in ("pct", "bp")
            and len(pair) == 2
            and sorted(set(tenors_named)) == ["lpr1", "lpr5"]
            and re.fullmatch(r"\s*(?:%|per ?cent|percent|bps?|basis points)?\s*,?\s*and\s+",
                             text[pair[0].end - base : pair[1].start - base], re.I)
        ):
            # "The one-year and five-year LPRs were kept at 3% and 3.5%": in the order the tenors were named
            order = list(dict.fromkeys(tenors_named))
            kinds = [order[pair.index(q)]]
        if "respectively" in text and q.unit == "pct":
            pcts = [x for x in qs if (x.unit in ("pct", "bare") and "." in x.written) or x.unit == "pct"]
            # "to 3.0% from 3.1% and to 3.5% from 3.6% respectively": a "from" level goes with the level before it
            heads = [x for x in pcts if not re.search(r"\bfrom\s+$", text[max(0, x.start - base - 8) : x.start - base])]
            me = q
            if q.start not in {x.start for x in heads}:
                prior = [x for x in heads if x.start < q.start]
                me = prior[-1] if prior else q
            order = [c.value for c in rates if c.value in ("lpr1", "lpr5")] or (
                ["lpr1", "lpr5"] if any(c.value == "lprs" for c in rates) else [])
            idx = [x.start for x in heads].index(me.start) if me.start in [x.start for x in heads] else -1
            if 0 <= idx < len(order):
                kinds = [order[idx]]
        tenors = {c.value for c in rates if c.value in ("lpr1", "lpr5")}
        own = {c.value for c in rates if c.value in ("lpr1", "lpr5") and _clause_of(text, c.start - base)
               == _clause_of(text, a)}
        tenor_cues = [c for c in rates if c.value in ("lpr1", "lpr5")]
        if not own and tenor_cues and tenor_cues[-1].end <= q.start:
            # "..., and the five-year tenor, which guides mortgages, has been on hold at 3.5% for a fifth month":
            # the last tenor named, when a coordinator separates it from the other one
            last = tenor_cues[-1]
            cuts = [m.end() for m in re.finditer(r",\s*and\b|\bwhile\b|\bwhereas\b|;|\bbut\b",
                                                 text[: last.start - base])]
            if cuts and not any(c.value != last.value and c.start - base >= cuts[-1] for c in tenor_cues):
                own = {last.value}
        if q.unit == "streak" and kinds and kinds[0] in ("lpr1", "lpr5") and tenors == {"lpr1", "lpr5"} and (
                # "1Y trimmed 5bp to 3.80%, the first cut in 20 months; 5Y unchanged": a run of cuts is the cut tenor's
                _rate_streak_kind(text, q, base, False) == "unchanged"):
            # both tenors named: both held, unless the streak's own clause names just one ("..., and the five-year
            # LPR has been left on hold at 3.5% for a fourth straight month")
            kinds = sorted(own) if len(own) == 1 else ["lpr1", "lpr5"]
        if not kinds:
            return other("no benchmark rate named")
        if q.unit in ("streak", "bp") and "mlf" in kinds and re.search(
            r"\b(?:inject(?:ed|ion|ions|s)?|liquidity|net (?:funds|cash)|roll(?:ed)? over|rollover|withdr[ae]w\w*)\b",
            _clause_text(text, a) if q.unit == "bp" else text, re.I
        ):
            # "adding net funds through the MLF for an 11th month in a row": liquidity operations, not the MLF rate
            return other("MLF liquidity operations, not the MLF rate")
        if any(k == "rreq" for k in kinds):
            return other("reserve requirement ratio or SLF rate: not a tradelane series")
        if _RATE_SPREAD.search(text):
            return other("the spread between two rates, not a rate or its change")
        period, compare, explicit = _period_for(
            q, s, ts, qs, text, refm.start, refm, ctx.rate_period if ctx.rate_ctx else None
        )
        eff = [t for t in ts
               if t.role == "main" and _EFFECTIVE.search(text[max(0, t.start - base - 30) : t.start - base])]
        if eff and not explicit:
            # "lowered by 20bp to 1.5% from 1.7%, effective September 27": the change's own date
            period, explicit = eff[0].period, True
        when = [t for t in ts if t.end <= q.start and re.match(r"\s*(?:\d{4})?\s*,?\s+when\b", text[t.end - base :])
                and not any(t.end < u.start < q.start for u in ts)]
        if q.unit == "bp" and when:
            # "at 3.45% since August 2023, when it was last trimmed, by 10 basis points": the cut of that month
            period, explicit = when[-1].period, True
        if not explicit and ctx.hist_rate_period is not None and _REL_DAY.search(text):
            # "A week earlier the PBOC had cut its MLF rate ...", "Three days later, on the 25th, ...": the month of
            # the date told just before
            period, explicit = ctx.hist_rate_period, True
        cl = _clause_of(text, a)
        nxt = min([x.start for x in qs if x.start > q.start] + [s.end])
        clause_text = _clause_text(text, a)
        fwd_main = any(
            t.role == "main" and q.end <= t.start < nxt and _clause_of(text, t.start - base) == cl for t in ts
        )
        same_main = any(t.role == "main" and _clause_of(text, t.start - base) == cl for t in ts)
        if _PRESENT.search(clause_text) and not fwd_main and not same_main:
            period = refm
            explicit = True
        implicit = not explicit
        res: list[Link] = []
        cumulative = bool(_CUMUL.search(_RECORD_SINCE.sub(" ", text)))
        # "2021 saw a 5 bp trim in December, while in 2020 the one-year fell 35 bp in February and April": the
        # months and the year of the change's own part of the sentence
        cuts_at = [m.start() for m in _HARD_CLAUSE.finditer(text)]
        seg_a = max([c for c in cuts_at if c <= a], default=0)
        seg_b = min([c for c in cuts_at if c > a], default=len(text))
        steps = [t for t in ts if t.role == "main" and seg_a <= t.start - base < seg_b]
        ytd = _YEAR_CHANGE.search(text, seg_a, seg_b) if q.unit == "bp" and (
            not steps
            # "In 2020 the one-year LPR fell 30 bp in two steps, in February and April": the year's change
            or (len(steps) >= 2 and all(t.start >= q.end and t.bare for t in steps))
        ) else None
        if ytd and re.search(r"\bsince\b", text[max(0, ytd.start() - 70) : ytd.start()], re.I):
            ytd = None  # "the deepest reduction since the benchmark was overhauled in 2019": not a change over 2019
        if q.unit == "bp" and cumulative and (period.start <= first_lpr.start or not explicit):
            # "115bp below the 4.25% it debuted at in August 2019": the change runs up to now, not to 2019
            period = refm
        if q.unit == "bp" and _CAME_DOWN.search(clause_text):
            direction = -1  # "the longer tenor has come down by a more modest 25 bps"
        for k in kinds:
            series = RATE_SERIES[k]
            if q.unit == "pct":
                p = period
                note: list[str] = []
                if _PRE_REFORM.search(text) and k.startswith("lpr"):
                    p = first_lpr.shift_months(-1)
                    note.append("pre-reform rate")
                elif _FIRST_LEVEL_AFTER.match(after) and k.startswith("lpr"):
                    p = first_lpr  # "the 4.25% at which it was first quoted"
                elif re.search(r"\b(?:first quotation|first fixing|first (?:quoted|set|published|fixed))\s+"
                               r"(?:of\s+|at\s+)?$", before) or (
                    _FIRST_Q.search(text[:a]) and re.search(r"\bfrom\s+$", before)
                ):
                    p = first_lpr
                elif cumulative and k.startswith("lpr") and re.search(r"\bfrom\s+$", before):
                    p = first_lpr  # "has dropped 1.35 points (since August 2019) from 4.85 percent": the first fixing
                elif _FROM_LEVEL.search(before) and _LAST_MONTH_AFTER.match(text[q.end - base :]):
                    p = refm.shift_months(-1)  # "down from 3.7 per cent last month": last month's fixing
                elif (
                    _PRIOR_LEVEL.search(before)  # "(exp 3.15%; prior 3.35%)"
                    or (_FROM_LEVEL.search(before) and re.search(r"\bto\s+\d", text[:a]))
                    or (_FROM_LEVEL.search(before) and not _FIRST_Q.search(text))
                ):
                    p = period.shift_months(-1)
                for t in ts:
                    # "3.1 per cent before being trimmed in May", "3.1% until May": the month before
                    if t.start >= q.end and _UNTIL_MONTH.fullmatch(text[q.end - base : t.start - base]):
                        p = t.period.shift_months(-1)
                        break
                held_until = _held_until(q, ts, text, base, ctx.hist_rate_period)
                if held_until is not None:
                    p = held_until  # "sat at 3.45% for 11 straight months until July 2024"
                lk = Link(q, s, series, None, p, "level", value=q.value, unit="pct", notes=note)
            elif q.unit == "bp" and k.startswith("lpr") and (_WINDOW.search(text) or _SINCE_YEAR_END.search(text)):
                win, ye = _WINDOW.search(text), _SINCE_YEAR_END.search(text)
                cmp_w = (refm.shift_months(-(int(win["n"]) if win["n"].isdigit() else _WINDOW_N[win["n"].lower()]))
                         if win else Period.month(int(ye["y"]) if ye else refm.start.year, 12))
                lk = Link(q, s, series, None, refm, "change_bp", compare=cmp_w,
                          direction=direction or (-1 if re.search(r"\b(cut|lower|trim|reduc|fell|fall|decline|down)",
                                                                   text, re.I) else 0),
                          value=q.value, unit="bp", cumulative=True,
                          notes=[f"the change from the {cmp_w.label} fixing"])
            elif q.unit == "bp" and ytd and k.startswith("lpr"):
                # over a calendar year: from the last fixing of the year before to the period (or that December)
                y = int(ytd["y"] or ytd["y2"] or refm.start.year)  # "this year": the article's year
                end = refm if refm.start.year == y else Period.month(y, 12)
                lk = Link(q, s, series, None, end, "change_bp", compare=Period.month(y - 1, 12),
                          direction=direction or (-1 if re.search(r"\b(cut|lower|trim|reduc|fell|decline|down)", text,
                                                                   re.I) else 0),
                          value=q.value, unit="bp", cumulative=True,
                          notes=[f"the change over {y}: from the {y - 1}-12 fixing"])
            elif q.unit == "bp":
                cmp_p = first_lpr if cumulative and k.startswith("lpr") else period.shift_months(-1)
                lk = Link(
                    q,
                    s,
                    series,
                    None,
                    period,
                    "change_bp",
                    compare=cmp_p,
                    direction=direction or -1
                    if re.search(r"\b(cut|lower|trim|reduc|fell|decline)", text, re.I)
                    else direction,
                    value=q.value,
                    unit="bp",
                    cumulative=cumulative and k.startswith("lpr"),
                )
                lk.implicit_period = implicit and k in ("rrr", "mlf")
            else:
                ended = _held_until(q, ts, text, base, ctx.hist_rate_period)
                kind = _rate_streak_kind(text, q, base, ended is not None)
                if kind == "unchanged" and not (UNCHANGED_WORDS.search(text) or "in a row" in text.lower()):
                    return other("streak of what?")
                lk = Link(q, s, series, None, ended or period, "streak", value=q.value, unit="months",
                          streak_kind=kind)
            res.append(lk)
        if _FROM_LEVEL.search(before) and _LAST_MONTH_AFTER.match(text[q.end - base :]):
            explicit = False  # "... from 3.7 per cent last month": the paragraph is not about last month
        if explicit and not (q.unit == "bp" and re.search(r"\b(?:after|following|since)\s+(?:a|an|the|its|their)\b",
                                                          text[:a], re.I)):
            # (not from "held ... after a 10-basis-point cut in May": the paragraph is not about May)
            ctx.rate_period = period
        return res

    if q.unit in ("rank", "record"):
        return _link_record(q, s, text, ts, qs, products, partners, rates, ctx, refm, trade_default)

    if q.unit == "streak" and (_BOUGHT_FROM.search(text[:a]) or (
            _CHINA_IMPORT.search(text[:a]) and not _OF_CHINA.search(text))):
        return other("China's imports, not its exports")  # "Imports of ores from the US were nil for a sixth month"
    if q.unit == "streak":
        prod = (
            products[-1].value
            if products
            else (ctx.product or (ctx.topic if ctx.topic != "rates" else ctx.trade_topic))
        )
        if prod is None:
            return other("streak of what?")
        if not products and UNCHANGED_WORDS.search(text) and not any(
            w in DOWN_WORDS or w in UP_WORDS for w in re.findall(r"[a-z]+", text.lower())
        ):
            # "It held steady for a seventh straight month" with no product or rate named: not placeable
            return other("an unchanged streak with no rate or product named")
        pt = _nearest(partners, q, text, base, forward_pat=r"\s*(?:for|to)\s+(?:the\s+)?")
        partner = pt.value if pt else (ctx.carry_partner or "WLD")
        period, _c, _e = _period_for(q, s, ts, qs, text, refm.start, trade_default, ctx.period)
        d = _streak_dir(text, q, base)
        if _STREAK_BEFORE.search(text[max(0, a - 40) : a]):
            # "rose 5% after falling for three straight months": the run ended the month before
            period = period.shift_months(-1)
        return [
            Link(
                q,
                s,
                f"{prod}/CHN/{partner}",
                partner,
                period,
                "streak",
                direction=d,
                value=q.value,
                unit="months",
                product=prod,
            )
        ]

    # ---------------------------------------------------------------- trade
    if q.unit not in ("t", "pct", "usd", "cny", "bare"):
        return other("unit not tied to a tradelane series")
    prod_cue = None
    asides = [(m.start() + base, m.end() + base) for m in _ASIDE.finditer(text) if m.end() + base <= q.start]
    for c in products:
        if c.end <= q.start:
            if prod_cue is not None and any(x <= c.start and c.end <= y for x, y in asides):
                continue  # "Exports of rare earths - the 17 minerals magnet makers rely on - fell": not the aside's
            prod_cue = c
    later_elsewhere = bool(prod_cue is None and products and (ctx.product_before or ctx.prev_product or ctx.topic in (
        "rare_earth_magnets", "rare_earths")) and _clause_of(text, products[0].start - base) != _clause_of(text, a))
    if prod_cue is None and products and not later_elsewhere:
        prod_cue = products[0]  # (a product named later in another clause is not this number's)
    own_prod = [c for c in products if c.start >= q.end and re.fullmatch(
        r"\s*of\s+(?:the\s+)?(?:headline\s+|chinese\s+)?", text[q.end - base : c.start - base], re.I)]
    if own_prod:
        prod_cue = own_prod[0]  # "5,473 tonnes of magnets and 4,343.5 tonnes of rare earths": each its own product
    fallback = (ctx.product_before or ctx.prev_product) if later_elsewhere else ctx.product
    prod = prod_cue.value if prod_cue else (fallback or (
        ctx.topic if ctx.topic != "rates" else ctx.trade_topic))
    if prod is None:
        return other("no traded product named")
    if q.unit == "bare":
        return []
    if not re.search(r"\d", q.text) and not ctx.anaphor:
        cl_head = text[:a]
        subj_ok = [m for m in _TRADE_NOUN.finditer(cl_head) if not re.search(r"\b(?:per|each|a)\s+$",
                                                                              cl_head[: m.start()], re.I)]
        if not subj_ok and not [c for c in products + partners if c.start - base < a] and not any(
                x.unit == "t" for x in qs if x.start < q.start):
            # '"The paperwork per shipment has tripled," one exporter said': a multiple of something else
            return other("a multiple or fraction of something that is not a trade flow")
    why = _foreign_subject(text, q, base, products) or _other_goods_or_imports(text, q, base, products) or \
        _not_a_flow(text, q, base, qs, ctx) or _analysis_non_claim(text, q, base)
    if why:
        return other(why)
    if s.kind == "teaser" and not products and ctx.product is None:
        # "Read More: China's Exports Beat Estimates (5.8% rise in June)": the article's topic is not the teaser's
        return other("a teaser for another story that names no traded product")
    if not prod_cue and _ALL_GOODS.search(text):
        # "China's total exports rose 6.6%", "a record trade surplus of $1.19 trillion": all goods, not a lane
        ctx.sent_all_goods = (s.block, s.start)
        return other("China's trade in all goods, not a tradelane lane")
    if not prod_cue and ctx.sent_all_goods[0] == s.block and ctx.sent_all_goods[1] < s.start:
        # "China's total goods trade rose 3.6%. Exports to ASEAN grew 14.1%": the paragraph is about all goods
        return other("China's trade in all goods (the paragraph's subject), not a tradelane lane")
    if q.unit == "cny" and q.value >= 3.5e11:
        return other("far beyond any rare-earth flow: an economy-wide amount")
    if q.unit == "usd" and q.value >= 5e10:
        return other("far beyond any rare-earth flow: an economy-wide amount")
    world = _OF_WORLD.match(text[q.end - base :])
    if q.unit in ("pct", "usd", "cny") and world and not world["trade"]:
        # "China produces more than 90 percent of the world's magnets": a share of world output or supply
        return other("a share of world production or supply, not a trade flow")
    if (
        not prod_cue
        and q.unit in ("pct", "usd", "cny")
        and (s.kind != "bullet" or q.unit != "pct")
        and not ctx.anaphor
        and not (partners or any(x.unit == "t" for x in qs) or _TRADE_NOUN.search(text))
    ):
        return other("no traded product named")
    pt = None
    for c in partners:
        if c.end <= q.start:
            between = text[pt.end - base : c.start - base] if pt is not None else ""
            if pt is not None and (_APPOSITION.fullmatch(between) or (
                    re.fullmatch(r",\s*", between) and re.search(r"['’]s$", c.text))) and "," in text[c.end - base : a]:
                # "Germany, the largest buyer in Europe, took 290 tonnes", "Germany, Europe's largest market, rose":
                # the appositive's place is not it
                continue
            pt = c
    of_to = [c for c in partners if c.start >= q.end and _OF_PRODUCT_TO.fullmatch(text[q.end - base : c.start - base])]
    if of_to:
        pt = of_to[0]  # "exported 305 tons of rare-earth magnets to Japan": the tonnage's own destination
    t_to = [c for c in partners if q.unit == "t" and c.start >= q.end and _TONNAGE_TO.fullmatch(
        text[q.end - base : c.start - base])]
    if t_to and not of_to:
        pt = t_to[0]  # "... to Vietnam in August and 206 tonnes to India": a bare tonnage's own destination
    if pt is None or _clause_of(text, pt.start - base) != _clause_of(text, a):
        # "rose almost 60 percent from a year earlier to the European Union": the partner after the basis
        fwd = [c for c in partners if c.start >= q.end and _PARTNER_AFTER_BASIS.fullmatch(
            text[q.end - base : c.start - base])]
        if fwd:
            pt = fwd[0]
    if pt is None:
        pt = _nearest(partners, q, text, base, forward_pat=r"\s*(?:\w+\s+)?(?:went\s+)?(?:to|for)\s+(?:the\s+)?")
    if pt is not None and re.search(
        r"\b(total|overall|all destinations|worldwide|globally|abroad|outbound)\b",
        _OF_TOTAL.sub(" ", text[pt.end - base : a]),  # "the EU, representing 42.8% of China's total, were": a share's
        re.I,
    ):
        pt = None
    if pt is None:
        fr = _FRONTED.match(text)
        if fr and a < fr.end():
            # "After bottoming at 46 tons in May, US-bound shipments recovered": the main clause's subject partner
            main_pt = [c for c in partners if fr.end() + base <= c.start <= fr.end() + base + 40]
            if main_pt:
                pt = main_pt[0]
    if pt is not None:
        coord = list(re.finditer(r"(?:,|;)\s*(?:and|while|but|whereas)\s+", text[pt.end - base : a], re.I))
        if coord and re.search(r"\b(?:exports?|shipments?|sales|outbound)\b|\brare[\s-]?earths?\b|\bmagnets?\b",
                               text[pt.end - base + coord[-1].end() : a], re.I):
            # "Shipments of magnets to Japan fell, and exports of rare earths dropped 20%": the new clause has its
            # own subject, so the partner of the first does not carry into it
            pt = None
    if pt is None and ctx.carry_ambiguous:
        return other("refers back to a sentence naming several partners")
    partner = pt.value if pt else (ctx.carry_partner or "WLD")
    # the period: a month, or a multi-month shape (Jan-Feb, first N months, first half, a year)
    period, compare, explicit = _period_for(q, s, ts, qs, text, refm.start, trade_default, ctx.period)
    strength = _LAST_STRENGTH[0]
    if strength != "carry" and any(t.bare and t.role == "main" and t.period == period for t in ts):
        period = _unreleased(period, s.ref_date or ctx.ref)  # "January looked normal: ..." on 22 Jan 2026
    notes: list[str] = []
    shapes = _shape_cues(
        text, base, ctx.year or trade_default.start.year, set(), ctx.period or trade_default,
        None if ctx.year else (s.ref_date or ctx.ref),
    )
    cl = _clause_of(text, a)
    nxt = min([x.start for x in qs if x.start > q.start] + [s.end])
    shape: Period | None = None
    cmp_from_levels = False
    for sc in shapes:
        if not sc[3] and sc[1] <= q.end + 200 and re.search(r"(?:19|20)\d{2}", text[sc[0] - base : sc[1] - base]):
            ctx.year = sc[2].end.year
            break
    fwd_shapes = [sc for sc in shapes if q.end <= sc[0] < nxt and _clause_of(text, sc[0] - base) == cl]
    fwd_month = [
        t for t in ts if q.end <= t.start < nxt and _clause_of(text, t.start - base) == cl and t.role == "main"
    ]
    when_year = [sc for sc in shapes if sc[3] and sc[1] <= q.start and re.match(r",?\s*when", text[sc[1] - base : a])]
    # a year label before a colon ("Magnet exports 2025: 57,392t vs 58,152t in 2024, -1.3%"): the line's period
    year_label = [sc for sc in shapes if sc[3] and sc[1] <= q.start and re.match(r"\s*:", text[sc[1] - base :])
                  and not any(sc[1] <= t.start < q.start and t.role == "main" for t in ts)]
    if when_year:
        shape = when_year[-1][2]
    elif year_label and not (fwd_shapes or fwd_month):
        shape = year_label[-1][2]
    elif fwd_shapes and not fwd_month and not (fwd_shapes[0][3] and q.unit == "pct"):
        shape = fwd_shapes[0][2]
        strength = "attached"
    else:
        same = [sc for sc in shapes if sc[1] <= q.start and _clause_of(text, sc[0] - base) == cl and not sc[3]]
        same_b = [sc for sc in shapes if sc[1] <= q.start and re.match(r",?\s*when", text[sc[1] - base : a])]
        month_same = [
            t for t in ts if t.role == "main" and t.start < q.start and _clause_of(text, t.start - base) == cl
        ]
        if same and not month_same:
            shape = same[-1][2]
        elif same_b:
            shape = same_b[-1][2]
        elif not explicit:
            early = [sc for sc in shapes if sc[1] <= q.start and not sc[3]]
            if early:
                shape = early[0][2]
            elif re.search(r"\bsame two months\b", text, re.I) and ctx.period is not None and ctx.period.months == 2:
                shape = ctx.period
            elif not any(t.role == "main" for t in ts):
                # "Magnet exports in 2025 totalled 57,392 tonnes": a year written before the number, no month
                # ("For 2025 as a whole, China shipped ...": a sentence-initial year counts across the comma)
                in_year = [sc for sc in shapes if sc[3] and sc[1] <= q.start and (
                    (_clause_of(text, sc[0] - base) == cl and re.search(
                        r"\b(?:in|for|during|of)\s+$", text[max(0, sc[0] - base - 8) : sc[0] - base], re.I))
                    or re.fullmatch(r"\s*(?:in|for|during|over)\s+(?:the\s+(?:whole\s+)?(?:of\s+)?)?",
                                    text[: sc[0] - base], re.I))]
                if in_year:
                    shape = in_year[-1][2]
    if shape is None and q.unit == "t" and not any(t.role == "main" for t in ts):
        shape = _annual_phrase(text, s.ref_date or ctx.ref, trade_default)
    if shape is None and ctx.year and not any(t.role == "main" for t in ts) and _THAT_YEAR.search(text):
        shape = Period.year(ctx.year)  # "Germany's share was 15% that year": the year named before
    if shape is not None:
        if re.search(r"\ba year (?:earlier|before|ago)\b", text[:a], re.I) and shape == ctx.period:
            shape = shape.shift_months(-12)
        period, explicit = shape, True
    elif q.unit in ("pct", "usd") and strength in ("sentence", "carry", "default") and ctx.sent_levels:
        lv = ctx.sent_levels
        period = lv[0].period or period
        own_cmp = any(t.role == "compare" and t.start > q.start and _clause_of(text, t.start - base) == cl for t in ts)
        if len(lv) >= 2 and lv[-1].period != lv[0].period and lv[-1].period is not None and lv[0].period is not None \
                and not own_cmp:
            # two levels of different months ("2,627 t in April and 1,238 t in May, a 53% drop", or "to 1,238 t in
            # May from 2,627 t in April"): the change is the later month's, against the earlier one
            period, compare = sorted((lv[0].period, lv[-1].period), key=lambda x: x.start)[::-1]
            cmp_from_levels = True
        explicit = True
    # "from" levels: the comparison month
    if q.unit == "t" and re.search(r"\bfrom\s+(?:only\s+|just\s+|about\s+|the\s+)?$", before) and not explicit:
        yoy_words = BASIS_YOY.search(text[:a]) and not BASIS_MOM.search(text[:a])
        period = period.shift_months(-12 if yoy_words else -1)
    if q.unit == "t" and re.match(
        r"\s*(?:\w+\s+){0,2}(?:the month before|the previous month|the prior month|"
        r"a month earlier)",
        after,
    ):
        period = (ctx.sent_levels[0].period if ctx.sent_levels and ctx.sent_levels[0].period else period).shift_months(
            -1
        )
    if q.unit == "t" and _PREV_POSSESSIVE.search(before):
        # "25% more than the previous month's 150 tons": the month before the sentence's own month
        own_months = [t for t in ts if t.role == "main" and t.end <= q.start and not _PREV_POSSESSIVE.search(
            text[max(0, t.start - base - 20) : t.end - base + 4])]
        main_p = ctx.sent_levels[0].period if ctx.sent_levels and ctx.sent_levels[0].period else (
            own_months[0].period if own_months else (ctx.period or trade_default))
        yr = re.search(r"year|annual", _PREV_POSSESSIVE.search(before).group(0), re.I)  # type: ignore[union-attr]
        period = main_p.shift_months(-12 if yr else -1)
        explicit = True
    if (
        q.unit == "t"
        and re.search(r"\b(?:a year earlier|the same month a year earlier)\b", text[max(0, a - 60) : a], re.I)
        and re.search(r",?\s*when\s+[\w\s]*$", before)
    ):
        mains = [t for t in ts if t.role == "main"]
        period = (mains[0].period if mains else (ctx.period or period)).shift_months(-12)

    series = f"{prod}/CHN/{partner}"
    if q.unit in ("usd", "cny"):
        if q.unit == "cny":
            return [
                Link(q, s, series + "/value_cny", partner, period, "level", value=q.value, unit="cny", product=prod)
            ]
        return [Link(q, s, series + "/value_usd", partner, period, "level", value=q.value, unit="usd", product=prod)]
    yf = _YEAR_FRAME.search(text[:a]) if not any(t.role == "main" for t in ts) and not re.search(
        r"\b(?:below|above|than|from|versus|vs\.?|compared (?:with|to)|against|over)\s+(?:the\s+|its\s+)?$", before,
        re.I) else None  # (not "slightly below the 58,152 tons of 2024": a comparison base)
    if yf and (yf["y"] or ctx.frame_year):
        # "For all of 2025, China exported 57,392 tons", then "for the full year were 5,933 tons": the year
        ctx.frame_year = int(yf["y"]) if yf["y"] else ctx.frame_year
        assert ctx.frame_year is not None
        period, explicit = Period.year(ctx.frame_year), True
    yt = _YEAR_TOTAL_TO.search(text[max(0, a - 60) : a]) if q.unit in ("t", "usd") else None
    if yt:
        # "bringing the 2025 total to 57,392 tonnes", "the total for 2025 came to": the year's figure
        period, explicit = Period.year(int(yt["y"] or yt["y2"])), True
    same_of = _SAME_MONTH_OF.match(text[q.end - base :]) if q.unit in ("t", "usd") else None
    if same_of:
        # "the 5,325 tonnes shipped in the same month of 2024": the sentence's month, in that year
        mains = [t for t in ts if t.role == "main" and t.period.freq == "M" and t.period.months == 1]
        ref_p = mains[0].period if mains else (ctx.period or trade_default)
        if ref_p.freq == "M" and ref_p.months == 1:
            period, explicit = Period.month(int(same_of["y"]), ref_p.start.month), True
    elif q.unit == "t" and _LEVEL_YEAR_AGO.match(text[q.end - base :]):
        # "5.7% higher than the 5,278 tons shipped a year earlier": that level is the same month a year before
        period = period.shift_months(-12)
    if q.unit == "t":
        measure = "level"
        if q.bound == "upper":
            measure = "below"
        elif q.bound == "lower":
            measure = "above"
        lk = Link(q, s, series, partner, period, measure, value=q.value, unit="t", product=prod, notes=notes)
        lk.explicit = explicit
        lk.strength = strength
        ctx.sent_levels.append(lk)
        return [lk]
    # percentages
    cl_before = text[max((m.end() for m in _CLAUSE.finditer(text[:a])), default=0) : a]  # its clause, up to it
    if _OF_ALL_AFTER.match(after) or (_SHARE.search(text[max(0, a - 30) : q.end - base + 25]) and (
            not direction or _SHARE_VERB.search(before))) or (
        re.search(r"\bshare\b", cl_before, re.I) and _SHARE_LEVEL.search(before)
    ):
        # "accounting for about 48% of the total", "made up 12% of all shipments" (a direction word before the
        # share verb, or the "up" of "made up", is not a change)
        ctx.sent_share = (partner, period)
        return [Link(q, s, series, partner, period, "share", value=q.value, unit="pct", product=prod)]
    if ctx.sent_share and re.search(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$", before):
        # "fell to 10.4 percent in October from 14.8 percent in September": the share's earlier level
        sp_partner, sp_period = ctx.sent_share
        if sp_period is not None and period == sp_period:
            period = sp_period.shift_months(-1)  # no month of its own: the month before
        return [Link(q, s, f"{prod}/CHN/{sp_partner}", sp_partner, period, "share", value=q.value, unit="pct",
                     product=prod)]
    sh = [m.start() for m in re.finditer(r"\bshare\b", cl_before, re.I)]
    if sh and direction and not any(
        m.start() > sh[-1] and not re.search(r"\bshare\s+of\s+(?:[\w'’-]+\s+){0,3}$", cl_before[: m.start()], re.I)
        for m in _TRADE_SUBJECT.finditer(cl_before)
    ):
        return other("a change in a share, not in a trade flow")  # "the EU's share rose 5% from May"
    if ctx.sent_share and re.search(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:about\s+|around\s+|"
                                    r"roughly\s+|some\s+|nearly\s+|almost\s+)?$", before):
        # "accounted for 9.5% of the total, down from 12% in October / a year earlier": that share's earlier level
        sp, sper = ctx.sent_share
        if strength != "attached" and sper is not None:
            rel = re.match(r"\s+(?:(?P<y>a year (?:earlier|ago|before)|in the same month (?:a|last) year)|"
                           r"(?P<m>a month (?:earlier|before)|in the (?:previous|prior) month))", after)
            period = sper.shift_months(-12 if rel and rel["y"] else -1)
        return [Link(q, s, f"{prod}/CHN/{sp}", sp, period, "share", value=q.value, unit="pct", product=prod)]
    vs_year = _VS_BARE_YEAR.match(text[q.end - base :])
    if vs_year and q.unit == "pct" and not any(t.role == "main" for t in ts):
        # "That is 3.8% below 2024." (after an annual total): the year after against that year
        y = int(vs_year["y"])
        period, compare = Period.year(y + 1), Period.year(y)
    window = text[q.end - base : min(len(text), q.end - base + 60)]
    nq = [x for x in qs if x.start > q.end]
    if nq:
        window = text[q.end - base : nq[0].start - base]
    basis: str | None = None
    # "a month-on-month rise of 10.2 percent": the basis phrase right before the change noun
    lead = re.search(r"\b(?:(?P<y>y/y|year[\s-]on[\s-]year|yoy|annual|year[\s-]over[\s-]year)|(?P<m>m/m"
                     r"|month[\s-]on[\s-]month|mom|monthly|month[\s-]over[\s-]month|sequential))"
                     r"\s+(?:\w+\s+){0,2}?(?:of|by)\s+$", before, re.I)
    own_cmp_month = [t for t in ts if t.role == "compare" and q.end <= t.start < q.end + 40
                     and re.fullmatch(r"\s*(?:%|per ?cent|percent)?\s*(?:higher|lower|more|less|up|down)?\s*"
                                      r"(?:above|below|than|over|from|on|against|versus|vs\.?)\s+(?:in\s+)?",
                                      text[q.end - base : t.start - base], re.I)]
    if own_cmp_month and compare is None:
        compare = own_cmp_month[0].period  # "32 per cent above February": its own base, whatever basis came before
    if own_cmp_month and not lead and not BASIS_YOY.search(window) and not BASIS_MOM.search(window):
        # the base month decides, not a basis word earlier in the sentence
        cm = own_cmp_month[0].period
        gap = (period.start.year - cm.start.year) * 12 + period.start.month - cm.start.month
        basis = "yoy_pct" if gap == 12 else "mom_pct"
        compare = cm
    elif (lead and lead["y"]) or (not lead and (
            BASIS_YOY.search(window) or re.search(r"\b(y/y|year[\s-]on[\s-]year|yoy)\b", before[-20:], re.I))):
        basis = "yoy_pct"
    elif (lead and lead["m"]) or BASIS_MOM.search(window) or re.search(r"\b(m/m|month[\s-]on[\s-]month|mom)\b",
                                                                      before[-20:], re.I):
        basis = "mom_pct"
    elif compare is not None:
        diff = (period.start.year - compare.start.year) * 12 + period.start.month - compare.start.month
        basis = "yoy_pct" if diff == 12 else "mom_pct"
    elif (
        (BASIS_YOY.search(text[:a]) and not BASIS_MOM.search(text[:a]))
        or re.search(r"\bcompared with\b.*\b(?:19|20)\d{2}\b", text[:a], re.I)
        or re.search(r"\bthan in (?:19|20)\d{2}\b", window, re.I)
    ):
        basis = "yoy_pct"
    if basis in (None, "mom_pct") and period.freq == "A" and compare is None:
        # "down 20.3% vs 2024", "-1.3% from 58,152t in 2024": an annual figure against the year before is y/y
        cut = _CLAUSE.search(text[q.end - base :])
        vs_year = _VS_YEAR.search(text[q.end - base :][: cut.start() if cut else None])
        if vs_year and int(vs_year.group(1)) == period.start.year - 1:
            basis = "yoy_pct"
    if cmp_from_levels and basis is not None and compare is not None:
        gap = (period.start.year - compare.start.year) * 12 + period.start.month - compare.start.month
        if gap != (12 if basis == "yoy_pct" else 1):
            compare = None  # "down from September's 5,774 mt but up 15.8% YoY": the written basis decides
    unstated = False
    if basis is None and re.match(r"\s*or (?:more|less|above|below)\b", window):
        return other("a threshold, not a change")
    if basis is None:
        cut = _CLAUSE.search(text[q.end - base :])
        clause_after = text[q.end - base :][: cut.start() if cut else None]
        if BASIS_YOY.search(clause_after) or re.search(r"\b(y/y|year[\s-]on[\s-]year|yoy)\b", clause_after, re.I):
            basis = "yoy_pct"  # "climbed 4.8% to 16,001 tons year-on-year"
        elif BASIS_MOM.search(clause_after):
            basis = "mom_pct"
    if basis is None:
        if not direction:
            return other("a percentage without a change or share")
        # a change over several months (a quarter, year to date) is against the same months a year earlier
        multi = period.months > 1 and period.freq != "A"
        # the paragraph's basis carries only within one lane: Korea's "almost double a year earlier" does not make
        # the total's "slipped a further 5.2%" a y/y change
        carried = ctx.basis if ctx.basis_partner in (None, partner, "WLD") else None  # a headline basis carries
        basis = "yoy_pct" if multi or period.freq == "A" else (carried or "mom_pct")
        unstated = not multi and period.freq != "A"  # a year's change is against the year before
    # value basis: a % right after a $ amount
    prev_q = [x for x in qs if x.end <= q.start]
    if (
        prev_q
        and prev_q[-1].unit == "usd"
        and _clause_of(text, prev_q[-1].start - base) + 1 >= _clause_of(text, a)
        and not re.search(r"\b(tons|tonnes|volume)", text[prev_q[-1].end - base : a])
    ):
        series += "/value_usd"
        notes.append("a change in value (USD), not tonnage")
    if (compare is not None and compare.is_single_month and period.is_single_month and compare.start >= period.start
            and any(t.bare and t.period == compare for t in ts)):
        compare = compare.shift_months(-12)  # "July's ... still 12% short of January's" (Jan 2026 article): Jan 2025
    if compare is None:
        compare = period.shift_months(-12 if basis == "yoy_pct" else -1)
    elif basis == "mom_pct" and not explicit:
        period = compare.shift_months(1)
    elif basis == "yoy_pct" and strength in ("carry", "default"):
        period = compare.shift_months(12)
    ctx.basis = basis if not unstated else ctx.basis
    if not unstated:
        ctx.basis_partner = partner
    lk = Link(
        q,
        s,
        series,
        partner,
        period,
        basis,
        compare=compare,
        direction=direction,
        value=q.value,
        unit="pct",
        product=prod,
        notes=notes,
    )
    lk.basis_unstated = unstated
    lk.explicit = explicit
    lk.strength = strength
    return [lk]


_NOT_TRADE_AFTER = re.compile(
    r"^[\s-]*(?:\w+\s+){0,2}(?:margins?|prices?|yields?|profits?|profitability|spreads?|valuations?|shares|stocks?|"
    r"bonds?|deposits?|rates?|inflation|gdp|output|production|demand|tariffs?|temperatures?|sales of)\b",
    re.I,
)
_QUALIFIED = re.compile(r"\b(?:among|of) (?:the )?months (?:on record|in the data)|\bon record\b|\bin the data\b", re.I)


def _link_rate_record(
    q: Quantity, s: Sentence, text: str, ts: list[_T], qs: list[Quantity], rates: list[Cue], ctx: _Ctx, refm: Period
) -> list[Link]:
    """A record claim about a rate: "cut to a record low of 3.0%", "both are new record lows", "the lowest since
    2022". The rate is the nearest one named before the record (else the first after); "both"/"LPRs" give both
    tenors. Ranks ("lowest in N months") and ordinals ("second-lowest") are not checked for rates."""
    if q.unit != "record" or q.value:
        return [Link(q, s, "other", None, None, "other", value=q.value, unit=q.unit,
                     reason="rank claims about rates are not checked")]
    before = [c for c in rates if c.end <= q.start]
    r = before[-1] if before else rates[0]
    if r.value == "rreq":
        return [Link(q, s, "other", None, None, "other", value=q.value, unit=q.unit,
                     reason="reserve requirement ratio or SLF rate: not a tradelane series")]
    kinds = ["lpr1", "lpr5"] if r.value == "lprs" else (["lpr1"] if r.value == "lpr" else [r.value])
    period, _c, explicit = _period_for(q, s, ts, qs, text, refm.start, refm, ctx.rate_period)
    high, _, _per = q.streak_noun.partition("|")
    out: list[Link] = []
    for k in kinds:
        if q.written and q.written != "this year":
            m = re.match(r"([A-Za-z]+)\.?(?:\s+((?:19|20)\d{2}))?$", q.written)
            if m:
                from .lexicon import MONTHS

                month = MONTHS.get(m.group(1).lower().rstrip("."))
                if month is None:
                    return [Link(q, s, "other", None, None, "other", value=q.value, unit=q.unit,
                                 reason="unreadable month")]
                since = resolve_month(month, period.end, int(m.group(2)) if m.group(2) else None)
                if since.start >= period.start:
                    since = since.shift_months(-12)
            else:
                since = Period.year(int(q.written))
            lk = Link(q, s, RATE_SERIES[k], None, period, "record_since", compare=since, value=q.value,
                      unit="record")
        elif q.written == "this year":
            lk = Link(q, s, RATE_SERIES[k], None, period, "record_since", compare=Period.year(period.start.year - 1),
                      value=q.value, unit="record")
        else:
            lk = Link(q, s, RATE_SERIES[k], None, period, "record", value=q.value, unit="record")
        lk.direction = 1 if high == "high" else -1
        lk.explicit = explicit
        out.append(lk)
    return out


_RECORD_TRADE_WORDS = re.compile(r"\b(?:exported|cargo(?:es)?|consignments?|[A-Za-z]+-bound)\b", re.I)


def _link_record(
    q: Quantity,
    s: Sentence,
    text: str,
    ts: list[_T],
    qs: list[Quantity],
    products: list[Cue],
    partners: list[Cue],
    rates: list[Cue],
    ctx: _Ctx,
    refm: Period,
    trade_default: Period,
) -> list[Link]:
    """A record claim about a trade lane: "highest since January 2025" (``record_since``, compare = that month),
    "lowest in nine months" / "a six-month high" (``rank``, value N months), "second-highest ever" / "a record
    low" (``record``, value = the order written, 0 when none)."""
    base = s.start
    a = q.start - base
    after = text[q.end - base : q.end - base + 40]

    def other(reason: str) -> list[Link]:
        return [Link(q, s, "other", None, None, "other", value=q.value, unit=q.unit, reason=reason)]

    if _NOT_TRADE_AFTER.match(after) or re.search(
        r"\b(?:price|margin|yield|profit|stock|share price|bond)s?\s*(?:\w+\s+){0,3}$", text[max(0, a - 40) : a], re.I
    ) or _non_lpr_subject(_subject_probe(text, a)[0]):
        # "Net interest margins, already at a record low of 1.69%": the record of the subject before it
        return other("a record of something tradelane does not track")
    if rates and not products:
        return _link_rate_record(q, s, text, ts, qs, rates, ctx, refm)
    if re.search(r"\brare[\s-]earth products\b", text, re.I) or any(
        x.unit == "t" and _OF_OTHER.match(text[x.end - base : x.end - base + 60]) for x in qs
    ):
        return other("a record of a good tradelane does not track")
    # "Just 1,238 tonnes were exported, the smallest ...", "US-bound cargoes jumped to 656 tonnes, their best ..."
    trade_words = bool(products or _TRADE_NOUN.search(text) or _RECORD_TRADE_WORDS.search(text))
    prod = products[-1].value if products else (ctx.product or (ctx.topic if ctx.topic != "rates" else None))
    if prod is None or not trade_words:
        return other("a record of what? no traded product or trade flow named")
    pt = None
    for c in partners:
        if c.end <= q.start:
            pt = c
    if pt is not None and re.search(r"\b(total|overall|all destinations|worldwide)\b", text[pt.end - base : a], re.I):
        pt = None
    partner = pt.value if pt else (ctx.carry_partner or "WLD")
    period, _c, explicit = _period_for(q, s, ts, qs, text, refm.start, trade_default, ctx.period)
    nq = [x for x in qs if x.start >= q.end]
    if nq and nq[0].unit == "t" and re.fullmatch(r"\s+(?:of|at)\s+(?:about\s+|around\s+|some\s+)?",
                                                 text[q.end - base : nq[0].start - base]):
        # "down from a seven-month high of 6,146 tons in August": the record is that level's month
        period, _c, explicit = _period_for(nq[0], s, ts, qs, text, refm.start, trade_default, ctx.period)
    series = f"{prod}/CHN/{partner}"
    prev_q = [x for x in qs if x.end <= q.start and x.unit in ("usd", "cny", "t")]
    if prev_q and prev_q[-1].unit in ("usd", "cny") and _clause_of(text, prev_q[-1].start - base) + 1 >= _clause_of(
        text, a
    ):
        series += "/value_usd" if prev_q[-1].unit == "usd" else "/value_cny"
    high, _, per = q.streak_noun.partition("|")
    notes: list[str] = []
    qualified = bool(_QUALIFIED.search(text[q.end - base :]))
    if q.unit == "rank":
        n = int(q.value) * (12 if per == "years" else 1)
        lk = Link(q, s, series, partner, period, "rank", value=q.value, unit="months" if per != "years" else "years",
                  product=prod, notes=notes)
        lk.compare = period.shift_months(-n)
    elif q.written == "this year":
        # "the highest this year": above every earlier month of the year
        lk = Link(q, s, series, partner, period, "rank", compare=Period.month(period.start.year - 1, 12),
                  value=q.value, unit="record", product=prod, notes=notes)  # the order written ("second-highest")
    elif q.written:
        m = re.match(r"([A-Za-z]+)\.?(?:\s+((?:19|20)\d{2}))?$", q.written)
        if m:
            from .lexicon import MONTHS

            month = MONTHS.get(m.group(1).lower().rstrip("."))
            if month is None:
                return other("unreadable month")
            since = resolve_month(month, period.end, int(m.group(2)) if m.group(2) else None)
            if since.start >= period.start:
                since = since.shift_months(-12)
        else:
            since = Period.year(int(q.written))
        lk = Link(q, s, series, partner, period, "record_since", compare=since, value=q.value, unit="record",
                  product=prod, notes=notes)
    else:
        lk = Link(q, s, series, partner, period, "record", value=q.value, unit="record", product=prod, notes=notes)
    lk.direction = 1 if high == "high" else -1
    lk.explicit = explicit
    if qualified:
        lk.notes.append("qualified: among the months on record")
    return [lk]
