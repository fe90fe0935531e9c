"""Places in one spelling; whose loss it is, from the claimant's point of view."""

from datetime import date

import pytest

from attrition import extract
from attrition.lexicon import load_lexicon
from attrition.normalize.places import place_mentions


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("fighting near Kharkov and Artemovsk", ["Kharkiv", "Bakhmut"]),
        ("in the southern Donetsk sector", ["South Donetsk"]),
        ("in the Donetsk People's Republic", []),
        ("the city of Lisichansk", ["Lysychansk"]),
    ],
)
def test_places_canonical_names(text, names):
    assert [p.name for p in place_mentions(text, 0, len(text), load_lexicon())] == names


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Ukraine lost 500 soldiers, the Russian Defence Ministry said.", "UA"),
        ("The enemy lost up to 650 soldiers, the Russian Defence Ministry said.", "UA"),
        ("The enemy lost 900 soldiers, Ukraine's General Staff said.", "RU"),
        ("Ukrainian forces destroyed 12 Russian tanks, the General Staff of Ukraine said.", "RU"),
        ("Russian forces destroyed 21 aircraft, Defence Minister Sergei Shoigu said.", "UA"),
        ("Russian air defences shot down 38 drones, the Russian Defence Ministry said.", "UA"),
        ("Kiev has lost more than 2,700 pieces of heavy weaponry, Belousov said.", "UA"),
        ("Moscow said it lost 1,351 soldiers since the invasion began.", "RU"),
        ("British Defence Intelligence said more than 6,000 North Korean troops were killed or wounded.", "other"),
        ("Ukraine's air force said it had downed 18 of 22 drones launched by Russia.", "RU"),
        ("Zelensky said his army was losing up to 100 soldiers a day.", "UA"),
    ],
)
def test_sides_subject(sentence, subject):
    claims = extract(sentence)
    assert claims, sentence
    assert claims[0].subject == subject


def test_sides_civilians_by_place():
    claims = extract("Explosions in the Russian city of Belgorod killed three people overnight.")
    assert [(c.subject, c.category, c.value) for c in claims] == [("RU", "civilians", 3)]


def test_sides_unattributed_enemy_bulletin():
    text = (
        "The total combat losses of the enemy from 24.02.2022 to 11.11.2024 are approximately: "
        "personnel - about 710,660 (+1,850) persons, tanks - 9,250 (+12)."
    )
    claims = extract(text, published=date(2024, 11, 11))
    assert [(c.subject, c.category, c.value) for c in claims] == [
        ("RU", "personnel", 710660),
        ("RU", "personnel", 1850),
        ("RU", "tanks", 9250),
        ("RU", "tanks", 12),
    ]
    assert claims[0].qualifier == "approx"
    assert (claims[0].period_start, claims[0].period_end) == (date(2022, 2, 24), date(2024, 11, 11))


@pytest.mark.parametrize(
    ("sentence", "location"),
    [
        ("The Russian Defence Ministry said Kiev has lost 2,000 soldiers in the past week.", None),
        ("Kyiv says Russia has lost 500 tanks since the invasion began.", None),
        ("Russian troops near Kyiv lost 20 tanks in March 2022, the General Staff said.", "Kyiv"),
        ("Twelve civilians were killed in the Kyiv region on Monday, officials said.", "Kyiv"),
    ],
)
def test_a_capital_standing_for_its_government_is_not_a_location(sentence, location):
    """'Kiev has lost' names Ukraine (the loser), not where the losses were; 'near Kyiv' is a place."""
    (claim,) = extract(sentence, date(2024, 7, 8))
    assert claim.location == location
