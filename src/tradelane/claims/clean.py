"""Clean a scraped article: keep the story, drop the noise, remember what was dropped and where.

Works on plain text (HTML is first reduced to text by :func:`html_to_text`, through
trafilatura). The text is cut into lines; each line is classified:

* **kept**: body paragraphs, title, "AI Brief" bullets, and on-topic teaser items
  (a related headline about magnets, rare earths or rates keeps its *own* date);
* **dropped**: price tickers and widgets, share bars, newsletter prompts,
  disclaimers, datelines, off-topic teasers, and repeated sentences (a lead that
  appears three times, twice run together on one line, counts once).

Every kept sentence keeps its character offsets into the text given, so a claim
can be highlighted where it was written.

>>> lead = "Made-up magnet sales rose 5% in May."
>>> a = clean_text("Title of a made-up story\\n\\n" + lead + lead + "\\n\\n"
...                "Share   f   X   in\\n\\nBTC $1,000.00 ▲1.0%   ETH $20.00 ▼2.0%")
>>> [s.text for s in a.sentences]
['Title of a made-up story', 'Made-up magnet sales rose 5% in May.']
>>> [d.kind for d in a.dropped]
['repeat', 'share', 'widget']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .dates import find_date, find_wire_dateline

__all__ = [
    "CleanArticle", "Dropped", "Sentence", "clean_text", "html_to_text", "pipe_tables_to_lines", "split_sentences",
    "drop_forecast_tables", "spaced_tables_to_lines", "unwrap_hard_breaks",
]


@dataclass(frozen=True)
class Sentence:
    """A kept sentence: its text, offsets, the block it belongs to and how to date it."""

    start: int
    end: int
    text: str
    block: int
    kind: str  # title | body | bullet | teaser
    ref_date: date | None  # a teaser's own date; None = the article's date


@dataclass(frozen=True)
class Dropped:
    """A dropped piece of text and why."""

    kind: str  # repeat | widget | share | newsletter | disclaimer | dateline | teaser | boilerplate
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, object]:
        t = self.text if len(self.text) <= 120 else self.text[:117] + "..."
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": t}


@dataclass
class CleanArticle:
    """The cleaned article: the text it came from, its sentences, title, dates and what was dropped."""

    text: str
    title: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    dateline_date: date | None = None
    wire_dateline: tuple[int, int] | None = None  # (month, day) without a year
    meta_date: date | None = None


_SHARE_WORDS = re.compile(r"\b(share|facebook|twitter|tweet|linkedin|whatsapp|telegram|email|print|save|copy link|"
                          r"reddit|pinterest)\b|(?:^|\s)(?:f|X|in|✉)(?=\s|$)", re.I)
_NEWSLETTER = re.compile(r"\b(newsletter|subscribe|unsubscribe|view in browser|forward to a friend|sign up|sign-up|"
                         r"in your inbox|join them|follow us|"
                         r"don't miss|get the .{0,40}(brief|digest|note|daily|wrap)|daily .{0,20}note|alerts)\b", re.I)
_DISCLAIMER = re.compile(r"^\s*(disclaimer|disclosure|legal notice|copyright|©|all rights reserved)\b", re.I)
_TEASER_HEAD = re.compile(r"^\s*(you may also like|related(?: (?:headlines|stories|articles|news|coverage))?|"
                          r"read more|more from .{1,30}|recommended(?: for you)?|also read|trending|most read|"
                          r"latest news|more stories|see also|further reading|more (?:opinion|analysis|news|"
                          r"on this story|in [\w ]{2,20}|from [\w ]{2,20}|to read)|top stories|editor'?s picks|"
                          r"most popular|popular now|what to read next|read next|don'?t miss|explore more)"
                          r"\s*:?\s*$", re.I)
_MONTH_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
               r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_PERIOD_HEAD = re.compile(
    r"^\s*(?:[A-Za-z][A-Za-z &'’-]{2,30}:\s*)?(?:(?:full|whole)[\s-]year\s+|fy\s?|h[12]\s+|q[1-4]\s+|"
    rf"{_MONTH_WORD}(?:\s*(?:-|–|/|to|and)\s*{_MONTH_WORD})?\s+)(?:19|20)\d{{2}}\s*(?:\([^)]*\))?\s*:?\s*$",
    re.I,
)
_TEASER_INLINE = re.compile(r"^\s*(?:read more|read next|read also|also read|related|see also|more from [^:]{1,30}|"
                            r"recommended|most read|you may also like)\s*:\s*(?P<rest>\S.*)$", re.I)
_TICKER = re.compile(r"\b[A-Z]{2,6}(?:/[A-Z]{3})?\s*[:=]?\s*\$?\d[\d,]*(?:\.\d+)?\s*\(?\s*[▲▼+\-−]?\s*\d*\.?\d*%?")
_WIDGET_WORDS = re.compile(r"(price\s*\(|live price|price chart|market cap|market opportunity|\blogo\b|"
                           r"market snapshot|24h|\bticker\b)", re.I)
_BULLET = re.compile(r"^\s*(?:[-•*·▪◦–]|\d+[.)])\s+")
_TIME_ONLY = re.compile(r"^\s*\d{1,2}:\d{2}\s*[—–-]\s*"
                        r"|^\s*[A-Z][A-Z .'’-]{2,},\s+[A-Za-z]{3,9}\.?\s+\d{1,2}\s*(?:\([^)]{1,40}\))?\s*[—–-]+\s*")
_DATE_FRAG = re.compile(r"(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}(?:\s+\d{1,2}:\d{2})?")
_TRAILING_DATE = re.compile(r"\s*[—–|·-]\s*(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}\s*$")
_LEADING_DATE = re.compile(r"^\s*(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}\s*[·|—–-]?\s*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Sentence ends: ". " before a capital/quote/digit, or a full stop glued to a capital ("Saturday.US-directed"),
# but not after abbreviations (U.S., Jan., Mr.) or inside numbers.
_END_CAND = re.compile(r"[.!?](?:\s+(?=[\"“‘'(]?[A-Z0-9])|(?=[A-Z][a-z]|[A-Z]{2,}[-\s]))")
_ABBREV = re.compile(r"(?:\b[A-Za-z]|\bU\.S|\bNo|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
                     r"|\b(?:Mr|Ms|Dr|St|vs|Co|Inc|Ltd|Corp|Gov|approx))$")


def _ends(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _END_CAND.finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        if not before or (_ABBREV.search(before) and not re.search(r"\d\s?t$", before)):
            continue  # "U.S." and "J. Smith" do not end a sentence; "280 t." does
        if m.group(0)[1:2] == "" and not re.search(r"[a-z0-9%)\"”’']{2}$", before):
            continue  # glued sentences only after a real word
        out.append((m.start() + 1, m.end()))
    return out


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Sentences of one block as (start, end, text), offsets shifted by ``offset``.

    >>> [s[2] for s in split_sentences("Sales rose 5% in May.US-bound sales fell. The U.S. took 3 t.")]
    ['Sales rose 5% in May.', 'US-bound sales fell.', 'The U.S. took 3 t.']
    """
    out: list[tuple[int, int, str]] = []
    pos = 0
    for cut, nxt in _ends(text):
        seg = text[pos:cut]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((offset + pos + lead, offset + pos + len(seg.rstrip()), seg.strip()))
        pos = nxt
    seg = text[pos:]
    if seg.strip():
        lead = len(seg) - len(seg.lstrip())
        out.append((offset + pos + lead, offset + pos + len(seg.rstrip()), seg.strip()))
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w%$.,]+", " ", s.lower())).strip()


