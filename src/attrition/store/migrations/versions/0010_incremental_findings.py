"""Incremental findings: each finding row records its group of claims and place in it, and the
run that retired it; each check run, the highest claim row id it saw and what it ran on.

Rows stored before are per-run snapshots: each is retired by the next run, so the findings of
every old run read the same as before, and the next check run (no `max_claim_id` to build on)
recomputes every check once.

Revision ID: 0010_incremental_findings
Revises: 0009_incremental_clusters
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_incremental_findings"
down_revision = "0009_incremental_clusters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("check_runs") as batch:
        batch.add_column(sa.Column("max_claim_id", sa.Integer()))
        batch.add_column(sa.Column("basis", sa.Text()))
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("scope", sa.Text()))
        batch.add_column(sa.Column("position", sa.Integer()))
        batch.add_column(sa.Column("retired_run", sa.Integer()))
        batch.create_index("ix_findings_check_scope", ["check", "scope"])
    op.execute("UPDATE findings SET retired_run = (SELECT MIN(r.id) FROM check_runs r WHERE r.id > findings.run_id)")


def downgrade() -> None:
    op.execute("DELETE FROM findings WHERE scope IS NOT NULL")
    with op.batch_alter_table("findings") as batch:
        batch.drop_index("ix_findings_check_scope")
        batch.drop_column("retired_run")
        batch.drop_column("position")
        batch.drop_column("scope")
    with op.batch_alter_table("check_runs") as batch:
        batch.drop_column("basis")
        batch.drop_column("max_claim_id")
