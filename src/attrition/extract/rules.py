"""The rule registry: every rule id a claim can carry, in one place.

Ids come from two kinds of source. Data rules are entries of the lexicon files
(`trigger.lost`, `category.tanks`, `period.past_day`, `side.lost_by`, ...): their ids are the
entries'. Code rules are the deciders' own steps (`side.sibling`, `period.carried`), and each
is documented in `data/rules.toml` with the sentence that shows it. A decider names a code rule
through `code_rule`, which refuses an undocumented id at import time, so a claim can only ever
carry an id that a reader can look up.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from attrition.lexicon import Lexicon

T = TypeVar("T")
Decider = Literal["numbers", "what", "event", "who", "whose", "when", "where", "breakdown"]


class RuleDoc(BaseModel):
    """One documented code rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z]+\.[a-z_]+(?:\+anaphor|\+generic)?$")
    decider: Decider
    doc: str = Field(min_length=1)
    examples: list[str] = Field(min_length=1)
    published: str | None = None  # ISO date the examples are read on


class RulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    rule: list[RuleDoc]


@cache
def documented() -> dict[str, RuleDoc]:
    """The code rules of `data/rules.toml`, by id."""
    raw = resources.files("attrition.data").joinpath("rules.toml").read_text(encoding="utf-8")
    parsed = RulesFile.model_validate(tomllib.loads(raw))
    out: dict[str, RuleDoc] = {}
    for r in parsed.rule:
        if r.id in out:
            raise ValueError(f"attrition/data/rules.toml: {r.id} documented twice")
        out[r.id] = r
    return out


def code_rule(rule_id: str) -> str:
    """`rule_id`, after checking that `data/rules.toml` documents it (KeyError otherwise)."""
    if rule_id not in documented():
        raise KeyError(f"rule {rule_id!r} is not documented in attrition/data/rules.toml")
    return rule_id


def data_rule_ids(lex: Lexicon) -> set[str]:
    """Rule ids that come from lexicon entries."""
    ids = {f"trigger.{t.id}" for t in lex.triggers.values()}
    ids |= {f"category.{c.id}" for c in lex.categories.values()}
    ids |= {f"period.{p.id}" for p in lex.periods.values()}
    ids |= {f"system.{s.name}" for s in lex.systems.values()}
    ids |= {f"qualifier.{qid}" for _, qid in (*lex.qualifiers_before.values(), *lex.qualifiers_after.values())}
    ids |= set(lex.patterns) | {r.id for r in lex.side_roles} | {sp[0] for sp in lex.speakers}
    return ids


def is_registered(rule_id: str, lex: Lexicon) -> bool:
    """Whether a claim may carry `rule_id`."""
    base = rule_id.removesuffix("+anaphor").removesuffix("+generic")
    return rule_id in documented() or base in documented() or base in data_rule_ids(lex)


def first(steps: Iterable[Callable[[], T | None]]) -> T | None:
    """The answer of the first step that has one: a decider's ordered rules, tried in turn."""
    for step in steps:
        answer = step()
        if answer is not None:
            return answer
    return None
