"""The words a news article uses for tradelane's subjects: months, partners, products, rates, directions.

Pure data and compiled patterns, shared by :mod:`.extract` and :mod:`.link`.

>>> partner_of("US-bound"), partner_of("South Korean"), partner_of("Germany's"), partner_of("EU")
('USA', 'KOR', 'DEU', 'EUU')
>>> partner_of("Tokyo-bound"), partner_of("Tokyo")
('JPN', None)
>>> MONTHS["sept"]
9
"""

from __future__ import annotations

import re

__all__ = [
    "BASIS_MOM",
    "BASIS_YOY",
    "DOWN_WORDS",
    "MONTHS",
    "FOREIGN_CENTRAL_BANK_RE",
    "MONTH_RE",
    "NUMBER_WORDS",
    "ORDINALS",
    "PARTNER_RE",
    "PRODUCT_RE",
    "RATE_RE",
    "UP_WORDS",
    "partner_of",
]

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

# Full names anywhere; abbreviations only with a dot, before a day number or before a year ("Dec 2021", "Dec '21"),
# before a colon ("Dec:") or a tonnage ("Nov 582t"), so "Mar" and "May" stay safe.
MONTH_RE = re.compile(
    r"\b(?P<name>january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?=\.|\s+\d{1,2}\b|\s+(?:19|20)\d{2}\b|'\d{2}\b"
    # a label ("Dec: 564t") or a tonnage right after ("(Nov 582t)")
    r"|\s*:|\s+[\d,.]+\s*(?:t|mt|tons?|tonnes?)\b))\.?"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?![,.]\d|\s*(?:%|per|t\b|tons?|tonnes?|bp|basis)))?"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?",
    re.IGNORECASE,
)

NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}

# Partner names, demonyms and shorthands -> ISO3 (EUU: the EU aggregate, as in the data).
_PARTNERS: dict[str, str] = {
    "united states": "USA",
    "u.s.": "USA",
    "u.s": "USA",
    "us": "USA",
    "usa": "USA",
    "america": "USA",
    "american": "USA",
    "americans": "USA",
    "european union": "EUU",
    "eu": "EUU",
    "europe": "EUU",
    "european": "EUU",
    "japan": "JPN",
    "japanese": "JPN",
    "germany": "DEU",
    "german": "DEU",
    "south korea": "KOR",
    "south korean": "KOR",
    "korea": "KOR",
    "korean": "KOR",
    "vietnam": "VNM",
    "viet nam": "VNM",
    "vietnamese": "VNM",
    "india": "IND",
    "indian": "IND",
    "thailand": "THA",
    "thai": "THA",
    "italy": "ITA",
    "italian": "ITA",
    "mexico": "MEX",
    "mexican": "MEX",
    "france": "FRA",
    "french": "FRA",
    "netherlands": "NLD",
    "dutch": "NLD",
    "poland": "POL",
    "polish": "POL",
    "philippines": "PHL",
    "philippine": "PHL",
    "malaysia": "MYS",
    "malaysian": "MYS",
    "indonesia": "IDN",
    "indonesian": "IDN",
    "taiwan": "TWN",
    "taiwanese": "TWN",
    "united kingdom": "GBR",
    "britain": "GBR",
    "british": "GBR",
    "u.k.": "GBR",
    "uk": "GBR",
    "canada": "CAN",
    "canadian": "CAN",
    "brazil": "BRA",
    "brazilian": "BRA",
    "turkey": "TUR",
    "turkish": "TUR",
    "russia": "RUS",
    "russian": "RUS",
    "australia": "AUS",
    "australian": "AUS",
    "spain": "ESP",
    "spanish": "ESP",
    "singapore": "SGP",
    "austria": "AUT",
    "austrian": "AUT",
    "czech republic": "CZE",
    "czech": "CZE",
    "hungary": "HUN",
    "hungarian": "HUN",
    "slovenia": "SVN",
    "romania": "ROU",
    "sweden": "SWE",
    "swedish": "SWE",
    "switzerland": "CHE",
    "swiss": "CHE",
    "israel": "ISR",
    "israeli": "ISR",
    "world": "WLD",
}
_PARTNER_ALT = "|".join(
    sorted((re.escape(k) for k in _PARTNERS if k not in ("us", "u.s", "world")), key=len, reverse=True)
)
# A capital stands for its country only in a "-bound" form ("Tokyo-bound shipments"); alone ("Tokyo said") it is
# the government, not a trade partner.
_CAPITALS: dict[str, str] = {
    "tokyo": "JPN",
    "seoul": "KOR",
    "berlin": "DEU",
    "washington": "USA",
    "new delhi": "IND",
    "delhi": "IND",
    "hanoi": "VNM",
    "bangkok": "THA",
    "rome": "ITA",
    "paris": "FRA",
    "london": "GBR",
    "ottawa": "CAN",
    "taipei": "TWN",
    "kuala lumpur": "MYS",
    "jakarta": "IDN",
    "manila": "PHL",
    "brussels": "EUU",
}
_CAPITAL_ALT = "|".join(sorted((re.escape(k) for k in _CAPITALS), key=len, reverse=True))
PARTNER_RE = re.compile(
    rf"(?<![\w.])(?P<p>{_PARTNER_ALT}|US(?=[\s\-–’',.:;)]|$)|U\.S(?=-))(?:['’]s)?(?:-(?:bound|directed|destined))?"
    r"(?![\w])"
    rf"|(?<![\w.])(?P<cap>{_CAPITAL_ALT})-(?:bound|directed|destined)(?![\w])",
    re.IGNORECASE,
)


