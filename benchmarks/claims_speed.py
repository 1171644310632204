"""Claim-checking throughput: articles per second on seed-size articles.

    python benchmarks/claims_speed.py [--seconds 5] [--workers 2]

Checks the seed article (../shared/seed, else a synthetic test article) repeatedly
with one prebuilt DataIndex per worker process and prints articles/second for one
process and for ``--workers`` processes. Target: >= 50 articles/s on 2 cores.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "rare-earth-magnets-2025-11.txt"
FALLBACK = ROOT / "tests" / "fixtures" / "claims" / "synthetic_magnets.txt"


def _article() -> str:
    return (SEED if SEED.exists() else FALLBACK).read_text(encoding="utf-8")


def _run(seconds: float) -> int:
    from tradelane.claims import DataIndex, check
    from tradelane.claims.extract import _cues
    from tradelane.store import Store

    idx = DataIndex.from_tables(Store.open().tables)
    text = _article()
    check(text, idx)  # warm up
    n = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        _cues.cache_clear()  # every article is new in real use: no help from the per-sentence cache
        check(text, idx)
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    n1 = _run(a.seconds)
    print(f"article: {len(_article()):,} chars; 1 process: {n1 / a.seconds:.1f} articles/s")
    with mp.get_context("spawn").Pool(a.workers) as pool:
        counts = pool.map(_run, [a.seconds] * a.workers)
    print(f"{a.workers} processes: {sum(counts) / a.seconds:.1f} articles/s (target >= 50)")


if __name__ == "__main__":
    main()
