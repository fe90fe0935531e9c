"""Breakdowns: parts of a stated total, linked to it.

Two shapes are recognised, each a named rule:
- `breakdown.including`: "36 launchers, including nine HIMARS and six MLRS" - the figures
  after "including" / "of them" / "among them" that count the same kind of thing are parts of
  the figure before the marker; a named system's figure is a part of the same-kind part
  before it ("seven tanks, along with two Leopards"). Such parts need not be exhaustive.
- `breakdown.groups`: per-battlegroup or per-front figures stated after a total of the same
  kind and period ("over 2,000 killed" then "Western Group: 475 ...", "Southern Group: 620").
"""

from __future__ import annotations

import re

from attrition.extract.rules import code_rule
from attrition.extract.state import RawClaim

COVERS_PART = code_rule("breakdown.covers_part")

INCLUDING = re.compile(
    r"\b(?:including|among\s+them|of\s+which|of\s+them|incl\.|в\s+том\s+числе|у\s+тому\s+числі|из\s+них|"
    r"з\s+них|среди\s+них|серед\s+них)",
    re.IGNORECASE,
)
#: a total of one kind whose parts are of a narrower kind counts both ("armour, including tanks")
_COVERS: dict[tuple[str, ...], tuple[str, ...]] = {("afv",): ("tanks",)}
_SCOPE_END = re.compile(r"(?:;|\bas\s+well\s+as\b|\bwhile\b|\bin\s+addition\b)", re.IGNORECASE)


def _kind_fits(part: RawClaim, total: RawClaim) -> bool:
    return set(part.categories) <= set(total.categories) or (
        total.categories == ("heavy_weapons",) and not set(part.categories) & {"personnel", "civilians"}
    )


def _including(text: str, raws: list[RawClaim]) -> None:
    by_sentence: dict[int, list[RawClaim]] = {}
    for r in raws:
        if r.role != "increment":
            by_sentence.setdefault(r.sentence.index, []).append(r)
    for claims in by_sentence.values():
        claims.sort(key=lambda r: r.number.start)
        s = claims[0].sentence
        for m in INCLUDING.finditer(text, s.start, s.end):
            before = [r for r in claims if r.number.end <= m.start()]
            if not before:
                continue
            total = before[-1]
            end = _SCOPE_END.search(text, m.end(), s.end)
            stop = end.start() if end else s.end
            parts = [r for r in claims if m.end() <= r.number.start < stop and r.role == "plain"]
            previous: list[RawClaim] = []
            for p in parts:
                if _COVERS.get(total.categories) == p.categories and total.role != "part":
                    total.categories = tuple(sorted({*total.categories, *p.categories}))
                    total.rules.append(COVERS_PART)
                if not _kind_fits(p, total):
                    break
                host = next(
                    (
                        q
                        for q in reversed(previous)
                        if q.model is None
                        and q.categories == p.categories
                        and p.model is not None
                        and q.number.value >= p.number.value
                    ),
                    None,
                )
                p.role, p.parent = "part", host or total
                p.rules.append("breakdown.including")
                previous.append(p)


def _groups(raws: list[RawClaim]) -> None:
    i = 0
    while i < len(raws):
        r = raws[i]
        if r.group_marked or r.role != "plain":
            i += 1
            continue
        run = []
        j = i + 1
        while j < len(raws) and raws[j].categories == r.categories and raws[j].period == r.period:
            if raws[j].group_marked and raws[j].role == "plain":
                run.append(raws[j])
            elif not raws[j].group_marked:
                break
            j += 1
        if len(run) >= 2 and all(p.number.value < r.number.value for p in run):
            for p in run:
                p.role, p.parent = "part", r
                p.rules.append("breakdown.groups")
            r.role = "total"
            i = j
            continue
        i += 1


def link_breakdowns(text: str, raws: list[RawClaim]) -> None:
    """Mark breakdown parts in place (`role="part"`, `parent` = the total)."""
    _including(text, raws)
    _groups(raws)
