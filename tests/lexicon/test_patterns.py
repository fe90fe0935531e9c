"""Every phrase pattern of data/patterns.toml matches its examples and none of its counterexamples."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from attrition.extract.pipeline import extract
from attrition.lexicon import load_lexicon
from attrition.lexicon.schema import PatternsFile

RAW = tomllib.loads(resources.files("attrition.data").joinpath("patterns.toml").read_text(encoding="utf-8"))
PATTERNS = PatternsFile.model_validate(RAW)


@pytest.mark.parametrize("entry", PATTERNS.pattern, ids=lambda e: e.id)
def test_pattern_matches_examples_not_counterexamples(entry) -> None:
    rx = re.compile(entry.regex, re.IGNORECASE if entry.ignore_case else 0)
    apply = rx.match if entry.apply == "match" else rx.search
    for text in entry.examples:
        assert apply(text), f"{entry.id} should match {text!r}"
    for text in entry.counterexamples:
        assert not apply(text), f"{entry.id} should not match {text!r}"


@pytest.mark.parametrize("entry", PATTERNS.side_role, ids=lambda e: e.id)
def test_side_role_gives_its_subject(entry) -> None:
    rx = re.compile(entry.regex, re.IGNORECASE)
    for counter in entry.counterexamples:
        assert not rx.search(counter), f"{entry.id} should not match {counter!r}"
    for ex in entry.examples:
        claims = extract(ex.text)
        assert claims, f"no claim in {ex.text!r}"
        assert claims[0].subject == ex.subject, (entry.id, ex.text, claims[0].rules)
        if entry.role != "target":
            assert entry.id in claims[0].rules, (entry.id, claims[0].rules)


def test_loaded_patterns_are_the_data() -> None:
    lex = load_lexicon()
    assert set(lex.patterns) == {p.id for p in PATTERNS.pattern}
    assert [r.id for r in lex.side_roles] == [r.id for r in PATTERNS.side_role]


def test_side_role_patterns_must_be_anchored_at_the_side_word() -> None:
    bad = {**RAW["side_role"][0], "regex": "of the"}
    with pytest.raises(ValueError, match="anchored"):
        PatternsFile.model_validate({"pattern": RAW["pattern"], "side_role": [bad]})


def test_duplicate_pattern_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        PatternsFile.model_validate({"pattern": RAW["pattern"] * 2, "side_role": RAW["side_role"]})


def test_a_broken_regex_is_refused() -> None:
    bad = {**RAW["pattern"][0], "regex": "(unclosed"}
    with pytest.raises(ValueError, match="bad regex"):
        PatternsFile.model_validate({"pattern": [bad], "side_role": RAW["side_role"]})
