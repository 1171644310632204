"""Red-team fixtures (prefix ``traps``): articles that LOOK like tradelane's topic but are mostly NOT about its
series (precision traps), each with a few real tradelane claims and seeded errors.

* ``redteam_traps_imports_minerals_oct2025.txt``: a metals-desk wire on China's rare-earth IMPORTS (Myanmar
  carbonate, Malaysian oxides, Laotian ore, US ores "nil for a sixth straight month", ten-month totals) and China's
  exports of OTHER controlled metals (gallium in kilograms, germanium, antimony, graphite to the US, tungsten,
  germanium to Japan), with one paragraph of October magnet / rare-earth export figures.
* ``redteam_traps_prices_weekly_nov2025.txt``: a weekly prices report (NdPr, Dy, Tb in yuan/t, yuan/kg, $/kg,
  w/w, spot vs contract, listed prices, "highest since February 2023"), magnet OUTPUT by Chinese makers, company
  earnings, and one customs paragraph (November magnet exports, EU, value, unit price, NdPr / terbium oxide exports).
* ``redteam_traps_opinion_leverage_jan2026.txt``: an opinion column: December / full-year 2025 figures, 2019 and
  April/May 2025 history, scenarios ("if exports fell by half", "could drop to 3,000 tonnes", "a 25% tariff",
  "Suppose the US lane shrank by 40%", "Had December matched..."), 2010 Japanese importers' purchases, quotes
  with "could", forecasts, a correction note ("misstated ... as 820 tonnes. The correct figure is 280 tonnes.").
* ``redteam_traps_deposits_lpr_may2025.txt``: an LPR-day piece that is really about deposit rates (one-year /
  three-year / five-year time deposits), mortgage rates and floors ("five-year LPR minus 20 basis points"),
  provident-fund loans, NIM, RRR, relending, bond yields, with one LPR cut, the reverse repo cut of May 8, and the
  pre-reform 4.31% LPR / 4.35% benchmark lending rate.

The texts are ours; topic figures come from tradelane's data, seeded errors are labelled contradicted.
Labels are the CORRECT expected behaviour (see /work/notes/redteam_traps.md for what the checker gave).
Each label is (claim text, series, partner, period, measure, verdict).
"""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

from .conftest import FIXTURES, check_fixture

