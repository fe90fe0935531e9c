"""`cross_claimant`: what each side and the independent counters say about the same losses.

Claims about one side's losses over one period (same subject, event, category and
period) are set side by side by claimant, with each claimant's role (the enemy, the side
itself, an independent counter) and the ratio to the side's own figure (or, without one,
to the lowest figure). Reference series join in where they have a value for the period's
end. This is information, not an error: the point is to see the gap.

A window that is not the war so far ("in May 2024", "from 1 to 15 June", "1,262 a day in
May") is compared per day: a total over the window is divided by its days, a rate is taken as
it is, and a cumulative reference series gives the difference between its report for the
window's last day and its report for the day before it began ("the General Staff's May 2024:
38,940, 1,256 a day; UK intelligence: 1,262 a day"). Each row shows its ratio to the base and
its difference from it per day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from attrition.checks.base import CheckContext, ClaimRef, Finding, Part, ReferenceRef, ref_of, register, register_parts
from attrition.reconcile.keys import normalized_category
from attrition.reconcile.records import StoredClaim, fmt_number
from attrition.reference.series import INVASION, ReferencePoint

INDEPENDENT = frozenset({"analyst", "west.gov", "intl"})
#: An undated snapshot (Oryx) is compared with claims this close to its date.
SNAPSHOT_WINDOW_DAYS = 14


def role(claimant: str, subject: str) -> str | None:
    """`self`, `enemy` or `independent` for a claimant speaking of `subject`'s losses."""
    if claimant in INDEPENDENT:
        return "independent"
    side = {"ru": "RU", "ua": "UA"}.get(claimant.split(".")[0])
    if side is None or subject not in ("RU", "UA"):
        return None
    return "self" if side == subject else "enemy"


@dataclass(slots=True)
class Row:
    claimant: str
    role: str
    value: float
    claims: list[StoredClaim]
    reference: ReferenceRef | None = None


def _rows_for(claims: list[StoredClaim], subject: str) -> list[Row]:
    by_claimant: dict[str, list[StoredClaim]] = defaultdict(list)
    for c in claims:
        by_claimant[c.claimant].append(c)
    rows = []
    for claimant, items in sorted(by_claimant.items()):
        r = role(claimant, subject)
        if r is None:
            continue
        docs: Counter[float] = Counter(v for v, _ in {(c.value, c.doc) for c in items})
        first = {v: min(c.id for c in items if c.value == v) for v in docs}
        value = max(docs, key=lambda v: (docs[v], -first[v]))  # most reports, then first stated
        rows.append(Row(claimant, r, value, [c for c in items if c.value == value]))
    return rows


def _same_event(reference_event: str, event: str) -> bool:
    """The General Staff's personnel "liquidated" (casualties) is what articles call killed."""
    return reference_event == event or {reference_event, event} == {"casualties", "killed"}


PointsBy = dict[tuple[int, str, str, date | None], list[ReferencePoint]]


def _points_by(ctx: CheckContext) -> PointsBy:
    """Each series' points without a model by (series, subject, category, date), in series
    order; a snapshot's under date None, as any of them may fall in the window. A group looks
    at its own few points, not at every point of every series."""
    out: PointsBy = defaultdict(list)
    for n, series in enumerate(ctx.series):
        for p in series.points:
            if p.model is None:
                out[(n, p.subject, p.category, None if series.kind == "snapshot" else p.date)].append(p)
    return out


def _reference_rows(
    ctx: CheckContext, subject: str, event: str, category: str, start: date, end: date, points: PointsBy
) -> list[Row]:
    rows = []
    for n, series in enumerate(ctx.series):
        if series.kind == "correction" or series.period_start != start:
            continue
        r = role(series.claimant, subject)
        if r is None:
            continue
        for p in points.get((n, subject, category, None if series.kind == "snapshot" else end), ()):
            if not _same_event(p.event, event):
                continue
            near = abs((p.date - end).days) <= SNAPSHOT_WINDOW_DAYS if series.kind == "snapshot" else False
            if p.date == end or near:
                rows.append(Row(series.claimant, r, p.value, [], ref_of(series, p.date, category, p.value)))
                break
    return rows


