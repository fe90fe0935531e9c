"""Ingest: sources -> documents -> claims -> store, in batches written by one process.

A run reads its SOURCEs, and for each document computes the content hash, the claims and a
MinHash signature (`bulk.work`, pure functions), here or spread over a process pool
(`jobs`) or a Dask cluster (`dask`). One writer (`bulk.writer`) takes the results in input
order and stores each batch (documents, claims, near-duplicate links, signatures and the run's
counters) in one transaction, so a run killed at any point (even `kill -9`) leaves whole
documents and counters that match them. Rerunning the same command carries on: stored content
hashes are recognised, and URLs already stored are not fetched again.

Near-duplicates (the same wire story on two sites) are found with MinHash LSH over word
shingles: each stored document's signature and band keys are kept in the store
(`store.neardup`), so a new document is looked up, never compared by rebuilding an index of
every stored text. Both documents and their claims stay in the store, linked in
`document_links`, because which outlet carried a claim is itself information.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from attrition.bulk.partitions import partitions
from attrition.bulk.runners import open_runner
from attrition.bulk.signature import NEAR_DUPLICATE_THRESHOLD, NUM_PERM, SHINGLE, shingles
from attrition.bulk.work import Partition, Result, WorkOptions, process_item, run_partition
from attrition.bulk.writer import Event, RunSummary, StoreWriter
from attrition.sources import DocumentError, Fetcher, FetchPolicy, Skipped, read_source
from attrition.store import StoreError, neardup, open_store
from attrition.store import repository as repo
from attrition.text.language import normalize_lang

__all__ = [
    "NEAR_DUPLICATE_THRESHOLD", "NUM_PERM", "SHINGLE", "Event", "Ingestor", "RunSummary", "ingest", "shingles",
]  # fmt: skip

#: Documents per transaction when results come from workers (a serial run writes each one).
PARALLEL_BATCH = 200


class Ingestor:
    """One ingest run against one store; `ingest()` is the convenient wrapper.

    `jobs` > 1 runs the per-document work in that many processes; `dask` (a scheduler address,
    or `local`) runs it on a Dask cluster. `batch` is the number of documents per transaction
    (default: 1 for a serial run, `PARALLEL_BATCH` otherwise). `prefilter` skips pages without
    loss vocabulary before MinHash and extraction (counted as `filtered`, not stored).
    `partition_size` is the number of files (or WARC records) a worker gets per task.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        policy: FetchPolicy | None = None,
        on_event: Callable[[Event], None] | None = None,
        threshold: float = NEAR_DUPLICATE_THRESHOLD,
        meta: Mapping[str, dict[str, object]] | None = None,
        jobs: int = 1,
        dask: str | None = None,
        batch: int | None = None,
        prefilter: bool = False,
        partition_size: int | None = None,
        lang: str | None = None,
    ) -> None:
        self.partition_size = partition_size
        self.engine = engine
        self.meta = meta
        self.policy = policy or FetchPolicy()
        self.on_event = on_event or (lambda _e: None)
        self.jobs = max(1, jobs)
        self.dask = dask
        self.parallel = self.jobs > 1 or bool(dask)
        self.batch = batch or (PARALLEL_BATCH if self.parallel else 1)
        self.options = WorkOptions(
            policy=self.policy, prefilter=prefilter, threshold=threshold, lang=normalize_lang(lang)
        )

    def run(self, sources: Sequence[str]) -> RunSummary:
        with self.engine.begin() as conn:
            summary = RunSummary(run_id=repo.start_run(conn, sources=list(sources)))
        neardup.backfill(self.engine)  # stores from before the persistent index: once
        writer = StoreWriter(self.engine, summary, self.on_event, batch_size=self.batch)
        try:
            for result in self._results(list(sources), writer):
                writer.write(result)
            writer.flush()
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
        if summary.claims:  # the clusters of the statements this run's claims belong to, and no others
            from attrition.reconcile.storeio import reconcile

            reconcile(self.engine)
        return summary

    def _results(self, sources: list[str], writer: StoreWriter) -> Iterator[Result]:
        if not self.parallel:  # read and process here, skipping stored content before extraction
            with Fetcher(self.policy) as fetcher:
                for spec in sources:
                    for item in read_source(spec, fetcher=fetcher, known_url=self._url_known, meta=self.meta):
                        yield process_item(item, self.options, known_hash=writer.known_hash)
            return
        sizes = {}
        if self.partition_size:
            sizes = {"files_per_part": self.partition_size, "records_per_part": self.partition_size}
        parts = partitions(sources, meta=self.meta, known_url=self._url_known, **sizes)
        direct: list[Skipped | DocumentError] = []

        def tasks() -> Iterator[Partition]:
            for part in parts:
                if isinstance(part, Partition):
                    yield part
                else:
                    direct.append(part)

        with open_runner(self.jobs, self.dask) as runner:
            for results in runner.map(run_partition, tasks(), self.options):
                while direct:
                    yield direct.pop(0)
                yield from results
        yield from direct

    def _url_known(self, url: str) -> bool:
        with self.engine.connect() as conn:
            return repo.url_known(conn, url=url)


def ingest(
    sources: Sequence[str],
    *,
    db_url: str | None = None,
    engine: Engine | None = None,
    allow_private: bool = False,
    policy: FetchPolicy | None = None,
    on_event: Callable[[Event], None] | None = None,
    meta: Mapping[str, dict[str, object]] | None = None,
    jobs: int = 1,
    dask: str | None = None,
    batch: int | None = None,
    prefilter: bool = False,
    partition_size: int | None = None,
    lang: str | None = None,
) -> RunSummary:
    """Ingest every SOURCE (files, folders, URLs, feeds, WARCs) into the store at `db_url`.

    Each document's language is detected from its text unless `lang` (en, ru, uk) is given.

    Bad sources never stop the batch: each becomes an error row of the run (and an entry of
    `RunSummary.errors`). The stored documents and claims are the same whatever `jobs`,
    `dask` and `batch` are.
    """
    if policy is None:
        policy = FetchPolicy(allow_private=allow_private)
    own = engine is None
    engine = engine or open_store(db_url)
    try:
        return Ingestor(
            engine, policy=policy, on_event=on_event, meta=meta, jobs=jobs, dask=dask, batch=batch,
            prefilter=prefilter, partition_size=partition_size, lang=lang,
        ).run(sources)  # fmt: skip
    finally:
        if own:
            engine.dispose()