def _words(s: str) -> int:
    return len(_WORD.findall(s))


_TOPIC_HINT = re.compile(r"magnet|rare[\s-]?earth|\bLPRs?\b|loan prime|reverse repo|lending (?:rate|benchmark)|"
                         r"benchmark (?:lending|loan)|policy rate|17 minerals", re.I)


def _on_topic(s: str) -> bool:
    return bool(_TOPIC_HINT.search(s))


# photo captions ("File photo: ... September 28, 2018."), agency credits ("REUTERS/Name"), bylines and
# editing credits, cookie banners: their dates and numbers are never the story's
_CAPTION = re.compile(r"^\s*(?:file\s+photo|photo|picture|image)\s*[:|-]|\b[A-Z]{3,}/(?:[A-Z][a-z]+|File)\b|"
                      r"^\s*\(?reporting by\b|^\s*(?:we use )?cookies\b|\bcookie (?:policy|settings)\b",
                      re.I)


# a photo credit closing a line: "Photo: Xinhua", "[Photo/VCG]", "(Xinhua/Li Ming)", "Photo by X/AFP via Getty Images"
_CREDIT_END = re.compile(
    r"(?:\b(?:photo|picture|image|credit)s?\s*(?:by\s+)?[:/]\s*[\w .,'&/-]{2,60}"
    r"|\[\s*photo\s*/\s*[\w .-]{2,40}\]|\(\s*(?:xinhua|cfp|vcg|ap|afp|reuters)\s*/\s*[\w .-]{2,40}\)"
    r"|\b(?:via|for)\s+getty\s+images|\bgetty\s+images)\s*[.)\]]?\s*$",
    re.I,
)


