"""Speakers: listed names, and speakers classified by their head word and modifiers."""

from __future__ import annotations

from datetime import date

import pytest

from attrition.extract.pipeline import extract

DAY = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "claimant", "rule"),
    [
        ("Two senior Dutch officials said Russia had lost 120,000 soldiers.", "west.gov", "speaker.state_office"),
        ("Estonian military intelligence said Russia loses 1,000 soldiers a day.", "west.gov", "speaker.state_office"),
        ("A human rights mission said 12 civilians were killed in Kharkiv.", "intl", "speaker.mission"),
        (
            "The volunteer project said it had counted 1,200 Russian soldiers killed.",
            "analyst",
            "speaker.counting_group",
        ),
        (
            "Britain's Ministry of Defence said Russia had lost about 1,500 troops a day.",
            "west.gov",
            "speaker.state_office",
        ),
        (
            "The Kremlin-installed official said 15 people had been killed in the Ukrainian strike on Donetsk.",
            "ru.proxy",
            "speaker.installed_official",
        ),
        (
            "Kyiv's city military administration said 20 drones were destroyed over the capital.",
            "ua.local",
            "speaker.military_administration",
        ),
    ],
)
def test_unlisted_speakers_are_classified_by_head_word(text: str, claimant: str, rule: str) -> None:
    (claim,) = extract(text, DAY)
    assert claim.claimant == claimant
    assert rule in claim.rules


def test_a_listed_name_wins_over_a_composed_one() -> None:
    (claim,) = extract("The Russian Defence Ministry said Ukraine lost 1,240 soldiers over the past day.", DAY)
    assert claim.claimant == "ru.mod"
    assert not any(r.startswith("speaker.") for r in claim.rules)


def test_a_state_word_alone_is_not_a_speaker() -> None:
    (claim,) = extract("British tanks were not involved, but Russia has lost 3,000 tanks, the analysts said.", DAY)
    assert claim.claimant == "analyst"


def test_a_country_speaks_through_the_office_last_named() -> None:
    text = (
        "Ukraine's Ministry of Defence said Russia had lost 3,363 tanks. "
        "Ukraine also confirmed the destruction of three Russian air defence systems."
    )
    claims = {c.value: c for c in extract(text, DAY)}
    assert claims[3].claimant == claims[3363].claimant == "ua.mod"
    assert "attribution.actor_verb+generic" in claims[3].rules


def test_he_points_at_the_person_last_named_even_when_not_speaking() -> None:
    text = (
        "The Russian Defence Ministry said Ukraine lost 1,000 soldiers. "
        "Ukrainian President Volodymyr Zelensky last spoke of losses in February. "
        "Then he said 45,100 Ukrainian soldiers had been killed."
    )
    claims = {c.value: c for c in extract(text, DAY)}
    assert claims[45100].claimant == "ua.gov"


def test_a_ukrainian_speech_verb_before_a_preposition_and_the_speaker() -> None:
    text = "Росія вже втратила близько 23 800 своїх вояк і 1 048 танків, повідомили у Генштабі."
    claims = extract(text, DAY, lang="uk")
    assert claims and {c.claimant for c in claims} == {"ua.general_staff"}


def test_many_listed_and_composed_names_in_one_sentence_stay_linear() -> None:
    from attrition.extract.attribution import actor_mentions
    from attrition.lexicon import load_lexicon

    lex = load_lexicon()
    unit = "U.S. officials said, according to the General Staff, British officials reported, "
    text = unit * 400
    mentions = actor_mentions(text, 0, len(text), lex)
    assert len(mentions) >= 1200  # every name found once, none swallowed by another


def test_the_group_points_at_the_counting_group_last_named_speaking_or_not() -> None:
    text = (
        "Oryx, a Dutch open-source project, has been counting photographed wrecks since 2022. "
        "The Russian Defence Ministry did not comment. "
        "The group said it has verified 1,000 Russian tank losses."
    )
    (claim,) = extract(text, DAY)
    assert claim.claimant == "analyst"
    assert "attribution.actor_verb+anaphor" in claim.rules


def test_the_ministry_does_not_point_at_a_counting_group() -> None:
    text = (
        "Oryx has been counting photographed wrecks since 2022, the Russian Defence Ministry said in a statement. "
        "The ministry said 40 Ukrainian tanks were destroyed."
    )
    (claim,) = extract(text, DAY)
    assert claim.claimant == "ru.mod"


def test_a_speaker_named_after_the_figures_claims_them() -> None:
    text = (
        "Russian forces lost about 1,100 soldiers and 12 tanks over the past day.\n\n"
        "This was reported by the General Staff of the Armed Forces of Ukraine."
    )
    claims = extract(text, DAY)
    assert {c.claimant for c in claims} == {"ua.general_staff"}
    assert all("attribution.lookahead" in c.rules for c in claims)


def test_reported_in_the_office_is_the_ukrainian_calque_of_reported_by() -> None:
    text = "Russian forces lost about 1,100 soldiers over the past day. This was reported in the General Staff."
    (claim,) = extract(text, DAY)
    assert claim.claimant == "ua.general_staff"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Russian air defences downed 25 Ukrainian drones overnight, the ministry said.", "ru.mod"),
        ("Ukrainian forces destroyed 14 Russian artillery systems on Tuesday, the military said.", "ua.general_staff"),
    ],
)
def test_an_office_word_with_nothing_named_before_is_the_documents_office(text: str, claimant: str) -> None:
    (claim,) = extract(text, DAY)
    assert claim.claimant == claimant


def test_an_apposition_between_the_speaker_and_its_verb() -> None:
    (claim,) = extract(
        "Mediazona, an independent Russian outlet, has confirmed the names of 50,000 Russian soldiers killed.", DAY
    )
    assert claim.claimant == "analyst"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Russia has suffered more than 700,000 casualties, a Pentagon spokesman told reporters.", "west.gov"),
        ("Mayor Ihor Terekhov said three people were killed in a strike on Kharkiv.", "ua.local"),
    ],
)
def test_a_role_or_a_name_between_the_office_and_its_verb(text: str, claimant: str) -> None:
    (claim,) = extract(text, DAY)
    assert claim.claimant == claimant


def test_according_to_an_analysis_of_data() -> None:
    (claim,) = extract(
        "Russian troops captured 190 square kilometres last week, according to an analysis of ISW data.", DAY
    )
    assert claim.claimant == "analyst"


def test_a_quoted_block_is_its_authors_whatever_it_cites() -> None:
    text = (
        "The UK Defence Ministry wrote:\n"
        "- Russian forces sustained 429,000 casualties in 2024, according to Ukrainian General Staff reporting.\n"
        "- December saw 48,000 casualties reported by the Ukrainian General Staff.\n"
        "Separately, Ukraine's General Staff said Russia lost 1,200 troops over the past day.\n"
    )
    claims = extract(text, DAY)
    assert [(c.value, c.claimant) for c in claims] == [
        (429000, "west.gov"),
        (48000, "west.gov"),
        (1200, "ua.general_staff"),
    ]
    assert "attribution.quoted_block" in claims[0].rules


def test_a_quoted_block_ends_at_the_first_line_that_does_not_continue_it() -> None:
    text = "The ministry said:\n- 12 tanks were destroyed.\nAnalysts at Oryx have counted 3,000 Russian tanks lost.\n"
    claims = extract(text, DAY)
    assert claims[-1].value == 3000 and claims[-1].claimant == "analyst"
    assert "attribution.quoted_block" not in claims[-1].rules


def test_a_country_governed_by_a_preposition_does_not_speak() -> None:
    (claim,) = extract(
        "A statement on military operations in Ukraine stated that the Russian army took control of three villages.",
        DAY,
    )
    assert claim.claimant != "ua.general_staff"
    assert claim.claimant_text is None or "Ukraine" not in claim.claimant_text


def test_he_is_the_person_named_earlier_in_the_same_sentence() -> None:
    text = (
        "This is the cost Putin is inflicting on his own people.\n"
        "Zelensky last spoke of the losses in February, when he said that 45,100 troops had been killed."
    )
    (claim,) = extract(text, DAY)
    assert claim.claimant == "ua.gov"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The US estimates that Ukraine has suffered up to 70,000 deaths.", "west.gov"),
        ("According to the Ukrainian side, Russian troops lost over 400 soldiers near Bakhmut.", "ua.general_staff"),
        ("Russia's Investigative Committee said five civilians were killed in Belgorod.", "ru.gov"),
    ],
)
def test_states_and_their_sides_speak(text: str, claimant: str) -> None:
    (claim,) = extract(text, DAY)
    assert claim.claimant == claimant


def test_each_figure_of_a_list_takes_the_place_its_words_lead_to() -> None:
    claims = extract(
        "The air force said it had downed 22 drones: nine over Kyiv, seven over Odesa and six over Dnipro.", DAY
    )
    assert [(c.value, c.location) for c in claims if c.value < 22] == [(9, "Kyiv"), (7, "Odesa"), (6, "Dnipro")]


def test_bloggers_are_counted_as_analysts() -> None:
    (claim, *_) = extract("Two Leopard tanks were lost in the assault, Russian bloggers claimed.", DAY)
    assert claim.claimant == "analyst"
