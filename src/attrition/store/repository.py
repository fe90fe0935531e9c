"""Reading and writing the store. Keyword-only functions over a SQLAlchemy `Connection`.

The caller owns the transaction (`with engine.begin() as conn:`), so "one document, its
claims and its links in one transaction" is decided in one place (`attrition.ingest`) and a
run killed between two documents leaves only whole documents behind.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from attrition.models import Claim, Document
from attrition.provenance import EXTRACTOR_VERSION, claim_uids, rules_hash
from attrition.store.bulk import insert_rows
from attrition.store.tables import claims as claims_t
from attrition.store.tables import document_links, documents, ingest_errors, ingest_runs
from attrition.store.textfold import fold

#: Columns of `claims` returned by `query_claims` (after `id`, the stable claim id), in
#: exchange-format order then evidence and provenance.
CLAIM_COLUMNS: tuple[str, ...] = (
    "doc", "claimant", "claimant_text", "subject", "event", "category", "model", "value", "value_max",
    "qualifier", "rate", "period_start", "period_end", "location", "sentence",
    "span_start", "span_end", "sentence_start", "sentence_end", "rules", "statement", "part_of", "ordinal",
    "extractor", "rules_hash",
)  # fmt: skip


def now() -> datetime:
    """UTC now without tzinfo (SQLite and `TIMESTAMP WITHOUT TIME ZONE` agree on naive UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What `add_document` did: `new` is False when the content hash was already stored."""

    document_id: int
    doc: str
    new: bool
    claims: int


# ----------------------------------------------------------------------------- runs


#: A run on another host that has not shown life for this long is taken for dead.
RUN_STALE_AFTER = timedelta(minutes=15)


def this_process() -> tuple[str, int]:
    """(host name, process id) of the caller: the owner recorded on a run."""
    return socket.gethostname(), os.getpid()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    except OSError:
        return False
    return True


def run_is_alive(run: Mapping[str, Any], *, at: datetime | None = None) -> bool:
    """Whether a `running` run still has a process working on it.

    On this host the recorded process id decides; elsewhere (or for runs from before the owner
    was recorded) the last heartbeat: a run silent for `RUN_STALE_AFTER` is dead.
    """
    host, _ = this_process()
    if run.get("host") == host and run.get("pid"):
        return _pid_alive(int(run["pid"]))
    last = run.get("heartbeat_at") or run.get("started_at")
    return last is not None and (at or now()) - last < RUN_STALE_AFTER


def start_run(conn: Connection, *, sources: list[str]) -> int:
    """A new ingest run owned by this process. Runs left `running` by a process that is gone
    (killed, or silent too long on another host) are marked `interrupted`; live runs, in
    another terminal or on another machine, are left alone."""
    running = conn.execute(select(ingest_runs).where(ingest_runs.c.status == "running")).mappings().all()
    stamp = now()
    dead = [int(r["id"]) for r in running if not run_is_alive(dict(r), at=stamp)]
    if dead:
        conn.execute(update(ingest_runs).where(ingest_runs.c.id.in_(dead)).values(status="interrupted"))
    host, pid = this_process()
    row = conn.execute(
        insert(ingest_runs)
        .values(
            started_at=stamp,
            status="running",
            sources=json.dumps(sources),
            new=0,
            duplicate=0,
            near_duplicate=0,
            failed=0,
            filtered=0,
            claims=0,
            host=host,
            pid=pid,
            heartbeat_at=stamp,
        )  # fmt: skip
        .returning(ingest_runs.c.id)
    ).scalar_one()
    return int(row)


def update_run(
    conn: Connection, *, run_id: int, status: str | None = None, counts: Mapping[str, int] | None = None
) -> None:
    """Store the run's counters (and status); `finished_at` is set when the status is final.
    Every update is also the run's heartbeat."""
    values: dict[str, Any] = dict(counts or {})
    values["heartbeat_at"] = now()
    if status is not None:
        values["status"] = status
        if status != "running":
            values["finished_at"] = now()
    conn.execute(update(ingest_runs).where(ingest_runs.c.id == run_id).values(**values))


def add_error(conn: Connection, *, run_id: int, source: str, error: str) -> None:
    """One row in the run's error list."""
    conn.execute(insert(ingest_errors).values(run_id=run_id, source=source, error=error, at=now()))


def list_runs(conn: Connection, *, limit: int = 20) -> list[dict[str, Any]]:
    """The latest runs, newest first."""
    rows = conn.execute(select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit)).mappings()
    return [dict(r) for r in rows]


