"""Period phrases resolve to ISO spans against the statement date."""

from datetime import date

import pytest

from attrition.lexicon import load_lexicon
from attrition.normalize.periods import find_periods, resolve, resolve_weekday


def span(text: str, stmt: date) -> tuple[date | None, date | None]:
    lex = load_lexicon()
    phrases = [p for p in find_periods(text, 0, len(text), stmt, lex) if not p.kind.startswith("rate")]
    strong = [p for p in phrases if not p.weak] or phrases
    return resolve(strong[0], stmt)


FRIDAY = date(2024, 5, 31)


@pytest.mark.parametrize(
    ("text", "stmt", "expected"),
    [
        ("lost 650 soldiers in the past 24 hours", FRIDAY, (FRIDAY, FRIDAY)),
        ("lost 480 servicemen over the day", FRIDAY, (FRIDAY, FRIDAY)),
        ("lost 35,000 troops this month", FRIDAY, (date(2024, 5, 1), FRIDAY)),
        ("lost 35,000 troops in May", date(2024, 6, 10), (date(2024, 5, 1), date(2024, 5, 31))),
        ("lost troops in December", date(2024, 6, 10), (date(2023, 12, 1), date(2023, 12, 31))),
        ("880 km2 so far this year", FRIDAY, (date(2024, 1, 1), FRIDAY)),
        ("since the invasion began", FRIDAY, (date(2022, 2, 24), FRIDAY)),
        ("since February 24", date(2024, 3, 1), (date(2022, 2, 24), date(2024, 3, 1))),
        ("since Feb. 24 last year", date(2023, 9, 22), (date(2022, 2, 24), date(2023, 9, 22))),
        ("since June 4", date(2023, 7, 11), (date(2023, 6, 4), date(2023, 7, 11))),
        ("4,000 troops last year", date(2025, 6, 17), (date(2024, 1, 1), date(2024, 12, 31))),
        ("from February 1 to July 31, 2022", date(2022, 9, 27), (date(2022, 2, 1), date(2022, 7, 31))),
        ("On July 3, explosions killed four", date(2022, 7, 3), (date(2022, 7, 3), date(2022, 7, 3))),
        (
            "since the beginning of hostilities in the Kursk Region",
            date(2024, 10, 13),
            (date(2024, 8, 6), date(2024, 10, 13)),
        ),
        ("as of August 8, Russia had lost", date(2025, 8, 8), (None, date(2025, 8, 8))),
        ("in 2023 they lost", date(2024, 5, 1), (date(2023, 1, 1), date(2023, 12, 31))),
        ("lost 1,100 soldiers this week", date(2024, 11, 10), (date(2024, 11, 4), date(2024, 11, 10))),
        ("since February 2022", date(2024, 11, 10), (date(2022, 2, 24), date(2024, 11, 10))),
        ("since June 2023", date(2024, 11, 10), (date(2023, 6, 1), date(2024, 11, 10))),
        ("over the past two months", date(2024, 7, 12), (date(2024, 5, 14), date(2024, 7, 12))),
        ("in the last 3 days", date(2024, 7, 12), (date(2024, 7, 10), date(2024, 7, 12))),
        ("over the past year", date(2024, 7, 12), (date(2023, 7, 14), date(2024, 7, 12))),
        ("in the past year and a half", date(2023, 8, 21), (None, None)),
    ],
)
def test_periods_resolve(text, stmt, expected):
    assert span(text, stmt) == expected


def test_periods_weekday_is_the_last_such_day():
    lex = load_lexicon()
    assert resolve_weekday("Thursday", FRIDAY, lex) == date(2024, 5, 30)
    assert resolve_weekday("Friday", FRIDAY, lex) == FRIDAY
    # a weekday one day after the publication date is the publication day (time zones)
    assert resolve_weekday("Tuesday", date(2023, 6, 5), lex) == date(2023, 6, 5)


def test_periods_since_phrase_wins_over_month_inside_it():
    text = "since Russian troops crossed the border in February 2022"
    assert span(text, date(2023, 8, 21)) == (date(2022, 2, 24), date(2023, 8, 21))


def test_periods_rate_phrases_are_not_periods():
    lex = load_lexicon()
    kinds = {p.kind for p in find_periods("losing 100 soldiers a day", 0, 26, FRIDAY, lex)}
    assert kinds == {"rate_day"}
