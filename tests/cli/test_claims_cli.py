"""`attrition claims` and `attrition docs`: filters and every output format."""

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
from attrition.sources import content_hash
from attrition.store import open_store
from attrition.store import repository as repo

runner = CliRunner()
TEXT = "Russia lost 40 tanks and 900 personnel, Ukraine's General Staff said on Monday."


def make_claim(value: int, category: str, claimant: str = "UA") -> Claim:
    start = TEXT.index(str(value))
    return Claim(
        doc="d1", claimant=claimant, claimant_text="Ukraine's General Staff", subject="RU", event="lost",
        category=category, model=None, value=value, value_max=None, qualifier="exact", rate=None,
        period_start=None, period_end=None, location=None, sentence=TEXT,
        span=Span(start, start + len(str(value))), sentence_span=Span(0, len(TEXT)), rules=("r1",),
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = str(tmp_path / "claims.db")
    engine = open_store(url)
    with engine.begin() as conn:
        for doc, published, outlet, cl in [
            ("d1", date(2024, 5, 6), "Kyiv Example", [make_claim(40, "tanks"), make_claim(900, "personnel")]),
            ("d2", date(2024, 7, 1), "Wire Example", [make_claim(40, "tanks+afv", claimant="RU")]),
        ]:
            text = TEXT + (" Later report." if doc == "d2" else "")
            repo.add_document(
                conn,
                claims=cl,
                document=Document(id=doc, text=text, published=published, outlet=outlet, title=f"T {doc}"),
                content_hash=content_hash(text),
                source=f"{doc}.txt",
                run_id=None,
            )
    engine.dispose()
    return url


def test_jsonl_has_exchange_format_fields_and_evidence(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["value"], r["category"]) for r in rows] == [
        ("d1", 40, "tanks"), ("d1", 900, "personnel"), ("d2", 40, "tanks+afv"),
    ]  # fmt: skip
    assert rows[0]["published"] == "2024-05-06" and rows[0]["claimant_text"] == "Ukraine's General Staff"
    assert TEXT[rows[1]["span_start"] : rows[1]["span_end"]] == "900"


@pytest.mark.parametrize(
    ("args", "docs_values"),
    [
        (["--category", "tanks"], [("d1", "40"), ("d2", "40")]),
        (["--claimant", "RU"], [("d2", "40")]),
        (["--since", "2024-06-01"], [("d2", "40")]),
        (["--until", "2024-06-01", "--category", "personnel"], [("d1", "900")]),
        (["--outlet", "Wire Example"], [("d2", "40")]),
        (["--doc", "d1", "--event", "lost"], [("d1", "40"), ("d1", "900")]),
        (["--subject", "UA"], []),
    ],
)
def test_csv_with_filters(db: str, args: list[str], docs_values: list[tuple[str, str]]) -> None:
    result = runner.invoke(app, ["claims", "--db", db, "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["doc"], r["value"]) for r in rows] == docs_values


def test_parquet_output(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "claims.parquet"
    result = runner.invoke(app, ["claims", "--db", db, "--format", "parquet", "--output", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 3 and table.column("value").to_pylist() == [40, 900, 40]


def test_parquet_needs_an_output_file(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db, "--format", "parquet"])
    assert result.exit_code == 2 and "--output" in result.output


def test_table_and_bad_arguments(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "3 claims" in result.stdout and "tanks+afv" in result.stdout
    assert runner.invoke(app, ["claims", "--db", db, "--since", "May 5"]).exit_code == 2
    assert runner.invoke(app, ["claims", "--db", db, "--format", "xml"]).exit_code == 2


def test_docs_lists_documents_with_claim_counts(db: str) -> None:
    result = runner.invoke(app, ["docs", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["claims"], r["outlet"], r["published"]) for r in rows] == [
        ("d1", 2, "Kyiv Example", "2024-05-06"), ("d2", 1, "Wire Example", "2024-07-01"),
    ]  # fmt: skip
    assert "text" not in rows[0]
    table = runner.invoke(app, ["docs", "--db", db, "--outlet", "Wire Example"])
    assert "1 documents" in table.stdout and "T d2" in table.stdout


def test_claims_by_stable_id_and_by_cluster(db: str) -> None:
    rows = [json.loads(line) for line in runner.invoke(app, ["claims", "--db", db, "-f", "jsonl"]).stdout.splitlines()]
    digest = content_hash(TEXT)
    first = rows[0]
    assert first["id"] == f"{digest[:12]}-{first['span_start']}-{first['span_end']}"
    assert all(r["cluster"] and r["cluster"].startswith("k") for r in rows)  # reconciled on the way
    one = runner.invoke(app, ["claims", "--db", db, "-f", "jsonl", "--id", first["id"]])
    assert [json.loads(x)["id"] for x in one.stdout.splitlines()] == [first["id"]]
    members = runner.invoke(app, ["claims", "--db", db, "-f", "jsonl", "--cluster", first["cluster"]])
    got = [json.loads(x) for x in members.stdout.splitlines()]
    assert got and {r["cluster"] for r in got} == {first["cluster"]}
    assert {r["id"] for r in got} == {r["id"] for r in rows if r["cluster"] == first["cluster"]}
    clusters = runner.invoke(app, ["claims", "--db", db, "-f", "jsonl", "--clusters"])
    listed = {json.loads(x)["cluster"]: json.loads(x) for x in clusters.stdout.splitlines()}
    assert first["cluster"] in listed and first["id"] in listed[first["cluster"]]["claim_ids"]
