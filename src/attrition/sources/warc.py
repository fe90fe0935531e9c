"""WARC / WARC.gz archives (warcio), e.g. Common Crawl News: every HTML response in them.

Archives are large and often cut short (interrupted downloads). warcio reads leniently and
takes many cuts for a clean end, so `warcscan.scan_warc` first checks the framing of every
record; then records are streamed one at a time, and a truncated archive yields its whole
records before the cut plus one error naming the file, the cut and the last good record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrition.sources.base import MAX_BYTES, DocumentError, Items, SourceError
from attrition.sources.html import decode_html, from_html
from attrition.sources.warcscan import scan_warc

HTML_TYPES = ("text/html", "application/xhtml+xml")


class TruncatedError(Exception):
    """A record ended before its declared WARC Content-Length."""


def _drain(record: Any) -> None:
    """Read the rest of the record, so a cut-off record is noticed rather than passed silently."""
    raw = record.raw_stream
    while raw.read(65536):
        pass
    if getattr(raw, "limit", 0):
        raise TruncatedError(f"record {record.rec_headers.get_header('WARC-Record-ID')} is cut short")


def is_html_response(record: Any) -> bool:
    """A successful HTTP response carrying an HTML page: the records that hold articles."""
    http = record.http_headers
    if record.rec_type != "response" or http is None or not (http.get_statuscode() or "").startswith("2"):
        return False
    return (http.get_header("Content-Type") or "").split(";")[0].strip().lower() in HTML_TYPES


def read_warc(path: Path, *, max_bytes: int = MAX_BYTES, offset: int = 0, limit: int | None = None) -> Items:
    """Documents for the HTML responses in the archive at `path`.

    `offset` (a record's byte offset) and `limit` (a number of HTML records) read one range of
    an archive that `bulk.partitions.warc_ranges` has scanned whole, so workers can share it.
    """
    from warcio.archiveiterator import ArchiveIterator

    source = str(path)
    seen = 0
    ranged = offset > 0 or limit is not None
    try:
        scan = None if ranged else scan_warc(path)
    except OSError as exc:
        yield DocumentError(source, f"cannot read: {exc.strerror or exc}")
        return
    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            for index, record in enumerate(ArchiveIterator(stream)):
                if scan is not None and index >= scan.records:  # the scan found the archive cut from here
                    break
                if limit is not None and seen >= limit:
                    break
                if not is_html_response(record):
                    _drain(record)
                    continue
                seen += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {seen}"
                label = f"{source}#{uri}"
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield DocumentError(label, f"record too large (over {max_bytes} bytes)")
                    continue
                _drain(record)
                charset = None
                if "charset=" in (header := record.http_headers.get_header("Content-Type") or ""):
                    charset = header.split("charset=", 1)[1].split(";")[0].strip()
                try:
                    fetched = from_html(decode_html(body, charset), source=label, url=uri)
                except SourceError as exc:
                    yield DocumentError(label, str(exc))
                    continue
                yield fetched
    except OSError as exc:
        yield DocumentError(source, f"cannot read: {exc.strerror or exc}")
        return
    except Exception as exc:  # warcio raises ArchiveLoadFailed, EOFError, zlib errors on cut files
        problem = scan.message() if scan is not None and scan.problem else f"truncated or corrupt WARC: {exc}"
        yield DocumentError(source, f"{problem} ({seen} HTML records read)")
        return
    if scan is not None and scan.problem:
        yield DocumentError(source, f"{scan.message()} ({seen} HTML records read)")
        return
    if seen == 0 and not ranged:
        yield DocumentError(source, "no HTML responses in the WARC")
