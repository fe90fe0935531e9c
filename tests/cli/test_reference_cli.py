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


def test_list_shows_source_and_licence_not_a_local_path(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    folder = tmp_path / "deep" / "local" / "folder"
    folder.mkdir(parents=True)
    pers = folder / "russia_losses_personnel.json"
    pers.write_text(json.dumps([{"date": "2022-03-01", "day": 6, "personnel": 5710}]), encoding="utf-8")
    other = tmp_path / "counts.csv"
    other.write_text(
        "date,claimant,subject,event,category,value\n2025-08-08,analyst,RU,killed,personnel,121507\n", encoding="utf-8"
    )
    licensed = tmp_path / "lic"
    licensed.mkdir()
    (licensed / "README.md").write_text("# Counts\n\nLicence: CC BY 4.0 (see below).\n", encoding="utf-8")
    (licensed / "tally.csv").write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    for path in (pers, other, licensed / "tally.csv"):
        assert runner.invoke(app, ["reference", "import", str(path), "--db", db]).exit_code == 0
    listing = runner.invoke(app, ["reference", "list", "--db", db], env={"COLUMNS": "250"})
    assert listing.exit_code == 0, listing.output
    # the second table: name, source, licence
    rows = {line.split("│")[1].strip(): line for line in listing.output.splitlines() if line.count("│") == 4}
    assert "PetroIvaniuk" in rows["russia_losses_personnel"] and "MIT" in rows["russia_losses_personnel"]
    assert "not stated" in rows["counts"] and "CC BY 4.0" in rows["tally"]
    assert str(folder) not in listing.output and "deep" not in listing.output
    narrow = runner.invoke(app, ["reference", "list", "--db", db], env={"COLUMNS": "80"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80 and "CC BY 4.0" in narrow.stdout


def test_show_prints_values_or_daily_increments(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    pers = tmp_path / "russia_losses_personnel.json"
    days = [{"date": "2022-03-01", "day": 6, "personnel": 5710}, {"date": "2022-03-02", "day": 7, "personnel": 5840},
            {"date": "2022-03-04", "day": 9, "personnel": 9000}]  # fmt: skip
    pers.write_text(json.dumps(days), encoding="utf-8")
    assert runner.invoke(app, ["reference", "import", str(pers), "--db", db]).exit_code == 0

    def show(*args: str) -> list[dict]:
        result = runner.invoke(app, ["reference", "show", "russia_losses_personnel", "--db", db, "-f", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(x) for x in result.stdout.splitlines()]

    assert [(r["date"], r["value"]) for r in show("--category", "personnel")] == [
        ("2022-03-01", 5710), ("2022-03-02", 5840), ("2022-03-04", 9000)]  # fmt: skip
    assert [(r["date"], r["daily"]) for r in show("--daily")] == [("2022-03-02", 130), ("2022-03-04", 1580)]
    assert [r["date"] for r in show("--since", "2022-03-02", "--until", "2022-03-03")] == ["2022-03-02"]
    typo = runner.invoke(app, ["reference", "show", "russia_losses_personel", "--db", db])
    assert typo.exit_code == 2 and "did you mean 'russia_losses_personnel'" in typo.output
    bad = runner.invoke(app, ["reference", "show", "russia_losses_personnel", "--db", db, "--category", "persons"])
    assert bad.exit_code == 2 and "did you mean 'personnel'" in bad.output
