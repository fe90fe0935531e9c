"""Page furniture: the parts of a saved page that are not the article.

Weather widgets, "Read more" boxes, comment forms and the like carry numbers and dates that
must never become claims or publication dates. Lines are matched by the patterns in
`data/furniture.toml`; the extractor blanks them (keeping offsets), ingest drops them.
"""

from __future__ import annotations

from dataclasses import dataclass

from attrition.lexicon import load_lexicon


@dataclass(frozen=True, slots=True)
class FurnitureLine:
    start: int
    end: int
    rule: str


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def find_furniture(text: str) -> list[FurnitureLine]:
    """Spans of the lines of `text` that are page furniture, in order."""
    rules = load_lexicon().furniture
    found: list[FurnitureLine] = []
    lines = _lines(text)
    skip = 0
    skip_rule = ""
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            continue
        own = next((r for r in rules if r[1].match(line)), None)
        if skip and own is None:
            # the box after "Read more": short headline-like lines only
            if len(line) < 160 and not line.rstrip().endswith((".", '"', "\u201d")):
                found.append(FurnitureLine(start, end, skip_rule))
                skip -= 1
                continue
            skip = 0
        if own is not None:
            rule_id, _pattern, skip_after = own
            found.append(FurnitureLine(start, end, f"furniture.{rule_id}"))
            skip, skip_rule = max(skip - 1, skip_after), f"furniture.{rule_id}"
    return found


def blank_furniture(text: str, furniture: list[FurnitureLine] | None = None) -> str:
    """`text` with furniture lines replaced by spaces: same length, same offsets."""
    if furniture is None:
        furniture = find_furniture(text)
    if not furniture:
        return text
    parts = []
    pos = 0
    for f in furniture:
        parts.append(text[pos : f.start])
        parts.append(" " * (f.end - f.start))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


def strip_furniture(text: str) -> str:
    """`text` without its furniture lines (for storing a clean article text)."""
    furniture = find_furniture(text)
    if not furniture:
        return text
    drop = {(f.start, f.end) for f in furniture}
    kept = [text[s:e] for s, e in _lines(text) if (s, e) not in drop]
    return "\n".join(kept).strip("\n")
