"""What a number counts: its noun, a label, a sibling, an antecedent."""

from __future__ import annotations

from datetime import date

from attrition.extract.pipeline import extract

DAY = date(2025, 8, 25)


def test_n_of_them_counts_the_noun_counted_before() -> None:
    text = "Russia launched 30 Shahed drones at Ukraine overnight. Air defence forces destroyed 24 of them."
    claims = [c for c in extract(text, DAY) if c.value == 24]
    assert [(c.category, c.event, c.subject) for c in claims] == [("uav", "intercepted", "RU")]
    assert "claim.of_them" in claims[0].rules


def test_n_of_the_named_system() -> None:
    claims = extract(
        "The air force said that 13 of the Kh-101 missiles and five of the Kalibr missiles were shot down.", DAY
    )
    assert sorted((c.value, c.category) for c in claims) == [(5, "missiles"), (13, "missiles")]


def test_number_first_list_lines_under_a_speaker_line() -> None:
    text = (
        "Russian Ministry of Defence:\n"
        "During the past night, air defences destroyed 21 Ukrainian drones:\n"
        "7 - over the territory of Smolensk region,\n"
        "6 - over the territory of Bryansk region,\n"
        "3 - over the territory of Oryol region.\n"
    )
    claims = extract(text, DAY)
    assert [(c.value, c.category, c.claimant) for c in claims] == [
        (21, "uav", "ru.mod"),
        (7, "uav", "ru.mod"),
        (6, "uav", "ru.mod"),
        (3, "uav", "ru.mod"),
    ]
    assert all(c.period_start == c.period_end == DAY for c in claims)


def test_a_headline_with_a_colon_is_not_a_list_line() -> None:
    claims = extract("Losses exposed: 35,000 troops, 1,500 tanks and 217 planes, Kyiv says", DAY)
    assert 217 not in [c.value for c in claims if c.category == "tanks"]


def test_n_each_over_a_list_of_places_is_one_claim_per_place() -> None:
    text = (
        "Nine drones were downed over the Tver region, and three each over the Belgorod, Kaluga and Voronezh"
        " regions, the Russian Defence Ministry said."
    )
    threes = [c for c in extract(text, DAY) if c.value == 3]
    assert len(threes) == 3
    assert {c.category for c in threes} == {"uav"}
    assert all("claim.each" in c.rules for c in threes)


def test_a_running_total_counts_the_same_deaths() -> None:
    text = "Another 970 Russian soldiers died in battle, which brought the total to around 146,820, Kyiv said."
    claims = {c.value: c for c in extract(text, DAY)}
    assert claims[146820].event == claims[970].event == "killed"


def test_the_possessed_noun_is_counted() -> None:
    (claim,) = extract("Seven more Russian forces' armoured personnel carriers were destroyed, the army said.", DAY)
    assert (claim.value, claim.category) == (7, "afv")


def test_a_loss_noun_after_its_modifier() -> None:
    (claim,) = extract("Oryx said it has verified 1,000 distinct Russian tank losses in the war.", DAY)
    assert (claim.value, claim.category, claim.event, claim.subject) == (1000, "tanks", "lost", "RU")


def test_a_casualty_rate_of_n_counts_casualties_per_day() -> None:
    (claim,) = extract(
        "December 2024 saw an average daily casualty rate of 1,570 for Russian forces, British intelligence said.",
        date(2025, 1, 7),
    )
    assert (claim.value, claim.event, claim.rate) == (1570, "casualties", "per_day")
    assert (claim.period_start, claim.period_end) == (date(2024, 12, 1), date(2024, 12, 31))


def test_a_rate_of_something_else_is_no_loss() -> None:
    assert extract("The inflation rate of 12 percent hurt Russia, British intelligence said.", date(2025, 1, 7)) == []


def test_people_hurt_by_shelling_are_civilians_and_police_are_personnel() -> None:
    from datetime import date

    day = date(2025, 5, 4)
    (hurt,) = extract("Внаслідок обстрілу поранення отримали шість людей, повідомив голова ОВА.", day, lang="uk")
    assert (hurt.value, hurt.category, hurt.event) == (6, "civilians", "wounded")
    (police,) = extract("При обстреле погибли четыре сотрудника полиции, сообщил губернатор.", day, lang="ru")
    assert (police.value, police.category) == (4, "personnel")


