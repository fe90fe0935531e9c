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
