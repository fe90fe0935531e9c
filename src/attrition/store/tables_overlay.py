"""Overlay tables: what people add beside the extracted data (annotations, finding reviews).

Extracted rows are never edited by hand: a re-ingest or a rebuild must be able to replace
them. Notes and review decisions are stored apart, keyed by the stable ids of what they are
about, with an author and a time, so they survive a rebuild and can be audited.
Migration `0003_overlay` creates them.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, Table, Text

from attrition.store.tables import metadata

annotations_t = Table(
    "annotations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_kind", Text, nullable=False),  # claim | cluster | document | finding
    Column("target_id", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_annotations_target_kind_target_id", "target_kind", "target_id"),
)

finding_reviews = Table(
    "finding_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("finding_id", Text, nullable=False, index=True),
    Column("state", Text, nullable=False),  # open | confirmed | dismissed
    Column("author", Text, nullable=False),
    Column("note", Text),
    Column("created_at", DateTime, nullable=False),
)
