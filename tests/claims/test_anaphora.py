"""Anaphora and partner placement: synthetic two-sentence texts written for these tests (not article text)."""

from __future__ import annotations

from datetime import date

import pytest

from tradelane.claims import DataIndex, check

M = "rare_earth_magnets/CHN/"


def _claims(text: str, index: DataIndex) -> list[tuple]:
    return [(c["text"], "other") if c["series"] == "other" else
            (c["text"], c["series"], c["period"], c["measure"], c["verdict"])
            for c in check(text, index, date=date(2025, 12, 20)).as_dict()["claims"]]


@pytest.mark.parametrize(("text", "expected"), [
    # the one partner of the previous sentence carries over to "That was ..."
    ("Shipments to the United States fell to 582 tons in November. That was down 11% from October.",
     [("582 tons", M + "USA", "2025-11", "level", "supported"),
      ("11%", M + "USA", "2025-11", "mom_pct", "supported")]),
    # also when the previous sentence had no number of its own
    ("Shipments to the United States slid in November. That was 11% lower than in October.",
     [("11%", M + "USA", "2025-11", "mom_pct", "supported")]),
    ("Outbound magnet cargo to America shrank to 582 tons in November. The figure was down 11% from October.",
     [("582 tons", M + "USA", "2025-11", "level", "supported"),
      ("11%", M + "USA", "2025-11", "mom_pct", "supported")]),
    # the referring sentence names its own partner: no carry-over
    ("Shipments to the United States fell to 582 tons in November. That compares with 6,150 tons overall.",
     [("582 tons", M + "USA", "2025-11", "level", "supported"),
      ("6,150 tons", M + "WLD", "2025-11", "level", "supported")]),
    # two partners before: which one is meant is not known, so the change is not linked
    ("Shipments to Germany and Japan rose in November. That was up 5% from October.", [("5%", "other")]),
    # not a referring sentence: World, as before
    ("Shipments to the United States fell to 582 tons in November. Exports overall rose 12.4% from October.",
     [("582 tons", M + "USA", "2025-11", "level", "supported"),
      ("12.4%", M + "WLD", "2025-11", "mom_pct", "supported")]),
])
def test_partner_carries_over_to_an_anaphoric_sentence(index: DataIndex, text: str, expected: list[tuple]) -> None:
    assert _claims(text, index) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the basis phrase comes first, the partner after "to"/"for"
    ("China's rare earth magnet exports rose almost 60 percent from a year earlier to the European Union in November.",
     [("60 percent", M + "EUU", "2025-11", "yoy_pct", "supported")]),
    ("China's magnet exports rose 35% month on month to Japan in November.",
     [("35%", M + "JPN", "2025-11", "mom_pct", "supported")]),
    ("Magnet shipments climbed 31.3% year-on-year to South Korea in October.",
     [("31.3%", M + "KOR", "2025-10", "yoy_pct", "supported")]),
    ("Magnet shipments were 13% lower on a monthly basis for Germany in October.",
     [("13%", M + "DEU", "2025-10", "mom_pct", "supported")]),
    # a seeded error stays an error of that partner
    ("Magnet shipments climbed 51% from the same month a year earlier to South Korea in October.",
     [("51%", M + "KOR", "2025-10", "yoy_pct", "contradicted")]),
    # "to" + a tonnage is the level the change leads to, not a partner
    ("Magnet exports rose 12.4% from a month earlier to 6,150 tons in November.",
     [("12.4%", M + "WLD", "2025-11", "mom_pct", "supported"),
      ("6,150 tons", M + "WLD", "2025-11", "level", "supported")]),
    # a base month is a basis too: "from October to Japan"
    ("Magnet exports rose 35% from October to Japan, reaching 305 tons in November.",
     [("35%", M + "JPN", "2025-11", "mom_pct", "supported"),
      ("305 tons", M + "JPN", "2025-11", "level", "supported")]),
    ("Magnet exports climbed 53% from October's level to Japan in November.",  # seeded: 35%
     [("53%", M + "JPN", "2025-11", "mom_pct", "contradicted")]),
    ("Magnet exports rose 12.4% from October to 6,150 tons in November.",
     [("12.4%", M + "WLD", "2025-11", "mom_pct", "supported"),
      ("6,150 tons", M + "WLD", "2025-11", "level", "supported")]),
    # a partner named before the change in its own clause still wins
    ("Magnet exports to the United States fell 11% from the previous month to 582 tons in November.",
     [("11%", M + "USA", "2025-11", "mom_pct", "supported"),
      ("582 tons", M + "USA", "2025-11", "level", "supported")]),
])
def test_partner_after_the_basis_phrase(index: DataIndex, text: str, expected: list[tuple]) -> None:
    assert _claims(text, index) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a rate word and no trade subject: both LPR tenors, even inside a trade story
    ("China's rare earth magnet exports rose to 6,150 tons in November. "
     "Rates were kept unchanged for the seventh consecutive month.",
     [("6,150 tons", M + "WLD", "2025-11", "level", "supported"),
      ("seventh consecutive month", "lpr/1y", "2025-12", "streak", "supported"),
      ("seventh consecutive month", "lpr/5y", "2025-12", "streak", "supported")]),
    ("China's magnet exports rose to 6,150 tons in November. Both benchmarks held steady for a seventh straight month.",
     [("6,150 tons", M + "WLD", "2025-11", "level", "supported"),
      ("seventh straight month", "lpr/1y", "2025-12", "streak", "supported"),
      ("seventh straight month", "lpr/5y", "2025-12", "streak", "supported")]),
    ("Lending costs were left alone for an eighth consecutive month.",  # seeded: the run is seven
     [("eighth consecutive month", "lpr/1y", "2025-12", "streak", "contradicted"),
      ("eighth consecutive month", "lpr/5y", "2025-12", "streak", "contradicted")]),
    # no rate word: "It" points back to the one tenor of the sentence before
    ("The one-year LPR stayed at 3% in December. It was kept unchanged for a seventh straight month.",
     [("3%", "lpr/1y", "2025-12", "level", "supported"),
      ("seventh straight month", "lpr/1y", "2025-12", "streak", "supported")]),
    ("The five-year LPR was 3.5% in December. The rate has now held for eight straight months.",  # seeded: seven
     [("3.5%", "lpr/5y", "2025-12", "level", "supported"),
      ("eight straight months", "lpr/5y", "2025-12", "streak", "contradicted")]),
    # "They" after one tenor, or "It" after both: the paragraph is about rates, so both tenors
    ("The one-year LPR stayed at 3% in December. They were kept unchanged for a seventh straight month.",
     [("3%", "lpr/1y", "2025-12", "level", "supported"),
      ("seventh straight month", "lpr/1y", "2025-12", "streak", "supported"),
      ("seventh straight month", "lpr/5y", "2025-12", "streak", "supported")]),
    ("The one-year LPR was 3% and the five-year 3.5%. It was the seventh straight month without change.",
     [("3%", "lpr/1y", "2025-12", "level", "supported"),
      ("3.5%", "lpr/5y", "2025-12", "level", "supported"),
      ("seventh straight month", "lpr/1y", "2025-12", "streak", "supported"),
      ("seventh straight month", "lpr/5y", "2025-12", "streak", "supported")]),
    ("China left its benchmark lending rates untouched for a seventh straight month in December.",
     [("seventh straight month", "lpr/1y", "2025-12", "streak", "supported"),
      ("seventh straight month", "lpr/5y", "2025-12", "streak", "supported")]),
    # an unchanged streak that names neither a rate nor a product in a trade paragraph: not placed, never a lane
    ("China's magnet exports rose to 6,150 tons in November. It held steady for a seventh straight month.",
     [("6,150 tons", M + "WLD", "2025-11", "level", "supported"), ("seventh straight month", "other")]),
    # a trade streak stays a trade streak even with "policy" in it
    ("Magnet exports fell for a third straight month under the new export-control policy.",
     [("third straight month", M + "WLD", "2025-11", "streak", "contradicted")]),
])
def test_rate_streak_without_a_named_rate(index: DataIndex, text: str, expected: list[tuple]) -> None:
    assert _claims(text, index) == expected


