"""Source formats: parse files and responses into batches; never touch the store.

Importers are registered by name and built to one contract
(:class:`~tradelane.sources.base.Importer`). ``auto`` asks each importer in
registration order whether the file's first bytes look like its format.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

from ..errors import DataFileError, InputError
from .base import Batch, Importer
from .tables import TABLE_IMPORTERS

__all__ = ["IMPORTERS", "detect_format", "parse_file", "register"]

IMPORTERS: dict[str, Importer] = dict(cast("dict[str, Importer]", TABLE_IMPORTERS))


def register(importer: Importer) -> Importer:
    """Add an importer to the registry (used by source modules at import time)."""
    IMPORTERS[importer.name] = importer
    return importer


# The real-source formats. ``lpr`` replaces the lpr.csv table importer in place (it
# reads that schema too), so detection order stays: tradelane's tables first, then
# China Customs exports, then UN Comtrade files.
from . import comtrade, customs, lpr_published  # noqa: E402

for _imp in (lpr_published.IMPORTER, customs.IMPORTER, comtrade.IMPORTER):
    register(_imp)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(65536)
    except FileNotFoundError:
        raise DataFileError(str(path), None, "no such file") from None
    except IsADirectoryError:
        raise DataFileError(str(path), None, "is a directory, expected a file") from None
    except OSError as e:
        raise DataFileError(str(path), None, f"cannot read file: {e.strerror or e}") from None


def detect_format(path: Path) -> Importer:
    """The importer whose format ``path`` is in.

    Raises:
        DataFileError: no registered format recognises the file.
    """
    head = _head(path)
    if not head.strip():
        raise DataFileError(str(path), None, "empty file")
    for imp in IMPORTERS.values():
        if imp.sniff(path, head):
            return imp
    raise DataFileError(str(path), 1, "format not recognised; pass --format with one of "
                                      + ", ".join(sorted(IMPORTERS)))


def parse_file(path: Path, *, fmt: str = "auto", vintage: date | None, today: date) -> tuple[Importer, Batch]:
    """Parse ``path`` with the named importer (or the detected one)."""
    if fmt == "auto":
        imp = detect_format(path)
    else:
        if fmt not in IMPORTERS:
            raise InputError(f"unknown format {fmt!r}; expected auto or one of {', '.join(sorted(IMPORTERS))}")
        imp = IMPORTERS[fmt]
        _head(path)
    return imp, imp.parse(path, vintage=vintage, today=today)
