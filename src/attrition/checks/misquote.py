"""`misquote`: a quoted official figure that is not what the official said.

Two sources of truth are used. For Ukrainian cumulative figures on Russian losses (claimant
`ua.*`, subject RU, period from 2022-02-24) the General Staff reference series gives the
value for the report date, which is the claim's `period_end`. Any other statement is
compared with what most other outlets reporting the same statement printed. Differences
are classified, because they mean different things: a *rounding* ("about 32,000" for
32,150) is harmless, a *stale* figure (yesterday's total) is a sourcing slip, a digit
dropped or transposed is a misquote.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

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
from attrition.reconcile.keys import StatementKey, statement_key
from attrition.reconcile.numbers import (
    MIN_ZEROS,
    digit_slip,
    is_rounding,
    significant_digits,
    trailing_zeros,
    truncation,
)
from attrition.reconcile.records import StoredClaim, fmt_number
from attrition.reference.series import INVASION

GS = "ua.general_staff"
#: Events under which an article may legitimately quote a General Staff category.
EVENTS_FOR: dict[str, frozenset[str]] = {
    "personnel": frozenset({"casualties", "killed"}),
    "uav": frozenset({"intercepted", "lost"}),
    "missiles": frozenset({"intercepted", "lost"}),
}
DEFAULT_EVENTS = frozenset({"lost"})
#: A figure further than this (relative) from the reference, and not a slip of a digit, is not a
#: quote of that total at all (a daily count, another claimant's figure mis-attributed): no finding.
UNRELATED = 0.25
INDEPENDENT = frozenset({"analyst", "west.gov", "intl"})


@dataclass(frozen=True, slots=True)
class Comparison:
    """A quoted cumulative figure beside the reference value for its report date."""

    claim: StoredClaim
    reference: ReferenceRef
    previous: float | None
    following: float | None
    verdict: str  # agree | rounding | stale | ahead | misquote | unrelated
    kind: str  # the verdict's detail: digit_drop, transposition, other, ...


def is_official_cumulative(claim: StoredClaim) -> bool:
    """A Ukrainian since-the-invasion total on Russian losses, single category, one number."""
    return claim.claimant.startswith("ua.") and claim.period_start == INVASION and _quotable(claim)


def may_be_total(claim: StoredClaim) -> bool:
    """A figure on Russian losses that may be a General Staff total with a mislabelled period
    or claimant (a daily period, the outlet or Russia's MoD as claimant). It is compared only
    when its value is within `UNRELATED` of the total: no daily increment, and no Russian
    official figure, comes that close to the General Staff's total. Independent counters
    (Oryx, Mediazona, Western governments) are never taken for the General Staff."""
    return claim.claimant not in INDEPENDENT and _quotable(claim)


def _quotable(claim: StoredClaim) -> bool:
    return (
        claim.subject == "RU"
        and claim.period_end is not None
        and claim.rate is None
        and not claim.model
        and claim.value_max is None
        and "+" not in claim.category
        and claim.event in EVENTS_FOR.get(claim.category, DEFAULT_EVENTS)
    )


def classify(value: float, qualifier: str, ref: float, prev: float | None, nxt: float | None) -> tuple[str, str]:
    """(verdict, kind) for an article value against the reference value of its report date."""
    if value == ref:
        return "agree", "exact"
    if prev is not None and value == prev:
        return "stale", "previous_day"
    if nxt is not None and value == nxt:
        return "ahead", "next_day"
    if is_rounding(value, ref, qualifier):
        return "rounding", "rounded"
    bound = is_round_bound(value, ref, qualifier)
    if bound is not None:
        return "rounding", bound
    slip = digit_slip(value, ref)
    if slip is not None:
        return "misquote", slip
    if truncation(value, ref):
        return "misquote", "truncation"
    if abs(value - ref) > UNRELATED * ref:
        return "unrelated", "far_off"
    return "misquote", "other"


def is_round_bound(value: float, ref: float, qualifier: str) -> str | None:
    """ "over 15,000" for 16,100: a round lower bound that is true, if loose (within `UNRELATED`)."""
    if trailing_zeros(value) < MIN_ZEROS or significant_digits(value) > 3:
        return None
    if abs(value - ref) > UNRELATED * ref:
        return None
    if qualifier == "at_least" and value < ref:
        return "lower_bound"
    if qualifier == "at_most" and value > ref:
        return "upper_bound"
    return None


def compare_with_reference(ctx: CheckContext) -> list[Comparison]:
    """Every official cumulative claim that has a reference value on its report date (computed
    once per context: the misquote check and the agreement summary both read them)."""
    found = ctx.memo.get("misquote.comparisons")
    if found is None:
        found = ctx.memo["misquote.comparisons"] = list(_compare_with_reference(ctx))
    return list(found)


def _compare_with_reference(ctx: CheckContext) -> Iterator[Comparison]:
    index = ctx.reference
    for claim in ctx.claims:
        official = is_official_cumulative(claim)
        if not official and not may_be_total(claim):
            continue
        assert claim.period_end is not None
        day = claim.period_end
        found = index.lookup(claim.claimant, "RU", claim.category, day) or index.lookup(GS, "RU", claim.category, day)
        if found is None:
            continue
        series, point = found
        prev = series_value(ctx, series.claimant, claim.category, day - timedelta(days=1))
        nxt = series_value(ctx, series.claimant, claim.category, day + timedelta(days=1))
        if not official and abs(claim.value - point.value) > UNRELATED * point.value:
            continue
        verdict, kind = classify(claim.value, claim.qualifier, point.value, prev, nxt)
        yield Comparison(claim, ref_of(series, day, claim.category, point.value), prev, nxt, verdict, kind)


def series_value(ctx: CheckContext, claimant: str, category: str, day: date) -> float | None:
    """The reference value of `claimant`'s series for `category` on `day`, if loaded."""
    found = ctx.reference.lookup(claimant, "RU", category, day)
    return found[1].value if found else None


def agreement(ctx: CheckContext) -> dict[str, int]:
    """How many quoted official figures agree with the reference for their report date."""
    counts: Counter[str] = Counter(c.verdict for c in compare_with_reference(ctx))
    return {
        "compared": sum(counts.values()) - counts.get("unrelated", 0),
        **{k: counts.get(k, 0) for k in ("agree", "rounding", "stale", "ahead", "misquote")},
        "not_comparable": counts.get("unrelated", 0),
    }


_SEVERITY: dict[str, Severity] = {
    "rounding": "info", "stale": "warning", "ahead": "warning", "misquote": "error",
}  # fmt: skip


#: Misquote severity by relative error: a dropped digit (90% off) misleads; 326,400 for
#: 326,440 (0.01%) is a slip nobody acts on.
MISQUOTE_ERROR_AT = 0.02
MISQUOTE_WARNING_AT = 0.001


def relative_error(value: float, reference: float) -> float:
    """|value - reference| / |reference| (the absolute difference when the reference is 0)."""
    return abs(value - reference) / abs(reference) if reference else abs(value - reference)


def misquote_severity(relative: float) -> Severity:
    """error from 2% off, warning from 0.1%, info below."""
    if relative >= MISQUOTE_ERROR_AT:
        return "error"
    return "warning" if relative >= MISQUOTE_WARNING_AT else "info"


def _first_ids(claims: list[StoredClaim], scope: Callable[[StoredClaim], Hashable | None]) -> dict[Hashable, int]:
    """The lowest claim row id of each group: groups are reported in that order."""
    first: dict[Hashable, int] = {}
    for c in claims:
        key = scope(c)
        if key is not None and (key not in first or c.id < first[key]):
            first[key] = c.id
    return first


def _doc(claim: StoredClaim) -> str:
    return claim.doc


def _reference_findings(ctx: CheckContext) -> Iterator[Finding]:
    """Per document (ordered by its first claim), its figures that differ from the reference."""
    comparisons = compare_with_reference(ctx)
    by_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for c in comparisons:
        by_doc[c.claim.doc][c.verdict] += 1
    first = _first_ids(ctx.claims, _doc)
    for c in sorted(comparisons, key=lambda c: (first[c.claim.doc], c.claim.doc, c.claim.id)):
        if c.verdict in ("agree", "unrelated"):
            continue
        severity = _SEVERITY[c.verdict]
        relative = relative_error(c.claim.value, c.reference.value)
        if c.verdict == "misquote":
            severity = misquote_severity(relative)
            if c.kind == "other" and severity == "error":
                severity = "warning"
        note = ""
        counts = by_doc[c.claim.doc]
        if c.verdict in ("stale", "ahead") and counts[c.verdict] > max(1, counts["agree"]):
            severity = "info"
            note = f"; {counts[c.verdict]} figures of this article fit that day: its report date looks off"
        day = c.reference.date.isoformat()
        what = {
            "rounding": "a round bound for" if c.kind.endswith("_bound") else "a rounded form of",
            "stale": "the previous day's value, not",
            "ahead": "the next day's value, not",
            "misquote": f"a misquote ({c.kind.replace('_', ' ')}, off by {relative:.2%}) of",
        }[c.verdict]
        yield Finding(
            "misquote", severity,
            f"{c.claim.doc}: {c.claim.category} {fmt_number(c.claim.value)} is {what} the reference "
            f"{fmt_number(c.reference.value)} ({c.reference.series}, report date {day}){note}",
            claims=(ClaimRef.of(c.claim),), references=(c.reference,),
            details={"verdict": c.verdict, "kind": c.kind, "article_value": c.claim.value,
                     "claimant": c.claim.claimant, "official_total": is_official_cumulative(c.claim),
                     "reference_value": c.reference.value, "relative_error": relative, "previous_day": c.previous,
                     "next_day": c.following, "report_date": day},
        )  # fmt: skip


#: Reports of the majority figure a slip finding cites: the earliest few, not all of them (a
#: statement repeated by N outlets with k slips would otherwise cite k x N claims).
MAJORITY_CITED = 3


def _report_order(claim: StoredClaim) -> tuple[date, str, int]:
    return (claim.published or date.max, claim.doc, claim.ordinal)


def majority_scope(claim: StoredClaim) -> StatementKey | None:
    return statement_key(claim) if claim.value_max is None else None


def _majority_findings(ctx: CheckContext) -> Iterator[Finding]:
    """Reports of one statement that differ by a digit slip from what most reports say.

    Figures compared with a reference series are left to it. Each finding cites the slip and the
    earliest `MAJORITY_CITED` reports of the majority figure; its id is the slip's claim and
    that figure, so it stays the same as more outlets repeat it. Statements are taken in the
    order of their first claim (compared or not). A claim whose period has no end (a running
    total from an undated page, a figure with no period) is left out: reports sharing such a key
    are totals of unknown, possibly different days ("8 ships" in May 2022, "28 ships" in 2025),
    not one statement."""
    skip = {c.claim.id for c in compare_with_reference(ctx)}
    first = _first_ids(ctx.claims, majority_scope)
    groups: dict[StatementKey, list[StoredClaim]] = defaultdict(list)
    for claim in ctx.claims:
        if claim.id not in skip and claim.value_max is None and claim.period_end is not None:
            groups[statement_key(claim)].append(claim)
    for _key, claims in sorted(groups.items(), key=lambda kv: (first[kv[0]], repr(kv[0]))):
        docs_by_value: dict[float, set[str]] = defaultdict(set)
        for claim in claims:
            docs_by_value[claim.value].add(claim.doc)
        if len(docs_by_value) < 2:
            continue
        ranked = sorted(docs_by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        (major, major_docs), runner_up = ranked[0], ranked[1]
        if len(major_docs) < 2 or len(major_docs) == len(runner_up[1]):
            continue
        majority = sorted((c for c in claims if c.value == major), key=_report_order)
        backing = tuple(ClaimRef.of(c) for c in majority[:MAJORITY_CITED])
        for claim in claims:
            if claim.value == major or is_rounding(claim.value, major, claim.qualifier):
                continue
            kind: str | None = digit_slip(claim.value, major)
            if kind is None and truncation(claim.value, major):
                kind = "truncation"
            if kind is None:
                continue
            yield Finding(
                "misquote", "warning",
                f"{claim.doc}: {claim.label()} differs by a {kind.replace('_', ' ')} from the "
                f"{fmt_number(major)} that {len(major_docs)} other reports of the same statement give",
                claims=(ClaimRef.of(claim), *backing),
                details={"verdict": "misquote", "kind": kind, "article_value": claim.value,
                         "majority_value": major, "majority_reports": len(majority),
                         "majority_doc_count": len(major_docs), "majority_docs": [r.doc for r in backing]},
                key=(claim.cite_id, repr(major)),
            )  # fmt: skip


@register("misquote", "quoted official figures against the reference series or most reports of the statement")
def check_misquote(ctx: CheckContext) -> Iterator[Finding]:
    yield from _reference_findings(ctx)
    yield from _majority_findings(ctx)


register_parts(
    "misquote",
    Part("reference", _reference_findings, scope=_doc),
    Part("majority", _majority_findings, scope=majority_scope),
)
