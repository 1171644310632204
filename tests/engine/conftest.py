"""Fixtures of the engine tests: the benchmark's reference implementations, loaded by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "world_panel.py"


@pytest.fixture(scope="session")
def world_panel() -> ModuleType:
    """benchmarks/world_panel.py as a module (its pandas, Polars and SQL-floor implementations)."""
    if not BENCH.exists():
        pytest.skip(f"{BENCH} not found (an installed wheel ships no benchmarks)")
    spec = importlib.util.spec_from_file_location("tradelane_world_panel_bench", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod
