"""Saving and loading reference series in the store.

Importing a series under a name that exists replaces it, so re-running an import after
upstream publishes new days is safe and leaves exactly one copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine, delete, func, insert, select

from attrition.reference.series import ReferencePoint, ReferenceSeries, SeriesKind
from attrition.store.tables_reconcile import reference_points, reference_series


def save_series(engine: Engine, series: ReferenceSeries) -> int:
    """Store `series` (replacing one of the same name); returns its id."""
    with engine.begin() as conn:
        conn.execute(delete(reference_series).where(reference_series.c.name == series.name))
        series_id = int(
            conn.execute(
                insert(reference_series)
                .values(
                    name=series.name,
                    claimant=series.claimant,
                    kind=series.kind,
                    period_start=series.period_start,
                    source=series.source,
                    imported_at=datetime.now(UTC).replace(tzinfo=None),
                )  # fmt: skip
                .returning(reference_series.c.id)
            ).scalar_one()
        )
        # SQLite does not cascade without the pragma on every connection; delete explicitly.
        conn.execute(delete(reference_points).where(~reference_points.c.series_id.in_(
            select(reference_series.c.id))))  # fmt: skip
        rows = [
            {"series_id": series_id, "date": p.date, "subject": p.subject, "event": p.event,
             "category": p.category, "model": p.model, "value": p.value}
            for p in series.points
        ]  # fmt: skip
        if rows:
            conn.execute(insert(reference_points), rows)
    series.id = series_id
    return series_id


def _kind(text: str) -> SeriesKind:
    if text == "correction":
        return "correction"
    return "snapshot" if text == "snapshot" else "cumulative"


def load_series(engine: Engine) -> list[ReferenceSeries]:
    """Every stored series with its points, in import order."""
    with engine.connect() as conn:
        out: dict[int, ReferenceSeries] = {}
        for row in conn.execute(select(reference_series).order_by(reference_series.c.id)).mappings():
            out[int(row["id"])] = ReferenceSeries(
                name=row["name"], claimant=row["claimant"], source=row["source"], kind=_kind(row["kind"]),
                period_start=row["period_start"], points=[], id=int(row["id"]),
            )  # fmt: skip
        rp = reference_points.c
        query = select(rp.series_id, rp.date, rp.subject, rp.event, rp.category, rp.value, rp.model).order_by(
            rp.series_id, rp.date
        )
        # plain tuples, not mappings: a check reads every point of every series (22,000 and more)
        for series_id, day, subject, event, category, value, model in conn.execute(query):
            series = out.get(int(series_id))
            if series is not None:
                series.points.append(ReferencePoint(day, subject, event, category, float(value), model))
    return list(out.values())


@dataclass(frozen=True, slots=True)
class SeriesInfo:
    name: str
    claimant: str
    kind: str
    source: str
    points: int
    first: date | None
    last: date | None


def list_series(engine: Engine) -> list[SeriesInfo]:
    """One line per stored series: name, claimant, kind, how many points, date range."""
    with engine.connect() as conn:
        query = (
            select(
                reference_series.c.name,
                reference_series.c.claimant,
                reference_series.c.kind,
                reference_series.c.source,
                func.count(reference_points.c.id),
                func.min(reference_points.c.date),
                func.max(reference_points.c.date),
            )  # fmt: skip
            .outerjoin(reference_points, reference_points.c.series_id == reference_series.c.id)
            .group_by(reference_series.c.id)
            .order_by(reference_series.c.name)
        )
        return [SeriesInfo(r[0], r[1], r[2], r[3], int(r[4]), r[5], r[6]) for r in conn.execute(query)]
