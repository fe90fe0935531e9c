"""`insert_rows`: COPY on PostgreSQL and executemany on SQLite store the same rows."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from attrition.store.bulk import insert_rows
from attrition.store.repository import now
from attrition.store.tables import claims, documents
from attrition.store.tables_index import document_bands, document_signatures

AWKWARD = ["plain", "tab\there", "line\nbreak", "back\\slash \\N", "Генштаб: 1\u00a0000", "", "'quoted' \"both\""]


def _claim(document_id: int, n: int, sentence: str) -> dict[str, Any]:
    return {
        "document_id": document_id, "doc": "d", "ordinal": n, "uid": f"u{n}", "claimant": "ua.general_staff",
        "claimant_text": None if n % 2 else sentence, "subject": "RU", "event": "lost", "category": "artillery",
        "model": None, "value": 1000.5 + n, "value_max": None, "qualifier": "exact", "rate": None,
        "period_start": date(2022, 2, 24), "period_end": date(2024, 1, n + 1), "location": None,
        "sentence": sentence, "span_start": 0, "span_end": 3, "sentence_start": 0, "sentence_end": len(sentence),
        "rules": "[]", "statement": n, "part_of": None, "extractor": "test",
    }  # fmt: skip


def test_rows_read_back_as_written(engine: Engine) -> None:
    with engine.begin() as conn:
        doc_id = conn.execute(
            insert(documents).values(doc="d", content_hash="h", text="t", ingested_at=now()).returning(documents.c.id)
        ).scalar_one()
        rows = [_claim(doc_id, n, s) for n, s in enumerate(AWKWARD)]
        insert_rows(conn, claims, rows)
        insert_rows(conn, document_signatures, [{"document_id": doc_id, "minhash": bytes(range(256)) * 2}])
        insert_rows(conn, document_bands, [{"band_key": k, "document_id": doc_id} for k in (-(2**62), 0, 2**62)])
    cols = [claims.c[name] for name in rows[0]]
    with engine.connect() as conn:
        back = [dict(r) for r in conn.execute(select(*cols).order_by(claims.c.ordinal)).mappings()]
        assert back == rows
        assert conn.execute(select(document_signatures.c.minhash)).scalar_one() == bytes(range(256)) * 2
        assert sorted(conn.execute(select(document_bands.c.band_key)).scalars()) == [-(2**62), 0, 2**62]


def test_a_batch_that_breaks_a_constraint_is_not_written(engine: Engine) -> None:
    with engine.begin() as conn:
        doc_id = conn.execute(
            insert(documents).values(doc="d", content_hash="h", text="t", ingested_at=now()).returning(documents.c.id)
        ).scalar_one()
        insert_rows(conn, claims, [_claim(doc_id, 0, "a")])
    with pytest.raises(IntegrityError), engine.begin() as conn:
        insert_rows(conn, claims, [_claim(doc_id, 1, "b"), {**_claim(doc_id, 2, "c"), "sentence": None}])
    with engine.connect() as conn:
        assert sorted(conn.execute(select(claims.c.ordinal)).scalars()) == [0]
