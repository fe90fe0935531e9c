"""Reconcile tests run on SQLite and, where the suite has a server, on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from attrition.models import Claim
from store_helpers import TestStore, make_claim


@pytest.fixture
def store(store_url: str) -> Iterator[TestStore]:
    """A fresh store at `store_url` (tests/conftest.py)."""
    made = TestStore(store_url)
    yield made
    made.engine.dispose()


@pytest.fixture
def claim() -> Callable[..., Claim]:
    return make_claim
