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


def test_an_adverbial_may_stand_between_the_speaker_and_the_verb() -> None:
    text = (
        "Минулого тижня президент України Володимир Зеленський уперше від початку повномасштабного "
        "вторгнення озвучив кількість загиблих українських військових — 43 тисячі."
    )
    (claim,) = extract(text, published=DAY, lang="uk")
    assert (claim.claimant, claim.claimant_text) == ("ua.gov", "президент України Володимир Зеленський")
    assert claim.subject == "UA"  # the side word inside the label before the number
    assert claim.period_start == date(2022, 2, 24)
    # a comma ends the run of adverbials: a name before it is no subject of the verb
    text = "Про Зеленського, як відомо, уперше озвучили кількість загиблих — 43 тисячі."
    assert [c[1] for c in who(text, "uk")] == ["media"]


def test_a_source_line_under_a_list_names_its_speaker() -> None:
    text = (
        "Втрати ворога на ранок 4 березня\n\nТанків – 10 020 (+3).\n\nГелікоптерів – 331.\n\n"
        "Артилерійських систем – 23 400 (+40).\n\nКораблів – 28.\n\nДані уточнюються.\n\n"
        "Інформацію оприлюднив Генштаб ЗСУ."
    )
    claims = who(text, "uk")
    assert len(claims) >= 6
    assert {c[1] for c in claims} == {"ua.general_staff"}
    # a line that gives figures of its own is no source line for the figures far above it
    text = (
        "Уночі загинули 4 людини.\n\nВдень поранені 5 людей.\n\nРаніше поранені 6 людей.\n\n"
        "Потім загинули 7 людей.\n\nПовітряні сили повідомили, що збито 20 дронів."
    )
    assert [c[1] for c in who(text, "uk")][0] == "media"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # Russian officials in Ukrainian spelling
        ("Пєсков заявив, що ЗСУ втратили 20 тисяч військових.", "ru.gov"),
        ("Бєлоусов заявив, що ЗСУ втратили 20 тисяч військових.", "ru.mod"),
        ("Російське Міноборони заявило, що над Брянщиною збили 15 дронів.", "ru.mod"),
        ("Губернатор Курської області Олександр Хінштейн повідомив, що поранені троє людей.", "ru.local"),
        ("Пушилін заявив, що в Донецьку загинули двоє людей.", "ru.proxy"),
        # western and international bodies
        ("У Пентагоні заявили, що Росія втратила 50 тисяч військових.", "west.gov"),
        ("Британська розвідка оцінила, що Росія втратила 50 тисяч військових.", "west.gov"),
        ("ЮНІСЕФ повідомив, що загинули 14 дітей.", "intl"),
        # Ukrainian national agencies and local bodies
        ("Унаслідок удару загинули четверо людей, повідомили в ДСНС.", "ua.gov"),
        ("Унаслідок удару загинули четверо людей, повідомила Одеська обласна військова адміністрація.", "ua.local"),
        ("Унаслідок удару загинули четверо людей, повідомив голова Одеської ОВА Олег Кіпер.", "ua.local"),
        ("Уночі ППО знешкодила 18 шахедів, інформує Повітряне командування «Південь».", "ua.air_force"),
        # verbs of saying the first list lacked
        ("Сили оборони знищили 30 окупантів, свідчать дані Генштабу.", "ua.general_staff"),
    ],
)
def test_ukrainian_speaker_lexicon(text: str, claimant: str) -> None:
    claims = who(text, "uk")
    assert claims, text
    assert claims[0][1] == claimant


def test_a_military_administration_counts_civilians() -> None:
    text = "Унаслідок обстрілу загинули двоє людей, повідомила Сумська обласна військова адміністрація."
    (claim,) = extract(text, published=DAY, lang="uk")
    assert (claim.category, claim.subject) == ("civilians", "UA")


def test_a_participle_inside_the_counted_phrase_governs_it() -> None:
    (claim,) = extract("Генштаб ЗСУ повідомив про 12 знищених російських танків.", published=DAY, lang="uk")
    assert (claim.event, claim.category, claim.value, claim.subject) == ("lost", "tanks", 12, "RU")
    (ru,) = extract("Минобороны сообщило о 40 уничтоженных украинских беспилотниках.", published=DAY, lang="ru")
    assert (ru.event, ru.category, ru.value) == ("intercepted", "uav", 40)
    assert extract("Генштаб ЗСУ повідомив про 12 російських танків.", published=DAY, lang="uk") == []
