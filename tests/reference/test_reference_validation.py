"""Reference files are validated value by value; every error names the file and the line.

The files are the kind spreadsheets and scrapers produce: a UTF-8 byte-order mark, an unquoted
thousands separator, NaN and Infinity, negative and absurd values, duplicate days.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.reference import load_reference
from attrition.reference.validate import MAX_VALUE, parse_number

runner = CliRunner()
HEADER = "date,claimant,subject,event,category,value"


def csv_file(tmp_path: Path, *rows: str, header: str = HEADER, bom: bool = False) -> Path:
    path = tmp_path / "counts.csv"
    text = "\n".join([header, *rows]) + "\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    series = load_reference(csv_file(tmp_path, "2025-08-01,analyst,RU,killed,personnel,120000", bom=True))
    assert [p.value for p in series.points] == [120000.0]


def test_a_quoted_thousands_separator_is_read_whole(tmp_path: Path) -> None:
    series = load_reference(csv_file(tmp_path, '2025-08-01,analyst,RU,killed,personnel,"5,000"'))
    assert [p.value for p in series.points] == [5000.0]


@pytest.mark.parametrize(
    ("row", "line", "reason"),
    [
        ("2025-08-01,analyst,RU,killed,personnel,5,000", 2, 'must be quoted: "5,000"'),
        ("2025-08-01,analyst,RU,killed,personnel,NaN", 2, "must be a number"),
        ("2025-08-01,analyst,RU,killed,personnel,inf", 2, "must be a number"),
        ("2025-08-01,analyst,RU,killed,personnel,-Infinity", 2, "must be a number"),
        ("2025-08-01,analyst,RU,killed,personnel,1e6", 2, "must be a number"),
        ("2025-08-01,analyst,RU,killed,personnel,-40", 2, "must not be negative"),
        (f"2025-08-01,analyst,RU,killed,personnel,{MAX_VALUE * 10}", 2, "beyond any count"),
        ("2025-08-01,analyst,RU,killed,personnel,", 2, "must be a number"),
        ("2025-08-01,analyst,RU,killed,personnel", 2, "5 fields, the header has 6"),
        ("1812-09-07,analyst,RU,killed,personnel,40", 2, "outside the war"),
        ("2025-13-01,analyst,RU,killed,personnel,40", 2, "date must be YYYY-MM-DD"),
        ("2025-08-01,analyst,XX,killed,personnel,40", 2, "subject must be"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, line: int, reason: str) -> None:
    path = csv_file(tmp_path, "2025-07-31,analyst,RU,killed,personnel,100", row)
    with pytest.raises(ValueError) as info:
        load_reference(path)
    assert str(info.value).startswith(f"{path}:{line + 1}:"), info.value
    assert reason in str(info.value)


def test_a_duplicate_day_names_both_lines(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "2025-08-01,analyst,RU,killed,personnel,100", "2025-08-02,analyst,RU,killed,personnel,110",
        "2025-08-01,analyst,RU,killed,personnel,105",
    )  # fmt: skip
    with pytest.raises(ValueError, match=r"csv:4: a second value for personnel on 2025-08-01 \(first on line 2\)"):
        load_reference(path)


def test_corrections_may_be_negative(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "2025-08-01,analyst,RU,lost,tanks,-5,correction", header=HEADER + ",kind")
    assert [p.value for p in load_reference(path).points] == [-5.0]


def test_a_line_inside_a_quoted_multiline_cell_is_counted(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, '2025-08-01,analyst,RU,killed,"personnel\nand more",40', "2025-08-02,analyst,RU,x,personnel,1"
    )
    with pytest.raises(ValueError) as info:
        load_reference(path)
    assert f"{path}:3:" in str(info.value)  # the physical line where the row ends


@pytest.mark.parametrize("text", ["5000", "5000.5", "5,000", "12,345,678", " 40 "])
def test_numbers_accepted(text: str) -> None:
    assert parse_number(text) == float(text.replace(",", ""))


@pytest.mark.parametrize("text", ["nan", "inf", "1e3", "5,00", "1_000", "0x10", "", "five"])
def test_numbers_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


# ----------------------------------------------------------------------------- PetroIvaniuk JSON


def json_file(tmp_path: Path, text: str, name: str = "russia_losses_personnel.json", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


ROWS = [{"date": "2022-03-01", "day": 6, "personnel": 5710}, {"date": "2022-03-02", "day": 7, "personnel": 5840}]


def test_json_with_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    series = load_reference(json_file(tmp_path, json.dumps(ROWS, indent=2), bom=True))
    assert [p.value for p in series.points] == [5710.0, 5840.0]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("NaN", "NaN is not a number"), ("Infinity", "Infinity is not a number"), ("-Infinity", "-Infinity"),
        ("1e999", "finite"), ("-12", "must not be negative"), ("99999999999", "beyond any count"),
        ('"5,840"', "must be a number"), ("true", "must be a number"),
    ],
)  # fmt: skip
def test_json_bad_values_name_file_and_line(tmp_path: Path, value: str, reason: str) -> None:
    text = json.dumps(ROWS, indent=2).replace("5840", value)
    path = json_file(tmp_path, text)
    with pytest.raises(ValueError) as info:
        load_reference(path)
    line = text[: text.index(value)].count("\n") + 1
    assert str(info.value).startswith(f"{path}:"), info.value
    reported = int(str(info.value)[len(str(path)) + 1 :].split(":", 1)[0])
    assert reported <= line and line - reported <= 4  # the line of the row holding the value
    assert reason in str(info.value)


def test_json_syntax_error_names_its_line(tmp_path: Path) -> None:
    text = json.dumps(ROWS, indent=2)
    text = text[: text.rindex("}")] + ",}]"
    path = json_file(tmp_path, text)
    with pytest.raises(ValueError, match=rf"{path.name}:\d+: invalid JSON"):
        load_reference(path)


def test_json_duplicate_day_and_bad_date(tmp_path: Path) -> None:
    rows = [*ROWS, {"date": "2022-03-01", "personnel": 6000}]
    with pytest.raises(ValueError, match=r"a second row for 2022-03-01 \(first on line 2\)"):
        load_reference(json_file(tmp_path, json.dumps(rows, indent=2)))
    with pytest.raises(ValueError, match=r"\.json:1: date must be YYYY-MM-DD"):
        load_reference(json_file(tmp_path, json.dumps([{"date": "yesterday", "personnel": 1}])))


def test_json_corrections_keep_their_sign(tmp_path: Path) -> None:
    rows = [{"date": "2023-05-27", "day": 458, "tank": -5, "personnel": 0}]
    path = json_file(tmp_path, json.dumps(rows), name="russia_losses_equipment_correction.json")
    series = load_reference(path)
    assert series.kind == "correction" and any(p.value == -5 for p in series.points)


def test_cli_import_reports_the_line_and_leaves_the_store_alone(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    good = json_file(tmp_path, json.dumps(ROWS))
    assert runner.invoke(app, ["reference", "import", str(good), "--db", db]).exit_code == 0
    bad = csv_file(tmp_path, "2025-08-01,analyst,RU,killed,personnel,5,000")
    result = runner.invoke(app, ["reference", "import", str(bad), "--db", db])
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.output and "Traceback" not in result.output
    listing = runner.invoke(app, ["reference", "list", "--db", db], env={"COLUMNS": "200"})
    assert "russia_losses_personnel" in listing.output and "counts" not in listing.output


def test_json_nested_absurdly_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = json_file(tmp_path, "[" + "[" * 100_000 + "]" * 100_000 + "]")
    with pytest.raises(ValueError, match=r"json:1: nested too deeply"):
        load_reference(path)
