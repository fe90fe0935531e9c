"""Russian and Ukrainian period phrases resolve like the English ones (phrases written for the tests)."""

from __future__ import annotations

from datetime import date

import pytest

from attrition.lexicon import load_lexicon
from attrition.normalize.periods import find_periods, resolve

WAR = date(2022, 2, 24)


def spans(text: str, stmt: date, lang: str) -> list[tuple[str, date | None, date | None]]:
    phrases = find_periods(text, 0, len(text), stmt, load_lexicon(lang))
    return [(p.rule, *resolve(p, stmt)) for p in phrases if not p.kind.startswith("rate")]


@pytest.mark.parametrize(
    ("text", "stmt", "lang", "want"),
    [
        (
            "в ночь на 5 июня сбиты 20 дронов",
            date(2024, 6, 5),
            "ru",
            ("period.night_of", date(2024, 6, 5), date(2024, 6, 5)),
        ),
        ("в ночь с 4 на 5 июня", date(2024, 6, 6), "ru", ("period.night_of", date(2024, 6, 5), date(2024, 6, 5))),
        (
            "у ніч проти 8 вересня збито 40",
            date(2025, 9, 8),
            "uk",
            ("period.night_of", date(2025, 9, 8), date(2025, 9, 8)),
        ),
        (
            "с 4 июня противник потерял",
            date(2023, 7, 3),
            "ru",
            ("period.since_date", date(2023, 6, 4), date(2023, 7, 3)),
        ),
        (
            "з 1 травня ворог втратив",
            date(2024, 5, 20),
            "uk",
            ("period.since_date", date(2024, 5, 1), date(2024, 5, 20)),
        ),
        ("з 24.02.22 по 24.02.23 ворог втратив", date(2023, 2, 24), "uk", ("period.from_to", WAR, date(2023, 2, 24))),
        ("с 1 июня по 7 июня", date(2024, 6, 9), "ru", ("period.from_to", date(2024, 6, 1), date(2024, 6, 7))),
        ("станом на 01.06.24 ворог втратив", date(2024, 6, 1), "uk", ("period.as_of", None, date(2024, 6, 1))),
        ("по состоянию на 3 мая потери", date(2024, 5, 3), "ru", ("period.as_of", None, date(2024, 5, 3))),
        ("По его словам, на 10 мая, погибли 12", date(2024, 5, 20), "ru", ("period.as_of", None, date(2024, 5, 10))),
        ("у 2024 році втрати склали", date(2025, 2, 1), "uk", ("period.in_year", date(2024, 1, 1), date(2024, 12, 31))),
        (
            "на прошедших выходных погибли",
            date(2026, 3, 2),
            "ru",
            ("period.last_weekend", date(2026, 2, 28), date(2026, 3, 1)),
        ),
        (
            "на минулих вихідних загинули",
            date(2026, 3, 1),
            "uk",
            ("period.last_weekend", date(2026, 2, 28), date(2026, 3, 1)),
        ),
        (
            "протягом 18 вересня та вранці 19 вересня",
            date(2025, 9, 19),
            "uk",
            ("period.days_and", date(2025, 9, 18), date(2025, 9, 19)),
        ),
        ("в течение 3 и 4 мая", date(2025, 5, 5), "ru", ("period.days_and", date(2025, 5, 3), date(2025, 5, 4))),
        ("в 2023 году противник", date(2025, 2, 1), "ru", ("period.in_year", date(2023, 1, 1), date(2023, 12, 31))),
    ],
)
def test_dated_phrases(text: str, stmt: date, lang: str, want: tuple[str, date | None, date | None]) -> None:
    assert spans(text, stmt, lang)[0] == want


def test_a_bare_date_after_na_is_not_an_as_of_without_its_commas() -> None:
    # "на 10 мая назначен": a day something is set for, not a tally's day
    assert [r for r, *_ in spans("Обмен на 10 мая назначен.", date(2024, 5, 1), "ru")] != ["period.as_of"]


def test_a_night_after_the_statement_is_not_read() -> None:
    assert spans("в ночь на 20 июня", date(2024, 6, 5), "ru")[:1] != [
        ("period.night_of", date(2024, 6, 20), date(2024, 6, 20))
    ]
