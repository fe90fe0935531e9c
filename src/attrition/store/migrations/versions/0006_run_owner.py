"""Ingest runs record who runs them (host, process id) and when they last showed life.

A new run used to mark every `running` run as interrupted, including one still working in
another terminal. With the owner and a heartbeat, only runs whose process is gone (same host)
or that have been silent for longer than `repository.RUN_STALE_AFTER` (another host) are.
Also an index on `documents.source`, by which a rerun recognises a URL that redirected.

Revision ID: 0006_run_owner
Revises: 0005_findings
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_run_owner"
down_revision = "0005_findings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        batch.add_column(sa.Column("host", sa.Text(), nullable=True))
        batch.add_column(sa.Column("pid", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(), nullable=True))
    # a URL that redirects is known by the address it was asked for (documents.source)
    op.create_index("ix_documents_source", "documents", ["source"])


def downgrade() -> None:
    op.drop_index("ix_documents_source", table_name="documents")
    with op.batch_alter_table("ingest_runs") as batch:
        batch.drop_column("heartbeat_at")
        batch.drop_column("pid")
        batch.drop_column("host")
