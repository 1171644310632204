"""Shared helpers for the source-format tests: fixture paths and a store fingerprint."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tradelane.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sources"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"


def fingerprint(store: Store) -> str:
    """SHA-256 over every row of every table (ordered), to prove a failed ingest changed nothing."""
    h = hashlib.sha256()
    for name in ("series", "observations", "events", "polls", "ingests"):
        rows = store.con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()  # constant table names
        h.update(name.encode())
        h.update(repr(rows).encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def mem_store() -> Store:
    return Store.open(None)
