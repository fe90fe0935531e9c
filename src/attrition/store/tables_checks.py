"""Stored findings: each `attrition check` run and what it found.

Findings are derived from the claims and reference series, but storing them lets a reader
query them with SQL, compare two runs (which problems are new, which went away: the stable
finding id says when two runs found the same thing) and review them. Migration
`0005_findings` creates these tables.

Since `0010_incremental_findings` a run writes only what changed: a finding row is inserted
by the run that first found it (`run_id`) and retired by the first later run of its check that
no longer found it (`retired_run`), so the findings of run R are the rows of its checks with
`run_id <= R` and `retired_run` NULL or after R.
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
    Column("max_claim_id", Integer),  # the highest claim row id the run saw (0010)
    Column("basis", Text),  # the reference series and check code it ran on (0010)
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
    Column("scope", Text),  # the group of claims it was found in (attrition.checks.incremental)
    Column("position", Integer),  # its place among that group's findings
    Column("retired_run", Integer),  # the run that no longer found it (NULL: still current)
    Index("ix_findings_run_id", "run_id"),
    Index("ix_findings_check_scope", "check", "scope"),
    Index("ix_findings_finding_id", "finding_id"),
)
