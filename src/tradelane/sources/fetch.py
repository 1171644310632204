"""The HTTP layer: fetch remote sources, post webhooks. The only place tradelane talks HTTP.

A :class:`Fetcher` wraps one ``httpx.Client``. Its transport is injectable, so
tests run on ``httpx.MockTransport`` and recorded responses, never the network;
its clock and its sleep are injectable too, so retries are instant in tests.

* A ``429 Too Many Requests`` or a 5xx answer is retried with exponential
  backoff (``backoff * 2**attempt`` seconds, or the server's ``Retry-After``
  when it gives one, capped at ``max_wait``); after ``retries`` attempts the
  last status is raised.
* Every failure is raised as :class:`~tradelane.errors.SourceError` naming the
  URL (without its query, so a key passed as a parameter never leaks) and the
  reason; nothing is printed.

>>> import httpx
>>> f = Fetcher(transport=httpx.MockTransport(lambda r: httpx.Response(200, content=b"ok")))
>>> f.get("https://example.test/x").content
b'ok'
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from ..errors import SourceError

__all__ = ["Fetched", "Fetcher"]

_RETRY_STATUSES = {429, 500, 502, 503, 504}
_USER_AGENT = "tradelane (+https://github.com/; trade-lane monitor)"


@dataclass(frozen=True)
class Fetched:
    """One raw response and when it was fetched."""

    url: str  # without the query string
    status: int
    content: bytes
    content_type: str
    fetched_at: datetime
    attempts: int


def _now() -> datetime:
    return datetime.now(UTC)


class Fetcher:
    """An HTTP client with retry and backoff on 429/5xx, raising :class:`SourceError` on failure."""

    def __init__(self, *, transport: httpx.BaseTransport | None = None, retries: int = 4, backoff: float = 1.0,
                 max_wait: float = 60.0, timeout: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], datetime] = _now) -> None:
        self.retries = max(1, retries)
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        self.clock = clock
        self.client = httpx.Client(transport=transport, timeout=timeout, follow_redirects=True,
                                   headers={"User-Agent": _USER_AGENT})

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, attempt: int, resp: httpx.Response | None) -> float:
        if resp is not None:
            ra = resp.headers.get("Retry-After", "")
            if ra.strip().isdigit():
                return min(float(ra), self.max_wait)
        return float(min(self.backoff * 2**attempt, self.max_wait))

    def get(self, url: str, *, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None) -> Fetched:
        """GET ``url``; retry 429 and 5xx; return the body with its fetch time.

        Raises:
            SourceError: a network failure, a non-retryable status, or retries exhausted.
        """
        where = str(httpx.URL(url).copy_with(query=None))
        last: str = ""
        for attempt in range(self.retries):
            resp: httpx.Response | None = None
            try:
                resp = self.client.get(url, params=dict(params or {}), headers=dict(headers or {}))
            except httpx.TimeoutException:
                last = "timed out"
            except httpx.TransportError as e:
                last = f"network error: {type(e).__name__}"
            else:
                if resp.status_code < 400:
                    return Fetched(url=where, status=resp.status_code, content=resp.content,
                                   content_type=resp.headers.get("content-type", ""), fetched_at=self.clock(),
                                   attempts=attempt + 1)
                if resp.status_code not in _RETRY_STATUSES:
                    raise SourceError(f"{where}: HTTP {resp.status_code} {resp.reason_phrase}"
                                      + _hint(resp.status_code))
                last = f"HTTP {resp.status_code} {resp.reason_phrase}"
            if attempt + 1 < self.retries:
                self.sleep(self._wait(attempt, resp))
        raise SourceError(f"{where}: {last} after {self.retries} attempts; try again later")

    def post_json(self, url: str, payload: Any) -> int:
        """POST ``payload`` as JSON (a webhook); return the status.

        Raises:
            SourceError: a network failure or a status of 400 or more.
        """
        where = str(httpx.URL(url).copy_with(query=None))
        if httpx.URL(url).scheme not in ("http", "https"):
            raise SourceError(f"webhook {url!r} is not an http(s) URL")
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            resp = self.client.post(url, content=body, headers={"Content-Type": "application/json"})
        except httpx.TimeoutException:
            raise SourceError(f"webhook {where}: timed out") from None
        except httpx.TransportError as e:
            raise SourceError(f"webhook {where}: network error: {type(e).__name__}") from None
        if resp.status_code >= 400:
            raise SourceError(f"webhook {where}: HTTP {resp.status_code} {resp.reason_phrase}")
        return resp.status_code


def _hint(status: int) -> str:
    if status in (401, 403):
        return "; check the API key (COMTRADE_API_KEY for UN Comtrade)"
    if status == 404:
        return "; check the URL in the sources file"
    return ""
