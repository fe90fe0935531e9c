"""Places: a capital standing for its government is not where a figure holds."""

from __future__ import annotations

from datetime import date

import pytest

from attrition.extract.pipeline import extract
from attrition.lexicon import load_lexicon
from attrition.normalize.places import place_mentions


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kyiv has lost 40 tanks", []),
        ("Kiev says it downed 20 drones", []),
        ("Kyiv's losses rose", []),
        ("20 drones were downed over Kyiv overnight", ["Kyiv"]),
        ("strikes on Kyiv, Odesa and Kharkiv", ["Kyiv", "Odesa", "Kharkiv"]),
    ],
)
def test_a_capital_is_a_place_unless_it_speaks_or_owns(text: str, names: list[str]) -> None:
    lex = load_lexicon()
    assert [p.name for p in place_mentions(text, 0, len(text), lex)] == names


def test_kiev_has_lost_is_no_location() -> None:
    (claim,) = extract("Kiev has lost 40 tanks in the past week, the Russian Defence Ministry said.", date(2024, 6, 1))
    assert claim.location is None
