"""Incremental checks: a run recomputes only the groups of claims its new claims fall in.

Each check is declared as independent parts (`Part`): a part puts every claim in at most one
group (a document, a statement, a claimant's series, one side's losses over one period), and
a group's findings depend only on its own claims and the reference series. A stored run
records, with each finding, its group (`scope`) and its place in the group, and the highest
claim row id it saw. The next run, when the reference series and the check code are the same
and no claim it saw has gone, recomputes the groups that gained a claim and takes every other
group's findings from the store; groups are put in the order a run over all claims gives them,
so the findings are the same, in the same order, as a full recompute
(`tests/checks/test_incremental.py`). Anything else (no stored run, new series, new code,
a removed claim) is a full recompute of that check, written as a difference all the same.
"""

from __future__ import annotations

import hashlib
import importlib
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attrition.checks.base import REGISTRY, SEVERITIES, Check, CheckContext, Finding, Part
from attrition.reconcile.records import StoredClaim

#: The modules whose code decides what the checks find: a stored run made by other code is not reused.
CHECK_MODULES = (
    "attrition.checks.base", "attrition.checks.breakdown", "attrition.checks.cross", "attrition.checks.misquote",
    "attrition.checks.series", "attrition.checks.incremental", "attrition.reconcile.keys",
    "attrition.reconcile.numbers", "attrition.reconcile.records", "attrition.reference.series",
)  # fmt: skip


def code_digest() -> str:
    """A digest of the source of the modules the findings depend on."""
    digest = hashlib.sha256()
    for name in CHECK_MODULES:
        source = importlib.import_module(name).__file__
        digest.update(Path(source).read_bytes() if source else name.encode())
    return digest.hexdigest()[:16]


@dataclass(slots=True)
class Base:
    """What the latest stored run of one check left: the claims it saw and its findings by group.

    `records` maps a group's scope text to its findings' records in their order."""

    max_claim_id: int
    records: dict[str, list[dict[str, Any]]]


@dataclass(slots=True)
class Computed:
    """One check's findings in order, and what a stored run must write for it.

    `scopes` are the groups recomputed (None: all of them); `fresh` their findings with scope
    and place in the group."""

    check: str
    findings: list[Finding]
    scopes: set[str] | None
    fresh: list[tuple[str, int, Finding]] = field(default_factory=list)


def scope_text(part: Part, key: Hashable | None) -> str:
    """A group's name in the store: the part and the key's repr (stable for tuples of str, date, None)."""
    return f"{part.name}:" if key is None else f"{part.name}:{key!r}"


@dataclass(slots=True)
class _Claims:
    """What every part asks of the claims once: whether they are in row id order, the new ones."""

    ctx: CheckContext
    ordered: bool = False
    _new: dict[int, list[StoredClaim]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        claims = self.ctx.claims
        self.ordered = all(a.id < b.id for a, b in zip(claims, claims[1:], strict=False))

    def new(self, max_claim_id: int) -> list[StoredClaim]:
        if max_claim_id not in self._new:
            self._new[max_claim_id] = [c for c in self.ctx.claims if c.id > max_claim_id]
        return self._new[max_claim_id]


def evaluate(ctx: CheckContext, check: Check, base: Base | None, claims: _Claims | None = None) -> Computed:
    """The findings of one check over `ctx`, recomputing only what `base` does not cover."""
    if not check.parts:
        found = list(check.run(ctx))
        return Computed(check.name, found, None, [(f"{check.name}:", n, f) for n, f in enumerate(found)])
    claims = claims or _Claims(ctx)
    new = [] if base is None else claims.new(base.max_claim_id)
    out = Computed(check.name, [], None if base is None else set())
    for part in check.parts:
        _evaluate_part(ctx, part, base, new, out, claims.ordered)
    return out


def _evaluate_part(
    ctx: CheckContext, part: Part, base: Base | None, new: list[StoredClaim], out: Computed, ordered: bool
) -> None:
    if part.scope is None:  # reads only the reference series: always run whole
        found = list(part.run(ctx))
        text = scope_text(part, None)
        out.findings += found
        out.fresh += [(text, n, f) for n, f in enumerate(found)]
        if out.scopes is not None:
            out.scopes.add(text)
        return
    scope = part.scope
    keys = [scope(c) for c in ctx.claims]
    first: dict[Hashable, int] = {}
    if ordered:  # as loaded: the first claim seen of a group is its lowest
        for c, key in zip(ctx.claims, keys, strict=True):
            if key is not None and key not in first:
                first[key] = c.id
    else:
        for c, key in zip(ctx.claims, keys, strict=True):
            if key is not None and (key not in first or c.id < first[key]):
                first[key] = c.id
    touched = set(first) if base is None else {k for c in new if (k := scope(c)) is not None}
    sub = [c for c, key in zip(ctx.claims, keys, strict=True) if key is not None and key in touched]
    sub_ctx = CheckContext(claims=sub, series=ctx.series, _index=ctx.reference)
    by_cite = {c.cite_id: c for c in sub}
    fresh: dict[Hashable, list[Finding]] = defaultdict(list)
    for f in part.run(sub_ctx):
        key = scope(by_cite[f.claims[0].claim_id]) if f.claims else None
        if key not in touched:
            raise AssertionError(f"{out.check}/{part.name}: a finding outside the groups it was run on")
        fresh[key].append(f)
    for key in sorted(first, key=lambda k: part.order(k, first[k])):
        text = scope_text(part, key)
        if key in touched:
            found = fresh.get(key, [])
            out.fresh += [(text, n, f) for n, f in enumerate(found)]
        else:
            assert base is not None
            found = [Finding.from_dict(r) for r in base.records.get(text, ())]
        out.findings += found
    if out.scopes is not None:
        out.scopes |= {scope_text(part, k) for k in touched}


def run_incremental(
    ctx: CheckContext, names: Iterable[str] | None, bases: dict[str, Base | None]
) -> tuple[list[Finding], list[Computed]]:
    """Every finding of the named checks (all severities), most severe first as `run_checks`
    orders them, and per check what was recomputed."""
    chosen = list(names) if names else list(REGISTRY)
    claims = _Claims(ctx)
    computed = [evaluate(ctx, REGISTRY[name], bases.get(name), claims) for name in chosen]
    order = {name: i for i, name in enumerate(chosen)}
    findings = [f for c in computed for f in c.findings]
    findings.sort(key=lambda f: (-SEVERITIES.index(f.severity), order[f.check]))
    return findings, computed
