"""`tradelane serve`: the web dashboard and JSON API on loopback."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from .common import DbOpt, settings

__all__ = ["register"]


def serve_cmd(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.", min=1, max=65535)] = 8000,
    db: DbOpt = None,
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log",
                                             help="Log every request (off by default: it costs CPU under load).")]
    = False,
) -> None:
    """Serve the dashboard (overview, lanes, events, rates, claim check) and the JSON API, read-only.

    Example: tradelane serve --port 8000   (then open http://127.0.0.1:8000/; the API schema is /openapi.json)
    """
    import uvicorn

    from ..web import WebSettings, create_app

    s = settings(db)
    app = create_app(s.db, settings=s, web=WebSettings(warm=True, freeze_gc=True, today=date.today()))
    typer.echo(f"tradelane: serving {s.db} read-only on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    # uvicorn picks uvloop and httptools when installed (dependencies of tradelane on Linux and macOS)
    uvicorn.run(app, host=host, port=port, log_level="info" if access_log else "warning", access_log=access_log)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
