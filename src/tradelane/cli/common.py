"""Options shared by every command, and the one place the CLI opens the store.

Settings are read from the environment here, at the edge, once per command.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..config import Settings
from ..engine import tables_for
from ..errors import InputError
from ..model import Period
from ..store import Store, TableSet

__all__ = [
    "AsOfOpt", "DbOpt", "EngineOpt", "Fmt", "FormatOpt", "open_store", "open_tables", "parse_as_of", "parse_day",
    "parse_month", "settings",
]


class Fmt(StrEnum):
    """Output formats of read commands."""

    table = "table"
    json = "json"
    csv = "csv"


DbOpt = Annotated[Path | None, typer.Option("--db", help="Store file (default: $TRADELANE_DB or the user data dir).",
                                            show_default=False)]
EngineOpt = Annotated[str | None, typer.Option("--engine", help="Query engine: duckdb or spark "
                                                                "(default: $TRADELANE_ENGINE or duckdb).")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="Show what was known on this date (YYYY-MM-DD).")]
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


def settings(db: Path | None = None, engine: str | None = None) -> Settings:
    """Settings from the environment, with command-line overrides applied."""
    env = dict(os.environ)
    if engine:
        env["TRADELANE_ENGINE"] = engine
    s = Settings.from_env(env)
    if db is not None:
        s = Settings(db=db, engine=s.engine, spark_remote=s.spark_remote, comtrade_api_key=s.comtrade_api_key,
                     lpr_tie_rule=s.lpr_tie_rule)
    return s


def open_store(db: Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating on first use) the store named by --db or the settings."""
    s = settings(db)
    return Store.open(s.db, read_only=read_only and s.db.exists(), now=datetime.now())


def open_tables(store: Store, engine: str | None = None) -> TableSet:
    """The store's tables on the engine named by --engine or $TRADELANE_ENGINE (DuckDB by default).

    Spark runs in local mode, on the cluster named by $TRADELANE_SPARK_REMOTE (Spark Connect), or in
    the session spark-submit set up (it exports $PYSPARK_GATEWAY_PORT to the driver).
    """
    s = settings(engine=engine)
    return tables_for(store, s.engine, spark_remote=s.spark_remote, java_home=os.environ.get("JAVA_HOME"),
                      spark_submitted=bool(os.environ.get("PYSPARK_GATEWAY_PORT")))


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{option} {text!r} is not a date; expected YYYY-MM-DD") from None


def parse_as_of(text: str | None) -> date | None:
    """The --as-of date, or None."""
    return None if text is None else parse_day(text, "--as-of")


def parse_month(text: str, option: str = "--period") -> Period:
    """A single month from YYYY-MM."""
    try:
        p = Period.parse(text)
    except InputError:
        raise InputError(f"{option} {text!r} is not a month; expected YYYY-MM (e.g. 2025-11)") from None
    if not p.is_single_month:
        raise InputError(f"{option} {text!r} is not a single month; expected YYYY-MM (e.g. 2025-11)")
    return p
