"""Test helpers: a fingerprint of everything a store holds."""

from __future__ import annotations

import hashlib

from tradelane.store import Store
from tradelane.store.schema import TABLES


def store_fingerprint(store: Store) -> str:
    """SHA-256 over every row of every table except the ingest log, in a fixed order."""
    h = hashlib.sha256()
    for name in TABLES:
        if name == "ingests":
            continue
        t = store.table(name)
        rows = t.order_by(list(t.columns)).to_pyarrow().to_pylist()
        h.update(name.encode())
        h.update(repr(rows).encode())
    return h.hexdigest()
