"""The period decision: typed kinds, dated per statement, null where the text does not fix it."""

from __future__ import annotations

from datetime import date

from attrition.extract.pipeline import extract

SAT = date(2025, 10, 25)


def test_each_statement_is_dated_by_its_own_day() -> None:
    text = (
        "Russian air defences shot down 57 drones overnight, the Russian Defence Ministry said Saturday.\n\n"
        "The ministry said Friday that air defence systems had shot down 1,441 Ukrainian drones over the past week."
    )
    claims = {c.value: c for c in extract(text, SAT)}
    assert (claims[57].period_start, claims[57].period_end) == (SAT, SAT)
    assert (claims[1441].period_start, claims[1441].period_end) == (date(2025, 10, 18), date(2025, 10, 24))


def test_a_calendar_year_ends_on_the_statement_day() -> None:
    (claim,) = extract(
        "Russian forces took control of 205 settlements in 2025, the Russian Defence Ministry said.", date(2025, 9, 25)
    )
    assert (claim.period_start, claim.period_end) == (date(2025, 1, 1), date(2025, 9, 25))


def test_a_past_year_is_the_whole_year() -> None:
    (claim,) = extract(
        "Russian forces took control of 205 settlements in 2024, the Russian Defence Ministry said.", date(2025, 9, 25)
    )
    assert (claim.period_start, claim.period_end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_daily_reporters_event_count_is_of_its_statement_day() -> None:
    text = (
        "Russia attacked Ukraine with cruise missiles, the Ukrainian Air Force said on Saturday.\n\n"
        "The Air Force said that 13 Russian cruise missiles were shot down."
    )
    claims = {c.value: c for c in extract(text, date(2025, 10, 26))}
    assert (claims[13].period_start, claims[13].period_end) == (SAT, SAT)
    assert "period.daily_default" in claims[13].rules


def test_an_unmarked_count_by_an_occasional_speaker_stays_undated() -> None:
    (claim,) = extract("Ukrainian President Volodymyr Zelensky said 13 Russian jets were shot down.", SAT)
    assert (claim.period_start, claim.period_end) == (None, None)


def test_a_lowercase_may_is_not_a_month() -> None:
    (claim,) = extract("The Air Force said 18 Russian missiles were shot down, and 12 may have reached targets.", SAT)
    assert claim.value == 18
    assert claim.period_start == claim.period_end == SAT


def test_a_day_named_after_the_last_figure_dates_the_next_one() -> None:
    text = (
        "In total, Russia has lost 6,000 drones since the invasion, the General Staff said.\n\n"
        "On the night of October 24, Russian forces attacked Ukraine with 28 Shahed drones. "
        "Air defence forces destroyed 24 of them."
    )
    claims = {c.value: c for c in extract(text, SAT)}
    assert (claims[24].period_start, claims[24].period_end) == (date(2025, 10, 24), date(2025, 10, 24))
