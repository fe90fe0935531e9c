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


def test_a_bulletin_names_its_day_once_and_every_past_day_phrase_keeps_it() -> None:
    text = (
        "За минулу добу, 2 жовтня, російська армія втратила 1 200 військових, повідомив Генштаб ЗСУ.\n\n"
        "Так, минулої доби Сили оборони знищили вісім російських танків."
    )
    claims = {c.value: c for c in extract(text, date(2024, 10, 3), lang="uk")}
    day = date(2024, 10, 2)
    assert (claims[1200].period_start, claims[1200].period_end) == (day, day)
    assert (claims[8].period_start, claims[8].period_end) == (day, day)
    assert "period.bulletin_day" in claims[8].rules


def test_without_a_named_day_the_past_day_is_the_statement_day() -> None:
    (claim,) = extract("Минулої доби Сили оборони знищили вісім російських танків.", date(2024, 10, 3), lang="uk")
    assert (claim.period_start, claim.period_end) == (date(2024, 10, 3), date(2024, 10, 3))


def test_an_as_of_toll_runs_from_the_start_of_the_war() -> None:
    (claim,) = extract(
        "По данным министерства, на 20 марта, погибли 900 российских военных.", date(2022, 4, 1), lang="ru"
    )
    assert (claim.period_start, claim.period_end) == (date(2022, 2, 24), date(2022, 3, 20))


def test_a_night_is_dated_by_the_morning_it_ended() -> None:
    (claim,) = extract(
        "У ніч проти 3 березня сили ППО знешкодили 40 російських дронів, повідомили Повітряні сили.",
        date(2025, 3, 3),
        lang="uk",
    )
    assert (claim.value, claim.period_start, claim.period_end) == (40, date(2025, 3, 3), date(2025, 3, 3))


MON = date(2024, 7, 8)


def _one(sentence: str, published: date = MON):
    (claim,) = extract(sentence, published)
    return claim


def test_a_daily_figure_on_a_named_day_is_that_day() -> None:
    """'On 3 July, the General Staff said' dates a daily figure, never the war so far."""
    claim = _one("On 3 July, the General Staff said Russia had lost 640 soldiers.")
    assert (claim.period_start, claim.period_end) == (date(2024, 7, 3), date(2024, 7, 3))


def test_a_named_day_dates_the_statement_of_a_relative_period() -> None:
    """The day that opens the sentence is the day the staff spoke: 'over the past day' is that day,
    'since the invasion' ends on it (not on the publication date)."""
    past_day = _one("On July 3, Ukraine's General Staff said Russian forces lost 640 troops over the past day.")
    assert (past_day.period_start, past_day.period_end) == (date(2024, 7, 3), date(2024, 7, 3))
    total = _one("On 3 July, the General Staff said Russia had lost 55,000 soldiers since the invasion began.")
    assert (total.period_start, total.period_end) == (date(2022, 2, 24), date(2024, 7, 3))


def test_over_the_weekend_is_not_the_war_so_far() -> None:
    """Which weekend the text does not fix: the period stays null, never 2022-02-24..today."""
    for sentence in (
        "Ukraine's General Staff said Russia lost 1,100 soldiers over the weekend.",
        "Over the weekend, Russia lost 1,100 soldiers, Ukraine's General Staff said.",
    ):
        claim = _one(sentence)
        assert (claim.period_start, claim.period_end) == (None, None), sentence
        assert "period.weekend" in claim.rules


def test_a_figure_being_neared_is_not_exact() -> None:
    for sentence in (
        "Russian losses neared 100,000 soldiers, Ukraine's General Staff said.",
        "Russian losses are approaching 500,000 troops, the General Staff said.",
    ):
        assert _one(sentence).qualifier == "at_most", sentence


def test_the_first_months_of_a_year() -> None:
    (claim,) = extract(
        "At least 1,200 civilians were killed in the first six months of 2024, the UN monitoring mission said.", SAT
    )
    assert (claim.period_start, claim.period_end) == (date(2024, 1, 1), date(2024, 6, 30))


def test_a_bulletins_increments_are_of_the_day_it_named() -> None:
    text = (
        "За минулу добу, 2 травня, російська армія втратила ще 1100 солдатів.\n"
        "- танки — 9000 (+6 за минулу добу);\n"
        "- артилерійські системи — 19 000 (+30);\n"
        "Про це йдеться у звіті Генерального штабу ЗСУ."
    )
    claims = {c.value: c for c in extract(text, date(2025, 5, 3), lang="uk")}
    day = date(2025, 5, 2)
    assert (claims[6].period_start, claims[6].period_end) == (day, day)
    assert (claims[30].period_start, claims[30].period_end) == (day, day)
    assert (claims[9000].period_start, claims[9000].period_end) == (date(2022, 2, 24), date(2025, 5, 3))
    assert {c.claimant for c in claims.values()} == {"ua.general_staff"}


