"""Stable ids: claims and clusters get citable ids; claims record what produced them.

Existing claims get their id from their document's content hash and their number's span
(exactly as new ones do), and existing clusters from their key, so a store migrated in
place and a store rebuilt from the same articles give every claim the same id. The
extractor version and rule hash of claims stored before this revision are unknown: null.

Revision ID: 0004_stable_ids
Revises: 0003_overlay
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from attrition.provenance import claim_uids, cluster_uid

revision = "0004_stable_ids"
down_revision = "0003_overlay"
branch_labels = None
depends_on = None


def _backfill_claims(conn: sa.Connection) -> None:
    rows = conn.execute(
        sa.text(
            "SELECT c.id, c.document_id, c.span_start, c.span_end, d.content_hash FROM claims c "
            "JOIN documents d ON d.id = c.document_id ORDER BY c.document_id, c.ordinal, c.id"
        )
    ).all()
    by_doc: dict[int, list[tuple[int, int, int, str]]] = {}
    for claim_id, doc_id, start, end, digest in rows:
        by_doc.setdefault(int(doc_id), []).append((int(claim_id), int(start), int(end), str(digest)))
    update = sa.text("UPDATE claims SET uid = :uid WHERE id = :id")
    for items in by_doc.values():
        uids = claim_uids(items[0][3], [(s, e) for _, s, e, _ in items])
        params = [{"uid": uid, "id": item[0]} for uid, item in zip(uids, items, strict=True)]
        conn.execute(update, params)


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("uid", sa.Text(), nullable=True))
        batch.add_column(sa.Column("extractor", sa.Text(), nullable=True))
        batch.add_column(sa.Column("rules_hash", sa.Text(), nullable=True))
    with op.batch_alter_table("claim_clusters") as batch:
        batch.add_column(sa.Column("uid", sa.Text(), nullable=True))
    conn = op.get_bind()
    _backfill_claims(conn)
    clusters = conn.execute(sa.text("SELECT id, key FROM claim_clusters")).all()
    if clusters:
        conn.execute(
            sa.text("UPDATE claim_clusters SET uid = :uid WHERE id = :id"),
            [{"uid": cluster_uid(str(key)), "id": int(cid)} for cid, key in clusters],
        )
    with op.batch_alter_table("claims") as batch:
        batch.alter_column("uid", existing_type=sa.Text(), nullable=False)
    with op.batch_alter_table("claim_clusters") as batch:
        batch.alter_column("uid", existing_type=sa.Text(), nullable=False)
    op.create_index("ix_claims_uid", "claims", ["uid"], unique=True)
    op.create_index("ix_claim_clusters_uid", "claim_clusters", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_claim_clusters_uid", table_name="claim_clusters")
    op.drop_index("ix_claims_uid", table_name="claims")
    with op.batch_alter_table("claim_clusters") as batch:
        batch.drop_column("uid")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("rules_hash")
        batch.drop_column("extractor")
        batch.drop_column("uid")
