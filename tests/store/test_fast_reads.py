"""Migration 0011: claims stored before it are found by a search, and the newest page keeps its order."""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert, select

from attrition.models import Document
from attrition.query.claims import ClaimFilter, page_claims
from attrition.sources import content_hash
from attrition.store import open_store
from attrition.store import repository as repo
from attrition.store.db import migrate, refresh_statistics
from attrition.store.tables import claims
from attrition.store.textfold import fold
from store_helpers import make_claim

SENTENCES = ["ВТРАТИ ворога: 120 танків, заявив Генштаб.", "Russia LOST 1,300 soldiers, the staff said."]


def test_claims_stored_before_the_folded_column_are_found(store_url: str) -> None:
    engine = open_store(store_url, upgrade=False)
    migrate(engine, "0010_incremental_findings")
    with engine.begin() as conn:
        for i, sentence in enumerate(SENTENCES):
            text = f"Report {i}. {sentence}"
            added = repo.add_document(
                conn, document=Document(id=f"d{i}", text=text, published=date(2024, 5, i + 1)), claims=[],
                content_hash=content_hash(text), source=None, run_id=None,
            )  # fmt: skip
            row = repo.claim_row(make_claim(100, sentence=sentence), document_id=added.document_id, doc=added.doc,
                                 ordinal=0, uid=f"uid{i}")  # fmt: skip
            del row["sentence_folded"]  # the column does not exist yet
            conn.execute(insert(claims), [row])
    migrate(engine)
    refresh_statistics(engine)
    with engine.connect() as conn:
        assert sorted(conn.execute(select(claims.c.sentence_folded)).scalars()) == sorted(fold(s) for s in SENTENCES)
        for q, found in (
            ("втрати", ["uid0"]),
            ("Генштаб ВОРОГА", ["uid0"]),
            ("lost", ["uid1"]),
            ("", ["uid1", "uid0"]),
        ):
            page = page_claims(conn, ClaimFilter(q=q or None))
            assert [c["id"] for c in page.items] == found, q  # newest first
            assert page.total == len(found)
    engine.dispose()
