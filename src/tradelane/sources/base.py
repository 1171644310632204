"""The contract every source format implements, and the records they produce.

A source module parses a file (or a fetched response) into a :class:`Batch` of
plain records. It never touches the store: the store decides what is new, what
is a revision and what conflicts, and writes a batch atomically.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from ..errors import DataFileError
from ..model import PRODUCTS, Period, SeriesKey, partner_name

__all__ = [
    "Batch",
    "EventRecord",
    "Importer",
    "ObservationRecord",
    "PollRecord",
    "SeriesRecord",
    "add_optional",
    "csv_line",
    "csv_records",
    "read_csv_rows",
    "source_rank",
    "trade_series",
]


@dataclass(frozen=True)
class SeriesRecord:
    """One entry of the series catalog."""

    key: str
    kind: str  # trade | rate | policy_rate
    reporter: str | None
    partner: str | None
    product: str
    hs_code: str | None
    flow: str | None
    measure: str  # quantity | value_usd | value_cny | level
    unit: str  # t | USD | CNY | pct
    frequency: str  # M | D
    title: str


@dataclass(frozen=True)
class ObservationRecord:
    """One figure for one series and period, as one source reported it at one vintage."""

    series_key: str
    period: Period
    vintage: date
    vintage_estimated: bool
    value: float | None
    source_title: str
    source_url: str | None
    source_file: str
    source_line: int
    source_rank: int = 2
    reported_mom_pct: float | None = None
    reported_yoy_pct: float | None = None
    reported_change_bp: float | None = None
    obs_date: date | None = None
    flags: str = ""
    note: str = ""
    extra: str = ""  # JSON text: importer-specific detail (estimation flags, splits)

    @property
    def source_id(self) -> str:
        """What identifies the source: its URL, else its title."""
        return self.source_url or self.source_title

    @property
    def content(self) -> tuple[float | None, float | None, float | None, float | None]:
        """The figures that, if changed, make a new vintage."""
        return (self.value, self.reported_mom_pct, self.reported_yoy_pct, self.reported_change_bp)


@dataclass(frozen=True)
class EventRecord:
    """One policy event of the timeline."""

    event_id: str
    announced: date
    effective: date | None
    ends: date | None
    effective_note: str
    authority: str
    kind: str
    items: str
    destinations: str
    summary: str
    source_title: str
    source_url: str | None
    vintage: date
    source_file: str
    source_line: int


@dataclass(frozen=True)
class PollRecord:
    """One poll of economists ahead of an LPR fixing."""

    poll_date: date | None
    fixing_date: date
    respondents: int | None
    expect_unchanged: int | None
    expect_cut: int | None
    expected_1y_pct: float | None
    expected_5y_pct: float | None
    source_title: str
    source_url: str | None
    vintage: date
    vintage_estimated: bool
    source_file: str
    source_line: int


@dataclass
class Batch:
    """Everything one file or response contributes, ready for one atomic write."""

    source_file: str
    format: str
    series: dict[str, SeriesRecord] = field(default_factory=dict)
    observations: list[ObservationRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    polls: list[PollRecord] = field(default_factory=list)

    def extend(self, other: Batch) -> None:
        """Append another batch's records (the embedded dataset is several files)."""
        self.series.update(other.series)
        self.observations.extend(other.observations)
        self.events.extend(other.events)
        self.polls.extend(other.polls)

    def __len__(self) -> int:
        return len(self.observations) + len(self.events) + len(self.polls)


class Importer(Protocol):
    """A source format: recognises its files and parses them into a batch."""

    name: str
    description: str

    def sniff(self, path: Path, head: bytes) -> bool:
        """True when ``head`` (the first bytes of ``path``) looks like this format."""
        ...

    def parse(self, path: Path, *, vintage: date | None, today: date) -> Batch:
        """Parse the whole file, validating every row.

        Raises:
            DataFileError: naming the file, line and reason of the first bad row.
        """
        ...


