"""A strict pass over a WARC's framing, so that an archive cut short is never taken as whole.

warcio reads leniently, as a replay tool should: a file that ends inside the next record's
header, inside a gzip member or inside the blank lines that close a record simply ends the
iteration. For ingest that is a silent loss, so before warcio reads the records this pass
checks, without parsing any payload, that every record is whole: a `WARC/` version line,
headers closed by a blank line, a `Content-Length`, that many bytes, and the closing CRLF CRLF;
and for `.warc.gz` that every gzip member is complete (its CRC and length checked by zlib).
It returns how many records are whole and, if the file is cut or corrupt, where and after
which record. Memory is bounded (blocks are read in chunks); time is one read of the file.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

#: Longest header block accepted (WARC headers are a few hundred bytes).
MAX_HEADER = 64 * 1024
CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Scan:
    """`records` whole records; `problem` says what is wrong after them (None: the file is whole)."""

    records: int
    last_good: str | None
    problem: str | None = None

    def message(self) -> str:
        after = f"after record {self.records}, {self.last_good}" if self.last_good else "before the first record"
        return f"truncated or corrupt WARC: {self.problem}, {after}"


class _Cut(Exception):
    """The framing ends or breaks; the message says where."""


def _read_exact(stream: Any, size: int) -> int:
    """Read and discard `size` bytes; how many were there."""
    left = size
    while left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            break
        left -= len(chunk)
    return size - left


def _headers(stream: Any, first: bytes) -> dict[bytes, bytes]:
    headers: dict[bytes, bytes] = {}
    total = len(first)
    while True:
        line = stream.readline(MAX_HEADER)
        total += len(line)
        if total > MAX_HEADER:
            raise _Cut(f"a record header longer than {MAX_HEADER} bytes")
        if not line.endswith(b"\n"):
            raise _Cut("the file ends inside a record header")
        if line in (b"\r\n", b"\n"):
            return headers
        name, sep, value = line.partition(b":")
        if sep:
            headers[name.strip().lower()] = value.strip()


class _Members:
    """The decompressed bytes of a .warc.gz, member by member, with zlib (which checks each
    member's CRC and length). `settled()` tells whether the data read so far ends cleanly."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.buf = b""
        self.pos = 0
        self.member: Any = None  # the decompressor of the member being read, None between members
        self.pending = b""

    def _fill(self) -> bool:
        """More decompressed bytes into the buffer; False at a clean end of the file."""
        while True:
            if self.member is None:
                data = self.pending or self.raw.read(CHUNK)
                self.pending = b""
                if not data:
                    return False
                self.member = zlib.decompressobj(31)
            else:
                data = self.member.unconsumed_tail or self.raw.read(CHUNK)
                if not data:
                    raise EOFError("the file ends inside a gzip member")
            out = self.member.decompress(data, 4 * CHUNK)
            if self.member.eof:
                self.pending = self.member.unused_data
                self.member = None
            if out:
                self.buf = self.buf[self.pos :] + out
                self.pos = 0
                return True

    def readline(self, limit: int) -> bytes:
        parts: list[bytes] = []
        size = 0
        while size < limit:
            if self.pos >= len(self.buf) and not self._fill():
                break
            end = self.buf.find(b"\n", self.pos, self.pos + limit - size)
            stop = len(self.buf) if end < 0 else end + 1
            stop = min(stop, self.pos + limit - size)
            parts.append(self.buf[self.pos : stop])
            size += stop - self.pos
            self.pos = stop
            if end >= 0 and stop == end + 1:
                break
        return b"".join(parts)

    def read(self, size: int) -> bytes:
        if self.pos >= len(self.buf) and not self._fill():
            return b""
        chunk = self.buf[self.pos : self.pos + size]
        self.pos += len(chunk)
        return chunk

    def settled(self) -> None:
        """Raise EOFError unless what was read so far is followed by more data of the same member
        or ends its member cleanly (so a record's gzip trailer is checked before it counts)."""
        if self.pos < len(self.buf) or self.member is None:
            return
        self._fill()


class _Progress:
    """Whole records so far, kept outside the scan so an exception still knows the last good one."""

    def __init__(self) -> None:
        self.records = 0
        self.last: str | None = None


def _scan_stream(stream: Any, progress: _Progress) -> None:
    while True:
        line = stream.readline(MAX_HEADER)
        if not line:
            return
        if line in (b"\r\n", b"\n"):
            continue
        if not line.startswith(b"WARC/"):
            raise _Cut(f"expected a WARC/ version line, found {line[:40]!r}")
        if not line.endswith(b"\n"):
            raise _Cut("the file ends inside a record header")
        headers = _headers(stream, line)
        name = (headers.get(b"warc-record-id") or headers.get(b"warc-target-uri") or b"?").decode("utf-8", "replace")
        try:
            length = int(headers.get(b"content-length", b""))
        except ValueError:
            raise _Cut(f"record {name} has no valid Content-Length") from None
        if length < 0:
            raise _Cut(f"record {name} has a negative Content-Length")
        got = _read_exact(stream, length)
        if got < length:
            raise _Cut(f"record {name} is cut inside its content ({got} of {length} bytes)")
        if stream.read(4) != b"\r\n\r\n":
            raise _Cut(f"record {name} is cut before its closing blank lines")
        if isinstance(stream, _Members):
            stream.settled()
        progress.records += 1
        uri = headers.get(b"warc-target-uri")
        progress.last = name + (f" for {uri.decode('utf-8', 'replace')}" if uri else "")


def scan_warc(path: Path) -> Scan:
    """Check the framing of the WARC (or WARC.gz) at `path`; raises OSError if it cannot be read."""
    with path.open("rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
    progress = _Progress()
    try:
        with path.open("rb") as raw:
            _scan_stream(_Members(raw) if compressed else raw, progress)
    except _Cut as exc:
        return Scan(progress.records, progress.last, str(exc))
    except EOFError as exc:
        return Scan(progress.records, progress.last, str(exc))
    except zlib.error as exc:
        return Scan(progress.records, progress.last, f"broken gzip data ({exc})")
    return Scan(progress.records, progress.last)
