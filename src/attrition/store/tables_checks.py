"""Stored findings: each `attrition check` run and what it found.

Findings are derived from the claims and reference series, but storing them lets a reader
query them with SQL, compare two runs (which problems are new, which went away: the stable
finding id says when two runs found the same thing) and review them. Migration
`0005_findings` creates these tables.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, Table, Text

from attrition.store.tables import metadata

check_runs = Table(
    "check_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("checks", Text, nullable=False),  # JSON list of the check names run
    Column("fingerprint", Text, nullable=False),  # the claims and series the run saw
    Column("claims", Integer, nullable=False),
    Column("findings", Integer, nullable=False),
    Column("extractor", Text),
)

findings_t = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("check_runs.id", ondelete="CASCADE"), nullable=False),
    Column("finding_id", Text, nullable=False),  # stable: check + cited evidence (Finding.id)
    Column("check", Text, nullable=False),
    Column("severity", Text, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("claim_ids", Text, nullable=False),  # JSON list of stable claim ids
    Column("docs", Text, nullable=False),  # JSON list of document keys
    Column("record", Text, nullable=False),  # the whole finding as JSON (references, details)
    Index("ix_findings_run_id", "run_id"),
    Index("ix_findings_finding_id", "finding_id"),
)
