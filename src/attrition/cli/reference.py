"""`attrition reference import FILE` and `attrition reference list`: reference series in the store.

Importing parses the whole file before touching the store, so a bad row leaves the store
as it was; importing again under the same name replaces the series.
"""

from __future__ import annotations

import re
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from attrition.cli import app
from attrition.cli.common import open_db
from attrition.output.safe import printable, text
from attrition.query.reference import list_series as list_series_rows
from attrition.reference import load_reference
from attrition.reference.storeio import list_series, save_series

reference_app = typer.Typer(
    name="reference", help="Official and independent reference series to check claims against.",
    no_args_is_help=True,
)  # fmt: skip
app.add_typer(reference_app, name="reference")

DB_OPTION = typer.Option(None, "--db", help="Store URL or SQLite path \\[default: $ATTRITION_DB or ./attrition.db].")


@reference_app.command("import")
def import_command(
    files: list[Path] = typer.Argument(..., help="PetroIvaniuk .json files or generic .csv files."),
    name: str | None = typer.Option(None, "--name", help="Series name \\[default: the file name]."),
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


#: Datasets the loaders know, by file suffix: who publishes them and under which licence.
KNOWN_SOURCES = {".json": ("PetroIvaniuk/2022-Ukraine-Russia-War-Dataset (General Staff of Ukraine)", "MIT")}
_LICENCE = re.compile(r"^\s*licen[cs]e\s*:\s*(.+?)\s*$", re.I | re.M)


def provenance(source: str) -> tuple[str, str]:
    """(where a series comes from, its licence) for the file it was imported from.

    A `Licence:` line in a README beside the file wins; otherwise the known dataset's licence;
    otherwise "not stated". A local path is never shown, only the file's name.
    """
    path = Path(source)
    origin, licence = KNOWN_SOURCES.get(path.suffix.lower(), (f"{path.name} (CSV)", "not stated"))
    if path.suffix.lower() in KNOWN_SOURCES:
        origin = f"{origin}: {path.name}"
    for readme in (path.parent / "README.md", path.parent / "README"):
        try:
            found = _LICENCE.search(readme.read_text(encoding="utf-8", errors="replace")[:20_000])
        except OSError:
            continue
        if found:
            licence = found.group(1).split("(")[0].strip().rstrip(".") or licence
            break
    return origin, licence


@reference_app.command("list")
def list_command(db: str | None = DB_OPTION) -> None:
    """The imported series: name, claimant, kind, points, dates, where they come from and the licence."""
    # Two tables, so each reads at 80 columns (the console's own width, nothing hard-coded):
    # the series, then where each comes from and under which licence.
    table = Table(title="reference series", title_justify="left")
    for col in ("name", "claimant", "kind", "points", "first", "last"):
        table.add_column(col, overflow="fold", justify="right" if col == "points" else "left")
    sources = Table(title="where they come from", title_justify="left")
    for col in ("name", "source", "licence"):
        sources.add_column(col, overflow="fold", ratio=2 if col == "source" else 1)
    engine = open_db(db, must_exist=True)
    for s in list_series(engine):
        first = s.first.isoformat() if s.first else ""
        last = s.last.isoformat() if s.last else ""
        origin, licence = provenance(s.source)
        table.add_row(*(text(v) for v in (s.name, s.claimant, s.kind, s.points, first, last)))
        sources.add_row(text(s.name), text(origin), text(licence))
    console = Console(highlight=False)
    console.print(table)
    console.print(sources)


@reference_app.command("show")
def show_command(
    name: str = typer.Argument(..., help="Series name (see `attrition reference list`)."),
    category: str | None = typer.Option(None, "--category", help="Only this category, e.g. personnel."),
    subject: str | None = typer.Option(None, "--subject", help="Only this side's losses: UA, RU or other."),
    since: str | None = typer.Option(None, "--since", help="Values on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Values on or before YYYY-MM-DD."),
    daily: bool = typer.Option(False, "--daily", help="Show the change per day instead of the values."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    db: str | None = DB_OPTION,
) -> None:
    """One series' values (or, with --daily, its daily increments) by date and category."""
    from attrition.cli.claims import _emit, vocab_option, window
    from attrition.query.reference import series_points
    from attrition.vocab import CATEGORIES, SUBJECTS

    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("table, jsonl or csv", param_hint="--format")
    first, last = window(since, until)
    cat = vocab_option("--category", category, CATEGORIES)
    subj = vocab_option("--subject", subject, SUBJECTS)
    engine = open_db(db, must_exist=True)
    try:
        with engine.connect() as conn:
            points = series_points(conn, name, subject=subj, category=cat, since=first, until=last)
            known = [s["name"] for s in list_series_rows(conn)] if points is None else []
    finally:
        engine.dispose()
    if points is None:
        from attrition.vocab import nearest

        near = nearest(name, known)
        hint = f"; did you mean {near!r}?" if near else ""
        typer.echo(printable(f"error: no reference series {name!r}{hint} (attrition reference list)"), err=True)
        raise typer.Exit(2)
    column = "daily" if daily else "value"
    rows = [{"date": p["date"], "subject": p["subject"], "event": p["event"], "category": p["category"],
             column: p[column]} for p in points if not daily or p["daily"] is not None]  # fmt: skip
    title = f"{'daily changes' if daily else 'values'} of {name}"
    _emit(rows, fmt, None, ("date", "subject", "event", "category", column), title)
