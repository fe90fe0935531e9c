"""`attrition.ingest` end to end on SQLite and PostgreSQL: idempotence, near-duplicates,
the bad-input matrix, and resuming after `kill -9`."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from attrition import extract_document
from attrition.ingest import ingest
from attrition.models import Document
from attrition.sources import FetchPolicy
from attrition.store import repository as repo
from attrition.store.tables import claims, document_links, documents, ingest_errors, ingest_runs
from ingest_helpers import CLAIM_SENTENCE, LocalServer, article_html, article_text, slow_route


def count(engine: Engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def expected_claims(engine: Engine) -> int:
    """What the extractor finds in the stored documents (robust to the extractor's progress)."""
    with engine.connect() as conn:
        rows = conn.execute(select(documents.c.doc, documents.c.text, documents.c.published)).all()
    return sum(len(extract_document(Document(id=d, text=t, published=p))) for d, t, p in rows)


def write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"article-{i:03d}.txt"
        path.write_text(article_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def test_ingest_then_reingest_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 4)
    first = ingest([str(tmp_path / "in")], engine=engine)
    assert (first.new, first.duplicate, first.failed, first.status) == (4, 0, 0, "finished")
    with engine.connect() as conn:
        before = [tuple(r) for r in conn.execute(select(documents).order_by(documents.c.id))]
    again = ingest([str(tmp_path / "in")], engine=engine)
    assert (again.new, again.duplicate, again.near_duplicate) == (0, 4, 0)
    with engine.connect() as conn:
        after = [tuple(r) for r in conn.execute(select(documents).order_by(documents.c.id))]
        runs = conn.execute(select(ingest_runs.c.status, ingest_runs.c.new, ingest_runs.c.duplicate)).all()
    assert before == after
    assert sorted(runs) == [("finished", 0, 4), ("finished", 4, 0)]


def test_claims_are_stored_as_the_extractor_returns_them(engine: Engine, tmp_path: Path) -> None:
    text = article_text(7, claim=True)
    (tmp_path / "claim.txt").write_text(text, encoding="utf-8")
    summary = ingest([str(tmp_path / "claim.txt")], engine=engine)
    with engine.connect() as conn:
        stored_text, published = conn.execute(select(documents.c.text, documents.c.published)).one()
    expected = extract_document(Document(id="claim", text=stored_text, published=published))
    assert CLAIM_SENTENCE in stored_text
    assert summary.claims == len(expected) == count(engine, claims)
    with engine.connect() as conn:
        rows = repo.query_claims(conn, doc="claim")
    assert [r["sentence"] for r in rows] == [c.sentence for c in expected]


def test_same_wire_story_on_two_sites_is_linked_not_merged(engine: Engine, tmp_path: Path) -> None:
    story = article_text(8, words=300)
    (tmp_path / "site-a.txt").write_text("Site A | World\n\n" + story, encoding="utf-8")
    (tmp_path / "site-b.txt").write_text(story + "\nShare this article. Follow Site B on social media.\n")
    (tmp_path / "other.txt").write_text(article_text(9, words=300), encoding="utf-8")
    summary = ingest([str(tmp_path)], engine=engine)
    assert (summary.new, summary.near_duplicate, summary.duplicate) == (2, 1, 0)
    assert count(engine, documents) == 3
    with engine.connect() as conn:
        docs = dict(conn.execute(select(documents.c.id, documents.c.doc)).all())  # type: ignore[arg-type]
        links = conn.execute(select(document_links.c.doc_a, document_links.c.doc_b, document_links.c.kind,
                                    document_links.c.similarity)).all()  # fmt: skip
    assert len(links) == 1
    a, b, kind, similarity = links[0]
    assert {docs[a], docs[b]} == {"site-a", "site-b"} and kind == "near_duplicate" and 0.7 <= similarity < 1


# ----------------------------------------------------------------------------- bad input

Setup = Callable[[Path, LocalServer], str]


def _feed(tmp: Path, srv: LocalServer) -> str:
    good = srv.page("/feed-good", article_html(60))
    items = f"<item><link>{good}</link></item><item><title>no link</title></item>"
    items += f"<item><link>{srv.url('/feed-404')}</link></item>"
    path = tmp / "broken.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>')
    return str(path)


def _truncated_warc(tmp: Path, srv: LocalServer) -> str:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp / "cut.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(2):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://w.example.com/{i}", "response",
                payload=io.BytesIO(article_html(70 + i).encode()), http_headers=headers,
            ))  # fmt: skip
    path.write_bytes(path.read_bytes()[:-200])
    return str(path)


def _big(tmp: Path, srv: LocalServer) -> str:
    path = tmp / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    return str(path)


def _loop(tmp: Path, srv: LocalServer) -> str:
    srv.redirect("/loop-b", "/loop-a")
    return srv.redirect("/loop-a", "/loop-b")


