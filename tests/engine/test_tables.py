"""The engine seam without Spark: DuckDB pass-through, one-line errors, the panel backend's settings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tradelane.cli import main
from tradelane.engine import check_java, panel_backend, tables_for
from tradelane.engine.spark import spark_session
from tradelane.errors import ConfigError, EngineError
from tradelane.store import Store


def test_duckdb_is_the_store_itself(embedded_store: Store) -> None:
    ts = tables_for(embedded_store, "duckdb")
    assert ts.observations.count().execute() == embedded_store.tables.observations.count().execute() > 0


def test_an_unknown_engine_is_a_config_error(embedded_store: Store) -> None:
    with pytest.raises(ConfigError, match="'sqlite' is not an engine; use one of duckdb, spark"):
        tables_for(embedded_store, "sqlite")


def test_missing_java_is_one_line_naming_the_fix(tmp_path: Path) -> None:
    with pytest.raises(EngineError) as e:
        check_java(which=lambda name: None, java_home=str(tmp_path))
    msg = str(e.value)
    assert "\n" not in msg and "Java 17" in msg and f"JAVA_HOME={tmp_path} has no bin/java" in msg
    assert "--engine duckdb" in msg


def test_java_home_wins_over_path(tmp_path: Path) -> None:
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("")
    assert check_java(which=lambda name: "/usr/bin/java", java_home=str(tmp_path)) == str(java)


def test_missing_pyspark_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # import fails as if not installed
    with pytest.raises(EngineError, match=r"needs PySpark.*pip install 'tradelane\[spark\]'"):
        spark_session("sc://not-started.invalid:15002")


def test_a_remote_that_is_not_spark_connect_is_refused() -> None:
    pytest.importorskip("pyspark", reason="PySpark is not installed")
    with pytest.raises(EngineError, match="is not a Spark Connect URL; expected sc://host:15002"):
        spark_session("http://example.invalid:15002")


@pytest.mark.parametrize("bad", ["lots", "4 gigs", "-1GB", ""])
def test_panel_backend_rejects_a_bad_memory_limit(bad: str) -> None:
    with pytest.raises(ConfigError, match="is not a size"):
        panel_backend(memory_limit=bad)


def test_panel_backend_sets_the_spill_directory_and_cap(tmp_path: Path) -> None:
    spill = tmp_path / "spill"
    con = panel_backend(memory_limit="512MB", temp_directory=spill, threads=1)
    settings = dict(con.raw_sql("SELECT name, value FROM duckdb_settings() WHERE name IN "
                                "('memory_limit', 'temp_directory', 'threads')").fetchall())
    assert settings["temp_directory"] == str(spill) and spill.is_dir()
    assert settings["threads"] == "1" and settings["memory_limit"].endswith("MiB")


def test_cli_rejects_an_unknown_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TRADELANE_DB", str(tmp_path / "s.duckdb"))
    code = main(["lanes", "--engine", "oracle", "--period", "2025-11"])
    err = capsys.readouterr().err
    assert code != 0 and "not an engine" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_engine_duckdb_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TRADELANE_DB", str(tmp_path / "s.duckdb"))
    args = ["lanes", "--product", "rare_earth_magnets", "--period", "2025-11", "--format", "json"]
    assert main(args) == 0
    default = json.loads(capsys.readouterr().out)
    assert main([*args, "--engine", "duckdb"]) == 0
    assert json.loads(capsys.readouterr().out) == default and default[0]["partner"] == "WLD"