PARTNER_FIRST_WORDS = (
    frozenset(k.split()[0].rstrip(".") for k in _PARTNERS) | {"u.s", "u"} | frozenset(k.split()[0] for k in _CAPITALS)
)


def partner_of(text: str) -> str | None:
    """ISO3 code for a partner mention (name, demonym, '-bound' form), or None."""
    t = text.strip().lower()
    bound = re.search(r"-(bound|directed|destined)$", t) is not None
    t = re.sub(r"-(bound|directed|destined)$", "", t)
    t = re.sub(r"['’]s$", "", t)
    return _PARTNERS.get(t) or (_CAPITALS.get(t) if bound else None)


# Products. rare earths only as a traded good ("rare earth exports", "exports of rare earths",
# "17 minerals", "headline"), so "seven heavy rare earths" in a policy sentence is not a product mention.
PRODUCT_RE = re.compile(
    r"(?P<magnets>\brare[\s-]?earth\s+(?:permanent\s+)?magnets?\b|\bpermanent\s+magnets?\b|\bmagnets?\b)"
    r"|(?P<rare_earths>\brare[\s-]?earths?\s+(?:exports?|shipments?|sales|minerals|volumes?|elements\s+exports?)"
    r"|\b(?:exports?|shipments?|sales)\s+of\s+(?:the\s+)?(?:(?:broader|wider|whole|headline)\s+)?(?:(?:group|basket|"
    r"category|family)\s+of\s+)?rare[\s-]?earths?\b(?!\s+magnet)"
    r"|\b(?:broader|wider)\s+(?:group|basket|category|family)\s+of\s+rare[\s-]?earths?\b(?!\s+magnet)"
    r"|(?:(?<=\btonnes\sof\s)|(?<=\btons\sof\s)|(?<=\bt\sof\s)|(?<=\bmt\sof\s))rare[\s-]?earths?\b"
    r"(?![\s-]+(?:magnets?|permanent|products?|oxides?|metals?|alloys?|compounds?|concentrates?|ores?))"
    # "the 17-element rare-earth group", "the raw-material figure" (the ores and oxides beside the magnets)
    r"|\b(?:17|seventeen)[\s-]+element\s+(?:rare[\s-]?earths?\s+)?(?:group|basket|series|category|exports?|"
    r"shipments?|figure|total)\b|\braw[\s-]materials?\s+(?:figure|exports?|shipments?|total|series)\b"
    r"|\b17\s+(?:rare[\s-]earth\s+)?(?:minerals|elements)\b|\bheadline\s+(?:rare[\s-]?earth\s+)?(?:exports?|shipments?|figure)"
    # a label before a colon ("Rare earths Dec: 4,392t", "Rare earths:", "RE headline:", "RE (17 elements ...)")
    r"|\brare[\s-]?earths?(?!\s+(?:permanent|magnet))(?=(?:\s+[\w'’-]+){0,2}\s*:)"
    r"|(?-i:\bRE\b)(?=\s*(?:\(|headline\b|exports?\b|shipments?\b|volumes?\b|(?:[\w'’-]+\s*){0,2}:)))",
    re.IGNORECASE,
)
NEGATED_PRODUCT_RE = re.compile(r"(?:rather than|instead of|not|unlike|excluding)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

RATE_RE = re.compile(
    r"(?P<rreq>reserve requirement ratios?|reserve requirements?|required reserve ratio|\bRRR\b|"
    r"standing lending facility|\bSLF\b)"
    r"|(?P<mlf>medium[\s-]term lending facility|\bMLF\b)"
    r"|(?P<rrr>(?:(?:seven|7)[\s-]day\s+)?reverse[\s-]repurchase(?:\s+(?:agreement\s+)?rate)?"
    r"|(?:seven|7)[\s-]day reverse repo(?:\s+rate)?|reverse[\s-]repo(?:\s+rate)?|main policy rate"
    r"|policy rate)"
    r"|(?P<lpr5>(?:over[\s-])?(?:five|5)-(?:year|yr)(?:[\s-]plus|\+)?"  # "5-year-plus LPR" too
    r"(?:\s+(?:and\s+longer\s+)?(?:loan prime rate|LPR|rate))?"
    r"|\b5Y\b(?:\s+LPR)?"
    # "the longer tenor", "the mortgage benchmark", "the mortgage reference rate", "a mortgage rate at record lows"
    r"|\bthe\s+long(?:er)?(?:[\s-]dated)?\s+tenor\b|\b(?:the|a)\s+mortgage(?:[\s-]linked)?\s+(?:benchmark|reference"
    r"(?:\s+rate)?|rate(?!s))\b|\bmortgage\s+(?:benchmark|reference\s+rate)\b)"
    r"|(?P<lpr1>(?:one|1)-(?:year|yr)(?!\s+(?:medium|mlf|truce|bond|yield|treasury|deposit|pause|suspen))"
    r"(?:\s+(?:loan prime rate|LPR|rate))?|\b1Y\b(?:\s+LPR)?|\bthe\s+short(?:er)?(?:[\s-]dated)?\s+tenor\b)"
    r"|(?P<lprs>loan prime rates|\bLPRs\b|benchmark lending rates|lending benchmarks|benchmark loan rates"
    r"|lending rates|both (?:LPRs|rates|benchmarks|tenors)|\bboth\b|benchmarks|quotations)"
    r"|(?P<lpr>loan prime rate|\bLPR\b|the quotation|lending benchmark|benchmark lending rate)",
    re.IGNORECASE,
)

DOWN_WORDS = frozenset(
    [
        "fell",
        "fall",
        "falls",
        "falling",
        "fallen",
        "drop",
        "dropped",
        "drops",
        "dropping",
        "decline",
        "declined",
        "declines",
        "declining",
        "slip",
        "slipped",
        "slips",
        "slipping",
        "slide",
        "slid",
        "slides",
        "sliding",
        "sank",
        "sink",
        "sinks",
        "sinking",
        "slump",
        "slumped",
        "slumps",
        "plunge",
        "plunged",
        "plunges",
        "plummet",
        "plummeted",
        "tumble",
        "tumbled",
        "tumbles",
        "ease",
        "eased",
        "eases",
        "easing",
        "lower",
        "less",
        "below",
        "down",
        "decrease",
        "decreased",
        "decreases",
        "cut",
        "cuts",
        "trimmed",
        "trim",
        "lowered",
        "lowering",
        "reduced",
        "reduction",
        "reductions",
        "shrank",
        "shrink",
        "contracted",
        "contraction",
        "retreated",
        "retreat",
        "dip",
        "dipped",
        "dips",
        "weaker",
        "fewer",
        "loss",
        "lost",
        "off",
        "negative",
    ]
)
UP_WORDS = frozenset(
    [
        "rose",
        "rise",
        "rises",
        "rising",
        "risen",
        "climb",
        "climbed",
        "climbs",
        "climbing",
        "jump",
        "jumped",
        "jumps",
        "jumping",
        "grew",
        "grow",
        "grows",
        "growing",
        "growth",
        "gain",
        "gained",
        "gains",
        "gaining",
        "increase",
        "increased",
        "increases",
        "increasing",
        "higher",
        "more",
        "above",
        "up",
        "surge",
        "surged",
        "surges",
        "soar",
        "soared",
        "rebound",
        "rebounded",
        "rebounds",
        "added",
        "expand",
        "expanded",
        "expanding",
        "edged",
        "advance",
        "advanced",
        "hike",
        "hiked",
        "raised",
        "raise",
    ]
)
UNCHANGED_WORDS = re.compile(
    r"\b(unchanged|steady|on hold|held|hold|holds|kept|keep|keeps|kept|flat|stayed|stay"
    r"|maintained|maintain|left|leave|pause|paused|stood|stands|remained|remains"
    r"|without (?:a |any )?(?:change|move|adjustment)|no (?:change|move|adjustment)|unaltered|untouched|intact"
    r"|stable|stand pat|standing pat|stood pat|sat|stuck|parked)\b",
    re.IGNORECASE,
)

BASIS_MOM = re.compile(
    r"\b(m/m|mom|month[\s-]on[\s-]month|on the month|from the (?:prior|previous|preceding) month|"
    r"(?:from|than|on|over|compared with|versus) (?:the )?(?:month before|previous month|prior month|a month earlier)|"
    r"a month earlier|from a month before|sequential(?:ly)?|monthly (?:rise|increase|gain|fall|drop|decline)|"
    r"month[\s-]over[\s-]month|m-o-m|on[\s-]month|"
    r"(?:the\s+)?month[\s-](?:earlier|ago|before)\s+(?:level|figure|total|volume))\b",
    re.IGNORECASE,
)
BASIS_YOY = re.compile(
    r"\b(y/y|yoy|year[\s-]on[\s-]year|year[\s-]over[\s-]year|a year (?:earlier|before|ago)|"
    r"(?:the )?same (?:month|period|two months|months) (?:a|of the previous|of last|of) (?:year|\d{4})|"
    r"(?:the )?same (?:month|period) (?:a year earlier|last year|of \d{4})|from a year before|on the year|"
    r"annual(?:ly)? (?:rise|increase|fall|drop|decline|basis)|than in \d{4}|on \d{4}|on[\s-]year|y-o-y|year-ago|"
    r"(?:the )?same (?:month|period) in \d{4}|(?:the )?corresponding (?:period|month)(?: (?:of|in) \d{4}| last year)?|"
    r"from a year ago|compared with a year (?:earlier|ago|before)|"
    r"(?:the\s+)?year[\s-]earlier\s+(?:level|figure|total|volume|month|period|tally))\b",
    re.IGNORECASE,
)

# Central banks (and their rates) other than the PBOC: their numbers are never tradelane's, and a country inside the
# name ("Bank Indonesia", "Reserve Bank of India") is not a trade partner.
FOREIGN_CENTRAL_BANK_RE = re.compile(
    r"\b(?:(?:the\s+)?(?:U\.?S\.?\s+)?Federal Reserve(?:'s)?|the Fed\b|Fed(?:'s)?\s+(?:funds|rate|policy|chair)"
    r"|\bFOMC\b"
    r"|federal funds rate|\bECB\b|European Central Bank|Bank of (?:Japan|England|Korea|Canada|Thailand|Russia|Mexico)"
    r"|\bBOJ\b|\bBoJ\b|\bBOE\b|\bBoE\b|\bBOK\b|\bRBI\b|\bRBA\b|\bRBNZ\b|\bSNB\b"
    r"|Reserve Bank of (?:India|Australia|New Zealand)|Bank Indonesia|Bank Negara(?: Malaysia)?|State Bank of Vietnam"
    r"|Swiss National Bank|Riksbank|Norges Bank|Monetary Authority of Singapore|Hong Kong Monetary Authority|\bHKMA\b"
    r"|Bangko Sentral(?: ng Pilipinas)?|Central Bank of (?:Brazil|Russia|Turkey|the Philippines)|Banxico)",
    re.IGNORECASE,
)
