"""What the commands share: opening the store for reading or writing, and refusing clearly.

A read command (`claims`, `documents`, `check`, `reference list`) on a store that does not
exist must say so instead of creating an empty one and printing nothing; an unreachable or
misconfigured PostgreSQL is one line naming the server (password hidden), not a traceback.
"""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

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

    Connection and migration failures become one line (`error: cannot open the store at ...`)
    and exit status 2.
    """
    url = resolve_url(db)
    if must_exist and url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:" and not Path(database).exists():
            raise fail(
                f"no store at {shown_url(url)}: ingest something first (attrition ingest ...) "
                "or name the store with --db / ATTRITION_DB"
            )
    try:
        return open_store(db)
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        first = detail[0] if detail else type(exc).__name__
        raise fail(f"cannot open the store at {shown_url(url)}: {printable(first)}") from None
