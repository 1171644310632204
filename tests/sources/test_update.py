"""`tradelane update` on recorded responses through httpx.MockTransport: never the network."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from tradelane.errors import ConfigError, SourceError
from tradelane.sources.fetch import Fetcher
from tradelane.sources.update import load_config, run_update

from .conftest import GOOD

CONFIG = """
[[source]]
name = "comtrade-magnets"
kind = "comtrade"
reporter_code = 156
partner_codes = [842, 276, 0]
commodities = ["850511"]
periods = ["203105"]

[[source]]
name = "lpr-table"
kind = "url"
url = "https://lpr.example.test/lpr.csv"
format = "lpr"
"""

FETCHED_AT = datetime(2031, 6, 15, 8, 30, tzinfo=UTC)


def _transport(seen: list[httpx.Request], *, fail_first: int = 0) -> httpx.MockTransport:
    count = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "comtradeapi.un.org":
            count["n"] += 1
            if count["n"] <= fail_first:
                return httpx.Response(429, headers={"Retry-After": "1"})
            return httpx.Response(200, content=(GOOD / "comtrade_api.json").read_bytes(),
                                  headers={"content-type": "application/json"})
        return httpx.Response(200, content=(GOOD / "lpr_published_en.csv").read_bytes(),
                              headers={"content-type": "text/csv"})

    return httpx.MockTransport(handler)


@pytest.fixture()
def config(tmp_path: Path) -> Path:
    p = tmp_path / "sources.toml"
    p.write_text(CONFIG, encoding="utf-8")
    return p


def test_update_fetches_caches_and_parses(config: Path, tmp_path: Path) -> None:
    seen: list[httpx.Request] = []
    sleeps: list[float] = []
    fetcher = Fetcher(transport=_transport(seen, fail_first=2), sleep=sleeps.append, clock=lambda: FETCHED_AT)
    stages: list[tuple[str, str]] = []
    items = run_update(load_config(config), fetcher=fetcher, cache_dir=tmp_path / "cache", api_key="SECRET-KEY",
                       progress=lambda name, i, n, stage: stages.append((name, stage)))
    assert [i.name for i in items] == ["comtrade-magnets", "lpr-table"]
    assert sleeps == [1.0, 1.0]  # two 429s honoured Retry-After
    api = [r for r in seen if r.url.host == "comtradeapi.un.org"][-1]
    assert api.url.path == "/data/v1/get/C/M/HS"
    assert api.headers["Ocp-Apim-Subscription-Key"] == "SECRET-KEY"
    assert api.url.params["partnerCode"] == "842,276,0" and api.url.params["flowCode"] == "X"
    comtrade = items[0]
    assert comtrade.cache_path.read_bytes() == (GOOD / "comtrade_api.json").read_bytes()
    meta = comtrade.cache_path.with_name(comtrade.cache_path.name + ".meta.json").read_text()
    assert "2031-06-15T08:30:00+00:00" in meta and "SECRET-KEY" not in meta
    assert {o.vintage for o in comtrade.batch.observations} == {FETCHED_AT.date()}
    assert items[1].format == "lpr" and len(items[1].batch.observations) == 4
    assert ("lpr-table", "done") in stages


def test_update_without_key_uses_public_preview(config: Path, tmp_path: Path) -> None:
    seen: list[httpx.Request] = []
    fetcher = Fetcher(transport=_transport(seen), sleep=lambda s: None, clock=lambda: FETCHED_AT)
    run_update(load_config(config), fetcher=fetcher, cache_dir=tmp_path, api_key=None, only={"comtrade-magnets"})
    assert seen[0].url.path == "/public/v1/preview/C/M/HS" and "Ocp-Apim-Subscription-Key" not in seen[0].headers


def test_retries_exhausted_raise_source_error_without_query() -> None:
    fetcher = Fetcher(transport=httpx.MockTransport(lambda r: httpx.Response(429)), retries=3,
                      sleep=lambda s: None)
    with pytest.raises(SourceError, match=r"^https://x.test/a: HTTP 429 Too Many Requests after 3 attempts") as ei:
        fetcher.get("https://x.test/a", params={"subscription-key": "SECRET"})
    assert "SECRET" not in str(ei.value)


def test_forbidden_is_not_retried() -> None:
    calls: list[int] = []

    def handler(r: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(401)

    with pytest.raises(SourceError, match="COMTRADE_API_KEY"):
        Fetcher(transport=httpx.MockTransport(handler), sleep=lambda s: None).get("https://x.test/a")
    assert len(calls) == 1


@pytest.mark.parametrize(("text", "msg"), [
    ("[[source]]\nname='a'\nkind='ftp'", "source 1 ('a'): kind 'ftp' is not one of"),
    ("[[source]]\nname='a'\nkind='url'\nurl='file:///etc/passwd'", "url must be an http(s) URL"),
    ("[[source]]\nname='a'\nkind='comtrade'\npartner_codes=['USA']\ncommodities=['850511']\nperiods=['203101']",
     "partner_codes must be a list of Comtrade numeric codes"),
    ("[[source]]\nname='a'\nkind='url'\nurl='https://x.test'\nbogus=1", "unknown key(s) bogus"),
    ("nonsense = [", "not valid TOML"),
])
def test_config_errors_name_file_and_source(tmp_path: Path, text: str, msg: str) -> None:
    p = tmp_path / "s.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as ei:
        load_config(p)
    assert str(ei.value).startswith(str(p)) and msg in str(ei.value)
