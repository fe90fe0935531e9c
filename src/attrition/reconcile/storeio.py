"""Between the store and the reconcile records: loading claims, keeping clusters current.

Clusters are a function of the claims of one *statement* (the claim key without its values:
roundings attach only within a statement), so `reconcile(engine)` rebuilds only the clusters
of the statements that gained or lost claims since the last reconcile, and writes them in
multi-row inserts. The result is the same as a full rebuild (`reconcile(engine, full=True)`):
same clusters, same members, same stable ids. It is idempotent and cheap when nothing changed,
so it runs after each ingest and before each listing or check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, delete, func, insert, select

from attrition.provenance import cluster_uid
from attrition.reconcile.clusters import Cluster, build_clusters
from attrition.reconcile.keys import statement_key, statement_text
from attrition.reconcile.records import StoredClaim
from attrition.store.tables import claims, documents
from attrition.store.tables_reconcile import claim_clusters, cluster_reports

#: Rows per multi-row insert and ids per `IN (...)` list (below SQLite's bound-parameter limit).
CHUNK = 500

_CLAIM_COLUMNS = (
    claims.c.id, claims.c.doc, claims.c.ordinal, claims.c.claimant, claims.c.claimant_text, claims.c.subject,
    claims.c.event, claims.c.category, claims.c.model, claims.c.value, claims.c.value_max, claims.c.qualifier,
    claims.c.rate, claims.c.period_start, claims.c.period_end, claims.c.location, claims.c.sentence,
    claims.c.span_start, claims.c.span_end, claims.c.statement, claims.c.part_of, documents.c.outlet,
    documents.c.published, claims.c.uid,
)  # fmt: skip


def _record(row: Sequence[Any]) -> StoredClaim:
    (id_, doc, ordinal, claimant, claimant_text, subject, event, category, model, value, value_max, qualifier,
     rate, period_start, period_end, location, sentence, span_start, span_end, statement, part_of, outlet,
     published, uid) = row  # fmt: skip
    return StoredClaim(
        id=int(id_), doc=str(doc), ordinal=int(ordinal), claimant=claimant, claimant_text=claimant_text,
        subject=subject, event=event, category=category, model=model, value=float(value), value_max=value_max,
        qualifier=qualifier, rate=rate, period_start=period_start, period_end=period_end, location=location,
        sentence=sentence, span_start=span_start, span_end=span_end, statement=statement, part_of=part_of,
        outlet=outlet, published=published, uid=uid,
    )  # fmt: skip


def _claims_query(where: ColumnElement[bool] | None = None) -> Any:
    query = select(*_CLAIM_COLUMNS).join(documents, documents.c.id == claims.c.document_id)
    return (query if where is None else query.where(where)).order_by(claims.c.id)


def iter_claims(conn: Connection, where: ColumnElement[bool] | None = None) -> Iterator[StoredClaim]:
    """Stored claims (all, or those `where` selects) with their document's outlet and date, by id.

    Rows are streamed (`yield_per`), so a caller that keeps only what it needs stays small."""
    result = conn.execute(_claims_query(where).execution_options(yield_per=2000))
    for row in result:
        yield _record(row)


def load_claims(conn: Connection) -> list[StoredClaim]:
    """Every stored claim with its document's outlet and publication date."""
    return list(iter_claims(conn))


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _claims_by_ids(conn: Connection, ids: Iterable[int]) -> list[StoredClaim]:
    ordered = sorted(set(ids))
    return [c for part in _chunks(ordered) for c in iter_claims(conn, claims.c.id.in_(part))]


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """The store's clusters after a reconcile; `statements`: how many were rebuilt this time."""

    clusters: int
    reports: int
    roundings: int
    statements: int = field(default=0, compare=False)


def _cluster_row(cluster: Cluster) -> dict[str, Any]:
    rep = cluster.representative
    stmt = cluster.key[0]
    return {
        "key": cluster.key_text, "uid": cluster_uid(cluster.key_text), "statement": statement_text(stmt),
        "claimant": rep.claimant, "subject": rep.subject, "event": rep.event,
        "category": stmt[3], "model": stmt[4], "rate": stmt[5], "period_start": stmt[6],
        "period_end": stmt[7], "location": stmt[8], "value": cluster.value, "value_max": cluster.key[2],
        "first_reported": cluster.first_reported, "last_reported": cluster.last_reported,
        "report_count": len(cluster.reports), "rounding_count": len(cluster.roundings),
    }  # fmt: skip


