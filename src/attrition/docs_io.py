"""Reading text documents from disk for the `extract` command: files, folders, metadata.

Bad input must not stop a batch: every failure becomes a `DocumentReadError` that names the
file and says what is wrong with it, and the caller moves on to the next file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from attrition.models import Document

MAX_TEXT_BYTES = 5_000_000


class DocumentReadError(Exception):
    """A document that could not be read; the message names it."""


def load_meta(path: Path) -> dict[str, dict[str, Any]]:
    """Metadata lines `{"doc", "url", "outlet", "published"}` keyed by doc id (file stem)."""
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                out[str(row["doc"])] = row
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise DocumentReadError(f"{path}:{n}: not a metadata line ({exc})") from exc
    return out


def iter_text_files(paths: Iterable[Path], on_missing: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """The .txt files named or found (recursively, sorted) under the given paths."""
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*.txt") if q.is_file())
        elif p.is_file():
            yield p
        elif on_missing is not None:
            on_missing(p)


def read_text_document(path: Path, meta: dict[str, Any] | None, default_published: date | None) -> Document:
    """Read one text file as a `Document`, refusing what is not UTF-8 text."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise DocumentReadError(f"{path}: too large for an article ({size:,} bytes; limit {MAX_TEXT_BYTES:,})")
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if b"\x00" in raw[:4096]:
        raise DocumentReadError(f"{path}: binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentReadError(f"{path}: not valid UTF-8 (byte {exc.start})") from exc
    meta = meta or {}
    published = default_published
    if meta.get("published"):
        try:
            published = date.fromisoformat(str(meta["published"]))
        except ValueError as exc:
            raise DocumentReadError(f"{path}: metadata date {meta['published']!r} is not YYYY-MM-DD") from exc
    return Document(id=path.stem, text=text, published=published, url=meta.get("url"), outlet=meta.get("outlet"))


def sample_paths() -> tuple[list[Path], dict[str, dict[str, Any]]]:
    """The bundled sample articles and their metadata."""
    root = Path(str(resources.files("attrition.samples")))
    meta_file = root / "meta.jsonl"
    meta = load_meta(meta_file) if meta_file.exists() else {}
    return sorted(root.glob("*.txt")), meta
