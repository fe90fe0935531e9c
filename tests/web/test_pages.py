"""The server-rendered pages without a browser: status codes, escaping, permalinks, and `serve`."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from attrition.cli import app


def test_every_page_renders(client: TestClient) -> None:
    claim_id = client.get("/api/claims?limit=1").json()["items"][0]["id"]
    cluster_id = client.get("/api/clusters?limit=1").json()["items"][0]["id"]
    finding_id = client.get("/api/findings").json()["items"][0]["id"]
    for path in ("/", "/claims", f"/claims/{claim_id}", "/documents", "/documents/wire-may-31", "/compare",
                 "/compare?mode=daily", f"/clusters/{cluster_id}", "/findings", f"/findings/{finding_id}"):  # fmt: skip
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert r.headers["content-type"].startswith("text/html")


def test_hostile_article_is_text(client: TestClient) -> None:
    page = client.get("/documents/hostile-page").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page
    assert "<script>window" not in page and "<b>Bold" not in page and "<img src=x" not in page
    assert 'href="javascript:' not in page  # a javascript: URL from data is never a link
    scripts = re.findall(r"<script[^>]*>", page)
    assert all('src="/static/' in tag for tag in scripts), scripts
    claim_id = client.get("/api/claims?doc=hostile-page").json()["items"][0]["id"]
    claim_page = client.get(f"/claims/{claim_id}").text
    assert "<script>window" not in claim_page and "&lt;script&gt;" in claim_page


def test_claims_page_is_a_permalink(client: TestClient) -> None:
    page = client.get("/claims?subject=UA&category=personnel&sort=value&order=asc").text
    assert 'id="total">1 matching' in page
    assert "up to 2,000" in page
    # Export links carry the same filters.
    assert "/api/claims?subject=UA&amp;category=personnel&amp;sort=value&amp;order=asc&amp;format=csv" in page
    # Sort headers keep the filters and drop nothing else.
    assert 'href="/claims?subject=UA&amp;category=personnel&amp;sort=published&amp;order=desc"' in page


def test_bad_filter_on_a_page_is_a_422_page(client: TestClient) -> None:
    r = client.get("/claims?category=tank")
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "did you mean &#39;tanks&#39;" in r.text
    assert client.get("/claims/0123456789ab-1-2").status_code == 404  # well formed, not stored
    assert client.get("/claims/123456").status_code == 422  # not a claim id at all
    blank = client.get("/claims?since=&until=&subject=")  # a form's empty fields mean no filter
    assert blank.status_code == 200


def test_serve_refuses_a_missing_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no store at" in result.output and "Traceback" not in result.output


def test_serve_names_an_unreachable_database_in_one_line() -> None:
    result = CliRunner().invoke(app, ["serve", "--db", "postgresql://nobody:secret@127.0.0.1:1/none"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("attrition serve: cannot open the store")
    assert "secret" not in result.output


def test_serve_wants_a_long_token(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "s.db").write_bytes(b"")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--write-token", "short"])
    assert result.exit_code == 2 and "at least 16" in result.output


def test_serve_starts_binds_loopback_and_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx
    from web_store import build

    from attrition.store import open_store

    db = tmp_path / "store.db"
    build(open_store(str(db)))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("attrition")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=5).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert body["counts"]["claims"] == 8 and body["write_enabled"] is False
        assert body["counts"]["clusters"] > 0  # rebuilt at start
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/ (read-only)" in err
