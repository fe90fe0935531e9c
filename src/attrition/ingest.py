"""Ingest: sources -> documents -> claims -> store, one transaction per document.

The unit of work is a document. Each new document is written with its claims, its
near-duplicate links and the run's updated counters in one transaction, so a run killed at any
point (even `kill -9`) leaves whole documents and counters that match them. Rerunning the same
command carries on: stored content hashes are recognised before extraction, and URLs already
stored are not fetched again.

Near-duplicates (the same wire story on two sites) are found with MinHash LSH over word
shingles and recorded in `document_links`; both documents and their claims stay in the store,
because which outlet carried a claim is itself information.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from attrition.models import Document
from attrition.sources import (
    DocumentError,
    Fetched,
    Fetcher,
    FetchPolicy,
    Skipped,
    content_hash,
    doc_key_from_url,
    normalize_text,
    read_source,
)
from attrition.store import StoreError, open_store
from attrition.store import repository as repo
from attrition.text.language import detect_language, normalize_lang

#: Seconds between heartbeats of a run that only meets duplicates (other writes beat anyway).
HEARTBEAT = 60.0
#: Estimated Jaccard similarity of 4-word shingles above which two documents are linked.
NEAR_DUPLICATE_THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 4


@dataclass(slots=True)
class RunSummary:
    """Counts of one run. `new` and `near_duplicate` are disjoint: both are stored documents,
    the latter linked to an earlier near-identical one."""

    run_id: int
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    claims: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    status: str = "running"

    def counts(self) -> dict[str, int]:
        return {
            "new": self.new,
            "duplicate": self.duplicate,
            "near_duplicate": self.near_duplicate,
            "failed": self.failed,
            "claims": self.claims,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """What happened to one item, for progress displays: outcome is new, duplicate,
    near_duplicate or failed."""

    outcome: str
    source: str
    doc: str | None = None
    claims: int = 0
    error: str | None = None


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word `size`-grams of the normalized text (the whole text if it is shorter)."""
    words = normalize_text(text).split()
    if len(words) <= size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


