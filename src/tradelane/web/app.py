"""The app factory: ``create_app(store_path | Store)`` gives the dashboard and the JSON API.

>>> from fastapi.testclient import TestClient
>>> from tradelane.store import Store
>>> client = TestClient(create_app(Store.open(None)))
>>> r = client.get("/api/lanes", params={"product": "rare_earth_magnets", "period": "2025-11"})
>>> [(x["quantity_t"], x["prev_quantity_t"], x["mom_pct"]) for x in r.json() if x["partner"] == "USA"]
[(582.0, 656.0, -11.28)]
>>> client.get("/api/lanes", params={"period": "2025-13"}).json()["status"]
422
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..config import Settings
from ..store import Store
from . import api, pages
from .access import Reader
from .cache import ResponseCache
from .errors import install_error_handlers
from .security import BodyLimit, SecurityHeaders

__all__ = ["WebSettings", "create_app"]

HERE = Path(__file__).parent


@dataclass(frozen=True)
class WebSettings:
    """Options of the web app (the store itself comes from :class:`~tradelane.config.Settings` or the caller).

    Attributes:
        max_body: largest request body accepted, in bytes (413 above).
        warm: compute the overview once at startup, so the first visitor does not wait.
        today: the clock for the claim checker (bounds a dateline without a year); injected by the CLI.
        response_cache: keep the final bytes of each successful ``GET`` page and API answer, by path and query
            (the store is read-only; see :mod:`tradelane.web.cache`).
        freeze_gc: after warming, move every object alive to the garbage collector's permanent generation
            (``gc.freeze()``), so full collections do not walk the loaded libraries during requests. For a
            server process of its own (``tradelane serve``), not for an app inside another program.
    """

    max_body: int = 1_000_000
    warm: bool = False
    today: date | None = None
    response_cache: bool = True
    freeze_gc: bool = False


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its name
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # package files: no stat() of every template on every render
    )
    env.filters["num"] = _num
    env.filters["pct"] = _pct
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def _num(v: object, nd: int = 1) -> str:
    """A level with thousands separators; an em dash when missing."""
    if v is None or not isinstance(v, (int, float)):
        return "—"
    f = float(v)
    return f"{f:,.0f}" if f.is_integer() else f"{f:,.{nd}f}"


def _pct(v: object) -> str:
    """A signed percentage with one decimal; an em dash when missing."""
    if v is None or not isinstance(v, (int, float)):
        return "—"
    return f"{float(v):+.1f}%"


def create_app(store: Store | Path | str | None = None, *, settings: Settings | None = None,
               web: WebSettings | None = None) -> FastAPI:
    """The tradelane web app on one store, read-only.

    Args:
        store: an open :class:`Store` (used as is; the caller closes it), or a path to a store file
            (opened read-only, created from the embedded data on first use). ``None`` takes
            ``settings.db``, or an in-memory store of the embedded data when no settings are given.
        settings: tradelane settings (the store path when ``store`` is None).
        web: options of the web app.
    """
    opts = web or WebSettings()
    owned = not isinstance(store, Store)
    if isinstance(store, Store):
        reader = Reader(store)
    elif store is not None:
        reader = Reader.open(store)
    elif settings is not None:
        reader = Reader.open(settings.db)
    else:
        reader = Reader(Store.open(None))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if opts.warm:
            from .views import overview_view

            overview_view(reader, "rare_earth_magnets", None, None)
        if opts.freeze_gc:
            gc.collect()
            gc.freeze()
        yield
        if owned:
            reader.close()

    app = FastAPI(
        title="tradelane",
        version=__version__,
        description="China's critical-mineral trade lanes, benchmark rates, and the news checked against them. "
                    "Every figure carries its source and vintage.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.reader = reader
    app.state.web = opts
    app.state.templates = _templates()
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    if opts.response_cache:
        app.add_middleware(ResponseCache)  # innermost: the security headers are added to cached answers too
    app.add_middleware(BodyLimit, limit=opts.max_body)
    app.add_middleware(SecurityHeaders)
    return app
