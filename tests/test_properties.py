"""Properties: no text makes the extractor fail, and every claim is traceable to its text."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrition import extract
from attrition.extract.numbers import find_numbers

NEWSY = st.sampled_from(
    [
        "Ukraine lost ",
        "more than ",
        "up to ",
        "about ",
        "35,970 ",
        "2 560 ",
        "ten ",
        "(+4) ",
        " soldiers",
        " tanks",
        ", the Russian Defence Ministry said",
        " over the past 24 hours",
        " since February 24",
        ". ",
        "\n",
        "\u2014",
        "\u00a0",
        "Kharkov ",
        "General Staff: ",
        " a day",
        " including ",
        " HIMARS ",
        "\u0442\u0430\u043d\u043a\u0456\u0432 ",
        "\x00",
        "\x07",
        "\u200b",
        "\ufeff",
        "1.5 million ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(NEWSY, max_size=60).map("".join),
    st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=40).map("".join),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXTS, st.one_of(st.none(), st.dates(min_value=date(2022, 1, 1), max_value=date(2030, 12, 31))))
def test_properties_any_text_extracts_and_every_claim_is_traceable(text, published):
    for claim in extract(text, published=published):
        assert claim.sentence in text
        assert text[claim.sentence_span.start : claim.sentence_span.end] == claim.sentence
        assert claim.sentence_span.start <= claim.span.start < claim.span.end <= claim.sentence_span.end
        assert any(ch.isdigit() or ch.isalpha() for ch in text[claim.span.start : claim.span.end])
        assert claim.value >= 0


def test_properties_a_megabyte_of_digits():
    text = "1234567890 " * 100_000
    assert extract(text) == []


def test_properties_mixed_scripts_and_control_characters():
    text = (
        "\u0420\u043e\u0441\u0456\u044f \x01\x02 lost 12 tanks \u4e2d\u6587 \u202e, the Russian Defence Ministry said."
    )
    claims = extract(text)
    assert [c.value for c in claims] == [12]


@given(st.integers(min_value=0, max_value=10**9))
def test_properties_formatted_integers_parse_back(n):
    for rendered in (f"{n:,}", f"{n:,}".replace(",", " "), str(n)):
        text = f"lost {rendered} soldiers"
        nums = [m for m in find_numbers(text) if m.kind == "plain"]
        if 1900 <= n <= 2099 and "," not in rendered and " " not in rendered:
            continue  # a bare year-like number is read as a year
        assert nums and nums[0].value == n, rendered