def test_unplaceable_unchanged_streak_is_unverifiable_not_contradicted(index: DataIndex) -> None:
    text = "China's magnet exports rose to 6,150 tons in November. It held steady for a seventh straight month."
    streak = [c for c in check(text, index, date=date(2025, 12, 20)).as_dict()["claims"] if "seventh" in c["text"]]
    assert [(c["verdict"], c["reason"]) for c in streak] == [
        ("unverifiable", "an unchanged streak with no rate or product named")]


@pytest.mark.parametrize(("text", "expected"), [
    # "all but one of the 25": 25 polled, 24 in the majority; the December 2025 poll was 25 of 25
    ("All but one of the 25 respondents in a Reuters poll expected no change to the LPR in December.",
     [("25", "polls", "2025-12", "count", "contradicted")]),
    ("All 25 respondents in a Reuters poll expected no change to the LPR in December.",
     [("25", "polls", "2025-12", "count", "supported")]),
    # the N of "all but N" is not a count of its own
    ("In a Reuters poll, all but two of the 25 respondents expected no change to the LPR in December.",
     [("25", "polls", "2025-12", "count", "contradicted")]),
])
def test_all_but_n_of_a_poll(index: DataIndex, text: str, expected: list[tuple]) -> None:
    assert _claims(text, index) == expected


def test_all_but_n_names_the_majority_in_its_reason(index: DataIndex) -> None:
    text = "All but one of the 25 respondents in a Reuters poll expected no change to the LPR in December."
    (c,) = check(text, index, date=date(2025, 12, 20)).as_dict()["claims"]
    assert c["data_value"] == 25 and "'all but 1' of 25 is 24" in c["basis"]


@pytest.mark.parametrize("table", [
    "| Partner | Tonnes | MoM |\n|---|---|---|\n| United States | 582 | -11% |\n| Japan | 305 | +53% |",
    "Partner | Tonnes | MoM\nUnited States | 582 | -11%\nJapan | 305 | +53%",
])
def test_pipe_tables_in_plain_text_are_read_row_by_row(index: DataIndex, table: str) -> None:
    text = "Rare-earth magnet exports in November:\n\n" + table + "\n"
    assert _claims(text, index) == [
        ("582 t", M + "USA", "2025-11", "level", "supported"),
        ("-11%", M + "USA", "2025-11", "mom_pct", "supported"),
        ("305 t", M + "JPN", "2025-11", "level", "supported"),
        ("+53%", M + "JPN", "2025-11", "mom_pct", "contradicted"),  # seeded: 35%
    ]


def test_a_single_line_with_pipes_is_not_a_table(index: DataIndex) -> None:
    text = "Markets | Economy\nChina's magnet exports rose to 6,150 tons in November.\n"
    assert _claims(text, index) == [("6,150 tons", M + "WLD", "2025-11", "level", "supported")]
