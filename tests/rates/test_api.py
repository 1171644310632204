"""The rates package's curated surface stays sorted and importable."""

from __future__ import annotations

import tradelane.rates as rates


def test_all_is_sorted_and_importable() -> None:
    names = rates.__all__
    assert names == sorted(names, key=lambda n: (not n.isupper(), n[0].islower(), n))
    for n in names:
        assert getattr(rates, n) is not None


def test_story_entry_point_signature() -> None:
    """The story/report engineer imports exactly this name."""
    import inspect

    from tradelane.rates.story import rate_sentences

    params = list(inspect.signature(rate_sentences).parameters)
    assert params == ["ts", "month", "as_of"]
