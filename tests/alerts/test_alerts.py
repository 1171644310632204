"""Alert rules: validation, evaluation on the embedded data, and a webhook on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from tradelane.alerts import ALERT_FIELDS, deliver, evaluate, latest_month, load_rules, parse_rules
from tradelane.errors import ConfigError, SourceError
from tradelane.model import Period
from tradelane.sources.fetch import Fetcher
from tradelane.store import Store

MOM = """
[[rule]]
name = "magnet lanes fall"
kind = "mom_drop_pct"
threshold = 10
product = "rare_earth_magnets"
partners = ["*"]
"""


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    s = Store.open(None)
    yield s
    s.close()


def test_mom_drop_flags_usa_not_world(store: Store) -> None:
    alerts = evaluate(store.tables, parse_rules(MOM), period=Period.parse("2025-11"))
    assert [(a.partner, a.period, a.value) for a in alerts] == [("USA", "2025-11", -11.28)]
    d = alerts[0].as_dict()
    assert tuple(d) == ALERT_FIELDS and d["threshold"] == 10
    assert "fell 11.3% month on month to 582 t" in d["message"] and "vintage 2025-12-20" in d["message"]


def test_threshold_decides(store: Store) -> None:
    rules = parse_rules(MOM.replace("threshold = 10", "threshold = 12"))
    assert evaluate(store.tables, rules, period=Period.parse("2025-11")) == []


def test_explicit_partners(store: Store) -> None:
    rules = parse_rules(MOM.replace('["*"]', '["WLD", "JPN"]'))
    assert evaluate(store.tables, rules, period=Period.parse("2025-11")) == []


def test_as_of_before_release_sees_nothing_for_the_month(store: Store) -> None:
    assert latest_month(store.tables, "rare_earth_magnets", as_of=date(2025, 12, 1)).label < "2025-11"
    alerts = evaluate(store.tables, parse_rules(MOM), period=Period.parse("2025-11"), as_of=date(2025, 12, 1))
    assert alerts == []


def test_share_and_low_kinds(store: Store) -> None:
    rules = parse_rules("""
[[rule]]
name = "share"
kind = "share_shift_pp"
threshold = 2
product = "rare_earth_magnets"
partners = ["USA"]
[[rule]]
name = "low"
kind = "n_month_low"
threshold = 3
product = "rare_earth_magnets"
partners = ["USA"]
""")
    got = {(a.rule, a.partner): a.value for a in evaluate(store.tables, rules, period=Period.parse("2025-11"))}
    assert got == {("share", "USA"): pytest.approx(-2.53)}  # 582 t is not below Sep 2025's figure


def test_new_event_in_month(store: Store) -> None:
    rules = parse_rules('[[rule]]\nname = "ev"\nkind = "new_event"\n')
    got = evaluate(store.tables, rules, period=Period.parse("2025-11"))
    assert got and all(a.kind == "new_event" and "announced 2025-11" in a.message for a in got)


@pytest.mark.parametrize(("text", "msg"), [
    ('[[rule]]\nname="a"\nkind="mom_drop_pct"\nproduct="rare_earth_magnets"\npartners=["*"]', "needs a threshold"),
    ('[[rule]]\nname="a"\nkind="mom_drop_pct"\nthreshold=-1\nproduct="rare_earth_magnets"\npartners=["*"]',
     "must be a positive number"),
    ('[[rule]]\nname="a"\nkind="mom_drop_pct"\nthreshold=5\nproduct="tea"\npartners=["*"]', "product 'tea' is unknown"),
    ('[[rule]]\nname="a"\nkind="mom_drop_pct"\nthreshold=5\nproduct="rare_earths"\npartners=["XYZ"]',
     "partner 'XYZ' is not an ISO3 code"),
    ('[[rule]]\nname="a"\nkind="new_event"\nthreshold=3', "takes no threshold"),
    ('[[rule]]\nname="a"\nkind="n_month_low"\nthreshold=2.5\nproduct="rare_earths"\npartners=["*"]', "whole number"),
    ('[[rule]]\nname="a"\nkind="new_event"\ncolour="red"', "unknown key(s) colour"),
])
def test_rule_errors_name_file_and_rule(tmp_path: Path, text: str, msg: str) -> None:
    p = tmp_path / "alerts.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as ei:
        load_rules(p)
    assert str(ei.value).startswith(f"{p}: rule 1 ('a'): ") and msg in str(ei.value)


class _Receiver(BaseHTTPRequestHandler):
    bodies: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        n = int(self.headers.get("Content-Length", "0"))
        type(self).bodies.append(self.rfile.read(min(n, 1_000_000)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_webhook_delivers_json_to_loopback(store: Store) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    server.timeout = 5
    t = threading.Thread(target=server.handle_request, daemon=True)
    t.start()
    try:
        alerts = evaluate(store.tables, parse_rules(MOM), period=Period.parse("2025-11"))
        with Fetcher(retries=1, timeout=5) as f:
            status = deliver(alerts, f"http://127.0.0.1:{server.server_port}/hook", fetcher=f)
        t.join(5)
    finally:
        server.server_close()
    assert status == 204
    got = json.loads(_Receiver.bodies[-1])
    assert [(a["partner"], a["value"]) for a in got] == [("USA", -11.28)]


def test_webhook_unreachable_is_a_source_error() -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with Fetcher(retries=1, timeout=2) as f, pytest.raises(SourceError, match=r"webhook http://127\.0\.0\.1"):
        deliver([], f"http://127.0.0.1:{port}/hook", fetcher=f)
