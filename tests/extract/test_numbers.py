"""Numbers as articles write them, and what is not a quantity."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- numbers written in words ------------------------------------------------------------------

_UNIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEEN_WORDS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TEN_WORDS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int, british: bool, hyphen: bool) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_UNIT_WORDS[hundreds], "hundred"]
        if rest and british:
            words.append("and")
    if rest >= 20:
        tens, unit = divmod(rest, 10)
        if unit:
            words += [f"{_TEN_WORDS[tens]}-{_UNIT_WORDS[unit]}"] if hyphen else [_TEN_WORDS[tens], _UNIT_WORDS[unit]]
        else:
            words.append(_TEN_WORDS[tens])
    elif rest >= 10:
        words.append(_TEEN_WORDS[rest - 10])
    elif rest:
        words.append(_UNIT_WORDS[rest])
    return words


def spell(n: int, british: bool = True, hyphen: bool = True) -> str:
    """English words for 1 <= n < 10**9, the way a reporter would write them."""
    words: list[str] = []
    for scale, name in ((1_000_000, "million"), (1000, "thousand"), (1, "")):
        part, n = divmod(n, scale)
        if part:
            words += _below_thousand(part, british, hyphen) + ([name] if name else [])
            if name and british and 0 < n < 100:
                words.append("and")  # "one thousand and five"
    return " ".join(words)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("destroyed one hundred and twenty tanks", 120),
        ("destroyed one hundred twenty tanks", 120),
        ("shot down a hundred and fifty drones", 150),
        ("lost two thousand five hundred soldiers", 2500),
        ("lost twenty-five hundred soldiers", 2500),
        ("fired one million two hundred thousand shells", 1_200_000),
        ("killed one thousand and five civilians", 1005),
        ("Seventy Three tanks were hit", 73),
    ],
)
def test_numbers_in_words_are_read_whole(text, value):
    got = quantities(text)
    assert got[0][0] == value
    assert len(got) == 1  # no stray "20" or "100" from inside the phrase


def test_numbers_in_words_span_the_whole_phrase():
    text = "They destroyed one hundred and twenty tanks."
    (n,) = [n for n in find_numbers(text) if n.kind != "article"]
    assert text[n.start : n.end] == "one hundred and twenty"
    assert "numbers.word" in n.rules


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("one, two or three drones", [1, 2, 3]),
        ("twenty and thirty tanks", [20, 30]),
        ("two dozen guns and one hundred tanks", [24, 100]),
    ],
)
def test_numbers_in_words_separate_numbers_stay_separate(text, values):
    assert [v for v, *_ in quantities(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "several hundred troops",
        "thousands of soldiers",
        "hundreds of drones",
        "a twenty five year old soldier",
        "for twenty five years",
        "three hundred kilometres away",
    ],
)
def test_numbers_in_words_vague_or_units_are_not_counts(text):
    assert quantities(text) == []


def test_numbers_in_words_keep_their_qualifier():
    assert quantities("more than one hundred and twenty tanks")[0][:3] == (120, None, "at_least")


@given(
    n=st.integers(min_value=1, max_value=999_999_999),
    british=st.booleans(),
    hyphen=st.booleans(),
)
@settings(max_examples=300, deadline=None)
def test_numbers_in_words_property_up_to_hundreds_of_millions(n, british, hyphen):
    words = spell(n, british, hyphen)
    text = f"Officials said {words} soldiers were lost."
    got = [m for m in find_numbers(text) if m.kind != "article"]
    assert [m.value for m in got] == [n]
    assert text[got[0].start : got[0].end] == words


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("lost half a million soldiers", 500_000, "exact"),
        ("lost nearly half a million soldiers", 500_000, "at_most"),
        ("lost a half million soldiers", 500_000, "exact"),
        ("lost a quarter of a million soldiers", 250_000, "exact"),
        ("lost three quarters of a million shells", 750_000, "exact"),
        ("lost one and a half thousand troops", 1500, "exact"),
        ("lost two and a half million shells", 2_500_000, "exact"),
        ("lost 3 and a half thousand troops", 3500, "exact"),
        ("shot down half a dozen drones", 6, "exact"),
    ],
)
def test_numbers_fractions_of_a_scale_are_read_whole(text, value, qualifier):
    """'half a million' is 500,000, never the 'a million' inside it."""
    assert [q[:3] for q in quantities(text)] == [(value, None, qualifier)]


@given(n=st.integers(min_value=1, max_value=99), scale=st.sampled_from(["thousand", "million"]), hyphen=st.booleans())
@settings(max_examples=100, deadline=None)
def test_numbers_fractions_property(n, scale, hyphen):
    words = spell(n, british=False, hyphen=hyphen)
    text = f"Officials said {words} and a half {scale} soldiers were lost."
    got = [m for m in find_numbers(text) if m.kind != "article"]
    assert [m.value for m in got] == [int((n + 0.5) * {"thousand": 1000, "million": 1_000_000}[scale])]
