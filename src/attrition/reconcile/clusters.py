"""Claim clusters: many reports of one claim, and the rounded repetitions of it.

The same General Staff total or MoD statement is printed by dozens of outlets; counting
each print as a separate claim would inflate every comparison. A cluster keeps every
report (document, outlet, sentence, span) so nothing is lost, and the first and latest
date it was reported. A headline's "35,000" for a statement's 34,700 is a different
number, so it is not merged; it is linked to the precise cluster as a *rounding*.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from attrition.reconcile.keys import ClaimKey, claim_key, key_text
from attrition.reconcile.numbers import is_rounding
from attrition.reconcile.records import StoredClaim


@dataclass(slots=True)
class Cluster:
    """One claim and all its reports; `roundings` are reports of a rounder figure for it."""

    key: ClaimKey
    reports: list[StoredClaim]
    roundings: list[StoredClaim] = field(default_factory=list)

    @property
    def representative(self) -> StoredClaim:
        return self.reports[0]

    @property
    def key_text(self) -> str:
        return key_text(self.key)

    @property
    def value(self) -> float:
        return self.key[1]

    @property
    def docs(self) -> list[str]:
        return sorted({c.doc for c in self.reports})

    @property
    def first_reported(self) -> date | None:
        dates = [c.published for c in self.reports if c.published is not None]
        return min(dates) if dates else None

    @property
    def last_reported(self) -> date | None:
        dates = [c.published for c in self.reports if c.published is not None]
        return max(dates) if dates else None


def _order(claim: StoredClaim) -> tuple[date, str, int]:
    return (claim.published or date.max, claim.doc, claim.ordinal)


def build_clusters(claims: list[StoredClaim]) -> list[Cluster]:
    """Group claims into clusters and attach roundings; deterministic for a given input.

    A group of reports is a rounding when its value is a rounded form (see
    `is_rounding`) of another group with the same statement key that is not itself a
    rounding; it then joins the nearest such group (most reports first) as roundings.
    """
    groups: dict[ClaimKey, list[StoredClaim]] = defaultdict(list)
    for claim in claims:
        groups[claim_key(claim)].append(claim)
    for reports in groups.values():
        reports.sort(key=_order)

    by_statement: dict[object, list[ClaimKey]] = defaultdict(list)
    for key in groups:
        by_statement[key[0]].append(key)

    def rounds(candidate: ClaimKey, target: ClaimKey) -> bool:
        if candidate[2] is not None or target[2] is not None:
            return False
        qualifiers = {c.qualifier for c in groups[candidate]}  # a set: independent of input order
        return any(is_rounding(candidate[1], target[1], q) for q in qualifiers)

    clusters: dict[ClaimKey, Cluster] = {}
    pending: list[ClaimKey] = []
    for keys in by_statement.values():
        for key in keys:
            if any(rounds(key, other) for other in keys if other != key):
                pending.append(key)
            else:
                clusters[key] = Cluster(key=key, reports=groups[key])
    for key in pending:
        targets = [k for k in by_statement[key[0]] if k in clusters and rounds(key, k)]
        if not targets:
            clusters[key] = Cluster(key=key, reports=groups[key])
            continue
        target = min(targets, key=lambda k: (-len(groups[k]), abs(k[1] - key[1]), k[1]))
        clusters[target].roundings.extend(groups[key])
    for cluster in clusters.values():
        cluster.roundings.sort(key=_order)
    return sorted(clusters.values(), key=lambda c: (_order(c.representative), c.key_text))
