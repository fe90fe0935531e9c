"""Between the store and the reconcile records: loading claims, rebuilding clusters.

`reconcile(engine)` is idempotent: it replaces every cluster in one transaction, so it can
run after each ingest (or before each check) and always reflects the claims as stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from attrition.provenance import cluster_uid
from attrition.reconcile.clusters import Cluster, build_clusters
from attrition.reconcile.records import StoredClaim
from attrition.store.tables import claims, documents
from attrition.store.tables_reconcile import claim_clusters, cluster_reports


def load_claims(conn: Connection) -> list[StoredClaim]:
    """Every stored claim with its document's outlet and publication date."""
    query = (
        select(claims, documents.c.outlet, documents.c.published)
        .join(documents, documents.c.id == claims.c.document_id)
        .order_by(claims.c.id)
    )
    out: list[StoredClaim] = []
    for row in conn.execute(query).mappings():
        out.append(
            StoredClaim(
                id=int(row["id"]),
                doc=str(row["doc"]),
                ordinal=int(row["ordinal"]),
                claimant=row["claimant"],
                claimant_text=row["claimant_text"],
                subject=row["subject"],
                event=row["event"],
                category=row["category"],
                model=row["model"],
                value=float(row["value"]),
                value_max=row["value_max"],
                qualifier=row["qualifier"],
                rate=row["rate"],
                period_start=row["period_start"],
                period_end=row["period_end"],
                location=row["location"],
                sentence=row["sentence"],
                span_start=row["span_start"],
                span_end=row["span_end"],
                statement=row["statement"],
                part_of=row["part_of"],
                outlet=row["outlet"],
                published=row["published"],
                uid=row["uid"],
            )  # fmt: skip
        )
    return out


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    clusters: int
    reports: int
    roundings: int


def _cluster_row(cluster: Cluster) -> dict[str, Any]:
    rep = cluster.representative
    stmt = cluster.key[0]
    return {
        "key": cluster.key_text, "uid": cluster_uid(cluster.key_text),
        "claimant": rep.claimant, "subject": rep.subject, "event": rep.event,
        "category": stmt[3], "model": stmt[4], "rate": stmt[5], "period_start": stmt[6],
        "period_end": stmt[7], "location": stmt[8], "value": cluster.value, "value_max": cluster.key[2],
        "first_reported": cluster.first_reported, "last_reported": cluster.last_reported,
        "report_count": len(cluster.reports), "rounding_count": len(cluster.roundings),
    }  # fmt: skip


def reconcile(engine: Engine) -> ReconcileResult:
    """Rebuild `claim_clusters` and `cluster_reports` from the stored claims."""
    with engine.begin() as conn:
        clusters = build_clusters(load_claims(conn))
        conn.execute(delete(cluster_reports))
        conn.execute(delete(claim_clusters))
        rows: list[dict[str, Any]] = []
        for cluster in clusters:
            cluster_id = conn.execute(
                insert(claim_clusters).values(**_cluster_row(cluster)).returning(claim_clusters.c.id)
            ).scalar_one()
            for role, members in (("report", cluster.reports), ("rounding", cluster.roundings)):
                rows += [{"cluster_id": cluster_id, "claim_id": c.id, "role": role} for c in members]
        if rows:
            conn.execute(insert(cluster_reports), rows)
    return ReconcileResult(
        len(clusters), sum(len(c.reports) for c in clusters), sum(len(c.roundings) for c in clusters)
    )


def clusters_current(conn: Connection) -> bool:
    """True when the last reconcile saw exactly the claims stored now (every claim is in one cluster)."""
    claims_now = conn.execute(select(func.count(), func.max(claims.c.id))).one()
    reported = conn.execute(select(func.count(), func.max(cluster_reports.c.claim_id))).one()
    return tuple(claims_now) == tuple(reported)


def ensure_clusters(engine: Engine) -> None:
    """Reconcile unless the clusters already reflect the stored claims (cheap when current).

    On a read-only store the clusters stay as they are (they are derived data): reading must
    still work there.
    """
    from attrition.store.errors import StoreError

    with engine.connect() as conn:
        current = clusters_current(conn)
    if not current:
        try:
            reconcile(engine)
        except StoreError as exc:
            if exc.reason != "read_only":
                raise


@dataclass(frozen=True, slots=True)
class ClusterReport:
    """One report of a cluster: where it was printed and the exact words (`claim_id`: stable id)."""

    claim_id: str
    role: str
    doc: str
    outlet: str | None
    published: date | None
    value: float
    sentence: str
    span_start: int
    span_end: int


