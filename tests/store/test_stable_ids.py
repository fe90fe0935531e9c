"""Stable ids: a claim's id from its document and span, a cluster's from its key, on any backend.

A link written down today (`/claims/ID`, a finding's claim list) must open the same claim
after more documents arrive, after the store is rebuilt from the same articles in another
order, and after an old store is migrated in place.
"""

from __future__ import annotations

import re
from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from attrition.ingest import ingest
from attrition.provenance import CLAIM_ID_PATTERN, CLUSTER_ID_PATTERN, EXTRACTOR_VERSION, claim_uid, rules_hash
from attrition.reconcile.storeio import reconcile
from attrition.sources import content_hash
from attrition.store import open_store
from attrition.store import repository as repo
from attrition.store.db import alembic_config
from attrition.store.tables import claims, documents
from attrition.store.tables_reconcile import claim_clusters

ARTICLES = {
    "kyiv-may-1.txt": "The General Staff said on 1 May 2024 that Russia had lost 7,400 tanks since the start "
    "of the invasion.\n\nIt added that 14,300 artillery systems had been destroyed.\n",
    "wire-may-1.txt": "Russia has lost 7,400 tanks since the start of the invasion, the General Staff of "
    "Ukraine said on 1 May 2024.\n",
    "report-may-2.txt": "Ukraine's General Staff said on 2 May 2024 that Russia had lost 7,415 tanks since "
    "the invasion began.\n",
}


def _write(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return [str(folder / n) for n in names]


def _ids(url: str) -> tuple[dict[tuple[str, int], str], dict[str, str]]:
    engine = open_store(url)
    reconcile(engine)
    with engine.connect() as conn:
        by_span = {
            (r.content_hash, r.span_start): r.uid
            for r in conn.execute(
                select(documents.c.content_hash, claims.c.span_start, claims.c.uid).join(
                    documents, documents.c.id == claims.c.document_id
                )
            )
        }
        by_key = {r.key: r.uid for r in conn.execute(select(claim_clusters.c.key, claim_clusters.c.uid))}
    engine.dispose()
    return by_span, by_key


def test_ids_survive_new_documents_and_rebuilds_in_another_order(store_url: str, tmp_path: Path) -> None:
    first = _write(tmp_path / "a", ["kyiv-may-1.txt", "wire-may-1.txt"])
    ingest(first, db_url=store_url)
    before_claims, before_clusters = _ids(store_url)
    assert before_claims and before_clusters
    ingest(_write(tmp_path / "b", ["report-may-2.txt"]), db_url=store_url)
    after_claims, after_clusters = _ids(store_url)
    assert len(after_claims) > len(before_claims)
    assert {k: after_claims[k] for k in before_claims} == before_claims
    assert {k: after_clusters[k] for k in before_clusters} == before_clusters

    rebuilt = f"sqlite:///{tmp_path / 'rebuilt.db'}"
    ingest(_write(tmp_path / "c", ["report-may-2.txt", "wire-may-1.txt", "kyiv-may-1.txt"]), db_url=rebuilt)
    assert _ids(rebuilt) == (after_claims, after_clusters)


def test_a_claim_id_names_its_document_and_span_and_records_what_made_it(sqlite_url: str, tmp_path: Path) -> None:
    ingest(_write(tmp_path, ["kyiv-may-1.txt"]), db_url=sqlite_url)
    engine = open_store(sqlite_url)
    with engine.connect() as conn:
        rows = repo.query_claims(conn)
        stored = conn.execute(select(documents.c.text)).scalar_one()
    engine.dispose()
    assert rows
    digest = content_hash(ARTICLES["kyiv-may-1.txt"])
    for row in rows:
        assert re.fullmatch(CLAIM_ID_PATTERN, row["id"])
        assert row["id"] == claim_uid(digest, row["span_start"], row["span_end"])
        assert row["id"].startswith(digest[:12])
        assert stored[row["span_start"] : row["span_end"]].replace(",", "").isdigit()
        assert row["extractor"] == EXTRACTOR_VERSION
        assert row["rules_hash"] == rules_hash() and len(rules_hash()) == 16
        assert row["cluster"] is None or re.fullmatch(CLUSTER_ID_PATTERN, row["cluster"])


def test_one_span_read_as_two_claims_gets_two_ids() -> None:
    from attrition.provenance import claim_uids

    ids = claim_uids("ab" * 32, [(5, 8), (5, 8), (9, 12)])
    assert len(set(ids)) == 3
    assert ids[0] == "abababababab-5-8" and ids[1] == "abababababab-5-8-2"


def test_migrating_an_old_store_gives_the_ids_a_fresh_ingest_gives(tmp_path: Path) -> None:
    files = _write(tmp_path / "in", ["kyiv-may-1.txt", "wire-may-1.txt"])
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    ingest(files, db_url=fresh)
    expected, expected_clusters = _ids(fresh)

    old = f"sqlite:///{tmp_path / 'old.db'}"
    engine = open_store(old)  # at head, then rewound to the revision before stable ids, data kept
    ingest(files, engine=engine)
    reconcile(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003_overlay")
    with engine.connect() as conn:
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(claims)"))]
        assert "uid" not in cols
        assert conn.execute(text("SELECT count(*) FROM claims")).scalar_one() == len(expected)
    engine.dispose()
    migrated = open_store(old)  # migrates on open
    with migrated.connect() as conn:
        nulls = conn.execute(select(claims.c.uid).where(claims.c.extractor.is_(None))).all()
    migrated.dispose()
    assert len(nulls) == len(expected)  # provenance of old claims is unknown, not invented
    assert _ids(old) == (expected, expected_clusters)
