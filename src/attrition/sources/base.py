"""What every source reader produces: fetched documents, or errors that name the source.

Readers never raise for bad input. A source (a file, a URL, a feed, a WARC) yields a stream of
`Fetched` documents and `DocumentError`s, so one broken page in a batch becomes one error row
while the rest of the batch goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

#: Largest body we read from a file, a URL or a WARC record (bytes). News articles are far smaller.
MAX_BYTES = 10 * 1024 * 1024

_SPACE = re.compile(r"\s+")
_SLUG = re.compile(r"[^A-Za-z0-9]+")


@dataclass(slots=True)
class Fetched:
    """A document ready for the store: plain text plus what is known about where it came from."""

    source: str
    text: str
    doc: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class DocumentError:
    """One source (or one entry inside a feed/WARC) that could not be turned into a document."""

    source: str
    error: str

    def __str__(self) -> str:
        return f"{self.source}: {self.error}"


@dataclass(slots=True)
class Skipped:
    """A URL already in the store: not fetched again, counted as a duplicate (resumes runs cheaply)."""

    source: str


class SourceError(Exception):
    """Raised inside readers for a bad source; converted to a `DocumentError` at the boundary."""


Item = Fetched | DocumentError | Skipped
Items = Iterator[Item]


def normalize_text(text: str) -> str:
    """The text as hashed: NFKC, case-folded, whitespace collapsed.

    Two copies of an article that differ only in line wrapping, non-breaking spaces or
    trailing newlines are the same document and must not be stored twice.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalized text: the identity of a document in the store."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def doc_key_from_url(url: str) -> str:
    """A readable, stable document key from a URL: host plus path, slugged."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host.startswith("www."):
        host = host[4:]
    slug = _SLUG.sub("-", f"{host}{parts.path}{('-' + parts.query) if parts.query else ''}").strip("-")
    return slug[:150] or "url"


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without `www.`: a fallback outlet when the page names none."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes of a text file (or a `text/plain` page) as str, refusing what is not text.

    Raises `SourceError` for empty input, binary data (NUL bytes outside UTF-16/32) and bytes
    that no declared or detected encoding decodes cleanly (`sources.charset`): guessing
    silently turns an article into mojibake or replacement marks.
    """
    from attrition.sources.charset import decode_bytes

    if not data.strip():
        raise SourceError("empty file")
    wide = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    if not wide and b"\x00" in data[:8192]:
        raise SourceError("binary data, not text")
    text = decode_bytes(data, declared=declared)
    if not text.strip():
        raise SourceError("no text")
    return text
