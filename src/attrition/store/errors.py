"""What went wrong with a store, in one line a person can act on.

Database drivers report a read-only file, a full disk, a server that is down or a schema from
a newer release as exceptions with a traceback's worth of SQL. `explain` turns each into a
`StoreError` that names the store (its URL without a password) and says what to do; the CLI
prints that line and exits with status 2, and ingest stops the batch on it (no document could
be stored anyway) after keeping everything stored so far.
"""

from __future__ import annotations

import errno
import re
from typing import Any, Literal

Reason = Literal["read_only", "disk_full", "newer", "unreachable", "failed"]


class StoreError(Exception):
    """A store that cannot be used as asked; `str()` is the whole message."""

    def __init__(self, message: str, reason: Reason = "failed") -> None:
        super().__init__(message)
        self.reason = reason


def store_name(url: str) -> str:
    """The store URL without its password (a SQLite store by its path), for messages."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as given, password hidden
        return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")


def explain(exc: BaseException, url: str) -> StoreError | None:
    """`exc` as a `StoreError` about the store at `url`, or None if it is not about the store."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    name = store_name(url)
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return _disk_full(name)
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return _read_only(name, str(exc))
    if not isinstance(exc, SQLAlchemyError):
        return None
    text = _first_line(exc)
    lower = text.lower()
    state = _sqlstate(exc)
    if state == "25006" or "readonly database" in lower or "read-only" in lower:
        return _read_only(name, text)
    if state.startswith("53") or "database or disk is full" in lower or "no space left" in lower:
        return _disk_full(name)
    connecting = isinstance(exc, DBAPIError) and exc.connection_invalidated
    connecting = connecting or ('database "' in lower and "does not exist" in lower)
    if state.startswith("08") or connecting or any(
        part in lower
        for part in ("connection refused", "could not connect", "connection failed", "unable to open database",
                     "could not translate host", "name or service not known", "timeout expired",
                     "password authentication failed", "server closed the connection")
    ):  # fmt: skip
        advice = (
            "check that its folder exists and can be written"
            if url.startswith("sqlite")
            else "check that the server is running and the URL (host, port, user, database) is right"
        )
        return StoreError(f"cannot open the store {name}: {text}; {advice}", "unreachable")
    return StoreError(f"the store {name} failed: {text}", "failed")


def _read_only(name: str, detail: str) -> StoreError:
    return StoreError(
        f"the store {name} is read-only ({detail}): reading commands still work; to write, "
        "fix its permissions or pass --db a writable copy",
        "read_only",
    )


def _disk_full(name: str) -> StoreError:
    return StoreError(
        f"the disk holding the store {name} is full: free some space and run the same command "
        "again (everything stored so far is kept)",
        "disk_full",
    )


#: Failures that no retry of the same statement fixes: raised as `StoreError` wherever they occur.
FATAL: tuple[Reason, ...] = ("read_only", "disk_full", "unreachable")


def translate_errors(engine: Any, url: str) -> None:
    """Make `engine` raise `StoreError` for fatal failures (read-only, disk full, unreachable)
    from any statement, so every command and ingest sees one clear error, not driver text.
    Integrity errors and the like are left to their callers."""
    from sqlalchemy import event

    def handle(context: Any) -> None:
        if getattr(context, "is_pre_ping", False):
            return  # the pool reconnects on its own
        problem = explain(context.sqlalchemy_exception or context.original_exception, url)
        if problem is not None and problem.reason in FATAL:
            raise problem from context.original_exception

    event.listen(engine, "handle_error", handle)


def newer_release(url: str, revision: str) -> StoreError:
    from attrition import __version__

    return StoreError(
        f"the store {store_name(url)} was made by a newer release of Attrition (schema revision "
        f"{revision!r} is unknown to {__version__}): upgrade Attrition, or pass --db another store",
        "newer",
    )
