"""Loaders for the PetroIvaniuk dataset (`../shared/reference/petroivaniuk/`).

The four JSON files are arrays of flat objects. Every General Staff value is a total
since 2022-02-24 as of the morning report of `date`, so a point's date is the report date
that an article quoting it should carry as `period_end`. Keys are mapped to FORMAT.md
categories here, once, so checks never see the dataset's own vocabulary.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from attrition.reference.series import INVASION, ReferencePoint, ReferenceSeries, SeriesKind
from attrition.reference.validate import ReferenceError, json_number, json_rows, parse_date, where

GS = "ua.general_staff"

#: Dataset key -> (FORMAT category, event). The subject is always RU.
EQUIPMENT_KEYS: dict[str, tuple[str, str]] = {
    "tank": ("tanks", "lost"),
    "APC": ("afv", "lost"),
    "field artillery": ("artillery", "lost"),
    "MRL": ("mlrs", "lost"),
    "anti-aircraft warfare": ("air_defense", "lost"),
    "aircraft": ("aircraft", "lost"),
    "helicopter": ("helicopters", "lost"),
    "drone": ("uav", "intercepted"),
    "naval ship": ("ships", "lost"),
    "submarines": ("submarines", "lost"),
    "cruise missiles": ("missiles", "intercepted"),
    "vehicles and fuel tanks": ("vehicles", "lost"),
    "special equipment": ("special_equipment", "lost"),
    "personnel": ("personnel", "casualties"),
}

#: Until 2022-04-30 vehicles were `military auto` (fuel tanks on a line of their own).
VEHICLES_MERGED = date(2022, 5, 1)

#: Oryx's `equipment_ua` -> FORMAT category (SAM systems are mapped to MRLs upstream; kept).
ORYX_CATEGORIES: dict[str, str] = {
    "Tanks": "tanks",
    "Armoured Personnel Carriers": "afv",
    "Artillery Systems": "artillery",
    "Multiple Rocket Launchers": "mlrs",
    "Anti-aircraft Warfare Systems": "air_defense",
    "Special Equipment": "special_equipment",
    "Aircrafts": "aircraft",
    "Helicopters": "helicopters",
    "Unmanned Aerial Vehicles": "uav",
    "Warships, Boats": "ships",
    "Vehicle and Fuel Tank": "vehicles",
}

#: The Oryx file has no date; upstream last changed it on 2023-02-05 ("day347_updare_oryx").
ORYX_AS_OF = date(2023, 2, 5)


def _points_from_row(row: dict[str, Any], *, signed: bool) -> list[ReferencePoint]:
    """The points of one daily row; ValueError for a bad date or a value that is not a count."""
    if "date" not in row:
        raise ValueError("the row has no date")
    day = parse_date(row["date"])
    points: list[ReferencePoint] = []
    for key, (category, event) in EQUIPMENT_KEYS.items():
        value = json_number(row.get(key), key, signed=signed)
        if value is not None:
            points.append(ReferencePoint(day, "RU", event, category, value))
    if day < VEHICLES_MERGED and "vehicles and fuel tanks" not in row:
        auto = json_number(row.get("military auto"), "military auto", signed=signed)
        if auto is not None:
            points.append(ReferencePoint(day, "RU", "lost", "vehicles", auto))
    pow_ = json_number(row.get("POW"), "POW", signed=signed)
    if pow_ is not None:
        points.append(ReferencePoint(day, "RU", "pow", "personnel", pow_))
    return points


def detect_kind(path: Path, rows: list[dict[str, Any]]) -> str:
    """`equipment`, `personnel`, `correction` or `oryx`, from the file name or its keys."""
    if "correction" in path.name:
        return "correction"
    keys: set[str] = set()
    for row in rows[:5]:
        keys.update(row)
    if "equipment_oryx" in keys:
        return "oryx"
    if "personnel" in keys and "tank" in keys:
        return "correction"
    if "personnel" in keys:
        return "personnel"
    return "equipment"


def load_petroivaniuk(path: Path, name: str | None = None) -> ReferenceSeries:
    """One PetroIvaniuk JSON file as a series; raises ValueError (`ReferenceError`) naming the
    file and line of anything that is not a valid row."""
    numbered = list(json_rows(path))
    for line, row in numbered:
        if not isinstance(row, dict):
            raise ReferenceError(f"{where(path, line)}: expected a JSON object, not {type(row).__name__}")
    if not numbered:
        raise ReferenceError(f"{path}: no rows")
    rows = [row for _, row in numbered]
    kind = detect_kind(path, rows)
    series_name = name or path.stem
    if kind == "oryx":
        totals: dict[str, float] = {}
        for line, row in numbered:
            category = ORYX_CATEGORIES.get(str(row.get("equipment_ua")))
            if category is not None:
                try:
                    value = json_number(row.get("losses_total"), "losses_total", signed=False) or 0.0
                except ValueError as exc:
                    raise ReferenceError(f"{where(path, line)}: {exc}") from None
                totals[category] = totals.get(category, 0.0) + value
        points = [ReferencePoint(ORYX_AS_OF, "RU", "lost", c, v) for c, v in sorted(totals.items())]
        return ReferenceSeries(series_name, "analyst", str(path), "snapshot", INVASION, points)
    points = []
    seen: dict[date, int] = {}
    for line, row in numbered:
        try:
            row_points = _points_from_row(row, signed=kind == "correction")
        except ValueError as exc:
            raise ReferenceError(f"{where(path, line)}: {exc}") from None
        if row_points and kind != "correction":
            day = row_points[0].date
            if day in seen:
                first = seen[day]
                raise ReferenceError(f"{where(path, line)}: a second row for {day.isoformat()} (first on line {first})")
            seen[day] = line
        points.extend(row_points)
    series_kind: SeriesKind = "correction" if kind == "correction" else "cumulative"
    return ReferenceSeries(series_name, GS, str(path), series_kind, INVASION, points)
