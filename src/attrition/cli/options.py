"""Option types shared by commands, so a flag is spelled and explained the same everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="Output format: table, jsonl or csv.")]
MetaOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--meta",
        help='JSONL metadata keyed by file stem: {"doc", "url", "outlet", "published"} (repeatable; '
        "a document two files describe differently is an error).",
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the inputs (en, ru, uk) instead of detecting it per document."),
]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for inputs without metadata.")
]
