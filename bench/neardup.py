"""Near-duplicate lookups do not slow down as the store grows.

    .venv/bin/python bench/neardup.py [--stored 20000] [--new 100] [--db sqlite|postgresql://...]

Ingests the same `--new` made-up articles (bench/ingest.py's generator) into an empty store and
into one that already holds `--stored` other documents, and prints both times and their ratio.
The stored documents are written directly (text, content hash, MinHash signature, band keys)
rather than through `ingest`, because the figure is what a run pays per document already
stored, and extracting claims from 20,000 documents first would only make the bench slower.
Each measurement runs in a fresh process; the store is on a temporary SQLite file unless
`--db` names a PostgreSQL server (a fresh database is created on it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest import article, fresh_db  # noqa: E402  (bench/ingest.py: the article generator)


def fill(db: str, stored: int) -> None:
    """`stored` documents with their signatures and band keys, in batches of 1,000."""
    from sqlalchemy import insert

    from attrition.bulk.signature import band_keys, minhash_signature
    from attrition.sources import content_hash
    from attrition.store import neardup, open_store
    from attrition.store.repository import now
    from attrition.store.tables import documents

    engine = open_store(db)
    for start in range(0, stored, 1000):
        texts = [article(1_000_000 + i) for i in range(start, min(stored, start + 1000))]
        with engine.begin() as conn:
            ids = conn.execute(
                insert(documents).returning(documents.c.id, sort_by_parameter_order=True),
                [{"doc": f"stored-{start + i}", "content_hash": content_hash(t), "text": t, "ingested_at": now()}
                 for i, t in enumerate(texts)],
            ).scalars().all()  # fmt: skip
            sigs = [minhash_signature(t) for t in texts]
            neardup.add_rows(conn, [(int(d), s, band_keys(s)) for d, s in zip(ids, sigs, strict=True)])
    engine.dispose()


def child(folder: str, db: str) -> None:
    from attrition.ingest import ingest

    start = time.perf_counter()
    summary = ingest([folder], db_url=db)
    print(json.dumps({"seconds": time.perf_counter() - start, "new": summary.new + summary.near_duplicate}))


def timed(folder: Path, db: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(folder), db],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stored", type=int, default=20_000)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--db", default="sqlite")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "new"
        folder.mkdir()
        for i in range(args.new):
            (folder / f"n{i:05d}.txt").write_text(article(i), encoding="utf-8")
        empty, full = fresh_db(args.db, root, "empty"), fresh_db(args.db, root, "full")
        from attrition.store import open_store

        open_store(empty).dispose()
        start = time.perf_counter()
        fill(full, args.stored)
        print(f"filled a store with {args.stored} documents in {time.perf_counter() - start:.1f} s")
        a, b = timed(folder, empty), timed(folder, full)
        assert a["new"] == b["new"] == args.new, (a, b)
        print(f"{args.new} new documents into an empty store:          {a['seconds']:.2f} s")
        print(f"{args.new} new documents into a store of {args.stored:>6}:     {b['seconds']:.2f} s")
        print(f"ratio: {b['seconds'] / a['seconds']:.2f}")


if __name__ == "__main__":
    main()
