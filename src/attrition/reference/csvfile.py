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
from attrition.reference.validate import ReferenceError, check_value, parse_date, parse_number, where

REQUIRED = ("date", "claimant", "subject", "event", "category", "value")
KINDS: tuple[SeriesKind, ...] = ("cumulative", "correction", "snapshot")


def _point(row: dict[str, str], *, signed: bool) -> ReferencePoint:
    category = "+".join(sorted(row["category"].strip().split("+")))
    if not set(category.split("+")) <= set(CATEGORIES):
        raise ValueError(f"unknown category {row['category']!r}")
    if row["event"].strip() not in EVENTS:
        raise ValueError(f"unknown event {row['event']!r}")
    if row["subject"].strip() not in ("UA", "RU", "other"):
        raise ValueError(f"subject must be UA, RU or other, not {row['subject']!r}")
    value = check_value(parse_number(row["value"]), signed=signed)
    model = (row.get("model") or "").strip() or None
    return ReferencePoint(parse_date(row["date"]), row["subject"].strip(), row["event"].strip(), category, value, model)


def load_csv(path: Path, name: str | None = None) -> ReferenceSeries:
    """Read a generic reference CSV; raises ValueError (`ReferenceError`) naming the file and
    line of any bad row. A UTF-8 byte-order mark (what spreadsheets save) is accepted."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return _read(csv.reader(handle), path, name)
    except UnicodeDecodeError as exc:
        raise ReferenceError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    except csv.Error as exc:
        raise ReferenceError(f"{path}: not a readable CSV ({exc})") from None


def _read(reader: csv.Reader, path: Path, name: str | None) -> ReferenceSeries:  # type: ignore[name-defined]
    header = next(reader, None)
    if header is None:
        raise ReferenceError(f"{path}: empty file")
    columns = [c.strip() for c in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ReferenceError(f"{where(path, 1)}: missing column(s) {', '.join(missing)}")
    points: list[ReferencePoint] = []
    claimants: dict[str, int] = {}
    starts: dict[str, int] = {}
    kinds: dict[str, int] = {}
    seen: dict[tuple[object, ...], int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(columns):
            hint = ""
            if len(cells) > len(columns):
                hint = ' (a number with a thousands comma such as 5,000 must be quoted: "5,000", or written 5000)'
            raise ReferenceError(f"{where(path, line)}: {len(cells)} fields, the header has {len(columns)}{hint}")
        row = dict(zip(columns, cells, strict=True))
        kind = (row.get("kind") or "cumulative").strip()
        if kind not in KINDS:
            raise ReferenceError(f"{where(path, line)}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        try:
            point = _point(row, signed=kind == "correction")
        except ValueError as exc:
            raise ReferenceError(f"{where(path, line)}: {exc}") from None
        key = (point.date, point.subject, point.event, point.category, point.model)
        if key in seen and kind != "correction":
            raise ReferenceError(
                f"{where(path, line)}: a second value for {point.category} on {point.date.isoformat()} "
                f"(first on line {seen[key]})"
            )
        seen[key] = line
        points.append(point)
        claimants.setdefault(row["claimant"].strip(), line)
        starts.setdefault((row.get("period_start") or INVASION.isoformat()).strip(), line)
        kinds.setdefault(kind, line)
    if not points:
        raise ReferenceError(f"{path}: no rows after the header")
    if len(claimants) != 1:
        found = ", ".join(f"{c!r} (line {n})" for c, n in claimants.items())
        raise ReferenceError(f"{path}: one claimant per file, found {found}")
    for label, values in (("period_start", starts), ("kind", kinds)):
        if len(values) != 1:
            second = list(values.items())[1]
            raise ReferenceError(
                f"{where(path, second[1])}: {label} must be the same on every row, found {second[0]!r}"
            )
    kind = next(iter(kinds))
    start_text = next(iter(starts))
    start: date | None = None
    if start_text:
        try:
            start = parse_date(start_text)
        except ValueError as exc:
            raise ReferenceError(f"{where(path, starts[start_text])}: period_start: {exc}") from None
    series_kind: SeriesKind = (
        "correction" if kind == "correction" else ("snapshot" if kind == "snapshot" else "cumulative")
    )
    return ReferenceSeries(name or path.stem, next(iter(claimants)), str(path), series_kind, start, points)


def load_reference(path: Path, name: str | None = None) -> ReferenceSeries:
    """A reference file by its extension: `.json` (PetroIvaniuk) or `.csv` (generic)."""
    from attrition.reference.petroivaniuk import load_petroivaniuk

    if path.suffix.lower() == ".json":
        return load_petroivaniuk(path, name)
    if path.suffix.lower() == ".csv":
        return load_csv(path, name)
    raise ValueError(f"{path}: unknown reference format (expected .json or .csv)")
