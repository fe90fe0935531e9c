"""Checks over a claimant's figures through time: `cumulative_decrease`, `period_sum`, `jump`.

All three first reduce the reports of one figure to one value per day (the value most
documents print), so that fifty reprints of a report count once and a single misprint
does not pass for the claimant's own figure.
"""

from __future__ import annotations

import calendar
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from attrition.checks.base import (
    CheckContext,
    ClaimRef,
    Finding,
    Part,
    ReferenceRef,
    Severity,
    ref_of,
    register,
    register_parts,
)
from attrition.reconcile.keys import normalized_category
from attrition.reconcile.numbers import is_rounding
from attrition.reconcile.records import StoredClaim, fmt_number

#: A revision may be dated the day before the report that shows it (tanks, 2023-05-27/28).
SLACK = timedelta(days=1)

SeriesKey = tuple[str, str, str, str, str | None, str | None]


def series_key(claim: StoredClaim) -> SeriesKey:
    return (
        claim.claimant, claim.subject, claim.event, normalized_category(claim.category),
        claim.model or None, claim.location or None,
    )  # fmt: skip


def by_day(claims: list[StoredClaim]) -> dict[date, tuple[float, list[StoredClaim]]]:
    """Per `period_end`: the value most documents give (ties: the earliest claim's) and its claims."""
    days: dict[date, list[StoredClaim]] = defaultdict(list)
    for claim in claims:
        if claim.period_end is not None:
            days[claim.period_end].append(claim)
    out: dict[date, tuple[float, list[StoredClaim]]] = {}
    for day, items in days.items():
        docs: Counter[float] = Counter(v for v, _ in {(c.value, c.doc) for c in items})
        best = max(docs.values())
        value = next(c.value for c in sorted(items, key=lambda c: c.id) if docs[c.value] == best)
        out[day] = (value, [c for c in items if c.value == value])
    return out


def _key_text(key: SeriesKey) -> str:
    claimant, subject, event, category, model, location = key
    extra = "".join(f" {x}" for x in (model, location) if x)
    return f"{claimant} {subject} {event} {category}{extra}"


# --- cumulative_decrease -------------------------------------------------------------------


def decrease_scope(c: StoredClaim) -> tuple[SeriesKey, date] | None:
    """A claimant's cumulative figure (one series from one start date) or None."""
    if (
        c.period_start is not None and c.period_end is not None and c.period_start < c.period_end
        and c.rate is None and c.value_max is None and c.qualifier != "at_most"
    ):  # fmt: skip
        return (series_key(c), c.period_start)
    return None


def _decrease_order(key: Any, first: int) -> tuple[Any, ...]:
    return (key[0][:4], key[1], first)


def _claim_decreases(ctx: CheckContext) -> Iterator[Finding]:
    groups: dict[tuple[SeriesKey, date], list[StoredClaim]] = defaultdict(list)
    for c in ctx.claims:
        if (group := decrease_scope(c)) is not None:
            groups[group].append(c)
    first = {key: min(c.id for c in claims) for key, claims in groups.items()}
    for (key, start), claims in sorted(groups.items(), key=lambda kv: _decrease_order(kv[0], first[kv[0]])):
        days = sorted(by_day(claims).items())
        for (d1, (v1, c1)), (d2, (v2, c2)) in zip(days, days[1:], strict=False):
            if v2 >= v1 or is_rounding(v1, v2) or is_rounding(v2, v1):
                continue
            severity: Severity = "warning"
            note = ""
            refs: tuple[ReferenceRef, ...] = ()
            fixes = [
                (s, p) for s, p in ctx.reference.corrections(key[1], key[3], d1 - SLACK, d2) if p.value < 0
            ] if key[0].startswith("ua.") else []  # fmt: skip
            if fixes:
                severity = "info"
                note = "; expected: the General Staff revised it by " + ", ".join(
                    f"{fmt_number(p.value)} on {p.date.isoformat()}" for _, p in fixes
                )
                refs = tuple(ref_of(s, p.date, p.category, p.value) for s, p in fixes)
            off, unrelated = ("", False)
            if key[0].startswith("ua."):
                off, unrelated = _off_reference(ctx, key, ((d1, v1), (d2, v2)))
            if unrelated:
                continue  # a daily count or another figure labelled as the total: not a series
            if off:
                note += f"; {off} differs from the reference series on that day (see misquote)"
            yield Finding(
                "cumulative_decrease", severity,
                f"{_key_text(key)} since {start.isoformat()}: {fmt_number(v1)} on {d1.isoformat()} "
                f"but {fmt_number(v2)} on {d2.isoformat()}{note}",
                claims=tuple(ClaimRef.of(c) for c in (*c1, *c2)), references=refs,
                details={"from": d1.isoformat(), "to": d2.isoformat(), "before": v1, "after": v2,
                         "expected": bool(fixes)},
            )  # fmt: skip