# a chart caption ("Chart 3 | US-bound magnet exports, tonnes, monthly") and the data line under it ("2020: 35,982 ·
# 2024: 58,152", "Germany 5,488 · US 4,924", "May 2025: 46 | Jun: 353", "Magnets 10,763 (+8.2%)") are story data
CHART_CAPTION = re.compile(r"^\s*(?:chart|figure|fig\.|graphic|graph)\s*\d{0,2}\s*[|:.–—-]\s*(?P<body>\S.*)$", re.I)
_DATA_ITEM = (r"(?:[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,3}|(?:19|20)\d{2})(?:\s+(?:19|20)\d{2})?\s*:?\s*"
              r"[+\-−]?\d[\d,]*(?:\.\d+)?(?:\s*\(\s*[+\-−]?\d[\d,]*(?:\.\d+)?\s*%\s*\))?")
DATA_LINE = re.compile(rf"\s*{_DATA_ITEM}(?:\s+[·•|]\s+{_DATA_ITEM})+\s*")


def _classify(line: str) -> str | None:
    """A boilerplate kind for a whole line, or None when it may be story text."""
    s = line.strip()
    words = _words(s)
    if CHART_CAPTION.match(s) or DATA_LINE.fullmatch(s):
        return None
    if _DISCLAIMER.match(s):
        return "disclaimer"
    tickers = len(_TICKER.findall(s))
    if tickers >= 2 and words <= 3 * tickers + 4:
        return "widget"
    if _WIDGET_WORDS.search(s) and words <= 8:
        return "widget"
    if words <= 5 and not s.endswith((".", "?", "!")) and re.search(r"\d", s) and not _BULLET.match(s) \
            and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", s) and find_date(s) is None \
            and not re.search(r"\d\s*(?:t|tons?|tonnes?|kg)\b", s):  # a table row with a tonnage is story data
        return "widget"
    if _CAPTION.search(s) and not re.search(r"\d+(?:\.\d+)?\s*(?:%|t\b|tons|tonnes|bp|basis)", s):
        return "caption"
    if _CREDIT_END.search(s):
        return "caption"  # a line ending in a photo credit is a caption, whatever numbers it holds
    share_hits = len(_SHARE_WORDS.findall(s))
    if (s.lower().startswith("share") and words <= 12) or (share_hits >= 3 and words <= 3 * share_hits + 2):
        return "share"
    if _NEWSLETTER.search(s) and words <= 25 and not re.search(r"\d+(?:\.\d+)?\s*(?:%|t\b|tons|tonnes)", s):
        return "newsletter"
    return None


def _is_dateline(s: str) -> bool:
    if find_date(s) is None or _BULLET.match(s):
        return False  # "* July 3, 2023 - Licences for gallium ...": a timeline entry, not the article's date
    rest = _DATE_FRAG.sub(" ", s)
    return _words(rest) <= 9 and not re.search(r"\d+(?:\.\d+)?\s*(?:%|t\b|tons|tonnes|bp)", rest)


