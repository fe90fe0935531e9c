"""Numbers as Russian and Ukrainian texts write them (sentences and figures written for the tests)."""

from __future__ import annotations

import pytest

from attrition import extract
from attrition.extract.numbers import find_numbers
from attrition.lexicon import load_lexicon
from attrition.text.normalize import fold


def values(text: str, lang: str) -> list[tuple[float, float | None, str]]:
    return [(n.value, n.value_max, n.qualifier) for n in find_numbers(fold(text), load_lexicon(lang))]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Всего 1\u202f078\u00a0750 человек.", "ru", (1078750, None, "exact")),
        ("потери составили 1,6 тыс. военных", "ru", (1600, None, "exact")),
        ("около 1,7 млн человек", "ru", (1700000, None, "approx")),
        ("приблизно 418 тис. осіб", "uk", (418000, None, "approx")),
        ("загинули 55 тисяч військових", "uk", (55000, None, "exact")),
        ("до 400 военнослужащих", "ru", (400, None, "at_most")),
        ("более 370 боевиков", "ru", (370, None, "at_least")),
        ("свыше 20 танков", "ru", (20, None, "at_least")),
        ("понад 1400 окупантів", "uk", (1400, None, "at_least")),
        ("порядка 30 единиц техники", "ru", (30, None, "approx")),
        ("близько 90 дронів", "uk", (90, None, "approx")),
        ("двенадцать танков", "ru", (12, None, "exact")),
        ("пятнадцати беспилотников", "ru", (15, None, "exact")),
        ("шість танків", "uk", (6, None, "exact")),
        ("трьох поранених", "uk", (3, None, "exact")),
    ],
)
def test_one_number(text: str, lang: str, want: tuple[float, float | None, str]) -> None:
    assert values(text, lang)[0] == want


def test_the_multiplier_covers_both_ends_of_a_range() -> None:
    assert values("від 50-70 тисяч осіб", "uk")[0][:2] == (50000, 70000)
    assert values("около 160-165 тысяч погибших", "ru")[0][:2] == (160000, 165000)


def test_a_decimal_comma_is_english_thousands_only_in_english() -> None:
    assert values("1,600 troops", "en")[0][0] == 1600
    assert values("1,6 тыс.", "ru")[0][0] == 1600


def test_increments_in_a_bulletin_line() -> None:
    assert [v[0] for v in values("танків – 9 531 (+7)", "uk")] == [9531, 7]


@pytest.mark.parametrize(
    "text",
    ["122-мм гаубиц", "77-й бригады", "55-річна жінка", "в 2024 году", "второго Abrams"],
)
def test_not_counts(text: str) -> None:
    nums = values(text, "ru" if "бригады" in text or "году" in text or "гаубиц" in text or "второго" in text else "uk")
    assert all(v[0] not in (122, 77, 55, 2024, 2) for v in nums)


def test_a_russian_bulletin_sentence_becomes_claims() -> None:
    text = "Минобороны России сообщило, что за минувшие сутки средства ПВО сбили 14 беспилотников ВСУ."
    claims = extract(text, lang="ru")
    assert [(c.value, c.category, c.event, c.claimant) for c in claims] == [(14, "uav", "intercepted", "ru.mod")]
    assert claims[0].subject == "UA"


def test_a_ukrainian_general_staff_sentence_becomes_claims() -> None:
    text = "Генштаб ЗСУ повідомив, що за минулу добу Сили оборони знищили 12 російських танків."
    claims = extract(text, lang="uk")
    assert [(c.value, c.category, c.event, c.claimant, c.subject) for c in claims] == [
        (12, "tanks", "lost", "ua.general_staff", "RU")
    ]


def test_genitive_dates_are_not_counts_and_date_the_figure() -> None:
    from datetime import date

    text = "За минулу добу, 22 листопада, Сили оборони знищили 12 російських танків, повідомив Генштаб ЗСУ."
    claims = extract(text, published=date(2024, 11, 23), lang="uk")
    assert [(c.value, c.period_start, c.period_end) for c in claims] == [(12, date(2024, 11, 22), date(2024, 11, 22))]
    ru = extract("Минобороны России сообщило, что 5 октября средства ПВО сбили 14 беспилотников ВСУ.", lang="ru")
    assert [c.value for c in ru] == [14]


