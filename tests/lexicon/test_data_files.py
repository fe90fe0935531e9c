"""Every rule data file validates, and the tables hold no contradictions."""

import re
import tomllib
from importlib import resources

import pytest
from pydantic import ValidationError

from attrition.lexicon import load_lexicon
from attrition.lexicon.load import DATA_FILES, key
from attrition.lexicon.schema import CategoriesFile, SystemsFile
from attrition.models import CATEGORIES


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_data_file_validates(name):
    raw = resources.files("attrition.data").joinpath(name).read_text(encoding="utf-8")
    DATA_FILES[name].model_validate(tomllib.loads(raw))


def test_data_category_forms_do_not_conflict():
    raw = tomllib.loads(resources.files("attrition.data").joinpath("categories.toml").read_text("utf-8"))
    seen: dict[str, str] = {}
    for term in raw["term"]:
        for form in term["forms"]:
            k = key(form)
            assert seen.get(k, term["id"]) == term["id"], f"{form!r} is in {seen[k]} and {term['id']}"
            seen[k] = term["id"]


def test_data_every_category_has_a_noun():
    lex = load_lexicon()
    named = {c for info in lex.categories.values() for c in info.categories}
    assert named == set(CATEGORIES)


def test_data_systems_use_known_categories():
    lex = load_lexicon()
    assert {s.category for s in lex.systems.values()} <= set(CATEGORIES)


def test_data_schema_rejects_unknown_category():
    with pytest.raises(ValidationError):
        CategoriesFile.model_validate({"term": [{"id": "x", "category": ["spaceships"], "forms": ["x"]}]})
    with pytest.raises(ValidationError):
        SystemsFile.model_validate({"system": [{"name": "X", "category": "tanks", "forms": ["  "]}]})


def test_data_furniture_patterns_compile_and_have_ids():
    lex = load_lexicon()
    ids = [rule_id for rule_id, _, _ in lex.furniture]
    assert len(ids) == len(set(ids))
    assert all(isinstance(p, re.Pattern) for _, p, _ in lex.furniture)


@pytest.mark.parametrize(
    ("form", "claimant"),
    [
        ("Russian Defence Ministry", "ru.mod"),
        ("Belousov", "ru.mod"),
        ("Putin", "ru.gov"),
        ("General Staff of the Armed Forces of Ukraine", "ua.general_staff"),
        ("Zelenskyy", "ua.gov"),
        ("UK Defence Intelligence", "west.gov"),
        ("Institute for the Study of War", "analyst"),
        ("UN monitoring mission", "intl"),
        ("Gladkov", "ru.local"),
    ],
)
def test_data_actor_names(form, claimant):
    assert load_lexicon().actors[key(form)].actor == claimant


@pytest.mark.parametrize(
    ("variant", "name"),
    [("Kharkov", "Kharkiv"), ("Artemovsk", "Bakhmut"), ("Lisichansk", "Lysychansk"), ("Odessa", "Odesa")],
)
def test_data_place_spellings(variant, name):
    assert load_lexicon().places[key(variant)].name == name
