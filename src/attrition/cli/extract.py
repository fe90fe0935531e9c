"""`attrition extract`: print the claims in text files (thin over `attrition.extract_document`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from attrition.bulk.partitions import FILES_PER_PART
from attrition.bulk.runners import default_jobs, open_runner
from attrition.bulk.work import extract_files
from attrition.cli import app
from attrition.cli.options import FormatOpt, LangOpt, MetaOpt, PublishedOpt
from attrition.docs_io import DocumentReadError, iter_text_files, load_metas, read_text_document, sample_paths
from attrition.extract.pipeline import extract_document
from attrition.models import Claim
from attrition.output import FORMATS, csv_text, jsonl_line, print_claims
from attrition.output.safe import escape_markup, printable
from attrition.text.language import normalize_lang


@app.command()
def extract(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Text files, saved pages (.html) or folders of them.")
    ] = None,
    meta: MetaOpt = None,
    published: PublishedOpt = None,
    fmt: FormatOpt = "table",
    samples: Annotated[
        bool, typer.Option("--samples", help="Run on the sample articles bundled with Attrition.")
    ] = False,
    evidence: Annotated[bool, typer.Option("--evidence", help="jsonl: add span, rules and breakdown links.")] = False,
    lang: LangOpt = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per core); output order is kept.")
    ] = 1,
) -> None:
    """Extract attributed loss claims from text files or saved pages and print them."""
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
    files = iter_text_files(
        inputs, on_missing=lambda p: err.print(f"[red]error[/red]: {escape_markup(p)}: no such file or folder")
    )
    for found in _extracted(files, metadata, default_date, language, jobs or default_jobs()):
        if isinstance(found, str):
            failed += 1
            err.print(f"[red]error[/red]: {escape_markup(found)}")
            continue
        claims = found
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
        print_claims(Console(), all_claims, title=f"{len(all_claims)} claims")
    if failed or missing:
        raise typer.Exit(code=1)


def _extracted(
    files: Iterator[Path],
    metadata: dict[str, dict[str, Any]],
    published: date | None,
    language: str | None,
    jobs: int,
) -> Iterator[list[Claim] | str]:
    """Each file's claims (or its error) in file order, from `jobs` processes when > 1."""
    if jobs <= 1:
        for path in files:
            try:
                doc = read_text_document(path, metadata.get(path.stem), published)
                doc.lang = language or doc.lang
                yield extract_document(doc)
            except DocumentReadError as exc:
                yield str(exc)
        return

    def tasks() -> Iterator[tuple[tuple[str, dict[str, Any] | None], ...]]:
        run: list[tuple[str, dict[str, Any] | None]] = []
        for path in files:
            run.append((str(path), metadata.get(path.stem)))
            if len(run) >= FILES_PER_PART:
                yield tuple(run)
                run = []
        if run:
            yield tuple(run)

    with open_runner(jobs) as runner:
        for results in runner.map(extract_files, tasks(), (published, language)):
            yield from results
