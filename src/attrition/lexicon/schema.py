"""Schemas of the data files: a malformed lexicon fails loudly at load, not silently mid-run."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from attrition.models import CATEGORIES

_CATEGORY_SET = frozenset(CATEGORIES)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _nonempty_forms(forms: list[str]) -> list[str]:
    cleaned = [f.strip() for f in forms]
    if any(not f for f in cleaned):
        raise ValueError("empty form")
    return cleaned


class NumbersFile(_Strict):
    words: dict[str, int]
    scales: dict[str, int]


class QualifierEntry(_Strict):
    id: str
    qualifier: Literal["approx", "at_least", "at_most"]
    position: Literal["before", "after"] = "before"
    phrases: list[str] = Field(min_length=1)

    _forms = field_validator("phrases")(_nonempty_forms)


class QualifiersFile(_Strict):
    qualifier: list[QualifierEntry]


class CategoryTerm(_Strict):
    id: str
    category: list[str] = Field(min_length=1)
    event: Literal["killed", "wounded", "casualties", "pow"] | None = None
    forms: list[str] = Field(min_length=1)

    _forms = field_validator("forms")(_nonempty_forms)

    @field_validator("category")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = set(value) - _CATEGORY_SET
        if unknown:
            raise ValueError(f"unknown categories {sorted(unknown)}")
        return sorted(value)


class CategoriesFile(_Strict):
    term: list[CategoryTerm]


class SystemEntry(_Strict):
    name: str
    category: str
    forms: list[str] = Field(min_length=1)
    plural: bool = True

    _forms = field_validator("forms")(_nonempty_forms)

    @field_validator("category")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in _CATEGORY_SET:
            raise ValueError(f"unknown category {value!r}")
        return value


class SystemsFile(_Strict):
    system: list[SystemEntry]


class SideEntry(_Strict):
    id: str
    side: Literal["RU", "UA", "other"]
    names: list[str]
    adjectives: list[str]
    pejoratives: list[str]


class FormsTable(_Strict):
    forms: list[str] = Field(min_length=1)


class SidesFile(_Strict):
    side: list[SideEntry]
    enemy: FormsTable
    civilian_cues: FormsTable


class ActorEntry(_Strict):
    id: str
    side: Literal["RU", "UA", "other"]
    orgs: list[str]
    people: list[str]


class ActorsFile(_Strict):
    actor: list[ActorEntry]
    generic: dict[str, str]
    ambiguous: dict[str, dict[Literal["RU", "UA", "default"], str]]
    anaphora: FormsTable
    titles: FormsTable


class PlaceEntry(_Strict):
    name: str
    forms: list[str] = Field(min_length=1)
    side: Literal["RU", "UA"] | None = None
    kind: str = "place"


class PlacesFile(_Strict):
    place: list[PlaceEntry]


TriggerKind = Literal["loss", "kill", "wound", "mixed", "pow", "destroy", "intercept", "capture"]


class TriggerEntry(_Strict):
    id: str
    kind: TriggerKind
    side: Literal["loser", "agent", "owner"]
    position: Literal["left", "right", "both"]
    forms: list[str] = Field(min_length=1)

    _forms = field_validator("forms")(_nonempty_forms)


class BlockerEntry(_Strict):
    id: str
    forms: list[str] = Field(min_length=1)


class EventsFile(_Strict):
    trigger: list[TriggerEntry]
    blocker: list[BlockerEntry]


PeriodKind = Literal[
    "day",
    "since_war",
    "year_to_date",
    "month_to_date",
    "week_to_date",
    "last_month",
    "last_year",
    "last_week",
    "past_week",
    "same_period",
    "past_month",
    "past_year",
    "vague",
    "rate_day",
    "rate_month",
]


class PeriodEntry(_Strict):
    id: str
    kind: PeriodKind
    weak: bool = False
    forms: list[str] = Field(min_length=1)


class CampaignEntry(_Strict):
    id: str
    start: date
    cues: list[str] = Field(min_length=1)
    # "place": a figure tied to the place ("lost 50,000 in the Kursk region") counts from the start
    regional: bool = False


class PeriodsFile(_Strict):
    period: list[PeriodEntry]
    campaign: list[CampaignEntry]
    months: dict[str, int]
    weekdays: dict[str, int]


class FurnitureLine(_Strict):
    id: str
    pattern: str
    skip_after: int = 0


class FurnitureFile(_Strict):
    line: list[FurnitureLine]


class AbbreviationsFile(_Strict):
    abbreviations: list[str]
