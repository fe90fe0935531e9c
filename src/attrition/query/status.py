"""What state the store is in: counts and freshness (last ingest, last reference date, failures)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, inspect, select, text

from attrition.store.tables import claims, documents, ingest_errors, ingest_runs
from attrition.store.tables_checks import check_runs
from attrition.store.tables_overlay import annotations_t, finding_reviews
from attrition.store.tables_reconcile import claim_clusters, reference_points, reference_series

#: Tables whose rows are only ever inserted or deleted (never updated in place) by what the API lists.
_VERSIONED = (documents, claims, claim_clusters, reference_series, reference_points, annotations_t, finding_reviews,
              check_runs)  # fmt: skip


def store_version(conn: Connection) -> str:
    """A token that changes whenever anything a listing or download shows changes.

    Each listed table only gains and loses rows (a re-ingested article replaces its claims with
    new rows), so its row count and highest id together move with every change; check runs add
    their finish time (set once). One query, so a 304 costs far less than the download.
    """
    cells = [select(agg).select_from(t).scalar_subquery()
             for t in _VERSIONED for agg in (func.count(), func.max(t.c.id))]  # fmt: skip
    query = select(*cells, select(func.max(check_runs.c.finished_at)).scalar_subquery())
    return "-".join(str(v) for v in conn.execute(query).one())


def store_status(conn: Connection) -> dict[str, Any]:
    """Counts of every kind of record, the latest runs' times and the last run's failed sources."""

    def count(table: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    last_run = conn.execute(select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(1)).mappings().first()
    failed: list[dict[str, Any]] = []
    if last_run is not None:
        query = select(ingest_errors.c.source, ingest_errors.c.error, ingest_errors.c.at).where(
            ingest_errors.c.run_id == last_run["id"]).order_by(ingest_errors.c.id).limit(100)  # fmt: skip
        failed = [dict(r) for r in conn.execute(query).mappings()]
    revision = None
    if inspect(conn).has_table("alembic_version"):
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return {
        "counts": {
            "documents": count(documents), "claims": count(claims), "clusters": count(claim_clusters),
            "reference_series": count(reference_series), "reference_points": count(reference_points),
            "ingest_runs": count(ingest_runs), "ingest_errors": count(ingest_errors),
        },
        "last_ingest": conn.execute(select(func.max(documents.c.ingested_at))).scalar(),
        "last_published": conn.execute(select(func.max(documents.c.published))).scalar(),
        "last_reference_date": conn.execute(select(func.max(reference_points.c.date))).scalar(),
        "last_run": None if last_run is None else {
            "id": last_run["id"], "status": last_run["status"], "started_at": last_run["started_at"],
            "finished_at": last_run["finished_at"], "new": last_run["new"], "failed": last_run["failed"],
        },
        "failed_sources": failed,
        "schema_revision": revision,
        "backend": conn.dialect.name,
    }  # fmt: skip
