"""The JSON API, in process: the figures, the errors, the limits and the headers."""

from __future__ import annotations

import json

import pytest

LANES = "/api/lanes?product=rare_earth_magnets&period=2025-11"


def test_lanes_usa_row_582_656_minus_11_3(client) -> None:
    r = client.get(LANES)
    assert r.status_code == 200
    usa = next(x for x in r.json() if x["partner"] == "USA")
    assert usa["quantity_t"] == 582
    assert usa["prev_quantity_t"] == 656
    assert usa["mom_pct"] == pytest.approx(-11.3, abs=0.05)
    assert usa["source_url"] and usa["vintage"]
    world = next(x for x in r.json() if x["partner"] == "WLD")
    assert world["quantity_t"] == 6150 and world["mom_pct"] == pytest.approx(12.4, abs=0.05)


def test_lanes_fields_are_the_cli_fields(client) -> None:
    from tradelane.analytics import LANE_FIELDS

    row = client.get(LANES).json()[0]
    assert list(row) == list(LANE_FIELDS)


def test_lanes_as_of_before_the_release_has_no_november(client) -> None:
    rows = client.get(LANES + "&as_of=2025-12-01").json()
    assert all(r["period"] != "2025-11" for r in rows)


@pytest.mark.parametrize(("url", "status", "needle"), [
    ("/api/lanes?product=unobtainium&period=2025-11", 404, "unknown product 'unobtainium'"),
    ("/api/lanes?product=rare_earth_magnets&period=2025-13", 422, "period: String should match pattern"),
    ("/api/lanes?product=rare_earth_magnets&period=Nov%202025", 422, "period"),
    ("/api/lanes?product=rare_earth_magnets&period=2025-11&as_of=yesterday", 400, "as_of 'yesterday' is not a date"),
    ("/api/lanes?product=rare_earth_magnets&period=2025-11&as_of=", 400, "as_of is empty"),
    ("/api/lanes?product=rare_earth_magnets&period=9999-12&as_of=2025-02-30", 400, "as_of '2025-02-30' is not a date"),
    ("/api/series/rare_earth_magnets/CHN/XXX", 404, "no series 'rare_earth_magnets/CHN/XXX'"),
    ("/api/series/x' OR 1=1 --", 404, "no series"),
    ("/api/story?period=2025", 422, "period"),
    ("/api/events?lane=nope", 404, "no series 'nope'"),
    ("/api/nothing-here", 404, "no page"),
])
def test_bad_parameters_are_clear_json_errors(client, url: str, status: int, needle: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["status"] == status and needle in body["error"]


def test_series_key_with_slashes(client) -> None:
    rows = client.get("/api/series/rare_earth_magnets/CHN/USA").json()
    nov = [r for r in rows if r["period"] == "2025-11" and r["shown"]]
    assert [r["value"] for r in nov] == [582.0]
    assert all(r["vintage"] for r in rows)
    assert client.get("/api/series/lpr/1y").status_code == 200


def test_catalog(client) -> None:
    keys = {r["series_key"] for r in client.get("/api/series").json()}
    assert {"rare_earth_magnets/CHN/USA", "lpr/1y", "policy/7d_reverse_repo"} <= keys


def test_story_carries_facts(client) -> None:
    d = client.get("/api/story?period=2025-11").json()
    if isinstance(d["sentences"], dict):
        pytest.skip(d["sentences"]["message"])
    usa = next(s for s in d["sentences"] if "582" in s["text"])
    assert "656" in usa["text"] and "11.3%" in usa["text"]
    assert {f["value"] for f in usa["facts"]} >= {582.0, 656.0}


def test_events_and_the_april_2025_study(client) -> None:
    d = client.get("/api/events").json()
    assert d["lane"] == "rare_earth_magnets/CHN/WLD" and len(d["events"]) >= 20
    if isinstance(d["event_studies"], dict):
        pytest.skip(d["event_studies"]["message"])
    e11 = next(s for s in d["event_studies"] if s["event_id"] == "E11")
    assert (e11["trough_period"], e11["trough_value"]) == ("2025-05", 1238.0)
    assert d["study"]["event_id"] == "E11" and d["study"]["trough_period"] == "2025-05"


def test_rates_at_end_2025(client) -> None:
    d = client.get("/api/rates?as_of=2025-12-31").json()
    if d["summary"].get("available") is False:
        pytest.skip(d["summary"]["message"])
    assert (d["lpr_1y"], d["lpr_5y"], d["reverse_repo_7d"], d["unchanged_streak"]) == (3.0, 3.5, 1.4, 7)
    assert d["history"] and d["polls"]


def test_overview_and_lane_twins(client) -> None:
    d = client.get("/api/overview?period=2025-11").json()
    assert d["period"] == "2025-11" and any(r["partner"] == "USA" for r in d["lanes"])
    lane = client.get("/api/lane/rare_earth_magnets/CHN/USA").json()
    assert lane["unit"] == "t" and any(o["period"] == "2025-11" and o["value"] == 582 for o in lane["observations"])


def test_security_headers_on_every_response(client) -> None:
    for url in ("/", "/api/lanes", "/static/style.css", "/api/nothing"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert h["x-content-type-options"] == "nosniff"


def test_check_body_over_1mb_is_413_by_declared_length(client) -> None:
    body = json.dumps({"text": "x" * 1_000_100})
    r = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["error"]


def test_check_body_over_1mb_is_413_when_streamed(client) -> None:
    def chunks():  # no Content-Length: the limit counts bytes as they arrive
        yield b'{"text": "'
        for _ in range(300):
            yield b"y" * 4096
        yield b'"}'

    r = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_upload_over_1mb_is_413(client) -> None:
    r = client.post("/check", files={"file": ("big.txt", b"z" * 1_100_000, "text/plain")})
    assert r.status_code == 413


def test_check_rejects_a_malformed_body(client) -> None:
    r = client.post("/api/check", json={"txt": "hello"})
    assert r.status_code == 422 and "text" in r.json()["error"]
    r = client.post("/api/check", json={"text": "hello", "date": "someday"})
    assert r.status_code == 422


SEED_CLAIMS = [  # (stated text contains, series, period, measure) — the claim-checking issue's contract
    ("582", "rare_earth_magnets/CHN/USA", "2025-11"),
    ("656", "rare_earth_magnets/CHN/USA", "2025-10"),
    ("11%", "rare_earth_magnets/CHN/USA", "2025-11"),
    ("50", "rare_earth_magnets/CHN/USA", "2025-05"),
    ("3.0%", "lpr/1y", None),
    ("3.5%", "lpr/5y", None),
    ("1.4%", "policy/7d_reverse_repo", None),
    ("seventh", "lpr/1y", None),
]


def test_check_the_seed_article(client, seed_text: str) -> None:
    r = client.post("/api/check", json={"text": seed_text})
    if r.status_code == 503:
        pytest.skip(r.json()["error"])
    assert r.status_code == 200
    d = r.json()
    assert set(d) >= {"article", "claims", "summary", "inconsistencies"}
    missing = []
    for needle, series, period in SEED_CLAIMS:
        ok = [c for c in d["claims"] if needle in c["text"] and c["series"] == series and c["verdict"] == "supported"
              and (period is None or c["period"] == period)]
        if not ok:
            missing.append((needle, series, period))
    assert not missing, f"not found as supported: {missing}"


def test_openapi_schema_lists_the_api(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/lanes", "/api/series/{key}", "/api/story", "/api/events", "/api/rates", "/api/check"} <= set(paths)
