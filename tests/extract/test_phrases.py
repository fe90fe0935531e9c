"""What a number counts: noun phrases, named systems, labels."""

import pytest

from attrition.extract.phrases import category_before, noun_phrase_after
from attrition.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("text", "categories", "model"),
    [
        ("4 US-made Abrams tanks", ("tanks",), "Abrams"),
        ("7 Leopards", ("tanks",), "Leopard"),
        ("12 Bradleys", ("afv",), "Bradley"),
        ("290 tanks and armored combat vehicles", ("afv", "tanks"), None),
        ("1244 tanks and other armored vehicles", ("afv", "tanks"), None),
        ("730 field artillery guns and multiple launch rocket systems", ("artillery", "mlrs"), None),
        ("250 HIMARS and Vampire rockets", ("rockets",), None),
        ("176 HIMARS rockets", ("rockets",), "HIMARS"),
        ("9 HIMARS", ("mlrs",), "HIMARS"),
        ("1 155 mm Krab self-propelled artillery unit", ("artillery",), "Krab"),
        ("2,618 (+4) other vehicles and tanker trucks", ("vehicles",), None),
        ("654 operational and tactical level UAVs", ("uav",), None),
        ("18,416 vehicles and fuel tanks", ("vehicles",), None),
        ("1,080 Russian invaders", ("personnel",), None),
        ("880 square kilometers", ("territory_km2",), None),
        ("2,700 pieces of heavy weaponry", ("heavy_weapons",), None),
        ("3 Sukhoi Su-34 fighter-bombers", ("aircraft",), "Su-34"),
        ("1,048 танків", ("tanks",), None),
    ],
)
def test_phrases_noun_phrase_after(text, categories, model):
    lex = load_lexicon()
    end = text.index(" ")
    np = noun_phrase_after(text, end, lex)
    assert np.category() == categories
    assert np.model == model


def test_phrases_stop_before_next_clause():
    lex = load_lexicon()
    text = "1,500 people and 28 tanks"
    np = noun_phrase_after(text, 5, lex, limit=text.index("28"))
    assert np.category() == ("personnel",)


def test_phrases_unknown_noun_is_not_a_category():
    lex = load_lexicon()
    assert not noun_phrase_after("10 Ukrainian brigades", 2, lex).found
    assert not noun_phrase_after("50 buildings", 2, lex).found


def test_phrases_label_before_a_list_value():
    lex = load_lexicon()
    text = "artillery systems - 13,437 (+64) units;"
    np = category_before(text, 0, text.index("13"), lex)
    assert np.category() == ("artillery",)
    assert "category.label_before" in np.rules
