"""Renderers for claims: the exchange format (jsonl), CSV and a Rich table for people.

All three treat claim fields as data (`attrition.output.safe`): table cells are never Rich
markup, JSON lines escape terminal controls, CSV cells never start a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from rich.console import Console

from attrition.models import FORMAT_FIELDS, Claim
from attrition.output.fit import Column, render
from attrition.output.safe import csv_cell, json_line
from attrition.query.figures import stated_figure
from attrition.reference.series import INVASION

FORMATS = ("table", "jsonl", "csv")


def jsonl_line(claim: Claim, *, evidence: bool = False) -> str:
    """One line of `--format jsonl`: FORMAT.md field for field (plus evidence on request)."""
    record: dict[str, Any] = claim.to_record()
    if evidence:
        record.update(claim.evidence())
    return json_line(record)


def csv_text(claims: Iterable[Claim], *, header: bool = True) -> str:
    """Claims as CSV with the exchange-format columns."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(FORMAT_FIELDS), lineterminator="\n")
    if header:
        writer.writeheader()
    for c in claims:
        writer.writerow({k: csv_cell(v) for k, v in c.to_record().items()})
    return buf.getvalue()


def period_text(start: date | None, end: date | None) -> str:
    """A claim's period in few characters: `2024-05-31`, `2024-05-01..05-31`, `war..2024-05-31`,
    and `war..` for a total since the invasion whose end the text does not fix."""
    if start is None and end is None:
        return ""
    if end is None:  # a running total with no end date: not the day it started
        return "war.." if start == INVASION else f"{start}.."
    if start is None or start == end:
        return str(end)
    left = "war" if start == INVASION else (start.isoformat()[5:] if start.year == end.year else start.isoformat())
    if start.year == end.year and left != "war":
        return f"{start.isoformat()}..{end.isoformat()[5:]}"
    return f"{left}..{end.isoformat()}"


#: The claims table (`attrition claims`, `attrition extract`): the figure as stated, its period
#: and the side are never cut; names give way; the sentence goes under the row when the line is
#: too short for it (`attrition.output.fit`).
CLAIM_LAYOUT: tuple[tuple[Column, ...], str] = (
    (Column("figure"), Column("period"), Column("claimant", squeeze=True), Column("subject"),
     Column("category", squeeze=True), Column("outlet", squeeze=True), Column("sentence")),
    "sentence",
)  # fmt: skip


def print_claims(console: Console, claims: Iterable[Claim], title: str) -> None:
    """Extracted claims as a table that fits `console` (the document key stands for the outlet)."""
    specs, long = CLAIM_LAYOUT
    specs = tuple(Column("doc", squeeze=True) if c.name == "outlet" else c for c in specs)
    rows = [
        {
            "figure": stated_figure(c.value, c.value_max, c.qualifier, c.rate),
            "period": period_text(c.period_start, c.period_end),
            "claimant": c.claimant,
            "subject": c.subject,
            "category": c.category + (f" ({c.model})" if c.model else ""),
            "doc": c.doc or "",
            "sentence": c.sentence,
        }  # fmt: skip
        for c in claims
    ]
    render(console, title, specs, rows, long=long)
