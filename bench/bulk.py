"""Bulk ingest: throughput, speedup and peak memory with 1 and 2 jobs and a 2-worker Dask cluster.

    .venv/bin/python bench/bulk.py [--docs 100000] [--modes 1,2,dask] [--db sqlite|postgresql://...]

The input is `--docs` made-up articles (bench/ingest.py's generator: filler sentences around a
claim sentence, each article different) written as text files into one folder. Each mode runs
`ingest` in a fresh process against a fresh store and reports documents per second, the peak
RSS of the process that writes the store and the largest peak of its worker processes, and a
digest of every stored claim (document key, ordinal and every field), which must be the same
in all modes. Speedup is against the 1-job run. CPU seconds (the writer's own, `main`, and its
workers') are printed too: on a machine other work keeps busy, wall time says little, and the
writer's share of the CPU bounds what more workers can give (Amdahl).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest import article, fresh_db  # noqa: E402  (bench/ingest.py: the article generator)


def claims_digest(db: str) -> tuple[int, str]:
    from sqlalchemy import select

    from attrition.store import open_store
    from attrition.store.tables import claims

    engine = open_store(db)
    digest = hashlib.sha256()
    n = 0
    with engine.connect() as conn:
        cols = [c for c in claims.c if c.name not in ("id", "document_id")]
        for row in conn.execute(select(*cols).order_by(claims.c.doc, claims.c.ordinal)):
            digest.update(repr(tuple(row)).encode())
            n += 1
    engine.dispose()
    return n, digest.hexdigest()[:16]


def child(mode: str, folder: str, db: str) -> None:
    from attrition.ingest import ingest

    kwargs: dict[str, object] = {"jobs": 2, "dask": "local"} if mode == "dask" else {"jobs": int(mode)}
    start = time.perf_counter()
    summary = ingest([folder], db_url=db, **kwargs)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    own, workers = me.ru_maxrss / 1024, kids.ru_maxrss / 1024
    main_cpu, workers_cpu = me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime
    n, digest = claims_digest(db)
    print(json.dumps({"docs": summary.new + summary.near_duplicate, "failed": summary.failed, "claims": n,
                      "digest": digest, "seconds": seconds, "cpu": main_cpu + workers_cpu, "main_cpu": main_cpu,
                      "workers_cpu": workers_cpu, "main_mb": own, "worker_mb": workers,
                      "load": os.getloadavg()[0]}))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--modes", default="1,2,dask", help="comma-separated: a number of jobs, or dask")
    parser.add_argument("--db", default="sqlite", help="'sqlite' (a temp file) or a PostgreSQL server URL")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        for i in range(args.docs):
            (folder / f"a{i:06d}.txt").write_text(article(i), encoding="utf-8")
        print(f"{args.docs} documents, store: {args.db}; load {os.getloadavg()[0]:.2f}", flush=True)
        print(f"{'mode':<6} {'docs':>7} {'claims':>7} {'seconds':>8} {'docs/s':>7} {'speedup':>7} "
              f"{'main MB':>8} {'worker MB':>9} {'CPU s':>7} {'main':>6} {'load':>5}  claims digest")  # fmt: skip
        base = None
        digests = set()
        for mode in args.modes.split(","):
            db = fresh_db(args.db, root, f"bulk_{mode}")
            out = subprocess.run([sys.executable, __file__, "--child", mode, str(folder), db],
                                 capture_output=True, text=True, check=True).stdout  # fmt: skip
            r = json.loads(out.strip().splitlines()[-1])
            rate = r["docs"] / r["seconds"]
            base = base or rate
            digests.add(r["digest"])
            worker = "-" if mode == "1" else f"{r['worker_mb']:.0f}"
            print(f"{mode:<6} {r['docs']:>7} {r['claims']:>7} {r['seconds']:>8.1f} {rate:>7.1f} {rate / base:>7.2f} "
                  f"{r['main_mb']:>8.0f} {worker:>9} {r['cpu']:>7.1f} {r['main_cpu']:>6.1f} {r['load']:>5.2f}  "
                  f"{r['digest']}", flush=True)  # fmt: skip
        print("claims identical in all modes" if len(digests) == 1 else "CLAIMS DIFFER between modes")


if __name__ == "__main__":
    main()
