"""Fixtures shared by every test package.

* ``embedded_store``: one in-memory store built from the embedded dataset, shared by
  the whole session; treat it as read-only.
* ``fresh_store``: a new in-memory store per test, free to ingest into.
* ``shared_dir``: ../shared beside the checkout (skips the test when absent).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tradelane.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def embedded_store() -> Iterator[Store]:
    store = Store.open(None)
    yield store
    store.close()


@pytest.fixture()
def fresh_store() -> Iterator[Store]:
    store = Store.open(None)
    yield store
    store.close()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared not found at {SHARED}; CI lays it beside the checkout")
    return SHARED
