"""Reference series as read by people: the list, and one series' values or daily increments."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from attrition.store.tables_reconcile import reference_points, reference_series


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def list_series(conn: Connection) -> list[dict[str, Any]]:
    """Every series with its claimant, kind, source name, point count and date range."""
    query = (
        select(
            reference_series.c.name,
            reference_series.c.claimant,
            reference_series.c.kind,
            reference_series.c.source,
            reference_series.c.imported_at,
            func.count(reference_points.c.id),
            func.min(reference_points.c.date),
            func.max(reference_points.c.date),
        )  # fmt: skip
        .outerjoin(reference_points, reference_points.c.series_id == reference_series.c.id)
        .group_by(reference_series.c.id)
        .order_by(reference_series.c.name)
    )
    out = []
    for name, claimant, kind, source, imported, n, first, last in conn.execute(query):
        out.append({
            "name": name, "claimant": claimant, "kind": kind, "source": source.replace("\\", "/").rsplit("/", 1)[-1],
            "imported_at": imported, "points": int(n), "first": first, "last": last,
        })  # fmt: skip
    return out


def series_points(
    conn: Connection,
    name: str,
    *,
    subject: str | None = None,
    category: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[dict[str, Any]] | None:
    """Points of one series by date (None when no series has that name), with daily increments.

    `daily` is the change since the previous point of the same subject and category, over the
    days between them (None for the first point in the window's history).
    """
    series_id = conn.execute(select(reference_series.c.id).where(reference_series.c.name == name)).scalar()
    if series_id is None:
        return None
    p = reference_points.c
    query = select(p.date, p.subject, p.event, p.category, p.value).where(p.series_id == series_id, p.model.is_(None))
    if subject:
        query = query.where(p.subject == subject)
    if category:
        query = query.where(p.category == category)
    if until:
        query = query.where(p.date <= until)
    out = []
    last: dict[tuple[str, str], tuple[date, float]] = {}
    for d, subj, event, cat, value in conn.execute(query.order_by(p.subject, p.category, p.date)):
        prev = last.get((subj, cat))
        daily = None
        if prev is not None and d > prev[0]:
            daily = (value - prev[1]) / (d - prev[0]).days
        last[(subj, cat)] = (d, value)
        if since and d < since:
            continue
        out.append({"date": d, "subject": subj, "event": event, "category": cat, "value": _num(value),
                    "daily": None if daily is None else _num(round(daily, 2))})  # fmt: skip
    return out
