"""The work done for each document, as pure functions: no database, no shared state.

`process_item` turns one fetched item into what the writer needs (content hash, claims,
MinHash signature, band keys); `run_partition` reads a partition and processes every item in
it. Both can run in another process or on a Dask worker, and running them twice gives the
same result, which is what makes a lost worker harmless.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attrition.bulk.signature import NEAR_DUPLICATE_THRESHOLD, band_keys, minhash_signature
from attrition.models import Claim, Document
from attrition.sources import (
    DocumentError,
    Fetched,
    Fetcher,
    FetchPolicy,
    Item,
    Skipped,
    content_hash,
    doc_key_from_url,
    read_source,
)
from attrition.text.language import detect_language


@dataclass(slots=True)
class Processed:
    """A document ready to store: its claims, content hash, signature and band keys."""

    source: str
    document: Document
    digest: str
    claims: list[Claim]
    signature: bytes
    bands: list[int]


@dataclass(frozen=True, slots=True)
class Filtered:
    """A page the prefilter skipped: no loss vocabulary, so no claim could come from it."""

    source: str


Result = Processed | DocumentError | Skipped | Filtered


@dataclass(frozen=True, slots=True)
class WorkOptions:
    """What a worker needs to know besides the partition (picklable, sent with each task)."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    prefilter: bool = False
    threshold: float = NEAR_DUPLICATE_THRESHOLD
    lang: str | None = None  # en, ru or uk for every document; None: detected per document


def doc_key(fetched: Fetched, digest: str) -> str:
    """The document key: the reader's, else one from the URL, else one from the content hash."""
    if fetched.doc:
        return fetched.doc
    if fetched.url:
        return doc_key_from_url(fetched.url)
    return f"sha256-{digest[:16]}"


def process_item(
    item: Item,
    options: WorkOptions = WorkOptions(),
    *,
    known_hash: Callable[[str], bool] | None = None,
) -> Result:
    """One item through hashing, the prefilter, extraction and MinHash.

    `known_hash` (the serial run passes a store lookup) skips the expensive steps for content
    already stored; workers without a store pass none and the writer drops the duplicate.
    """
    if isinstance(item, DocumentError | Skipped):
        return item
    if "\x00" in item.text:  # PostgreSQL cannot store NUL in TEXT; it carries no meaning anyway
        item.text = item.text.replace("\x00", "")
    digest = content_hash(item.text)
    if known_hash is not None and known_hash(digest):
        return Skipped(item.source)
    if options.prefilter:
        from attrition.bulk.prefilter import has_loss_vocabulary

        if not has_loss_vocabulary(item.text):
            return Filtered(item.source)
    document = Document(
        id=doc_key(item, digest),
        text=item.text,
        published=item.published,
        url=item.url,
        outlet=item.outlet,
        title=item.title,
        lang=options.lang or detect_language(item.text),
    )
    try:
        import attrition  # looked up at call time, so a patched `attrition.extract_document` is used

        claims = attrition.extract_document(document)
    except Exception as exc:  # an extractor bug must cost one document, not the batch
        return DocumentError(item.source, f"extraction failed: {type(exc).__name__}: {exc}")
    signature = minhash_signature(item.text)
    return Processed(item.source, document, digest, claims, signature, band_keys(signature, options.threshold))


@dataclass(frozen=True, slots=True)
class Partition:
    """A slice of the input a worker reads on its own.

    `kind` is `files` (paths, with the metadata for each stem), `warc` (an archive from byte
    `offset`, `limit` HTML records) or `url` (one page or feed).
    """

    kind: str
    paths: tuple[str, ...] = ()
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    offset: int = 0
    limit: int | None = None

    @property
    def label(self) -> str:
        return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1})"


def _never(_url: str) -> bool:
    return False


def read_partition(part: Partition, fetcher: Fetcher) -> list[Item]:
    """Every item of a partition, read with the same readers a serial run uses."""
    from attrition.sources import _read_file
    from attrition.sources.warc import read_warc

    items: list[Item] = []
    if part.kind == "warc":
        items.extend(read_warc(Path(part.paths[0]), offset=part.offset, limit=part.limit))
    elif part.kind == "url":
        items.extend(read_source(part.paths[0], fetcher=fetcher))
    else:
        for path in part.paths:
            items.extend(_read_file(Path(path), part.meta, fetcher=fetcher, known_url=_never))
    return items


_FETCHER: list[tuple[FetchPolicy, Fetcher]] = []


def _fetcher(policy: FetchPolicy) -> Fetcher:
    """One HTTP client per worker process and policy, reused across its partitions."""
    if not _FETCHER or _FETCHER[0][0] != policy:
        if _FETCHER:
            _FETCHER.pop()[1].close()
        _FETCHER.append((policy, Fetcher(policy)))
    return _FETCHER[0][1]


def run_partition(part: Partition, options: WorkOptions) -> list[Result]:
    """Read and process one partition (the task a pool process or a Dask worker runs)."""
    return [process_item(item, options) for item in read_partition(part, _fetcher(options.policy))]


def extract_files(
    task: tuple[tuple[str, dict[str, Any] | None], ...], options: tuple[Any, str | None]
) -> list[list[Claim] | str]:
    """`attrition extract` on a run of text files: each file's claims, or its read error."""
    from attrition.docs_io import DocumentReadError, read_text_document
    from attrition.extract.pipeline import extract_document

    published, language = options
    out: list[list[Claim] | str] = []
    for path, meta in task:
        try:
            doc = read_text_document(Path(path), meta, published)
            doc.lang = language or doc.lang
            out.append(extract_document(doc))
        except DocumentReadError as exc:
            out.append(str(exc))
    return out