def clean_text(text: str) -> CleanArticle:
    """Clean plain text (see the module docstring)."""
    art = CleanArticle(text=text)
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((pos, pos + len(body), body))
        pos += len(raw)

    blocks: list[tuple[int, int, str, str, date | None, int]] = []  # start, end, text, kind, ref_date, group
    in_teasers = False
    teaser_items: list[dict[str, object]] = []
    seen_body = False
    for i, (a, b, line) in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if _TEASER_HEAD.match(s):
            in_teasers = True
            art.dropped.append(Dropped("teaser", a, b, s))
            continue
        inline = _TEASER_INLINE.match(s)
        if inline:
            # "Read More: China's Exports Beat Estimates (5.8% rise in June)": a one-line teaser, its own paragraph
            # (its numbers are about its own story: see link.py); without a number or the topic it is dropped
            if _on_topic(inline.group("rest")) or re.search(r"\d", inline.group("rest")):
                blocks.append((a, b, line, "teaser", find_date(s), -1 - a))
            else:
                art.dropped.append(Dropped("teaser", a, b, s))
            continue
        if _PERIOD_HEAD.match(s) and not in_teasers and blocks:  # (never the first line: that is a title)
            # "LOOKING BACK: DECEMBER 2025", "FULL YEAR 2025": a section header, the period of the lines under it
            blocks.append((a, b, line, "heading", None, a))
            continue
        kind = _classify(s)
        if kind is not None:
            if kind == "newsletter" and i < 3 and art.dateline_date is None and "|" in s:
                # a masthead "THE MAGNET LANE - weekly newsletter | Sat 21 Mar 2026": its date is the issue's
                art.dateline_date = find_date(s.rsplit("|", 1)[1])
            art.dropped.append(Dropped(kind, a, b, s))
            continue
        if in_teasers:
            self_date = find_date(s)
            has_date_only = _words(_DATE_FRAG.sub(" ", s)) <= 1 and self_date is not None
            starts_with_date = bool(_LEADING_DATE.match(s))
            if teaser_items and (has_date_only or starts_with_date or s.endswith((".", "…", "...")))\
                    and not (teaser_items[-1].get("closed") and not starts_with_date and s.endswith("?")):
                item = teaser_items[-1]
                item["lines"].append((a, b, s))  # type: ignore[attr-defined]
                if self_date and not item.get("date"):
                    item["date"] = self_date
                continue
            teaser_items.append({"lines": [(a, b, s)], "date": self_date, "closed": self_date is not None})
            continue
        if art.dateline_date is None and i < 15 and _is_dateline(s):
            if art.dateline_date is None:
                art.dateline_date = find_date(s)
            art.dropped.append(Dropped("dateline", a, b, s))
            continue
        if art.wire_dateline is None and (w := find_wire_dateline(s)) is not None:
            art.wire_dateline = w
        words = _words(s)
        if art.title is None and not seen_body and 5 <= words <= 25 and not s.endswith(".") \
                and not _BULLET.match(s):
            art.title = s
            blocks.append((a, b, line, "title", None, a))
            continue
        if words >= 6 or _BULLET.match(s) or re.search(r"\d", s):
            seen_body = seen_body or words >= 12
        blocks.append((a, b, line, "bullet" if _BULLET.match(s) else "body", None, a))

    for item in teaser_items:
        group = -1 - len(blocks)
        item_lines: list[tuple[int, int, str]] = item["lines"]  # type: ignore[assignment]
        joined = " ".join(x[2] for x in item_lines)
        d = item.get("date")
        if not _on_topic(joined):
            for a, b, s in item_lines:
                art.dropped.append(Dropped("teaser", a, b, s))
            continue
        for a, b, s in item_lines:
            if _words(_DATE_FRAG.sub(" ", s)) <= 1:
                continue
            blocks.append((a, b, text[a:b], "teaser", d if isinstance(d, date) else None, group))
    blocks.sort(key=lambda x: x[0])

    seen: set[str] = set()
    for a, _b, line, kind, ref, bi in blocks:
        body = line
        shift = 0
        m = _TIME_ONLY.match(body) or (_LEADING_DATE.match(body) if kind == "teaser" else None)
        if m:
            shift = m.end()
        tm = _TRAILING_DATE.search(body) if kind == "teaser" else None
        end_cut = tm.start() if tm else len(body)
        bm = _BULLET.match(body)
        if bm and not shift:
            shift = bm.end()
        for sa, sb, st in split_sentences(body[shift:end_cut], a + shift):
            key = _norm(st)
            if len(key) >= 25 and key in seen:
                art.dropped.append(Dropped("repeat", sa, sb, st))
                continue
            if len(key) >= 25:
                seen.add(key)
            art.sentences.append(Sentence(sa, sb, st, bi, kind, ref))
    art.dropped.sort(key=lambda d: d.start)
    return art


