"""Splitting SOURCE arguments into partitions that workers read on their own.

Folders become runs of files (with the `meta.jsonl` of their folder read once, here), WARC
archives become ranges of records found by one quick pass over the record headers, and URLs
are one partition each. The order of partitions is the order a serial run reads, so the
writer, taking results in that order, stores the same documents under the same keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from attrition.bulk.work import Partition
from attrition.sources import DocumentError, Skipped
from attrition.sources.files import kind_of, load_meta, walk
from attrition.sources.urls import is_url

#: Text or HTML files per partition: enough to make a task worth sending, few enough to balance.
FILES_PER_PART = 16
#: HTML records of a WARC per partition.
RECORDS_PER_PART = 64


def warc_ranges(path: Path, per_part: int = RECORDS_PER_PART) -> list[tuple[int, int | None]]:
    """(byte offset, HTML records) ranges covering the archive; one range for all of it if the
    archive cannot be scanned (the reader then reports what is wrong with it, by name)."""
    from warcio.archiveiterator import ArchiveIterator

    from attrition.sources.warc import is_html_response
    from attrition.sources.warcscan import scan_warc

    try:
        if scan_warc(path).problem:  # cut or corrupt: the reader of the whole file names the problem
            return [(0, None)]
    except OSError:
        return [(0, None)]
    offsets: list[int] = []
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if is_html_response(record):
                    offsets.append(int(records.get_record_offset()))
    except Exception:  # truncated or corrupt: read as one partition, the reader names the error
        return [(0, None)]
    if len(offsets) <= per_part:
        return [(0, None)]
    ranges: list[tuple[int, int | None]] = [(offsets[i], per_part) for i in range(0, len(offsets), per_part)]
    ranges[0] = (0, per_part)
    ranges[-1] = (ranges[-1][0], None)  # the last range reads to the end (and sees a cut-off tail)
    return ranges


def partitions(
    specs: list[str],
    *,
    meta: Mapping[str, dict[str, object]] | None = None,
    known_url: Callable[[str], bool] = lambda _u: False,
    files_per_part: int = FILES_PER_PART,
    records_per_part: int = RECORDS_PER_PART,
) -> Iterator[Partition | Skipped | DocumentError]:
    """Partitions of every SOURCE, in reading order, plus what needs no worker at all
    (URLs already stored, missing paths)."""
    extra: dict[str, dict[str, Any]] = {k: dict(v) for k, v in (meta or {}).items()}
    for spec in specs:
        if is_url(spec):
            yield Skipped(spec) if known_url(spec) else Partition("url", (spec,))
            continue
        path = Path(spec)
        if path.is_dir():
            files = walk(path)
            if not files:
                yield DocumentError(spec, "folder holds no .txt, .html, feed or WARC files")
        elif path.exists():
            files = [path]
        else:
            yield DocumentError(spec, "no such file, folder or URL")
            continue
        yield from _file_partitions(files, extra, files_per_part, records_per_part)


def _file_partitions(
    files: list[Path], extra: dict[str, dict[str, Any]], files_per_part: int, records_per_part: int
) -> Iterator[Partition]:
    metas: dict[Path, dict[str, dict[str, Any]]] = {}
    run: list[Path] = []

    def flush() -> Iterator[Partition]:
        if run:
            stems = {p.stem for p in run}
            merged: dict[str, dict[str, Any]] = {}
            for p in run:
                merged.update({k: v for k, v in metas[p.parent].items() if k in stems})
            yield Partition("files", tuple(str(p) for p in run), merged)
            run.clear()

    for file in files:
        if file.parent not in metas:
            metas[file.parent] = {**load_meta(file.parent), **extra}
        if kind_of(file) == "warc" and file.is_file():
            yield from flush()
            for offset, limit in warc_ranges(file, records_per_part):
                yield Partition("warc", (str(file),), offset=offset, limit=limit)
            continue
        if run and run[0].parent != file.parent:
            yield from flush()
        run.append(file)
        if len(run) >= files_per_part:
            yield from flush()
    yield from flush()
