"""Apache Spark as a tradelane engine: one quiet session per process, tables as temp views.

PySpark is optional (the ``tradelane[spark]`` extra) and imported only here, on
first use. Local mode runs Spark inside this machine on every core; a Spark
Connect URL (``sc://host:15002``) runs the same Ibis expressions on a cluster.

A user who asks for Spark without PySpark or Java gets one line saying what to
install, never a JVM stack trace:

>>> from tradelane.errors import EngineError
>>> try:
...     check_java(which=lambda name: None, java_home=None)
... except EngineError as e:
...     print(str(e).split(";")[0])
--engine spark needs Java 17 or later and none was found (no `java` on PATH, JAVA_HOME unset)
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
import subprocess
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa

from ..errors import EngineError

__all__ = ["check_java", "register_arrow", "spark_backend", "spark_session", "stop_spark"]

_LOCK = threading.Lock()
_SESSIONS: dict[str, Any] = {}
_BACKENDS: dict[str, Any] = {}
_VIEW_IDS = itertools.count(1)

_INSTALL_PYSPARK = "pip install 'tradelane[spark]'"


def _import_pyspark() -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError(f"--engine spark needs PySpark, which is not installed; run {_INSTALL_PYSPARK} "
                          "or use --engine duckdb") from None
    return SparkSession


def check_java(*, which: Callable[[str], str | None] = shutil.which, java_home: str | None = None) -> str:
    """The path of the ``java`` that Spark will start; raise EngineError when there is none.

    ``which`` and ``java_home`` are injected (the CLI passes ``$JAVA_HOME``) so
    the check is testable without touching the machine.

    Raises:
        EngineError: no Java on PATH or under JAVA_HOME.
    """
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.exists():
            return str(candidate)
    found = which("java")
    if found is None:
        where = f"JAVA_HOME={java_home} has no bin/java" if java_home else "JAVA_HOME unset"
        raise EngineError(f"--engine spark needs Java 17 or later and none was found (no `java` on PATH, {where}); "
                          "install a JDK (e.g. apt-get install openjdk-17-jre-headless) or use --engine duckdb")
    return found


def _java_major(java: str) -> int | None:
    """The major version of ``java`` (17 for 17.0.15), or None when it cannot be told."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    for token in (out.stderr + out.stdout).split():
        token = token.strip('"')
        head = token.split(".")[0].split("-")[0].split("+")[0]
        if head.isdigit() and ("." in token or token.isdigit()):
            major = int(head)
            return int(token.split(".")[1]) if major == 1 else major
    return None


def _log4j_config() -> str:
    return str(resources.files("tradelane.engine").joinpath("log4j2.properties"))


def spark_session(remote: str | None = None, *, java_home: str | None = None, cores: int | None = None,
                  submitted: bool = False) -> Any:
    """The process's Spark session: local mode, or Spark Connect when ``remote`` is an ``sc://`` URL.

    Created once and reused (a JVM start costs seconds). Local sessions log at
    WARN, have no web UI, and use few shuffle partitions (tradelane's tables are
    small; a world panel brings its own partitioning). Under ``spark-submit``
    (``submitted=True``; the CLI tells from ``$PYSPARK_GATEWAY_PORT``) the
    session is the one spark-submit configured: its ``--master`` and ``--conf``
    win.

    Raises:
        EngineError: PySpark or Java is missing, or the session cannot start.
    """
    key = remote or ("submitted" if submitted else "local")
    with _LOCK:
        if key in _SESSIONS:
            return _SESSIONS[key]
        SparkSession = _import_pyspark()
        try:
            if remote:
                if not remote.startswith("sc://"):
                    raise EngineError(f"TRADELANE_SPARK_REMOTE={remote!r} is not a Spark Connect URL; "
                                      "expected sc://host:15002")
                session = SparkSession.builder.remote(remote).appName("tradelane").getOrCreate()
            elif submitted:
                session = SparkSession.builder.appName("tradelane").getOrCreate()
            else:
                java = check_java(java_home=java_home)
                major = _java_major(java)
                if major is not None and major < 17:
                    raise EngineError(f"--engine spark needs Java 17 or later; {java} is Java {major}")
                log4j = f"-Dlog4j2.configurationFile=file:{_log4j_config()}"
                session = (
                    SparkSession.builder.master(f"local[{cores or '*'}]").appName("tradelane")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.extraJavaOptions", log4j)
                    .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                    .getOrCreate()
                )
                session.sparkContext.setLogLevel("WARN")
        except EngineError:
            raise
        except Exception as e:  # the JVM failed to start: say so in one line
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise EngineError(f"cannot start Spark ({'Spark Connect ' + remote if remote else 'local mode'}): "
                              f"{first}") from None
        _SESSIONS[key] = session
        return session


def spark_backend(remote: str | None = None, *, java_home: str | None = None, submitted: bool = False) -> Any:
    """The Ibis ``pyspark`` backend over :func:`spark_session` (one per process)."""
    key = remote or ("submitted" if submitted else "local")
    session = spark_session(remote, java_home=java_home, submitted=submitted)
    with _LOCK:
        if key not in _BACKENDS:
            _BACKENDS[key] = ibis.pyspark.connect(session)
        return _BACKENDS[key]


def register_arrow(backend: Any, name: str, table: pa.Table) -> Any:
    """Copy an Arrow table into Spark as a uniquely named temp view; return its Ibis table.

    Each call makes a new view (``tl<n>_<name>``), so two stores opened in one
    process never see each other's rows.
    """
    session = backend._session
    view = f"tl{next(_VIEW_IDS)}_{name}"
    if table.num_rows == 0:
        df = session.createDataFrame([], schema=_spark_schema(backend, table.schema))
    else:
        df = session.createDataFrame(table)
    df.createOrReplaceTempView(view)
    return backend.table(view)


def _spark_schema(backend: Any, schema: pa.Schema) -> Any:
    """A Spark schema for an empty Arrow table (Spark cannot infer types from no rows)."""
    from ibis.backends.pyspark.datatypes import PySparkSchema

    return PySparkSchema.from_ibis(ibis.Schema.from_pyarrow(schema))


def stop_spark() -> None:
    """Stop the process's Spark sessions (tests call this at module teardown)."""
    with _LOCK:
        for s in _SESSIONS.values():
            with contextlib.suppress(Exception):  # best effort at teardown
                s.stop()
        _SESSIONS.clear()
        _BACKENDS.clear()
