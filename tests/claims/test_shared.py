"""The must-show checks on the shared seed and the eval-dev corpus (read by path; skipped when absent)."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from tradelane.claims import check

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "rare-earth-magnets-2025-11.txt"
EVAL = ROOT.parent / "shared" / "eval-dev"


def _seed() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


def _claims(res: dict) -> dict[tuple, dict]:
    return {(c["series"], c["partner"], c["period"], c["measure"], abs(c["value"])): c for c in res["claims"]}


@pytest.mark.parametrize("given", [date(2025, 12, 20), None])
def test_seed_claims_supported(index, given: date | None) -> None:
    res = check(_seed(), index, date=given).as_dict()
    got = _claims(res)
    usa = "rare_earth_magnets/CHN/USA"
    for key in [(usa, "USA", "2025-11", "level", 582.0), (usa, "USA", "2025-10", "level", 656.0),
                (usa, "USA", "2025-11", "mom_pct", 11.0), (usa, "USA", "2025-05", "below", 50.0),
                ("lpr/1y", None, "2025-12", "level", 3.0), ("lpr/5y", None, "2025-12", "level", 3.5),
                ("lpr/1y", None, "2025-12", "streak", 7.0), ("lpr/5y", None, "2025-12", "streak", 7.0)]:
        assert got[key]["verdict"] == "supported", key
    rr = [c for c in res["claims"] if c["series"] == "policy/7d_reverse_repo"]
    assert rr and all(c["verdict"] == "supported" and c["value"] == 1.4 for c in rr)
    if given is not None:
        assert rr[0]["period"] == "2025-12"
    assert sum(1 for c in res["claims"] if c["text"] == "582 tons") == 1  # the lead, thrice, counts once
    topic = [c for c in res["claims"] if c["series"] != "other"]
    assert not any(c["text"] in ("$0.02089", "+2.40%", "$550,000") for c in topic)
    assert not any(c["verdict"] == "contradicted" for c in topic)
    assert {"widget", "teaser", "disclaimer", "repeat"} <= {d["kind"] for d in res["article"]["dropped"]}


def test_seed_with_612_is_contradicted_and_inconsistent(index) -> None:
    res = check(_seed().replace("582 tons", "612 tons"), index, date=date(2025, 12, 20)).as_dict()
    i612 = next(i for i, c in enumerate(res["claims"]) if c["text"] == "612 tons")
    i656 = next(i for i, c in enumerate(res["claims"]) if c["text"] == "656 tons")
    assert res["claims"][i612]["verdict"] == "contradicted" and res["claims"][i612]["data_value"] == 582.0
    flagged = [set(x["claims"]) for x in res["inconsistencies"]]
    assert any({i612, i656} <= f and any(res["claims"][j]["text"] == "11%" for j in f) for f in flagged)


def test_eval_dev_meets_targets() -> None:
    if not (EVAL / "claims.jsonl").exists():
        pytest.skip(f"eval-dev corpus not found at {EVAL}")
    spec = importlib.util.spec_from_file_location("claims_eval", ROOT / "benchmarks" / "claims_eval.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        mod.main([str(EVAL / "articles"), str(EVAL / "claims.jsonl"), "--json"])
    s = json.loads(buf.getvalue())
    assert s["recall"] >= 0.90 and s["precision"] >= 0.90 and s["verdict_accuracy"] >= 0.90, s


def test_story_round_trip(embedded_store, index) -> None:
    story_mod = pytest.importorskip("tradelane.story")
    from tradelane.model import Period

    for label in ("2025-07", "2025-11", "2025-12"):
        p = Period.parse(label)
        for sent in story_mod.story(embedded_store.tables, p):
            res = check(sent.text, index, date=p.shift_months(1).start.replace(day=20)).as_dict()
            for c in res["claims"]:
                if c["series"] != "other":
                    assert c["verdict"] == "supported", (sent.text, c)


@pytest.mark.parametrize("sentence", [
    "US-bound rare-earth magnet exports fell 11.3% month on month to 582 t in November 2025 from 656 t in October, "
    "even as total magnet exports rose 12.4% to 6,150 t.",
    "China kept the one-year LPR at 3.0% and the five-year at 3.5% in December 2025, unchanged for a seventh "
    "straight month, as all 25 respondents in a poll had expected.",
])
def test_engineer_sentences_round_trip(index, sentence: str) -> None:
    res = check(sentence, index, date=date(2025, 12, 22)).as_dict()
    topic = [c for c in res["claims"] if c["series"] != "other"]
    assert len(topic) >= 5
    assert all(c["verdict"] == "supported" for c in topic), topic
