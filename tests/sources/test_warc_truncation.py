"""A WARC cut anywhere is an error naming the file and the last whole record, never a silent end.

Archives are cut short by interrupted downloads at any byte. Every cut position of a small
archive is tried, compressed (one gzip member per record, as Common Crawl writes them) and not:
a cut exactly between two records leaves a valid, shorter archive; every other cut must be
reported, and only records before the cut are read.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from attrition.sources import DocumentError, Fetched
from attrition.sources import warc as warc_module
from attrition.sources.warc import read_warc
from attrition.sources.warcscan import scan_warc


def write_warc(path: Path, count: int, *, gz: bool) -> list[int]:
    """`count` request/response pairs; returns the byte offset after each record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ends: list[int] = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for i in range(count):
            uri = f"https://example.org/news/{i}"
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(uri, "request", payload=request))
            ends.append(fh.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            text = f"Report {i}: Ukraine's General Staff said on Monday that Russia lost {40 + i} tanks. " * 4
            body = f"<html><body><article><h1>Report {i}</h1><p>{text}</p></article></body></html>"
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()), http_headers=headers)
            writer.write_record(record)
            ends.append(fh.tell())
    return ends


@pytest.fixture
def cheap_html(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page parsing is not under test here: a stand-in keeps 2,000 cuts fast."""
    monkeypatch.setattr(warc_module, "from_html", lambda html, source, url: Fetched(source=source, text=html, url=url))


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_every_cut_is_reported_with_the_last_good_record(tmp_path: Path, gz: bool, cheap_html: None) -> None:
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    ends = write_warc(whole, 3, gz=gz)
    data = whole.read_bytes()
    cut_file = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    for cut in range(1, len(data)):
        cut_file.write_bytes(data[:cut])
        items = list(read_warc(cut_file))
        errors = [i for i in items if isinstance(i, DocumentError)]
        whole_records = sum(1 for end in ends if end <= cut)
        fetched = [i for i in items if isinstance(i, Fetched)]
        assert len(fetched) == whole_records // 2, cut  # responses are every second record
        if cut in ends:
            assert not errors or "no HTML responses" in errors[0].error, (cut, errors)
            continue
        assert len(errors) == 1, (cut, items)
        assert errors[0].source == str(cut_file)
        assert "truncated or corrupt WARC" in errors[0].error
        if whole_records:
            assert f"after record {whole_records}, <urn:uuid:" in errors[0].error, (cut, errors[0].error)
            assert f"for https://example.org/news/{(whole_records - 1) // 2}" in errors[0].error
        else:
            assert "before the first record" in errors[0].error


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_a_whole_archive_scans_clean(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / "a.warc"
    write_warc(path, 4, gz=gz)
    scan = scan_warc(path)
    assert scan.problem is None and scan.records == 8


def test_real_pages_before_a_cut_inside_the_next_gzip_member_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    ends = write_warc(path, 2, gz=True)
    path.write_bytes(path.read_bytes()[: ends[1] + 12])  # a few bytes into the next member's header
    items = list(read_warc(path))
    assert [type(i).__name__ for i in items] == ["Fetched", "DocumentError"]
    assert "ends inside a gzip member" in items[1].error  # type: ignore[union-attr]


def test_garbage_after_the_last_record_is_reported(tmp_path: Path, cheap_html: None) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, 1, gz=False)
    path.write_bytes(path.read_bytes() + b"<html>not a record</html>\r\n")
    items = list(read_warc(path))
    assert isinstance(items[-1], DocumentError) and "expected a WARC/ version line" in items[-1].error


def test_an_absurd_header_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "huge.warc"
    path.write_bytes(b"WARC/1.0\r\n" + b"X-Pad: " + b"a" * 200_000 + b"\r\n\r\n")
    scan = scan_warc(path)
    assert scan.records == 0 and scan.problem is not None and "longer than" in scan.problem
