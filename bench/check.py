"""`check` and `claims --clusters` over a large store: seconds and peak memory.

    .venv/bin/python bench/check.py [--docs 20000] [--articles ../shared/eval/dev/articles]
                                    [--reference ../shared/reference] [--db sqlite|postgresql://...]

The store is filled from real articles: each article of `--articles` is ingested once (so its
claims are what the extractor reads), then copied `--docs / articles` times with the copy's
number in its text (a new content hash) and, like outlets repeating a statement over the
following days, its publication date and claim periods moved by one day every ten copies.
One claim in twenty gets its last digit changed (a misquote beside the copies that print the
right figure), so clusters hold ~10 reports, and the misquote, breakdown and cross-claimant
checks all find something. Reference series from `--reference` are imported when given.

Then, each in a fresh process whose peak RSS is its own: `attrition check` with nothing
reconciled yet (a full build of the clusters), `attrition check` again (clusters current),
`claims --clusters`, then `ingest` of `--new` new articles (the seed articles with a line
added) into an empty store and into this one (the two times should be close: nothing in a run
reads the whole store), and `check` again (the incremental path: only the groups of claims the
new articles touch are recomputed). Timing covers the whole command.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from ingest import fresh_db  # noqa: E402  (bench/ingest.py: a fresh store for a URL)

ROOT = Path(__file__).resolve().parent.parent


def _shift(row: dict[str, Any], days: int, misquote: bool) -> dict[str, Any]:
    """A later day's report: the period's end moves (its start too for a one-day period)."""
    out = dict(row)
    if out["period_end"] is not None:
        if out["period_start"] == out["period_end"]:
            out["period_start"] = out["period_start"] + timedelta(days=days)
        out["period_end"] = out["period_end"] + timedelta(days=days)
    if misquote and out["value"] >= 10:
        out["value"] = float(int(out["value"]) // 10 * 10 + (int(out["value"]) + 3) % 10)
    return out


def fill(db: str, total: int, offset: int = 0) -> int:
    """Copies `offset .. offset+total` of the seed articles into the store; returns claims written."""
    from sqlalchemy import insert, select

    from attrition.provenance import claim_uids
    from attrition.sources import content_hash
    from attrition.store import open_store
    from attrition.store.repository import now
    from attrition.store.tables import claims, documents

    engine = open_store(db)
    with engine.connect() as conn:
        seeds = [dict(r) for r in conn.execute(select(documents).where(documents.c.doc.not_like("copy-%"))
                                               .order_by(documents.c.id)).mappings()]  # fmt: skip
        seed_claims: dict[int, list[dict[str, Any]]] = {}
        for r in conn.execute(select(claims).order_by(claims.c.id)).mappings():
            if r["doc"].startswith("copy-"):
                continue
            seed_claims.setdefault(int(r["document_id"]), []).append(dict(r))
    written = 0
    for start in range(offset, offset + total, 500):
        docs, rows = [], []
        for i in range(start, min(offset + total, start + 500)):
            seed = seeds[i % len(seeds)]
            copy = i // len(seeds)
            days = copy // 10
            text = f"{seed['text']}\n\n(copy {i})"
            digest = content_hash(text)
            published = seed["published"] + timedelta(days=days) if seed["published"] else None
            docs.append({**{k: v for k, v in seed.items() if k != "id"}, "doc": f"copy-{i}-{seed['doc']}",
                         "content_hash": digest, "text": text, "published": published, "ingested_at": now(),
                         "run_id": None, "url": None})  # fmt: skip
            found = seed_claims.get(int(seed["id"]), [])
            uids = claim_uids(digest, [(c["span_start"], c["span_end"]) for c in found])
            rows.append(
                [
                    {**_shift(c, days, (i * 31 + n) % 20 == 0), "uid": uid}
                    for n, (c, uid) in enumerate(zip(found, uids, strict=True))
                ]
            )
        with engine.begin() as conn:
            ids = (
                conn.execute(insert(documents).returning(documents.c.id, sort_by_parameter_order=True), docs)
                .scalars()
                .all()
            )
            flat = []
            for doc_id, doc, found_rows in zip(ids, docs, rows, strict=True):
                for r in found_rows:
                    flat.append({**{k: v for k, v in r.items() if k != "id"}, "document_id": int(doc_id),
                                 "doc": doc["doc"]})  # fmt: skip
            if flat:
                conn.execute(insert(claims), flat)
            written += len(flat)
    engine.dispose()
    return written


def timed(argv: list[str], env: dict[str, str]) -> dict[str, float]:
    """Wall seconds, CPU seconds (user + system: what a loaded machine does not inflate) and peak
    RSS in MB (the child reports its own) of one command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        raise SystemExit(f"{' '.join(argv)} failed:\n{proc.stderr[-2000:]}")
    own = json.loads(proc.stdout.strip().splitlines()[-1])
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"seconds": seconds, "cpu": cpu, **own}


