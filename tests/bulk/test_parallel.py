"""`jobs` and batched writes store exactly what one process writing one document at a time
stores; WARC archives split into record ranges that read every record once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from attrition.bulk.partitions import partitions, warc_ranges
from attrition.bulk.work import Partition, read_partition
from attrition.ingest import ingest
from attrition.sources import DocumentError, Fetched, Fetcher
from attrition.store import open_store
from attrition.store.tables import claims, document_links, documents
from ingest_helpers import article_html, article_text, write_warc


def mixed_input(root: Path) -> list[str]:
    """Text files (some with a claim, one repeated, a wire copy), HTML pages and a WARC."""
    texts = root / "texts"
    texts.mkdir()
    for i in range(7):
        (texts / f"t{i}.txt").write_text(article_text(400 + i, claim=i % 2 == 0), encoding="utf-8")
    (texts / "t7.txt").write_text(article_text(400, claim=True), encoding="utf-8")  # same as t0
    (texts / "wire.txt").write_text("From the wire.\n\n" + article_text(403, words=300), encoding="utf-8")
    (texts / "zcopy.txt").write_text(article_text(403, words=300) + "\nShare this.\n", encoding="utf-8")
    (texts / "page.html").write_text(article_html(430, claim=True), encoding="utf-8")
    warc = root / "crawl.warc.gz"
    write_warc(warc, [(f"https://w.example.com/news/{i}", article_html(450 + i, claim=i == 2)) for i in range(5)])
    return [str(texts), str(warc)]


def snapshot(engine: Engine) -> tuple[list[Any], list[Any], list[Any]]:
    with engine.connect() as conn:
        docs = conn.execute(
            select(documents.c.doc, documents.c.content_hash, documents.c.url, documents.c.outlet,
                   documents.c.published, documents.c.text).order_by(documents.c.doc)
        ).all()  # fmt: skip
        names = dict(conn.execute(select(documents.c.id, documents.c.doc)).all())
        rows = conn.execute(select(claims).order_by(claims.c.doc, claims.c.ordinal)).mappings().all()
        links = conn.execute(select(document_links.c.doc_a, document_links.c.doc_b)).all()
    found = [{k: v for k, v in r.items() if k not in ("id", "document_id")} for r in rows]
    return list(docs), found, sorted(sorted((names[a], names[b])) for a, b in links)


def test_jobs_and_batches_store_what_one_process_stores(store_url: str, tmp_path: Path) -> None:
    sources = mixed_input(tmp_path)
    results = []
    for i, kwargs in enumerate([{}, {"batch": 50}, {"jobs": 2, "partition_size": 2}]):
        url = store_url if i == 0 else f"sqlite:///{tmp_path / f'store{i}.db'}"
        summary = ingest(sources, db_url=url, **kwargs)  # type: ignore[arg-type]
        assert (summary.new, summary.near_duplicate, summary.duplicate, summary.failed) == (14, 1, 1, 0)
        engine = open_store(url)
        results.append(snapshot(engine))
        engine.dispose()
    assert results[0][1], "the input holds claims"
    assert results[0] == results[1] == results[2]
    assert len(results[0][2]) == 1  # the wire copy, linked within one batch as across batches


def test_a_parallel_rerun_adds_nothing(sqlite_url: str, tmp_path: Path) -> None:
    sources = mixed_input(tmp_path)
    ingest(sources, db_url=sqlite_url)
    again = ingest(sources, db_url=sqlite_url, jobs=2, partition_size=3)
    assert (again.new, again.near_duplicate, again.duplicate) == (0, 0, 16)


@pytest.mark.parametrize("n", [1, 5, 6, 13])
def test_warc_ranges_read_every_html_record_once(tmp_path: Path, n: int) -> None:
    warc = tmp_path / "crawl.warc.gz"
    pages = [(f"https://r.example.com/{i}", article_html(500 + i)) for i in range(n)]
    pages.insert(1, ("https://r.example.com/logo.png", "\x89PNG"))
    write_warc(warc, pages)
    ranges = warc_ranges(warc, per_part=3)
    assert len(ranges) == (1 if n <= 3 else -(-n // 3))
    with Fetcher() as fetcher:
        urls = [
            i.url
            for offset, limit in ranges
            for i in read_partition(Partition("warc", (str(warc),), offset=offset, limit=limit), fetcher)
            if isinstance(i, Fetched)
        ]
    assert urls == [u for u, _ in pages if not u.endswith(".png")]


def test_a_cut_warc_in_ranges_keeps_its_records_and_names_the_cut(tmp_path: Path) -> None:
    import gzip

    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(gzip.compress(b"not a warc\r\n\r\n"))
    assert warc_ranges(junk, per_part=2) == [(0, None)]  # unreadable: one range, the reader says why
    warc = tmp_path / "cut.warc.gz"
    write_warc(warc, [(f"https://c.example.com/{i}", article_html(520 + i)) for i in range(8)])
    warc.write_bytes(warc.read_bytes()[:-300])
    summary = ingest([str(warc)], db_url=f"sqlite:///{tmp_path / 's.db'}", jobs=2, partition_size=2)
    assert summary.new == 7 and summary.failed == 1 and summary.errors[0].source == str(warc)


def test_partitions_keep_reading_order_and_report_missing_sources(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"f{i}.txt").write_text(article_text(i), encoding="utf-8")
    (tmp_path / "meta.jsonl").write_text('{"doc": "f3", "outlet": "Wire"}\n', encoding="utf-8")
    parts = list(partitions([str(tmp_path), str(tmp_path / "missing")], files_per_part=2))
    files = [p for p in parts if isinstance(p, Partition)]
    assert [len(p.paths) for p in files] == [2, 2, 1]
    assert [Path(x).name for p in files for x in p.paths] == [f"f{i}.txt" for i in range(5)]
    assert files[1].meta == {"f3": {"doc": "f3", "outlet": "Wire"}}
    assert isinstance(parts[-1], DocumentError) and parts[-1].source.endswith("missing")


def test_extract_with_jobs_prints_what_one_process_prints(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from attrition.cli import app

    for i in range(20):
        (tmp_path / f"e{i:02d}.txt").write_text(article_text(700 + i, claim=i % 4 == 0), encoding="utf-8")
    (tmp_path / "e05.txt").write_bytes(b"\x00\x01binary")
    args = ["extract", str(tmp_path), "--format", "jsonl", "--evidence", "--published", "2024-03-01"]
    one = CliRunner().invoke(app, args)
    two = CliRunner().invoke(app, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the binary file is reported, the rest printed
    assert one.stdout == two.stdout and one.stdout.count("\n") >= 5
    assert "e05.txt" in one.stderr and "e05.txt" in two.stderr
