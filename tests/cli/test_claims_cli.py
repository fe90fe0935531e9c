"""`attrition claims` and `attrition docs`: filters and every output format."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

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


def test_the_output_name_chooses_the_format(db: str, tmp_path: Path) -> None:
    """'-o claims.csv' writes CSV (not a table into a .csv file) and says what it wrote where."""
    import pyarrow.parquet as pq

    for name in ("claims.csv", "claims.jsonl", "claims.parquet"):
        out = tmp_path / name
        result = runner.invoke(app, ["claims", "--db", db, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert f"wrote 3 claims to {out}" in result.output.replace("\n", "")
    assert [r["value"] for r in csv.DictReader((tmp_path / "claims.csv").open(encoding="utf-8"))] == ["40", "900", "40"]
    lines = (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["value"] for line in lines] == [40, 900, 40]
    assert pq.read_table(tmp_path / "claims.parquet").num_rows == 3


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


@pytest.mark.parametrize(
    "command",
    [["claims"], ["claims", "--clusters"], ["documents"], ["docs"], ["check"], ["reference", "list"]],
)
def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "nothing-here.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2, result.output
    assert f"no store at {missing}" in result.output and "Traceback" not in result.output
    assert not missing.exists()


def test_an_unreachable_postgresql_is_one_line(tmp_path: Path) -> None:
    url = "postgresql://someone:secret@127.0.0.1:1/attrition"
    for command in (["claims"], ["ingest", str(tmp_path)]):
        result = runner.invoke(app, [*command, "--db", url])
        assert result.exit_code == 2, result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: cannot open the store")
        assert "secret" not in result.output and "Traceback" not in result.output


def test_filters_are_checked_against_the_vocabularies(db: str) -> None:
    def run(*args: str) -> Any:
        return runner.invoke(app, ["claims", "--db", db, "-f", "jsonl", *args])

    assert {json.loads(x)["subject"] for x in run("--subject", "ru").stdout.splitlines()} == {"RU"}
    for args, hint in [
        (("--category", "tank"), "did you mean 'tanks'"),
        (("--subject", "russia"), "--subject"),
        (("--event", "los"), "did you mean 'lost'"),
        (("--claimant", "ua.general"), "did you mean 'ua.general_staff'"),
        (("--qualifier", "atleast"), "did you mean 'at_least'"),
        (("--outlet", "Kyiv Exampel"), "did you mean 'Kyiv Example'"),
        (("--since", "2024-07-01", "--until", "2024-05-01"), "after --until"),
    ]:
        result = run(*args)
        assert result.exit_code == 2 and hint in result.output, (args, result.output)
    assert [json.loads(x)["doc"] for x in run("--outlet", "kyiv example").stdout.splitlines()] == ["d1", "d1"]
    later = runner.invoke(app, ["documents", "--db", db, "--since", "2024-07-01", "--until", "2024-05-01"])
    assert later.exit_code == 2 and "after --until" in later.output
    check = runner.invoke(app, ["check", "--db", db, "--claimant", "ru.moD", "--no-store", "-f", "json"])
    assert check.exit_code == 0, check.output  # any case
    assert runner.invoke(app, ["check", "--db", db, "--claimant", "ru.mdo"]).exit_code == 2


def test_claims_clusters_honours_every_filter(db: str) -> None:
    def clusters(*args: str) -> list[dict[str, Any]]:
        result = runner.invoke(app, ["claims", "--db", db, "-f", "jsonl", "--clusters", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(x) for x in result.stdout.splitlines()]

    everything = clusters()
    assert len(everything) == 3
    assert {c["category"] for c in clusters("--category", "personnel")} == {"personnel"}
    late = clusters("--since", "2024-06-01")
    assert [c["docs"] for c in late] == [["d2"]]
    assert clusters("--outlet", "wire example") == late
    assert {c["claimant"] for c in clusters("--claimant", "UA")} == {"UA"}
    assert clusters("--doc", "d1", "--category", "tanks+afv") == []


def test_exports_keep_one_schema_and_lists_when_empty(db: str, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    full, empty = tmp_path / "full.parquet", tmp_path / "empty.parquet"
    made = runner.invoke(app, ["claims", "--db", db, "-f", "parquet", "-o", str(full)])
    assert made.exit_code == 0 and f"wrote 3 claims to {full} (parquet)" in made.output
    none = runner.invoke(app, ["claims", "--db", db, "--doc", "nope", "-f", "parquet", "-o", str(empty)])
    assert none.exit_code == 0 and f"wrote 0 claims to {empty}" in none.output
    a, b = pq.read_table(full), pq.read_table(empty)
    assert b.num_rows == 0 and a.schema.equals(b.schema)
    assert pa.types.is_list(b.schema.field("rules").type) and b.schema.field("rules").type.value_type == pa.string()
    assert str(b.schema.field("value").type) == "double" and str(b.schema.field("published").type) == "date32[day]"
    assert a.column("rules").to_pylist()[0] == ["r1"]
    header = runner.invoke(app, ["claims", "--db", db, "--doc", "nope", "-f", "csv"]).stdout.splitlines()
    full_header = runner.invoke(app, ["claims", "--db", db, "-f", "csv"]).stdout.splitlines()[0]
    assert header == [full_header]
    line = json.loads(runner.invoke(app, ["claims", "--db", db, "-f", "jsonl"]).stdout.splitlines()[0])
    assert line["rules"] == ["r1"]
    clusters = tmp_path / "clusters.parquet"
    runner.invoke(app, ["claims", "--db", db, "--clusters", "--doc", "nope", "-f", "parquet", "-o", str(clusters)])
    assert pa.types.is_list(pq.read_table(clusters).schema.field("docs").type)
    out = tmp_path / "claims.csv"
    wrote = runner.invoke(app, ["claims", "--db", db, "-f", "csv", "-o", str(out)])
    assert f"wrote 3 claims to {out} (csv)" in wrote.output and len(out.read_text().splitlines()) == 4


def test_period_window_selects_claims_whose_period_overlaps_it(tmp_path: Path) -> None:
    from dataclasses import replace

    url = str(tmp_path / "periods.db")
    engine = open_store(url)
    periods = {
        "may": (date(2024, 5, 1), date(2024, 5, 31)),
        "day": (date(2024, 6, 3), date(2024, 6, 3)),
        "war": (date(2022, 2, 24), date(2024, 6, 10)),
    }
    with engine.begin() as conn:
        for doc, (start, end) in [*periods.items(), ("undated", (None, None))]:
            text = f"{TEXT} {doc}"
            cl = [replace(make_claim(40, "tanks"), period_start=start, period_end=end)]
            repo.add_document(conn, claims=cl, document=Document(id=doc, text=text, published=date(2024, 6, 11)),
                              content_hash=content_hash(text), source=None, run_id=None)  # fmt: skip
    engine.dispose()

    def docs(*args: str) -> set[str]:
        result = runner.invoke(app, ["claims", "--db", url, "-f", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return {json.loads(x)["doc"] for x in result.stdout.splitlines()}

    assert docs("--period-from", "2024-06-01", "--period-to", "2024-06-05") == {"day", "war"}
    assert docs("--period-to", "2024-05-01") == {"may", "war"}
    assert docs("--period-from", "2024-06-04") == {"war"}
    assert docs("--since", "2024-06-11") == {"may", "day", "war", "undated"}  # --since is publication
    bad = runner.invoke(app, ["claims", "--db", url, "--period-from", "2024-06-05", "--period-to", "2024-06-01"])
    assert bad.exit_code == 2 and "after --period-to" in bad.output


def test_the_claims_table_fits_80_columns_and_shows_the_figure_as_stated(tmp_path: Path) -> None:
    from dataclasses import replace

    url = str(tmp_path / "wide.db")
    sentence = "Russia lost over 2,000 soldiers " + "and a great many other things besides " * 6 + "the staff said."
    engine = open_store(url)
    with engine.begin() as conn:
        start = sentence.index("2,000")
        cl = [replace(make_claim(40, "personnel"), value=2000, qualifier="at_least", sentence=sentence,
                      span=Span(start, start + 5), sentence_span=Span(0, len(sentence)),
                      period_start=date(2022, 2, 24), period_end=date(2024, 5, 31))]  # fmt: skip
        repo.add_document(conn, claims=cl, document=Document(id="w", text=sentence, published=date(2024, 6, 1),
                          outlet="A Rather Long Outlet Name"), content_hash=content_hash(sentence), source=None,
                          run_id=None)  # fmt: skip
    engine.dispose()
    table = runner.invoke(app, ["claims", "--db", url], terminal_width=80)
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    assert "over 2,000" in table.stdout and "war..2024-05-31" in table.stdout
    assert "…" in table.stdout and "the staff said." not in table.stdout  # cut, not wrapped
    row = next(line for line in lines if "over 2,000" in line)
    assert row.split()[3:6] == ["UA", "RU", "personnel"]  # the claimant and category whole, not "perso…"
    assert "A Rather" in row  # the outlet gives way with an ellipsis, but reads
    sentence = lines[lines.index(row) + 1]
    assert sentence.lstrip().startswith("Russia lost over 2,000 soldiers and a great") and sentence.endswith("…")
    roomy = runner.invoke(app, ["claims", "--db", url], env={"COLUMNS": "200"}).stdout.splitlines()
    row = next(line for line in roomy if "over 2,000" in line)  # room enough: one line, sentence inline
    assert "A Rather Long Outlet Name  Russia lost over 2,000" in row and row.endswith("…") and len(row) <= 200
    wide = runner.invoke(app, ["claims", "--db", url, "--wide"], terminal_width=80)
    assert "rules_hash" in wide.stdout and "the staff said." in wide.stdout.replace("\n", " ")


def test_the_quick_start_reads_at_80_columns_in_under_60_lines(tmp_path: Path) -> None:
    """The README's first command on the bundled samples, looked at as a user would."""
    url = str(tmp_path / "samples.db")
    assert runner.invoke(app, ["ingest", "--samples", "--db", url]).exit_code == 0
    shown = runner.invoke(app, ["claims", "--db", url], terminal_width=80)
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert len(lines) < 60 and max(len(line) for line in lines) <= 80
    with open_store(url).connect() as conn:
        stored = repo.query_claims(conn)
    assert stored and lines[0] == f"{len(stored)} claims"
    for claim in stored:  # each claim's claimant, side and category in full on its row
        assert any(f"{claim['claimant']} " in line and f" {claim['category']}" in line for line in lines)


@pytest.mark.parametrize("view", [["documents"], ["claims", "--clusters"]])
def test_documents_and_clusters_fit_80_columns_with_their_keys_whole(tmp_path: Path, view: list[str]) -> None:
    url = str(tmp_path / "samples.db")
    assert runner.invoke(app, ["ingest", "--samples", "--db", url]).exit_code == 0
    shown = runner.invoke(app, [*view, "--db", url], terminal_width=80)
    assert shown.exit_code == 0, shown.output
    assert max(len(line) for line in shown.stdout.splitlines()) <= 80
    rows = [json.loads(x) for x in runner.invoke(app, [*view, "--db", url, "-f", "jsonl"]).stdout.splitlines()]
    key = "doc" if view == ["documents"] else "cluster"
    assert rows and all(r[key] in shown.stdout for r in rows)  # the key to cite or filter by, never cut
