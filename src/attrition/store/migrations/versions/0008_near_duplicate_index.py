"""Near-duplicate index: MinHash signatures and LSH band keys stored once per document;
the run counter of pages the prefilter skipped.

Existing documents get theirs on the next ingest run (`attrition.store.neardup.backfill`),
so this migration only creates the tables and stays fast on a large store.

Revision ID: 0008_near_duplicate_index
Revises: 0007_document_lang
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_near_duplicate_index"
down_revision = "0007_document_lang"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # pages the prefilter skipped (no loss vocabulary), counted per run
    op.add_column("ingest_runs", sa.Column("filtered", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "document_signatures",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_document_signatures_document_id_documents",
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("document_id", name="pk_document_signatures"),
    )
    op.create_table(
        "document_bands",
        sa.Column("band_key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_document_bands_document_id_documents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("band_key", "document_id", name="pk_document_bands"),
    )
    op.create_index("ix_document_bands_document_id", "document_bands", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_document_bands_document_id", table_name="document_bands")
    op.drop_table("document_bands")
    op.drop_table("document_signatures")
    # plain ALTER (SQLite >= 3.35): a batch copy of ingest_runs would cascade to its errors
    op.drop_column("ingest_runs", "filtered")
