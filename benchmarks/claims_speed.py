"""Claim-checking throughput: articles per second on seed-size articles.

    python benchmarks/claims_speed.py [--seconds 5] [--workers 2]

Checks the seed article (../shared/seed, else a synthetic test article) repeatedly
with one prebuilt DataIndex per worker process and prints articles/second for one
process and for ``--workers`` processes. Target: >= 50 articles/s on 2 cores.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "rare-earth-magnets-2025-11.txt"
FALLBACK = ROOT / "tests" / "fixtures" / "claims" / "synthetic_magnets.txt"


def _article() -> str:
    return (SEED if SEED.exists() else FALLBACK).read_text(encoding="utf-8")


def _run(seconds: float) -> tuple[int, float]:
    from tradelane.claims import DataIndex, check
    from tradelane.claims.extract import _cues
    from tradelane.store import Store

    idx = DataIndex.from_tables(Store.open().tables)
    text = _article()
    check(text, idx)  # warm up
    n = 0
    end = time.perf_counter() + seconds
    cpu0 = time.process_time()
    while time.perf_counter() < end:
        _cues.cache_clear()  # every article is new in real use: no help from the per-sentence cache
        check(text, idx)
        n += 1
    return n, time.process_time() - cpu0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    n1, cpu1 = _run(a.seconds)
    print(f"article: {len(_article()):,} chars; 1 process: {n1 / a.seconds:.1f} articles/s wall, "
          f"{n1 / max(cpu1, 1e-9):.1f} articles per CPU-second")
    with mp.get_context("spawn").Pool(a.workers) as pool:
        res = pool.map(_run, [a.seconds] * a.workers)
    n = sum(r[0] for r in res)
    per_cpu = n / max(sum(r[1] for r in res), 1e-9)
    print(f"{a.workers} processes: {n / a.seconds:.1f} articles/s wall (target >= 50); "
          f"{per_cpu:.1f} articles per CPU-second, i.e. {per_cpu * a.workers:.0f}/s on {a.workers} idle cores")
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
