"""Reference series: figures from outside the news, to hold quoted figures against.

A series is one claimant's figures over time (the General Staff's cumulative totals, its
revisions, Oryx's visually confirmed counts, or any series loaded from the generic CSV).
Points carry the same subject/event/category vocabulary as claims so that a claim and a
reference value can be compared without translation at check time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

#: Cumulative figures in these series count from the first day of the full-scale invasion.
INVASION = date(2022, 2, 24)

SeriesKind = Literal["cumulative", "correction", "snapshot"]


@dataclass(frozen=True, slots=True)
class ReferencePoint:
    """One value of a series: `value` of `category` as of `date` (or the adjustment made that day)."""

    date: date
    subject: str
    event: str
    category: str
    value: float
    model: str | None = None


@dataclass(slots=True)
class ReferenceSeries:
    """A named series with its claimant, source file and kind.

    `kind` says how to read the values: `cumulative` totals since `period_start`,
    `correction` signed adjustments made on a date, `snapshot` totals as of one date.
    """

    name: str
    claimant: str
    source: str
    kind: SeriesKind = "cumulative"
    period_start: date | None = INVASION
    points: list[ReferencePoint] = field(default_factory=list)
    id: int | None = None

    def index(self) -> dict[tuple[str, str, date], ReferencePoint]:
        """Points by (subject, category, date); models are left out (category totals only)."""
        return {(p.subject, p.category, p.date): p for p in self.points if p.model is None}

    def value_on(self, subject: str, category: str, day: date) -> float | None:
        for p in self.points:
            if p.model is None and p.subject == subject and p.category == category and p.date == day:
                return p.value
        return None


class ReferenceIndex:
    """Fast lookup of cumulative values and corrections across several series."""

    def __init__(self, series: list[ReferenceSeries]) -> None:
        self.series = series
        self._values: dict[tuple[str, str, str, date], tuple[ReferenceSeries, ReferencePoint]] = {}
        self._corrections: dict[tuple[str, str, date], list[tuple[ReferenceSeries, ReferencePoint]]] = {}
        for s in series:
            for p in s.points:
                if p.model is not None:
                    continue
                if s.kind == "correction":
                    self._corrections.setdefault((p.subject, p.category, p.date), []).append((s, p))
                elif s.kind == "cumulative":
                    self._values.setdefault((s.claimant, p.subject, p.category, p.date), (s, p))

    def lookup(
        self, claimant: str, subject: str, category: str, day: date
    ) -> tuple[ReferenceSeries, ReferencePoint] | None:
        """The cumulative value `claimant` gave for `subject`/`category` on `day`, if loaded."""
        return self._values.get((claimant, subject, category, day))

    def corrections(
        self, subject: str, category: str, start: date, end: date
    ) -> list[tuple[ReferenceSeries, ReferencePoint]]:
        """Revisions of `subject`/`category` dated in the half-open interval (start, end]."""
        found: list[tuple[ReferenceSeries, ReferencePoint]] = []
        for (subj, cat, day), items in self._corrections.items():
            if subj == subject and cat == category and start < day <= end:
                found.extend(items)
        return sorted(found, key=lambda sp: sp[1].date)

    def cumulative_claimants(self) -> set[str]:
        return {s.claimant for s in self.series if s.kind == "cumulative"}
