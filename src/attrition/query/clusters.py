"""Clusters: one claim and every report of it, as `attrition.reconcile` last built them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from attrition.query.claims import claim_record
from attrition.query.figures import stated_figure
from attrition.query.pages import Page, after, decode_cursor, encode_cursor
from attrition.store.tables import claims, documents
from attrition.store.tables_reconcile import claim_clusters, cluster_reports

CLUSTER_FIELDS = (
    "id", "key", "claimant", "subject", "event", "category", "model", "rate", "period_start", "period_end",
    "location", "value", "value_max", "first_reported", "last_reported", "report_count", "rounding_count",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClusterFilter:
    claimant: str | None = None
    subject: str | None = None
    category: str | None = None
    event: str | None = None
    min_reports: int = 1


def _num(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def cluster_record(row: Any) -> dict[str, Any]:
    """A stored cluster row as a record whose `id` is the cluster's stable id."""
    record = {k: row[k] for k in CLUSTER_FIELDS}
    record["id"] = row["uid"]
    record["value"], record["value_max"] = _num(record["value"]), _num(record["value_max"])
    record["figure"] = stated_figure(record["value"], record["value_max"], "range" if record["value_max"] else "exact",
                                     record["rate"])  # fmt: skip
    return record


def page_clusters(
    conn: Connection, flt: ClusterFilter, *, limit: int = 50, cursor: str | None = None
) -> Page[dict[str, Any]]:
    """Most reported clusters first."""
    c = claim_clusters.c
    conditions = [c.report_count >= flt.min_reports]
    for name in ("claimant", "subject", "event"):
        value = getattr(flt, name)
        if value:
            conditions.append(c[name] == value)
    if flt.category:
        conditions.append(("+" + c.category + "+").contains(f"+{flt.category}+", autoescape=True))
    query = select(claim_clusters).where(*conditions)
    if cursor:
        value, row_id = decode_cursor(cursor, "report_count", True)
        query = query.where(after(c.report_count, c.id, int(value), row_id, True))
    rows = list(conn.execute(query.order_by(c.report_count.desc(), c.id.desc()).limit(limit + 1)).mappings())
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = encode_cursor("report_count", True, int(rows[-1]["report_count"]), int(rows[-1]["id"]))
    total = conn.execute(select(func.count()).select_from(claim_clusters).where(*conditions)).scalar_one()
    return Page([cluster_record(r) for r in rows], next_cursor, int(total))


def get_cluster(conn: Connection, cluster_id: str) -> dict[str, Any] | None:
    """A cluster (by stable id) with every report (claim, document, outlet, date, role)."""
    row = conn.execute(select(claim_clusters).where(claim_clusters.c.uid == cluster_id)).mappings().first()
    if row is None:
        return None
    record = cluster_record(row)
    query = (
        select(
            claims.c.uid.label("id"),
            *(
                claims.c[n]
                for n in (
                    "doc",
                    "claimant",
                    "claimant_text",
                    "subject",
                    "event",
                    "category",
                    "model",
                    "value",
                    "value_max",
                    "qualifier",
                    "rate",
                    "period_start",
                    "period_end",
                    "location",
                    "sentence",
                    "span_start",
                    "span_end",
                    "sentence_start",
                    "sentence_end",
                    "rules",
                    "statement",
                    "part_of",
                    "ordinal",
                    "extractor",
                    "rules_hash",
                )
            ),
            documents.c.published,
            documents.c.outlet,
            documents.c.url,
            documents.c.title,
            cluster_reports.c.role,
        )  # fmt: skip
        .join(cluster_reports, cluster_reports.c.claim_id == claims.c.id)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(cluster_reports.c.cluster_id == row["id"])
        .order_by(documents.c.published, claims.c.id)
    )
    record["reports"] = [{**claim_record(r), "cluster": record["id"]} for r in conn.execute(query).mappings()]
    return record
