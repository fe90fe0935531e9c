"""The event decision: which trigger governs a number, and which words keep it from being a loss."""

from __future__ import annotations

from datetime import date

from attrition.extract.pipeline import extract

DAY = date(2023, 2, 9)


def test_damaged_and_abandoned_equipment_is_lost() -> None:
    claims = extract("Oryx said 544 Russian tanks had been captured, 79 damaged and 65 abandoned.", DAY)
    assert sorted(c.value for c in claims if c.event == "lost" and c.category == "tanks") == [65, 79, 544]


def test_damaged_as_an_adjective_is_no_trigger() -> None:
    assert extract("A serviceman walks past a Russian Su-34 bomber lying in a damaged building in Kharkiv.", DAY) == []


def test_a_trigger_across_a_clause_does_not_govern() -> None:
    text = (
        "Russia started the war with around 3,000 operational tanks, so it is likely that Russia has lost half of them."
    )
    assert [c.value for c in extract(text, DAY)] == []


def test_evacuated_people_are_not_a_loss() -> None:
    text = "The shelling killed one civilian and wounded five others, prompting them to evacuate 3,000 people."
    assert sorted(c.value for c in extract(text, DAY)) == [1, 5]


def test_an_age_is_not_a_count() -> None:
    claims = extract("Mediazona said roughly 47,000 Russian men under the age of 50 have died in the war.", DAY)
    assert [c.value for c in claims] == [47000]


def test_a_noun_modifying_another_is_not_one() -> None:
    assert extract("The war has exacted a severe civilian toll as well, the UN said.", DAY) == []


def test_missiles_that_reached_their_targets_are_not_losses() -> None:
    text = "The Air Force said 13 Russian missiles were shot down, while four missiles reached their targets."
    assert [c.value for c in extract(text, DAY)] == [13]


def test_a_right_blocker_does_not_block_a_number_it_does_not_govern() -> None:
    text = "Air defences shot down 20 drones after 4 missiles hit their targets in Lviv, the Air Force said."
    assert [c.value for c in extract(text, DAY)] == [20]


def test_after_a_comma_the_next_verb_is_the_next_figures() -> None:
    from attrition.extract.pipeline import extract as run

    claims = run("Через обстріли загинули четверо людей, поранені ще дев'ятеро.", lang="uk")
    assert sorted((c.value, c.event) for c in claims) == [(4, "killed"), (9, "wounded")]


def test_drones_lost_to_jamming_were_intercepted() -> None:
    text = "Air defences shot down 110 drones, while 25 others were lost to electronic jamming, the air force said."
    claims = extract(text, date(2025, 6, 1))
    assert [(c.value, c.event, c.subject) for c in claims] == [(110, "intercepted", "RU"), (25, "intercepted", "RU")]
    assert "trigger.lost_to_jamming" in claims[1].rules
