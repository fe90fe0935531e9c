"""Compare: each claimant's figures for one subject and category over time, against the series.

Figures come in three shapes and are put on a common footing: a cumulative total since the
invasion is plotted as it is; a daily figure, a rate ("1,262 a day") or a figure for a stated
period is normalised per day. Over a window, a claimant's cumulative totals give a per-day
figure too (the difference between its first and last total in the window over the days
between them), which is how "the General Staff's May" is set beside "UK intelligence's May".

Each cumulative total also carries its daily increment: the change since the claimant's
previous total (its most reported value on the latest earlier date, looked up before the
window when the window starts after it), over the days between them. So a claimant that only
ever states running totals still has a per-day line, for any window, like a reference series.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from attrition.query.figures import stated_figure
from attrition.query.reference import series_points
from attrition.reference.series import INVASION
from attrition.store.tables import claims, documents
from attrition.store.tables_reconcile import reference_points, reference_series

#: At most this many figures are read for one chart (newest kept), so a page stays bounded.
MAX_FIGURES = 5000


def _num(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


def shape(period_start: date | None, period_end: date | None, rate: str | None) -> str:
    """`cumulative`, `daily`, `rate`, `period` or `undated` for one figure."""
    if rate == "per_day":
        return "rate"
    if period_start == INVASION and rate is None:
        return "cumulative"
    if period_start is not None and period_start == period_end:
        return "daily"
    if period_start is not None and period_end is not None and period_end > period_start:
        return "period"
    return "undated"


def per_day(value: float, kind: str, period_start: date | None, period_end: date | None) -> float | None:
    """The figure per day, for the shapes where that means something."""
    if kind in ("rate", "daily"):
        return value
    if kind == "period" and period_start and period_end:
        return round(value / ((period_end - period_start).days + 1), 2)
    return None


def _window(points: list[tuple[date, float]], since: date | None, until: date | None) -> dict[str, Any] | None:
    """First and last total in the window, per day between them.

    Where reports of one date disagree (a misquote beside the real figure), the value most
    reports give stands for that date, so one typo does not set the window's rate.
    """
    by_day: dict[date, Counter[float]] = defaultdict(Counter)
    for d, v in points:
        if (since is None or d >= since) and (until is None or d <= until):
            by_day[d][v] += 1
    inside = sorted((d, min(c, key=lambda v: (-c[v], v))) for d, c in by_day.items())
    if len(inside) < 2 or inside[-1][0] == inside[0][0]:
        return None
    (d1, v1), (d2, v2) = inside[0], inside[-1]
    days = (d2 - d1).days
    return {"from": d1, "to": d2, "start_value": _num(v1), "end_value": _num(v2), "difference": _num(v2 - v1),
            "days": days, "per_day": round((v2 - v1) / days, 1)}  # fmt: skip


def _typical(values: Counter[float]) -> float:
    """The value most reports give (the smaller on a tie)."""
    return min(values, key=lambda v: (-values[v], v))


def _baseline(conn: Connection, where: list[Any], day: Any, since: date) -> dict[str, tuple[date, float]]:
    """Each claimant's latest cumulative total before `since`: (date, most reported value)."""
    c = claims.c
    cumulative = [*where, c.period_start == INVASION, c.rate.is_(None), day < since]
    last = select(c.claimant, func.max(day).label("day")).join(documents, documents.c.id == c.document_id)
    out: dict[str, tuple[date, float]] = {}
    for claimant, last_day in conn.execute(last.where(*cumulative).group_by(c.claimant)).all():
        values = Counter(float(v) for (v,) in conn.execute(
            select(c.value).join(documents, documents.c.id == c.document_id)
            .where(*cumulative, c.claimant == claimant, day == last_day)))  # fmt: skip
        out[claimant] = (last_day, _typical(values))
    return out


