"""`attrition claims` and `attrition documents` (alias `docs`): reading the claims store back.

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
from rich import box
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, select

from attrition.cli import app
from attrition.cli.common import fail, open_db
from attrition.output import CLAIM_LAYOUT, period_text
from attrition.output.fit import Column, render
from attrition.output.safe import csv_cell, json_line, printable, text
from attrition.query.figures import stated_figure
from attrition.store import repository as repo
from attrition.store.tables import claims as claims_t
from attrition.store.tables import documents
from attrition.text.language import normalize_lang
from attrition.vocab import (
    CATEGORIES,
    EVENTS,
    QUALIFIERS,
    SUBJECTS,
    VocabError,
    checked,
    checked_category,
    claimants,
    nearest,
)  # fmt: skip

FORMATS = ("table", "jsonl", "csv", "parquet")
TABLE_CLAIM_COLUMNS = ("figure", "period", "claimant", "subject", "category", "outlet", "sentence")
TABLE_DOC_COLUMNS = ("doc", "published", "lang", "outlet", "title", "claims", "near_duplicates")
#: How each table fits the terminal (`attrition.output.fit`): the figure as stated, its period
#: and the side are never cut; names give way; the long text column goes under the row when
#: the line is too short for it.
TABLE_LAYOUTS: dict[str, tuple[tuple[Column, ...], str]] = {
    "claims": CLAIM_LAYOUT,
    "documents": (
        (Column("doc"), Column("published"), Column("lang"), Column("outlet", squeeze=True),
         Column("claims", right=True), Column("near_duplicates", "near-dups", right=True), Column("title")),
        "title",
    ),
    "clusters": (
        (Column("figure"), Column("period"), Column("claimant", squeeze=True), Column("subject"),
         Column("category", squeeze=True), Column("reports", right=True), Column("documents", "docs", right=True),
         Column("cluster", "cluster (outlets)")),
        "cluster",
    ),
}  # fmt: skip

#: Column types of every export, so an empty result still has one schema (typed Parquet
#: columns, the same CSV header) and list fields stay lists.
_S, _F, _I, _D, _L, _T = "string", "float", "int", "date", "list", "timestamp"
CLAIM_SCHEMA: dict[str, str] = {
    "id": _S, "doc": _S, "claimant": _S, "claimant_text": _S, "subject": _S, "event": _S, "category": _S,
    "model": _S, "value": _F, "value_max": _F, "qualifier": _S, "rate": _S, "period_start": _D,
    "period_end": _D, "location": _S, "sentence": _S, "span_start": _I, "span_end": _I, "sentence_start": _I,
    "sentence_end": _I, "rules": _L, "statement": _I, "part_of": _I, "ordinal": _I, "extractor": _S,
    "rules_hash": _S, "cluster": _S, "published": _D, "outlet": _S, "url": _S, "lang": _S,
}  # fmt: skip
DOC_SCHEMA: dict[str, str] = {
    "id": _I, "doc": _S, "published": _D, "outlet": _S, "title": _S, "url": _S, "lang": _S, "source": _S,
    "content_hash": _S, "ingested_at": _T, "claims": _I, "near_duplicates": _I,
}  # fmt: skip
CLUSTER_SCHEMA: dict[str, str] = {
    "cluster": _S, "claimant": _S, "subject": _S, "event": _S, "category": _S, "value": _F, "value_max": _F,
    "period_start": _D, "period_end": _D, "reports": _I, "roundings": _I, "first_reported": _D,
    "last_reported": _D, "docs": _L, "documents": _I, "outlets": _L, "rounding_docs": _L, "claim_ids": _L,
}  # fmt: skip

DB_OPTION = typer.Option(None, "--db", help="Store URL or SQLite path \\[default: $ATTRITION_DB or ./attrition.db].")
FORMAT_OPTION = typer.Option("table", "--format", "-f", help="table, jsonl, csv or parquet.")
OUTPUT_OPTION = typer.Option(
    None, "--output", "-o",
    help="Write to this file (required for parquet); a .csv, .jsonl or .parquet name chooses that format.",
)  # fmt: skip
_SUFFIX_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


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


def window(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """The publication window; `--since` after `--until` is an error, not an empty answer."""
    first, last = _date(since, "--since"), _date(until, "--until")
    if first and last and first > last:
        raise fail(f"--since {first} is after --until {last}: no document can match")
    return first, last


def vocab_option(name: str, value: str | None, allowed: tuple[str, ...] | list[str]) -> str | None:
    """A filter checked against its vocabulary (any case), with the nearest value on a miss."""
    try:
        if name == "--category":
            return checked_category(name, value)
        return checked(name, value, allowed)
    except VocabError as exc:
        raise fail(printable(exc)) from None


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _arrow_schema(schema: dict[str, str], rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    types = {_S: pa.string(), _F: pa.float64(), _I: pa.int64(), _D: pa.date32(), _L: pa.list_(pa.string()),
             _T: pa.timestamp("us")}  # fmt: skip
    names = list(schema) + [k for k in (rows[0] if rows else {}) if k not in schema]
    return pa.schema([(n, types[schema.get(n, _S)]) for n in names])


def _emit(
    rows: list[dict[str, Any]],
    fmt: str,
    output: Path | None,
    columns: tuple[str, ...],
    title: str,
    schema: dict[str, str] | None = None,
    wide: bool = False,
) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "table" and output is not None:
        fmt = _SUFFIX_FORMATS.get(output.suffix.lower(), fmt)  # "-o claims.csv" writes CSV, not a table
    if fmt == "parquet":
        if output is None:
            raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
        import pyarrow as pa
        import pyarrow.parquet as pq

        if schema is None:
            table = pa.Table.from_pylist(rows)
        else:
            table = pa.Table.from_pylist(rows, schema=_arrow_schema(schema, rows))
        pq.write_table(table, str(output))
        _wrote(len(rows), title, output, fmt)
        return
    header = list(schema) if schema and not rows else (list(rows[0]) if rows else list(columns))
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for row in rows:
                stream.write(json_line({k: _plain(v) for k, v in row.items()}) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(stream, fieldnames=header)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: csv_cell(v) for k, v in row.items()})
        else:
            console = Console(file=stream) if output is None else Console(file=stream, width=80)
            if wide:
                _wide_table(console, rows, columns, f"{len(rows)} {title}")
            else:
                specs, long = TABLE_LAYOUTS[title]
                cells = [{c.name: _text_cell(row.get(c.name)) for c in specs} for row in rows]
                render(console, f"{len(rows)} {title}", specs, cells, long=long)
    finally:
        if output:
            stream.close()
    if output:
        _wrote(len(rows), title, output, fmt)


def _text_cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(_plain(value))


def _wide_table(console: Console, rows: list[dict[str, Any]], columns: tuple[str, ...], title: str) -> None:
    """Every column, cells wrapped, not cut (`--wide`); as wide as the rows need in a pipe."""
    columns = tuple(dict.fromkeys([*columns, *(rows[0] if rows else {})]))
    if not console.is_terminal:
        console = Console(file=console.file, width=max(80, 24 * len(columns)))
    table = Table(title=title, title_justify="left", show_lines=False, box=box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False, padding=(0, 1, 0, 0), collapse_padding=True)  # fmt: skip
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(text(_text_cell(row.get(c)), multiline=False) for c in columns))
    console.print(table)


def for_table(row: dict[str, Any]) -> dict[str, Any]:
    """A claim row with the figure as the text states it and its period in short form."""
    figure = stated_figure(row["value"], row["value_max"], row["qualifier"], row["rate"])
    return {**row, "figure": figure, "period": period_text(row["period_start"], row["period_end"])}


def cluster_for_table(row: dict[str, Any]) -> dict[str, Any]:
    """A cluster row with its figure and period as the claims table shows them."""
    figure = stated_figure(row["value"], row["value_max"])
    cited = f"{row['cluster']}  ({', '.join(row['outlets'])})" if row["outlets"] else row["cluster"]
    return {**row, "figure": figure, "period": period_text(row["period_start"], row["period_end"]), "cluster": cited}


def _wrote(n: int, title: str, output: Path, fmt: str) -> None:
    what = title if n != 1 else title.rstrip("s")
    typer.echo(printable(f"wrote {n} {what} to {output} ({fmt})"), err=True)


def _claimant_vocab(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        stored = [str(r[0]) for r in conn.execute(select(claims_t.c.claimant).distinct())]
    return list(dict.fromkeys([*claimants(), *sorted(stored)]))


def _outlet_vocab(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [str(r[0]) for r in conn.execute(select(documents.c.outlet).distinct()) if r[0]]


def _outlet(engine: Engine, value: str | None) -> str | None:
    """An outlet filter: any case; an outlet the store has never seen is an error with the nearest."""
    if not value:
        return None
    known = _outlet_vocab(engine)
    if any(o.lower() == value.lower() for o in known):
        return value
    near = nearest(value, known)
    hint = f"; did you mean {near!r}?" if near else ""
    raise fail(printable(f"--outlet: no document from outlet {value!r}{hint}"))


@app.command("claims")
def claims_command(
    claimant: str | None = typer.Option(None, help="Claimant id, e.g. ru.mod or ua.general_staff."),
    subject: str | None = typer.Option(None, help="Side the loss is about: UA, RU or other."),
    category: str | None = typer.Option(None, help="Category, e.g. personnel or tanks (matches tanks+afv)."),
    event: str | None = typer.Option(None, help="Event, e.g. killed, lost, intercepted."),
    qualifier: str | None = typer.Option(None, help="exact, approx, at_least, at_most or range."),
    since: str | None = typer.Option(None, help="Documents published on or after YYYY-MM-DD (publication date)."),
    until: str | None = typer.Option(None, help="Documents published on or before YYYY-MM-DD (publication date)."),
    outlet: str | None = typer.Option(None, help="Only documents from this outlet (any case)."),
    lang: str | None = typer.Option(None, "--lang", help="Only documents in this language (en, ru, uk)."),
    doc: str | None = typer.Option(None, help="Only this document (its doc key)."),
    period_from: str | None = typer.Option(
        None, "--period-from", help="Claims whose period (what the figure covers) overlaps a window from YYYY-MM-DD."
    ),
    period_to: str | None = typer.Option(
        None, "--period-to", help="Claims whose period overlaps a window to YYYY-MM-DD."
    ),
    claim_id: str | None = typer.Option(None, "--id", help="Only the claim with this stable id."),
    cluster: str | None = typer.Option(None, "--cluster", help="Only the claims of the cluster with this id."),
    fmt: str = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
    db: str | None = DB_OPTION,
    wide: bool = typer.Option(False, "--wide", help="Table with every column, cells wrapped, not cut."),
    clusters: bool = typer.Option(
        False, "--clusters", help="List claim clusters with report counts (every filter applies to their reports)."
    ),
) -> None:
    """List stored claims, filtered. Each carries its stable id and its cluster's id."""
    from attrition.reconcile.storeio import ensure_clusters

    first, last = window(since, until)
    p_from, p_to = _date(period_from, "--period-from"), _date(period_to, "--period-to")
    if p_from and p_to and p_from > p_to:
        raise fail(f"--period-from {p_from} is after --period-to {p_to}: no period can match")
    subject = vocab_option("--subject", subject, SUBJECTS)
    category = vocab_option("--category", category, CATEGORIES)
    event = vocab_option("--event", event, EVENTS)
    qualifier = vocab_option("--qualifier", qualifier, QUALIFIERS)
    engine = open_db(db, must_exist=True)
    try:
        claimant = vocab_option("--claimant", claimant, _claimant_vocab(engine))
        outlet = _outlet(engine, outlet)
        ensure_clusters(engine)
        with engine.connect() as conn:
            rows = repo.query_claims(
                conn, claimant=claimant, subject=subject, category=category, event=event, qualifier=qualifier,
                since=first, until=last, outlet=outlet, doc=doc, claim_id=claim_id, cluster=cluster,
                lang=_lang(lang),
                period_from=p_from, period_to=p_to,
            )  # fmt: skip
        if clusters:  # reconcile: many reports of one claim (attrition.reconcile)
            from attrition.reconcile.storeio import CLUSTER_COLUMNS, cluster_rows

            filtered = any((claimant, subject, category, event, qualifier, first, last, outlet, doc, claim_id, cluster,
                            p_from, p_to))  # fmt: skip
            members = {r["id"] for r in rows} if filtered else None
            crows = cluster_rows(engine, members=members)
            if fmt == "table" and not wide:
                crows = [cluster_for_table(r) for r in crows]
            _emit(crows, fmt, output, CLUSTER_COLUMNS, "clusters", CLUSTER_SCHEMA, wide=wide)
            return
    finally:
        engine.dispose()
    if fmt == "table":
        rows = [for_table(r) for r in rows]
    _emit(rows, fmt, output, TABLE_CLAIM_COLUMNS, "claims", CLAIM_SCHEMA, wide=wide)


def docs_command(
    since: str | None = typer.Option(None, help="Published on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, help="Published on or before YYYY-MM-DD."),
    outlet: str | None = typer.Option(None, help="Only this outlet (any case)."),
    lang: str | None = typer.Option(None, "--lang", help="Only documents in this language (en, ru, uk)."),
    doc: str | None = typer.Option(None, help="Only this document (its doc key)."),
    fmt: str = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """List stored documents (articles) with their claim and near-duplicate counts."""
    first, last = window(since, until)
    engine = open_db(db, must_exist=True)
    try:
        outlet = _outlet(engine, outlet)
        with engine.connect() as conn:
            rows = repo.list_documents(conn, outlet=outlet, since=first, until=last, doc=doc, lang=_lang(lang))
    finally:
        engine.dispose()
    _emit(rows, fmt, output, TABLE_DOC_COLUMNS, "documents", DOC_SCHEMA)


app.command("documents")(docs_command)
app.command("docs", hidden=True, help="Alias of `documents`.")(docs_command)
