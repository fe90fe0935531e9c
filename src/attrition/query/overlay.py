"""Annotations and finding reviews: the only writes the server makes, beside extracted data.

Both are append-only: a new review supersedes the previous one for the same finding, and the
history stays, so "who dismissed this and when" always has an answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from sqlalchemy import Connection, func, insert, select

from attrition.store.repository import now
from attrition.store.tables_overlay import annotations_t, finding_reviews

TargetKind = Literal["claim", "cluster", "document", "finding"]
ReviewState = Literal["open", "confirmed", "dismissed"]
REVIEW_STATES: tuple[str, ...] = ("open", "confirmed", "dismissed")
MAX_TEXT = 10_000


def _clean(text: str, name: str, limit: int) -> str:
    text = text.strip()
    if not text:
        raise ValueError(f"{name} must not be empty")
    if len(text) > limit:
        raise ValueError(f"{name} is longer than {limit} characters")
    return text


def add_annotation(conn: Connection, *, kind: TargetKind, target_id: str, author: str, body: str) -> dict[str, Any]:
    """Store a note about one record; returns it with its id and time."""
    row = {
        "target_kind": kind, "target_id": target_id, "author": _clean(author, "author", 200),
        "body": _clean(body, "body", MAX_TEXT), "created_at": now(),
    }  # fmt: skip
    row_id = conn.execute(insert(annotations_t).values(**row).returning(annotations_t.c.id)).scalar_one()
    return {"id": int(row_id), **row}


def list_annotations(conn: Connection, *, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    """Notes about one record, oldest first."""
    query = (
        select(annotations_t)
        .where(annotations_t.c.target_kind == kind, annotations_t.c.target_id == target_id)
        .order_by(annotations_t.c.id)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def add_review(
    conn: Connection, *, finding_id: str, state: ReviewState, author: str, note: str | None = None
) -> dict[str, Any]:
    """Record a review decision on a finding (the latest one is its state)."""
    if state not in REVIEW_STATES:
        raise ValueError(f"state must be one of {', '.join(REVIEW_STATES)}")
    row = {
        "finding_id": finding_id, "state": state, "author": _clean(author, "author", 200),
        "note": _clean(note, "note", MAX_TEXT) if note and note.strip() else None, "created_at": now(),
    }  # fmt: skip
    row_id = conn.execute(insert(finding_reviews).values(**row).returning(finding_reviews.c.id)).scalar_one()
    return {"id": int(row_id), **row}


def latest_reviews(conn: Connection, finding_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """The current review of each finding that has one (all findings when ids is None)."""
    newest = select(func.max(finding_reviews.c.id)).group_by(finding_reviews.c.finding_id)
    query = select(finding_reviews).where(finding_reviews.c.id.in_(newest))
    if finding_ids is not None:
        query = query.where(finding_reviews.c.finding_id.in_(list(finding_ids)))
    return {str(r["finding_id"]): dict(r) for r in conn.execute(query).mappings()}


def review_history(conn: Connection, finding_id: str) -> list[dict[str, Any]]:
    """Every review of one finding, oldest first."""
    query = select(finding_reviews).where(finding_reviews.c.finding_id == finding_id).order_by(finding_reviews.c.id)
    return [dict(r) for r in conn.execute(query).mappings()]
