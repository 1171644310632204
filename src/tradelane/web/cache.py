"""ASGI response cache: a page or API answer is rendered once per URL, then served as stored bytes.

The app is read-only on its store, and every ``GET`` page and ``/api`` answer is a
function of the path and the query string alone (templates use no host, cookie or
header). :class:`ResponseCache` therefore keeps the final bytes of each successful
``GET`` response (status 200, no ``Set-Cookie``) keyed by ``(path, raw query)`` and
answers a repeated request from them without routing, validation, rendering or the
thread pool. Errors are never stored (they are cheap, and a 4xx must stay a 4xx
with its message). ``/static`` is left to Starlette's ``StaticFiles`` (its answers
depend on ``If-None-Match`` and ``Range``). The cache is bounded in entries and bytes
(least recently used out first).

A first request for a URL is computed as before (in the thread pool, with the
computed views cached by :class:`~tradelane.web.access.Reader`); only repeats are
served from here.

>>> import asyncio
>>> calls = []
>>> async def app(scope, receive, send):
...     calls.append(scope["path"])
...     await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
...     await send({"type": "http.response.body", "body": b"hello"})
>>> cached = ResponseCache(app)
>>> async def get(path):
...     sent = []
...     async def receive():
...         return {"type": "http.request", "body": b"", "more_body": False}
...     async def send(message):
...         sent.append(message)
...     await cached({"type": "http", "method": "GET", "path": path, "query_string": b""}, receive, send)
...     return sent[-1]["body"]
>>> asyncio.run(get("/")), asyncio.run(get("/")), calls
(b'hello', b'hello', ['/'])
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from .security import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CachedResponse", "ResponseCache"]


@dataclass(frozen=True)
class CachedResponse:
    """A complete response: status, headers (as sent by the app) and body."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ResponseCache:
    """Serve repeated ``GET`` requests from stored response bytes (pure ASGI middleware).

    Args:
        app: the wrapped ASGI app.
        max_entries: most responses kept.
        max_bytes: most body bytes kept in all (a single larger body is not stored).
        skip: path prefixes never cached.
    """

    def __init__(self, app: ASGIApp, *, max_entries: int = 256, max_bytes: int = 64_000_000,
                 skip: tuple[str, ...] = ("/static",)) -> None:
        self.app = app
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.skip = skip
        self._entries: OrderedDict[tuple[str, bytes], CachedResponse] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(self.skip):
            await self.app(scope, receive, send)
            return
        key = (str(scope["path"]), bytes(scope.get("query_string", b"")))
        hit = self._get(key)
        if hit is not None:
            await send({"type": "http.response.start", "status": hit.status, "headers": list(hit.headers)})
            await send({"type": "http.response.body", "body": hit.body})
            return
        start: Message | None = None
        chunks: list[bytes] = []
        storable = True

        async def record(message: Message) -> None:
            nonlocal start, storable
            if message["type"] == "http.response.start":
                start = message
                storable = message["status"] == 200 and not any(
                    k.lower() == b"set-cookie" for k, _ in message.get("headers", []))
            elif message["type"] == "http.response.body" and storable:
                chunks.append(bytes(message.get("body", b"")))
                if not message.get("more_body", False) and start is not None:
                    self._put(key, CachedResponse(200, tuple((bytes(k), bytes(v)) for k, v in start["headers"]),
                                                  b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, record)

    def _get(self, key: tuple[str, bytes]) -> CachedResponse | None:
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
            return hit

    def _put(self, key: tuple[str, bytes], resp: CachedResponse) -> None:
        if len(resp.body) > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = resp
            self._bytes += len(resp.body)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, gone = self._entries.popitem(last=False)
                self._bytes -= len(gone.body)
