"""Bounded load test of `tradelane serve` on loopback: p50/p95 latency at N concurrent clients.

Starts the app (uvicorn, one worker, in a child process so the clients do not share its GIL) on
127.0.0.1 with a free port, as `tradelane serve` runs it (warmed, access log off, GC frozen after warm-up,
uvloop/httptools when installed), times the first (cold) request of each URL, then runs a fixed number of
requests per URL from CONCURRENCY concurrent clients, with a time limit. Each client is an httpx.AsyncClient
with one keep-alive connection of its own (20 clients = 20 connections; one shared pool of 20 costs the
load generator ~2.7 ms CPU a request on this machine, against ~1.2 ms, and that CPU is taken from the
server on a 2-core machine). The clients run on uvloop when it is installed, with their garbage
collector's survivors frozen before each timed run (a full collection stalls every client at once).
Prints one line per URL and, with --json, a JSON object.

    python benchmarks/web_load.py [--requests 400] [--concurrency 20] [--time-limit 60] [--no-cache] [--json]

``--no-cache`` turns the app's response cache off (every request routed, validated and rendered; the
computed views stay cached), to show the per-request cost without it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx

SERVER = """
import uvicorn
from tradelane.store import Store
from tradelane.web import WebSettings, create_app
uvicorn.run(create_app(Store.open(None), web=WebSettings(warm=True, freeze_gc=True, response_cache={cache})),
            host="127.0.0.1", port={port}, log_level="warning", access_log=False)
"""
T = TypeVar("T")
URLS = ["/", "/api/lanes?product=rare_earth_magnets&period=2025-11"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _run(base: str, url: str, n: int, conc: int, deadline: float) -> tuple[list[float], int]:
    lat: list[float] = []
    errors = 0
    todo = iter(range(n))
    one = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [httpx.AsyncClient(base_url=base, timeout=30, limits=one, trust_env=False) for _ in range(conc)]

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for _ in todo:
            if time.monotonic() > deadline:
                return
            t = time.perf_counter()
            r = await client.get(url)
            lat.append((time.perf_counter() - t) * 1000)
            errors += r.status_code != 200

    try:
        await asyncio.gather(*(worker(c) for c in clients))
    finally:
        for c in clients:
            await c.aclose()
    return lat, errors


def _asyncio_run(coro: Coroutine[Any, Any, T]) -> T:
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    return uvloop.run(coro)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400, help="requests per URL")
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds per URL")
    ap.add_argument("--no-cache", action="store_true", help="turn the app's response cache off")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    port = _port()
    server = subprocess.Popen([sys.executable, "-c", SERVER.format(port=port, cache=not a.no_cache)])
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=60, trust_env=False) as probe:
        while True:
            try:
                probe.get("/static/style.css", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        cold: dict[str, float] = {}
        for u in URLS:  # warm: the first request computes (and caches) the view
            t = time.perf_counter()
            probe.get(u)
            cold[u] = round((time.perf_counter() - t) * 1000, 1)
    out: dict[str, object] = {"machine": f"{platform.machine()} {os.cpu_count()} cpu, {platform.python_version()}",
                              "concurrency": a.concurrency, "response_cache": not a.no_cache, "results": {}}
    for u in URLS:
        # the load generator's own full collections (~45 ms here, with httpx and uvloop loaded) would stall all
        # 20 clients at once and be counted as server latency: freeze what is alive before the clock starts
        gc.collect()
        gc.freeze()
        t0 = time.monotonic()
        lat, errors = _asyncio_run(_run(base, u, a.requests, a.concurrency, t0 + a.time_limit))
        wall = time.monotonic() - t0
        q = statistics.quantiles(lat, n=100)
        res = {"requests": len(lat), "errors": errors, "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1),
               "max_ms": round(max(lat), 1), "rps": round(len(lat) / wall, 1), "first_ms": cold[u]}
        out["results"][u] = res  # type: ignore[index]
        if not a.json:
            print(f"{u}: {res['requests']} requests, {a.concurrency} clients, p50 {res['p50_ms']} ms, "
                  f"p95 {res['p95_ms']} ms, max {res['max_ms']} ms, {res['rps']} req/s, errors {errors} "
                  f"(first request {cold[u]} ms)")
    if a.json:
        print(json.dumps(out, indent=2))
    server.terminate()
    server.wait(timeout=10)


if __name__ == "__main__":
    main()
