"""Shared fixtures: stores on SQLite and PostgreSQL, a real HTTP server on loopback, test pages.

Every text here is written for the tests (no real articles). PostgreSQL tests run against the
server named by `ATTRITION_TEST_PG_URL` (scripts/test.sh starts one) and skip without it; each
test gets a fresh database.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import Engine

from attrition.store import open_store
from ingest_helpers import LocalServer

# ----------------------------------------------------------------------------- stores


def _pg_base() -> str | None:
    return os.environ.get("ATTRITION_TEST_PG_URL") or None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database (skips when ATTRITION_TEST_PG_URL is unset)."""
    base = _pg_base()
    if not base:
        pytest.skip("ATTRITION_TEST_PG_URL not set (scripts/test.sh starts a PostgreSQL server)")
    import psycopg

    name = f"attrition_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    prefix = base.rsplit("/", 1)[0]
    try:
        yield f"{prefix}/{name}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """The store URL, once on an SQLite file and once on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def sqlite_url(tmp_path: Any) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    """A migrated store on each backend."""
    eng = open_store(store_url)
    try:
        yield eng
    finally:
        eng.dispose()


# ----------------------------------------------------------------------------- HTTP server


@pytest.fixture(scope="session")
def _server() -> Iterator[LocalServer]:
    state: dict[str, LocalServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            server = state["server"]
            server.hits.append(self.path)
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state["server"] = LocalServer(base=f"http://127.0.0.1:{httpd.server_address[1]}")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state["server"]
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server(_server: LocalServer) -> Iterator[LocalServer]:
    """The loopback server with no routes registered."""
    _server.routes.clear()
    _server.hits.clear()
    yield _server
    _server.routes.clear()
