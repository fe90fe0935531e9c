"""Tables that fit the terminal: short fields on one line, the text they came from under them.

An analyst reads a ledger at 80 columns as often as at 200. Cutting every column to a few
characters ("ua.ge…", "perso…") keeps the grid and loses the answer, so the layout adapts
instead of the cells:

- wide enough: one line per row, the long text column (a sentence, a title) taking what the
  short ones leave and cut with an ellipsis;
- too narrow for that: the short columns keep their natural width on the first line and the
  long text goes on a second, indented, dim line that has the whole width to itself;
- still too narrow: names give way, the last first (an outlet before a claimant id), down to
  a floor, then the optional columns are left out (`--wide` shows every column).

Widths come from the cells and the console, never from constants. Every cell is data and is
shown with `attrition.output.safe.text` (never markup, controls escaped).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from attrition.output.safe import printable

#: Space between two columns.
GAP = 2
#: Indent of the second line that carries the long text.
INDENT = 4
#: The long text shares the first line only when it gets at least this many cells.
MIN_INLINE = 40
#: A name squeezed to make room keeps at least this many cells (it is cut with an ellipsis).
MIN_NAME = 8


@dataclass(frozen=True)
class Column:
    """One column of a fitted table.

    `squeeze`: may be cut to make room (names); `optional`: may be left out when even the
    squeezed columns do not fit; `right`: numbers, aligned right.
    """

    name: str
    header: str | None = None
    squeeze: bool = False
    optional: bool = False
    right: bool = False

    @property
    def title(self) -> str:
        return self.header or self.name


def _cut(value: str, width: int) -> Text:
    cell = Text(value)
    if cell_len(value) > width:
        cell.truncate(width, overflow="ellipsis")
    return cell


def _line(columns: Sequence[Column], widths: dict[str, int], cells: dict[str, str], style: str = "") -> Text:
    out = Text(style=style)
    for i, col in enumerate(columns):
        cell = _cut(cells.get(col.name, ""), widths[col.name])
        if i < len(columns) - 1 or col.right:
            pad = " " * (widths[col.name] - cell.cell_len)
            cell = Text(pad).append_text(cell) if col.right else cell.append(pad)
        if i:
            out.append(" " * GAP)
        out.append_text(cell)
    return out


def _fit_short(columns: list[Column], natural: dict[str, int], room: int) -> tuple[list[Column], dict[str, int]]:
    """The short columns that fit `room`: squeeze names (the last first), then drop optionals."""
    widths = dict(natural)
    kept = list(columns)

    def used() -> int:
        return sum(widths[c.name] for c in kept) + GAP * (len(kept) - 1)

    while used() > room:
        names = [c for c in kept if c.squeeze and widths[c.name] > MIN_NAME]
        if names:  # the last name gives way first (an outlet before a claimant id)
            widths[names[-1].name] -= 1
            continue
        optional = [c for c in kept if c.optional]
        if not optional:
            break
        kept.remove(optional[-1])
    return kept, widths


def render(
    console: Console,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[dict[str, str]],
    long: str | None = None,
) -> None:
    """Print `rows` (cells already as text) fitted to `console.width`, `long` being the text column."""
    width = console.width
    rows = [{k: printable(v) for k, v in row.items()} for row in rows]
    short = [c for c in columns if c.name != long]
    natural = {c.name: max([cell_len(c.title), *(cell_len(r.get(c.name, "")) for r in rows)]) for c in short}
    longest = max([0, *(cell_len(r.get(long, "")) for r in rows)]) if long else 0
    inline_room = width - sum(natural.values()) - GAP * len(short)
    inline = long is not None and inline_room >= min(MIN_INLINE, max(longest, cell_len(long)))
    if inline and long is not None:
        widths = dict(natural)
        kept = [*short, next(c for c in columns if c.name == long)]
        widths[long] = max(cell_len(long), min(longest, inline_room))
    else:
        kept, widths = _fit_short(short, natural, width)
    console.print(Text(title), no_wrap=True, overflow="ellipsis", soft_wrap=False)
    head = _line(kept, widths, {c.name: c.title for c in kept}, style="bold")
    console.print(head, no_wrap=True, overflow="ellipsis")
    ruled = sum(widths[c.name] for c in kept) + GAP * (len(kept) - 1)
    console.print(Text("─" * min(width, ruled)), no_wrap=True)
    for row in rows:
        console.print(_line(kept, widths, row), no_wrap=True, overflow="ellipsis")
        if long is not None and not inline and row.get(long):
            console.print(Text(" " * INDENT).append_text(_cut(row[long], width - INDENT)), style="dim",
                          no_wrap=True, overflow="ellipsis")  # fmt: skip
