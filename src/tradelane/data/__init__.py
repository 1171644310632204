"""The embedded real dataset, shipped inside the package.

Every figure names its source (title and URL). ``trade_flows_SOURCES.md``,
``policy_SOURCES.md`` and ``LPR_METHOD.md`` beside the CSVs document coverage,
disagreements between sources and the LPR method.
"""

from __future__ import annotations

import hashlib
from datetime import date
from importlib import resources

from ..sources.base import Batch
from ..sources.tables import TABLE_IMPORTERS

__all__ = ["EMBEDDED_FILES", "dataset_fingerprint", "load_embedded"]

EMBEDDED_FILES: tuple[tuple[str, str], ...] = (
    ("trade_flows.csv", "flows"),
    ("trade_flows_annual.csv", "flows_annual"),
    ("lpr.csv", "lpr"),
    ("policy_rates.csv", "rates"),
    ("lpr_polls.csv", "polls"),
    ("policy_events.csv", "events"),
)


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def dataset_fingerprint() -> str:
    """SHA-256 over the embedded files, so a store knows which dataset built it."""
    h = hashlib.sha256()
    for name, _ in EMBEDDED_FILES:
        h.update(name.encode())
        h.update(_read(name).encode())
    return h.hexdigest()


def load_embedded() -> Batch:
    """Parse every embedded file, with vintages estimated from the release calendar."""
    from pathlib import Path

    batch = Batch(source_file="embedded", format="embedded")
    for name, fmt in EMBEDDED_FILES:
        part = TABLE_IMPORTERS[fmt].parse(Path(name), vintage=None, today=date.min, estimate_vintages=True,
                                          display_name=f"embedded:{name}", text=_read(name))
        batch.extend(part)
    return batch
