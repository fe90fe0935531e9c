"""Reading text documents from disk for `attrition extract`: files, folders, metadata, samples.

The byte-level rules (size cap, binary data, strict UTF-8) are the ingest sources' own
(`attrition.sources`), so both commands refuse the same files with the same words. Every
failure here becomes a `DocumentReadError` naming the file; the caller goes on to the next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from attrition.models import Document
from attrition.sources.base import SourceError, decode_text
from attrition.sources.files import HTML_SUFFIXES, kind_of, read_bytes, read_html_file, read_meta_file

#: What `attrition extract` reads from a folder: text files and saved pages (as `ingest` does).
EXTRACT_SUFFIXES = (".txt", *HTML_SUFFIXES)


class DocumentReadError(Exception):
    """A document that could not be read; the message names it."""


def load_meta(path: Path) -> dict[str, dict[str, Any]]:
    """Metadata lines `{"doc", "url", "outlet", "published"}` keyed by doc id (file stem)."""
    try:
        return read_meta_file(path, strict=True)
    except SourceError as exc:  # names the file (and the line) itself
        raise DocumentReadError(str(exc)) from exc
    except OSError as exc:
        raise DocumentReadError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def load_metas(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """Every `--meta` file merged; a doc key two files describe differently is an error naming both.

    The same line repeated in two files is fine (a copy), a different URL, outlet or date for
    the same document is not: which one is right cannot be guessed.
    """
    merged: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    for path in paths:
        for key, record in load_meta(path).items():
            if key in merged and merged[key] != record:
                fields = sorted(k for k in set(merged[key]) | set(record) if merged[key].get(k) != record.get(k))
                raise DocumentReadError(
                    f"doc {key!r} is in {origin[key]} and {path} with different {', '.join(fields)}"
                )
            merged.setdefault(key, record)
            origin.setdefault(key, path)
    return merged


def iter_text_files(paths: Iterable[Path], on_missing: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """The text files and saved pages named or found (recursively, sorted) under the given paths."""
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.name.lower().endswith(EXTRACT_SUFFIXES) and q.is_file())
        elif p.exists():  # a FIFO or device named on purpose is refused by the reader, by name
            yield p
        elif on_missing is not None:
            on_missing(p)


def read_text_document(path: Path, meta: dict[str, Any] | None, default_published: date | None) -> Document:
    """Read one text file (or saved page) as a `Document`, refusing what is not UTF-8 text.

    A saved page goes through the same path as `ingest` (declared charset, trafilatura's main
    text, htmldate's date), so the markup is never read as prose.
    """
    if kind_of(path) == "html":
        return _html_document(path, meta, default_published)
    try:
        text = decode_text(read_bytes(path), str(path))
    except SourceError as exc:
        raise DocumentReadError(f"{path}: {exc}") from exc
    meta = meta or {}
    published = default_published
    if meta.get("published"):
        try:
            published = date.fromisoformat(str(meta["published"]))
        except ValueError as exc:
            raise DocumentReadError(f"{path}: metadata date {meta['published']!r} is not YYYY-MM-DD") from exc
    return Document(id=path.stem, text=text, published=published, url=meta.get("url"), outlet=meta.get("outlet"))


def samples_dir() -> Path:
    """The sample articles shipped inside the package (`attrition/samples/*.txt` + `meta.jsonl`)."""
    return Path(str(resources.files("attrition").joinpath("samples")))


def sample_paths() -> tuple[list[Path], dict[str, dict[str, Any]]]:
    """The bundled sample articles and their metadata."""
    root = samples_dir()
    meta_file = root / "meta.jsonl"
    meta = load_meta(meta_file) if meta_file.exists() else {}
    return sorted(root.glob("*.txt")), meta


def _html_document(path: Path, meta: dict[str, Any] | None, default_published: date | None) -> Document:
    try:
        fetched = read_html_file(path, meta)
    except SourceError as exc:
        raise DocumentReadError(f"{path}: {exc}") from exc
    return Document(
        id=fetched.doc or path.stem,
        text=fetched.text,
        published=fetched.published or default_published,
        url=fetched.url,
        outlet=fetched.outlet,
        title=fetched.title,
    )
