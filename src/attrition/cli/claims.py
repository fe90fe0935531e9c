"""`attrition claims` and `attrition docs`: reading the claims store back.

Formats: a Rich table for people, JSON lines and CSV for pipes, Parquet for dataframes.
Stored text is data in every format: table cells are never markup and show controls escaped,
JSON lines escape terminal controls, CSV cells never start a formula (`attrition.output.safe`).
JSON lines carry the exchange-format fields first, so `attrition claims --format jsonl` can be
fed to anything that reads FORMAT.md records.
"""

from __future__ import annotations

import csv
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from attrition.cli import app
from attrition.output.safe import csv_cell, json_line, text
from attrition.store import open_store
from attrition.store import repository as repo
from attrition.text.language import normalize_lang

FORMATS = ("table", "jsonl", "csv", "parquet")
TABLE_CLAIM_COLUMNS = (
    "id", "doc", "published", "claimant", "subject", "event", "category", "value", "qualifier", "sentence",
)  # fmt: skip
TABLE_DOC_COLUMNS = ("doc", "published", "lang", "outlet", "title", "claims", "near_duplicates")

DB_OPTION = typer.Option(
    None, "--db", help="Store URL or SQLite path [default: $ATTRITION_DB or ./attrition.db]."
)
FORMAT_OPTION = typer.Option("table", "--format", "-f", help="table, jsonl, csv or parquet.")
OUTPUT_OPTION = typer.Option(None, "--output", "-o", help="Write to this file (required for parquet).")


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name) from exc


def _lang(value: str | None) -> str | None:
    try:
        return normalize_lang(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from exc


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _emit(
    rows: list[dict[str, Any]], fmt: str, output: Path | None, columns: tuple[str, ...], title: str
) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet":
        if output is None:
            raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), str(output))
        return
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for row in rows:
                stream.write(json_line({k: _plain(v) for k, v in row.items()}) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]) if rows else list(columns))
            writer.writeheader()
            for row in rows:
                writer.writerow({k: csv_cell(v) for k, v in row.items()})
        else:
            table = Table(title=f"{len(rows)} {title}", title_justify="left", show_lines=False)
            for col in columns:
                table.add_column(col, overflow="fold", max_width=80 if col in ("sentence", "title") else None)
            for row in rows:
                table.add_row(*(text(_plain(row.get(c))) for c in columns))
            Console(file=stream, width=200 if output else None).print(table)
    finally:
        if output:
            stream.close()


@app.command("claims")
def claims_command(
    claimant: str | None = typer.Option(None, help="Claimant id, e.g. ru.mod or ua.general_staff."),
    subject: str | None = typer.Option(None, help="Side the loss is about: UA, RU or other."),
    category: str | None = typer.Option(None, help="Category, e.g. personnel or tanks (matches tanks+afv)."),
    event: str | None = typer.Option(None, help="Event, e.g. killed, lost, intercepted."),
    since: str | None = typer.Option(None, help="Documents published on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, help="Documents published on or before YYYY-MM-DD."),
    outlet: str | None = typer.Option(None, help="Only documents from this outlet."),
    lang: str | None = typer.Option(None, "--lang", help="Only documents in this language (en, ru, uk)."),
    doc: str | None = typer.Option(None, help="Only this document (its doc key)."),
    claim_id: str | None = typer.Option(None, "--id", help="Only the claim with this stable id."),
    cluster: str | None = typer.Option(None, "--cluster", help="Only the claims of the cluster with this id."),
    fmt: str = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
    db: str | None = DB_OPTION,
    clusters: bool = typer.Option(False, "--clusters", help="List claim clusters with report counts."),
) -> None:
    """List stored claims, filtered. Each carries its stable id and its cluster's id."""
    from attrition.reconcile.storeio import ensure_clusters

    first, last = _date(since, "--since"), _date(until, "--until")
    engine = open_store(db)
    if clusters:  # reconcile: many reports of one claim (attrition.reconcile)
        from attrition.reconcile.storeio import CLUSTER_COLUMNS, cluster_rows

        _emit(cluster_rows(engine), fmt, output, CLUSTER_COLUMNS, "clusters")
        engine.dispose()
        return
    try:
        ensure_clusters(engine)
        with engine.connect() as conn:
            rows = repo.query_claims(
                conn, claimant=claimant, subject=subject, category=category, event=event,
                since=first, until=last, outlet=outlet, doc=doc, claim_id=claim_id, cluster=cluster,
                lang=_lang(lang),
            )  # fmt: skip
    finally:
        engine.dispose()
    _emit(rows, fmt, output, TABLE_CLAIM_COLUMNS, "claims")


@app.command("docs")
def docs_command(
    since: str | None = typer.Option(None, help="Published on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, help="Published on or before YYYY-MM-DD."),
    outlet: str | None = typer.Option(None, help="Only this outlet."),
    lang: str | None = typer.Option(None, "--lang", help="Only documents in this language (en, ru, uk)."),
    doc: str | None = typer.Option(None, help="Only this document (its doc key)."),
    fmt: str = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """List stored documents with their claim and near-duplicate counts."""
    first, last = _date(since, "--since"), _date(until, "--until")
    engine = open_store(db)
    try:
        with engine.connect() as conn:
            rows = repo.list_documents(
                conn, outlet=outlet, since=first, until=last, doc=doc, lang=_lang(lang)
            )
    finally:
        engine.dispose()
    _emit(rows, fmt, output, TABLE_DOC_COLUMNS, "documents")
