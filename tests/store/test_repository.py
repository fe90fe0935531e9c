"""The store on SQLite and PostgreSQL: schema, idempotent writes, claims round trip, queries."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, delete, func, inspect, select, update

from attrition.models import Claim, Document, Span
from attrition.sources import content_hash
from attrition.store import open_store
from attrition.store import repository as repo
from attrition.store.db import alembic_config
from attrition.store.tables import claims, document_links, documents, ingest_runs

TEXT = "Kyiv, 3 March. Russia lost 1,200 personnel and 14 tanks, the General Staff said. Other news."


def claim(value: float, category: str = "personnel", *, claimant: str = "UA", part_of: int | None = None) -> Claim:
    start = TEXT.index("1,200")
    return Claim(
        doc="k1", claimant=claimant, claimant_text="the General Staff", subject="RU", event="lost",
        category=category, model=None, value=value, value_max=None, qualifier="exact", rate=None,
        period_start=date(2024, 3, 2), period_end=date(2024, 3, 3), location=None,
        sentence=TEXT[15:81], span=Span(start, start + 5), sentence_span=Span(15, 81),
        rules=("num.plain", "claimant.staff"), statement=0, part_of=part_of,
    )  # fmt: skip


def add(engine: Engine, doc: str = "k1", text: str = TEXT, cl: list[Claim] | None = None) -> repo.AddResult:
    document = Document(id=doc, text=text, published=date(2024, 3, 3), url=f"https://e.org/{doc}", outlet="E")
    with engine.begin() as conn:
        return repo.add_document(
            conn,
            document=document,
            claims=cl or [],
            content_hash=content_hash(text),
            source="x.txt",
            run_id=None,
        )


def test_migrations_create_the_documented_tables(engine: Engine) -> None:
    names = set(inspect(engine).get_table_names())
    assert {
        "documents",
        "claims",
        "document_links",
        "ingest_runs",
        "ingest_errors",
        "alembic_version",
    } <= names
    cols = {c["name"] for c in inspect(engine).get_columns("claims")}
    assert {"claimant", "value", "span_start", "sentence_end", "rules", "part_of", "ordinal", "doc"} <= cols


def test_open_store_migrates_to_head_once(store_url: str) -> None:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    open_store(store_url).dispose()
    engine = open_store(store_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select version_num from alembic_version").scalars().all() == [head]
    engine.dispose()


def test_claims_round_trip_with_evidence(engine: Engine) -> None:
    result = add(engine, cl=[claim(1200), claim(14, "tanks", part_of=0)])
    assert result.new and result.claims == 2
    with engine.connect() as conn:
        rows = repo.query_claims(conn)
    assert [r["value"] for r in rows] == [1200, 14]
    assert isinstance(rows[0]["value"], int)
    first = rows[0]
    assert TEXT[first["span_start"] : first["span_end"]] == "1,200"
    assert first["rules"] == ["num.plain", "claimant.staff"]
    assert rows[1]["part_of"] == 0 and rows[1]["ordinal"] == 1
    assert first["period_start"] == date(2024, 3, 2) and first["published"] == date(2024, 3, 3)
    assert first["outlet"] == "E" and first["url"] == "https://e.org/k1"


def test_same_content_twice_changes_nothing(engine: Engine) -> None:
    first = add(engine, cl=[claim(1200)])
    again = add(engine, doc="other-name", text=TEXT.replace(" ", "  ").upper().lower(), cl=[claim(5)])
    assert not again.new and again.document_id == first.document_id and again.doc == "k1"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(claims)).scalar() == 1


def test_doc_key_collision_gets_a_hash_suffix(engine: Engine) -> None:
    add(engine, doc="report")
    other = add(engine, doc="report", text=TEXT + " A different ending.")
    assert other.new and other.doc.startswith("report-") and other.doc != "report"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [1200, 14, 3]),
        ({"category": "tanks"}, [14, 3]),
        ({"category": "afv"}, [3]),
        ({"category": "air_defense"}, []),
        ({"claimant": "RU"}, [3]),
        ({"subject": "UA"}, []),
        ({"event": "lost"}, [1200, 14, 3]),
        ({"since": date(2024, 3, 3)}, [1200, 14, 3]),
        ({"since": date(2024, 3, 4)}, []),
        ({"until": date(2024, 3, 2)}, []),
        ({"outlet": "E"}, [1200, 14, 3]),
        ({"doc": "nope"}, []),
    ],
)
def test_query_filters(engine: Engine, filters: dict[str, object], expected: list[int]) -> None:
    add(engine, cl=[claim(1200), claim(14, "tanks"), claim(3, "tanks+afv", claimant="RU")])
    with engine.connect() as conn:
        assert [r["value"] for r in repo.query_claims(conn, **filters)] == expected  # type: ignore[arg-type]


def test_deleting_a_document_cascades_to_claims_and_links(engine: Engine) -> None:
    a = add(engine, cl=[claim(1200)])
    b = add(engine, doc="k2", text=TEXT + " Copy.")
    with engine.begin() as conn:
        repo.add_link(conn, doc_a=b.document_id, doc_b=a.document_id, similarity=0.9)
        repo.add_link(conn, doc_a=a.document_id, doc_b=b.document_id, similarity=0.9)  # same pair: once
        assert conn.execute(select(func.count()).select_from(document_links)).scalar() == 1
        conn.execute(delete(documents).where(documents.c.id == a.document_id))
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(claims)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(document_links)).scalar() == 0


def test_list_documents_counts_claims_and_links(engine: Engine) -> None:
    a = add(engine, cl=[claim(1200), claim(14, "tanks")])
    b = add(engine, doc="k2", text=TEXT + " Copy.")
    with engine.begin() as conn:
        repo.add_link(conn, doc_a=a.document_id, doc_b=b.document_id, similarity=0.8)
    with engine.connect() as conn:
        rows = {r["doc"]: r for r in repo.list_documents(conn)}
    assert (rows["k1"]["claims"], rows["k1"]["near_duplicates"]) == (2, 1)
    assert (rows["k2"]["claims"], rows["k2"]["near_duplicates"]) == (0, 1)
    assert "text" not in rows["k1"]


def test_a_new_run_leaves_live_runs_alone_and_marks_dead_ones(engine: Engine) -> None:
    """A run in this (live) process, or silent only briefly on another host, keeps running; a run
    whose process is gone, or silent for too long elsewhere, is marked interrupted."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    host, _ = repo.this_process()
    with engine.begin() as conn:
        live = repo.start_run(conn, sources=["a"])
        dead = repo.start_run(conn, sources=["b"])
        far_live = repo.start_run(conn, sources=["c"])
        far_dead = repo.start_run(conn, sources=["d"])
        conn.execute(update(ingest_runs).where(ingest_runs.c.id == dead).values(pid=dead_pid))
        recent = repo.now() - timedelta(minutes=1)
        old = repo.now() - repo.RUN_STALE_AFTER - timedelta(minutes=1)
        for run_id, beat in ((far_live, recent), (far_dead, old)):
            elsewhere = {"host": host + ".elsewhere", "heartbeat_at": beat}
            conn.execute(update(ingest_runs).where(ingest_runs.c.id == run_id).values(**elsewhere))
    with engine.begin() as conn:
        newest = repo.start_run(conn, sources=["e"])
        repo.add_error(conn, run_id=newest, source="e", error="boom")
    with engine.connect() as conn:
        status = {r["id"]: r["status"] for r in repo.list_runs(conn)}
        assert status == {
            live: "running",
            dead: "interrupted",
            far_live: "running",
            far_dead: "interrupted",
            newest: "running",
        }
        assert [(e["source"], e["error"]) for e in repo.list_errors(conn, run_id=newest)] == [("e", "boom")]