def _off_reference(ctx: CheckContext, key: SeriesKey, points: tuple[tuple[date, float], ...]) -> tuple[str, bool]:
    """The figures (as text) among `points` that disagree with a loaded General Staff series,
    and whether one of them is not a quote of that total at all (see misquote `unrelated`)."""
    from attrition.checks.misquote import classify

    off = []
    unrelated = False
    for day, value in points:
        found = ctx.reference.lookup("ua.general_staff", key[1], key[3], day)
        if found is not None and found[1].value != value:
            off.append(f"{fmt_number(value)} on {day.isoformat()}")
            unrelated |= classify(value, "exact", found[1].value, None, None)[0] == "unrelated"
    return " and ".join(off), unrelated


def _reference_decreases(ctx: CheckContext) -> Iterator[Finding]:
    for series in ctx.series:
        if series.kind != "cumulative":
            continue
        per_cat: dict[tuple[str, str, str], list[tuple[date, float]]] = defaultdict(list)
        for p in series.points:
            if p.model is None:
                per_cat[(p.subject, p.event, p.category)].append((p.date, p.value))
        for (subject, _event, category), points in sorted(per_cat.items()):
            points.sort()
            for (d1, v1), (d2, v2) in zip(points, points[1:], strict=False):
                if v2 >= v1:
                    continue
                fixes = ctx.reference.corrections(subject, category, d1 - SLACK, d2)
                known = [(s, p) for s, p in fixes if p.value < 0]
                severity: Severity = "info" if known else "warning"
                note = (
                    "expected: a recorded revision of " + ", ".join(fmt_number(p.value) for _, p in known)
                    if known else "no revision recorded for that day"
                )  # fmt: skip
                yield Finding(
                    "cumulative_decrease", severity,
                    f"reference {series.name}: {subject} {category} {fmt_number(v1)} on {d1.isoformat()} "
                    f"then {fmt_number(v2)} on {d2.isoformat()}; {note}",
                    references=(
                        ref_of(series, d1, category, v1), ref_of(series, d2, category, v2),
                        *(ref_of(s, p.date, p.category, p.value) for s, p in known),
                    ),
                    details={"series": series.name, "from": d1.isoformat(), "to": d2.isoformat(),
                             "before": v1, "after": v2, "expected": bool(known)},
                )  # fmt: skip


@register("cumulative_decrease", "a cumulative series that goes down over time (known revisions are info)")
def check_cumulative_decrease(ctx: CheckContext) -> Iterator[Finding]:
    yield from _claim_decreases(ctx)
    yield from _reference_decreases(ctx)


register_parts(
    "cumulative_decrease",
    Part("claims", _claim_decreases, scope=decrease_scope, order=_decrease_order),
    Part("reference", _reference_decreases),
)


# --- period_sum ----------------------------------------------------------------------------


def _is_plain(c: StoredClaim) -> bool:
    return c.rate is None and c.value_max is None and not c.model and not c.location


def period_scope(c: StoredClaim) -> SeriesKey | None:
    """Daily and monthly figures of one series are summed and compared together."""
    if not _is_plain(c) or c.period_start is None or c.period_end is None:
        return None
    return series_key(c)


def _by_text(key: Any, first: int) -> str:
    return str(key)


