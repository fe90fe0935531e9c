"""Renderers for claims: the exchange format (jsonl), CSV and a Rich table for people.

All three treat claim fields as data (`attrition.output.safe`): table cells are never Rich
markup, JSON lines escape terminal controls, CSV cells never start a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from rich.table import Table

from attrition.models import FORMAT_FIELDS, Claim
from attrition.output.safe import csv_cell, json_line, text

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


def _number(c: Claim) -> str:
    sign = {"at_least": ">=", "at_most": "<=", "approx": "~", "range": "", "exact": ""}[c.qualifier]
    text = f"{c.value:,}" if c.value_max is None else f"{c.value:,}-{c.value_max:,}"
    return sign + text + (" /day" if c.rate == "per_day" else "")


def claims_table(claims: Iterable[Claim], title: str | None = None) -> Table:
    """A table a person can read: one row per claim, the sentence shortened."""
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("doc", "claimant", "subject", "event", "category", "value", "period", "location", "sentence"):
        table.add_column(col, overflow="fold", max_width=60 if col == "sentence" else None)
    for c in claims:
        period = ""
        if c.period_start or c.period_end:
            period = f"{c.period_start or '?'}..{c.period_end or '?'}"
        what = c.category + (f" ({c.model})" if c.model else "")
        sentence = c.sentence if len(c.sentence) <= 140 else c.sentence[:137] + "..."
        cells = (c.doc, c.claimant, c.subject, c.event, what, _number(c), period, c.location, sentence)
        table.add_row(*(text(v) for v in cells))
    return table
