"""Publication dates read from the text itself (datelines).

Used when no metadata gives the date. Candidates are found by named patterns, ranked by how
reliably each marks publication (an ISO timestamp or a "Published"/byline date beats a bare
date line), and parsed with dateparser. A site header's "Thursday, June 20, 2024" is the day
the page was saved, and a date line beside a weather widget is furniture: neither is used.
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

#: (rule id, rank, pattern); lower rank wins, then the earliest position.
DATELINE_PATTERNS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("dateline.marker", 0, re.compile(r"(?:^|\n)\s*date\s+(\d{4}-\d{2}-\d{2})\b")),
    ("dateline.iso_timestamp", 1, re.compile(r"\b(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}")),
    (
        "dateline.published",
        1,
        re.compile(
            rf"(?:Published|Updated|Last updated(?: on)?|Posted)\s*:?\s*(?:on\s+)?(\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})",
            re.IGNORECASE,
        ),
    ),
    ("dateline.stamp", 2, re.compile(rf"({_MONTH}\s+\d{{1,2}},\s+\d{{4}})\s*(?:at|-|,)?\s*\d{{1,2}}:\d{{2}}")),
    ("dateline.gmt", 2, re.compile(r"\d{1,2}:\d{2}\s*GMT\s+(\d{1,2}\.\d{1,2}\.\d{4})")),
    (
        "dateline.byline",
        3,
        re.compile(
            rf"(?:^|\n)[^\n]{{0,80}}?\bby\b[^\n]{{0,60}}?(\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})",
            re.IGNORECASE,
        ),
    ),
    (
        "dateline.line",
        4,
        re.compile(rf"(?:^|\n)\s*({_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\s*(?:\n|$)"),
    ),
)

_HEADER = re.compile(r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s")
_WEATHER = re.compile(r"^\s*-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]\s*$", re.MULTILINE)


def parse_date(text: str) -> date | None:
    """A calendar date from one date string, or None."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _in_header(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if _HEADER.match(line):
        return True
    # a date line within two lines of a weather widget belongs to the site header
    window = text[max(0, line_start - 200) : line_end + 200 if line_end != -1 else len(text)]
    return bool(_WEATHER.search(window))


def find_dateline(text: str) -> date | None:
    """The publication date stated in the text, if any."""
    best: tuple[int, int, str] | None = None
    for _rule, rank, pattern in DATELINE_PATTERNS:
        for m in pattern.finditer(text):
            if _in_header(text, m.start(1)):
                continue
            cand = (rank, m.start(1), m.group(1))
            if best is None or cand[:2] < best[:2]:
                best = cand
            break
    if best is None:
        return None
    return parse_date(best[2])
