"""The curated public API stays honest: sorted, complete, every name importable."""

from __future__ import annotations

import subprocess
import sys

import tradelane


def test_all_is_sorted_and_unique() -> None:
    names = [n for n in tradelane.__all__ if n != "__version__"]
    consts = [n for n in names if n.isupper()]
    classes = [n for n in names if n[0].isupper() and not n.isupper()]
    funcs = [n for n in names if n[0].islower()]
    assert names == sorted(consts) + sorted(classes) + sorted(funcs)  # isort-style: constants, classes, functions
    assert len(set(tradelane.__all__)) == len(tradelane.__all__)


def test_every_public_name_resolves() -> None:
    for name in tradelane.__all__:
        assert getattr(tradelane, name) is not None, name


def test_unknown_attribute() -> None:
    try:
        tradelane.nope  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as e:
        assert "nope" in str(e)
    else:
        raise AssertionError("expected AttributeError")


def test_import_is_light() -> None:
    """`import tradelane` does not pull in the web app, charts or the claim checker."""
    code = ("import sys, tradelane; heavy = [m for m in ('fastapi', 'altair', 'tradelane.claims', 'pyspark') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
