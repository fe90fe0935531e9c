"""Query parameters shared by the API and the pages, checked against the vocabularies.

A misspelt filter must not silently return nothing: an unknown subject, category, event or
qualifier is a 422 that names the parameter, the allowed values and the nearest match.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from attrition.models import CATEGORIES, EVENTS
from attrition.query.claims import SORTS, ClaimFilter, FilterError
from attrition.vocab import QUALIFIERS as QUALIFIERS
from attrition.vocab import SUBJECTS as SUBJECTS
from attrition.vocab import VocabError
from attrition.vocab import checked as vocab_checked


def vocab(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """`value` if it is one of `allowed` (case-insensitively), else a 422 with a suggestion."""
    try:
        return vocab_checked(name, value, allowed)
    except VocabError as exc:
        raise HTTPException(422, str(exc)) from None


def checked(fn: type[ClaimFilter], **kw: object) -> ClaimFilter:
    try:
        return fn(**kw)  # type: ignore[arg-type]
    except FilterError as exc:
        raise HTTPException(422, str(exc)) from exc


Str = Annotated[str | None, Query(max_length=200)]
Lang = Annotated[
    str | None, Query(pattern=r"^([A-Za-z]{2,3})?$", description="Document language, ISO 639-1 (en, ru, uk).")
]
_DAY = r"^(\d{4}-\d{2}-\d{2})?$"


def day(name: str, value: str | None) -> date | None:
    """A YYYY-MM-DD parameter; empty (as a blank form field sends it) means not set."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from exc


def Day(description: str) -> object:  # noqa: N802 - reads as a type in signatures
    return Query(description=description + " (YYYY-MM-DD)", pattern=_DAY)


def claim_filter(
    claimant: Str = None,
    subject: Str = None,
    category: Str = None,
    event: Str = None,
    qualifier: Str = None,
    since: Annotated[str | None, Day("Documents published on or after")] = None,
    until: Annotated[str | None, Day("Documents published on or before")] = None,
    period_from: Annotated[str | None, Day("Claim periods overlapping a window from")] = None,
    period_to: Annotated[str | None, Day("Claim periods overlapping a window to")] = None,
    outlet: Str = None,
    lang: Lang = None,
    doc: Str = None,
    q: Annotated[str | None, Query(max_length=200, description="Words that must all be in the sentence.")] = None,
    cluster: Annotated[str | None, Query(pattern=r"^(k[0-9a-f]{15})?$", description="Claims of one cluster.")] = None,
) -> ClaimFilter:
    """The claims filter from query parameters (a dependency of the API and the pages)."""
    return checked(
        ClaimFilter, claimant=claimant or None, subject=vocab("subject", subject, SUBJECTS),
        category=vocab("category", category, CATEGORIES), event=vocab("event", event, EVENTS),
        qualifier=vocab("qualifier", qualifier, QUALIFIERS), since=day("since", since), until=day("until", until),
        period_from=day("period_from", period_from), period_to=day("period_to", period_to), outlet=outlet or None,
        lang=(lang or "").lower() or None, doc=doc or None, q=(q or "").strip() or None,
        cluster=cluster or None,
    )  # fmt: skip


def sort_param(sort: str) -> str:
    if sort not in SORTS:
        raise HTTPException(422, f"sort: unknown value {sort!r} (one of {', '.join(SORTS)})")
    return sort
