"""The published schema: one Pydantic model per record, shared by JSON, CSV and Parquet.

Every list endpoint serialises its rows through these models, and the CSV header and the
Parquet schema are derived from the same fields, so the three formats cannot drift apart
and an empty result still has typed columns.
"""

from __future__ import annotations

import datetime as dt
import types
from datetime import date, datetime
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, RootModel

Number = int | float


class Record(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ClaimOut(Record):
    """One stored claim: the exchange-format fields, its evidence and its document's facts."""

    id: str = Field(description="The claim's stable id: document hash prefix and number span (links: /claims/{id}).")
    cluster: str | None = Field(default=None, description="The stable id of the claim's cluster (after a reconcile).")
    doc: str
    claimant: str
    claimant_text: str | None
    subject: str
    event: str
    category: str
    model: str | None
    value: Number
    value_max: Number | None
    qualifier: str
    rate: str | None
    figure: str = Field(description='The figure as the text states it: "over 2,000", "1,262 a day".')
    period_start: date | None
    period_end: date | None
    location: str | None
    sentence: str
    span_start: int
    span_end: int
    sentence_start: int
    sentence_end: int
    rules: list[str]
    statement: int
    part_of: int | None
    ordinal: int
    extractor: str | None = Field(default=None, description="Extractor version that produced the claim.")
    rules_hash: str | None = Field(default=None, description="Hash of the rule data files that produced it.")
    published: date | None
    outlet: str | None
    url: str | None
    title: str | None
    lang: str | None = Field(None, description="The document's language (ISO 639-1).")


class DocumentOut(Record):
    id: int
    doc: str
    published: date | None
    outlet: str | None
    title: str | None
    url: str | None
    lang: str | None = Field(None, description="Language the document was read in (ISO 639-1).")
    source: str | None
    content_hash: str
    ingested_at: datetime
    claims: int
    near_duplicates: int


class ClusterOut(Record):
    id: str = Field(description="The cluster's stable id, from its key (links: /clusters/{id}).")
    key: str
    claimant: str
    subject: str
    event: str
    category: str
    model: str | None
    rate: str | None
    period_start: date | None
    period_end: date | None
    location: str | None
    value: Number
    value_max: Number | None
    figure: str
    first_reported: date | None
    last_reported: date | None
    report_count: int
    rounding_count: int


class ReportOut(ClaimOut):
    role: str = Field(description="report (the same figure) or rounding (a rounder figure for it)")


class ClusterDetail(ClusterOut):
    reports: list[ReportOut]


class ReviewOut(Record):
    state: str
    author: str | None
    at: datetime | None
    note: str | None


class FindingOut(Record):
    id: str = Field(description="Stable id: a hash of the check and the evidence it cites.")
    check: str
    severity: str
    explanation: str
    difference: float | None
    outlets: list[str]
    claim_ids: list[str]
    docs: list[str]
    review_state: str
    reviewed_by: str | None
    run_id: int | None = Field(default=None, description="The stored check run that found it (null: computed live).")


class FindingDetail(Record):
    id: str
    check: str
    severity: str
    explanation: str
    difference: float | None
    outlets: list[str]
    claim_ids: list[str]
    docs: list[str]
    claims: list[dict[str, Any]]
    references: list[dict[str, Any]]
    details: dict[str, Any]
    review: ReviewOut
    run_id: int | None = None


class SeriesOut(Record):
    name: str
    claimant: str
    kind: str
    source: str
    imported_at: datetime
    points: int
    first: date | None
    last: date | None


class PointOut(Record):
    date: dt.date
    subject: str
    event: str
    category: str
    value: Number
    daily: Number | None = Field(description="Change per day since the previous point.")


class AnnotationIn(BaseModel):
    author: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=10_000)


class AnnotationOut(Record):
    id: int
    target_kind: str
    target_id: str
    author: str
    body: str
    created_at: datetime


class ReviewIn(BaseModel):
    state: str = Field(pattern="^(open|confirmed|dismissed)$")
    author: str = Field(min_length=1, max_length=200)
    note: str | None = Field(default=None, max_length=10_000)


class IngestIn(BaseModel):
    url: str = Field(min_length=8, max_length=4000, pattern="^https?://")


class IngestOut(BaseModel):
    run_id: int
    new: int
    duplicate: int
    near_duplicate: int
    failed: int
    claims: int
    errors: list[str]


class ClaimDetail(BaseModel):
    claim: ClaimOut
    paragraph: dict[str, Any]
    cluster: dict[str, Any] | None
    reference: list[dict[str, Any]]
    reference_date: date | None
    findings: list[FindingOut]
    annotations: list[AnnotationOut]


