"""The generated story: golden sentences on the embedded data, facts equal to the store, claim-checker round trip."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tradelane.cli.app import main
from tradelane.errors import InputError
from tradelane.model import Period
from tradelane.store.views import current_view
from tradelane.story import fmt_pct_word, fmt_tonnes, story

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "story"
CASES = [("2025-05", None), ("2025-06", None), ("2025-09", None), ("2025-11", None), ("2025-11", "rare_earths"),
         ("2025-12", None), ("2026-03", None), ("2025-11", "rare_earth_magnets")]


_CACHE: dict[tuple[str, str | None], list] = {}


def _trade_story(ts, period: str, product: str | None) -> list:
    """The trade story (no rates sentences), computed once per module run."""
    if (period, product) not in _CACHE:
        _CACHE[(period, product)] = story(ts, Period.parse(period), product, include_rates=False)
    return _CACHE[(period, product)]


def _name(period: str, product: str | None) -> str:
    return f"{period}{'.' + product if product else ''}.expected.json"


@pytest.mark.parametrize(("period", "product"), CASES)
def test_golden(embedded_store, period, product):
    # Rates sentences belong to tradelane.rates (golden-tested there); here the trade story only.
    ss = _trade_story(embedded_store.tables, period, product)
    got = {"period": period, "product": product, "sentences": [s.as_dict() for s in ss]}
    path = GOLDEN / _name(period, product)
    if os.environ.get("TRADELANE_REGEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected


def _store_values(ts):
    cur = current_view(ts.observations).select("series_key", "period", "value", "vintage", "source_url")
    return {(r["series_key"], r["period"]): r for r in cur.to_pyarrow().to_pylist()}


@pytest.mark.parametrize(("period", "product"), CASES)
def test_every_level_fact_equals_the_store(embedded_store, period, product):
    stored = _store_values(embedded_store.tables)
    for s in _trade_story(embedded_store.tables, period, product):
        assert s.facts, s.text
        for f in s.facts:
            if f.measure != "level":
                continue
            row = stored[(f.series_key, f.period)]
            assert f.value == row["value"] and f.vintage == row["vintage"].isoformat()
            assert f.source_url == row["source_url"]


def test_must_show_november_2025(embedded_store):
    ss = story(embedded_store.tables, Period.parse("2025-11"))
    assert 3 <= len(ss) <= 8
    head = ss[0]
    assert head.text.startswith("US-bound rare-earth magnet exports fell 11.3% month on month to 582 t")
    assert "from 656 t in October" in head.text and "rose 12.4% to 6,150 t" in head.text
    levels = {(f.series_key, f.period): f.value for f in head.facts if f.measure == "level"}
    assert levels[("rare_earth_magnets/CHN/USA", "2025-11")] == 582.0
    assert levels[("rare_earth_magnets/CHN/USA", "2025-10")] == 656.0
    assert levels[("rare_earth_magnets/CHN/WLD", "2025-11")] == 6150.0
    mom = {f.series_key: f.value for f in head.facts if f.measure == "mom_pct"}
    assert mom == {"rare_earth_magnets/CHN/USA": -11.28, "rare_earth_magnets/CHN/WLD": 12.37}


def test_rates_sentences_join_the_full_story(embedded_store):
    pytest.importorskip("tradelane.rates.story", reason="the rates package is not installed")
    ss = story(embedded_store.tables, Period.parse("2025-11"))
    assert any(s.topic == "rates" or s.facts[0].series_key.startswith("lpr/") for s in ss)
    assert len(ss) <= 8


def test_a_month_without_data_has_no_sentences(embedded_store):
    assert story(embedded_store.tables, Period.parse("2019-03"), "rare_earth_magnets") == []
    with pytest.raises(InputError):
        story(embedded_store.tables, Period.parse("2025"))
    with pytest.raises(InputError):
        story(embedded_store.tables, Period.parse("2025-11"), "copper")


@pytest.mark.parametrize(("value", "text"), [
    (6149.95, "6,150 t"), (582.0, "582 t"), (420.5, "421 t"), (46.4, "46 t"), (9.95, "10.0 t"), (4.26, "4.3 t"),
    (5493.9, "5,494 t"), (10763.0, "10,763 t"),
])
def test_tonnes_rounding(value, text):
    assert fmt_tonnes(value) == text


@pytest.mark.parametrize(("value", "text"), [
    (-11.28, "11.3%"), (12.37, "12.4%"), (157.47, "157%"), (99.96, "100%"), (0.04, "0.0%"), (34.96, "35.0%"),
    (667.39, "667%"), (2.25, "2.3%"),
])
def test_percent_rounding(value, text):
    assert fmt_pct_word(value) == text


@pytest.mark.parametrize(("period", "product"), CASES)
def test_claim_checker_round_trip(embedded_store, period, product):
    claims = pytest.importorskip("tradelane.claims", reason="the claim checker is not installed")
    p = Period.parse(period)
    for s in _trade_story(embedded_store.tables, period, product):  # rates sentences: tested in tests/rates
        result = claims.check(s.text, embedded_store.tables, date=p.shift_months(1).end)
        bad = [(c.link.q.text, c.verdict.verdict, c.verdict.reason) for c in result.claims
               if c.verdict.verdict != "supported"]
        assert not bad, (s.text, bad)
        if s.topic != "world:record":  # "highest since" is not a claim the checker extracts
            assert result.claims, s.text


def test_cli_json_and_text(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRADELANE_DB", str(tmp_path / "t.duckdb"))
    assert main(["story", "--period", "2025-11", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["period"] == "2025-11" and out["product"] is None
    first = out["sentences"][0]
    assert "582 t" in first["text"] and {"series_key", "period", "value", "vintage", "source_url"} <= set(
        first["facts"][0])
    assert main(["story", "--period", "2025-11", "--product", "rare_earths"]) == 0
    text = capsys.readouterr().out
    assert "Sources:" in text and "vintage 2025-12-10" in text and "[1]" in text
    assert main(["story", "--period", "2025-13"]) == 2
