"""`attrition check`: run the named checks over the store and print the findings.

Every finding cites claim ids and document keys (or reference points), so a reader can go
from any line straight to `attrition claims --doc KEY`. The closing summary also says how
many quoted General Staff figures agree with the imported reference series.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from attrition.checks import REGISTRY, CheckContext, Finding
from attrition.checks.base import SEVERITIES, Severity
from attrition.checks.misquote import agreement
from attrition.checks.storeio import check_store
from attrition.cli import app
from attrition.cli.common import fail, open_db
from attrition.output.safe import json_text, printable, text

FORMATS = ("table", "json", "markdown")


def _evidence(f: Finding) -> str:
    parts = []
    if f.claims:
        parts.append("claims " + ", ".join(str(i) for i in f.claim_ids))
        parts.append("docs " + ", ".join(f.docs))
    if f.references:
        parts.append("ref " + ", ".join(sorted({f"{r.series}@{r.date.isoformat()}" for r in f.references})))
    return "; ".join(parts)


def _markdown(findings: list[Finding], agree: dict[str, int]) -> str:
    lines = ["# attrition check", ""]
    for name in REGISTRY:
        chosen = [f for f in findings if f.check == name]
        if not chosen:
            continue
        lines += [f"## {name} ({len(chosen)})", "", "| severity | finding | evidence |", "|---|---|---|"]
        for f in chosen:
            cell = printable(f.explanation).replace("|", "\\|")
            lines.append(f"| {f.severity} | {cell} | {printable(_evidence(f)).replace('|', '/')} |")
        lines.append("")
    lines.append(_agreement_line(agree))
    return "\n".join(lines)


def _agreement_line(agree: dict[str, int]) -> str:
    if not agree["compared"]:
        return "Reference: no quoted General Staff figure could be compared (is a series imported?)."
    return (
        f"Reference: {agree['agree']} of {agree['compared']} quoted General Staff figures agree with the "
        f"series for their report date ({agree['rounding']} rounded, {agree['stale']} previous day, "
        f"{agree['ahead']} next day, {agree['misquote']} misquoted)."
    )


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name) from exc


def _finding_filter(
    ctx: CheckContext, *, doc: str | None, claimant: str | None, since: date | None, until: date | None
) -> Callable[[Finding], bool]:
    """Keep a finding when one claim it cites matches every given filter (all pass when none is set)."""
    if not (doc or claimant or since or until):
        return lambda f: True
    by_id = {c.cite_id: c for c in ctx.claims}

    def matches(claim_id: str) -> bool:
        c = by_id.get(claim_id)
        if c is None:
            return False
        if doc and c.doc != doc:
            return False
        if claimant and c.claimant != claimant:
            return False
        if since and (c.published is None or c.published < since):
            return False
        return not (until and (c.published is None or c.published > until))

    return lambda f: any(matches(i) for i in f.claim_ids)


@app.command("check")
def check_command(
    db: str | None = typer.Option(
        None, "--db", help="Store URL or SQLite path \\[default: $ATTRITION_DB or ./attrition.db]."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or markdown."),
    only: list[str] | None = typer.Option(
        None, "--only", help="Run only this check (repeatable; comma-separated also works)."
    ),
    min_severity: str = typer.Option("info", "--min-severity", help="info, warning or error."),
    list_checks: bool = typer.Option(False, "--list", help="List the checks and exit."),
    fail_on: str = typer.Option(
        "none", "--fail-on", help="Exit with status 1 on a finding this severe: none, warning or error."
    ),
    doc: str | None = typer.Option(None, "--doc", help="Show findings citing a claim of this document."),
    claimant: str | None = typer.Option(None, "--claimant", help="Show findings citing a claim by this claimant."),
    since: str | None = typer.Option(None, "--since", help="Show findings citing a claim published on or after."),
    until: str | None = typer.Option(None, "--until", help="Show findings citing a claim published on or before."),
    store: bool = typer.Option(
        True, "--store/--no-store", help="Store the run and its findings (table findings) \\[default: store]."
    ),
) -> None:
    """Run named checks over the store: breakdowns, misquotes, series that do not add up.

    The checks always cover every claim (a misquote needs the other reports); --doc,
    --claimant, --since and --until choose which findings are shown. The run and all its
    findings are stored (tables check_runs and findings) unless --no-store; a later run
    recomputes only the groups of claims that gained a claim since (same findings as a full
    recompute).
    """
    if list_checks:
        for check in REGISTRY.values():
            typer.echo(f"{check.name}: {check.description}")
        return
    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    if fail_on not in ("none", *SEVERITIES[1:]):
        raise typer.BadParameter("none, warning or error", param_hint="--fail-on")
    if min_severity not in SEVERITIES:
        raise typer.BadParameter(f"one of {', '.join(SEVERITIES)}", param_hint="--min-severity")
    names = [n.strip() for item in (only or []) for n in item.split(",") if n.strip()]
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise typer.BadParameter(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(REGISTRY)}",
                                 param_hint="--only")  # fmt: skip
    severity: Severity = SEVERITIES[SEVERITIES.index(min_severity)]
    first, last = _day(since, "--since"), _day(until, "--until")
    if first and last and first > last:
        raise fail(f"--since {first} is after --until {last}: no claim can match")
    engine = open_db(db, must_exist=True)
    if claimant:
        from attrition.cli.claims import _claimant_vocab, vocab_option

        claimant = vocab_option("--claimant", claimant, _claimant_vocab(engine))
    ctx, every, run_id = check_store(engine, names or None, store=store)
    engine.dispose()
    keep = _finding_filter(ctx, doc=doc, claimant=claimant, since=first, until=last)
    findings = [f for f in every if SEVERITIES.index(f.severity) >= SEVERITIES.index(severity) and keep(f)]
    agree = agreement(ctx)
    failing = fail_on != "none" and any(SEVERITIES.index(f.severity) >= SEVERITIES.index(fail_on) for f in findings)
    counts = Counter((f.check, f.severity) for f in findings)
    if fmt == "json":
        summary: dict[str, Any] = {
            name: {s: counts.get((name, s), 0) for s in SEVERITIES} for name in (names or REGISTRY)
        }
        out = {"findings": [f.to_dict() for f in findings], "summary": summary, "reference_agreement": agree,
               "run_id": run_id}  # fmt: skip
        typer.echo(json_text(out, indent=2))
    elif fmt == "markdown":
        typer.echo(_markdown(findings, agree))
    else:
        _print_table(findings, agree)
        if run_id is not None:
            Console(stderr=True).print(f"stored as check run {run_id} ({len(every)} findings)", highlight=False)
    if failing:
        raise typer.Exit(1)


def _print_table(findings: list[Finding], agree: dict[str, int]) -> None:
    """Findings grouped by check, one row each: severity, then the finding with its evidence
    on a dim line below. Two columns and light rules read at 80 columns; wider terminals give
    the finding more room (the console's own width, nothing hard-coded)."""
    console = Console(highlight=False)
    console.print(f"{len(findings)} findings")
    for name in REGISTRY:
        chosen = [f for f in findings if f.check == name]
        if not chosen:
            continue
        table = Table(
            title=f"{name} ({len(chosen)})", title_justify="left", box=box.SIMPLE_HEAD, show_lines=False, expand=True
        )
        table.add_column("severity", no_wrap=True, width=len("severity"))
        table.add_column("finding (evidence)", overflow="fold", ratio=1)
        for f in chosen:
            cell = text(f.explanation)
            cell.append("\n")
            cell.append_text(text(_evidence(f), style="dim"))
            table.add_row(text(f.severity, style=_SEVERITY_STYLE.get(f.severity, "")), cell)
        console.print(table)
    console.print(text(_agreement_line(agree)))


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow"}
