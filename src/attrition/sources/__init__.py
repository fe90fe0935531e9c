"""Readers that turn what the user points at (files, folders, URLs, feeds, WARCs) into documents.

`read_source` is the one entry point: it decides what a SOURCE is and yields `Fetched`
documents, `Skipped` URLs and `DocumentError`s; it never raises for bad input.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from attrition.sources.base import (
    DocumentError,
    Fetched,
    Item,
    Items,
    Skipped,
    SourceError,
    content_hash,
    decode_text,
    doc_key_from_url,
    normalize_text,
)
from attrition.sources.feeds import looks_like_feed, read_feed
from attrition.sources.files import (
    clean_text,
    kind_of,
    load_meta,
    read_bytes,
    read_html_file,
    read_text_file,
    walk,
)
from attrition.sources.html import decode_html, from_html
from attrition.sources.urls import Fetcher, FetchPolicy, is_url
from attrition.sources.warc import read_warc

__all__ = [
    "DocumentError",
    "FetchPolicy",
    "Fetched",
    "Fetcher",
    "Item",
    "Items",
    "Skipped",
    "SourceError",
    "content_hash",
    "doc_key_from_url",
    "normalize_text",
    "read_source",
]


def _never(_url: str) -> bool:
    return False


def read_source(
    spec: str,
    *,
    fetcher: Fetcher,
    known_url: Callable[[str], bool] = _never,
    meta: Mapping[str, dict[str, object]] | None = None,
) -> Items:
    """Everything in one SOURCE given on the command line, as a stream of items.

    `meta` (from `--meta`) is keyed by file stem and wins over a `meta.jsonl` beside the files.
    """
    extra = dict(meta or {})
    if is_url(spec):
        yield from _read_url(spec, fetcher=fetcher, known_url=known_url)
        return
    path = Path(spec)
    if path.is_dir():
        files = walk(path)
        if not files:
            yield DocumentError(spec, "folder holds no .txt, .html, feed or WARC files")
        metas: dict[Path, dict[str, dict[str, object]]] = {}
        for file in files:
            if file.parent not in metas:
                metas[file.parent] = {**load_meta(file.parent), **extra}
            yield from _read_file(file, metas[file.parent], fetcher=fetcher, known_url=known_url)
        return
    if not path.exists():
        yield DocumentError(spec, "no such file, folder or URL")
        return
    yield from _read_file(path, {**load_meta(path.parent), **extra}, fetcher=fetcher, known_url=known_url)


def _read_file(
    path: Path,
    metas: dict[str, dict[str, object]],
    *,
    fetcher: Fetcher,
    known_url: Callable[[str], bool],
) -> Items:
    kind = kind_of(path) or "text"
    source = str(path)
    try:
        if kind == "warc":
            yield from read_warc(path)
        elif kind == "feed":
            yield from read_feed(read_bytes(path), source=source, fetcher=fetcher, known_url=known_url)
        elif kind == "html":
            yield read_html_file(path, metas.get(path.stem))
        else:
            yield read_text_file(path, metas.get(path.stem))
    except SourceError as exc:
        yield DocumentError(source, str(exc))


def _read_url(url: str, *, fetcher: Fetcher, known_url: Callable[[str], bool]) -> Items:
    if known_url(url):
        yield Skipped(url)
        return
    try:
        resp = fetcher.get(url)
        if looks_like_feed(resp.body, resp.content_type):
            yield from read_feed(resp.body, source=url, fetcher=fetcher, known_url=known_url, encoding=resp.encoding)
            return
        if resp.content_type == "text/plain":
            text = clean_text(decode_text(resp.body, url, resp.encoding))
            yield Fetched(source=url, text=text, url=resp.url, doc=doc_key_from_url(resp.url))
            return
        fetched = from_html(decode_html(resp.body, resp.encoding), source=url, url=resp.url)
    except SourceError as exc:
        yield DocumentError(url, str(exc))
        return
    yield fetched