def trade_series(product: str, partner: str, measure: str, unit: str, reporter: str = "CHN") -> SeriesRecord:
    """The catalog entry of a China export lane, the same for every source format.

    >>> trade_series("rare_earth_magnets", "USA", "quantity", "t").key
    'rare_earth_magnets/CHN/USA'
    """
    p = PRODUCTS[product]
    key = str(SeriesKey.trade(product, reporter, partner, measure))
    what = "exports, tonnes" if measure == "quantity" else f"exports, {unit}"
    return SeriesRecord(
        key=key, kind="trade", reporter=reporter, partner=partner, product=product, hs_code=p.hs_code,
        flow="export", measure=measure, unit=unit, frequency="M",
        title=f"{p.title}: {reporter} {what} to {partner_name(partner)}",
    )


def add_optional(a: float | None, b: float | None) -> float | None:
    """Sum of two figures where a missing one adds nothing (both missing stay missing).

    >>> add_optional(None, 2.0), add_optional(1.0, None), add_optional(None, None)
    (2.0, 1.0, None)
    """
    if b is None:
        return a
    return b if a is None else a + b


_WIRE_WORDS = ("reuters", "bloomberg")
_LOW_CONFIDENCE_WORDS = ("disputed", "comparison figure")


def source_rank(source_title: str, *, official: bool = False) -> int:
    """The preference rank of a source: lower is preferred when sources disagree.

    0 official statistics files (China Customs, UN Comtrade) ingested directly;
    1 wire services (Reuters, Bloomberg) as named in the source title;
    2 any other publication;
    3 figures their own source flags as disputed or as a comparison figure.

    >>> source_rank("Reuters via Kitco"), source_rank("SMM analysis"), source_rank("GlobalSpark; DISPUTED")
    (1, 2, 3)
    """
    t = source_title.lower()
    if any(w in t for w in _LOW_CONFIDENCE_WORDS):
        return 3
    if official:
        return 0
    if any(w in t for w in _WIRE_WORDS):
        return 1
    return 2


def read_csv_rows(path: Path, text: str | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for a UTF-8 CSV with a header.

    Raises:
        DataFileError: the file is not UTF-8 text, is empty, or a row has the wrong number of fields.
    """
    name = str(path)
    if text is None:
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise DataFileError(name, None, f"cannot read file: {e.strerror or e}") from None
        if b"\x00" in raw[:4096]:
            raise DataFileError(name, None, "binary file, expected CSV text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = raw[: e.start].count(b"\n") + 1
            raise DataFileError(name, line, "not UTF-8 text; save the file as UTF-8") from None
    if not text.strip():
        raise DataFileError(name, None, "empty file")
    records = csv_records(name, text)
    try:
        _, header = next(records)
    except StopIteration:
        raise DataFileError(name, None, "empty file") from None
    header = [h.strip() for h in header]
    for line, fields in records:
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            raise DataFileError(name, line, f"expected {len(header)} fields ({', '.join(header)}), found {len(fields)}")
        yield line, dict(zip(header, fields, strict=True))


def csv_records(name: str, text: str, *, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    r"""Yield ``(line_number, fields)`` for every CSV record of ``text``, header included.

    The line number is where the record starts (a quoted field may span lines).

    Raises:
        DataFileError: naming ``name`` and the line of a record the csv module cannot read.

    >>> list(csv_records("x.csv", 'a,b\n1,"two\nlines"\n3,4\n'))
    [(1, ['a', 'b']), (2, ['1', 'two\nlines']), (4, ['3', '4'])]
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    prev = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise DataFileError(name, prev + 1, f"malformed CSV: {e}") from None
        line = prev + 1
        prev = reader.line_num
        yield line, fields


def header_of(path: Path, head: bytes) -> list[str]:
    """The header fields of a CSV file from its first bytes (empty when not decodable)."""
    try:
        first = head.decode("utf-8-sig", errors="strict").splitlines()[0]
    except (UnicodeDecodeError, IndexError):
        return []
    return [h.strip() for h in csv_line(first)]


def csv_line(line: str) -> list[str]:
    r"""The fields of one CSV line; empty when the line is not CSV at all (sniffers must never raise).

    >>> csv_line('a,"b,c"'), csv_line('x\ry')
    (['a', 'b,c'], [])
    """
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return []