WRAP = """
import json, resource, sys, contextlib, io
from attrition.cli import app
out = io.StringIO()
code = 0
with contextlib.redirect_stdout(out):
    try:
        app(sys.argv[1:], standalone_mode=False)
    except SystemExit as exc:
        code = exc.code or 0
text = out.getvalue()
print(json.dumps({"mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "out_chars": len(text),
                  "lines": text.count(chr(10)), "code": code}))
"""


def run(args: list[str], env: dict[str, str]) -> dict[str, float]:
    return timed([sys.executable, "-c", WRAP, *args], env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--new", type=int, default=100, help="new articles ingested at the end")
    parser.add_argument("--articles", default=str(ROOT.parent / "shared" / "eval" / "dev" / "articles"))
    parser.add_argument("--reference", default=str(ROOT.parent / "shared" / "reference"))
    parser.add_argument("--db", default="sqlite", help="'sqlite' (a temp file) or a PostgreSQL server URL")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_db(args.db, Path(tmp), "check")
        subprocess.run([sys.executable, "-m", "attrition", "ingest", args.articles, "--db", db],
                       env=env, check=True, capture_output=True)  # fmt: skip
        if args.reference and Path(args.reference).is_dir():
            files = sorted(str(p) for p in Path(args.reference).rglob("*.json"))
            subprocess.run([sys.executable, "-m", "attrition", "reference", "import", *files, "--db", db],
                           env=env, check=True, capture_output=True)  # fmt: skip
        start = time.perf_counter()
        n_claims = fill(db, args.docs)
        print(f"store: {args.docs} copies of the articles ({n_claims} claims), filled in "
              f"{time.perf_counter() - start:.1f} s; {args.db}; load {os.getloadavg()[0]:.2f}")  # fmt: skip
        steps = [
            ("check (clusters built)", ["check", "--db", db, "--format", "json"]),
            ("check (findings stored)", ["check", "--db", db, "--format", "json"]),
            ("claims --clusters", ["claims", "--clusters", "--db", db, "--format", "jsonl"]),
        ]
        for label, argv in steps:
            r = run(argv, env)
            print(f"{label:<28} {r['seconds']:7.2f} s wall {r['cpu']:7.2f} s CPU {r['mb']:6.0f} MB  "
                  f"({int(r['lines'])} lines out)")  # fmt: skip
        folder = Path(tmp) / "new"
        folder.mkdir()
        seeds = sorted(Path(args.articles).glob("*.txt"))
        for i in range(args.new):  # new articles: a seed with a line of its own (a new content hash)
            seed = seeds[i % len(seeds)]
            (folder / f"new-{i:04d}-{seed.name}").write_text(
                seed.read_text(encoding="utf-8") + f"\n\nUpdated (new {i}).\n", encoding="utf-8"
            )
        empty = fresh_db(args.db, Path(tmp), "empty")
        into = {}
        for label, target in (("an empty store", empty), (f"the store of {args.docs}", db)):
            r = into[label] = run(["ingest", str(folder), "--db", target], env)
            name = f"ingest {args.new} into {label}"
            print(f"{name:<28} {r['seconds']:7.2f} s wall {r['cpu']:7.2f} s CPU {r['mb']:6.0f} MB; "
                  f"load {os.getloadavg()[0]:.2f}")  # fmt: skip
        a, b = into.values()
        print(f"{'ratio (full / empty)':<28} {b['seconds'] / a['seconds']:7.2f} wall {b['cpu'] / a['cpu']:7.2f} CPU")
        r = run(["check", "--db", db, "--format", "json"], env)
        print(f"{'check after ' + str(args.new) + ' new docs':<28} {r['seconds']:7.2f} s wall {r['cpu']:7.2f} s CPU "
              f"{r['mb']:6.0f} MB  ({int(r['lines'])} lines out); load {os.getloadavg()[0]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