@dataclass(slots=True)
class WindowRow:
    claimant: str
    role: str
    per_day: float
    total: float | None  # the window's total, when the row states one (a rate does not)
    claims: list[StoredClaim]
    reference: ReferenceRef | None = None


def _is_window(c: StoredClaim) -> bool:
    """A claim over a window of two days or more that is not the war so far."""
    return (
        c.period_start is not None
        and c.period_end is not None
        and c.period_start != INVASION
        and (c.period_end - c.period_start).days >= 1
        and c.rate in (None, "per_day")
    )


def _window_claim_rows(claims: list[StoredClaim], subject: str, days: int) -> list[WindowRow]:
    rows = []
    by_claimant: dict[str, list[StoredClaim]] = defaultdict(list)
    for c in claims:
        by_claimant[c.claimant].append(c)
    for claimant, items in sorted(by_claimant.items()):
        r = role(claimant, subject)
        if r is None:
            continue
        per: Counter[float] = Counter()
        for c in items:
            per[c.value if c.rate == "per_day" else c.value / days] += 1
        first = {v: min(c.id for c in items if (c.value if c.rate == "per_day" else c.value / days) == v) for v in per}
        chosen = max(per, key=lambda v: (per[v], -first[v]))
        backing = [c for c in items if (c.value if c.rate == "per_day" else c.value / days) == chosen]
        total = next((c.value for c in backing if c.rate is None), None)
        rows.append(WindowRow(claimant, r, chosen, total, backing))
    return rows


def _window_reference_rows(
    ctx: CheckContext, subject: str, event: str, category: str, start: date, end: date, points: PointsBy
) -> list[WindowRow]:
    """Cumulative series over the window: the report for `end` less the report for the day
    before `start`, per day. The two reports are looked up in `points` (by series, subject,
    category and day), not found by scanning each series."""
    rows = []
    days = (end - start).days + 1
    for n, series in enumerate(ctx.series):
        if series.kind != "cumulative":
            continue
        r = role(series.claimant, subject)
        if r is None:
            continue
        last, before = (
            _last_point(points, n, subject, category, day, event) for day in (end, start - timedelta(days=1))
        )
        if last is None or before is None or last.value < before.value:
            continue
        total = last.value - before.value
        rows.append(WindowRow(series.claimant, r, total / days, total, [], ref_of(series, end, category, last.value)))
    return rows


def _last_point(points: PointsBy, n: int, subject: str, category: str, day: date, event: str) -> ReferencePoint | None:
    """The series' last point for that day of the event (a later point of a day replaces an earlier)."""
    found = [p for p in points.get((n, subject, category, day), ()) if _same_event(p.event, event)]
    return found[-1] if found else None


def _per_day(value: float) -> str:
    return fmt_number(round(value)) if value >= 10 else f"{value:.1f}"


GroupKey = tuple[str, str, str, date, date]


def _group_key(c: StoredClaim) -> GroupKey:
    assert c.period_start is not None and c.period_end is not None
    return (c.subject, c.event, normalized_category(c.category), c.period_start, c.period_end)


def point_scope(c: StoredClaim) -> GroupKey | None:
    """The group of a claim over a period compared point by point (the war so far, one day)."""
    if c.period_start is None or c.period_end is None or c.model or c.location or _is_window(c) or c.rate is not None:
        return None
    return _group_key(c)


def window_scope(c: StoredClaim) -> GroupKey | None:
    """The group of a claim over a window, compared per day."""
    if c.period_start is None or c.period_end is None or c.model or c.location or not _is_window(c):
        return None
    return _group_key(c)


