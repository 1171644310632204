"""The one settings registry.

Every setting has a name, an environment variable, a default and a help text.
Settings are read from the environment once, at the edge (the CLI or the web
app factory), and passed down as a :class:`Settings` value; nothing below the
edge reads ``os.environ``.

>>> s = Settings.from_env({"TRADELANE_ENGINE": "duckdb"})
>>> s.engine
'duckdb'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from .errors import ConfigError

__all__ = ["SETTINGS", "Setting", "Settings", "default_db_path"]


@dataclass(frozen=True)
class Setting:
    """One documented setting."""

    name: str
    env: str
    default: str | None
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "TRADELANE_DB", None,
            "Path of the DuckDB store. Default: tradelane.duckdb in the user data directory."),
    Setting("engine", "TRADELANE_ENGINE", "duckdb",
            "Query engine for analytics: duckdb (default) or spark."),
    Setting("spark_remote", "TRADELANE_SPARK_REMOTE", None,
            "Spark Connect URL (sc://host:15002) for --engine spark; local mode when unset."),
    Setting("comtrade_api_key", "COMTRADE_API_KEY", None,
            "UN Comtrade API subscription key used by `tradelane update`."),
    Setting("lpr_tie_rule", "TRADELANE_LPR_TIE_RULE", "half_up",
            "Tie rule when an LPR mean lies exactly between two 0.05 steps: half_up, half_down or half_even."),
)

_ENGINES = ("duckdb", "spark")


def default_db_path() -> Path:
    """The store's default location in the user data directory."""
    return Path(platformdirs.user_data_dir("tradelane", appauthor=False)) / "tradelane.duckdb"


@dataclass(frozen=True)
class Settings:
    """Resolved settings, built once at the edge."""

    db: Path = field(default_factory=default_db_path)
    engine: str = "duckdb"
    spark_remote: str | None = None
    comtrade_api_key: str | None = None
    lpr_tie_rule: str = "half_up"

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Read every registered setting from an environment mapping."""
        values: dict[str, str] = {}
        for s in SETTINGS:
            raw = environ.get(s.env)
            if raw is not None and raw != "":
                values[s.name] = raw
            elif s.default is not None:
                values[s.name] = s.default
        engine = values.get("engine", "duckdb")
        if engine not in _ENGINES:
            raise ConfigError(f"TRADELANE_ENGINE={engine!r} is not an engine; use one of {', '.join(_ENGINES)}")
        return cls(
            db=Path(values["db"]).expanduser() if "db" in values else default_db_path(),
            engine=engine,
            spark_remote=values.get("spark_remote"),
            comtrade_api_key=values.get("comtrade_api_key"),
            lpr_tie_rule=values.get("lpr_tie_rule", "half_up"),
        )