def _write_clusters(conn: Connection, clusters: list[Cluster]) -> None:
    """Multi-row inserts of the clusters (ids back in order) and then of their members."""
    for part in _chunks(clusters):
        ids = (
            conn.execute(
                insert(claim_clusters).returning(claim_clusters.c.id, sort_by_parameter_order=True),
                [_cluster_row(c) for c in part],
            )
            .scalars()
            .all()
        )
        rows = [
            {"cluster_id": int(cluster_id), "claim_id": c.id, "role": role}
            for cluster, cluster_id in zip(part, ids, strict=True)
            for role, members in (("report", cluster.reports), ("rounding", cluster.roundings))
            for c in members
        ]
        for rows_part in _chunks(rows):
            conn.execute(insert(cluster_reports), list(rows_part))


def _unclustered(conn: Connection) -> ColumnElement[bool]:
    """Claims in no cluster: new since the last reconcile."""
    clustered = select(cluster_reports.c.id).where(cluster_reports.c.claim_id == claims.c.id)
    return ~clustered.exists()


def _shrunk_statements(conn: Connection) -> set[str]:
    """Statements of clusters that lost members (their claims were deleted: the rows cascade)."""
    members = conn.execute(select(func.count()).select_from(cluster_reports)).scalar_one()
    counted = conn.execute(
        select(func.coalesce(func.sum(claim_clusters.c.report_count + claim_clusters.c.rounding_count), 0))
    ).scalar_one()
    if int(members) == int(counted):
        return set()
    have = (
        select(cluster_reports.c.cluster_id, func.count().label("n")).group_by(cluster_reports.c.cluster_id).subquery()
    )
    query = (
        select(claim_clusters.c.statement)
        .outerjoin(have, have.c.cluster_id == claim_clusters.c.id)
        .where(func.coalesce(have.c.n, 0) != claim_clusters.c.report_count + claim_clusters.c.rounding_count)
    )
    return {str(s) for s in conn.execute(query).scalars()}


def _totals(conn: Connection, statements: int) -> ReconcileResult:
    n, reports, roundings = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(claim_clusters.c.report_count), 0),
            func.coalesce(func.sum(claim_clusters.c.rounding_count), 0),
        )  # fmt: skip
    ).one()
    return ReconcileResult(int(n), int(reports), int(roundings), statements)


def _rebuild_all(conn: Connection) -> int:
    clusters = build_clusters(load_claims(conn))
    conn.execute(delete(cluster_reports))
    conn.execute(delete(claim_clusters))
    _write_clusters(conn, clusters)
    return len({c.key[0] for c in clusters})


def _rebuild(conn: Connection, new: list[StoredClaim], dirty: set[str]) -> None:
    """Replace the clusters of the `dirty` statements by ones built from all their claims."""
    old_ids: list[int] = []
    for part in _chunks(sorted(dirty)):
        old_ids += [int(i) for i in conn.execute(
            select(claim_clusters.c.id).where(claim_clusters.c.statement.in_(part))
        ).scalars()]  # fmt: skip
    members: list[int] = []
    for part in _chunks(old_ids):
        members += [int(i) for i in conn.execute(
            select(cluster_reports.c.claim_id).where(cluster_reports.c.cluster_id.in_(part))
        ).scalars()]  # fmt: skip
    known = {c.id for c in new}
    everything = new + [c for c in _claims_by_ids(conn, members) if c.id not in known]
    chosen = [c for c in everything if statement_text(statement_key(c)) in dirty]
    for part in _chunks(old_ids):
        conn.execute(delete(cluster_reports).where(cluster_reports.c.cluster_id.in_(part)))
        conn.execute(delete(claim_clusters).where(claim_clusters.c.id.in_(part)))
    _write_clusters(conn, build_clusters(chosen))


def reconcile(engine: Engine, *, full: bool = False) -> ReconcileResult:
    """Bring `claim_clusters` and `cluster_reports` up to date with the stored claims.

    Only statements with claims in no cluster yet, or with clusters that lost claims, are
    rebuilt (in one transaction); `full` rebuilds every cluster from every claim.
    """
    with engine.begin() as conn:
        if full or conn.execute(select(claim_clusters.c.id).limit(1)).first() is None:
            return _totals(conn, _rebuild_all(conn))
        new = list(iter_claims(conn, _unclustered(conn)))
        dirty = {statement_text(statement_key(c)) for c in new} | _shrunk_statements(conn)
        if dirty:
            _rebuild(conn, new, dirty)
        return _totals(conn, len(dirty))


def clusters_current(conn: Connection) -> bool:
    """True when every stored claim is in a cluster and no cluster lost a claim."""
    unclustered = conn.execute(select(claims.c.id).where(_unclustered(conn)).limit(1)).first()
    return unclustered is None and not _shrunk_statements(conn)


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
    """Clusters with their reports, most reported first (brought up to date first unless told not to)."""
    if rebuild:
        ensure_clusters(engine)
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