_META_DATE = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|og:published_time|"
    r"datePublished|pubdate|publishdate|publish-date|date|dc\.date|dcterms\.created|parsely-pub-date|"
    r"sailthru\.date)[\"'][^>]*>"
    r"|\"datePublished\"\s*:\s*\"[^\"]+\""
    r"|<time\b[^>]*\bdatetime\s*=\s*[\"'][^\"']+[\"'][^>]*\bpubdate\b",
    re.I,
)
_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


_OG_DATE = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"'](?:article:published_time|og:published_time)[\"'][^>]*>", re.I)
_LD_JSON = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "backgroundnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "webpage"}


def _article_date(blob: str) -> date | None:
    """The ``datePublished`` of the (top-level) Article object in a JSON-LD block, if any."""
    import json

    try:
        data = json.loads(blob)
    except ValueError:
        return None
    todo: list[object] = [data]
    best: tuple[int, date] | None = None
    while todo:
        obj = todo.pop(0)
        if isinstance(obj, list):
            todo.extend(obj)
            continue
        if not isinstance(obj, dict):
            continue
        if "@graph" in obj:
            todo.extend(obj["@graph"] if isinstance(obj["@graph"], list) else [obj["@graph"]])
        kind = obj.get("@type")
        kinds = {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}
        iso = _ISO_DAY.search(str(obj.get("datePublished") or ""))
        if iso and kinds & _ARTICLE_TYPES:
            rank = 1 if kinds == {"webpage"} else 0
            try:
                d = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            except ValueError:
                continue
            if best is None or rank < best[0]:
                best = (rank, d)
    return best[1] if best else None


def meta_published(html: str) -> date | None:
    """The publication day the page declares in its head (``article:published_time``, ``datePublished``...).

    >>> meta_published('<meta property="article:published_time" content="2025-12-20T08:00:00+08:00">')
    datetime.date(2025, 12, 20)
    >>> meta_published('<script type="application/ld+json">{"datePublished": "2026-01-20"}</script>') is not None
    True
    """
    head = html[:300_000]
    # the article's own date first: Open Graph / article meta, then the Article object of the JSON-LD (a nested
    # VideoObject or a related item has its own datePublished, often a day or a month off)
    for m in _OG_DATE.finditer(head):
        c = re.search(r"content\s*=\s*[\"']([^\"']+)", m.group(0), re.I)
        iso = _ISO_DAY.search(c.group(1)) if c else None
        if iso:
            try:
                return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            except ValueError:
                pass
    for blob in _LD_JSON.findall(head):
        found = _article_date(blob)
        if found is not None:
            return found
    for m in _META_DATE.finditer(head):
        tag = m.group(0)
        c = re.search(r"content\s*=\s*[\"']([^\"']+)", tag, re.I) if tag.startswith("<meta") else None
        src = c.group(1) if c else tag
        iso = _ISO_DAY.search(src)
        if iso:
            try:
                return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            except ValueError:
                continue
    return None


_TROW = re.compile(r"^\|(.*)\|\s*$")
_TON_HDR = re.compile(r"\(\s*(?:t|tons?|tonnes?|metric tons)\s*\)|\b(?:tons|tonnes|tonnage)\b", re.I)


