"""`breakdown_sum`: the parts of a breakdown against the total stated beside them.

The extractor links each part (per battlegroup, per front) to its stated total through
`part_of`. Parts that add up to more than the total are an error whatever the wording.
Parts that fall short are only a problem where the breakdown reads as complete: the parts
count the same thing as the total (troops per battlegroup against troops in all), the
total is exact or "over N", and nothing marks the list as partial: "36 launchers, including
nine HIMARS" or a list of named models is not meant to add up.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from attrition.checks.base import CheckContext, ClaimRef, Finding, Part, Severity, register, register_parts
from attrition.reconcile.numbers import trailing_zeros
from attrition.reconcile.records import StoredClaim, fmt_number


def _same_event(part: str, total: str) -> bool:
    """Outlets say "killed" and "casualties" of the same battlegroup figures ("405 casualties"
    in a list of men killed per group); both count personnel lost. Wounded or POWs do not."""
    return part == total or {part, total} == {"killed", "casualties"}


def tolerance(total: StoredClaim) -> float:
    """How far an "about N" total may sit from the sum: half a rounding unit, at most 5%."""
    if total.qualifier != "approx":
        return 0.0
    unit = float(10 ** trailing_zeros(total.value))
    return min(unit / 2, 0.05 * total.value)


def judge(total: StoredClaim, parts: list[StoredClaim]) -> tuple[Severity, str] | None:
    """(severity, what is wrong) for a total and its parts, or None when they agree."""
    parts_sum = sum(p.value for p in parts)
    t = total.value
    tol = tolerance(total)
    same_thing = all(p.categories == total.categories and _same_event(p.event, total.event) for p in parts)
    if total.qualifier == "at_least":
        exceeds = False  # "over 2,000" has no upper bound
    elif total.qualifier == "range" and total.value_max is not None:
        exceeds = parts_sum > total.value_max
    else:
        exceeds = parts_sum > t + tol
    if exceeds:
        return "error", "exceeds"
    short = parts_sum < t - tol and total.qualifier in ("exact", "at_least", "approx")
    if short and same_thing and len(parts) >= 2 and not is_partial(total, parts):
        return "warning", "falls short of"
    return None


#: Words that announce a partial list after a total: "36 launchers, including nine HIMARS".
PARTIAL = re.compile(r"\b(?:includ\w*|among them|of which|such as|notably)\b", re.IGNORECASE)


def is_partial(total: StoredClaim, parts: list[StoredClaim]) -> bool:
    """A breakdown that does not claim to be complete: "including ..." or a list of models."""
    if any(p.model and p.model != total.model for p in parts):
        return True
    return any(PARTIAL.search(c.sentence) for c in (total, *parts))


@register("breakdown_sum", "the parts of a breakdown against its stated total")
def check_breakdown_sum(ctx: CheckContext) -> Iterator[Finding]:
    by_ordinal: dict[tuple[str, int], StoredClaim] = {(c.doc, c.ordinal): c for c in ctx.claims}
    parts_of: dict[tuple[str, int], list[StoredClaim]] = defaultdict(list)
    for claim in ctx.claims:
        if claim.part_of is not None and claim.part_of != claim.ordinal:
            parts_of[(claim.doc, claim.part_of)].append(claim)
    for key, parts in sorted(parts_of.items()):
        total = by_ordinal.get(key)
        if total is None:
            continue
        verdict = judge(total, parts)
        if verdict is None:
            continue
        severity, how = verdict
        parts_sum = sum(p.value for p in parts)
        qual = {"at_least": "over ", "approx": "about ", "at_most": "up to "}.get(total.qualifier, "")
        yield Finding(
            "breakdown_sum", severity,
            f"{total.doc}: the {len(parts)} parts add up to {fmt_number(parts_sum)}, which {how} the "
            f"stated total of {qual}{fmt_number(total.value)} "
            f"({total.subject} {total.event} {total.category})",
            claims=(ClaimRef.of(total), *(ClaimRef.of(p) for p in sorted(parts, key=lambda p: p.ordinal))),
            details={"total": total.value, "total_qualifier": total.qualifier, "parts_sum": parts_sum,
                     "parts": [p.value for p in parts], "difference": parts_sum - total.value},
        )  # fmt: skip


#: A breakdown's parts and total are claims of one document.
register_parts("breakdown_sum", Part("documents", check_breakdown_sum, scope=lambda c: c.doc, order=lambda key, _: key))
