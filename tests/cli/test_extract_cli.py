"""`attrition extract`: formats, metadata, bad files, exit codes."""

import csv
import io
import json

from typer.testing import CliRunner

from attrition.cli import app
from attrition.models import FORMAT_FIELDS

runner = CliRunner()

ARTICLE = "Ukraine lost more than 1,500 soldiers and 28 tanks over the past day, the Russian Defence Ministry said.\n"


def write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_cli_extract_jsonl_is_the_exchange_format(tmp_path):
    write(tmp_path, "a1.txt", ARTICLE)
    meta = write(
        tmp_path, "meta.jsonl", json.dumps({"doc": "a1", "url": None, "outlet": "X", "published": "2024-04-09"})
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--meta", str(meta), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [tuple(r) for r in rows] == [FORMAT_FIELDS, FORMAT_FIELDS]
    assert [(r["doc"], r["value"], r["category"], r["period_end"]) for r in rows] == [
        ("a1", 1500, "personnel", "2024-04-09"),
        ("a1", 28, "tanks", "2024-04-09"),
    ]


def test_cli_extract_evidence_and_published(tmp_path):
    path = write(tmp_path, "a2.txt", ARTICLE)
    result = runner.invoke(app, ["extract", str(path), "--published", "2024-04-09", "--format", "jsonl", "--evidence"])
    row = json.loads(result.stdout.splitlines()[0])
    assert ARTICLE[row["span"][0] : row["span"][1]] == "1,500"
    assert row["rules"] and row["period_start"] == "2024-04-09"


def test_cli_extract_csv_and_table(tmp_path):
    path = write(tmp_path, "a3.txt", ARTICLE)
    result = runner.invoke(app, ["extract", str(path), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["value"] for r in rows] == ["1500", "28"]
    table = runner.invoke(app, ["extract", str(path)])
    assert table.exit_code == 0 and "2 claims" in table.stdout


def test_cli_extract_bad_files_are_named_and_the_rest_goes_on(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "binary.txt", b"\x00\x01\x02PNG" * 20)
    write(tmp_path, "latin1.txt", "Ukraine lost 5 tanks in Kharkiv \xe9t\xe9".encode("latin-1"))
    write(tmp_path, "empty.txt", "")
    result = runner.invoke(app, ["extract", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "binary.txt: binary data, not text" in result.stderr
    assert "latin1.txt" not in result.stderr  # undeclared legacy text is detected, not refused
    assert "empty.txt: empty file" in result.stderr
    assert "missing.txt: no such file" in result.stderr
    docs = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
    assert docs == {"good", "latin1"}


def test_cli_extract_samples_run():
    result = runner.invoke(app, ["extract", "--samples", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    docs = {r["doc"] for r in rows}
    assert {"mod-daily-2024-07-17", "general-staff-2023-09-22", "un-civilians-2022-09-27"} <= docs
    assert "aid-2022-09-28" not in docs  # an aid package is not a loss


def test_cli_extract_rejects_bad_options(tmp_path):
    path = write(tmp_path, "a4.txt", ARTICLE)
    assert runner.invoke(app, ["extract", str(path), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(path), "--published", "31/05/2024"]).exit_code == 2
    assert runner.invoke(app, ["extract"]).exit_code == 2


PAGE = (
    '<html><head><meta charset="windows-1251"><title>Update</title>'
    '<meta property="article:published_time" content="2024-04-09"></head><body>'
    '<nav><a href="/">Home</a> 4,500 subscribers</nav><article><h1>Losses update</h1>'
    "<p>Ukraine lost more than 1,500 soldiers and 28 tanks over the past day, the Russian Defence "
    "Ministry said on Tuesday in its daily briefing in Moscow, — сообщило министерство.</p></article>"
    "<footer>Readers 999 class=&quot;x&quot;</footer></body></html>"
)


def test_cli_extract_reads_a_saved_page_as_ingest_does(tmp_path):
    """A saved page goes through the HTML path: declared charset, main text, page date; the
    markup and the page furniture are never read as prose."""
    write(tmp_path, "page.html", PAGE.encode("windows-1251"))
    result = runner.invoke(app, ["extract", str(tmp_path / "page.html"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["value"], r["category"], r["period_end"]) for r in rows] == [
        ("page", 1500, "personnel", "2024-04-09"),
        ("page", 28, "tanks", "2024-04-09"),
    ]
    assert all("<" not in r["sentence"] and "сообщило" in r["sentence"] for r in rows)
    folder = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])  # folders find pages too
    assert folder.stdout == result.stdout
