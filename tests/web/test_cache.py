"""The response cache: repeats are the same bytes with the same headers; errors, POSTs and static files pass by."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tradelane.store import Store
from tradelane.web import WebSettings, create_app
from tradelane.web.cache import ResponseCache
from tradelane.web.security import CSP

LANES = "/api/lanes?product=rare_earth_magnets&period=2025-11"


def _cache_of(app: Any) -> ResponseCache:
    """The ResponseCache instance in a built middleware stack."""
    node = app.middleware_stack
    while node is not None:
        if isinstance(node, ResponseCache):
            return node
        node = getattr(node, "app", None)
    raise AssertionError("no ResponseCache in the middleware stack")


@pytest.mark.parametrize("url", [LANES, "/", "/rates", "/lane/rare_earth_magnets/CHN/USA", "/openapi.json"])
def test_a_repeat_is_the_same_bytes_and_headers(client, url: str) -> None:
    first = client.get(url)
    again = client.get(url)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["content-security-policy"] == CSP
    assert again.headers["x-content-type-options"] == "nosniff"
    assert again.headers["content-length"] == str(len(again.content))


def test_repeats_are_served_from_the_cache_and_errors_are_not_stored(web_store: Store) -> None:
    app = create_app(web_store)
    with TestClient(app) as c:
        c.get(LANES)
        cache = _cache_of(app)
        stored = len(cache)
        assert stored == 1
        assert c.get(LANES).json() == c.get(LANES).json()
        assert len(cache) == stored
        for _ in range(2):  # a 4xx stays a 4xx with its message, and is never stored
            r = c.get("/api/lanes?product=unobtainium&period=2025-11")
            assert r.status_code == 404 and "unknown product" in r.json()["error"]
        assert c.get("/static/style.css").status_code == 200
        assert c.post("/api/check", json={"text": "No figures here.", "date": None}).status_code in (200, 503)
        assert len(cache) == stored


def test_the_query_is_part_of_the_key(client) -> None:
    nov = client.get(LANES).json()
    before = client.get(LANES + "&as_of=2025-12-01").json()
    assert any(r["period"] == "2025-11" for r in nov)
    assert all(r["period"] != "2025-11" for r in before)
    assert client.get(LANES).json() == nov


def test_cache_off_gives_the_same_answers(web_store: Store, client) -> None:
    with TestClient(create_app(web_store, web=WebSettings(response_cache=False))) as plain:
        assert plain.get(LANES).content == client.get(LANES).content
        assert plain.get("/").text == client.get("/").text


def test_bounded_in_entries_and_bytes() -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        body = scope["path"].encode() * 10
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    async def get(cache: ResponseCache, path: str) -> None:
        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            return None

        await cache({"type": "http", "method": "GET", "path": path, "query_string": b""}, receive, send)

    by_count = ResponseCache(app, max_entries=2)
    by_bytes = ResponseCache(app, max_bytes=50)
    for p in ("/a", "/b", "/c"):
        asyncio.run(get(by_count, p))
        asyncio.run(get(by_bytes, p))
    assert len(by_count) == 2
    assert len(by_bytes) == 2  # 20 bytes each: a third would pass 50
    asyncio.run(get(by_bytes, "/" + "x" * 60))  # 610 bytes: larger than the whole budget, not stored
    assert len(by_bytes) == 2