def _slow(tmp: Path, srv: LocalServer) -> str:
    srv.routes["/slow"] = slow_route(3)
    return srv.url("/slow")


def _file(name: str, data: bytes) -> Setup:
    def setup(tmp: Path, srv: LocalServer) -> str:
        (tmp / name).write_bytes(data)
        return str(tmp / name)

    return setup


# (setup, expected error text, errors expected, documents the source itself still yields, allow_private)
BAD: dict[str, tuple[Setup, str, int, int, bool]] = {
    "empty-file": (_file("empty.txt", b""), "empty file", 1, 0, True),
    "binary-file": (_file("blob.txt", bytes(range(256)) * 64), "binary", 1, 0, True),
    "50MB-file": (_big, "too large", 1, 0, True),
    "invalid-utf8": (_file("bad.txt", b"\xef\xbb\xbfKyiv said \xff\xfe 40 drones " * 5), "byte-order mark", 1, 0, True),
    "html-no-article": (_file("menu.html", b"<html><nav>Home</nav></html>"), "no article", 1, 0, True),
    "feed-broken-entries": (_feed, "no link", 2, 1, True),
    "truncated-warc": (_truncated_warc, "truncated", 1, 1, True),
    "url-timeout": (_slow, "timed out", 1, 0, True),
    "url-redirect-loop": (_loop, "redirect loop", 1, 0, True),
    "url-404": (lambda tmp, srv: srv.url("/nothing-here"), "HTTP 404", 1, 0, True),
    "url-127.0.0.1": (lambda tmp, srv: srv.page("/private", article_html(80)), "refused", 1, 0, False),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_matrix(engine: Engine, tmp_path: Path, server: LocalServer, case: str) -> None:
    setup, message, n_errors, n_docs, allow_private = BAD[case]
    write_articles(tmp_path / "before", 2)
    ingest([str(tmp_path / "before")], engine=engine)
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad = setup(bad_dir, server)
    write_articles(tmp_path / "after", 1, start=10)
    policy = FetchPolicy(allow_private=allow_private, connect_timeout=1, read_timeout=0.5)

    summary = ingest([str(tmp_path / "before" / "article-000.txt"), bad, str(tmp_path / "after")],
                     engine=engine, policy=policy)  # fmt: skip

    assert summary.failed == n_errors
    assert summary.new == 1 + n_docs and summary.duplicate == 1  # the batch went on past the bad source
    with engine.connect() as conn:
        errors = repo.list_errors(conn, run_id=summary.run_id)
    assert len(errors) == n_errors
    assert any(message in e["error"] for e in errors)
    assert all(bad in e["source"] or bad in e["error"] or e["source"].startswith(server.base) for e in errors)
    assert count(engine, documents) == 3 + n_docs  # nothing stored before was lost


# ----------------------------------------------------------------------------- kill -9

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import attrition.ingest
    from attrition.store import repository as repo

    original = repo.add_document
    calls = 0

    def add_then_die(conn, **kwargs):
        global calls
        calls += 1
        result = original(conn, **kwargs)
        if calls == 3:  # inside the third document's transaction, before its commit
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    repo.add_document = add_then_die
    attrition.ingest.ingest([sys.argv[1]], db_url=sys.argv[2])
    """
)


def test_kill_9_mid_run_leaves_a_consistent_store_and_the_rerun_carries_on(store_url: str, tmp_path: Path) -> None:
    from attrition.store import open_store

    write_articles(tmp_path / "in", 6)
    for i in range(6):  # claims rows exist for every document, so half-written claims would show
        (tmp_path / "in" / f"article-{i:03d}.txt").write_text(article_text(i, claim=True), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path / "in"), store_url],
                          capture_output=True, text=True, timeout=120, env={**os.environ})  # fmt: skip
    assert proc.returncode == -9, proc.stderr

    engine = open_store(store_url)
    try:
        assert count(engine, documents) == 2  # the third document's transaction died with the process
        with engine.connect() as conn:
            run = conn.execute(select(ingest_runs)).mappings().one()
            orphan = conn.execute(
                select(func.count()).select_from(claims).where(~claims.c.document_id.in_(select(documents.c.id)))
            ).scalar_one()
        assert run["status"] == "running" and run["new"] == 2 and orphan == 0
        assert count(engine, claims) == expected_claims(engine)

        rerun = ingest([str(tmp_path / "in")], engine=engine)
        assert (rerun.new, rerun.duplicate, rerun.failed) == (4, 2, 0)
        assert count(engine, documents) == 6 and count(engine, claims) == expected_claims(engine)
        with engine.connect() as conn:
            statuses = conn.execute(select(ingest_runs.c.status).order_by(ingest_runs.c.id)).scalars().all()
        assert statuses == ["interrupted", "finished"]
        assert count(engine, ingest_errors) == 0
    finally:
        engine.dispose()


def test_extracted_claims_are_stored_with_evidence_and_counted(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a stand-in extractor (the real one's output varies): offsets, rules, part_of survive."""
    import attrition
    from attrition.models import Claim, Span

    def fake_extract(document: Document) -> list[Claim]:
        text = document.text
        if CLAIM_SENTENCE not in text:
            return []
        s = text.index(CLAIM_SENTENCE)
        out = []
        for number, category in (("500", "personnel"), ("12", "tanks")):
            n = text.index(number, s)
            out.append(Claim(
                doc=document.id, claimant="RU", claimant_text="the Russian Defence Ministry", subject="UA",
                event="lost", category=category, model=None, value=int(number), value_max=None,
                qualifier="at_least" if number == "500" else "exact", rate="daily", period_start=None,
                period_end=document.published, location=None, sentence=CLAIM_SENTENCE,
                span=Span(n, n + len(number)), sentence_span=Span(s, s + len(CLAIM_SENTENCE)),
                rules=("test.rule", category), statement=0, part_of=None if category == "personnel" else 0,
            ))  # fmt: skip
        return out

    monkeypatch.setattr(attrition, "extract_document", fake_extract)
    (tmp_path / "with-claim.txt").write_text(article_text(11, claim=True), encoding="utf-8")
    (tmp_path / "without.txt").write_text(article_text(12), encoding="utf-8")
    summary = ingest([str(tmp_path)], engine=engine)
    assert (summary.new, summary.claims) == (2, 2)
    with engine.connect() as conn:
        text = conn.execute(select(documents.c.text).where(documents.c.doc == "with-claim")).scalar_one()
        rows = repo.query_claims(conn)
        run_claims = conn.execute(select(ingest_runs.c.claims)).scalar_one()
    assert run_claims == 2
    assert [(r["doc"], r["value"], r["category"], r["part_of"], r["ordinal"]) for r in rows] == [
        ("with-claim", 500, "personnel", None, 0), ("with-claim", 12, "tanks", 0, 1),
    ]  # fmt: skip
    assert [text[r["span_start"] : r["span_end"]] for r in rows] == ["500", "12"]
    assert text[rows[0]["sentence_start"] : rows[0]["sentence_end"]] == CLAIM_SENTENCE
    assert rows[1]["rules"] == ["test.rule", "tanks"] and rows[0]["qualifier"] == "at_least"


def test_extractor_crash_costs_one_document(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import attrition

    def broken(document: Document) -> list[object]:
        if document.id == "b":
            raise ValueError("bad regex")
        return []

    monkeypatch.setattr(attrition, "extract_document", broken)
    for i, name in enumerate("abc"):
        (tmp_path / f"{name}.txt").write_text(article_text(20 + i), encoding="utf-8")
    summary = ingest([str(tmp_path)], engine=engine)
    assert (summary.new, summary.failed) == (2, 1)
    assert "extraction failed: ValueError: bad regex" in summary.errors[0].error
    assert summary.errors[0].source == str(tmp_path / "b.txt")


def test_nul_characters_are_dropped_so_postgresql_accepts_the_text(engine: Engine, tmp_path: Path) -> None:
    text = article_text(30).replace("Report", "Rep\x00ort")
    (tmp_path / "nul.txt").write_bytes(text.encode("utf-16"))  # UTF-16 text may carry a NUL character
    summary = ingest([str(tmp_path / "nul.txt")], engine=engine)
    assert summary.new == 1
    with engine.connect() as conn:
        assert conn.execute(select(documents.c.text)).scalar_one() == text.replace("\x00", "")


def test_a_database_error_on_one_document_does_not_stop_the_batch(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import DataError

    original = repo.add_document

    def picky(conn, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs["document"].id == "b":
            raise DataError("INSERT ...", {}, Exception("index row size 3000 exceeds maximum 2704"))
        return original(conn, **kwargs)

    monkeypatch.setattr(repo, "add_document", picky)
    for i, name in enumerate("abc"):
        (tmp_path / f"{name}.txt").write_text(article_text(40 + i), encoding="utf-8")
    summary = ingest([str(tmp_path)], engine=engine)
    assert (summary.new, summary.failed) == (2, 1)
    assert "database refused the document: index row size" in summary.errors[0].error
    assert count(engine, ingest_errors) == 1 and count(engine, documents) == 2


def test_a_url_that_redirects_is_not_fetched_again_on_rerun(engine: Engine, server: LocalServer) -> None:
    final = server.page("/story/final", article_html(91))
    start = server.redirect("/short/91", final)
    policy = FetchPolicy(allow_private=True)
    first = ingest([start], engine=engine, policy=policy)
    assert first.new == 1
    hits = len(server.hits)
    again = ingest([start], engine=engine, policy=policy)
    assert (again.new, again.duplicate, again.failed) == (0, 1, 0)
    assert len(server.hits) == hits  # neither the short URL nor its target was requested again