def list_errors(conn: Connection, *, run_id: int | None = None) -> list[dict[str, Any]]:
    """Errors of one run (or of all runs), oldest first."""
    query = select(ingest_errors).order_by(ingest_errors.c.id)
    if run_id is not None:
        query = query.where(ingest_errors.c.run_id == run_id)
    return [dict(r) for r in conn.execute(query).mappings()]


# ----------------------------------------------------------------------------- documents


def find_document(conn: Connection, *, content_hash: str) -> int | None:
    """The id of the document with this normalized content hash, if stored."""
    found = conn.execute(select(documents.c.id).where(documents.c.content_hash == content_hash)).scalar()
    return int(found) if found is not None else None


def url_known(conn: Connection, *, url: str) -> bool:
    """True when a document fetched from `url` is already stored: as its final address, or as
    the address it was asked for (a URL that redirects is stored under where it led, and must
    not be fetched again on every rerun)."""
    query = select(documents.c.id).where(or_(documents.c.url == url, documents.c.source == url)).limit(1)
    return conn.execute(query).first() is not None


def _free_doc_key(conn: Connection, doc: str, content_hash: str) -> str:
    """`doc`, or `doc-<hash prefix>` when another document already uses that key."""
    taken = conn.execute(select(documents.c.id).where(documents.c.doc == doc)).first()
    return doc if taken is None else f"{doc}-{content_hash[:10]}"


def claim_row(claim: Claim, *, document_id: int, doc: str, ordinal: int, uid: str) -> dict[str, Any]:
    """The `claims` row for one extracted claim (exchange-format fields, evidence, provenance)."""
    return {
        "uid": uid,
        "extractor": EXTRACTOR_VERSION,
        "rules_hash": rules_hash(),
        "document_id": document_id,
        "doc": doc,
        "ordinal": ordinal,
        "claimant": claim.claimant,
        "claimant_text": claim.claimant_text,
        "subject": claim.subject,
        "event": claim.event,
        "category": claim.category,
        "model": claim.model,
        "value": float(claim.value),
        "value_max": float(claim.value_max) if claim.value_max is not None else None,
        "qualifier": claim.qualifier,
        "rate": claim.rate,
        "period_start": claim.period_start,
        "period_end": claim.period_end,
        "location": claim.location,
        "sentence": claim.sentence,
        "sentence_folded": fold(claim.sentence),
        "span_start": claim.span.start,
        "span_end": claim.span.end,
        "sentence_start": claim.sentence_span.start,
        "sentence_end": claim.sentence_span.end,
        "rules": " ".join(claim.rules),
        "statement": claim.statement,
        "part_of": claim.part_of,
    }