M, R = "rare_earth_magnets/CHN/", "rare_earths/CHN/"
L1, L5, RR = "lpr/1y", "lpr/5y", "policy/7d_reverse_repo"
A = "redteam_traps_imports_minerals_oct2025.txt"
B = "redteam_traps_prices_weekly_nov2025.txt"
C = "redteam_traps_opinion_leverage_jan2026.txt"
D = "redteam_traps_deposits_lpr_may2025.txt"
DATES = {A: "2025-11-20", B: "2025-12-22", C: "2026-01-26", D: "2025-05-20"}
LABELS: dict[str, list[tuple[str, str, str | None, str, str, str]]] = {
    A: [
        ("5,473 tonnes", M + "WLD", "WLD", "2025-10", "level", "supported"),
        ("5.2%", M + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("15.8%", M + "WLD", "WLD", "2025-10", "yoy_pct", "supported"),
        ("65%", M + "USA", "USA", "2025-10", "mom_pct", "contradicted"),  # seeded: +56.1%
        ("656 tonnes", M + "USA", "USA", "2025-10", "level", "supported"),
        ("1,181 tonnes", M + "DEU", "DEU", "2025-10", "level", "contradicted"),  # seeded: 1,118
        ("402 tonnes", M + "VNM", "VNM", "2025-10", "level", "unverifiable"),
        ("9%", R + "WLD", "WLD", "2025-10", "mom_pct", "supported"),
        ("4,343.5 tonnes", R + "WLD", "WLD", "2025-10", "level", "supported"),
        # NOT topic (and so not listed): every import figure (Myanmar carbonate/oxides, Malaysia, Laos, total
        # imports, ten-month imports, "nil for a sixth straight month" of US ores) and every gallium / germanium /
        # antimony / graphite / tungsten export figure, including "the United States taking 1,120 tonnes" and
        # "Germanium exports to Japan rose 40% to 1.2 tonnes".
    ],
    B: [
        ("6,150 tonnes", M + "WLD", "WLD", "2025-11", "level", "supported"),
        ("21%", M + "WLD", "WLD", "2025-11", "mom_pct", "contradicted"),  # seeded: +12%
        ("4,795 tonnes", M + "WLD", "WLD", "2024-11", "level", "unverifiable"),  # "up from 4,795 tonnes a year earlier"
        ("2,659 tonnes", M + "EUU", "EUU", "2025-11", "level", "contradicted"),  # seeded: 2,569
        ("$301.8 million", M + "WLD/value_usd", "WLD", "2025-11", "level", "supported"),
        # NOT topic: "Exports of NdPr oxide itself were just 12 tonnes", "exports of terbium oxide fell 30%"
    ],
    C: [
        ("5,952 tonnes", M + "WLD", "WLD", "2025-12", "level", "supported"),
        ("57,392 tonnes", M + "WLD", "WLD", "2025", "level", "supported"),  # "the total for 2025"
        ("3.8%", M + "WLD", "WLD", "2025", "yoy_pct", "contradicted"),  # seeded: -1.3%; "That is 3.8% below 2024"
        ("2,627 tonnes", M + "WLD", "WLD", "2025-04", "level", "supported"),
        ("1,238 tonnes", M + "WLD", "WLD", "2025-05", "level", "supported"),
        ("5,933 tonnes", M + "USA", "USA", "2025", "level", "supported"),
        ("4,593 tonnes", M + "USA", "USA", "2019", "level", "supported"),
        ("4,470 tonnes", M + "WLD", "WLD", "2025-03", "level", "unverifiable"),
        ("546 tonnes", M + "USA", "USA", "2025-12", "level", "contradicted"),  # seeded: 564
        ("20%", R + "WLD", "WLD", "2025-12", "mom_pct", "supported"),  # "exports of the broader group of rare earths"
        ("4,392 tonnes", R + "WLD", "WLD", "2025-12", "level", "supported"),
        ("280 tonnes", M + "JPN", "JPN", "2025-12", "level", "supported"),  # correction: "The correct figure is ..."
    ],
    D: [
        ("3.0%", L1, None, "2025-05", "level", "supported"),
        ("3.1%", L1, None, "2025-04", "level", "supported"),
        ("3.45%", L5, None, "2025-05", "level", "contradicted"),  # seeded: 3.5%
        ("10 basis point", RR, None, "2025-05", "change_bp", "supported"),  # "a 10 basis point cut on May 8 to the
        ("1.4%", RR, None, "2025-05", "level", "supported"),  # seven-day reverse repurchase rate, which now stands at"
        ("4.31%", L1, None, "2019-07", "level", "unverifiable"),  # pre-reform LPR
    ],
}
OTHER = {
    # China's IMPORTS, other controlled metals, a price, a quote's range, China's total exports and surplus
    A: {"1,420 tonnes", "38%", "61%", "690 tonnes", "24%", "1,050 tonnes", "2,310 tonnes", "9.6%", "11,870 tonnes",
        "14%", "118,400 tonnes", "1,840 kilograms", "23%", "11%", "3.9 tonnes", "4,000 tonnes", "1,203 tonnes", "45%",
        "18%", "7,950 tonnes", "1,120 tonnes", "30%", "1,302 tonnes", "40%", "1.2 tonnes", "1,640 yuan", "2%",
        "1.5%", "1.1%", "$90.07 billion", "50%"},
    # prices, w/w changes, premiums, listed prices, output, capacity use, earnings, unit price, other oxides' exports
    B: {"+1.3%", "1.3%", "-2.4%", "2.4%", "-3.5%", "3.5%", "1,480 yuan", "6,350 yuan", "705,000 yuan", "1.1%", "4%",
        "8.5%", "598,000 yuan", "47%", "18%", "$850", "$3,600", "9%", "31,500 tonnes", "82%", "11%", "65%", "61%",
        "210 million yuan", "6.2%", "$49.1", "2.1%", "12 tonnes", "30%", "600,000 yuan",
        "highest since February 2023"},
    # hypotheticals, scenarios, tariffs, prices, dependence, importers' own figures, forecasts, quotes with
    # "could", a counterfactual and a retracted figure (the "More opinion" teaser list, "2%" and "50%", is dropped as
    # teasers before linking, so it is not reported at all: checked in test_teasers_under_a_heading_are_dropped)
    C: {"half", "3,000 tonnes", "25%", "$12", "40%", "tenfold", "60%", "90%", "70%", "20%", "57,600 tonnes", "8%",
        "10%", "halved", "820 tonnes"},
    # deposit, mortgage, provident-fund and corporate-loan rates, spreads, NIM, RRR, relending, yields, loans, the
    # pre-reform benchmark lending rate
    D: {"15 basis points", "0.95%", "5 basis points", "0.05%", "25 basis points", "1.25%", "1.3%", "3.05%",
        "20 basis points", "40 basis points", "2.6%", "2.85%", "1.43%", "1.54%", "3.2%", "50 basis points", "1.5%",
        "2 basis points", "1.68%", "4.35%", "280 billion yuan", "1 trillion yuan"},
}


def _norm(s: str) -> str:
    return " ".join(s.split())


def _check(index: DataIndex, name: str) -> dict:
    return check_fixture(index, name, DATES[name])


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_claims(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    topic = [(_norm(c["text"]), c["series"], c["partner"], c["period"], c["measure"], c["verdict"])
             for c in res["claims"] if c["series"] != "other"]
    assert sorted(topic) == sorted(LABELS[name])


@pytest.mark.parametrize("name", sorted(OTHER))
def test_numbers_about_other_things_are_not_linked(index: DataIndex, name: str) -> None:
    res = _check(index, name)
    other = {_norm(c["text"]) for c in res["claims"] if c["series"] == "other"}
    assert OTHER[name] <= other
    assert all(c["reason"] for c in res["claims"] if c["series"] == "other")


# minimal reproductions (see the report): (text, article date, topic claims as (text, series, period, measure,
# verdict), texts that must be `other`)
MAG = "China shipped 5,952 tonnes of rare-earth magnets in December. "
MAG_T = ("5,952 tonnes", M + "WLD", "2025-12", "level", "supported")
REPROS = [
    # 1. China's IMPORTS are linked as exports
    ("China's imports of mixed rare earth carbonate from Myanmar fell 38% from September to 1,420 tonnes in "
     "October, customs data showed.", "2025-11-20", [], {"38%", "1,420 tonnes"}),
    ("China's total rare earth imports fell 9.6% to 11,870 tonnes in October.", "2025-11-20", [],
     {"9.6%", "11,870 tonnes"}),
    ("China imported 1,420 tonnes of rare earths from Myanmar in October.", "2025-11-20", [], {"1,420 tonnes"}),
    ("China's imports of rare-earth magnets from Japan rose 12% to 150 tonnes in October.", "2025-11-20", [],
     {"12%", "150 tonnes"}),
    ("Arrivals from Malaysia rose 24% to 1,050 tonnes of rare earth oxides in October.", "2025-11-20", [],
     {"24%", "1,050 tonnes"}),
    ("Imports of rare earth ores from the United States were nil for a sixth straight month.", "2025-11-20", [],
     set()),
    # 2. other controlled metals (gallium, germanium, antimony, graphite, tungsten) and named oxides
    ("Gallium exports totalled 1,840 kilograms in October, down 23% from September.", "2025-11-20", [],
     {"1,840 kilograms", "23%"}),
    ("China's magnet exports fell in October. Graphite exports fell 18% from a year earlier to 7,950 tonnes, with "
     "the United States taking 1,120 tonnes.", "2025-11-20", [], {"18%", "7,950 tonnes", "1,120 tonnes"}),
    ("China's magnet exports fell in October. Germanium exports to Japan rose 40% to 1.2 tonnes.", "2025-11-20",
     [], {"40%", "1.2 tonnes"}),
    ("China's magnet exports fell in October. Antimony exports, which ran at about 4,000 tonnes a month before the "
     "curbs, fell 45% year on year.", "2025-11-20", [], {"4,000 tonnes", "45%"}),
    ("China exported 6,150 tonnes of magnets in November. Exports of NdPr oxide itself were just 12 tonnes, and "
     "exports of terbium oxide fell 30% in November.", "2025-12-22",
     [("6,150 tonnes", M + "WLD", "2025-11", "level", "supported")], {"12 tonnes", "30%"}),
    ("China exported 6,150 tonnes of rare earth magnets in November. Tungsten exports fell 30% in November.",
     "2025-12-22", [("6,150 tonnes", M + "WLD", "2025-11", "level", "supported")], {"30%"}),
    # 3. hypotheticals, counterfactuals, forecasts with could/sees, quotes
    (MAG + "If exports fell by half again, monthly shipments could drop to 3,000 tonnes.", "2026-01-26", [MAG_T],
     {"half", "3,000 tonnes"}),
    ("China shipped 564 tonnes of rare-earth magnets to the US in December. Suppose the US lane shrank by 40%: "
     "motor makers would run out within weeks.", "2026-01-26",
     [("564 tonnes", M + "USA", "2025-12", "level", "supported")], {"40%"}),
    (MAG + "Had December matched November's pace, the year would have topped 57,600 tonnes.", "2026-01-26",
     [MAG_T], {"57,600 tonnes"}),
    (MAG + "Another consultancy thinks Chinese exports could slide 10% in 2026.", "2026-01-26", [MAG_T], {"10%"}),
    (MAG + "One consultancy sees magnet demand from electric vehicles growing 8% a year through 2030.",
     "2026-01-26", [MAG_T], {"8%"}),
    (MAG + 'A senior EU trade official was less sanguine: "We could lose 20% of supply overnight and there is '
     'nothing in the rulebook to stop it."', "2026-01-26", [MAG_T], {"20%"}),
    ("In 2010, after the trawler collision, Japanese importers said their rare earth purchases from China fell by "
     "about 40% in the fourth quarter.", "2026-01-26", [], {"40%"}),
    # 4. a correction note
    ("Correction: An earlier version of this column misstated December shipments of magnets to Japan as 820 "
     "tonnes. The correct figure is 280 tonnes.", "2026-01-26",
     [("280 tonnes", M + "JPN", "2025-12", "level", "supported")], {"820 tonnes"}),
    # 5. annual total inside a month's sentence; rare earths named as "the broader group of rare earths"
    ("China shipped 5,952 tonnes of rare-earth magnets in December, enough to bring the total for 2025 to 57,392 "
     "tonnes. That is 3.8% below 2024.", "2026-01-26",
     [MAG_T, ("57,392 tonnes", M + "WLD", "2025", "level", "supported"),
      ("3.8%", M + "WLD", "2025", "yoy_pct", "contradicted")], set()),
    ("Shipments of magnets to Japan fell again, and exports of the broader group of rare earths dropped 20% from "
     "November to 4,392 tonnes.", "2026-01-26",
     [("20%", R + "WLD", "2025-12", "mom_pct", "supported"), ("4,392 tonnes", R + "WLD", "2025-12", "level",
                                                               "supported")], set()),
    ("China shipped 5,952 tonnes of rare-earth magnets in December, bringing the 2025 total to 57,392 tonnes.",
     "2026-01-26", [MAG_T, ("57,392 tonnes", M + "WLD", "2025", "level", "supported")], set()),
    ("Exports of the broader group of rare earths dropped 20% from November to 4,392 tonnes.", "2026-01-26",
     [("20%", R + "WLD", "2025-12", "mom_pct", "supported"), ("4,392 tonnes", R + "WLD", "2025-12", "level",
                                                               "supported")], set()),
    ("China shipped 280 tonnes of magnets to Japan in December. The correct figure is 280 tonnes.", "2026-01-26",
     [("280 tonnes", M + "JPN", "2025-12", "level", "supported"),
      ("280 tonnes", M + "JPN", "2025-12", "level", "supported")], set()),
    # 6. an opinion-page teaser list
    (MAG + "\n\nMore opinion\n- Why the yuan's 2% slide matters for exporters\n", "2026-01-26", [MAG_T], set()),
    # 7. deposit rates, mortgage floors and spreads linked to the LPR; the reverse repo named after the number
    ("The one-year LPR was cut to 3.0%. The big four banks cut their one-year fixed deposit rate by 15 basis points "
     "to 0.95%.", "2025-05-20", [("3.0%", L1, "2025-05", "level", "supported")], {"15 basis points", "0.95%"}),
    ("The one-year LPR was cut to 3.0%. Rates on demand deposits fell 5 basis points to 0.05%, while three-year and "
     "five-year time deposits were cut by 25 basis points each, to 1.25% and 1.3%.", "2025-05-20",
     [("3.0%", L1, "2025-05", "level", "supported")], {"5 basis points", "0.05%", "25 basis points", "1.25%", "1.3%"}),
    ("The floor for first-home loans is the five-year LPR minus 20 basis points.", "2025-05-20", [],
     {"20 basis points"}),
    ("The gap between the five-year LPR and the average new mortgage rate has narrowed to about 40 basis points.",
     "2025-05-20", [], {"40 basis points"}),
    ("The move followed a 10 basis point cut on May 8 to the seven-day reverse repurchase rate, which now stands at "
     "1.4%.", "2025-05-20", [("10 basis point", RR, "2025-05", "change_bp", "supported"),
                             ("1.4%", RR, "2025-05", "level", "supported")], set()),
    ("The seven-day reverse repurchase rate now stands at 1.4%.", "2025-05-20",
     [("1.4%", RR, "2025-05", "level", "supported")], set()),
    ("The PBOC cut its seven-day reverse repurchase rate by 10 basis points on May 8.", "2025-05-20",
     [("10 basis points", RR, "2025-05", "change_bp", "supported")], set()),
    ("Before the 2019 reform, banks priced loans off a one-year benchmark lending rate of 4.35% that had been "
     "frozen since 2015.", "2025-05-20", [], {"4.35%"}),
]


@pytest.mark.parametrize(("sentence", "day", "topic", "other"), REPROS)
def test_minimal_reproductions(index: DataIndex, sentence: str, day: str, topic: list[tuple], other: set[str]) -> None:
    claims = check(sentence, index, date=date.fromisoformat(day)).as_dict()["claims"]
    got = [(c["text"], c["series"], c["period"], c["measure"], c["verdict"]) for c in claims if c["series"] != "other"]
    assert got == topic
    assert other <= {c["text"] for c in claims if c["series"] == "other"}


def test_teasers_under_a_heading_are_dropped(index: DataIndex) -> None:
    res = check((FIXTURES / C).read_text(encoding="utf-8"), index).as_dict()
    assert not any(c["text"] in ("2%", "50%") for c in res["claims"])
    assert any(d["kind"] == "teaser" and "2% slide" in d["text"] for d in res["article"]["dropped"])
