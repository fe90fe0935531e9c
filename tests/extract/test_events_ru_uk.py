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
