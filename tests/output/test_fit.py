"""Fitted tables: the layout adapts to the width; cells are data, cut by display width."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console

from attrition.output.fit import Column, render


def _shown(width: int, columns: tuple[Column, ...], rows: list[dict[str, str]], long: str | None) -> list[str]:
    console = Console(file=io.StringIO(), width=width)
    render(console, "title", columns, rows, long=long)
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined]


COLUMNS = (Column("id"), Column("name", squeeze=True), Column("place", squeeze=True), Column("n", right=True),
           Column("note", optional=True), Column("text"))  # fmt: skip
ROW = {"id": "k1", "name": "Генеральний штаб ЗСУ", "place": "[link=https://evil.example]x[/link]", "n": "7",
       "note": "optional note", "text": "Сили оборони знищили 12 танків " * 5}  # fmt: skip


def test_wide_enough_gives_one_line_per_row_with_the_text_cut() -> None:
    lines = _shown(200, COLUMNS, [ROW], "text")
    assert len(lines) == 4 and lines[1].split() == ["id", "name", "place", "n", "note", "text"]
    assert lines[3].startswith("k1  Генеральний штаб ЗСУ  [link=https://evil.example]x[/link]")
    assert lines[3].endswith("…") and len(lines[3]) <= 200


def test_narrow_puts_the_text_under_the_row_and_names_give_way_last_first() -> None:
    lines = _shown(60, COLUMNS, [ROW], "text")
    assert all(len(line) <= 60 for line in lines)
    row, under = lines[3], lines[4]
    assert "Генеральний штаб ЗСУ" in row and "[link=https://" in row and row.count("…") == 1  # place cut, name whole
    assert under.startswith("    Сили оборони знищили 12 танків") and under.endswith("…") and len(under) == 60


def test_too_narrow_even_squeezed_leaves_out_optional_columns_first() -> None:
    lines = _shown(36, COLUMNS, [ROW], "text")
    assert "note" not in lines[1] and "optional note" not in "\n".join(lines)
    assert all(len(line) <= 36 for line in lines) and lines[3].startswith("k1  Генерал")


def test_double_width_characters_are_measured_by_cells_and_numbers_align_right() -> None:
    rows = [{"id": "k1", "name": "東京都庁", "place": "", "n": "7", "note": "", "text": "t"},
            {"id": "k2", "name": "ab", "place": "", "n": "1234", "note": "", "text": "t"}]  # fmt: skip
    lines = _shown(80, COLUMNS, rows, "text")
    first, second = lines[3], lines[4]
    assert first.index("東") == second.index("ab")
    assert cell_len(first[: first.index("7")]) == second.index("1234") + 3  # right-aligned: units line up


def test_a_period_without_an_end_does_not_read_as_one_day() -> None:
    from datetime import date

    from attrition.output import period_text

    assert period_text(date(2022, 2, 24), None) == "war.."  # "since the invasion", date not fixed
    assert period_text(date(2024, 5, 1), None) == "2024-05-01.."
    assert period_text(None, date(2024, 5, 31)) == "2024-05-31"
    assert period_text(date(2024, 5, 31), date(2024, 5, 31)) == "2024-05-31"
    assert period_text(date(2022, 2, 24), date(2024, 5, 31)) == "war..2024-05-31"
    assert period_text(date(2024, 5, 1), date(2024, 5, 31)) == "2024-05-01..05-31"
    assert period_text(None, None) == ""
