"""Data on a terminal and in a spreadsheet: shown as text, never run as markup, control or formula.

Everything Attrition prints comes from documents somebody else wrote: article text, titles,
URLs, file names, error messages quoting them. Three interpreters sit between that data and
the reader, and each gets its own guard here:

- Rich parses `[bold]`, `[/x]` and `[link=...]` in plain strings. Every data cell and message
  goes through `text()` (a `rich.text.Text`, which Rich never parses) or `escape_markup`.
- The terminal obeys escape sequences (ESC, the 8-bit CSI, OSC 52 clipboard writes, window
  titles, clear screen) and bidirectional overrides reorder what a reader sees. `printable`
  turns every such character into a visible `\\x1b`-style escape; nothing is dropped, so the
  reader can still tell that something was there.
- Spreadsheets run a cell starting with `=`, `+`, `-`, `@`, tab or carriage return as a
  formula. `csv_cell` applies the OWASP rule: such text cells get a leading apostrophe.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from rich.markup import escape as _rich_escape
from rich.text import Text

#: Format characters that reorder or hide text (Trojan Source) are escaped like controls.
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROL = (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *_BIDI)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TABLE = {code: _escape(code) for code in _CONTROL}
#: In multi-line cells a newline and a tab are layout, not control; elsewhere they are escaped
#: too, so that a file name or an error message can never forge a second line of output.
_TABLE_MULTILINE = {code: esc for code, esc in _TABLE.items() if code not in (0x09, 0x0A)}
_TABLE.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


def printable(value: object, *, multiline: bool = False) -> str:
    """`value` as a string with every control, bidi override and (unless `multiline`) line break
    shown as a visible escape, so a terminal displays it and obeys none of it."""
    return str(value).translate(_TABLE_MULTILINE if multiline else _TABLE)


def text(value: object, *, multiline: bool = True, style: str = "") -> Text:
    """A Rich cell for a value from data: never parsed as markup, controls escaped.

    `None` is an empty cell. Cells are multi-line by default (a table wraps them anyway).
    """
    return Text("" if value is None else printable(value, multiline=multiline), style=style)


def escape_markup(value: object) -> str:
    """`value` for interpolation into a Rich markup string (e.g. `f"[red]error[/] {..}"`)."""
    return _rich_escape(printable(value))


#: Leading characters that make a spreadsheet read a cell as a formula (OWASP CSV injection),
#: plus `|` (DDE in older Excel) and the full-width forms some spreadsheets fold to ASCII.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_formula(value: str) -> str:
    """A text cell that cannot run as a formula: the OWASP rule, a leading apostrophe.

    Leading spaces are looked through, since some spreadsheets trim them before parsing.
    """
    return "'" + value if value.lstrip(" ").startswith(FORMULA_START) else value


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: lists as JSON arrays, dates in ISO form, formulas defused.

    Numbers stay numbers (a negative correction is `-5`, not text); only strings are changed,
    and their control characters are escaped as on the terminal (a CSV is often read there).
    """
    if isinstance(value, list | tuple):
        value = json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise_formula(printable(value, multiline=True))
    return value


def json_text(record: Any, *, indent: int | None = None) -> str:
    """JSON that a terminal cannot act on: `json.dumps` escapes C0 controls, this also escapes
    C1 controls and bidi overrides (still valid JSON for the same data)."""
    out = json.dumps(record, ensure_ascii=False, indent=indent)
    # `translate` looks up every character of a many-megabyte listing in a dict once the text
    # is not ASCII (Cyrillic: 16 s for 40 MB); the regular expression only the few it finds
    if out.isascii():
        return out.replace("\x7f", "\\u007f")
    return _JSON_CHARS.sub(_json_escape, out)


def json_line(record: Any) -> str:
    """One line of JSON lines output (see `json_text`)."""
    return json_text(record)


_JSON_TABLE = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0), *_BIDI, 0x2028, 0x2029)}
_JSON_CHARS = re.compile("[" + "".join(re.escape(chr(code)) for code in _JSON_TABLE) + "]")


def _json_escape(match: re.Match[str]) -> str:
    return _JSON_TABLE[ord(match.group())]
