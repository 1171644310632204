"""Read-only access to the store for the web app: a cursor per request and a result cache.

DuckDB connections are not thread-safe, and FastAPI runs plain ``def`` handlers
in a thread pool. :meth:`Reader.tables` therefore opens a fresh cursor (a
connection to the same database) for each use and closes it afterwards.

The app never writes: a store file is opened ``read_only``, which also keeps
writers out while the server runs (DuckDB's file lock). The data cannot change
under the server, so a computed view is cached by its arguments
(:meth:`Reader.cached`), bounded in size. A query that takes ~150 ms through
Ibis is then served in well under a millisecond the second time.

>>> from tradelane.store import Store
>>> reader = Reader(Store.open(None))
>>> reader.cached("answer", lambda: 42), reader.cached("answer", lambda: 0)
(42, 42)
>>> "rare_earth_magnets/CHN/USA" in reader.series_keys()
True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ..store import Store, TableSet

__all__ = ["Reader"]

T = TypeVar("T")

_MISS = object()


class Reader:
    """A read-only view of one store, safe to share between request threads."""

    def __init__(self, store: Store, *, cache_size: int = 512) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_size = cache_size
        self._keys: frozenset[str] | None = None

    @classmethod
    def open(cls, path: Path | str) -> Reader:
        """Open a store file read-only (created from the embedded data if it does not exist yet)."""
        p = Path(path).expanduser()
        if not p.exists():
            Store.open(p).close()  # first use: build it, then reopen read-only
        return cls(Store.open(p, read_only=True))

    def close(self) -> None:
        """Close the underlying store."""
        self.store.close()

    @contextmanager
    def tables(self) -> Iterator[TableSet]:
        """The store's tables on a cursor of their own, closed on exit."""
        with self._lock:  # creating the cursor touches the shared connection
            cur = self.store.con.cursor()
        try:
            yield Store(cur, self.store.path, read_only=True).tables
        finally:
            cur.close()

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key``, computing it on first use (LRU, bounded)."""
        with self._lock:
            hit = self._cache.get(key, _MISS)
            if hit is not _MISS:
                self._cache.move_to_end(key)
                return hit  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._cache[key] = value
            self._cache.move_to_end(key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value

    def series_keys(self) -> frozenset[str]:
        """Every series key in the store: request strings are checked against this set, never put in SQL."""
        if self._keys is None:
            with self.tables() as ts:
                rows = ts.series.select("series_key").to_pyarrow().to_pylist()
            self._keys = frozenset(str(r["series_key"]) for r in rows)
        return self._keys
