"""The claims store's tables (SQLAlchemy Core), shared by the code and the Alembic migrations.

Plain tables with plain column names, so that Datasette, `sqlite3`, `psql` or a spreadsheet can
read the store without Attrition. Claims repeat the document key (`doc`) beside the foreign key
for the same reason: a `SELECT * FROM claims` is readable on its own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    func,
    literal_column,
)

#: Constraint names are fixed so migrations are identical on SQLite and PostgreSQL.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def dated(column: Any) -> Any:
    """`column`, a nullable date, as a sort key where null is the earliest day.

    Written with a literal (not a bound parameter) so that it matches the expression indexes
    of migration 0011 and a sort on it is an index walk.
    """
    return func.coalesce(column, literal_column("'0001-01-01'", Date))


ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("status", Text, nullable=False),  # running | finished | interrupted
    Column("sources", Text, nullable=False),  # JSON list of the SOURCE arguments
    Column("new", Integer, nullable=False, default=0),
    Column("duplicate", Integer, nullable=False, default=0),
    Column("near_duplicate", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("filtered", Integer, nullable=False, default=0, server_default="0"),  # migration 0008
    Column("claims", Integer, nullable=False, default=0),
    Column("host", Text),  # who runs it: host name and process id (0006_run_owner)
    Column("pid", Integer),
    Column("heartbeat_at", DateTime),  # last sign of life; a silent run is taken for dead
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("error", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc", Text, nullable=False, unique=True),
    Column("content_hash", Text, nullable=False, unique=True),
    Column("url", Text, index=True),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date),
    Column("lang", Text, index=True),  # ISO 639-1, detected unless given (--lang)
    Column("source", Text, index=True),  # what was asked for: a path, or a URL before redirects
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="SET NULL")),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("doc", Text, nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("claimant", Text, nullable=False),
    Column("claimant_text", Text),
    Column("subject", Text, nullable=False),
    Column("event", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("model", Text),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("qualifier", Text, nullable=False),
    Column("rate", Text),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("location", Text),
    Column("sentence", Text, nullable=False),
    Column("sentence_folded", Text),  # `sentence` in Unicode lower case, for search (0011_fast_reads)
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("rules", Text, nullable=False),  # space-separated rule ids
    Column("statement", Integer, nullable=False),
    Column("part_of", Integer),  # ordinal of the stated total in the same document
    # The stable, citable id (attrition.provenance.claim_uid) and what produced the claim.
    Column("uid", Text, nullable=False),
    Column("extractor", Text),  # extractor version; null for claims stored before 0004
    Column("rules_hash", Text),  # hash of the rule data files; null before 0004
    UniqueConstraint("document_id", "ordinal", name="uq_claims_document_id_ordinal"),
    Index("ix_claims_claimant_subject_category", "claimant", "subject", "category"),
    Index("ix_claims_doc", "doc"),
    Index("ix_claims_uid", "uid", unique=True),
    Index("ix_claims_value", "value"),
)
Index("ix_documents_published_key", dated(documents.c.published))
Index("ix_documents_outlet", documents.c.outlet)
Index("ix_claims_period_end_key", dated(claims.c.period_end))

document_links = Table(
    "document_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_a", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("doc_b", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", Text, nullable=False),  # near_duplicate
    Column("similarity", Float, nullable=False),
    UniqueConstraint("doc_a", "doc_b", "kind", name="uq_document_links_doc_a_doc_b_kind"),
)