def add_document(
    conn: Connection,
    *,
    document: Document,
    claims: list[Claim],
    content_hash: str,
    source: str | None,
    run_id: int | None,
) -> AddResult:
    """Store a document and its claims unless its content hash is already stored.

    Re-adding identical content changes nothing and returns `new=False` with the stored id.
    """
    existing = find_document(conn, content_hash=content_hash)
    if existing is not None:
        doc = conn.execute(select(documents.c.doc).where(documents.c.id == existing)).scalar_one()
        return AddResult(existing, str(doc), False, 0)
    doc = _free_doc_key(conn, document.id, content_hash)
    document_id = conn.execute(
        insert(documents)
        .values(
            doc=doc,
            content_hash=content_hash,
            url=document.url,
            outlet=document.outlet,
            title=document.title,
            published=document.published,
            lang=document.lang,
            source=source,
            text=document.text,
            ingested_at=now(),
            run_id=run_id,
        )  # fmt: skip
        .returning(documents.c.id)
    ).scalar_one()
    if claims:
        uids = claim_uids(content_hash, [(c.span.start, c.span.end) for c in claims])
        rows = [
            claim_row(c, document_id=document_id, doc=doc, ordinal=i, uid=uid)
            for i, (c, uid) in enumerate(zip(claims, uids, strict=True))
        ]
        insert_rows(conn, claims_t, rows)
    return AddResult(int(document_id), doc, True, len(claims))


def add_documents(
    conn: Connection,
    *,
    entries: Sequence[tuple[Document, list[Claim], str, str | None]],
    run_id: int | None,
) -> list[AddResult]:
    """Store new documents (document, claims, content hash, source) in two multi-row inserts.

    The caller has checked that no content hash is stored yet; one that is (a concurrent run)
    violates the unique constraint and the caller's transaction is rolled back whole.
    """
    keys: set[str] = set()
    rows = []
    for document, _claims, digest, source in entries:
        doc = _free_doc_key(conn, document.id, digest)
        if doc in keys:
            doc = f"{document.id}-{digest[:10]}"
        keys.add(doc)
        rows.append({
            "doc": doc, "content_hash": digest, "url": document.url, "outlet": document.outlet,
            "title": document.title, "published": document.published, "source": source, "text": document.text,
            "ingested_at": now(), "run_id": run_id,
        })  # fmt: skip
    returned = (
        conn.execute(insert(documents).returning(documents.c.id, sort_by_parameter_order=True), rows).scalars().all()
    )
    claim_rows = []
    results = []
    for (_document, found, _digest, _source), row, document_id in zip(entries, rows, returned, strict=True):
        doc = str(row["doc"])
        uids = claim_uids(str(row["content_hash"]), [(c.span.start, c.span.end) for c in found])
        claim_rows += [
            claim_row(c, document_id=int(document_id), doc=doc, ordinal=i, uid=uid)
            for i, (c, uid) in enumerate(zip(found, uids, strict=True))
        ]
        results.append(AddResult(int(document_id), doc, True, len(found)))
    if claim_rows:
        insert_rows(conn, claims_t, claim_rows)
    return results


def add_link(conn: Connection, *, doc_a: int, doc_b: int, similarity: float, kind: str = "near_duplicate") -> None:
    """Link two documents (smaller id first), once per pair and kind."""
    a, b = sorted((doc_a, doc_b))
    exists = conn.execute(
        select(document_links.c.id).where(
            and_(document_links.c.doc_a == a, document_links.c.doc_b == b, document_links.c.kind == kind)
        )
    ).first()
    if exists is None:
        conn.execute(insert(document_links).values(doc_a=a, doc_b=b, kind=kind, similarity=similarity))


def iter_texts(conn: Connection) -> Iterator[tuple[int, str]]:
    """(id, text) of every stored document, for seeding near-duplicate detection."""
    for row in conn.execute(select(documents.c.id, documents.c.text).order_by(documents.c.id)):
        yield int(row.id), str(row.text)


