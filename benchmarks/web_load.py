"""Bounded load test of `tradelane serve` on loopback: p50/p95 latency at N concurrent clients.

Starts the app (uvicorn, one worker, in a child process so the clients do not share its GIL) on
127.0.0.1 with a free port,
warms it, then runs a fixed number of requests per URL from CONCURRENCY async clients (httpx), with a
time limit. Prints one line per URL and, with --json, a JSON object.

    python benchmarks/web_load.py [--requests 400] [--concurrency 20] [--time-limit 60] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time

import httpx

SERVER = """
import uvicorn
from tradelane.store import Store
from tradelane.web import WebSettings, create_app
uvicorn.run(create_app(Store.open(None), web=WebSettings(warm=True)), host="127.0.0.1", port={port},
            log_level="warning")
"""
URLS = ["/", "/api/lanes?product=rare_earth_magnets&period=2025-11"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _run(base: str, url: str, n: int, conc: int, deadline: float) -> tuple[list[float], int]:
    lat: list[float] = []
    errors = 0
    todo = iter(range(n))
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        async def worker() -> None:
            nonlocal errors
            for _ in todo:
                if time.monotonic() > deadline:
                    return
                t = time.perf_counter()
                r = await client.get(url)
                lat.append((time.perf_counter() - t) * 1000)
                errors += r.status_code != 200
        await asyncio.gather(*(worker() for _ in range(conc)))
    return lat, errors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400, help="requests per URL")
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds per URL")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    port = _port()
    server = subprocess.Popen([sys.executable, "-c", SERVER.format(port=port)])
    base = f"http://127.0.0.1:{port}"
    while True:
        try:
            httpx.get(base + "/static/style.css", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    for u in URLS:  # warm: first request computes and caches the view
        httpx.get(base + u, timeout=60)
    out: dict[str, object] = {"machine": f"{platform.machine()} {os.cpu_count()} cpu, {platform.python_version()}",
                              "concurrency": a.concurrency, "results": {}}
    for u in URLS:
        t0 = time.monotonic()
        lat, errors = asyncio.run(_run(base, u, a.requests, a.concurrency, t0 + a.time_limit))
        wall = time.monotonic() - t0
        q = statistics.quantiles(lat, n=100)
        res = {"requests": len(lat), "errors": errors, "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1),
               "max_ms": round(max(lat), 1), "rps": round(len(lat) / wall, 1)}
        out["results"][u] = res  # type: ignore[index]
        if not a.json:
            print(f"{u}: {res['requests']} requests, {a.concurrency} clients, p50 {res['p50_ms']} ms, "
                  f"p95 {res['p95_ms']} ms, max {res['max_ms']} ms, {res['rps']} req/s, errors {errors}")
    if a.json:
        print(json.dumps(out, indent=2))
    server.terminate()
    server.wait(timeout=10)


if __name__ == "__main__":
    main()