def test_a_range_of_four_digit_numbers_is_no_iso_date() -> None:
    assert values("близько 1000—1100 військових", "uk")[0][:2] == (1000, 1100)
    assert [v[0] for v in values("з 2023-05 по 2024-01", "uk")] == []


def test_the_launched_total_after_zi_is_not_a_loss() -> None:
    text = "Сили ППО знешкодили 61 зі 75 ударних дронів, повідомили Повітряні сили."
    assert [c.value for c in extract(text, lang="uk")] == [61]
    assert [c.value for c in extract("ПВО сбили 18 из 22 украинских беспилотников.", lang="ru")] == [18]


def test_an_increment_with_its_period_words_in_the_brackets() -> None:
    assert [v[0] for v in values("танки — 9000 (+6 за минулу добу);", "uk")] == [9000, 6]


def test_imperfective_verbs_report_losses_too() -> None:
    (claim,) = extract("Сили оборони щодня знищують близько 1200 російських окупантів.", lang="uk")
    assert (claim.value, claim.event, claim.rate) == (1200, "casualties", "per_day")
    (ru,) = extract("Российские войска ежедневно сбивают до 90 украинских дронов.", lang="ru")
    assert (ru.value, ru.event, ru.qualifier, ru.rate) == (90, "intercepted", "at_most", "per_day")


def test_one_person_named_by_age_is_a_count_of_one_and_a_list_of_ages_is_none() -> None:
    (claim,) = extract("Внаслідок обстрілу поранення дістав 63-річний чоловік, повідомив голова ОВА.", lang="uk")
    assert (claim.value, claim.category, claim.event) == (1, "civilians", "wounded")
    (ru,) = extract("При обстреле погибла 70-летняя женщина, сообщил губернатор.", lang="ru")
    assert (ru.value, ru.category, ru.event) == (1, "civilians", "killed")
    assert extract("Постраждали 41-річний і 58-річний чоловіки.", lang="uk") == []


def test_collective_numerals() -> None:
    assert values("семеро поранених", "uk")[0][0] == 7
    assert values("десятеро загиблих", "uk")[0][0] == 10
    assert values("шестерых раненых", "ru")[0][0] == 6


@pytest.mark.parametrize(
    ("text", "lang", "event"),
    [
        ("Внаслідок ранкового обстрілу Нікополя загинув чоловік, повідомив голова ОВА.", "uk", "killed"),
        ("Після атаки дрона на Запоріжжя поранено жінку, повідомив голова ОВА.", "uk", "wounded"),
        ("При обстреле Горловки погибла мирная жительница, сообщил глава города.", "ru", "killed"),
        ("Мужчина получил ранения при атаке беспилотника, сообщил губернатор.", "ru", "wounded"),
    ],
)
def test_one_person_without_a_numeral_is_a_count_of_one(text: str, lang: str, event: str) -> None:
    (claim,) = extract(text, lang=lang)
    assert (claim.value, claim.category, claim.event) == (1, "civilians", event)
    assert "numbers.one_victim" in claim.rules


def test_a_plural_verb_over_two_people_counts_no_one() -> None:
    assert extract("Унаслідок удару загинули чоловік і жінка, повідомив голова ОВА.", lang="uk") == []


def test_one_person_told_twice_is_one_claim_and_a_second_place_is_another_person() -> None:
    text = (
        "При обстреле Горловки погибла мирная жительница, сообщил глава города. "
        "Позже стало известно, что погибла женщина 1960 года рождения. "
        "При обстреле Макеевки погиб мужчина, сообщил глава города."
    )
    claims = extract(text, lang="ru")
    assert [(c.value, c.location) for c in claims] == [(1, "Horlivka"), (1, "Makiivka")]
