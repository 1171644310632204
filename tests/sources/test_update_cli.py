"""`tradelane update` through the CLI, on recorded responses (httpx.MockTransport): never the network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import tradelane.cli.update as update_cli
from tradelane.cli.app import main
from tradelane.sources.fetch import Fetcher
from tradelane.store import Store

from .conftest import GOOD, fingerprint
from .test_update import CONFIG, FETCHED_AT, _transport


@pytest.fixture()
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    db = tmp_path / "t.duckdb"
    Store.open(db).close()
    config = tmp_path / "sources.toml"
    config.write_text(CONFIG, encoding="utf-8")
    seen: list[httpx.Request] = []
    state: dict[str, Any] = {"db": db, "config": config, "cache": tmp_path / "cache", "seen": seen,
                             "transport": _transport(seen)}

    def fetcher(**_kw: Any) -> Fetcher:  # the CLI builds its own Fetcher(); hand it the recorded responses
        return Fetcher(transport=state["transport"], sleep=lambda s: None, clock=lambda: FETCHED_AT)

    monkeypatch.setattr(update_cli, "Fetcher", fetcher)
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    return state


def _update(st: dict[str, Any], *extra: str) -> int:
    return main(["update", "--config", str(st["config"]), "--cache-dir", str(st["cache"]), "--db", str(st["db"]),
                 *extra])


def test_update_cli_stores_figures_under_the_fetch_date(setup: dict[str, Any],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert _update(setup, "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["source"] for o in out] == ["comtrade-magnets", "lpr-table"]
    assert all(o["vintage"] == "2031-06-15" for o in out)
    assert out[0]["observations_added"] > 0 and out[1]["observations_added"] == 4
    assert Path(out[0]["cache_path"]).read_bytes() == (GOOD / "comtrade_api.json").read_bytes()
    with Store.open(setup["db"]) as s:
        n = s.con.execute("SELECT count(*) FROM observations WHERE vintage = DATE '2031-06-15'").fetchone()
    assert n is not None and n[0] == sum(o["observations_added"] for o in out)
    # without a key, the public preview endpoint is used
    assert all(r.url.path.startswith("/public/") for r in setup["seen"] if r.url.host == "comtradeapi.un.org")


def test_update_cli_twice_adds_nothing_the_second_time(setup: dict[str, Any],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert _update(setup, "--json") == 0
    first = json.loads(capsys.readouterr().out)
    figures = "SELECT * FROM observations ORDER BY obs_id"
    with Store.open(setup["db"]) as s:
        before = s.con.execute(figures).fetchall()
    assert _update(setup, "--json") == 0
    again = json.loads(capsys.readouterr().out)
    assert [o["observations_added"] for o in again] == [0, 0]
    assert [o["observations_unchanged"] for o in again] == [o["observations_added"] for o in first]
    with Store.open(setup["db"]) as s:
        assert s.con.execute(figures).fetchall() == before  # the ingest log may grow; the figures do not


def test_update_cli_only_one_source_and_plain_output(setup: dict[str, Any],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert _update(setup, "--source", "lpr-table") == 0
    out = capsys.readouterr().out
    assert "lpr-table: lpr from https://lpr.example.test/lpr.csv" in out and "(vintage 2031-06-15)" in out
    assert "added 4 figures" in out and "comtrade" not in out
    assert not [r for r in setup["seen"] if r.url.host == "comtradeapi.un.org"]


def test_update_cli_failed_fetch_is_one_line_and_stores_nothing(setup: dict[str, Any],
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "lpr.example.test":
            return httpx.Response(404)
        return httpx.Response(200, content=(GOOD / "comtrade_api.json").read_bytes(),
                              headers={"content-type": "application/json"})

    setup["transport"] = httpx.MockTransport(handler)
    with Store.open(setup["db"]) as s:
        before = fingerprint(s)
    code = _update(setup, "--json")
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "source 'lpr-table'" in err and "HTTP 404" in err
    with Store.open(setup["db"]) as s:
        assert fingerprint(s) == before  # everything is fetched before anything is stored


def test_update_cli_missing_config_is_one_line(setup: dict[str, Any], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    setup["config"] = tmp_path / "nope.toml"
    assert _update(setup) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.toml" in err
