"""The vintaged store: one DuckDB file, written atomically, read through Ibis.

This is the only module that talks to DuckDB directly. Writes use parameterised
statements and Arrow tables, never SQL built from user strings; reads are Ibis
expressions (see :mod:`tradelane.store.views`), so the same analytics can run on
another engine.
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import ibis
import ibis.expr.types as ir
import pyarrow as pa

from ..errors import ConflictError, EngineError, InputError
from ..sources.base import Batch, ObservationRecord
from .schema import DDL, SCHEMA_VERSION, TABLES
from .views import TableSet

__all__ = ["IngestResult", "Store"]


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did."""

    source_file: str
    format: str
    observations_added: int
    observations_unchanged: int
    revisions: int
    events_added: int
    polls_added: int

    @property
    def changed(self) -> bool:
        return bool(self.observations_added or self.events_added or self.polls_added)


_EPOCH = datetime(1970, 1, 1)

_OBS_COLS = [
    "obs_id", "series_key", "period", "period_start", "period_end", "freq", "months", "vintage",
    "vintage_estimated", "value", "reported_mom_pct", "reported_yoy_pct", "reported_change_bp", "obs_date",
    "source_title", "source_url", "source_id", "source_rank", "flags", "note", "source_file", "source_line",
    "extra", "ingest_id",
]


