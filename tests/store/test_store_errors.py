"""A store that cannot be used gets one line naming it and what to do, and exit status 2.

Read-only, full, unreachable, or made by a newer release: on SQLite and PostgreSQL, through the
library (`StoreError`) and the CLI (no traceback), and nothing already stored is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

import attrition.ingest as ingest_module
from attrition.cli import app
from attrition.ingest import ingest
from attrition.store import StoreError, open_store
from attrition.store.errors import explain
from attrition.store.tables import documents

runner = CliRunner()
ARTICLE = "Ukraine's General Staff said on Monday that Russia lost {n} tanks near Avdiivka. " * 40


def articles(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        (folder / f"a{i}.txt").write_text(ARTICLE.format(n=100 + i) + f"Report {i}.\n" * 20, encoding="utf-8")
    return folder


def one_line_error(result: Any, *words: str) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.output
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_store_from_a_newer_release_is_refused(store_url: str) -> None:
    engine = open_store(store_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    engine.dispose()
    with pytest.raises(StoreError) as info:
        open_store(store_url)
    assert info.value.reason == "newer" and "9999_from_the_future" in str(info.value)
    for command in (["claims"], ["docs"], ["check"], ["reference", "list"]):
        one_line_error(runner.invoke(app, [*command, "--db", store_url]), "newer release", "upgrade Attrition")


def _read_only_url(store_url: str) -> str:
    """The same store opened read-only: a read-only SQLite URI, or a PostgreSQL database whose
    sessions are read-only (root bypasses file permissions, so chmod cannot be the test)."""
    if store_url.startswith("sqlite:///"):
        return f"sqlite:///file:{store_url.removeprefix('sqlite:///')}?mode=ro&uri=true"
    import psycopg

    with psycopg.connect(store_url, autocommit=True) as conn:
        name = conn.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
        conn.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    return store_url


def test_a_read_only_store_reads_but_refuses_writes_in_one_line(store_url: str, tmp_path: Path) -> None:
    ingest([str(articles(tmp_path / "in", 1))], db_url=store_url)
    url = _read_only_url(store_url)
    listing = runner.invoke(app, ["claims", "--db", url, "--format", "jsonl"])
    assert listing.exit_code == 0, listing.output
    assert listing.stdout.count("\n") >= 1
    more = articles(tmp_path / "more", 1, start=5)
    one_line_error(runner.invoke(app, ["ingest", "--db", url, str(more)]), "read-only", "writable copy")
    with pytest.raises(StoreError) as info:
        ingest([str(more)], db_url=url)
    assert info.value.reason == "read_only"


def test_a_full_disk_stops_the_batch_and_keeps_what_was_stored(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's page limit stands in for a full disk: the same SQLITE_FULL error."""
    ingest([str(articles(tmp_path / "first", 2))], db_url=sqlite_url)
    engine = open_store(sqlite_url)
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
    engine.dispose()

    def full_store(url: str | None = None, **kwargs: Any) -> Any:
        eng = open_store(url, **kwargs)

        @event.listens_for(eng, "connect")
        def _limit(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 3}")

        eng.dispose()  # new connections get the limit
        return eng

    monkeypatch.setattr(ingest_module, "open_store", full_store)
    result = runner.invoke(app, ["ingest", "--db", sqlite_url, str(articles(tmp_path / "second", 30, start=10))])
    one_line_error(result, "is full", "free some space", sqlite_url.removeprefix("sqlite:///"))
    engine = open_store(sqlite_url)
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(documents)).scalar_one()
    engine.dispose()
    assert 2 <= stored < 32  # the first batch whole, the second cut where the disk filled


def test_postgres_disk_full_is_named() -> None:
    import psycopg.errors

    exc = OperationalError("INSERT ...", {}, psycopg.errors.DiskFull("could not extend file: No space left on device"))
    problem = explain(exc, "postgresql+psycopg://u:secret@db.example:5432/attrition")
    assert problem is not None and problem.reason == "disk_full"
    assert "secret" not in str(problem) and "db.example" in str(problem)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://attrition@127.0.0.1:1/attrition", ("cannot open the store", "127.0.0.1:1", "server is running")),
        ("/nonexistent-folder/sub/store.db", ("cannot open the store", "/nonexistent-folder/sub/store.db", "folder")),
    ],
)
def test_an_unreachable_store_is_one_line(url: str, words: tuple[str, ...]) -> None:
    for command in (["claims"], ["ingest", "--samples"], ["reference", "list"]):
        one_line_error(runner.invoke(app, [*command, "--db", url]), *words)


def test_unreachable_postgres_password_is_not_printed() -> None:
    result = runner.invoke(app, ["docs", "--db", "postgresql://attrition:hunter2@127.0.0.1:1/x"])
    line = one_line_error(result, "cannot open the store")
    assert "hunter2" not in line


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_an_export_to_a_full_disk_is_one_line(sqlite_url: str, tmp_path: Path, fmt: str) -> None:
    ingest([str(articles(tmp_path / "in", 1))], db_url=sqlite_url)
    result = runner.invoke(app, ["claims", "--db", sqlite_url, "--format", fmt, "-o", "/dev/full"])
    one_line_error(result, "cannot write", "No space left on device")


@pytest.mark.parametrize(
    "url",
    ["mysql://x/db", "nosuchdialect://x", "postgresql://u:hunter2@localhost:notaport/db"],
)
def test_a_misconfigured_store_url_is_one_line_without_the_password(url: str) -> None:
    """An unknown dialect, a driver Attrition does not ship, a bad port: one line, exit 2."""
    result = CliRunner().invoke(app, ["claims", "--db", url])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: cannot use the store URL") and len(result.output.splitlines()) == 1
    assert "hunter2" not in result.output and "Traceback" not in result.output
