"""Claim identity: when two reports are the same claim, and when they are the same statement.

A *claim key* is what FORMAT.md says makes a claim: claimant, subject, event, the set of
categories, the period and the value (plus model, rate, value_max and location, because
"10 Leopards" is not "10 tanks" and "100 a day" is not "100"). A *statement key* is the
same without the value: the reports of one official statement share it even where an
outlet misprints the number, which is what the misquote check compares against.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from attrition.reconcile.records import StoredClaim

StatementKey = tuple[str, str, str, str, str | None, str | None, date | None, date | None, str | None]
ClaimKey = tuple[StatementKey, float, float | None]


@lru_cache(maxsize=4096)
def normalized_category(category: str) -> str:
    """Categories as a sorted `+`-joined set, whatever order the producer used (cached: the
    store holds a few dozen distinct values, asked for once per claim by every check)."""
    return "+".join(sorted(set(category.split("+"))))


def statement_key(claim: StoredClaim) -> StatementKey:
    """Everything that identifies what is asserted, except the number itself."""
    return (
        claim.claimant,
        claim.subject,
        claim.event,
        normalized_category(claim.category),
        (claim.model or None),
        claim.rate,
        claim.period_start,
        claim.period_end,
        (claim.location or None),
    )


def claim_key(claim: StoredClaim) -> ClaimKey:
    """The identity of a claim: its statement key and its value(s)."""
    return (statement_key(claim), float(claim.value), _opt_float(claim.value_max))


def statement_text(stmt: StatementKey) -> str:
    """A stable one-line text form of a statement key: the clusters' `statement` column."""
    return "|".join(str(p) if p is not None else "" for p in stmt)


def key_text(key: ClaimKey) -> str:
    """A stable one-line text form of a claim key, used as the cluster's unique key in the store."""
    stmt, value, value_max = key
    return "|".join((statement_text(stmt), repr(value), repr(value_max) if value_max is not None else ""))


def _opt_float(value: float | None) -> float | None:
    return None if value is None else float(value)
