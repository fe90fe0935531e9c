"""What happened, in Russian and Ukrainian: releases are no losses (sentences written for the tests)."""

from __future__ import annotations

import pytest

from attrition import extract


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Стороны договорились об обмене 300 военнопленных, сообщили в Минобороны России.", "ru"),
        ("В числе освобожденных — десять мирных жителей Белгородской области.", "ru"),
        ("Минобороны России сообщило, что из плена освобождены 90 военнослужащих.", "ru"),
        ("У межах обміну з полону повернулися 120 захисників, повідомив Зеленський.", "uk"),
        ("Серед звільнених — 12 цивільних, повідомили в Координаційному штабі.", "uk"),
    ],
)
def test_a_prisoner_exchange_is_no_loss(text: str, lang: str) -> None:
    assert extract(text, lang=lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "value", "subject"),
    [
        ("Сили оборони взяли в полон 15 окупантів, повідомив Генштаб.", "uk", 15, "RU"),
        ("За неделю в плен сдались 18 украинских военных, сообщил Сальдо.", "ru", 18, "UA"),
    ],
)
def test_a_capture_is_still_a_pow_claim(text: str, lang: str, value: int, subject: str) -> None:
    (claim,) = extract(text, lang=lang)
    assert (claim.value, claim.event, claim.subject) == (value, "pow", subject)


def test_the_released_form_is_a_blocker_though_its_verb_captures_ground() -> None:
    (claim,) = extract("Российские войска освободили 5 населенных пунктов, сообщили в Минобороны.", lang="ru")
    assert (claim.value, claim.event, claim.category) == (5, "captured", "settlements")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Двоє бійців 47-ї бригади взяли в полон шістьох російських окупантів.", "uk"),
        ("Three Ukrainian soldiers captured six Russian troops near Bakhmut.", "en"),
    ],
)
def test_the_number_before_an_active_verb_with_an_object_is_the_agent(text: str, lang: str) -> None:
    (claim,) = extract(text, lang=lang)
    assert (claim.value, claim.event, claim.subject) == (6, "pow", "RU")


def test_a_number_after_the_verb_and_a_conjunction_or_a_preposition_is_no_object() -> None:
    claims = extract("Five people were killed and 12 injured in the strike on Kharkiv.", lang="en")
    assert [(c.value, c.event) for c in claims] == [(5, "killed"), (12, "wounded")]
    (one,) = extract("The mayor said three people were killed in a strike on Kharkiv.", lang="en")
    assert (one.value, one.event) == (3, "killed")
    (uk,) = extract("Четверо людей загинули під час 2 атак дронів на Харків.", lang="uk")
    assert (uk.value, uk.event) == (4, "killed")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Місія ООН зафіксувала 9 400 випадків загибелі цивільних, у тому числі 520 дітей.", "uk"),
        ("Миссия ООН зафиксировала 9 400 случаев гибели мирных жителей, в том числе 520 детей.", "ru"),
        ("The UN mission has recorded 9,400 civilian deaths, including 520 children.", "en"),
    ],
)
def test_a_part_after_including_shares_the_event_its_whole_names(text: str, lang: str) -> None:
    whole, part = extract(text, lang=lang)
    assert (whole.value, whole.event) == (9400, "killed")
    assert (part.value, part.event, part.category) == (520, "killed", "civilians")
    if lang != "ru":  # Russian "гибели" is a verb-like trigger of its own
        assert "trigger.included_part" in part.rules
    assert part.part_of == 0
