"""Tables of reconcile and reference data, on the store's shared `metadata`.

Kept apart from `tables.py` so that ingestion and reconciliation can evolve separately;
migration `0002_reconcile` creates them. Clusters are derived data: `reconcile()` rebuilds
them from `claims` at any time (only those of the statements whose claims changed, see
`attrition.reconcile.storeio`). Reference series are imported data and are kept.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Float, ForeignKey, Index, Integer, Table, Text

from attrition.store.tables import metadata

claim_clusters = Table(
    "claim_clusters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("uid", Text, nullable=False),  # stable id from the key (attrition.provenance.cluster_uid)
    Column("statement", Text, nullable=False),  # the key without the value(s): a run rebuilds by statement
    Column("claimant", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("event", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("model", Text),
    Column("rate", Text),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("location", Text),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("first_reported", Date),
    Column("last_reported", Date),
    Column("report_count", Integer, nullable=False),
    Column("rounding_count", Integer, nullable=False),
    Index("ix_claim_clusters_uid", "uid", unique=True),
    Index("ix_claim_clusters_statement", "statement"),
)

cluster_reports = Table(
    "cluster_reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cluster_id", Integer, ForeignKey("claim_clusters.id", ondelete="CASCADE"), nullable=False),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("role", Text, nullable=False),  # report | rounding
    Index("ix_cluster_reports_cluster_id", "cluster_id"),
)

reference_series = Table(
    "reference_series",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("claimant", Text, nullable=False),
    Column("kind", Text, nullable=False),  # cumulative | correction | snapshot
    Column("period_start", Date),
    Column("source", Text, nullable=False),
    Column("imported_at", DateTime, nullable=False),
)

reference_points = Table(
    "reference_points",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("series_id", Integer, ForeignKey("reference_series.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("subject", Text, nullable=False),
    Column("event", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("model", Text),
    Column("value", Float, nullable=False),
    Index("ix_reference_points_series_id_category_date", "series_id", "category", "date"),
)
