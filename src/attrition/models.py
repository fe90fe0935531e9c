"""The typed records that flow through Attrition.

A `Claim` is one number someone asserts about a loss. It carries, besides the fields of the
exchange format (`../shared/eval/FORMAT.md`, mirrored in `docs/format.md`), the evidence that
makes it checkable: the character span of the number in the document text, the span of its
sentence, and the ids of the rules that produced it. Nothing downstream should need to re-read
the article to explain a claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Side = Literal["UA", "RU", "other"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]

#: The fields of the exchange format, in the order FORMAT.md lists them.
FORMAT_FIELDS: tuple[str, ...] = (
    "doc",
    "claimant",
    "claimant_text",
    "subject",
    "event",
    "category",
    "model",
    "value",
    "value_max",
    "qualifier",
    "rate",
    "period_start",
    "period_end",
    "location",
    "sentence",
)

EVENTS: tuple[str, ...] = ("killed", "wounded", "casualties", "pow", "lost", "intercepted", "captured")

CATEGORIES: tuple[str, ...] = (
    "personnel",
    "civilians",
    "tanks",
    "afv",
    "artillery",
    "mlrs",
    "air_defense",
    "aircraft",
    "helicopters",
    "uav",
    "missiles",
    "rockets",
    "bombs",
    "ships",
    "submarines",
    "vehicles",
    "special_equipment",
    "heavy_weapons",
    "equipment",
    "territory_km2",
    "settlements",
)


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets into a document's text: `text[start:end]`."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Document:
    """An article as the extractor sees it: plain text plus what is known about it.

    `lang` is an ISO 639-1 code; None means "detect it from the text" (`text.language`).
    """

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    lang: str | None = None


@dataclass(slots=True)
class Claim:
    """One attributed loss claim with its evidence.

    `value` is an int whenever the number is whole (the format compares numbers, and
    `35000` reads better than `35000.0`). `part_of` is the index, within the same
    document's claim list, of the stated total this claim is a part of (breakdowns);
    `statement` groups claims that one sentence-level statement made together.
    """

    doc: str | None
    claimant: str
    claimant_text: str | None
    subject: str
    event: str
    category: str
    model: str | None
    value: int | float
    value_max: int | float | None
    qualifier: str
    rate: str | None
    period_start: date | None
    period_end: date | None
    location: str | None
    sentence: str
    span: Span
    sentence_span: Span
    rules: tuple[str, ...] = ()
    statement: int = 0
    part_of: int | None = None

    @property
    def categories(self) -> frozenset[str]:
        return frozenset(self.category.split("+"))

    def to_record(self) -> dict[str, Any]:
        """The claim as one line of the exchange format, field for field."""
        return {
            "doc": self.doc,
            "claimant": self.claimant,
            "claimant_text": self.claimant_text,
            "subject": self.subject,
            "event": self.event,
            "category": self.category,
            "model": self.model,
            "value": self.value,
            "value_max": self.value_max,
            "qualifier": self.qualifier,
            "rate": self.rate,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
            "location": self.location,
            "sentence": self.sentence,
        }

    def evidence(self) -> dict[str, Any]:
        """Where the claim comes from: offsets, rule ids and breakdown links."""
        return {
            "span": [self.span.start, self.span.end],
            "sentence_span": [self.sentence_span.start, self.sentence_span.end],
            "rules": list(self.rules),
            "statement": self.statement,
            "part_of": self.part_of,
        }
