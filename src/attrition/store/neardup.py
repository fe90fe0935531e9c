"""Reading and writing the persistent near-duplicate index (`tables_index`).

A new document's candidates are the stored documents sharing one of its band keys; their
stored signatures give the similarity. The cost of a lookup depends on the number of
candidates, not on the size of the store, so 100 new documents take as long to check against
20,000 stored ones as against none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Connection, Engine, func, select

from attrition.bulk.signature import band_keys, jaccard, minhash_signature
from attrition.store.bulk import insert_rows
from attrition.store.tables import documents
from attrition.store.tables_index import document_bands, document_signatures

#: Documents whose missing signatures are computed per transaction by `backfill`.
BACKFILL_BATCH = 500


def candidates(conn: Connection, keys: Sequence[int]) -> dict[int, bytes]:
    """Stored documents sharing a band key with `keys`, with their signatures."""
    if not keys:
        return {}
    ids = select(document_bands.c.document_id).where(document_bands.c.band_key.in_(list(keys))).distinct()
    rows = conn.execute(
        select(document_signatures.c.document_id, document_signatures.c.minhash).where(
            document_signatures.c.document_id.in_(ids)
        )
    )
    return {int(r.document_id): bytes(r.minhash) for r in rows}


def similar(conn: Connection, signature: bytes, keys: Sequence[int]) -> list[tuple[int, float]]:
    """(document id, estimated Jaccard similarity) of every stored LSH candidate, by id."""
    return sorted((doc_id, jaccard(signature, other)) for doc_id, other in candidates(conn, keys).items())


def add_rows(conn: Connection, entries: Sequence[tuple[int, bytes, Sequence[int]]]) -> None:
    """Store (document id, signature, band keys) for each entry, in two multi-row inserts."""
    if not entries:
        return
    insert_rows(conn, document_signatures, [{"document_id": d, "minhash": s} for d, s, _ in entries])
    bands = [{"band_key": k, "document_id": d} for d, _, keys in entries for k in dict.fromkeys(keys)]
    insert_rows(conn, document_bands, bands)


def backfill(engine: Engine, *, signature: Callable[[str], bytes] = minhash_signature) -> int:
    """Signatures for stored documents that have none (a store from before the index); once.

    Counting both tables (index scans) first keeps the usual case, nothing missing, from reading
    the documents table with its texts.
    """
    with engine.connect() as conn:
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        n_sigs = conn.execute(select(func.count()).select_from(document_signatures)).scalar_one()
    if n_docs == n_sigs:
        return 0
    done = 0
    while True:
        with engine.begin() as conn:
            missing = (
                select(documents.c.id, documents.c.text)
                .outerjoin(document_signatures, document_signatures.c.document_id == documents.c.id)
                .where(document_signatures.c.document_id.is_(None))
                .order_by(documents.c.id)
                .limit(BACKFILL_BATCH)
            )
            rows = conn.execute(missing).all()
            if not rows:
                return done
            entries = []
            for row in rows:
                sig = signature(str(row.text))
                entries.append((int(row.id), sig, band_keys(sig)))
            add_rows(conn, entries)
            done += len(rows)
