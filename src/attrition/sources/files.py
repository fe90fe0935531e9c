"""Local files: plain-text articles and saved HTML pages, one by one or a folder at a time.

Text files are what copy-paste and most scrapers produce; they keep the page furniture
(weather lines, "Read more" boxes, "Most Popular" lists, comment forms) whose numbers would
otherwise become bogus claims, so it is stripped before anything else sees the text. A
`meta.jsonl` beside the files (`{"doc", "url", "outlet", "published"}` per line) supplies what
a bare text file cannot say about itself.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import IO, Any

from attrition.sources.base import MAX_BYTES, Fetched, SourceError, decode_text, outlet_from_url
from attrition.sources.html import decode_html, from_html
from attrition.text.dates import find_dateline
from attrition.text.furniture import strip_furniture

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
ALL_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES


def kind_of(path: Path) -> str | None:
    """'text', 'html', 'warc' or 'feed' from the file name; None for files we do not read."""
    name = path.name.lower()
    for kind, suffixes in (
        ("warc", WARC_SUFFIXES),
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("feed", FEED_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return None


def walk(folder: Path) -> list[Path]:
    """Files under `folder` with a name we read, recursively, in a stable order (so reruns
    resume in order). A FIFO or a dangling link with such a name is listed too: the reader
    refuses it by name rather than the walk skipping it silently."""
    return sorted(p for p in folder.rglob("*") if kind_of(p) is not None and not p.is_dir())


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse_irregular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise SourceError(f"{kind}, not a regular file: not read")


def open_regular(path: Path) -> IO[bytes]:
    """`path` opened for reading, refusing anything but a regular file.

    `/dev/zero`, `/dev/urandom` or a FIFO never end, and their `stat()` size is 0, so a size
    check alone lets them through to an unbounded read. The file is opened without blocking
    (a FIFO with no writer would hang the open) and checked again on the open descriptor, so a
    file swapped for a pipe between the two checks is refused too.
    """
    try:
        _refuse_irregular(os.stat(path).st_mode)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from exc
    try:
        _refuse_irregular(os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, at most `max_bytes` of them: the cap is on what is read, not on what
    `stat()` says (a file can grow while it is read)."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise SourceError(f"file too large ({size} bytes, limit {max_bytes})")
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise SourceError(f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise SourceError(f"file too large (over {max_bytes} bytes, limit {max_bytes})")
    return data


def read_meta_file(path: Path, *, strict: bool = True) -> dict[str, dict[str, Any]]:
    """Metadata lines `{"doc", "url", "outlet", "published"}` keyed by doc (file stem).

    A file the user names (`--meta`) is `strict`: a broken line is an error naming the line.
    A `meta.jsonl` found beside the articles is read leniently: broken lines are skipped.
    """
    meta: dict[str, dict[str, Any]] = {}
    try:
        text = read_bytes(path).decode("utf-8-sig", errors="strict" if strict else "replace")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 (invalid byte at {exc.start})") from exc
    except SourceError as exc:
        raise SourceError(f"{path}: {exc}") from exc
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:  # RecursionError: absurdly nested
            if strict:
                reason = exc if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                raise SourceError(f"{path}:{n}: not a metadata line ({reason})") from None
            continue
        if isinstance(row, dict) and isinstance(row.get("doc"), str):
            problem = _meta_problem(row)
            if problem is None:
                meta[row["doc"]] = row
            elif strict:
                raise SourceError(f"{path}:{n}: {problem}")
        elif strict:
            raise SourceError(f'{path}:{n}: a metadata line needs a "doc" string')
    return meta


def _meta_problem(row: dict[str, Any]) -> str | None:
    """What is wrong with a metadata line's fields, or None: text fields are strings, and
    `published` is an ISO date (a timestamp's date part is used)."""
    for key in ("url", "outlet", "title"):
        if row.get(key) is not None and not isinstance(row[key], str):
            return f'"{key}" must be a string, not {json.dumps(row[key])[:40]}'
    published = row.get("published")
    if published not in (None, "") and (not isinstance(published, str) or _meta_date(published) is None):
        return f'"published" must be a date such as 2024-05-06, not {json.dumps(published)[:40]}'
    return None


def load_meta(folder: Path) -> dict[str, dict[str, Any]]:
    """`meta.jsonl` in `folder`, keyed by doc (file stem); empty if there is none."""
    path = folder / "meta.jsonl"
    return read_meta_file(path, strict=False) if path.is_file() else {}


def _meta_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def clean_text(text: str) -> str:
    """Text without page furniture, so that "Most Popular" lists and weather lines never reach
    the extractor (their numbers would become claims)."""
    return strip_furniture(text)


def dateline(text: str) -> date | None:
    """Publication date from a dateline in the text (e.g. "KYIV, March 3 (Reuters) -")."""
    return find_dateline(text)


def _title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            # a headline is short and unpunctuated; a dateline ("KYIV, May 3 (Reuters) -") is not
            return line if len(line) <= 200 and line[-1] not in ".-:!?)—" else None
    return None


def read_text_file(path: Path, meta: dict[str, Any] | None = None) -> Fetched:
    """A `.txt` article: decoded strictly, furniture stripped, date from metadata or dateline."""
    text = clean_text(decode_text(read_bytes(path), str(path)))
    if not text.strip():
        raise SourceError("nothing left after removing page furniture")
    meta = meta or {}
    url = meta.get("url") or None
    return Fetched(
        source=str(path),
        text=text,
        doc=str(meta.get("doc") or path.stem),
        url=url,
        outlet=meta.get("outlet") or outlet_from_url(url),
        title=meta.get("title") or _title(text),
        published=_meta_date(meta.get("published")) or dateline(text),
    )


def read_html_file(path: Path, meta: dict[str, Any] | None = None) -> Fetched:
    """A saved web page: trafilatura/htmldate, with `meta.jsonl` values taking precedence."""
    data = read_bytes(path)
    if not data.strip():
        raise SourceError("empty file")
    if b"\x00" in data[:8192]:
        raise SourceError("binary data, not HTML")
    meta = meta or {}
    fetched = from_html(decode_html(data), source=str(path), url=meta.get("url") or None, doc=path.stem)
    fetched.doc = str(meta.get("doc") or path.stem)
    fetched.outlet = meta.get("outlet") or fetched.outlet
    fetched.published = _meta_date(meta.get("published")) or fetched.published
    return fetched
