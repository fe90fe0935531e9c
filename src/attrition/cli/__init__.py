"""The `attrition` command: a thin layer of Typer commands over the library.

Each command lives in its own module and registers itself on `app`; this module only wires
them together, so adding a command never means editing another command's file.
"""

from __future__ import annotations

import typer

app = typer.Typer(
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
