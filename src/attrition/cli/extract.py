"""`attrition extract`: print the claims in text files (thin over `attrition.extract_document`)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from attrition.cli import app
from attrition.cli.options import FormatOpt, LangOpt, MetaOpt, PublishedOpt
from attrition.docs_io import DocumentReadError, iter_text_files, load_metas, read_text_document, sample_paths
from attrition.extract.pipeline import extract_document
from attrition.output import FORMATS, claims_table, csv_text, jsonl_line
from attrition.output.safe import escape_markup, printable
from attrition.text.language import normalize_lang


@app.command()
def extract(
    paths: Annotated[list[Path] | None, typer.Argument(help="Text files or folders of them.")] = None,
    meta: MetaOpt = None,
    published: PublishedOpt = None,
    fmt: FormatOpt = "table",
    samples: Annotated[
        bool, typer.Option("--samples", help="Run on the sample articles bundled with Attrition.")
    ] = False,
    evidence: Annotated[bool, typer.Option("--evidence", help="jsonl: add span, rules and breakdown links.")] = False,
    lang: LangOpt = None,
) -> None:
    """Extract attributed loss claims from .txt files and print them."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}", param_hint="--format")
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    default_date: date | None = None
    if published:
        try:
            default_date = date.fromisoformat(published)
        except ValueError as exc:
            raise typer.BadParameter("expected YYYY-MM-DD", param_hint="--published") from exc
    try:
        language = normalize_lang(lang)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from exc
    inputs = list(paths or [])
    try:
        metadata = load_metas(meta) if meta else {}
    except DocumentReadError as exc:
        typer.echo(f"error: --meta {printable(exc)}; fix or remove that line and run again", err=True)
        raise typer.Exit(2) from None
    if samples:
        sample_files, sample_meta = sample_paths()
        inputs += sample_files
        metadata = {**sample_meta, **metadata}
    if not inputs:
        raise typer.BadParameter("give at least one PATH (or --samples)")
    failed = 0
    all_claims = []
    header_done = False
    for path in iter_text_files(
        inputs, on_missing=lambda p: err.print(f"[red]error[/red]: {escape_markup(p)}: no such file or folder")
    ):
        try:
            doc = read_text_document(path, metadata.get(path.stem), default_date)
        except DocumentReadError as exc:
            failed += 1
            err.print(f"[red]error[/red]: {escape_markup(exc)}")
            continue
        doc.lang = language or doc.lang
        claims = extract_document(doc)
        if fmt == "jsonl":
            for c in claims:
                sys.stdout.write(jsonl_line(c, evidence=evidence) + "\n")
        elif fmt == "csv":
            sys.stdout.write(csv_text(claims, header=not header_done))
            header_done = True
        else:
            all_claims.extend(claims)
    missing = sum(1 for p in inputs if not p.exists())
    if fmt == "table":
        Console().print(claims_table(all_claims, title=f"{len(all_claims)} claims"))
    if failed or missing:
        raise typer.Exit(code=1)
