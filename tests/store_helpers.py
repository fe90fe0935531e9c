"""A small store builder for the reconcile and check tests: documents with hand-written claims.

Every figure here is made up for the tests; the shapes follow FORMAT.md and the store schema.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import Engine

from attrition.checks import CheckContext, load_context
from attrition.models import Claim, Document, Span
from attrition.reference import ReferenceSeries
from attrition.reference.storeio import save_series
from attrition.store import open_store
from attrition.store import repository as repo

INVASION = date(2022, 2, 24)


def make_claim(value: float, **kw: Any) -> Claim:
    """A claim with test defaults: the General Staff's total of Russian artillery losses."""
    sentence = kw.pop("sentence", f"The enemy lost {value} of them, the staff said.")
    return Claim(
        doc=None,
        claimant=kw.pop("claimant", "ua.general_staff"),
        claimant_text=kw.pop("claimant_text", None),
        subject=kw.pop("subject", "RU"),
        event=kw.pop("event", "lost"),
        category=kw.pop("category", "artillery"),
        model=kw.pop("model", None),
        value=value,
        value_max=kw.pop("value_max", None),
        qualifier=kw.pop("qualifier", "exact"),
        rate=kw.pop("rate", None),
        period_start=kw.pop("start", INVASION),
        period_end=kw.pop("end", None),
        location=kw.pop("location", None),
        sentence=sentence,
        span=Span(0, 3),
        sentence_span=Span(0, len(sentence)),
        rules=("test",),
        statement=kw.pop("statement", 0),
        part_of=kw.pop("part_of", None),
    )


class TestStore:
    """An SQLite store in a temporary folder with helpers to fill it."""

    __test__ = False  # not a test class

    def __init__(self, url: str) -> None:
        self.engine: Engine = open_store(url)

    def add(self, doc: str, published: date | None, claims: list[Claim], outlet: str | None = None) -> str:
        text = f"Article {doc}: " + " ".join(c.sentence for c in claims)
        digest = hashlib.sha256(text.encode()).hexdigest()
        with self.engine.begin() as conn:
            result = repo.add_document(
                conn, document=Document(id=doc, text=text, published=published, outlet=outlet),
                claims=claims, content_hash=digest, source=None, run_id=None,
            )  # fmt: skip
        return result.doc

    def reference(self, series: ReferenceSeries) -> None:
        save_series(self.engine, series)

    def context(self) -> CheckContext:
        return load_context(self.engine)
