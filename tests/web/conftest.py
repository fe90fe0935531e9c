"""Fixtures of the web tests: a built store on each backend and a TestClient over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from web_store import build

from attrition.store import open_store
from attrition.web import create_app

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture
def web_engine(store_url: str) -> Iterator[Engine]:
    engine = open_store(store_url)
    build(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def client(web_engine: Engine) -> Iterator[TestClient]:
    """A read-only server over the test store."""
    with TestClient(create_app(web_engine)) as c:
        yield c


@pytest.fixture
def writer(web_engine: Engine) -> Iterator[TestClient]:
    """A server that accepts writes with `TOKEN` (and may ingest loopback URLs)."""
    with TestClient(create_app(web_engine, write_token=TOKEN, allow_private=True)) as c:
        yield c
