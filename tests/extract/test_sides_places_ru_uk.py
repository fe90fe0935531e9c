"""Whose loss and where, in Russian and Ukrainian copy (sentences written for the tests)."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib import resources

import pytest

from attrition import extract
from attrition.lexicon.schema import PatternsFile

DAY = date(2025, 3, 4)


def read(text: str, lang: str) -> list[tuple[float, str, str, str | None]]:
    return [(c.value, c.subject, c.event, c.location) for c in extract(text, published=DAY, lang=lang)]


def _overlay(lang: str) -> PatternsFile:
    raw = resources.files("attrition.data").joinpath(lang).joinpath("patterns.toml").read_text(encoding="utf-8")
    return PatternsFile.model_validate({"pattern": [], **tomllib.loads(raw)})


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_each_language_side_role_gives_its_subject(lang: str) -> None:
    import re

    roles = _overlay(lang).side_role
    assert roles
    for entry in roles:
        rx = re.compile(entry.regex, re.IGNORECASE)
        for counter in entry.counterexamples:
            assert not rx.search(counter), (entry.id, counter)
        for ex in entry.examples:
            claims = extract(ex.text, published=DAY, lang=lang)
            assert claims, ex.text
            assert claims[0].subject == ex.subject, (entry.id, ex.text, claims[0].rules)
            if entry.role != "target":  # a target role keeps a side from being read: no id of its own
                assert entry.id in claims[0].rules, (entry.id, claims[0].rules)


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # an occupation head's civilians are his side's, though the map puts the town in Ukraine
        (
            "Глава ДНР Денис Пушилин сообщил, что в Донецке погибли два мирных жителя.",
            "ru",
            [(2, "RU", "killed", "Donetsk")],
        ),
        # a Ukrainian governor's civilians are Ukrainian
        (
            "Голова Харківської ОВА Олег Синєгубов повідомив, що на Харківщині поранено четверо людей.",
            "uk",
            [(4, "UA", "wounded", "Kharkiv")],
        ),
        # the agent of a strike: the other side bore the loss
        (
            "Через обстріли РФ у Сумах загинули двоє людей.",
            "uk",
            [(2, "UA", "killed", "Sumy")],
        ),
        # "the enemy lost": the claimant's enemy
        (
            "За даними Генштабу ЗСУ, за добу ворог втратив 1150 військових.",
            "uk",
            [(1150, "RU", "casualties", None)],
        ),
        # police are not civilians
        (
            "Глава региона сообщил, что при ударе ВСУ погибли пять сотрудников полиции.",
            "ru",
            [(5, "RU", "killed", None)],
        ),
    ],
)
def test_whose_loss(text: str, lang: str, want: list[tuple[float, str, str, str | None]]) -> None:
    assert read(text, lang) == want


def test_police_officers_are_personnel_not_civilians() -> None:
    text = "Глава региона сообщил, что при ударе ВСУ погибли пять сотрудников полиции."
    (claim,) = extract(text, published=DAY, lang="ru")
    assert claim.category == "personnel"


@pytest.mark.parametrize(
    ("text", "lang", "location"),
    [
        ("Над Белгородской областью сбиты 14 беспилотников, сообщило Минобороны России.", "ru", "Belgorod"),
        ("На Харківщині через обстріл загинули двоє людей, повідомив Олег Синєгубов.", "uk", "Kharkiv"),
        # a town named with its region: the town
        ("У Краматорську Донецької області загинули троє людей, повідомив Вадим Філашкін.", "uk", "Kramatorsk"),
        # a front sector
        ("На южнодонецком направлении уничтожено 9 танков ВСУ, сообщило Минобороны.", "ru", "South Donetsk"),
    ],
)
def test_places_in_the_ukrainian_romanization(text: str, lang: str, location: str) -> None:
    claims = extract(text, published=DAY, lang=lang)
    assert [c.location for c in claims] == [location]


def test_battlegroup_names_are_speakers_not_places() -> None:
    (claim,) = extract(
        "Подразделения группировки войск «Запад» уничтожили 4 танка ВСУ, сообщило Минобороны России.",
        published=DAY,
        lang="ru",
    )
    assert (claim.claimant, claim.subject, claim.location) == ("ru.mod", "UA", None)


def test_a_side_word_inside_an_office_name_is_no_side() -> None:
    from attrition.lexicon import load_lexicon
    from attrition.normalize.sides import side_mentions

    lex = load_lexicon("uk")
    office = "Дані оприлюднив Генштаб ЗСУ."
    assert [m.side for m in side_mentions(office, 0, len(office), lex)] == []
    army = "ЗСУ втратили два гелікоптери."
    assert [m.side for m in side_mentions(army, 0, len(army), lex)] == ["UA"]


def test_an_unnamed_governor_in_a_russian_region_counts_russian_civilians() -> None:
    (claim,) = extract("The governor said the strike killed 5 people in Belgorod on Monday.", published=DAY)
    assert claim.subject == "RU"
