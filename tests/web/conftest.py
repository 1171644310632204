"""Fixtures of the web tests: the app on the embedded store, an in-process client, a live server on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from tradelane.store import Store
from tradelane.web import WebSettings, create_app

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "rare-earth-magnets-2025-11.txt"


@pytest.fixture(scope="session")
def web_store() -> Iterator[Store]:
    store = Store.open(None)
    yield store
    store.close()


@pytest.fixture(scope="session")
def app(web_store: Store):  # type: ignore[no-untyped-def]
    return create_app(web_store)


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}; CI lays ../shared beside the checkout")
    return SEED.read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving the app in a background thread on 127.0.0.1:<free port>."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/static/style.css", timeout=1)
                return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(web_store: Store) -> Iterator[LiveServer]:
    with LiveServer(create_app(web_store, web=WebSettings(warm=True))) as srv:
        yield srv
