"""Findings, the context checks run in, and the registry of named checks.

A check is a pure function from a `CheckContext` (claims and reference series, already
loaded) to findings, so checks are tested on hand-built records and run the same way on
any store. A `Finding` cannot be built without evidence: it must cite at least one stored
claim (id and document key) or, for findings about a reference series itself, at least
one reference point. A reader can always open what a finding is about, and the claims are
cited by their stable ids, so a finding written down today still points at the same claims
after the store is rebuilt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from attrition.reconcile.records import StoredClaim
from attrition.reference.series import ReferenceIndex, ReferenceSeries

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A stored claim cited as evidence: its stable id, document key and the value it states."""

    claim_id: str
    doc: str
    value: float
    sentence: str = ""

    @classmethod
    def of(cls, claim: StoredClaim) -> ClaimRef:
        return cls(claim.cite_id, claim.doc, claim.value, claim.sentence)


@dataclass(frozen=True, slots=True)
class ReferenceRef:
    """A reference value cited as evidence: series name, source file, date, category, value."""

    series: str
    source: str
    date: date
    category: str
    value: float


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or noteworthy fact) a check found, with the evidence behind it."""

    check: str
    severity: Severity
    explanation: str
    claims: tuple[ClaimRef, ...] = ()
    references: tuple[ReferenceRef, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    #: What identifies the problem when not all of its evidence does (the id's parts).
    key: tuple[str, ...] = ()
    #: The id of a finding read back from the store (`from_dict`), whose `key` is not stored.
    stored_id: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not self.claims and not self.references:
            raise ValueError(f"{self.check}: a finding needs evidence (claims or reference points)")
        if any(not ref.doc for ref in self.claims):
            raise ValueError(f"{self.check}: every cited claim needs its document key")
        if "\n" in self.explanation or not self.explanation.strip():
            raise ValueError(f"{self.check}: the explanation must be one non-empty line")

    @property
    def id(self) -> str:
        """A stable id from the check and the evidence it cites (stable claim ids, reference points).

        The same problem found again after a rebuild or in a later run has the same id, so a
        review or a citation of it still applies. A finding with a `key` (a slip beside the
        figure most reports give) is identified by it, so more reports of that figure, which
        are evidence of it, do not change the id.
        """
        if self.stored_id is not None:
            return self.stored_id
        if self.key:
            return hashlib.sha256("|".join((self.check, "key", *self.key)).encode()).hexdigest()[:16]
        parts = [self.check, *sorted(self.claim_ids)]
        parts += sorted(f"{r.series}@{r.date.isoformat()}:{r.category}" for r in self.references)
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(ref.claim_id for ref in self.claims)

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ref.doc for ref in self.claims))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "check": self.check,
            "severity": self.severity,
            "explanation": self.explanation,
            "claim_ids": list(self.claim_ids),
            "docs": list(self.docs),
            "claims": [{"id": r.claim_id, "doc": r.doc, "value": r.value, "sentence": r.sentence} for r in self.claims],
            "references": [
                {
                    "series": r.series,
                    "source": r.source,
                    "date": r.date.isoformat(),
                    "category": r.category,
                    "value": r.value,
                }
                for r in self.references
            ],  # fmt: skip
            "details": self.details,
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Finding:
        """The finding `to_dict` made `record` from (its `to_dict` gives `record` back)."""
        return cls(
            record["check"], record["severity"], record["explanation"],
            claims=tuple(ClaimRef(c["id"], c["doc"], c["value"], c["sentence"]) for c in record["claims"]),
            references=tuple(
                ReferenceRef(r["series"], r["source"], date.fromisoformat(r["date"]), r["category"], r["value"])
                for r in record["references"]
            ),
            details=record["details"], stored_id=record["id"],
        )  # fmt: skip


@dataclass(slots=True)
class CheckContext:
    """What checks read: the stored claims and the imported reference series."""

    claims: list[StoredClaim]
    series: list[ReferenceSeries] = field(default_factory=list)
    _index: ReferenceIndex | None = None
    #: What several checks derive from the same claims (the misquote comparisons), computed once.
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def reference(self) -> ReferenceIndex:
        if self._index is None:
            self._index = ReferenceIndex(self.series)
        return self._index


CheckFn = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Part:
    """One independent piece of a check, for incremental runs (`attrition.checks.incremental`).

    `scope` puts a claim in the one group of this part it can affect (None: none). The part's
    findings over a group depend only on the claims of that group and the reference series,
    every claim a finding cites is in its group, and `run` over the claims of some whole groups
    yields exactly those groups' findings, each group's in the order a run over all claims
    gives them. `order` sorts the groups as a run over all claims does (from the group's key
    and its lowest claim row id). A part with no `scope` reads only the reference series and
    is run whole every time.
    """

    name: str
    run: CheckFn
    scope: Callable[[StoredClaim], Hashable | None] | None = None
    order: Callable[[Hashable, int], Any] = lambda key, first: first


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    description: str
    run: CheckFn
    #: The check as independent parts, in the order its run yields them (empty: run it whole).
    parts: tuple[Part, ...] = ()


REGISTRY: dict[str, Check] = {}


def register_parts(name: str, *parts: Part) -> None:
    """Declare the parts of a registered check; together they must yield what `run` yields."""
    check = REGISTRY[name]
    REGISTRY[name] = Check(check.name, check.description, check.run, tuple(parts))


def register(name: str, description: str) -> Callable[[CheckFn], CheckFn]:
    """Decorator: add a check to the registry under `name` (names are unique)."""

    def wrap(fn: CheckFn) -> CheckFn:
        if name in REGISTRY:
            raise ValueError(f"check {name!r} registered twice")
        REGISTRY[name] = Check(name, description, fn)
        return fn

    return wrap


def ref_of(series: ReferenceSeries, day: date, category: str, value: float) -> ReferenceRef:
    return ReferenceRef(series.name, series.source, day, category, value)
