"""Numbers as articles write them, and what is not a quantity."""

import pytest

from attrition.extract.numbers import find_numbers
from attrition.text.normalize import fold


def quantities(text: str) -> list[tuple[float, float | None, str, str]]:
    text = fold(text)
    return [(n.value, n.value_max, n.qualifier, n.kind) for n in find_numbers(text) if n.kind != "article"]


@pytest.mark.parametrize(
    ("text", "value", "value_max", "qualifier"),
    [
        ("lost 35,970 soldiers", 35970, None, "exact"),
        ("lost 2 560 vehicles", 2560, None, "exact"),
        ("lost 122\u00a0883 servicemen", 122883, None, "exact"),
        ("lost 1095 units", 1095, None, "exact"),
        ("shot down ten ATACMS", 10, None, "exact"),
        ("destroyed twenty-five tanks", 25, None, "exact"),
        ("a dozen drones", 12, None, "exact"),
        ("1.5 million shells", 1_500_000, None, "exact"),
        ("over a million soldiers", 1_000_000, None, "at_least"),
        ("30 thousand troops", 30000, None, "exact"),
        ("lost 35K troops", 35000, None, "exact"),
        ("lost 2.5k soldiers", 2500, None, "exact"),
        ("more than 35,000 troops", 35000, None, "at_least"),
        ("at least 10 Su-34s", 10, None, "at_least"),
        ("in excess of 400 men", 400, None, "at_least"),
        ("up to 650 soldiers", 650, None, "at_most"),
        ("nearly 15,000 civilian casualties", 15000, None, "at_most"),
        ("as many as 3,736 tanks", 3736, None, "at_most"),
        ("about 35,970 invaders", 35970, None, "approx"),
        ("some 880 square kilometers", 880, None, "approx"),
        ("an estimated 20,000 lives", 20000, None, "approx"),
        ("roughly 5,000 servicemen", 5000, None, "approx"),
        ("60 to 100 soldiers", 60, 100, "range"),
        ("60-100 soldiers", 60, 100, "range"),
        ("between 2,500 and 3,000 troops", 2500, 3000, "range"),
        ("from 189 000 to 273 000 dead", 189000, 273000, "range"),
    ],
)
def test_numbers_value_and_qualifier(text, value, value_max, qualifier):
    got = quantities(text)
    assert got[0][:3] == (value, value_max, qualifier)


def test_numbers_increment_is_its_own_mention():
    got = quantities("other vehicles - 2,618 (+4) units")
    assert got == [(2618, None, "exact", "plain"), (4, None, "exact", "increment")]


def test_numbers_of_total_marks_the_launched_count():
    got = quantities("downed 18 of 22 drones")
    assert got == [(18, None, "exact", "plain"), (22, None, "exact", "of_total")]


@pytest.mark.parametrize(
    "text",
    [
        "in 2022 the war began",
        "on February 24 the war began",
        "since 24 February",
        "at 08:56PM",
        "on 05.06.2023",
        "2023-06-05T22:04+0000",
        "95 percent of Luhansk",
        "27% of the dead",
        "$1.1 billion in aid",
        "about 25 miles north",
        "nearly 10km away",
        "a 155 mm Krab",
        "three Su-34 jets",  # only "three" is a number, not "34"
        "the 14th Guards regiment",
        "hundreds of lives",
        "dozens of buildings",
        "a three-to-one ratio",
        "30.1 C",
    ],
)
def test_numbers_not_quantities(text):
    values = [v for v, *_ in quantities(text)]
    if text == "three Su-34 jets":
        assert values == [3]
    else:
        assert values == []


def test_numbers_range_needs_plausible_ends():
    # "up 710 to 444,370" is an increment and a total, not a range
    got = quantities("personnel up 710 to 444,370 people")
    assert [g[0] for g in got] == [710, 444370]
    assert all(g[1] is None for g in got)
