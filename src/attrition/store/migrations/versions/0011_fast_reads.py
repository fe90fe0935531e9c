"""Reads that stay fast on a large store: a stored folded sentence for search, and the indexes
that the claims list, its filter menus and the compare view walk.

A search folded the sentence of every row at query time (on SQLite through a Python function
called once per row: seconds over 100,000 claims). The folded copy is written with the claim
(`attrition.store.textfold.fold`) and filled here for claims stored before.

The date sort keys are indexed as the queries write them (`attrition.store.tables.dated`), so
the newest page is an index walk, not a sort of every claim.

Revision ID: 0011_fast_reads
Revises: 0010_incremental_findings
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_fast_reads"
down_revision = "0010_incremental_findings"
branch_labels = None
depends_on = None

_BATCH = 2000


def upgrade() -> None:
    # a plain ALTER, no batch copy: recreating `claims` on SQLite would drop its cluster reports
    op.add_column("claims", sa.Column("sentence_folded", sa.Text(), nullable=True))
    from attrition.store.textfold import fold

    conn = op.get_bind()
    claims = sa.table(
        "claims", sa.column("id", sa.Integer), sa.column("sentence", sa.Text), sa.column("sentence_folded", sa.Text)
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(claims.c.id, claims.c.sentence).where(claims.c.id > last).order_by(claims.c.id).limit(_BATCH)
        ).all()
        if not rows:
            break
        conn.execute(
            sa.update(claims).where(claims.c.id == sa.bindparam("row_id")).values(sentence_folded=sa.bindparam("low")),
            [{"row_id": r.id, "low": fold(r.sentence or "")} for r in rows],
        )
        last = rows[-1].id
    earliest = "'0001-01-01'"
    op.create_index("ix_documents_published_key", "documents", [sa.text(f"coalesce(published, {earliest})")])
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_index("ix_claims_period_end_key", "claims", [sa.text(f"coalesce(period_end, {earliest})")])
    op.create_index("ix_claims_value", "claims", ["value"])


def downgrade() -> None:
    for name, table in (("ix_claims_value", "claims"),
                        ("ix_claims_period_end_key", "claims"), ("ix_documents_outlet", "documents"),
                        ("ix_documents_published_key", "documents")):  # fmt: skip
        op.drop_index(name, table_name=table)
    if op.get_bind().dialect.name == "sqlite":  # SQLite >= 3.35 drops a column in place
        op.execute("ALTER TABLE claims DROP COLUMN sentence_folded")
    else:
        op.drop_column("claims", "sentence_folded")