def test_artillery_systems_and_an_air_defence_system_in_a_ukrainian_list() -> None:
    from datetime import date

    claims = extract(
        "Минулої доби Сили оборони знищили 21 артсистему та один засіб ППО російських окупантів.",
        date(2025, 5, 4),
        lang="uk",
    )
    assert sorted((c.value, c.category) for c in claims) == [(1, "air_defense"), (21, "artillery")]


def test_people_and_kit_joined_by_and_are_two_counts() -> None:
    from datetime import date

    claims = extract(
        "Минулої доби армія РФ втратила 1 020 своїх військових і шість танків.", date(2025, 5, 4), lang="uk"
    )
    assert sorted((c.value, c.category) for c in claims) == [(6, "tanks"), (1020, "personnel")]


def test_of_the_whole_names_what_its_parts_count() -> None:
    claims = extract("Of the 75 drones launched overnight, 60 were destroyed, the Ukrainian Air Force said.", DAY)
    assert [(c.value, c.category, c.event) for c in claims] == [(60, "uav", "intercepted")]
    assert "category.of_the_whole" in claims[0].rules


def test_a_pair_of_part_and_whole_keeps_its_own_noun() -> None:
    claims = extract("The air force said it downed 58 of 76 drones and two of three missiles.", DAY)
    assert [(c.value, c.category) for c in claims] == [(58, "uav"), (2, "missiles")]


def test_recaptured_ground_is_captured() -> None:
    (claim,) = extract("Ukrainian forces have recaptured 400 square kilometres near Kursk, Syrskyi said.", DAY)
    assert (claim.value, claim.event, claim.category, claim.subject) == (400, "captured", "territory_km2", "RU")


def test_both_armies_in_one_phrase_are_subject_other() -> None:
    (claim,) = extract(
        "Nearly 500,000 Russian and Ukrainian troops have been killed or wounded, US officials said.", DAY
    )
    assert (claim.value, claim.subject, claim.event) == (500000, "other", "casualties")


def test_armour_including_tanks_counts_both() -> None:
    claims = {
        c.value: c
        for c in extract("Минобороны сообщило, что уничтожено 300 единиц бронетехники, в том числе 40 танков.", DAY)
    }
    assert (claims[300].category, claims[40].category) == ("afv+tanks", "tanks")
    assert "breakdown.covers_part" in claims[300].rules
    english = {
        c.value: c for c in extract("The ministry said Ukraine lost 30 armoured vehicles, including nine tanks.", DAY)
    }
    assert english[30].category == "afv+tanks"


def test_a_noun_right_after_the_number_is_what_it_counts() -> None:
    assert extract("Власти 12 областей сообщили о гибели военнослужащих.", DAY, lang="ru") == []
    (claim,) = extract("ООН зафіксувала понад 9 тисяч випадків загибелі цивільних осіб.", DAY, lang="uk")
    assert (claim.value, claim.category, claim.event) == (9000, "civilians", "killed")


def test_the_figure_stands_for_a_loss_noun_named_before_it() -> None:
    (claim,) = extract("The ministry updated its estimate of Russian casualties, saying the figure had passed 800,000.")
    assert (claim.value, claim.category, claim.event, claim.qualifier) == (
        800000,
        "personnel",
        "casualties",
        "at_least",
    )
    assert "claim.figure_anaphor" in claim.rules


def test_a_figure_of_n_is_no_anaphor() -> None:
    assert extract("The figure of 800,000 was revised by the ministry.") == []


def test_one_person_hurt_is_counted_and_an_age_is_no_count() -> None:
    claims = extract(
        "A Russian drone attack on Odesa killed a 10-year-old boy and injured seven people, officials said."
    )
    assert [(c.value, c.category, c.event, c.subject) for c in claims] == [
        (1, "civilians", "killed", "UA"),
        (7, "civilians", "wounded", "UA"),
    ]
    (claim,) = extract("A 45-year-old man was injured in Kharkiv, the governor said.")
    assert (claim.value, claim.event) == (1, "wounded")
    assert extract("The man said he had seen drones over the city.") == []
