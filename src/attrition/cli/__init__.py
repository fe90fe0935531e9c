"""The `attrition` command: a thin layer of Typer commands over the library.

Each command lives in its own module and registers itself on `app`; this module only wires
them together, so adding a command never means editing another command's file.
"""

from __future__ import annotations

import errno
from typing import Any

import typer
from typer.core import TyperGroup


class _Group(TyperGroup):
    """Turns store failures (read-only, disk full, server down, newer schema) into one line on
    stderr and exit status 2, whichever command meets them, instead of a traceback."""

    def invoke(self, ctx: Any) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        from attrition.output.safe import printable
        from attrition.store.errors import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as exc:
            typer.echo(f"error: {printable(exc)}", err=True)
            raise typer.Exit(2) from None
        except OSError as exc:  # writing an export or a report: a full disk, a read-only folder
            if exc.errno not in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT):
                raise
            target = f" {printable(exc.filename)}" if exc.filename else ""
            typer.echo(f"error: cannot write{target}: {exc.strerror or exc}", err=True)
            raise typer.Exit(2) from None
        except SQLAlchemyError as exc:
            lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            typer.echo(f"error: the store failed: {printable(lines[0] if lines else type(exc).__name__)}", err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_Group,
    name="attrition",
    help="Attributed loss claims from war reporting: extract, ingest, list and check them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register themselves on import (order = order in --help).
from attrition.cli import check as _check  # noqa: E402,F401
from attrition.cli import claims as _claims  # noqa: E402,F401
from attrition.cli import extract as _extract  # noqa: E402,F401
from attrition.cli import ingest as _ingest  # noqa: E402,F401
from attrition.cli import reference as _reference  # noqa: E402,F401
from attrition.cli import serve as _serve  # noqa: E402,F401


def main() -> None:
    """Console-script entry point."""
    app()
