"""Who speaks in Russian and Ukrainian copy (sentences written for the tests)."""

from __future__ import annotations

from datetime import date

import pytest

from attrition import extract
from attrition.lexicon import load_lexicon

DAY = date(2025, 3, 4)


def who(text: str, lang: str) -> list[tuple[float, str, str | None]]:
    return [(c.value, c.claimant, c.claimant_text) for c in extract(text, published=DAY, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang", "claimant", "claimant_text"),
    [
        # a title and an adverbial between the verb and the name; the title stays in claimant_text
        (
            "Над Курской областью сбиты 12 украинских беспилотников, сообщил на брифинге официальный "
            "представитель Минобороны России генерал-майор Игорь Конашенков.",
            "ru",
            "ru.mod",
            "официальный представитель Минобороны России генерал-майор Игорь Конашенков",
        ),
        # "по данным" names the source before it
        ("По данным ведомства Шойгу, за неделю уничтожено 40 танков ВСУ.", "ru", "ru.mod", "Шойгу"),
        # a verb of saying the old surface list lacked ("сообщает"/"повідомляє" were there, "оприлюднила" was not)
        (
            "Пресслужба бригади оприлюднила відео: бійці знищили три російські танки.",
            "uk",
            "ua.general_staff",
            "Пресслужба бригади",
        ),
        # "за словами" + a genitive title and a genitive name
        (
            "За словами голови Харківської ОВА Олега Синєгубова, загинули двоє людей.",
            "uk",
            "ua.local",
            "голови Харківської ОВА Олега Синєгубова",
        ),
        # a speaker after the figures, with a lower-case title before the name
        (
            "В Белгородской области ранены четыре человека, заявил губернатор региона Вячеслав Гладков.",
            "ru",
            "ru.local",
            "губернатор региона Вячеслав Гладков",
        ),
        # the UN mission "recorded": an inflected name (lemmas, not surface forms)
        (
            "Моніторингова місія ООН зафіксувала, що за місяць загинули 25 цивільних.",
            "uk",
            "intl",
            "Моніторингова місія ООН",
        ),
    ],
)
def test_speaker_and_its_text(text: str, lang: str, claimant: str, claimant_text: str) -> None:
    claims = who(text, lang)
    assert claims, text
    assert claims[0][1:] == (claimant, claimant_text)


def test_a_pronoun_points_back_at_the_person_named() -> None:
    text = (
        "Губернатор Курской области Александр Хинштейн рассказал об атаке дронов. "
        "По его данным, ранены три мирных жителя."
    )
    assert who(text, "ru") == [(3, "ru.local", "Губернатор Курской области Александр Хинштейн")]


def test_a_speaker_line_after_the_figures_gives_their_source() -> None:
    text = "Унаслідок обстрілів загинули троє людей.\n\nДжерело: голова Запорізької ОВА Іван Федоров"
    assert [c[1] for c in who(text, "uk")] == ["ua.local"]


def test_a_sentence_without_an_attributing_role_names_no_speaker() -> None:
    # the ministry is named, but as a topic: nobody is quoted
    text = "О работе Минобороны спорят давно; на фронте уничтожены 5 танков."
    assert [c[1] for c in who(text, "ru")] == ["media"]


def test_speech_verbs_are_lemmas_expanded_to_their_forms() -> None:
    forms = set(load_lexicon("uk").speech_forms)
    assert {"повідомив", "повідомили", "оприлюднила", "йдеться"} <= forms
    assert "повідомив" not in load_lexicon("en").speech_forms


def test_a_source_named_right_after_the_figures_beats_a_stale_speaker() -> None:
    text = (
        "Міноборони України оприлюднило огляд тижня.\n\nАвтор:\n\nРедакція\n\nДата:\n\nФото: архів\n\n"
        "За минулу добу ворог втратив 1200 військових.\n\nПро це повідомляє Генеральний штаб ЗСУ."
    )
    assert [c[1] for c in who(text, "uk")] == ["ua.general_staff"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # office names are lemma phrases: every case of "Генеральний штаб Збройних сил України"
        (
            "За минулу добу ворог втратив 900 військових, повідомили в Генеральному штабі Збройних сил України.",
            "ua.general_staff",
        ),
        ("За даними Повітряних сил України, над Сумщиною збито 20 дронів.", "ua.air_force"),
    ],
)
def test_inflected_office_names(text: str, claimant: str) -> None:
    assert [c[1] for c in who(text, "uk")] == [claimant]


def test_claimant_text_keeps_the_sources_own_quotes() -> None:
    text = "По данным «Медиазоны», на войне погибли 1500 российских офицеров."
    (claim,) = extract(text, lang="ru")
    assert claim.claimant == "analyst" and claim.claimant_text == "«Медиазоны»"
    assert claim.claimant_text in text and claim.sentence == text
    (uk,) = extract("За даними „Медіазони“, загинули 1500 російських офіцерів.", lang="uk")
    assert (uk.claimant, uk.claimant_text) == ("analyst", "Медіазони")  # the name inside the quotes
