"""The generic reference CSV (documented in docs/reference.md).

Columns `date, claimant, subject, event, category, value` are required; `period_start`
(default 2022-02-24: a total since the invasion; empty for a figure with no fixed start),
`model` and `kind` (`cumulative`, `correction` or `snapshot`, one per file) are optional.
The format is deliberately the claim vocabulary, so that any independent count (a
Mediazona tally, a ministry's own table) can be loaded without code.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from attrition.models import CATEGORIES, EVENTS
from attrition.reference.series import INVASION, ReferencePoint, ReferenceSeries, SeriesKind

REQUIRED = ("date", "claimant", "subject", "event", "category", "value")
KINDS: tuple[SeriesKind, ...] = ("cumulative", "correction", "snapshot")


def load_csv(path: Path, name: str | None = None) -> ReferenceSeries:
    """Read a generic reference CSV; raises ValueError naming the line of any bad row."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        points: list[ReferencePoint] = []
        claimants: set[str] = set()
        starts: set[str] = set()
        kinds: set[str] = set()
        for line, row in enumerate(reader, start=2):
            try:
                category = "+".join(sorted(row["category"].strip().split("+")))
                if not set(category.split("+")) <= set(CATEGORIES):
                    raise ValueError(f"unknown category {row['category']!r}")
                if row["event"].strip() not in EVENTS:
                    raise ValueError(f"unknown event {row['event']!r}")
                if row["subject"].strip() not in ("UA", "RU", "other"):
                    raise ValueError(f"subject must be UA, RU or other, not {row['subject']!r}")
                points.append(
                    ReferencePoint(
                        date.fromisoformat(row["date"].strip()),
                        row["subject"].strip(),
                        row["event"].strip(),
                        category,
                        float(row["value"]),
                        (row.get("model") or "").strip() or None,
                    )
                )
            except (ValueError, TypeError, AttributeError) as exc:
                raise ValueError(f"{path}:{line}: {exc}") from exc
            claimants.add(row["claimant"].strip())
            starts.add((row.get("period_start") or INVASION.isoformat()).strip())
            kinds.add((row.get("kind") or "cumulative").strip())
    if len(claimants) != 1:
        raise ValueError(f"{path}: one claimant per file, found {sorted(claimants) or 'none'}")
    if len(starts) != 1 or len(kinds) != 1:
        raise ValueError(f"{path}: period_start and kind must be the same on every row")
    kind = kinds.pop()
    if kind not in KINDS:
        raise ValueError(f"{path}: kind must be one of {', '.join(KINDS)}")
    start_text = starts.pop()
    start = date.fromisoformat(start_text) if start_text else None
    series_kind: SeriesKind = "correction" if kind == "correction" else (
        "snapshot" if kind == "snapshot" else "cumulative"
    )
    return ReferenceSeries(name or path.stem, claimants.pop(), str(path), series_kind, start, points)


def load_reference(path: Path, name: str | None = None) -> ReferenceSeries:
    """A reference file by its extension: `.json` (PetroIvaniuk) or `.csv` (generic)."""
    from attrition.reference.petroivaniuk import load_petroivaniuk

    if path.suffix.lower() == ".json":
        return load_petroivaniuk(path, name)
    if path.suffix.lower() == ".csv":
        return load_csv(path, name)
    raise ValueError(f"{path}: unknown reference format (expected .json or .csv)")
