"""Check tests build small SQLite stores of hand-written claims."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from attrition.models import Claim
from store_helpers import TestStore, make_claim


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TestStore]:
    made = TestStore(f"sqlite:///{tmp_path / 'store.db'}")
    yield made
    made.engine.dispose()


@pytest.fixture
def claim() -> Callable[..., Claim]:
    return make_claim
