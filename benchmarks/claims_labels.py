"""Score the claim checker on labelled articles in tradelane's own label format (e.g. the held-out set).

    python benchmarks/claims_labels.py tests/claims/holdout_labels.json --fixtures tests/fixtures/claims \
        --date holdout_desknote_lpr_oct2024.txt=2024-10-21 [--json] [-v]

A label is ``{file, text, series, partner, period, measure, verdict}`` where ``series`` is a product
(``rare_earth_magnets``, ``rare_earths``) with ``partner``, or a rate series (``lpr/1y``, ``polls`` ...)
with ``partner`` null. A label is found when a reported topic claim has the same series, partner, period
and measure and the same first number in its text (so "5,952 metric tons" matches "5,952 tons"); its
verdict is right when every such claim has the labelled verdict. Precision counts reported topic claims
with a written number that match some label. Claims without a number ("a record low") are left out,
as in ``claims_eval.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from tradelane.claims import DataIndex, check
from tradelane.store import Store

_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def first_number(text: str) -> float | None:
    """The first number written in ``text`` ("5,952 metric tons" -> 5952.0), or None."""
    m = _NUM.search(text or "")
    return float(m.group(0).replace(",", "")) if m else None


def key_of_claim(c: dict[str, Any]) -> tuple[str, str | None, str | None, str]:
    s = c["series"]
    parts = s.split("/")
    if parts[0] in ("rare_earth_magnets", "rare_earths") and len(parts) >= 3 and not s.endswith(("/value_usd",
                                                                                                  "/value_cny")):
        return parts[0], c["partner"], c["period"], c["measure"]
    return s, None, c["period"], c["measure"]


def score(labels: list[dict[str, Any]], fixtures: Path, dates: dict[str, date]) -> dict[str, Any]:
    idx = DataIndex.from_tables(Store.open(None).tables)
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for lab in labels:
        by_file[lab["file"]].append(lab)
    out: dict[str, Any] = {"files": {}, "misses": [], "extras": [], "wrong": []}
    tot = {"labels": 0, "found": 0, "reported": 0, "matched": 0, "judged": 0, "right": 0}
    for name, labs in sorted(by_file.items()):
        res = check((fixtures / name).read_text(encoding="utf-8"), idx, date=dates.get(name)).as_dict()
        claims = [c for c in res["claims"] if c["series"] != "other" and first_number(c["text"]) is not None]
        used: set[int] = set()
        f = {"labels": len(labs), "found": 0, "reported": len(claims), "matched": 0, "judged": 0, "right": 0,
             "date": res["article"]["date"]}
        labs = [lab for lab in labs if first_number(lab["text"]) is not None]  # as claims: only written numbers
        f["labels"] = len(labs)
        for lab in labs:
            k = (lab["series"], lab["partner"], lab["period"], lab["measure"])
            v = first_number(lab["text"])
            hits = [i for i, c in enumerate(claims) if key_of_claim(c) == k and first_number(c["text"]) == v]
            if not hits:
                out["misses"].append({"file": name, **lab})
                continue
            f["found"] += 1
            used.update(hits)
            f["judged"] += 1
            if all(claims[i]["verdict"] == lab["verdict"] for i in hits):
                f["right"] += 1
            else:
                out["wrong"].append({"file": name, "label": lab, "got": [claims[i]["verdict"] for i in hits]})
        f["matched"] = len(used)
        out["extras"] += [{"file": name, **{k: claims[i][k] for k in ("text", "series", "period", "measure",
                                                                       "verdict")}}
                          for i in range(len(claims)) if i not in used]
        out["files"][name] = f
        for k in tot:
            tot[k] += f[k]
    out["total"] = {**tot, "recall": round(tot["found"] / max(1, tot["labels"]), 3),
                    "precision": round(tot["matched"] / max(1, tot["reported"]), 3),
                    "verdict_accuracy": round(tot["right"] / max(1, tot["judged"]), 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", type=Path)
    ap.add_argument("--fixtures", type=Path, default=Path("tests/fixtures/claims"))
    ap.add_argument("--date", action="append", default=[], help="FILE=YYYY-MM-DD for an article with no date")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, extras and wrong verdicts")
    args = ap.parse_args(argv)
    dates = {k: date.fromisoformat(v) for k, v in (d.split("=", 1) for d in args.date)}
    res = score(json.loads(args.labels.read_text(encoding="utf-8")), args.fixtures, dates)
    if args.json:
        print(json.dumps(res if args.verbose else {"files": res["files"], "total": res["total"]}, indent=2))
        return 0
    for name, f in res["files"].items():
        print(f"{name}: recall {f['found']}/{f['labels']}  precision {f['matched']}/{f['reported']}  "
              f"verdicts {f['right']}/{f['judged']}  date {f['date']}")
    t = res["total"]
    print(f"recall {t['recall']:.3f}  precision {t['precision']:.3f}  verdict accuracy {t['verdict_accuracy']:.3f}")
    if args.verbose:
        for kind in ("misses", "extras", "wrong"):
            for item in res[kind]:
                print(kind.upper()[:-2] if kind != "wrong" else "WRONG", item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
