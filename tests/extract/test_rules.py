"""The rule registry: every documented rule fires on its examples; claims carry only registered ids."""

from __future__ import annotations

from datetime import date

import pytest

from attrition.extract.pipeline import extract
from attrition.extract.rules import code_rule, data_rule_ids, documented, is_registered
from attrition.lexicon import load_lexicon

DEFAULT_DAY = date(2024, 9, 15)


@pytest.mark.parametrize("rule", list(documented().values()), ids=lambda r: r.id)
def test_documented_rule_fires_on_its_examples(rule) -> None:
    day = date.fromisoformat(rule.published) if rule.published else DEFAULT_DAY
    for text in rule.examples:
        claims = extract(text, day)
        carried = [r for c in claims for r in c.rules]
        assert rule.id in carried, (text, [c.rules for c in claims])


def test_every_claim_carries_only_registered_rules() -> None:
    lex = load_lexicon()
    for rule in documented().values():
        for text in rule.examples:
            for claim in extract(text, DEFAULT_DAY):
                unknown = [r for r in claim.rules if not is_registered(r, lex)]
                assert not unknown, (text, unknown)


def test_an_undocumented_code_rule_is_refused() -> None:
    with pytest.raises(KeyError, match="not documented"):
        code_rule("side.made_up_for_this_test")
    assert code_rule("side.sibling") == "side.sibling"


def test_lexicon_ids_are_registered() -> None:
    lex = load_lexicon()
    ids = data_rule_ids(lex)
    assert {"trigger.lost", "category.tanks", "period.past_day", "side.lost_by", "claim.list_item"} <= ids
    assert is_registered("attribution.actor_verb+anaphor", lex)
    assert not is_registered("trigger.no_such_trigger", lex)


def test_passive_loss_by_names_the_loser() -> None:
    (claim,) = extract("Twelve tanks were reportedly lost by Russia near Avdiivka, the analysts said.", DEFAULT_DAY)
    assert (claim.value, claim.subject, claim.category) == (12, "RU", "tanks")
    assert "side.lost_by" in claim.rules


def test_passive_destruction_by_names_the_agent() -> None:
    (claim,) = extract("The ministry said 37 drones were shot down by Ukrainian air defences.", DEFAULT_DAY)
    assert (claim.value, claim.subject, claim.event) == (37, "RU", "intercepted")
    assert "side.destroyed_by" in claim.rules


def test_claims_carry_a_typed_period_decision() -> None:
    claims = extract("The Russian Defence Ministry said Ukraine lost 1,240 soldiers over the past day.", DEFAULT_DAY)
    assert claims[0].period_start == claims[0].period_end == DEFAULT_DAY
