"""Golden files for every step: clean → extract → link → verify, on synthetic articles written for tests."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import check
from tradelane.claims.clean import clean_text
from tradelane.claims.extract import quantities

from .conftest import FIXTURES, golden

ARTICLES = ["synthetic_magnets.txt", "synthetic_rates.txt"]


@pytest.mark.parametrize("name", ARTICLES)
def test_clean_golden(name: str) -> None:
    art = clean_text((FIXTURES / name).read_text(encoding="utf-8"))
    golden(name.replace(".txt", ".clean.json"), {
        "title": art.title, "dateline": art.dateline_date.isoformat() if art.dateline_date else None,
        "sentences": [[s.start, s.end, s.kind, s.text] for s in art.sentences],
        "dropped": [d.as_dict() for d in art.dropped],
    })


@pytest.mark.parametrize("name", ARTICLES)
def test_extract_golden(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    art = clean_text(text)
    out = []
    for s in art.sentences:
        for q in quantities(s.text, s.start):
            assert text[q.start:q.end] == q.text  # offsets point into the original text
            out.append([q.text, q.value, q.unit, q.decimals, q.bound, q.is_range])
    golden(name.replace(".txt", ".extract.json"), out)


@pytest.mark.parametrize("name", ARTICLES)
def test_link_and_verify_golden(name: str, index) -> None:
    res = check((FIXTURES / name).read_text(encoding="utf-8"), index).as_dict()
    golden(name.replace(".txt", ".check.json"), {
        "date": res["article"]["date"],
        "claims": [{k: c[k] for k in ("text", "start", "end", "value", "series", "partner", "period", "measure",
                                      "compare_to_period", "verdict", "data_value")} for c in res["claims"]],
        "summary": res["summary"],
        "inconsistencies": res["inconsistencies"],
    })


def test_synthetic_magnets_verdicts(index) -> None:
    res = check((FIXTURES / "synthetic_magnets.txt").read_text(encoding="utf-8"), index).as_dict()
    by = {(c["text"], c["period"]): c for c in res["claims"]}
    assert res["article"]["date"] == "2026-03-20"
    assert by[("612 tons", "2025-11")]["verdict"] == "contradicted"
    assert by[("612 tons", "2025-11")]["data_value"] == 582.0
    assert by[("656 tons", "2025-10")]["verdict"] == "supported"
    slipped = by[("57.392 tons", "2025")]
    assert slipped["verdict"] == "supported" and slipped["value"] == 57392.0
    assert by[("26.5%", "2025-11")]["series"] == "rare_earths/CHN/WLD"
    # the lead appears three times; its 11% is reported once
    assert sum(1 for c in res["claims"] if c["text"] == "11%") == 1
    assert any(set(i["claims"]) >= {1} for i in res["inconsistencies"]) or res["inconsistencies"]
    assert not any("400" in c["text"] for c in res["claims"])  # the off-topic teaser is dropped
    kinds = {d["kind"] for d in res["article"]["dropped"]}
    assert {"repeat", "share", "widget", "disclaimer", "teaser", "dateline"} <= kinds


def test_synthetic_rates_verdicts(index) -> None:
    res = check((FIXTURES / "synthetic_rates.txt").read_text(encoding="utf-8"), index).as_dict()
    got = {(c["series"], c["period"], c["measure"], abs(c["value"])): c["verdict"] for c in res["claims"]
           if c["series"] != "other"}
    assert got[("lpr/1y", "2025-12", "streak", 7.0)] == "supported"
    assert got[("lpr/5y", "2025-12", "level", 3.5)] == "supported"
    assert got[("polls", "2025-12", "count", 25.0)] == "supported"
    assert got[("policy/7d_reverse_repo", "2025-12", "level", 1.4)] == "supported"
    assert got[("policy/7d_reverse_repo", "2025-05", "change_bp", 10.0)] == "supported"
    assert got[("lpr/1y", "2024-09", "level", 3.35)] == "supported"  # the "from" level is the previous fixing
    assert not any(c["value"] in (10.0, 20.0) and c["measure"] == "change_bp" and c["period"] == "2025-12"
                   for c in res["claims"])  # a forecast range is not a claim


def test_given_date_wins(index) -> None:
    res = check("US-bound magnet exports fell 11% in November from October.", index, date=date(2025, 12, 20))
    c = res.as_dict()["claims"][0]
    assert (c["period"], c["verdict"]) == ("2025-11", "supported")
