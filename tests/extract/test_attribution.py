"""Who claims it: attributions in the sentence, carried over, resolved from anaphors."""

from datetime import date

import pytest

from attrition import extract


@pytest.mark.parametrize(
    ("text", "claimant", "claimant_text"),
    [
        ("Ukraine lost 500 soldiers, the Russian Defence Ministry said.", "ru.mod", "the Russian Defence Ministry"),
        (
            "According to the General Staff of Ukraine, Russia lost 1,080 troops over the past day.",
            "ua.general_staff",
            "the General Staff of Ukraine",
        ),
        (
            "Defense Minister Andrey Belousov said Ukraine lost 35,000 troops in May.",
            "ru.mod",
            "Defense Minister Andrey Belousov",
        ),
        ("Ukraine lost 120 soldiers, said Russian official Konashenkov.", "ru.mod", None),
        ("UK intelligence noted that Russia lost 1,262 people killed and wounded in May.", "west.gov", None),
        ("As per Kyiv's tally, the Russians have lost as many as 3,736 tanks.", "ua.general_staff", None),
        ("The UN monitoring mission has documented almost 15,000 civilian casualties.", "intl", None),
        ("Explosions in Belgorod killed three people overnight.", "media", None),
    ],
)
def test_attribution_in_sentence(text, claimant, claimant_text):
    claim = extract(text, published=date(2024, 5, 31))[0]
    assert claim.claimant == claimant
    if claimant_text:
        assert claim.claimant_text == claimant_text


def test_attribution_speaker_is_not_the_loser():
    # "says Kiev lost": Moscow speaks, Kiev is the loser
    claim = extract("Moscow says Kiev lost up to 1,755 troops in one day")[0]
    assert (claim.claimant, claim.subject) == ("ru.mod", "UA")


def test_attribution_carried_and_anaphors():
    text = (
        "Ukraine lost up to 650 soldiers in the past 24 hours, the Russian Defence Ministry said on Wednesday.\n"
        "Ukraine also lost up to 610 soldiers near Battlegroup Yug, the ministry added.\n"
        "These include four US-made Abrams tanks."
    )
    claims = extract(text, published=date(2024, 7, 17))
    assert [c.claimant for c in claims] == ["ru.mod", "ru.mod", "ru.mod"]
    assert "attribution.actor_verb+anaphor" in claims[1].rules
    assert "attribution.carried" in claims[2].rules


def test_attribution_expires_on_a_new_topic():
    text = (
        "Ukraine lost 500 soldiers, the Russian Defence Ministry said.\n"
        "The weather was cold. Trains ran late. Shops were closed. Schools opened. Bridges were repaired.\n"
        "Explosions in Belgorod killed three people overnight."
    )
    assert extract(text)[-1].claimant == "media"


def test_attribution_headline_suffix():
    claim = extract("Ukraine lost over 35,000 troops in May - Moscow", published=date(2024, 5, 31))[0]
    assert claim.claimant == "ru.mod"
