"""Reconcile: claim clusters with their reports, and imported reference series.

Revision ID: 0002_reconcile
Revises: 0001_initial
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_reconcile"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("event", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("model", sa.Text(), nullable=True),
        sa.Column("rate", sa.Text(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("first_reported", sa.Date(), nullable=True),
        sa.Column("last_reported", sa.Date(), nullable=True),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("rounding_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claim_clusters"),
        sa.UniqueConstraint("key", name="uq_claim_clusters_key"),
    )
    op.create_table(
        "cluster_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["claim_clusters.id"],
            name="fk_cluster_reports_cluster_id_claim_clusters",
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_cluster_reports_claim_id_claims", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cluster_reports"),
        sa.UniqueConstraint("claim_id", name="uq_cluster_reports_claim_id"),
    )
    op.create_index("ix_cluster_reports_cluster_id", "cluster_reports", ["cluster_id"])
    op.create_table(
        "reference_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reference_series"),
        sa.UniqueConstraint("name", name="uq_reference_series_name"),
    )
    op.create_table(
        "reference_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("event", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("model", sa.Text(), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["reference_series.id"],
            name="fk_reference_points_series_id_reference_series",
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name="pk_reference_points"),
    )
    op.create_index(
        "ix_reference_points_series_id_category_date", "reference_points", ["series_id", "category", "date"]
    )


def downgrade() -> None:
    op.drop_table("reference_points")
    op.drop_table("reference_series")
    op.drop_table("cluster_reports")
    op.drop_table("claim_clusters")
