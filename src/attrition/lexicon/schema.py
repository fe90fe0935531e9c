"""Schemas of the data files: a malformed lexicon fails loudly at load, not silently mid-run."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

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


class AnaphoraTable(_Strict):
    forms: list[str] = Field(min_length=1)
    # the forms among `forms` that name a group outside the two states ("the group"): they
    # point at the last such group named, speaking or not; the others at the last speaker
    institutions: list[str] = []
    institution_claimants: list[str] = []  # the claimants such a group can be
    # what an office word stands for when nothing before it was named ("..., the ministry
    # said" in a first sentence): resolved like an [ambiguous] name, by the document's side
    unnamed: dict[str, dict[Literal["RU", "UA", "default"], str]] = {}

    @model_validator(mode="after")
    def _subsets_of_forms(self) -> AnaphoraTable:
        forms = set(self.forms)
        stray = [f for f in [*self.institutions, *self.unnamed] if f not in forms]
        if stray:
            raise ValueError(f"anaphora not listed in forms: {stray}")
        return self


class SidesFile(_Strict):
    side: list[SideEntry]
    enemy: FormsTable
    civilian_cues: FormsTable


ReportKind = Literal["daily", "weekly", "cumulative"]


class ActorEntry(_Strict):
    id: str
    side: Literal["RU", "UA", "other"]
    orgs: list[str]
    people: list[str]
    # what the claimant publishes: "cumulative" tallies since the invasion, "daily" bulletins,
    # "weekly" summaries. A figure's period may follow the profile only when the text itself
    # marks it as a tally (a list line, a "(+N)" increment): the profile never dates a figure alone.
    reports: list[ReportKind] = []


class SpeakerEntry(_Strict):
    """A class of speakers named by head word and modifiers rather than listed by name."""

    id: str = Field(pattern=r"^speaker\.[a-z_]+$")
    claimant: str
    modifiers: list[str]
    heads: list[str] = Field(min_length=1)

    _forms = field_validator("heads")(_nonempty_forms)


class ActorsFile(_Strict):
    actor: list[ActorEntry]
    generic: dict[str, str]
    ambiguous: dict[str, dict[Literal["RU", "UA", "default"], str]]
    anaphora: AnaphoraTable
    titles: FormsTable
    speaker: list[SpeakerEntry] = []
    # verbs of saying beyond the English ones the attribution grammar knows (lemmas in data/ru
    # and data/uk: "сообщить" covers "сообщило", "сообщили", "сообщив")
    speech: FormsTable | None = None

    @model_validator(mode="after")
    def _speakers_known(self) -> ActorsFile:
        ids = {a.id for a in self.actor}
        for sp in self.speaker:
            if sp.claimant not in ids:
                raise ValueError(f"{sp.id}: unknown claimant {sp.claimant!r}")
        return self


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
    reach: Literal["clause", "adjacent"] = "clause"
    forms: list[str] = Field(min_length=1)

    _forms = field_validator("forms")(_nonempty_forms)


class BlockerEntry(_Strict):
    id: str
    forms: list[str] = Field(min_length=1)
    # "left": before the number ("launched 40 drones"); "right": the verb the number is the
    # subject of ("12 missiles reached their targets")
    position: Literal["left", "right"] = "left"


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
    "last_weekend",
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


def _compiles(regex: str, ignore_case: bool) -> None:
    try:
        re.compile(regex, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        raise ValueError(f"bad regex: {exc}") from exc


class PatternEntry(_Strict):
    id: str = Field(pattern=r"^[a-z]+\.[a-z_]+$")
    doc: str = Field(min_length=1)
    regex: str
    ignore_case: bool = True
    apply: Literal["match", "search"] = "search"
    examples: list[str] = Field(min_length=1)
    counterexamples: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _valid_regex(self) -> PatternEntry:
        _compiles(self.regex, self.ignore_case)
        return self


class SideExample(_Strict):
    text: str = Field(min_length=1)
    subject: Literal["RU", "UA", "other"]


class SideRoleEntry(_Strict):
    id: str = Field(pattern=r"^side\.[a-z_]+$")
    where: Literal["after_phrase", "before_side", "after_side"]
    role: Literal["owner", "loser", "agent", "target"]
    regex: str
    doc: str = Field(min_length=1)
    mention_roles: list[Literal["name", "adjective", "pejorative", "enemy"]] = []
    examples: list[SideExample] = Field(min_length=1)
    counterexamples: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _anchored(self) -> SideRoleEntry:
        _compiles(self.regex, True)
        anchor_ok = self.regex.endswith("$") if self.where == "before_side" else self.regex.startswith("^")
        if not anchor_ok:
            raise ValueError(f"{self.id}: a {self.where} pattern must be anchored at the side word")
        return self


class PatternsFile(_Strict):
    pattern: list[PatternEntry]
    side_role: list[SideRoleEntry]

    @model_validator(mode="after")
    def _unique(self) -> PatternsFile:
        ids = [p.id for p in self.pattern] + [r.id for r in self.side_role]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate pattern ids: {dupes}")
        return self
