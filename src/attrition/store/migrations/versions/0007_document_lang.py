"""Documents: the language each was read in (ISO 639-1), detected for documents stored before.

Revision ID: 0007_document_lang
Revises: 0006_run_owner
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_document_lang"
down_revision = "0006_run_owner"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    # plain ALTERs, no batch copy: recreating `documents` on SQLite would cascade to its claims
    op.add_column("documents", sa.Column("lang", sa.Text(), nullable=True))
    op.create_index("ix_documents_lang", "documents", ["lang"])
    # Documents stored before this revision get the language detected from their stored text,
    # so a `lang` filter does not silently drop them. Read in id order, a batch at a time.
    from attrition.text.language import detect_language

    conn = op.get_bind()
    docs = sa.table("documents", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("lang", sa.Text))
    last = 0
    while True:
        rows = conn.execute(
            sa.select(docs.c.id, docs.c.text).where(docs.c.id > last).order_by(docs.c.id).limit(_BATCH)
        ).all()
        if not rows:
            break
        for row in rows:
            lang = detect_language(row.text or "")
            if lang is not None:
                conn.execute(sa.update(docs).where(docs.c.id == row.id).values(lang=lang))
        last = rows[-1].id


def downgrade() -> None:
    op.drop_index("ix_documents_lang", table_name="documents")
    if op.get_bind().dialect.name == "sqlite":  # SQLite >= 3.35 drops a column in place
        op.execute("ALTER TABLE documents DROP COLUMN lang")
    else:
        op.drop_column("documents", "lang")
