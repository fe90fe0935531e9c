"""The persistent near-duplicate index, on the store's shared `metadata` (migration 0008).

Each stored document has its MinHash signature (`document_signatures`, 128 uint32 values) and
one row per LSH band key (`document_bands`, primary key `(band_key, document_id)`, so a lookup
of a new document's keys is an index scan). Both are written in the document's own
transaction and deleted with it; they are derived data and can be rebuilt from the texts.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, LargeBinary, Table

from attrition.store.tables import metadata

document_signatures = Table(
    "document_signatures",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("band_key", BigInteger, primary_key=True, autoincrement=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)