def test_a_month_before_the_verb_of_saying_dates_the_statement_not_the_figure() -> None:
    text = "Zelensky last spoke of Ukrainian losses in February, when he said that 45,100 troops had been killed."
    (claim,) = extract(text, date(2025, 6, 12))
    assert (claim.period_start, claim.period_end) == (None, None)
    assert "period.statement_time" in claim.rules
    # after the figure, the month is the figure's own
    (claim,) = extract("Russia lost 20,000 troops in February, Zelensky said.", date(2025, 6, 12))
    assert (claim.period_start, claim.period_end) == (date(2025, 2, 1), date(2025, 2, 28))


def test_earlier_this_year_fixes_no_period() -> None:
    text = "Earlier this year, the Russian General Staff claimed that Ukrainian losses had topped one million."
    (claim,) = extract(text, date(2025, 6, 12))
    assert (claim.period_start, claim.period_end) == (None, None)


def test_a_day_inside_a_since_clause_starts_the_span() -> None:
    text = "Russia has suffered 1,000,000 casualties since it launched the invasion on February 24 2022, the UK said."
    (claim,) = extract(text, date(2025, 6, 12))
    assert (claim.period_start, claim.period_end) == (date(2022, 2, 24), date(2025, 6, 12))


def test_another_n_is_a_daily_reporters_day_and_the_total_keeps_its_span() -> None:
    day = date(2023, 2, 24)
    text = "The General Staff said another 970 Russian soldiers were killed, bringing the total to 146,820."
    claims = {c.value: c for c in extract(text, day)}
    assert (claims[970].period_start, claims[970].period_end) == (day, day)
    assert "period.another_day" in claims[970].rules
    assert (claims[146820].period_start, claims[146820].period_end) == (date(2022, 2, 24), day)
    # an unattributed "another N" is nobody's daily report: the total's words are not its period
    text = "Another 970 Russian soldiers died, which brought the total to 146,820."
    claims = {c.value: c for c in extract(text, day)}
    assert (claims[970].period_start, claims[970].period_end) == (None, None)


def test_in_a_single_day_is_the_day_named_else_the_statement_day() -> None:
    day = date(2024, 12, 20)
    (claim,) = extract("On 19 December, Russian forces suffered 2,200 losses in a single day, Kyiv said.", day)
    assert (claim.period_start, claim.period_end) == (date(2024, 12, 19), date(2024, 12, 19))
    (claim,) = extract("Russian troops lost over 400 soldiers near Bakhmut in a single day, Kyiv said.", day)
    assert (claim.period_start, claim.period_end) == (day, day)


def test_a_campaign_not_yet_begun_does_not_start_a_tally() -> None:
    (claim,) = extract(
        "Russian losses in the Kursk region amount to 38,000 troops, the General Staff said.", date(2024, 6, 1)
    )
    assert claim.period_start is not None and claim.period_start <= claim.period_end


def test_increments_of_a_total_as_of_a_day_are_that_days() -> None:
    text = (
        "Ukraine's General Staff reported the following Russian losses as of 12 March: "
        "personnel about 430,000 (+1,100), tanks 6,900 (+12)."
    )
    claims = {c.value: c for c in extract(text, date(2024, 3, 13))}
    assert (claims[1100].period_start, claims[1100].period_end) == (date(2024, 3, 12), date(2024, 3, 12))
    assert claims[430000].period_end == date(2024, 3, 12)


def test_since_the_invasion_runs_from_the_war_start() -> None:
    (claim, *_) = extract("According to the UN, 10,000 civilians have died since the invasion.", date(2024, 6, 1))
    assert (claim.period_start, claim.period_end) == (date(2022, 2, 24), date(2024, 6, 1))


def test_a_headlines_past_day_is_the_day_the_bulletin_names_below() -> None:
    text = (
        "Втрати ворога за минулу добу: 1 310 окупантів\n\n"
        "За минулу добу, 2 березня, Сили оборони ліквідували 1 310 окупантів і знищили 11 танків, "
        "повідомив Генштаб ЗСУ."
    )
    claims = extract(text, date(2025, 3, 3), lang="uk")
    day = date(2025, 3, 2)
    assert claims and all((c.period_start, c.period_end) == (day, day) for c in claims)


def test_years_of_the_war_run_from_its_start() -> None:
    text = "За словами Зеленського, за три роки повномасштабної війни загинули 46 тисяч українських військових."
    (claim,) = extract(text, date(2025, 2, 16), lang="uk")
    assert (claim.period_start, claim.period_end) == (date(2022, 2, 24), date(2025, 2, 16))