class NearDuplicates:
    """MinHash LSH index over the stored documents, seeded from the store at the start of a run."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        from datasketch import MinHashLSH

        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.hashes: dict[int, object] = {}

    def minhash(self, text: str) -> object:
        from datasketch import MinHash

        mh = MinHash(num_perm=self.num_perm)
        mh.update_batch(list(shingles(text)))
        return mh

    def similar(self, mh: object) -> list[tuple[int, float]]:
        """Stored documents similar to `mh`, with their estimated Jaccard similarity."""
        out = []
        for key in self.lsh.query(mh):
            other = self.hashes[int(key)]
            out.append((int(key), float(mh.jaccard(other))))  # type: ignore[attr-defined]
        return sorted(out)

    def add(self, document_id: int, mh: object) -> None:
        if document_id not in self.hashes:
            self.lsh.insert(str(document_id), mh)
            self.hashes[document_id] = mh

    def seed(self, items: Iterable[tuple[int, str]]) -> None:
        for document_id, text in items:
            self.add(document_id, self.minhash(text))


def _doc_key(fetched: Fetched, digest: str) -> str:
    if fetched.doc:
        return fetched.doc
    if fetched.url:
        return doc_key_from_url(fetched.url)
    return f"sha256-{digest[:16]}"


class Ingestor:
    """One ingest run against one store; `ingest()` is the convenient wrapper."""

    def __init__(
        self,
        engine: Engine,
        *,
        policy: FetchPolicy | None = None,
        on_event: Callable[[Event], None] | None = None,
        threshold: float = NEAR_DUPLICATE_THRESHOLD,
        meta: Mapping[str, dict[str, object]] | None = None,
        lang: str | None = None,
    ) -> None:
        self.engine = engine
        self.meta = meta
        self.lang = normalize_lang(lang)
        self.policy = policy or FetchPolicy()
        self.on_event = on_event or (lambda _e: None)
        self.threshold = threshold
        self._beat = time.monotonic()

    def run(self, sources: Sequence[str]) -> RunSummary:
        with self.engine.begin() as conn:
            summary = RunSummary(run_id=repo.start_run(conn, sources=list(sources)))
        index = NearDuplicates(self.threshold)
        with self.engine.connect() as conn:
            index.seed(repo.iter_texts(conn))
        try:
            with Fetcher(self.policy) as fetcher:
                for spec in sources:
                    for item in read_source(spec, fetcher=fetcher, known_url=self._url_known, meta=self.meta):
                        self._handle(item, summary, index)
        except BaseException:
            summary.status = "interrupted"
            try:
                with self.engine.begin() as conn:
                    repo.update_run(conn, run_id=summary.run_id, status="interrupted", counts=summary.counts())
            except (SQLAlchemyError, StoreError):  # the store itself failed (full, read-only, gone):
                pass  # the next run marks this one interrupted; the original error is what matters
            raise
        summary.status = "finished"
        with self.engine.begin() as conn:
            repo.update_run(conn, run_id=summary.run_id, status="finished", counts=summary.counts())
        return summary

    def _url_known(self, url: str) -> bool:
        with self.engine.connect() as conn:
            return repo.url_known(conn, url=url)

    def _fail(self, summary: RunSummary, error: DocumentError) -> None:
        summary.failed += 1
        summary.errors.append(error)
        with self.engine.begin() as conn:
            repo.add_error(conn, run_id=summary.run_id, source=error.source, error=error.error)
            repo.update_run(conn, run_id=summary.run_id, counts=summary.counts())
        self.on_event(Event("failed", error.source, error=error.error))

    def _duplicate(self, summary: RunSummary, source: str, doc: str | None = None) -> None:
        summary.duplicate += 1
        if time.monotonic() - self._beat > HEARTBEAT:  # a run of duplicates writes nothing else
            with self.engine.begin() as conn:
                repo.update_run(conn, run_id=summary.run_id, counts=summary.counts())
            self._beat = time.monotonic()
        self.on_event(Event("duplicate", source, doc=doc))

    def _handle(
        self, item: Fetched | DocumentError | Skipped, summary: RunSummary, index: NearDuplicates
    ) -> None:
        if isinstance(item, DocumentError):
            self._fail(summary, item)
            return
        if isinstance(item, Skipped):
            self._duplicate(summary, item.source)
            return
        if "\x00" in item.text:  # PostgreSQL cannot store NUL in TEXT; it carries no meaning anyway
            item.text = item.text.replace("\x00", "")
        digest = content_hash(item.text)
        with self.engine.connect() as conn:
            if repo.find_document(conn, content_hash=digest) is not None:
                self._duplicate(summary, item.source)
                return
        document = Document(
            id=_doc_key(item, digest),
            text=item.text,
            published=item.published,
            url=item.url,
            outlet=item.outlet,
            title=item.title,
            lang=self.lang or detect_language(item.text),
        )
        try:
            from attrition import extract_document

            claims = extract_document(document)
        except Exception as exc:  # an extractor bug must cost one document, not the batch
            self._fail(summary, DocumentError(item.source, f"extraction failed: {type(exc).__name__}: {exc}"))
            return
        mh = index.minhash(item.text)
        similar = index.similar(mh)
        try:
            with self.engine.begin() as conn:
                result = repo.add_document(
                    conn, document=document, claims=claims, content_hash=digest,
                    source=item.source, run_id=summary.run_id,
                )  # fmt: skip
                if not result.new:
                    raise _AlreadyStored
                for other, similarity in similar:
                    repo.add_link(conn, doc_a=other, doc_b=result.document_id, similarity=similarity)
                outcome = "near_duplicate" if similar else "new"
                counts = summary.counts()
                counts[outcome] += 1
                counts["claims"] += result.claims
                repo.update_run(conn, run_id=summary.run_id, counts=counts)
        except (IntegrityError, _AlreadyStored):  # stored meanwhile by a concurrent run
            self._duplicate(summary, item.source)
            return
        except SQLAlchemyError as exc:  # e.g. a value PostgreSQL refuses: lose this document only
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            self._fail(summary, DocumentError(item.source, f"database refused the document: {detail}"))
            return
        setattr(summary, outcome, getattr(summary, outcome) + 1)
        summary.claims += result.claims
        index.add(result.document_id, mh)
        self.on_event(Event(outcome, item.source, doc=result.doc, claims=result.claims))


class _AlreadyStored(Exception):
    """Rolls back a transaction whose document turned out to be stored already."""


def ingest(
    sources: Sequence[str],
    *,
    db_url: str | None = None,
    engine: Engine | None = None,
    allow_private: bool = False,
    policy: FetchPolicy | None = None,
    on_event: Callable[[Event], None] | None = None,
    meta: Mapping[str, dict[str, object]] | None = None,
    lang: str | None = None,
) -> RunSummary:
    """Ingest every SOURCE (files, folders, URLs, feeds, WARCs) into the store at `db_url`.

    Each document's language is detected from its text unless `lang` (en, ru, uk) is given.

    Bad sources never stop the batch: each becomes an error row of the run (and an entry of
    `RunSummary.errors`).
    """
    if policy is None:
        policy = FetchPolicy(allow_private=allow_private)
    own = engine is None
    engine = engine or open_store(db_url)
    try:
        return Ingestor(engine, policy=policy, on_event=on_event, meta=meta, lang=lang).run(sources)
    finally:
        if own:
            engine.dispose()