@dataclass(slots=True)
class ClusterSummary:
    """A cluster as listed; `id` is its stable id (from its key)."""

    id: str
    key: str
    claimant: str
    subject: str
    event: str
    category: str
    value: float
    value_max: float | None
    period_start: date | None
    period_end: date | None
    first_reported: date | None
    last_reported: date | None
    report_count: int
    rounding_count: int
    reports: list[ClusterReport]


def list_clusters(engine: Engine, *, min_reports: int = 1, rebuild: bool = True) -> list[ClusterSummary]:
    """Clusters with their reports, most reported first (rebuilt first unless told not to)."""
    if rebuild:
        reconcile(engine)
    with engine.connect() as conn:
        summaries: dict[int, ClusterSummary] = {}
        for row in conn.execute(select(claim_clusters).where(claim_clusters.c.report_count >= min_reports)).mappings():
            summaries[int(row["id"])] = ClusterSummary(
                id=str(row["uid"]), key=row["key"], claimant=row["claimant"], subject=row["subject"],
                event=row["event"], category=row["category"], value=float(row["value"]),
                value_max=row["value_max"], period_start=row["period_start"], period_end=row["period_end"],
                first_reported=row["first_reported"], last_reported=row["last_reported"],
                report_count=int(row["report_count"]), rounding_count=int(row["rounding_count"]),
                reports=[],
            )  # fmt: skip
        query = (
            select(
                cluster_reports.c.cluster_id,
                claims.c.uid,
                cluster_reports.c.role,
                claims.c.doc,
                claims.c.value,
                claims.c.sentence,
                claims.c.span_start,
                claims.c.span_end,
                documents.c.outlet,
                documents.c.published,
            )  # fmt: skip
            .join(claims, claims.c.id == cluster_reports.c.claim_id)
            .join(documents, documents.c.id == claims.c.document_id)
            .order_by(cluster_reports.c.cluster_id, cluster_reports.c.role, claims.c.id)
        )
        for r in conn.execute(query).mappings():
            summary = summaries.get(int(r["cluster_id"]))
            if summary is not None:
                summary.reports.append(
                    ClusterReport(
                        str(r["uid"]),
                        r["role"],
                        r["doc"],
                        r["outlet"],
                        r["published"],
                        float(r["value"]),
                        r["sentence"],
                        int(r["span_start"]),
                        int(r["span_end"]),
                    )  # fmt: skip
                )

    def order(s: ClusterSummary) -> tuple[int, int, int, str]:
        docs = len({r.doc for r in s.reports if r.role == "report"})
        return (-docs, -s.report_count, -s.rounding_count, s.key)

    return sorted(summaries.values(), key=order)


#: Columns of `attrition claims --clusters` in table form.
CLUSTER_COLUMNS = (
    "cluster", "claimant", "subject", "event", "category", "value", "period_end", "reports", "roundings",
    "docs",
)  # fmt: skip


def _num(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


def cluster_rows(engine: Engine, *, min_reports: int = 1, members: set[str] | None = None) -> list[dict[str, Any]]:
    """Flat rows (one per cluster) for the `claims --clusters` listing in any output format.

    With `members` (stable claim ids, e.g. the claims a filter kept), only the clusters with
    at least one of those claims among their reports or roundings are listed.
    """
    rows = []
    for s in list_clusters(engine, min_reports=min_reports):
        if members is not None and not any(r.claim_id in members for r in s.reports):
            continue
        reports = [r for r in s.reports if r.role == "report"]
        roundings = [r for r in s.reports if r.role == "rounding"]
        rows.append({
            "cluster": s.id, "claimant": s.claimant, "subject": s.subject, "event": s.event,
            "category": s.category, "value": _num(s.value), "value_max": _num(s.value_max),
            "period_start": s.period_start, "period_end": s.period_end,
            "reports": s.report_count, "roundings": s.rounding_count,
            "first_reported": s.first_reported, "last_reported": s.last_reported,
            "docs": list(dict.fromkeys(r.doc for r in reports)),
            "documents": len({r.doc for r in reports}),
            "outlets": list(dict.fromkeys(r.outlet for r in reports if r.outlet)),
            "rounding_docs": [f"{r.doc}={_num(r.value)}" for r in roundings],
            "claim_ids": [r.claim_id for r in s.reports],
        })  # fmt: skip
    return rows
