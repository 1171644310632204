"""`tradelane update`: fetch the configured remote sources (with progress), cache them, ingest them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import platformdirs
import typer
from rich.progress import BarColumn, Progress, TextColumn

from ..sources.fetch import Fetcher
from ..sources.update import load_config, run_update
from .common import DbOpt, open_store, settings
from .render import console, print_json

__all__ = ["register"]


def update_cmd(
    config: Annotated[Path, typer.Option("--config", help="Sources file (TOML).")] = Path("sources.toml"),
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Where raw responses are kept "
                                                                       "(default: the file's cache_dir, else the "
                                                                       "user cache dir).")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    db: DbOpt = None,
) -> None:
    """Fetch every configured source, cache each raw response with its fetch time, and store its figures
    under that date as their vintage. Everything is fetched before anything is stored."""
    cfg = load_config(config)
    cache = cache_dir or cfg.cache_dir or Path(platformdirs.user_cache_dir("tradelane", appauthor=False)) / "responses"
    s = settings(db)
    con = console()
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  console=console(), transient=True, disable=json_out) as bar:
        task = bar.add_task("update", total=len(cfg.sources) if not source else len(source))

        def progress(name: str, i: int, n: int, stage: str) -> None:
            bar.update(task, description=f"{name}: {stage}", completed=i if stage == "done" else i - 1, total=n)

        with Fetcher() as fetcher:
            items = run_update(cfg, fetcher=fetcher, cache_dir=cache, api_key=s.comtrade_api_key,
                               only=set(source) if source else None, progress=progress)
    out = []
    with open_store(db) as store:
        for it in items:
            res = store.ingest(it.batch, now=datetime.now())
            out.append({"source": it.name, "url": it.url, "format": it.format, "cache_path": str(it.cache_path),
                        "fetched_at": it.fetched.fetched_at.isoformat(), "vintage": it.fetched.fetched_at.date(),
                        "observations_added": res.observations_added,
                        "observations_unchanged": res.observations_unchanged, "events_added": res.events_added})
    if json_out:
        print_json(out)
        return
    for o in out:
        con.print(f"{o['source']}: {o['format']} from {o['url']} fetched {o['fetched_at']} (vintage {o['vintage']}); "
                  f"added {o['observations_added']} figures, {o['observations_unchanged']} unchanged; raw response "
                  f"cached at {o['cache_path']}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("update")(update_cmd)