@register("period_sum", "a claimant's daily claims summed over a month against its claim for that month")
def check_period_sum(ctx: CheckContext) -> Iterator[Finding]:
    daily: dict[SeriesKey, list[StoredClaim]] = defaultdict(list)
    monthly: dict[tuple[SeriesKey, date, date, float], list[StoredClaim]] = defaultdict(list)
    for c in ctx.claims:
        if not _is_plain(c) or c.period_start is None or c.period_end is None:
            continue
        if c.period_start == c.period_end:
            daily[series_key(c)].append(c)
        elif c.period_start.day == 1 and (c.period_start.year, c.period_start.month) == (
            c.period_end.year,
            c.period_end.month,
        ):
            monthly[(series_key(c), c.period_start, c.period_end, c.value)].append(c)
    for (key, start, end, total), month_claims in sorted(monthly.items(), key=lambda kv: (str(kv[0][0]), str(kv[0]))):
        days = {d: vc for d, vc in by_day(daily.get(key, [])).items() if start <= d <= end}
        if not days:
            continue
        span = (end - start).days + 1
        summed = sum(v for v, _ in days.values())
        qualifier = month_claims[0].qualifier
        tol = 0.05 * total if qualifier == "approx" else 0.0
        over = summed > total + tol and qualifier != "at_least"
        complete = len(days) == span
        under = complete and summed < total - tol and qualifier != "at_most"
        if not (over or under):
            continue
        month = calendar.month_name[start.month]
        yield Finding(
            "period_sum", "warning",
            f"{_key_text(key)}: {len(days)} of {span} daily claims for {month} {start.year} sum to "
            f"{fmt_number(summed)}, {'more' if over else 'less'} than the claim of {fmt_number(total)} "
            f"for {start.isoformat()}..{end.isoformat()}",
            claims=(*(ClaimRef.of(c) for c in month_claims),
                    *(ClaimRef.of(c) for _, (_, cs) in sorted(days.items()) for c in cs)),
            details={"period_claim": total, "daily_sum": summed, "days_covered": len(days), "days": span},
        )  # fmt: skip


# --- jump ----------------------------------------------------------------------------------

MIN_DAYS = 6
#: The usual range is the claimant's own figures within this many days either side of the day
#: (a rolling window): 2022's daily losses are no yardstick for 2024's.
WINDOW_DAYS = 15
HIGH, LOW = 4.0, 0.2
#: The middle half of the other days must lie within this factor for a "usual range" to exist.
SPREAD = 3.0


def jump_scope(c: StoredClaim) -> SeriesKey | None:
    return series_key(c) if c.is_daily and c.value_max is None else None


@register("jump", "a daily figure far outside that claimant's usual range over the surrounding days")
def check_jump(ctx: CheckContext) -> Iterator[Finding]:
    groups: dict[SeriesKey, list[StoredClaim]] = defaultdict(list)
    for c in ctx.claims:
        if (group := jump_scope(c)) is not None:
            groups[group].append(c)
    for key, claims in sorted(groups.items(), key=lambda kv: str(kv[0])):
        days = by_day(claims)
        if len(days) < MIN_DAYS + 1:
            continue
        ordered = sorted(days)
        for i, day in enumerate(ordered):
            value, cs = days[day]
            lo, hi = day - timedelta(days=WINDOW_DAYS), day + timedelta(days=WINDOW_DAYS)
            others = sorted(days[d][0] for d in ordered[max(0, i - 2 * WINDOW_DAYS) : i + 2 * WINDOW_DAYS + 1]
                            if d != day and lo <= d <= hi)  # fmt: skip
            if len(others) < MIN_DAYS:
                continue
            q1, q3 = others[len(others) // 4], others[(3 * len(others)) // 4]
            if q1 <= 0 or q3 > SPREAD * q1:
                continue  # no usual range: the figures mix kinds (daily and cumulative, say)
            median = statistics.median(others)
            high = value >= HIGH * median and value - median >= 20
            low = median >= 25 and value <= LOW * median
            if not (high or low):
                continue
            yield Finding(
                "jump", "warning",
                f"{_key_text(key)} on {day.isoformat()}: {fmt_number(value)} against a usual "
                f"{fmt_number(min(others))}..{fmt_number(max(others))} (median {fmt_number(median)}) "
                f"over {len(others)} days within {WINDOW_DAYS} days of it",
                claims=tuple(ClaimRef.of(c) for c in cs),
                details={"value": value, "median": median, "min": min(others), "max": max(others),
                         "days": len(others), "window_days": WINDOW_DAYS},
            )  # fmt: skip


register_parts("period_sum", Part("series", check_period_sum, scope=period_scope, order=_by_text))
register_parts("jump", Part("series", check_jump, scope=jump_scope, order=_by_text))
