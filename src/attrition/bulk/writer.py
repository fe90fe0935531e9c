"""The one writer of a run: duplicate checks, near-duplicate lookups and batched inserts.

Results arrive in input order (from this process, a pool or a Dask cluster). Each is checked
against the store and against the batch not yet written (same content hash: a duplicate;
shared LSH band keys: a near-duplicate link), then written with its batch in one transaction:
multi-row inserts of documents, claims, signatures, band keys and links, and the run's
counters. A killed run leaves whole batches whose counters match them; rerunning it stores
the rest, because content hashes already stored are recognised. A batch the database refuses
is written again one document at a time, so one bad document costs only itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, insert
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from attrition.bulk.signature import jaccard
from attrition.bulk.work import Filtered, Processed, Result
from attrition.sources import DocumentError, Skipped
from attrition.store import neardup
from attrition.store import repository as repo
from attrition.store.tables import document_links

#: Seconds between heartbeats of a run that only meets duplicates (other writes beat anyway).
HEARTBEAT = 60.0


@dataclass(slots=True)
class RunSummary:
    """Counts of one run. `new` and `near_duplicate` are disjoint: both are stored documents,
    the latter linked to an earlier near-identical one. `filtered` pages were skipped by the
    prefilter (no loss vocabulary) and not stored."""

    run_id: int
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    filtered: int = 0
    claims: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    status: str = "running"

    def counts(self) -> dict[str, int]:
        return {
            "new": self.new,
            "duplicate": self.duplicate,
            "near_duplicate": self.near_duplicate,
            "failed": self.failed,
            "filtered": self.filtered,
            "claims": self.claims,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """What happened to one item, for progress displays: outcome is new, duplicate,
    near_duplicate, filtered or failed."""

    outcome: str
    source: str
    doc: str | None = None
    claims: int = 0
    error: str | None = None


@dataclass(slots=True)
class _Pending:
    item: Processed
    stored: list[tuple[int, float]]  # (stored document id, similarity)
    earlier: list[tuple[int, float]]  # (index in this batch, similarity)


class _AlreadyStored(Exception):
    """Rolls back a transaction whose document turned out to be stored already."""


class StoreWriter:
    """Writes one run's results; `batch_size` documents (or `max_wait` seconds) per transaction."""

    def __init__(
        self,
        engine: Engine,
        summary: RunSummary,
        on_event: Callable[[Event], None],
        *,
        batch_size: int = 1,
        max_wait: float = 2.0,
    ) -> None:
        self.engine = engine
        self.summary = summary
        self.on_event = on_event
        self.batch_size = max(1, batch_size)
        self.max_wait = max_wait
        self.pending: list[_Pending] = []
        self.hashes: set[str] = set()
        self.bands: dict[int, list[int]] = {}
        self.since = 0.0
        self.beat = time.monotonic()

    # ------------------------------------------------------------------ reading the store

    def known_hash(self, digest: str) -> bool:
        """Content already stored or waiting in this batch."""
        if digest in self.hashes:
            return True
        with self.engine.connect() as conn:
            return repo.find_document(conn, content_hash=digest) is not None

    # ------------------------------------------------------------------ results in order

    def write(self, result: Result) -> None:
        if isinstance(result, DocumentError):
            self.fail(result)
        elif isinstance(result, Skipped):
            self._duplicate(result.source)
        elif isinstance(result, Filtered):
            self.summary.filtered += 1
            self.on_event(Event("filtered", result.source))
        else:
            self._queue(result)

    def _duplicate(self, source: str) -> None:
        self.summary.duplicate += 1
        if time.monotonic() - self.beat > HEARTBEAT:  # a run of duplicates writes nothing else
            with self.engine.begin() as conn:
                repo.update_run(conn, run_id=self.summary.run_id, counts=self.summary.counts())
            self.beat = time.monotonic()
        self.on_event(Event("duplicate", source))

    def fail(self, error: DocumentError) -> None:
        self.summary.failed += 1
        self.summary.errors.append(error)
        with self.engine.begin() as conn:
            repo.add_error(conn, run_id=self.summary.run_id, source=error.source, error=error.error)
            repo.update_run(conn, run_id=self.summary.run_id, counts=self.summary.counts())
        self.on_event(Event("failed", error.source, error=error.error))

    def _queue(self, item: Processed) -> None:
        if self.known_hash(item.digest):
            self._duplicate(item.source)
            return
        with self.engine.connect() as conn:
            stored = neardup.similar(conn, item.signature, item.bands)
        earlier = sorted(
            (i, jaccard(item.signature, self.pending[i].item.signature))
            for i in {i for key in item.bands for i in self.bands.get(key, ())}
        )
        if not self.pending:
            self.since = time.monotonic()
        index = len(self.pending)
        self.pending.append(_Pending(item, stored, earlier))
        self.hashes.add(item.digest)
        for key in item.bands:
            self.bands.setdefault(key, []).append(index)
        if len(self.pending) >= self.batch_size or time.monotonic() - self.since >= self.max_wait:
            self.flush()

    # ------------------------------------------------------------------ writing

    def flush(self) -> None:
        """Write the waiting batch (one transaction; one per document if the batch is refused)."""
        batch, self.pending, self.hashes, self.bands = self.pending, [], set(), {}
        if not batch:
            return
        if len(batch) > 1:
            try:
                self._write_batch(batch)
                return
            except SQLAlchemyError:
                pass  # a concurrent run stored one of them, or one is refused: one by one
        ids: dict[int, int] = {}
        for i, pending in enumerate(batch):
            stored_id = self._write_one(pending, ids)
            if stored_id is not None:
                ids[i] = stored_id

    def _links(self, pending: _Pending, ids: dict[int, int]) -> list[tuple[int, float]]:
        return pending.stored + [(ids[i], s) for i, s in pending.earlier if i in ids]

    def _count(self, outcomes: list[tuple[str, int]]) -> dict[str, int]:
        counts = self.summary.counts()
        for outcome, n_claims in outcomes:
            counts[outcome] += 1
            counts["claims"] += n_claims
        return counts

    def _done(self, outcomes: list[tuple[str, str, str, int]]) -> None:
        for outcome, source, doc, n_claims in outcomes:
            setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)
            self.summary.claims += n_claims
            self.on_event(Event(outcome, source, doc=doc, claims=n_claims))

    def _write_batch(self, batch: list[_Pending]) -> None:
        items = [p.item for p in batch]
        with self.engine.begin() as conn:
            results = repo.add_documents(
                conn,
                entries=[(p.document, p.claims, p.digest, p.source) for p in items],
                run_id=self.summary.run_id,
            )
            ids = {i: r.document_id for i, r in enumerate(results)}
            links: dict[tuple[int, int], float] = {}
            outcomes = []
            for i, pending in enumerate(batch):
                found = self._links(pending, ids)
                for other, similarity in found:
                    links.setdefault(tuple(sorted((other, ids[i]))), similarity)  # type: ignore[arg-type]
                outcomes.append(("near_duplicate" if found else "new", pending.item.source, results[i].doc,
                                 results[i].claims))  # fmt: skip
            if links:
                rows = [{"doc_a": a, "doc_b": b, "similarity": s} for (a, b), s in links.items()]
                conn.execute(insert(document_links).values(kind="near_duplicate"), rows)
            neardup.add_rows(conn, [(ids[i], p.signature, p.bands) for i, p in enumerate(items)])
            repo.update_run(conn, run_id=self.summary.run_id, counts=self._count([(o[0], o[3]) for o in outcomes]))
        self._done(outcomes)

    def _write_one(self, pending: _Pending, ids: dict[int, int]) -> int | None:
        item = pending.item
        try:
            with self.engine.begin() as conn:
                result = repo.add_document(
                    conn, document=item.document, claims=item.claims, content_hash=item.digest,
                    source=item.source, run_id=self.summary.run_id,
                )  # fmt: skip
                if not result.new:
                    raise _AlreadyStored
                found = self._links(pending, ids)
                for other, similarity in found:
                    repo.add_link(conn, doc_a=other, doc_b=result.document_id, similarity=similarity)
                neardup.add_rows(conn, [(result.document_id, item.signature, item.bands)])
                outcome = "near_duplicate" if found else "new"
                repo.update_run(conn, run_id=self.summary.run_id, counts=self._count([(outcome, result.claims)]))
        except (IntegrityError, _AlreadyStored):  # stored meanwhile by a concurrent run
            self._duplicate(item.source)
            return None
        except SQLAlchemyError as exc:  # e.g. a value PostgreSQL refuses: lose this document only
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            self.fail(DocumentError(item.source, f"database refused the document: {detail}"))
            return None
        self._done([(outcome, item.source, result.doc, result.claims)])
        return result.document_id