# a row label that is a period ("Dec 2025", "November 2025", "2025", "Jan-Feb 2026"): months as rows
_PERIOD_LABEL = re.compile(r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s*[-–/]\s*"
                           r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)?\s+)?(?:19|20)\d{2}",
                           re.I)


# a column named by a rate ("1Y LPR", "5Y", "One-year LPR (%)", "MLF"): the name goes before its cell, so the
# tenor is the cell's subject ("In May 2022: 1Y LPR 3.70%; 5Y LPR 4.45%.")
_RATE_HDR = re.compile(r"^\s*(?:[15]Y|(?:one|five|1|5)[\s-](?:year|yr)|LPR|MLF|(?:7-day |seven-day )?reverse repo)\b"
                       r"[^|]*$", re.I)
# a row label that is an ISO date ("2022-05-20"): read as its month ("May 2022")
_ISO_ROW = re.compile(r"\s*((?:19|20)\d{2})-(0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\s*")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _iso_row_label(cell: str) -> str:
    """ "2022-05-20" -> "May 2022"; any other label as it is."""
    m = _ISO_ROW.fullmatch(cell)
    return f"{_MONTH_ABBR[int(m.group(2)) - 1]} {m.group(1)}" if m else cell


def _period_row(cells: list[str], header: list[str]) -> str:
    """A row whose label is a period: "In Dec 2025: total 5,952 t; -3.2% m/m; to U.S. 564 t." (one clause a cell,
    the column's name before its figure, so a partner column names the partner of its own number)."""
    parts: list[str] = []
    for j, cell in enumerate(cells[1:], start=1):
        if not cell:
            continue
        hdr = header[j] if j < len(header) else ""
        name = re.sub(r"\s*\((?:t|tons?|tonnes?|metric tons|%|per ?cent|bps?|basis points)\)", "", hdr,
                      flags=re.I).strip()
        if _RATE_HDR.match(name) and re.fullmatch(r"\d+(?:\.\d+)?%?", cell):
            parts.append(f"{name} at {cell.rstrip('%')}%")
        elif re.fullmatch(r"[+\-−]?[\d,]+(?:\.\d+)?", cell) and (_TON_HDR.search(hdr) or not re.search(r"%|/|pct|chg",
                                                                                                 hdr, re.I)):
            parts.append(f"{name[:1].lower() + name[1:]} {cell} t".strip())
        elif re.fullmatch(r"[+\-−]?\d+(?:\.\d+)?%?", cell):
            parts.append(f"{cell.rstrip('%')}% {name}".strip())
        else:
            parts.append(f"{name} {cell}".strip())
    return f"In {cells[0]}: " + "; ".join(parts) + "."


