"""Plain records the reconcile and check code works on.

The checks are pure functions over these records so that they can be tested without a
database and so that the store schema can change without touching the logic: only
`attrition.reconcile.storeio` knows how rows become `StoredClaim`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """One claim as stored, with the document facts the checks need to cite it.

    `id` is the store's row id (internal, for joins); `uid` is the stable, citable claim id
    (`attrition.provenance.claim_uid`) that findings and exports carry, and `doc` the
    document key. `ordinal` is the claim's index in its document's claim list and
    `part_of` the ordinal of the breakdown total it belongs to (same document).
    """

    id: int
    doc: str
    claimant: str
    subject: str
    event: str
    category: str
    value: float
    ordinal: int = 0
    outlet: str | None = None
    published: date | None = None
    claimant_text: str | None = None
    model: str | None = None
    value_max: float | None = None
    qualifier: str = "exact"
    rate: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    location: str | None = None
    sentence: str = ""
    span_start: int | None = None
    span_end: int | None = None
    statement: int | None = None
    part_of: int | None = None
    uid: str = ""

    @property
    def cite_id(self) -> str:
        """The id to cite: the stable id, or the row id for records built without one."""
        return self.uid or str(self.id)

    @property
    def categories(self) -> frozenset[str]:
        return frozenset(self.category.split("+"))

    @property
    def is_daily(self) -> bool:
        """A figure for one day ("over the past 24 hours"), not a rate or a cumulative total."""
        return self.period_start is not None and self.period_start == self.period_end and self.rate is None

    def label(self) -> str:
        """A short human form for explanations: `ua.general_staff RU lost artillery 764`."""
        value = fmt_number(self.value)
        if self.value_max is not None:
            value += "-" + fmt_number(self.value_max)
        model = f" ({self.model})" if self.model else ""
        return f"{self.claimant} {self.subject} {self.event} {self.category}{model} {value}"


def fmt_number(value: float) -> str:
    """`34700.0` -> `34,700`; fractional values keep their decimals."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"
