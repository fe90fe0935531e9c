"""The same ingest on a Dask `LocalCluster`: the claims of one process, and a worker killed
mid-run costs nothing but a retry (the store stays consistent and the run completes)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from attrition.ingest import Event, ingest
from attrition.store import open_store
from attrition.store.tables import claims, documents, ingest_runs
from attrition.store.tables_index import document_signatures
from ingest_helpers import article_html, write_warc

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two single-threaded worker processes under nannies (a killed worker is restarted)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def sample_warc(path: Path, n: int = 12) -> Path:
    pages = [(f"https://d.example.com/news/{i}", article_html(600 + i, claim=i % 3 == 0)) for i in range(n)]
    write_warc(path, pages)
    return path


def stored(url: str) -> tuple[list[Any], list[Any]]:
    engine = open_store(url)
    with engine.connect() as conn:
        docs = conn.execute(select(documents.c.doc, documents.c.content_hash).order_by(documents.c.doc)).all()
        rows = conn.execute(
            select(claims.c.doc, claims.c.ordinal, claims.c.claimant, claims.c.category, claims.c.value,
                   claims.c.span_start, claims.c.rules).order_by(claims.c.doc, claims.c.ordinal)
        ).all()  # fmt: skip
    engine.dispose()
    return list(docs), list(rows)


def test_a_dask_run_over_a_warc_gives_the_claims_of_one_process(cluster: Any, tmp_path: Path) -> None:
    warc = sample_warc(tmp_path / "sample.warc.gz")
    one, many = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    serial = ingest([str(warc)], db_url=one)
    spread = ingest([str(warc)], db_url=many, dask=cluster.scheduler_address, partition_size=2, batch=5)
    assert serial.counts() == spread.counts() and serial.claims > 0
    assert stored(one) == stored(many)


def test_a_worker_killed_mid_run_leaves_the_store_consistent_and_the_run_completes(
    cluster: Any, tmp_path: Path
) -> None:
    warc = sample_warc(tmp_path / "sample.warc.gz", n=16)
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    client = distributed.Client(cluster)
    before = client.run(os.getpid)
    killed: list[int] = []

    def kill_one_worker(event: Event) -> None:
        if not killed:  # the first stored batch: other partitions are in flight on both workers
            pid = next(iter(before.values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    summary = ingest([str(warc)], db_url=url, dask=cluster.scheduler_address, partition_size=1, batch=2,
                     on_event=kill_one_worker)  # fmt: skip
    client.wait_for_workers(2, timeout=60)
    after = client.run(os.getpid)
    client.close()
    assert killed and killed[0] not in after.values()  # the worker died and the nanny replaced it
    assert summary.status == "finished" and summary.new == 16 and summary.failed == 0
    docs, rows = stored(url)
    assert len(docs) == 16 and len({h for _, h in docs}) == 16  # every record once, none twice
    engine = open_store(url)
    with engine.connect() as conn:
        run = conn.execute(select(ingest_runs)).mappings().one()
        n_claims = conn.execute(select(func.count()).select_from(claims)).scalar_one()
        n_sigs = conn.execute(select(func.count()).select_from(document_signatures)).scalar_one()
    engine.dispose()
    assert (run["status"], run["new"], run["claims"]) == ("finished", 16, n_claims) and n_sigs == 16
    assert len(rows) == n_claims
