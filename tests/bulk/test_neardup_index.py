"""The persistent near-duplicate index: signatures stored once, looked up across runs, band keys
that select the same candidates as datasketch's LSH, and a backfill for older stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, func, select

import attrition.bulk.work as work
from attrition.bulk.signature import NEAR_DUPLICATE_THRESHOLD, NUM_PERM, band_keys, minhash_signature, shingles
from attrition.ingest import ingest
from attrition.store.tables import document_links, documents
from attrition.store.tables_index import document_bands, document_signatures
from ingest_helpers import article_text


def count(engine: Engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_each_document_gets_one_signature_and_its_band_keys(engine: Engine, tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"a{i}.txt").write_text(article_text(100 + i), encoding="utf-8")
    ingest([str(tmp_path)], engine=engine)
    with engine.connect() as conn:
        sigs = dict(conn.execute(select(document_signatures.c.document_id, document_signatures.c.minhash)).all())
        texts = dict(conn.execute(select(documents.c.id, documents.c.text)).all())
        bands = conn.execute(select(document_bands.c.document_id, document_bands.c.band_key)).all()
    assert sigs.keys() == texts.keys() and len(sigs) == 4
    for doc_id, text in texts.items():
        assert bytes(sigs[doc_id]) == minhash_signature(text)
        assert {k for d, k in bands if d == doc_id} == set(band_keys(minhash_signature(text)))


def test_a_later_run_finds_a_stored_near_duplicate_without_recomputing_old_signatures(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = article_text(8, words=300)
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "site-a.txt").write_text("Site A | World\n\n" + story, encoding="utf-8")
    for i in range(3):
        (first / f"other{i}.txt").write_text(article_text(200 + i, words=300), encoding="utf-8")
    ingest([str(first)], engine=engine)

    computed: list[str] = []
    original = work.minhash_signature

    def counting(text: str, num_perm: int = NUM_PERM) -> bytes:
        computed.append(text)
        return original(text, num_perm)

    monkeypatch.setattr(work, "minhash_signature", counting)
    (second / "site-b.txt").write_text(story + "\nShare this article. Follow Site B.\n", encoding="utf-8")
    (second / "fresh.txt").write_text(article_text(300, words=300), encoding="utf-8")
    summary = ingest([str(second)], engine=engine)
    assert len(computed) == 2  # the two new documents only, not the four stored ones
    assert (summary.new, summary.near_duplicate) == (1, 1)
    with engine.connect() as conn:
        docs = dict(conn.execute(select(documents.c.id, documents.c.doc)).all())
        links = conn.execute(select(document_links.c.doc_a, document_links.c.doc_b)).all()
    assert [{docs[a], docs[b]} for a, b in links] == [{"site-a", "site-b"}]


def test_documents_stored_before_the_index_are_backfilled_once(engine: Engine, tmp_path: Path) -> None:
    story = article_text(9, words=300)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "wire.txt").write_text(story, encoding="utf-8")
    ingest([str(tmp_path / "old")], engine=engine)
    with engine.begin() as conn:  # as a store migrated from before the index holds it
        conn.execute(delete(document_bands))
        conn.execute(delete(document_signatures))
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "copy.txt").write_text("Copied from the wire.\n\n" + story, encoding="utf-8")
    summary = ingest([str(tmp_path / "new")], engine=engine)
    assert summary.near_duplicate == 1
    assert count(engine, document_signatures) == 2 and count(engine, document_links) == 1


WORDS = st.sampled_from(["convoy", "river", "bridge", "depot", "ridge", "winter", "shelling", "village", "tower"])


@settings(max_examples=40, deadline=None)
@given(
    base=st.lists(WORDS, min_size=5, max_size=60),
    edits=st.lists(st.tuples(st.integers(0, 59), WORDS), max_size=12),
)
def test_band_keys_select_the_candidates_datasketch_lsh_selects(base: list[str], edits: list[tuple[int, str]]) -> None:
    from datasketch import MinHash, MinHashLSH

    other = list(base)
    for pos, word in edits:
        other[pos % len(other)] = word
    a, b = " ".join(base), " ".join(other)
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    mh_a, mh_b = MinHash(num_perm=NUM_PERM), MinHash(num_perm=NUM_PERM)
    mh_a.update_batch(list(shingles(a)))
    mh_b.update_batch(list(shingles(b)))
    lsh.insert("a", mh_a)
    ours = bool(set(band_keys(minhash_signature(a))) & set(band_keys(minhash_signature(b))))
    assert ours == (lsh.query(mh_b) == ["a"])