def _increments(figures: list[dict[str, Any]], baseline: dict[str, tuple[date, float]]) -> None:
    """Give each cumulative figure its change since the claimant's previous total, per day."""
    by_day: dict[str, dict[date, Counter[float]]] = defaultdict(lambda: defaultdict(Counter))
    for f in figures:
        if f["kind"] == "cumulative":
            by_day[f["claimant"]][f["date"]][float(f["value"])] += 1
    previous: dict[tuple[str, date], tuple[date, float]] = {}
    for claimant, days in by_day.items():
        prev = baseline.get(claimant)
        for d in sorted(days):
            if prev is not None:
                previous[(claimant, d)] = prev
            prev = (d, _typical(days[d]))
    for f in figures:
        f.update(increment=None, increment_from=None, increment_per_day=None)
        if f["kind"] != "cumulative" or (prev := previous.get((f["claimant"], f["date"]))) is None:
            continue
        change = float(f["value"]) - prev[1]
        f.update(increment=_num(change), increment_from=prev[0],
                 increment_per_day=_num(round(change / (f["date"] - prev[0]).days, 2)))  # fmt: skip


def compare(
    conn: Connection,
    *,
    subject: str,
    category: str,
    since: date | None = None,
    until: date | None = None,
    event: str | None = None,
) -> dict[str, Any]:
    """Figures by claimant and reference series for one subject and category in a window."""
    c, d = claims.c, documents.c
    day = func.coalesce(c.period_end, d.published)
    query = select(
        c.id,
        c.uid,
        c.doc,
        c.claimant,
        c.event,
        c.value,
        c.value_max,
        c.qualifier,
        c.rate,
        c.period_start,
        c.period_end,
        d.published,
        d.outlet,
        day.label("day"),
    ).join(documents, d.id == c.document_id)  # fmt: skip
    where: list[Any] = [c.subject == subject, c.category == category, c.model.is_(None), day.is_not(None)]
    if event:
        where.append(c.event == event)
    query = query.where(*where)
    if since:
        query = query.where(day >= since)
    if until:
        query = query.where(day <= until)
    rows = list(conn.execute(query.order_by(day.desc(), c.id.desc()).limit(MAX_FIGURES)).mappings())
    figures = []
    cumulative: dict[str, list[tuple[date, float]]] = defaultdict(list)
    for r in reversed(rows):
        kind = shape(r["period_start"], r["period_end"], r["rate"])
        value = float(r["value"])
        figures.append({
            "claim_id": r["uid"], "doc": r["doc"], "claimant": r["claimant"], "event": r["event"],
            "date": r["day"], "value": _num(value), "value_max": _num(r["value_max"]),
            "figure": stated_figure(_num(value) or 0, _num(r["value_max"]), r["qualifier"], r["rate"]),
            "kind": kind, "per_day": _num(per_day(value, kind, r["period_start"], r["period_end"])),
            "period_start": r["period_start"], "period_end": r["period_end"], "outlet": r["outlet"],
            "published": r["published"],
        })  # fmt: skip
        if kind == "cumulative":
            cumulative[r["claimant"]].append((r["day"], value))
    start = rows[-1]["day"] if len(rows) == MAX_FIGURES else since  # truncated: before the oldest figure read
    _increments(figures, _baseline(conn, where, day, start) if start else {})
    names = conn.execute(
        select(reference_series.c.name, reference_series.c.claimant)
        .distinct()
        .join(reference_points, reference_points.c.series_id == reference_series.c.id)
        .where(
            reference_series.c.kind == "cumulative",
            reference_points.c.subject == subject,
            reference_points.c.category == category,
        )  # fmt: skip
        .order_by(reference_series.c.name)
    ).all()
    reference = []
    for name, claimant in names:
        points = series_points(conn, name, subject=subject, category=category, since=since, until=until) or []
        window = _window([(p["date"], float(p["value"])) for p in points], since, until)
        reference.append({"series": name, "claimant": claimant, "points": points, "window": window})
    windows = [{"claimant": k, **w} for k, v in sorted(cumulative.items()) if (w := _window(v, since, until))]
    return {
        "subject": subject, "category": category, "since": since, "until": until, "figures": figures,
        "truncated": len(rows) == MAX_FIGURES, "reference": reference, "windows": windows,
        "claimants": sorted({f["claimant"] for f in figures}),
    }  # fmt: skip
