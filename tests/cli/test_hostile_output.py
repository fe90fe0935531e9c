"""Data never becomes code on the way out: Rich markup, terminal controls, spreadsheet formulas.

The store below holds a document whose every text field is hostile: Rich markup that would
close tags or make a link, an OSC window-title sequence, a clear-screen CSI, an 8-bit CSI,
an OSC 52 clipboard write, a right-to-left override, and cells that spreadsheets run as
formulas. Every read command must print them as visible text, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.models import Claim, Document, Span
from attrition.output import csv_text, jsonl_line, print_claims
from attrition.output.safe import csv_cell, escape_markup, neutralise_formula, printable, text
from attrition.sources import content_hash
from attrition.store import open_store
from attrition.store import repository as repo

runner = CliRunner()

OSC_TITLE = "\x1b]0;owned\x07"
CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;ZWNobyBvd25lZA==\x07"
CSI8 = "\x9b31m"
RLO = "\u202e"
SENTENCE = (
    f"Russia lost 40 tanks [/bold] [link=https://evil.example/]here[/link] {OSC_TITLE}{CLEAR}"
    f"{CLIPBOARD}{CSI8} the General Staff{RLO} said."
)
HOSTILE_BYTES = ("\x1b", "\x9b", "\x07", "\u202e")


def _claim() -> Claim:
    start = SENTENCE.index("40")
    return Claim(
        doc="[red]d1[/red]", claimant="ua.general_staff", claimant_text="=HYPERLINK(\"https://evil.example\")",
        subject="RU", event="lost", category="tanks", model="@SUM(A1:A9)", value=40, value_max=None,
        qualifier="exact", rate=None, period_start=None, period_end=None, location="+cmd|' /C calc'!A0",
        sentence=SENTENCE, span=Span(start, start + 2), sentence_span=Span(0, len(SENTENCE)), rules=("r1",),
    )  # fmt: skip


@pytest.fixture
def hostile_db(store_url: str) -> str:
    engine = open_store(store_url)
    with engine.begin() as conn:
        repo.add_document(
            conn,
            claims=[_claim()],
            document=Document(
                id="[red]d1[/red]",
                text=SENTENCE,
                published=date(2024, 5, 6),
                outlet="-2+3",
                url="https://example.org/[/x]?q=[link=https://evil.example]",
                title=f"[bold]T{OSC_TITLE}",
            ),  # fmt: skip
            content_hash=content_hash(SENTENCE),
            source="[/x].txt",
            run_id=None,
        )
    engine.dispose()
    return store_url


def _assert_inert(output: str) -> None:
    for raw in HOSTILE_BYTES:
        assert raw not in output, f"{raw!r} reached the terminal"


@pytest.mark.parametrize("command", [["claims"], ["docs"], ["check"], ["check", "--format", "markdown"]])
def test_table_views_print_markup_and_controls_as_text(hostile_db: str, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", hostile_db], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    _assert_inert(result.output)
    if command == ["claims"]:
        assert "[/bold]" in result.output and "[link=https://evil.example/]here[/link]" in result.output
        assert "\\x1b]0;owned\\x07" in result.output and "\\x9b31m" in result.output
        wide = runner.invoke(app, [*command, "--wide", "--db", hostile_db], env={"COLUMNS": "400"})
        _assert_inert(wide.output)
        assert "[red]d1[/red]" in wide.output  # the doc key is a --wide column
    if command == ["docs"]:
        assert "[bold]T\\x1b]0;owned" in result.output


def test_table_under_a_forced_terminal_makes_no_link_and_no_escape_from_data(hostile_db: str) -> None:
    """With colours forced on, the only escapes are Rich's own SGR styles: no OSC (link, title,
    clipboard) and no clear screen."""
    result = runner.invoke(app, ["claims", "--db", hostile_db], env={"COLUMNS": "400", "FORCE_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "\x1b]" not in result.output and "\x1b[2J" not in result.output and "\x9b" not in result.output
    assert "[link=https://evil.example/]" in result.output


def test_jsonl_escapes_controls_but_keeps_the_data(hostile_db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", hostile_db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    _assert_inert(result.stdout)
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["sentence"] == SENTENCE  # escaped on screen, exact after parsing


@pytest.mark.parametrize("command", ["claims", "docs"])
def test_csv_export_defuses_formulas(hostile_db: str, command: str, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(app, [command, "--db", hostile_db, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.lstrip(" ").startswith(("=", "+", "-", "@", "|")), value
    if command == "claims":
        assert rows[0]["claimant_text"] == '\'=HYPERLINK("https://evil.example")'
        assert rows[0]["model"] == "'@SUM(A1:A9)" and rows[0]["location"].startswith("'+cmd")
        assert rows[0]["value"] == "40"
    else:
        assert rows[0]["outlet"] == "'-2+3"


def test_extract_csv_and_table_are_inert(tmp_path: Path) -> None:
    article = tmp_path / "[bold]a.txt"
    article.write_text(
        f"Ukraine's General Staff said on Monday that Russia lost 40 tanks {OSC_TITLE} [/x] near Avdiivka.\n",
        encoding="utf-8",
    )
    table = runner.invoke(app, ["extract", str(article)], env={"COLUMNS": "400"})
    assert table.exit_code == 0, table.output
    _assert_inert(table.output)
    assert "[/x]" in table.output
    as_csv = runner.invoke(app, ["extract", str(article), "--format", "csv"])
    _assert_inert(as_csv.stdout)


def test_error_lines_quote_hostile_paths_as_text(tmp_path: Path) -> None:
    """A file named like markup with controls in it: one readable error line, no crash."""
    (tmp_path / "[").mkdir()
    bad = tmp_path / "[" / "x]\x1b]0;t\x07.txt"  # the path reads ".../[/x]<OSC>.txt"
    bad.write_bytes(b"")
    for command in (["extract", str(bad)], ["ingest", "--db", str(tmp_path / "s.db"), str(bad)]):
        result = runner.invoke(app, command, env={"COLUMNS": "400"})
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        _assert_inert(result.output)
        assert "[/x]\\x1b]0;t\\x07.txt" in result.output


def test_printable_escapes_every_control_and_keeps_text() -> None:
    assert printable("a\x1b[31mb\x00c\x7fd\x85e") == "a\\x1b[31mb\\x00c\\x7fd\\x85e"
    assert printable("line\nnext\tx") == "line\\x0anext\\x09x"
    assert printable("line\nnext\r", multiline=True) == "line\nnext\\x0d"
    assert printable("Київ \u202eevil\u2066") == "Київ \\u202eevil\\u2066"
    assert printable("Росія втратила 40 танків") == "Росія втратила 40 танків"
    assert text("[bold]x[/bold]").plain == "[bold]x[/bold]"
    assert escape_markup("[/x]") == "\\[/x]"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"), ("+7", "'+7"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"), ("  =1", "'  =1"), ("|calc", "'|calc"), ("\uff1d1+1", "'\uff1d1+1"),
        ("Kyiv", "Kyiv"), ("40 tanks = a lot", "40 tanks = a lot"), ("", ""),
    ],
)  # fmt: skip
def test_owasp_rule(cell: str, expected: str) -> None:
    assert neutralise_formula(cell) == expected


def test_csv_cell_keeps_numbers_and_lists() -> None:
    assert csv_cell(-5) == -5 and csv_cell(2.5) == 2.5 and csv_cell(None) is None
    assert csv_cell(["=a", "b"]) == '["=a", "b"]'
    assert csv_cell(date(2024, 5, 6)) == "2024-05-06"


def test_library_renderers_are_inert() -> None:
    claim = _claim()
    line = jsonl_line(claim)
    _assert_inert(line)
    assert json.loads(line)["sentence"] == SENTENCE
    assert "'=HYPERLINK" in csv_text([claim])
    from rich.console import Console

    console = Console(file=io.StringIO(), width=400, force_terminal=True)
    print_claims(console, [claim], "claims")
    rendered = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b]" not in rendered and "\x9b" not in rendered and "[/bold]" in rendered
