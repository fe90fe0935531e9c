"""`attrition reference import FILE` and `attrition reference list`: reference series in the store.

Importing parses the whole file before touching the store, so a bad row leaves the store
as it was; importing again under the same name replaces the series.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from attrition.cli import app
from attrition.cli.common import open_db
from attrition.output.safe import printable, text
from attrition.reference import load_reference
from attrition.reference.storeio import list_series, save_series

reference_app = typer.Typer(
    name="reference", help="Official and independent reference series to check claims against.",
    no_args_is_help=True,
)  # fmt: skip
app.add_typer(reference_app, name="reference")

DB_OPTION = typer.Option(
    None, "--db", help="Store URL or SQLite path [default: $ATTRITION_DB or ./attrition.db]."
)


@reference_app.command("import")
def import_command(
    files: list[Path] = typer.Argument(..., help="PetroIvaniuk .json files or generic .csv files."),
    name: str | None = typer.Option(None, "--name", help="Series name [default: the file name]."),
    db: str | None = DB_OPTION,
) -> None:
    """Load reference series (see docs/reference.md for the CSV columns)."""
    if name and len(files) > 1:
        raise typer.BadParameter("--name needs a single FILE", param_hint="--name")
    loaded = []
    for path in files:
        try:
            loaded.append(load_reference(path, name))
        except (OSError, ValueError) as exc:
            typer.echo(f"error: {printable(exc)}", err=True)
            raise typer.Exit(2) from exc
    engine = open_db(db, must_exist=False)
    for series in loaded:
        save_series(engine, series)
        typer.echo(printable(
            f"imported {series.name}: {len(series.points)} points ({series.kind}, {series.claimant})"
        ))  # fmt: skip


@reference_app.command("list")
def list_command(db: str | None = DB_OPTION) -> None:
    """The imported series: name, claimant, kind, number of points and dates."""
    table = Table(title="reference series", title_justify="left")
    for col in ("name", "claimant", "kind", "points", "first", "last", "source"):
        table.add_column(col, overflow="fold")
    engine = open_db(db, must_exist=True)
    for s in list_series(engine):
        first = s.first.isoformat() if s.first else ""
        last = s.last.isoformat() if s.last else ""
        table.add_row(*(text(v) for v in (s.name, s.claimant, s.kind, s.points, first, last, s.source)))
    Console(width=160).print(table)
