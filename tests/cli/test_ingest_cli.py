"""`attrition ingest` from the command line: summary, errors on stderr, exit codes, --samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

import attrition.cli.ingest as ingest_cli
from attrition import extract_document
from attrition.cli import app
from attrition.models import Document
from attrition.store import open_store
from attrition.store.tables import claims, documents
from ingest_helpers import CLAIM_SENTENCE, LocalServer, article_html, article_text

runner = CliRunner()


def summary_row(output: str) -> list[int]:
    """The numbers of the summary table (new, duplicate, near-duplicate, failed, claims)."""
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if len(cells) == 5 and all(c.isdigit() for c in cells):
            return [int(c) for c in cells]
    raise AssertionError(f"no summary row in:\n{output}")


def test_ingest_prints_a_summary_and_reports_bad_sources(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(article_text(1), encoding="utf-8")
    (tmp_path / "two.txt").write_text(article_text(2), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert result.exit_code == 1, result.output  # one source failed: not a clean run
    assert summary_row(result.stdout) == [2, 0, 0, 1, 0]
    assert "1 source(s) failed:" in result.stderr
    assert f"{tmp_path / 'empty.txt'}: empty file" in result.stderr

    again = runner.invoke(app, ["ingest", str(tmp_path / "one.txt"), "--db", db])
    assert summary_row(again.stdout) == [0, 1, 0, 0, 0]


def test_ingest_with_progress_bar_forced_on(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(article_text(3), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--progress"])
    assert result.exit_code == 1, result.output
    assert summary_row(result.stdout) == [1, 0, 0, 1, 0]
    assert "bad.txt: binary data" in result.stderr  # errors are listed after the bar


def test_all_sources_failing_exits_non_zero(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.stderr


def test_ingest_needs_a_source() -> None:
    result = runner.invoke(app, ["ingest"])
    assert result.exit_code == 2
    assert "--samples" in result.output


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTRITION_DB", str(tmp_path / "env.db"))
    (tmp_path / "one.txt").write_text(article_text(4), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "one.txt")]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_samples_flag_ingests_bundled_articles_with_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "s1.txt").write_text(article_text(5, claim=True), encoding="utf-8")
    (samples / "s2.txt").write_text(article_text(6), encoding="utf-8")
    meta = {
        "doc": "s1",
        "url": "https://wire.example.net/s1",
        "outlet": "Example Wire",
        "published": "2024-06-01",
    }
    (samples / "meta.jsonl").write_text(json.dumps(meta) + "\n", encoding="utf-8")
    monkeypatch.setattr(ingest_cli, "samples_dir", lambda: samples)
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", "--samples", "--db", db])
    assert result.exit_code == 0, result.output
    engine = open_store(db)
    with engine.connect() as conn:
        rows = conn.execute(select(documents.c.doc, documents.c.outlet, documents.c.url).order_by("doc")).all()
        n_claims = conn.execute(select(func.count()).select_from(claims)).scalar_one()
        text = conn.execute(select(documents.c.text).where(documents.c.doc == "s1")).scalar_one()
    engine.dispose()
    assert [tuple(r) for r in rows] == [("s1", "Example Wire", meta["url"]), ("s2", None, None)]
    assert CLAIM_SENTENCE in text
    # Robust to the extractor's progress: whatever it finds in the text is what gets stored.
    assert n_claims == len(extract_document(Document(id="s1", text=text)))
    assert summary_row(result.stdout)[4] == n_claims


def test_real_bundled_samples_when_present(tmp_path: Path) -> None:
    files = sorted(ingest_cli.samples_dir().glob("*.txt"))
    if not files:
        pytest.skip("no bundled samples yet (attrition/samples/*.txt)")
    result = runner.invoke(app, ["ingest", "--samples", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    new, duplicate, near, failed, _ = summary_row(result.stdout)
    assert failed == 0 and new + duplicate + near == len(files)


def test_allow_private_flag_controls_loopback_urls(tmp_path: Path, server: LocalServer) -> None:
    url = server.page("/story", article_html(90))
    db = str(tmp_path / "s.db")
    refused = runner.invoke(app, ["ingest", url, "--db", db])
    assert refused.exit_code == 1 and f"{url}: refused" in refused.stderr and server.hits == []
    allowed = runner.invoke(app, ["ingest", url, "--db", db, "--allow-private"])
    assert allowed.exit_code == 0 and summary_row(allowed.stdout) == [1, 0, 0, 0, 0]
    assert runner.invoke(app, ["docs", "--db", db, "--format", "jsonl"]).stdout.count('"doc"') == 1


def test_ingest_meta_file_names_outlet_and_date(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a7.txt").write_text(CLAIM_SENTENCE + "\n", encoding="utf-8")
    meta = tmp_path / "meta.jsonl"
    meta.write_text(json.dumps({"doc": "a7", "url": None, "outlet": "Example Wire", "published": "2024-04-09"}) + "\n")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--meta", str(meta)])
    assert result.exit_code == 0, result.output
    engine = open_store(db)
    with engine.connect() as conn:
        row = conn.execute(select(documents.c.outlet, documents.c.published)).one()
    engine.dispose()
    assert (row.outlet, str(row.published)) == ("Example Wire", "2024-04-09")


def test_ingest_broken_meta_file_is_refused(tmp_path: Path) -> None:
    meta = tmp_path / "meta.jsonl"
    meta.write_text("{not json\n")
    result = runner.invoke(app, ["ingest", "--samples", "--db", str(tmp_path / "s.db"), "--meta", str(meta)])
    assert result.exit_code == 2
    assert "meta.jsonl:1" in result.output


@pytest.mark.parametrize(
    "line",
    [
        '{"doc": "a", "published": "last Tuesday"}',
        '{"doc": "a", "published": 20240506}',
        '{"doc": "a", "url": 5}',
        '{"doc": "a", "outlet": ["x"]}',
        "[" * 100_000 + "]" * 100_000,
    ],
)
def test_broken_meta_lines_are_one_error_naming_the_line(tmp_path: Path, line: str) -> None:
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"doc": "ok", "published": "2024-05-06"}\n' + line + "\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Russia lost 40 tanks, Ukraine's General Staff said.\n", encoding="utf-8")
    for command in (["ingest", "--db", str(tmp_path / "s.db")], ["extract"]):
        result = runner.invoke(app, [*command, str(article), "--meta", str(meta)])
        assert result.exit_code == 2, result.output
        assert "meta.jsonl:2:" in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_meta_may_be_repeated_and_a_conflict_names_both_files(tmp_path: Path) -> None:
    import json

    (tmp_path / "a.txt").write_text(article_text(11), encoding="utf-8")
    (tmp_path / "b.txt").write_text(article_text(12), encoding="utf-8")
    one, two, clash = tmp_path / "one.jsonl", tmp_path / "two.jsonl", tmp_path / "clash.jsonl"
    one.write_text(json.dumps({"doc": "a", "outlet": "Outlet A", "published": "2024-05-01"}) + "\n", encoding="utf-8")
    two.write_text(json.dumps({"doc": "b", "outlet": "Outlet B", "published": "2024-05-02"}) + "\n", encoding="utf-8")
    clash.write_text(json.dumps({"doc": "a", "outlet": "Other", "published": "2024-05-01"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    bad = runner.invoke(app, ["ingest", *files, "--db", db, "--meta", str(one), "--meta", str(clash)])
    assert bad.exit_code == 2 and str(one) in bad.output and str(clash) in bad.output and "outlet" in bad.output
    ok = runner.invoke(app, ["ingest", *files, "--db", db, "--meta", str(one), "--meta", str(two)])
    assert ok.exit_code == 0, ok.output
    listed = runner.invoke(app, ["documents", "--db", db, "-f", "jsonl"]).stdout.splitlines()
    assert sorted(json.loads(x)["outlet"] for x in listed) == ["Outlet A", "Outlet B"]