def list_documents(
    conn: Connection,
    *,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    doc: str | None = None,
    lang: str | None = None,
) -> list[dict[str, Any]]:
    """Stored documents (without their text) with claim and near-duplicate counts."""
    n_claims = select(func.count()).where(claims_t.c.document_id == documents.c.id).scalar_subquery()
    n_links = (
        select(func.count())
        .where(or_(document_links.c.doc_a == documents.c.id, document_links.c.doc_b == documents.c.id))
        .scalar_subquery()
    )
    query = select(
        documents.c.id, documents.c.doc, documents.c.published, documents.c.outlet, documents.c.title,
        documents.c.url, documents.c.lang, documents.c.source, documents.c.content_hash, documents.c.ingested_at,
        n_claims.label("claims"), n_links.label("near_duplicates"),
    ).order_by(documents.c.published, documents.c.doc)  # fmt: skip
    if outlet:
        query = query.where(func.lower(documents.c.outlet) == outlet.lower())
    if since:
        query = query.where(documents.c.published >= since)
    if until:
        query = query.where(documents.c.published <= until)
    if doc:
        query = query.where(documents.c.doc == doc)
    if lang:
        query = query.where(documents.c.lang == lang.lower())
    return [dict(r) for r in conn.execute(query).mappings()]


def query_claims(
    conn: Connection,
    *,
    claimant: str | None = None,
    subject: str | None = None,
    category: str | None = None,
    event: str | None = None,
    qualifier: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    doc: str | None = None,
    claim_id: str | None = None,
    cluster: str | None = None,
    lang: str | None = None,
    period_from: date | None = None,
    period_to: date | None = None,
) -> list[dict[str, Any]]:
    """Stored claims matching every given filter, with their document's date, outlet and URL.

    `id` is the claim's stable id and `cluster` the stable id of the cluster it was last
    reconciled into (null before a reconcile). `category` matches any part of a combined
    category (`tanks` matches `tanks+afv`); `since`/`until` compare the publication date;
    `lang` is the document's language.
    """
    from attrition.store.tables_reconcile import claim_clusters, cluster_reports

    cols = [claims_t.c[name] for name in CLAIM_COLUMNS]
    query = (
        select(
            claims_t.c.uid.label("id"),
            *cols,
            claim_clusters.c.uid.label("cluster"),
            documents.c.published,
            documents.c.outlet,
            documents.c.url,
            documents.c.lang,
        )  # fmt: skip
        .join(documents, documents.c.id == claims_t.c.document_id)
        .outerjoin(cluster_reports, cluster_reports.c.claim_id == claims_t.c.id)
        .outerjoin(claim_clusters, claim_clusters.c.id == cluster_reports.c.cluster_id)
        .order_by(documents.c.published, claims_t.c.doc, claims_t.c.ordinal)
    )
    if claim_id:
        query = query.where(claims_t.c.uid == claim_id)
    if period_from or period_to:  # the claim's period overlaps the window (an undated claim does not)
        end = func.coalesce(claims_t.c.period_end, claims_t.c.period_start)
        start = func.coalesce(claims_t.c.period_start, claims_t.c.period_end)
        query = query.where(end.is_not(None))
        if period_from:
            query = query.where(end >= period_from)
        if period_to:
            query = query.where(start <= period_to)
    if cluster:
        query = query.where(claim_clusters.c.uid == cluster)
    if claimant:
        query = query.where(claims_t.c.claimant == claimant)
    if subject:
        query = query.where(claims_t.c.subject == subject)
    if event:
        query = query.where(claims_t.c.event == event)
    if qualifier:
        query = query.where(claims_t.c.qualifier == qualifier)
    if category:
        plus = "+" + claims_t.c.category + "+"
        query = query.where(plus.contains(f"+{category}+", autoescape=True))
    if since:
        query = query.where(documents.c.published >= since)
    if until:
        query = query.where(documents.c.published <= until)
    if outlet:
        query = query.where(func.lower(documents.c.outlet) == outlet.lower())
    if doc:
        query = query.where(claims_t.c.doc == doc)
    if lang:
        query = query.where(documents.c.lang == lang.lower())
    out = []
    for row in conn.execute(query).mappings():
        record = dict(row)
        for key in ("value", "value_max"):
            v = record[key]
            if isinstance(v, float) and v.is_integer():
                record[key] = int(v)
        record["rules"] = str(record["rules"]).split()
        out.append(record)
    return out