def _window_findings(ctx: CheckContext) -> Iterator[Finding]:
    groups: dict[GroupKey, list[StoredClaim]] = defaultdict(list)
    for c in ctx.claims:
        if (key := window_scope(c)) is not None:
            groups[key].append(c)
    points = _points_by(ctx)
    for (subject, event, category, start, end), items in sorted(groups.items()):
        days = (end - start).days + 1
        rows = _window_claim_rows(items, subject, days)
        seen = {r.claimant for r in rows}
        rows += [
            r
            for r in _window_reference_rows(ctx, subject, event, category, start, end, points)
            if r.claimant not in seen
        ]
        if len({r.claimant for r in rows}) < 2 or not any(r.claims for r in rows):
            continue
        own = [r for r in rows if r.role == "self"]
        base_row = own[0] if own else min(rows, key=lambda r: r.per_day)
        base = base_row.per_day
        parts = []
        for r in rows:
            stated = f"{fmt_number(r.total)}, " if r.total is not None else ""
            tag = " (reference)" if r.reference else ""
            if r is base_row:
                versus = "base"
            else:
                diff = r.per_day - base
                ratio = f"x{r.per_day / base:.2f}, " if base else ""
                versus = f"{ratio}{'+' if diff >= 0 else '-'}{_per_day(abs(diff))} a day"
            parts.append(f"{r.claimant}{tag} {stated}{_per_day(r.per_day)} a day [{r.role}, {versus}]")
        yield Finding(
            "cross_claimant", "info",
            f"{subject} {event} {category} {start.isoformat()}..{end.isoformat()} ({days} days), per day: "
            + " | ".join(parts),
            claims=tuple(ClaimRef.of(c) for r in rows for c in r.claims),
            references=tuple(r.reference for r in rows if r.reference is not None),
            details={"days": days, "rows": [
                {"claimant": r.claimant, "role": r.role, "per_day": r.per_day, "total": r.total,
                 "ratio": (r.per_day / base if base else None), "difference_per_day": r.per_day - base,
                 "reference": r.reference is not None, "claim_ids": [c.cite_id for c in r.claims]}
                for r in rows
            ], "base": "self" if own else "lowest"},
        )  # fmt: skip


def _point_findings(ctx: CheckContext) -> Iterator[Finding]:
    groups: dict[GroupKey, list[StoredClaim]] = defaultdict(list)
    for c in ctx.claims:
        if (key := point_scope(c)) is not None:
            groups[key].append(c)
    points = _points_by(ctx)
    for (subject, event, category, start, end), claims in sorted(groups.items()):
        rows = _rows_for(claims, subject)
        if not rows:
            continue
        if start == INVASION or any(s.kind == "snapshot" for s in ctx.series):
            seen = {r.claimant for r in rows}
            found = _reference_rows(ctx, subject, event, category, start, end, points)
            extra = [r for r in found if r.claimant not in seen]
            # Two sides do not arrive at the same figure: a claim equal to the other side's
            # reference value is that figure quoted under the wrong claimant, not a voice of its own.
            quoted = {r.value for r in extra}
            rows = [r for r in rows if r.value not in quoted] + extra
        if len({r.role for r in rows}) < 2 or not any(r.claims for r in rows):
            continue
        own = [r for r in rows if r.role == "self"]
        base = own[0].value if own else min(r.value for r in rows)
        parts = []
        for r in rows:
            ratio = r.value / base if base else None
            tag = " (reference)" if r.reference else ""
            ratio_text = f", x{ratio:.2f}" if ratio is not None else ""
            parts.append(f"{r.claimant} {fmt_number(r.value)}{tag} [{r.role}{ratio_text}]")
        yield Finding(
            "cross_claimant", "info",
            f"{subject} {event} {category} {start.isoformat()}..{end.isoformat()}: " + " | ".join(parts),
            claims=tuple(ClaimRef.of(c) for r in rows for c in r.claims),
            references=tuple(r.reference for r in rows if r.reference is not None),
            details={"rows": [
                {"claimant": r.claimant, "role": r.role, "value": r.value,
                 "ratio": (r.value / base if base else None), "reference": r.reference is not None,
                 "claim_ids": [c.cite_id for c in r.claims]}
                for r in rows
            ], "base": "self" if own else "lowest"},
        )  # fmt: skip


@register("cross_claimant", "one side's losses over one period as each claimant gives them, with ratios")
def check_cross_claimant(ctx: CheckContext) -> Iterator[Finding]:
    yield from _point_findings(ctx)
    yield from _window_findings(ctx)


register_parts(
    "cross_claimant",
    Part("points", _point_findings, scope=point_scope, order=lambda key, _: key),
    Part("windows", _window_findings, scope=window_scope, order=lambda key, _: key),
)
