"""Shared fixtures for the claim checker's tests: one data index, the golden-file helper and the helpers the
labelled-fixture tests share (run a fixture, its topic claims as label tuples, its `other` texts)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tradelane.claims import DataIndex, check

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


def check_fixture(index: DataIndex, name: str, day: str | None = None) -> dict[str, Any]:
    """Run the checker on FIXTURES/name (with the article date ``day``, ISO, when given) and return its JSON."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return check(text, index, date=date.fromisoformat(day) if day else None).as_dict()


def topic_claims(res: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The reported topic claims as label tuples (text, series, partner, period, measure, verdict)."""
    return [(c["text"], c["series"], c["partner"], c["period"], c["measure"], c["verdict"]) for c in res["claims"]
            if c["series"] != "other"]


def other_texts(res: dict[str, Any]) -> set[str]:
    """The texts of the numbers reported as `other` (not about tradelane's series)."""
    return {c["text"] for c in res["claims"] if c["series"] == "other"}