class Store:
    """A tradelane store on a DuckDB file (or ``:memory:``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path | None, *, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self._ibis = ibis.duckdb.from_connection(con)

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: Path | str | None = None, *, read_only: bool = False,
             now: datetime | None = None) -> Store:
        """Open the store at ``path``, creating it from the embedded dataset on first use.

        ``None`` or ``":memory:"`` gives a fresh in-memory store with the embedded data.
        ``now`` stamps the creation in the ingest log (the epoch when not given).
        """
        stamp = now or _EPOCH
        if path is None or str(path) == ":memory:":
            store = cls(duckdb.connect(":memory:"), None, read_only=False)
            store._initialise(stamp)
            return store
        p = Path(path).expanduser()
        if not p.exists():
            cls._create_file(p, stamp)
        try:
            con = duckdb.connect(str(p), read_only=read_only)
        except duckdb.Error as e:
            raise EngineError(f"cannot open store {p}: {e}") from None
        store = cls(con, p, read_only=read_only)
        version = store._meta("schema_version")
        if version != SCHEMA_VERSION:
            store.close()
            raise EngineError(f"store {p} has schema version {version!r}, this tradelane needs "
                              f"{SCHEMA_VERSION}; move the file aside to rebuild it from the embedded data")
        return store

    @classmethod
    def _create_file(cls, p: Path, now: datetime) -> None:
        """Build a new store in a temporary file beside ``p``, then rename: never a half-built store."""
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tradelane-", suffix=".duckdb", dir=p.parent)
        os.close(fd)
        os.unlink(tmp)
        try:
            con = duckdb.connect(tmp)
            store = cls(con, Path(tmp), read_only=False)
            store._initialise(now)
            store.close()
            if not p.exists():
                os.replace(tmp, p)
        finally:
            for leftover in (tmp, tmp + ".wal"):
                if os.path.exists(leftover):
                    os.unlink(leftover)

    def _initialise(self, now: datetime) -> None:
        from ..data import dataset_fingerprint, load_embedded

        self.con.execute(DDL)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('dataset', ?)",
                         [SCHEMA_VERSION, dataset_fingerprint()])
        self.ingest(load_embedded(), now=now)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _meta(self, key: str) -> str | None:
        try:
            rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        except duckdb.CatalogException:
            return None
        return str(rows[0][0]) if rows else None

    def _scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        """One value from a constant query (fetchall: DuckDB wants results drained)."""
        return self.con.execute(sql, params or []).fetchall()[0][0]

    # ---------------------------------------------------------------- reading
    def table(self, name: str) -> ir.Table:
        """An Ibis table of the store."""
        if name not in TABLES:
            raise InputError(f"no table {name!r}; tables are {', '.join(TABLES)}")
        return self._ibis.table(name)

    @property
    def tables(self) -> TableSet:
        """The store's tables on its own (DuckDB) engine."""
        return TableSet(series=self.table("series"), observations=self.table("observations"),
                        events=self.table("events"), polls=self.table("polls"))

    def to_arrow(self, name: str) -> pa.Table:
        """A whole table as Arrow (used to move the store onto another engine)."""
        return self.table(name).to_pyarrow()

    # ---------------------------------------------------------------- writing
    def ingest(self, batch: Batch, *, now: datetime) -> IngestResult:
        """Write a batch atomically: every new record, or nothing.

        A record identical to what its source last said for that series and
        period is skipped (re-ingesting a file changes nothing); a different
        figure under a later vintage is stored as a revision; a different figure
        under the same vintage and source is a conflict.

        Raises:
            ConflictError: naming the file and line of the conflicting row.
        """
        if self.read_only:
            raise EngineError("store is open read-only")
        keys = sorted({o.series_key for o in batch.observations})
        existing: dict[tuple[str, str, str], list[tuple[date, tuple[Any, ...]]]] = defaultdict(list)
        if keys:
            rows = self.con.execute(
                "SELECT series_key, period, source_id, vintage, value, reported_mom_pct, reported_yoy_pct, "
                "reported_change_bp FROM observations WHERE list_contains(?, series_key)", [keys]).fetchall()
            for sk, per, sid, vin, *figures in rows:
                existing[(sk, per, sid)].append((vin, tuple(figures)))
        new_obs: list[ObservationRecord] = []
        unchanged = revisions = 0
        for o in batch.observations:
            k = (o.series_key, o.period.label, o.source_id)
            history = existing[k]
            same_vintage = [c for v, c in history if v == o.vintage]
            if same_vintage:
                if o.content in same_vintage:
                    unchanged += 1
                    continue
                raise ConflictError(o.source_file, o.source_line,
                                    f"{o.series_key} {o.period.label} = {_fmt(o.value)} conflicts with "
                                    f"{_fmt(same_vintage[0][0])} already stored from the same source at vintage "
                                    f"{o.vintage}; give the revision a later release date (--vintage or a "
                                    "vintage column)")
            earlier = [(v, c) for v, c in history if v < o.vintage]
            if earlier:
                last = max(earlier, key=lambda vc: vc[0])[1]
                if last == o.content:
                    unchanged += 1
                    continue
                revisions += 1
            elif history:
                revisions += 1  # a back-filled earlier vintage
            history.append((o.vintage, o.content))
            new_obs.append(o)

        stored_events: dict[tuple[str, date], tuple[Any, ...]] = {(r[0], r[1]): tuple(r[2:]) for r in self.con.execute(
            "SELECT event_id, vintage, announced, effective, ends, summary, kind FROM events").fetchall()}
        latest_event: dict[str, tuple[date, tuple[Any, ...]]] = {}
        for (eid, vin), stored in stored_events.items():
            if eid not in latest_event or vin > latest_event[eid][0]:
                latest_event[eid] = (vin, stored)
        new_events = []
        for e in batch.events:
            event_content: tuple[Any, ...] = (e.announced, e.effective, e.ends, e.summary, e.kind)
            if e.event_id in latest_event and latest_event[e.event_id][1] == event_content:
                continue
            if (e.event_id, e.vintage) in stored_events:
                raise ConflictError(e.source_file, e.source_line,
                                    f"event {e.event_id} differs from the stored version of {e.vintage}; "
                                    "give the new version a later vintage")
            latest_event[e.event_id] = (e.vintage, event_content)
            new_events.append(e)

        stored_polls = {(r[0], r[1]) for r in self.con.execute(
            "SELECT fixing_date, source_id FROM polls").fetchall()}
        new_polls = []
        for p in batch.polls:
            k2 = (p.fixing_date, p.source_url or p.source_title)
            if k2 in stored_polls:
                continue
            stored_polls.add(k2)
            new_polls.append(p)

        self.con.execute("BEGIN TRANSACTION")
        try:
            ingest_id = int(self._scalar("SELECT coalesce(max(ingest_id), 0) + 1 FROM ingests"))
            self._insert_series(batch)
            if new_obs:
                self._insert_observations(new_obs, ingest_id)
            for e in new_events:
                self.con.execute(
                    "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [e.event_id, e.announced, e.effective, e.ends, e.effective_note, e.authority, e.kind, e.items,
                     e.destinations, e.summary, e.source_title, e.source_url, e.vintage, e.source_file,
                     e.source_line, ingest_id])
            for p in new_polls:
                self.con.execute(
                    "INSERT INTO polls VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [p.poll_date, p.fixing_date, p.respondents, p.expect_unchanged, p.expect_cut,
                     p.expected_1y_pct, p.expected_5y_pct, p.source_title, p.source_url,
                     p.source_url or p.source_title, p.vintage, p.vintage_estimated, p.source_file,
                     p.source_line, ingest_id])
            if new_obs or new_events or new_polls:
                self.con.execute("INSERT INTO ingests VALUES (?,?,?,?,?,?,?)",
                                 [ingest_id, now, batch.source_file, batch.format, len(new_obs), len(new_events),
                                  len(new_polls)])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return IngestResult(batch.source_file, batch.format, len(new_obs), unchanged, revisions,
                            len(new_events), len(new_polls))

    def _insert_series(self, batch: Batch) -> None:
        known = {r[0] for r in self.con.execute("SELECT series_key FROM series").fetchall()}
        for s in batch.series.values():
            if s.key in known:
                continue
            self.con.execute("INSERT INTO series VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                             [s.key, s.kind, s.reporter, s.partner, s.product, s.hs_code, s.flow, s.measure,
                              s.unit, s.frequency, s.title])

    def _insert_observations(self, obs: list[ObservationRecord], ingest_id: int) -> None:
        start = int(self._scalar("SELECT coalesce(max(obs_id), 0) FROM observations"))
        cols: dict[str, list[Any]] = {c: [] for c in _OBS_COLS}
        for i, o in enumerate(obs, start=start + 1):
            vals = [i, o.series_key, o.period.label, o.period.start, o.period.end, o.period.freq, o.period.months,
                    o.vintage, o.vintage_estimated, o.value, o.reported_mom_pct, o.reported_yoy_pct,
                    o.reported_change_bp, o.obs_date, o.source_title, o.source_url, o.source_id, o.source_rank,
                    o.flags, o.note, o.source_file, o.source_line, o.extra, ingest_id]
            for c, v in zip(_OBS_COLS, vals, strict=True):
                cols[c].append(v)
        schema = pa.schema([
            ("obs_id", pa.int64()), ("series_key", pa.string()), ("period", pa.string()),
            ("period_start", pa.date32()), ("period_end", pa.date32()), ("freq", pa.string()),
            ("months", pa.int32()), ("vintage", pa.date32()), ("vintage_estimated", pa.bool_()),
            ("value", pa.float64()), ("reported_mom_pct", pa.float64()), ("reported_yoy_pct", pa.float64()),
            ("reported_change_bp", pa.float64()), ("obs_date", pa.date32()), ("source_title", pa.string()),
            ("source_url", pa.string()), ("source_id", pa.string()), ("source_rank", pa.int32()),
            ("flags", pa.string()), ("note", pa.string()), ("source_file", pa.string()),
            ("source_line", pa.int32()), ("extra", pa.string()), ("ingest_id", pa.int64()),
        ])
        self.con.register("_tradelane_new_rows", pa.table(cols, schema=schema))
        try:
            self.con.execute("INSERT INTO observations SELECT * FROM _tradelane_new_rows")
        finally:
            self.con.unregister("_tradelane_new_rows")


def _fmt(v: object) -> str:
    return "empty" if v is None else f"{v:g}" if isinstance(v, float) else str(v)