class DocumentDetail(DocumentOut):
    text: str
    claim_list: list[ClaimOut]


class SeriesList(RootModel[list[SeriesOut]]):
    pass


class PointList(RootModel[list[PointOut]]):
    pass


class AnnotationList(RootModel[list[AnnotationOut]]):
    pass


class StatusOut(BaseModel):
    """Freshness and size of the store, and what this server allows."""

    counts: dict[str, int]
    last_ingest: datetime | None
    last_published: date | None
    last_reference_date: date | None
    last_run: dict[str, Any] | None
    failed_sources: list[dict[str, Any]]
    schema_revision: str | None
    backend: str
    write_enabled: bool
    version: str


class FigureOut(BaseModel):
    claim_id: str
    doc: str
    claimant: str
    event: str
    date: dt.date
    value: Number
    value_max: Number | None
    figure: str
    kind: str = Field(description="cumulative, daily, rate, period or undated")
    per_day: Number | None
    period_start: dt.date | None
    period_end: dt.date | None
    outlet: str | None
    published: dt.date | None
    increment: Number | None = Field(
        default=None, description="A cumulative total's change since the claimant's previous total."
    )
    increment_from: dt.date | None = Field(default=None, description="The date of that previous total.")
    increment_per_day: Number | None = Field(default=None, description="`increment` over the days between them.")


class WindowOut(BaseModel):
    """First and last cumulative total in the window and the change per day between them."""

    model_config = ConfigDict(validate_by_name=True, serialize_by_alias=True)
    claimant: str | None = None
    first: dt.date = Field(alias="from")
    to: dt.date
    start_value: Number
    end_value: Number
    difference: Number
    days: int
    per_day: Number


class ReferenceLineOut(BaseModel):
    series: str
    claimant: str
    points: list[PointOut]
    window: WindowOut | None


class CompareOut(BaseModel):
    subject: str
    category: str
    since: date | None
    until: date | None
    claimants: list[str]
    figures: list[FigureOut]
    truncated: bool
    reference: list[ReferenceLineOut]
    windows: list[WindowOut]


class CompareRowOut(Record):
    """One point of the compare chart: an article's figure or a reference series' value."""

    source: str = Field(description="article or reference")
    who: str = Field(description="The claimant (article) or the series name (reference).")
    claimant: str
    date: dt.date
    kind: str = Field(description="cumulative, daily, rate, period or undated")
    figure: str | None = Field(description="The figure as the article states it.")
    value: Number
    value_max: Number | None = None
    per_day: Number | None = Field(description="A daily figure, a rate or a period's figure per day.")
    increment: Number | None = Field(description="A cumulative value's change since the previous one.")
    increment_from: dt.date | None
    increment_per_day: Number | None
    claim_id: str | None = None
    doc: str | None = None
    outlet: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None


def compare_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The compare chart's points as flat rows (articles' figures, then each series' points)."""
    rows = [{"source": "article", "who": f["claimant"], **f} for f in data["figures"]]
    for line in data["reference"]:
        for p in line["points"]:
            per = p["daily"]
            rows.append({"source": "reference", "who": line["series"], "claimant": line["claimant"], "date": p["date"],
                         "kind": "cumulative", "figure": None, "value": p["value"], "per_day": None,
                         "increment": None, "increment_from": None, "increment_per_day": per})  # fmt: skip
    return rows


T = TypeVar("T")


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")
    total: int | None


def finding_out(f: dict[str, Any]) -> dict[str, Any]:
    """A finding record flattened for lists and exports."""
    return {**f, "review_state": f["review"]["state"], "reviewed_by": f["review"]["author"]}


# ----------------------------------------------------------------------------- columnar schema


def _arrow(annotation: Any) -> Any:
    import pyarrow as pa

    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if set(args) == {int, float}:
            return pa.float64()
        return _arrow(args[0])
    if origin is list:
        return pa.list_(_arrow(get_args(annotation)[0]))
    return {
        int: pa.int64(), float: pa.float64(), str: pa.string(), bool: pa.bool_(), date: pa.date32(),
        datetime: pa.timestamp("us"),
    }.get(annotation, pa.string())  # fmt: skip


def arrow_schema(model: type[BaseModel]) -> Any:
    """The Parquet schema of a record model: one typed column per field."""
    import pyarrow as pa

    return pa.schema([(name, _arrow(f.annotation)) for name, f in model.model_fields.items()])


def page_of(model: type[BaseModel], items: list[dict[str, Any]], next_cursor: str | None, total: int | None) -> Any:
    """A validated page of `model` records."""
    return PageOut[model].model_validate(  # type: ignore[valid-type]
        {"items": items, "next_cursor": next_cursor, "total": total}
    )
