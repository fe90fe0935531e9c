"""Files that are not files: FIFOs, devices, huge or growing files are refused by name, fast.

A FIFO with no writer would block an `open()` forever and `/dev/zero` never ends; both report
a size of 0 to `stat()`, so the reader checks what the path *is* and caps what it reads.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.sources import DocumentError, Fetched, Fetcher, read_source
from attrition.sources.base import MAX_BYTES, SourceError
from attrition.sources.files import read_bytes, read_meta_file
from ingest_helpers import article_text

runner = CliRunner()
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


def read_all(spec: str | Path) -> list[Fetched | DocumentError]:
    with Fetcher() as fetcher:
        return [i for i in read_source(str(spec), fetcher=fetcher) if isinstance(i, Fetched | DocumentError)]


@needs_fifo
def test_fifo_without_a_writer_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    done: list[list[Fetched | DocumentError]] = []
    worker = threading.Thread(target=lambda: done.append(read_all(fifo)), daemon=True)
    worker.start()
    worker.join(10)
    assert done, "reading a FIFO blocked"
    [item] = done[0]
    assert isinstance(item, DocumentError)
    assert item.source == str(fifo)
    assert "named pipe" in item.error


@needs_fifo
def test_fifo_inside_a_folder_is_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(article_text(5), encoding="utf-8")
    os.mkfifo(tmp_path / "stuck.txt")
    items = read_all(tmp_path)
    assert [type(i).__name__ for i in items] == ["Fetched", "DocumentError"]
    assert items[1].source.endswith("stuck.txt")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_character_devices_are_refused() -> None:
    [item] = read_all("/dev/zero")
    assert isinstance(item, DocumentError)
    assert item.source == "/dev/zero" and "character device" in item.error


def test_a_file_over_the_cap_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_BYTES + 1)
    [item] = read_all(big)
    assert isinstance(item, DocumentError)
    assert "file too large" in item.error and str(MAX_BYTES) in item.error


def test_the_cap_is_on_what_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, max_bytes=100) == b"x" * 100
    with pytest.raises(SourceError, match="too large"):
        read_bytes(path, max_bytes=99)


@needs_fifo
def test_meta_file_that_is_a_fifo_is_an_error_naming_it(tmp_path: Path) -> None:
    fifo = tmp_path / "meta.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="meta.jsonl: a named pipe"):
        read_meta_file(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_extract_cli_names_the_device_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Russia lost 12 tanks over the past day, the General Staff said.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "/dev/zero", str(good), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "/dev/zero: a character device" in result.stderr
    assert '"value": 12' in result.stdout
