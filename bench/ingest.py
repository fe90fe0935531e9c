"""Ingest throughput: documents per second for text, HTML and WARC input, and peak memory.

    .venv/bin/python bench/ingest.py [--docs 300] [--db sqlite|postgresql://...]

Inputs are generated here (made-up articles, pages with navigation and metadata, and a
gzipped WARC of such pages), so the figures are reproducible on any machine. Each input kind
runs in a fresh process against a fresh store, and that process reports its own peak RSS,
so one kind's memory does not hide another's. Timing covers the whole `ingest()` call:
reading, HTML extraction, hashing, MinHash, claim extraction and the database writes.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "river",
    "bridge",
    "convoy",
    "village",
    "harbour",
    "winter",
    "supply",
    "depot",
    "column",
    "brigade",
    "ridge",
    "forest",
    "road",
    "station",
    "district",
    "council",
    "report",
    "statement",
    "evening",
    "morning",
    "negotiators",
    "border",
    "mayor",
    "shelling",
    "drone",
    "repair",
    "grain",
    "ministry",
    "analyst",
    "satellite",
    "factory",
    "railway",
    "crossing",
    "power",
    "grid",
    "outage",
    "school",
    "hospital",
)
CLAIM = (
    "Ukraine lost more than {n} soldiers and {t} tanks over the past day, "
    "the Russian Defence Ministry said on Friday."
)


def article(i: int, words: int = 450) -> str:
    rng = random.Random(i)
    sentences = [
        " ".join(rng.choice(WORDS) for _ in range(15)).capitalize() + "." for _ in range(words // 15)
    ]
    sentences.insert(2, CLAIM.format(n=100 + i, t=i % 30 + 1))
    return f"Report number {i}\n\n" + "\n\n".join(sentences) + "\n"


def page(i: int) -> str:
    paras = "".join(f"<p>{p}</p>" for p in article(i).split("\n\n")[1:])
    return (
        f"<!DOCTYPE html><html><head><title>Report {i} | Bench News</title>"
        '<meta property="og:site_name" content="Bench News">'
        f'<meta property="article:published_time" content="2024-03-{i % 28 + 1:02d}T08:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<main><article><h1>Report {i}</h1>{paras}</article></main>"
        "<aside><h2>Most popular</h2><ul><li>One</li><li>Two</li></ul></aside>"
        "<footer>Copyright Bench News</footer></body></html>"
    )


def generate(root: Path, n: int) -> dict[str, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    text_dir, html_dir = root / "text", root / "html"
    text_dir.mkdir()
    html_dir.mkdir()
    for i in range(n):
        (text_dir / f"a{i:05d}.txt").write_text(article(i), encoding="utf-8")
        (html_dir / f"p{i:05d}.html").write_text(page(n + i), encoding="utf-8")
    warc = root / "crawl.warc.gz"
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            body = io.BytesIO(page(2 * n + i).encode())
            uri = f"https://bench.example.com/news/{i}"
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=body, http_headers=headers)
            )
    return {"text": text_dir, "html": html_dir, "warc": warc}


def child(source: str, db: str) -> None:
    from attrition.ingest import ingest

    start = time.perf_counter()
    summary = ingest([source], db_url=db)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stored = summary.new + summary.near_duplicate
    print(json.dumps({"docs": stored, "failed": summary.failed, "claims": summary.claims,
                      "seconds": seconds, "peak_mb": peak_mb}))  # fmt: skip


def fresh_db(base: str, root: Path, kind: str) -> str:
    if base == "sqlite":
        return f"sqlite:///{root / f'{kind}.db'}"
    import psycopg

    name = f"attrition_bench_{kind}_{int(time.time())}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return base.rsplit("/", 1)[0] + "/" + name


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=300, help="documents per input kind")
    parser.add_argument("--db", default="sqlite", help="'sqlite' (a temp file) or a PostgreSQL server URL")
    parser.add_argument("--child", nargs=2, metavar=("SOURCE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inputs = generate(root, args.docs)
        print(f"{args.docs} documents per kind, store: {args.db}")
        head = ("input", "docs", "failed", "claims", "seconds", "docs/s", "peak MB")
        print(f"{head[0]:<6} {head[1]:>5} {head[2]:>6} {head[3]:>6} {head[4]:>8} {head[5]:>7} {head[6]:>8}")
        for kind, path in inputs.items():
            db = fresh_db(args.db, root, kind)
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(path), db],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            r = json.loads(out.strip().splitlines()[-1])
            rate = r["docs"] / r["seconds"] if r["seconds"] else 0.0
            print(f"{kind:<6} {r['docs']:>5} {r['failed']:>6} {r['claims']:>6} {r['seconds']:>8.2f} "
                  f"{rate:>7.1f} {r['peak_mb']:>8.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
