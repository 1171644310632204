"""Read an article from a file, a URL or stdin, safely: size cap, binary and encoding checks, http(s) only.

>>> read_article("-", stdin=b"Magnet exports rose 5% in May.").text
'Magnet exports rose 5% in May.'
>>> read_article("-", stdin=b"")
Traceback (most recent call last):
...
tradelane.errors.ArticleError: -: the article is empty
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import httpx  # noqa: TID251 - the article reader fetches one page; the transport is injected for tests

from ..errors import ArticleError

__all__ = ["MAX_BYTES", "RawArticle", "read_article"]

MAX_BYTES = 5_000_000
"""Largest article accepted (bytes); a news page is far smaller."""


@dataclass(frozen=True)
class RawArticle:
    """Decoded article text and where it came from."""

    text: str
    source: str


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise ArticleError(f"{where}: the article is empty")
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{where}: the article is {len(data):,} bytes, more than the {MAX_BYTES:,}-byte limit")
    head = data[:8192]
    if b"\x00" in head:
        raise ArticleError(f"{where}: looks like a binary file (NUL bytes), not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError(f"{where}: not UTF-8 text (byte {e.start}); save the article as UTF-8") from None
    ctrl = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if ctrl > 0.05 * min(len(text), 8192):
        raise ArticleError(f"{where}: looks like a binary file (control characters), not text or HTML")
    return text


def read_article(source: str, *, stdin: bytes | None = None, transport: httpx.BaseTransport | None = None,
                 timeout: float = 10.0) -> RawArticle:
    """Read PATH, an http(s) URL, or ``-`` (stdin bytes, passed in by the caller).

    Raises:
        ArticleError: empty, binary, too large, not UTF-8, unreadable file, bad URL or failed fetch.
    """
    if source == "-":
        return RawArticle(_decode(stdin or b"", "-"), "-")
    if "://" in source:
        u = urlparse(source)
        if u.scheme not in ("http", "https") or not u.netloc:
            raise ArticleError(f"{source}: only http:// and https:// URLs can be fetched")
        try:
            with httpx.Client(transport=transport, timeout=timeout, follow_redirects=True,
                              headers={"User-Agent": "tradelane-check/0.1"}) as client, \
                    client.stream("GET", source) as r:
                if r.status_code >= 400:
                    raise ArticleError(f"{source}: the server answered HTTP {r.status_code}")
                buf = bytearray()
                for chunk in r.iter_bytes():
                    buf.extend(chunk)
                    if len(buf) > MAX_BYTES:
                        raise ArticleError(f"{source}: the page is larger than the {MAX_BYTES:,}-byte limit")
        except httpx.HTTPError as e:
            raise ArticleError(f"{source}: fetch failed ({type(e).__name__}: {e})") from None
        return RawArticle(_decode(bytes(buf), source), source)
    p = Path(source)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{source}: the article is {size:,} bytes, more than the {MAX_BYTES:,}-byte limit")
        data = p.read_bytes()
    except OSError as e:
        raise ArticleError(f"{source}: cannot read the file ({e.strerror or e})") from None
    return RawArticle(_decode(data, source), source)
