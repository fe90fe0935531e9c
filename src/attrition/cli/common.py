"""What the commands share: opening the store for reading or writing, and refusing clearly.

A read command (`claims`, `documents`, `check`, `reference list`) on a store that does not
exist must say so instead of creating an empty one and printing nothing; an unreachable or
misconfigured PostgreSQL is one line naming the server (password hidden), not a traceback.
"""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy import Engine, make_url

from attrition.output.safe import printable
from attrition.store import open_store, resolve_url


def shown_url(url: str) -> str:
    """The store URL as shown to people: password hidden, SQLite as its path."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - any unparsable URL is shown as given
        return printable(url)
    if parsed.drivername.startswith("sqlite"):
        return printable(parsed.database or ":memory:")
    return printable(parsed.render_as_string(hide_password=True))


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `error: message` on stderr; the caller raises the returned Exit."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def open_db(db: str | None, *, must_exist: bool) -> Engine:
    """A migrated engine on the store; with `must_exist`, a missing SQLite file is an error.

    Other failures to open (server down, unreadable folder, newer schema) are `StoreError`s,
    which the command group prints as one line (`attrition.cli._Group`).
    """
    url = resolve_url(db)
    if must_exist and url.startswith("sqlite"):
        database = make_url(url).database or ""
        path = Path(database.removeprefix("file:").split("?", 1)[0])
        if database and database != ":memory:" and path.parent.is_dir() and not path.exists():
            raise fail(
                f"no store at {shown_url(url)}: ingest something first (attrition ingest ...) "
                "or name the store with --db / ATTRITION_DB"
            )
    return open_store(db)
