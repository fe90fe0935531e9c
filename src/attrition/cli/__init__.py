"""The `attrition` command: a thin layer of Typer commands over the library.

Each command lives in its own module and registers itself on `app`; this module only wires
them together, so adding a command never means editing another command's file.

A command's module is imported only when that command runs (`COMMANDS` says which module
defines which command; `--help` and a mistyped name load them all). So `attrition serve`
does not pay for the extractor's lexicons, numpy or the HTTP client, and `attrition claims`
not for the web stack: each command starts with what it uses.
"""

from __future__ import annotations

import errno
from importlib import import_module
from typing import Any

import typer
from typer.core import TyperGroup

#: Command (or command group) name -> the module under `attrition.cli` that registers it, in
#: the order of `--help`.
COMMANDS = {
    "check": "check", "claims": "claims", "documents": "claims", "docs": "claims", "extract": "extract",
    "ingest": "ingest", "reference": "reference", "serve": "serve",
}  # fmt: skip


def load_commands(*names: str) -> None:
    """Import the modules registering `names` (every command when none is named)."""
    for module in dict.fromkeys(COMMANDS[n] for n in (names or COMMANDS) if n in COMMANDS):
        import_module(f"attrition.cli.{module}")


class _Group(TyperGroup):
    """Loads a command's module when the command is looked up, and turns store failures
    (read-only, disk full, server down, newer schema) into one line on stderr and exit status 2,
    whichever command meets them, instead of a traceback."""

    def _load(self, *names: str) -> None:
        load_commands(*names)
        built = typer.main.get_group(app).commands
        for name in [*COMMANDS, *built]:  # the documented order first
            if name in built and name not in self.commands:
                self.commands[name] = built[name]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands:
            self._load(*([cmd_name] if cmd_name in COMMANDS else []))  # unknown: all, for suggestions
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: Any) -> list[str]:
        self._load()
        return list(self.commands)

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


@app.callback()
def _root() -> None:
    """Attributed loss claims from war reporting: extract, ingest, list and check them."""


def main() -> None:
    """Console-script entry point."""
    app()