def tables_to_lines(text: str) -> str:
    r"""Rewrite the Markdown tables trafilatura emits as one line per row that reads like a sentence.

    The row label comes first, then each cell with its column header: a tonnage column ("Nov 2025 (t)")
    gives "582 t in Nov 2025", a percentage keeps its header ("-11% m/m"). Separator rows are dropped.

    >>> print(tables_to_lines("| Destination | Nov 2025 (t) | m/m |\n|---|---|---|\n| Japan | 305 | +35% |"))
    Japan: 305 t in Nov 2025, +35% m/m.
    """
    out: list[str] = []
    header: list[str] | None = None
    for line in text.split("\n"):
        m = _TROW.match(line.strip())
        if not m:
            header = None
            out.append(line)
            continue
        cells = [c.strip() for c in m.group(1).split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            continue
        if header is None:
            header = cells
            continue
        if _ISO_ROW.fullmatch(cells[0]):
            cells = [_iso_row_label(cells[0]), *cells[1:]]
        if _PERIOD_LABEL.fullmatch(cells[0]):
            out.append(_period_row(cells, header))
            continue
        parts: list[str] = []
        for j, cell in enumerate(cells[1:], start=1):
            if not cell:
                continue
            hdr = header[j] if j < len(header) else ""
            if _TON_HDR.search(hdr) and re.fullmatch(r"[+\-−]?[\d,]+(?:\.\d+)?", cell):
                rest = _TON_HDR.sub("", hdr).strip(" ,;")
                parts.append(f"{cell} t" + (f" in {rest}" if rest else ""))
            elif re.fullmatch(r"[+\-−]?\d+(?:\.\d+)?", cell) and re.search(r"\((?:%|per ?cent)\)", hdr, re.I):
                parts.append(f"{cell}% " + re.sub(r"\s*\((?:%|per ?cent)\)", "", hdr, flags=re.I).strip())
            elif re.fullmatch(r"[+\-−]?\d+(?:\.\d+)?", cell) and re.search(r"\((?:bps?|basis points)\)", hdr, re.I):
                parts.append(f"{cell} bp " + re.sub(r"\s*\((?:bps?|basis points)\)", "", hdr, flags=re.I).strip())
            elif "%" in cell:
                parts.append(f"{cell} {hdr}".strip())
            else:
                parts.append(f"{hdr} {cell}".strip())
        out.append(f"{cells[0]}: " + ", ".join(parts) + ".")
    return "\n".join(out)


_BULLET_START = re.compile(r"\s*(?:[*•\-–—·▪]\s|\d{1,2}[.)]\s|[A-Z][A-Z &/'-]{3,}:)")


def unwrap_hard_breaks(text: str) -> str:
    r"""Join the lines of hard-wrapped text (copied or text-extracted at ~70 columns) back into paragraphs.

    Only text that looks wrapped is touched: few lines longer than 110 characters, and most long lines
    within a few characters of the wrap column (the 90th percentile of their lengths). A line break is then
    a space unless the next line starts a bullet, a heading ("ALSO READ:") or a table row, or the line is
    short (a title, a dateline, the end of a paragraph). Blank lines stay paragraph breaks. Each joined
    break becomes one space, so offsets are kept.

    >>> t = "\n".join(["China shipped 418 tonnes of rare-earth permanent magnets to India,"] * 6)
    >>> unwrap_hard_breaks(t + "\n\nA short last line.").count("\n")
    2
    """
    lines = text.split("\n")
    lengths = [len(ln.rstrip()) for ln in lines if ln.strip()]
    long = sorted(n for n in lengths if n >= 40)
    if len(lengths) < 6 or len(long) < 4 or sum(n > 110 for n in lengths) > 0.1 * len(lengths):
        return text
    width = long[int(0.9 * (len(long) - 1))]  # the wrap column (a title or a URL may run past it)
    if width < 50 or width > 110 or sum(n >= width - 14 for n in long) < 0.6 * len(long):
        return text
    out = list(text)
    pos = 0
    for i, ln in enumerate(lines[:-1]):
        end = pos + len(ln)  # the "\n" after this line
        nxt = lines[i + 1]
        body = ln.rstrip()
        if (
            body.strip()
            and nxt.strip()
            and len(body) >= width - 22
            and "|" not in body and "|" not in nxt
            and not _BULLET_START.match(nxt)
        ):
            out[end] = " "
        pos = end + 1
    return "".join(out)


_FORECAST_HEAD = re.compile(r"^\s*(?:our\s+|house\s+|consensus\s+)?(?:forecasts?|projections?|outlook|estimates?|"
                            r"expectations?)\b.{0,40}$", re.I)


def drop_forecast_tables(text: str) -> str:
    r"""Blank the lines of a block headed "FORECASTS" / "Projections" / "Outlook" (up to the next blank line), keeping
    offsets: the figures there are forecasts, never reported figures.

    >>> drop_forecast_tables("FORECASTS (%)\n1Y LPR  3.85  3.85\n\nThe LPR was 3.85%.").splitlines()[1].strip()
    ''
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and lines[j].strip():
            j += 1
        block = lines[i + 1 : j]
        if _FORECAST_HEAD.match(lines[i]) and len(lines[i].split()) <= 8 and block and all(
                len([c for c in re.split(r"\s{2,}|\t+|\|", ln.strip()) if c]) >= 3 for ln in block):
            # a forecast TABLE (rows of cells); prose under an "Outlook" heading is left to the sentence rules
            for k in range(i + 1, j):
                lines[k] = " " * len(lines[k])
            i = j
        else:
            i += 1
    return "\n".join(lines)


def spaced_tables_to_lines(text: str) -> str:
    r"""Rewrite whitespace-aligned tables (three or more lines whose cells are separated by two or more spaces,
    the same number of cells on every line, a digit in a row after the header) as :func:`tables_to_lines` does.

    A unit written only in a caption line just above ("(metric tonnes)") goes to the numeric columns.

    >>> t = "(tonnes)\nMonth     Total   To Japan\nDec 2025  5,952   280\nNov 2025  6,150   350"
    >>> print(spaced_tables_to_lines(t))
    (tonnes)
    In Dec 2025: total 5,952 t; to Japan 280 t.
    In Nov 2025: total 6,150 t; to Japan 350 t.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0

    def cells_of(ln: str) -> list[str]:
        return [c for c in re.split(r"\s{2,}|\t+", ln.strip()) if c]

    while i < len(lines):
        n = len(cells_of(lines[i])) if lines[i].strip() else 0
        j = i + 1
        if n >= 3:
            while j < len(lines) and lines[j].strip() and len(cells_of(lines[j])) == n:
                j += 1
        rows = lines[i:j]
        if j - i >= 3 and any(re.search(r"\d", r) for r in rows[1:]) and not re.search(r"\d{3}", rows[0]):
            caption = " ".join(out[-2:])
            header = cells_of(rows[0])
            if re.search(r"\b(?:tonnes|tons|metric tons|\(t\))", caption, re.I):
                header = [h if j2 == 0 or re.search(r"%|/|pct|chg|\(", h, re.I) else f"{h} (t)"
                          for j2, h in enumerate(header)]
            table = "\n".join("| " + " | ".join(c) + " |" for c in [header] + [cells_of(r) for r in rows[1:]])
            out.extend(tables_to_lines(table).split("\n"))
        else:
            out.extend(rows)
        i = j
    return "\n".join(out)


def _pipe_cells(line: str) -> list[str] | None:
    s = line.strip()
    if s.count("|") < (3 if s.startswith("|") and s.endswith("|") else 1):
        return None
    return [c.strip() for c in s.strip("|").split("|")]


def pipe_tables_to_lines(text: str) -> str:
    r"""Rewrite pipe tables in plain text (with or without the outer pipes) as :func:`tables_to_lines` does.

    A table is two or more consecutive lines with the same number of ``|``-separated cells, a row
    after the header holding a digit. Anything else is left as it is.

    >>> print(pipe_tables_to_lines("In November:\nPartner | Tonnes | MoM\nJapan | 305 | +35%\nEnd."))
    In November:
    Japan: 305 t, +35% MoM.
    End.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = _pipe_cells(lines[i])
        j = i + 1
        if cells is not None and len(cells) >= 2:
            while j < len(lines):
                nxt = _pipe_cells(lines[j])
                if nxt is None or len(nxt) != len(cells):
                    break
                j += 1
        rows = lines[i:j]
        if j - i >= 2 and any(re.search(r"\d", r) for r in rows[1:]):
            out.extend(tables_to_lines("\n".join("| " + " | ".join(_pipe_cells(r) or []) + " |" for r in rows))
                       .split("\n"))
        else:
            out.extend(rows)
        i = j
    return "\n".join(out)


def html_to_text(html: str) -> tuple[str, str | None, date | None, bool]:
    """Main text, title and publication date of an HTML page (trafilatura; scripts never run).

    Returns:
        (text, title, date, date_in_metadata). The text is what offsets then refer to; the flag says whether the
        date came from the page's metadata (else from trafilatura reading the visible byline).
    """
    import trafilatura
    from trafilatura.metadata import extract_metadata

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    text = tables_to_lines(text)
    title: str | None = None
    d: date | None = None
    try:
        meta = extract_metadata(html)
    except Exception:  # metadata is optional; a malformed head must not stop the check
        meta = None
    d = meta_published(html)
    in_meta = d is not None
    if meta is not None:
        title = meta.title or None
        if meta.date and d is None:
            try:
                d = date.fromisoformat(str(meta.date)[:10])
            except ValueError:
                d = None
    return text, title, d, in_meta
