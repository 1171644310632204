"""Shared fixtures for the claim checker's tests: one data index and the golden-file helper."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tradelane.claims import DataIndex

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "claims"


@pytest.fixture(scope="session")
def index(embedded_store: Any) -> DataIndex:
    return DataIndex.from_tables(embedded_store.tables)


def golden(name: str, data: Any) -> None:
    """Compare ``data`` with FIXTURES/name; TRADELANE_REGEN=1 rewrites the file (review the diff)."""
    path = FIXTURES / name
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("TRADELANE_REGEN") == "1" or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), f"{name} differs; TRADELANE_REGEN=1"
