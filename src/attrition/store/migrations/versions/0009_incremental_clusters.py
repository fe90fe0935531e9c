"""Incremental clusters: each cluster records its statement key, indexed, so a run rebuilds only
the clusters of the statements its new claims belong to.

Clusters are derived data: the migration empties them (no statement to fill in) and the next
reconcile builds them all once.

Revision ID: 0009_incremental_clusters
Revises: 0008_near_duplicate_index
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_incremental_clusters"
down_revision = "0008_near_duplicate_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM cluster_reports")
    op.execute("DELETE FROM claim_clusters")
    with op.batch_alter_table("claim_clusters") as batch:
        batch.add_column(sa.Column("statement", sa.Text(), nullable=False))
        batch.create_index("ix_claim_clusters_statement", ["statement"])


def downgrade() -> None:
    with op.batch_alter_table("claim_clusters") as batch:
        batch.drop_index("ix_claim_clusters_statement")
        batch.drop_column("statement")
