"""`attrition ingest SOURCE...`: files, folders, URLs, feeds and WARCs into the claims store.

Thin on purpose: the work is `attrition.ingest.ingest`; this module only turns its events into
a Rich progress bar (on a terminal) and its summary into a table.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape as _rich_escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from attrition.bulk.runners import default_jobs
from attrition.cli import app
from attrition.cli.common import shown_url
from attrition.cli.options import LangOpt, MetaOpt
from attrition.docs_io import DocumentReadError, load_metas, samples_dir
from attrition.ingest import Event, RunSummary, ingest
from attrition.output.safe import escape_markup, printable
from attrition.sources import FetchPolicy
from attrition.sources.urls import TOTAL_TIMEOUT
from attrition.store import resolve_url
from attrition.text.language import normalize_lang

#: Errors listed after the summary (all are in the store's `ingest_errors` table).
SHOWN_ERRORS = 20


def _summary_table(summary: RunSummary, db: str) -> Table:
    title = f"ingest run {summary.run_id} ({summary.status}) into {escape_markup(db)}"
    table = Table(title=title, title_justify="left")
    names = ["new", "duplicate", "near_duplicate", "failed", "claims"]
    if summary.filtered:
        names.insert(4, "filtered")
    for name in names:
        table.add_column(name.replace("_", "-"), justify="right")
    c = summary.counts()
    table.add_row(*(str(c[k]) for k in names))
    return table


@app.command("ingest")
def ingest_command(
    sources: list[str] | None = typer.Argument(
        None, help="Files (.txt, .html, .rss/.atom/.xml, .warc[.gz]), folders, URLs or feed URLs."
    ),
    db: str | None = typer.Option(
        None, "--db", help="Store URL or SQLite path \\[default: $ATTRITION_DB or ./attrition.db]."
    ),
    samples: bool = typer.Option(False, "--samples", help="Also ingest the sample articles bundled with Attrition."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Allow URLs on private, loopback and link-local networks."
    ),
    fetch_timeout: float = typer.Option(
        TOTAL_TIMEOUT,
        "--fetch-timeout",
        min=0.1,
        help="Seconds one URL may take in all: DNS, connect, redirects and every read.",
    ),  # fmt: skip
    progress: bool | None = typer.Option(
        None, "--progress/--no-progress", help="Progress bar \\[default: only on a terminal]."
    ),
    meta: MetaOpt = None,
    lang: LangOpt = None,
    jobs: int = typer.Option(
        1,
        "--jobs",
        "-j",
        min=0,
        help="Worker processes for reading, cleaning and extraction (0: one per core).",
    ),  # fmt: skip
    dask: str | None = typer.Option(
        None,
        "--dask",
        metavar="ADDRESS",
        help="Run the work on a Dask scheduler at ADDRESS, or 'local' for a local cluster of --jobs workers.",
    ),  # fmt: skip
    prefilter: bool = typer.Option(
        False,
        "--prefilter/--no-prefilter",
        help="Skip pages without loss vocabulary before cleaning and extraction (counted, not stored).",
    ),  # fmt: skip
) -> None:
    """Ingest articles into the claims store and extract their claims.

    Re-ingesting the same content changes nothing; an interrupted run carries on where it
    stopped when run again. Bad sources are reported and recorded; the batch goes on.
    """
    specs = list(sources or [])
    if samples:
        specs.insert(0, str(samples_dir()))
    if not specs:
        raise typer.BadParameter("give at least one SOURCE, or --samples", param_hint="SOURCE")
    try:
        metadata = load_metas(meta) if meta else None
    except DocumentReadError as exc:
        typer.echo(f"error: --meta {printable(exc)}; fix or remove that line and run again", err=True)
        raise typer.Exit(2) from None
    try:
        language = normalize_lang(lang)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from exc
    out = Console()
    err = Console(stderr=True)
    show = out.is_terminal if progress is None else progress
    bar = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.completed}[/] items"),
        BarColumn(),
        TextColumn("{task.fields[stats]}"),
        TextColumn("[dim]{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not show,
    )
    task = bar.add_task("", total=None, stats="")
    counts = {"new": 0, "duplicate": 0, "near_duplicate": 0, "failed": 0, "filtered": 0, "claims": 0}

    def on_event(event: Event) -> None:
        counts[event.outcome] += 1
        counts["claims"] += event.claims
        stats = (
            f"new {counts['new']}  dup {counts['duplicate']}  near {counts['near_duplicate']}  "
            f"failed {counts['failed']}  claims {counts['claims']}"
        )
        # the description is rendered as Rich markup: cut the printable form, then escape it
        bar.update(task, advance=1, description=_rich_escape(printable(event.source)[-60:]), stats=stats)

    try:
        with bar:
            policy = FetchPolicy(allow_private=allow_private, total_timeout=fetch_timeout)
            summary = ingest(
                specs, db_url=db, policy=policy, on_event=on_event, meta=metadata,
                jobs=jobs or default_jobs(), dask=dask, prefilter=prefilter, lang=language,
            )  # fmt: skip
    except KeyboardInterrupt:
        err.print("interrupted: documents stored so far are kept; run the same command again to carry on")
        raise typer.Exit(130) from None
    out.print(_summary_table(summary, shown_url(resolve_url(db))))
    if summary.errors:
        err.print(f"{len(summary.errors)} source(s) failed:", highlight=False)
        for error in summary.errors[:SHOWN_ERRORS]:
            err.print(f"[red]error[/] {escape_markup(error.source)}: {escape_markup(error.error)}",
                      highlight=False, soft_wrap=True)  # fmt: skip
        if len(summary.errors) > SHOWN_ERRORS:
            err.print(f"... and {len(summary.errors) - SHOWN_ERRORS} more (table ingest_errors, run {summary.run_id})")
    if summary.failed:  # 0 only when every source was read
        raise typer.Exit(1)
