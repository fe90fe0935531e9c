"""Every value of a reference file checked before it is believed; errors name the file and line.

A reference series is the yardstick quoted figures are judged by, so a bad value in it makes
good claims look misquoted. What spreadsheets and scrapers get wrong is refused here, with a
reason a person can act on: an unquoted `5,000` (which splits a CSV row), `NaN` and `Infinity`
(which Python's `json` and `float` accept silently), negative totals, numbers no war produces
(over `MAX_VALUE`), dates outside the war, and non-numbers where a number belongs.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

#: No reference count of this war comes near ten million (personnel totals are about 1.5 M).
MAX_VALUE = 10_000_000
#: Earliest date a reference value may carry: the war began in February 2014.
EARLIEST = date(2014, 2, 20)
LATEST = date(2100, 1, 1)

_PLAIN = re.compile(r"-?\d+(?:\.\d+)?")
_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SPACE = re.compile(r"[ \t\n\r]*")


class ReferenceError(ValueError):
    """A bad reference file; the message starts with `FILE:LINE:`."""


def where(path: Path, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


def parse_number(text: str) -> float:
    """A CSV cell as a number: digits with an optional fraction, or thousands grouped with
    commas inside a quoted cell (`"5,000"`). Raises ValueError naming what it got."""
    cell = text.strip()
    if _PLAIN.fullmatch(cell):
        return float(cell)
    if _GROUPED.fullmatch(cell):
        return float(cell.replace(",", ""))
    raise ValueError(f'value must be a number such as 5000 or "5,000", not {text!r}')


def check_value(value: float, *, signed: bool) -> float:
    """`value` if it can be a count of losses (or, `signed`, a revision of one)."""
    if not math.isfinite(value):
        raise ValueError(f"value must be a finite number, not {value!r}")
    if value < 0 and not signed:
        raise ValueError(f"value must not be negative ({value:g}); only a correction series holds signed values")
    if abs(value) > MAX_VALUE:
        raise ValueError(f"value {value:g} is beyond any count of this war (limit {MAX_VALUE:,})")
    return value


def json_number(value: Any, key: str, *, signed: bool) -> float | None:
    """A JSON field that must be a number (or null, a day without that figure)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key!r} must be a number, not {value!r}")
    try:
        return check_value(float(value), signed=signed)
    except ValueError as exc:
        raise ValueError(f"{key!r}: {exc}") from None


def parse_date(text: object) -> date:
    """An ISO date within the war's span."""
    try:
        day = date.fromisoformat(str(text).strip())
    except ValueError:
        raise ValueError(f"date must be YYYY-MM-DD, not {text!r}") from None
    if not EARLIEST <= day < LATEST:
        raise ValueError(f"date {day.isoformat()} is outside the war ({EARLIEST.isoformat()} onwards)")
    return day


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a reference series can hold")


def json_rows(path: Path) -> Iterator[tuple[int, Any]]:
    """The elements of the JSON array in `path` with the line each starts on.

    Decoded element by element (`raw_decode`), so each error names its line; NaN, Infinity and
    -Infinity are refused. A UTF-8 byte-order mark (as spreadsheets and Windows editors write)
    is accepted.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReferenceError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    decoder = json.JSONDecoder(parse_constant=_refuse_constant)
    line, seen = 1, 0

    def line_at(index: int) -> int:
        nonlocal line, seen
        line += text.count("\n", seen, index)
        seen = index
        return line

    def fail(index: int, message: str) -> ReferenceError:
        return ReferenceError(f"{where(path, line_at(index))}: {message}")

    index = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if not text.startswith("[", index):
        raise fail(index, "expected a JSON array of objects")
    index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", index):
        return
    while True:
        try:
            element, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise fail(exc.pos, f"invalid JSON: {exc.msg}") from None
        except ValueError as exc:  # NaN / Infinity
            raise fail(index, str(exc)) from None
        except RecursionError:
            raise fail(index, "nested too deeply to be a row") from None
        yield line_at(index), element
        index = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", index):
            index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
            continue
        if text.startswith("]", index):
            rest = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
            if rest != len(text):
                raise fail(rest, "unexpected text after the array")
            return
        raise fail(index, "expected ',' or ']' after an element")
