"""The language of each document: stored, detected for old rows by the migration, filtered on.

Sentences and figures are written for these tests.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert, select
from typer.testing import CliRunner

from attrition.cli import app
from attrition.ingest import ingest
from attrition.models import Claim, Document, Span
from attrition.query.claims import ClaimFilter, count_claims, languages, page_claims
from attrition.query.documents import DocumentFilter, page_documents
from attrition.store import open_store
from attrition.store import repository as repo
from attrition.store.db import migrate
from attrition.store.tables import documents
from attrition.web import create_app

UK = "Генштаб ЗСУ повідомив, що за минулу добу знищено 12 танків противника на сході."
RU = "Минобороны России сообщило, что за минувшие сутки уничтожено 12 танков противника."
EN = "The General Staff said 12 Russian tanks were destroyed over the past day in the east."


def _claim(text: str) -> Claim:
    at = text.index("12")
    return Claim(
        doc=None, claimant="ua.general_staff", claimant_text=None, subject="RU", event="lost", category="tanks",
        model=None, value=12, value_max=None, qualifier="exact", rate=None, period_start=None, period_end=None,
        location=None, sentence=text, span=Span(at, at + 2), sentence_span=Span(0, len(text)), rules=("test",),
    )  # fmt: skip


def _add(engine: Engine, doc: str, text: str, lang: str | None) -> None:
    with engine.begin() as conn:
        repo.add_document(
            conn, document=Document(id=doc, text=text, published=date(2024, 6, 1), lang=lang, outlet="Example"),
            claims=[_claim(text)], content_hash=hashlib.sha256(text.encode()).hexdigest(), source=None, run_id=None,
        )  # fmt: skip


@pytest.fixture
def store(engine: Engine) -> Engine:
    _add(engine, "uk-1", UK, "uk")
    _add(engine, "ru-1", RU, "ru")
    _add(engine, "en-1", EN, "en")
    return engine


def test_the_language_is_stored_and_filters_claims_and_documents(store: Engine) -> None:
    with store.connect() as conn:
        assert [r["doc"] for r in repo.query_claims(conn, lang="uk")] == ["uk-1"]
        assert [r["lang"] for r in repo.query_claims(conn, lang="RU")] == ["ru"]
        assert [r["doc"] for r in repo.list_documents(conn, lang="en")] == ["en-1"]
        assert count_claims(conn, ClaimFilter(lang="uk")) == 1
        assert count_claims(conn, ClaimFilter()) == 3
        assert [c["doc"] for c in page_claims(conn, ClaimFilter(lang="ru")).items] == ["ru-1"]
        assert [d["doc"] for d in page_documents(conn, DocumentFilter(lang="uk")).items] == ["uk-1"]
        assert languages(conn) == ["en", "ru", "uk"]


def test_the_migration_detects_the_language_of_documents_stored_before(sqlite_url: str) -> None:
    engine = open_store(sqlite_url, upgrade=False)
    migrate(engine, "0006_run_owner")
    with engine.begin() as conn:
        for i, text in enumerate((UK, RU, "12 (+3)")):
            conn.execute(
                insert(documents.c.doc.table).values(
                    doc=f"old-{i}", content_hash=f"h{i}", text=text, ingested_at=datetime(2024, 6, 1)
                )
            )
    migrate(engine)
    with engine.connect() as conn:
        rows = dict(conn.execute(select(documents.c.doc, documents.c.lang).order_by(documents.c.doc)).all())
    assert rows == {"old-0": "uk", "old-1": "ru", "old-2": None}
    engine.dispose()


def test_ingest_detects_the_language_unless_told(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(UK, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(RU, encoding="utf-8")
    engine = open_store(sqlite_url)
    ingest([str(tmp_path / "in")], engine=engine)
    (tmp_path / "c.txt").write_text(EN + " Another line, written for the override.", encoding="utf-8")
    ingest([str(tmp_path / "c.txt")], engine=engine, lang="uk")
    with engine.connect() as conn:
        got = {r["doc"]: r["lang"] for r in repo.list_documents(conn)}
    engine.dispose()
    assert got == {"a": "uk", "b": "ru", "c": "uk"}


def test_cli_claims_and_docs_filter_by_language(tmp_path: Path) -> None:
    url = str(tmp_path / "s.db")
    engine = open_store(url)
    _add(engine, "uk-1", UK, "uk")
    _add(engine, "en-1", EN, "en")
    engine.dispose()
    runner = CliRunner()
    out = runner.invoke(app, ["claims", "--db", url, "--lang", "uk", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert "uk-1" in out.output and "en-1" not in out.output
    out = runner.invoke(app, ["docs", "--db", url, "--lang", "en", "--format", "csv"])
    assert "en-1" in out.output and "uk-1" not in out.output
    bad = runner.invoke(app, ["claims", "--db", url, "--lang", "ukrainian!"])
    assert bad.exit_code != 0 and "--lang" in bad.output


def test_cli_extract_lang_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "gs.txt"
    path.write_text(UK, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["extract", str(path), "--lang", "xx-YY", "--format", "jsonl"])
    assert out.exit_code == 0, out.output  # an unknown language is read with the English data
    bad = runner.invoke(app, ["extract", str(path), "--lang", "12"])
    assert bad.exit_code != 0


def test_api_filters_by_language(store: Engine) -> None:
    with TestClient(create_app(store)) as client:
        got = client.get("/api/claims", params={"lang": "uk"}).json()
        assert [c["doc"] for c in got["items"]] == ["uk-1"]
        assert got["items"][0]["lang"] == "uk"
        docs = client.get("/api/documents", params={"lang": "ru"}).json()
        assert [d["doc"] for d in docs["items"]] == ["ru-1"] and docs["items"][0]["lang"] == "ru"
        assert client.get("/api/claims", params={"lang": "<b>"}).status_code == 422
        page = client.get("/claims", params={"lang": "en"})
        assert page.status_code == 200 and "in the east" in page.text and "знищено" not in page.text
