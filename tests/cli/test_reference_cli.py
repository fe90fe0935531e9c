"""`attrition reference import` and `attrition reference list` on small files written here."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from attrition.cli import app

runner = CliRunner()


def test_import_and_list(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    pers = tmp_path / "russia_losses_personnel.json"
    pers.write_text(json.dumps([{"date": "2022-03-01", "day": 6, "personnel": 5710}]), encoding="utf-8")
    csv_file = tmp_path / "counts.csv"
    csv_file.write_text(
        "date,claimant,subject,event,category,value\n2025-08-08,analyst,RU,killed,personnel,121507\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["reference", "import", str(pers), "--db", db])
    assert result.exit_code == 0, result.output
    assert "imported russia_losses_personnel: 1 points" in result.output
    result = runner.invoke(app, ["reference", "import", str(csv_file), "--name", "mediazona", "--db", db])
    assert result.exit_code == 0, result.output
    listing = runner.invoke(app, ["reference", "list", "--db", db])
    assert listing.exit_code == 0
    assert "mediazona" in listing.output and "russia_losses_personnel" in listing.output


def test_bad_file_is_an_error_and_stores_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    bad = tmp_path / "bad.csv"
    bad.write_text("date,value\n2025-01-01,3\n", encoding="utf-8")
    result = runner.invoke(app, ["reference", "import", str(bad), "--db", db])
    assert result.exit_code == 2
    assert "missing column" in result.output
    listing = runner.invoke(app, ["reference", "list", "--db", db])
    assert listing.exit_code == 2 and "no store at" in listing.output  # not even an empty store was made
    assert not Path(db).exists()
