#!/usr/bin/env python3
"""Extraction throughput: articles per second in one process, per CPU-second, and peak memory.

Runs the extractor over the dev articles (../shared/eval/dev, read in place; the bundled
samples when it is absent) repeated until at least --docs documents, in one process on one
core. Also checks its own output: every repetition of an article must give the same claims,
so a speed-up that changes results does not pass unnoticed.

Wall-clock throughput depends on what else the machine runs; articles per CPU-second (the
process's own CPU time) is the figure to compare across runs, and the load average at the
start and end says how busy the machine was. Each repetition of the corpus is timed as well:
the best one is the least disturbed by other work. Memory: the peak resident size,
and the resident size after the first and the last repetition (flat means no growth per
document).

    .venv/bin/python bench/extract.py --docs 5000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from datetime import date
from pathlib import Path

from attrition import Document, extract_document
from attrition.docs_io import load_meta, sample_paths

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"


def corpus() -> tuple[str, list[Document]]:
    if (DEV / "articles").is_dir():
        meta = load_meta(DEV / "articles.jsonl")
        paths = sorted((DEV / "articles").glob("*.txt"))
        name = "../shared/eval/dev"
    else:
        paths, meta = sample_paths()
        name = "bundled samples"
    docs = []
    for p in paths:
        published = meta.get(p.stem, {}).get("published")
        docs.append(
            Document(
                id=p.stem, text=p.read_text("utf-8"), published=date.fromisoformat(published) if published else None
            )
        )
    return name, docs


def _rss_mb() -> float:
    """The resident size now (Linux /proc; the peak where /proc is absent)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=5000, help="documents to process (default 5000)")
    ap.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]

    name, docs = corpus()
    for d in docs:  # detect each language and load every lexicon outside the timed loops
        extract_document(d)
    expected = {d.id: [c.to_record() for c in extract_document(d)] for d in docs}
    reps = -(-args.docs // len(docs))
    n = 0
    claims = 0
    chars = 0
    best_pass = float("inf")
    rss_first = 0.0
    start, cpu_start = time.perf_counter(), time.process_time()
    for rep in range(reps):
        pass_start = time.process_time()
        for d in docs:
            d.lang = None  # detection is part of the work on a fresh document
            got = extract_document(d)
            claims += len(got)
            chars += len(d.text)
            n += 1
        best_pass = min(best_pass, time.process_time() - pass_start)
        if rep == 0:
            rss_first = _rss_mb()
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    rss_last = _rss_mb()
    by_lang: dict[str, float] = {}
    for group in ("en", "ru+uk"):
        part = [d for d in docs if (d.lang in ("ru", "uk")) == (group == "ru+uk")]
        if not part:
            continue
        t0, m = time.process_time(), 0
        while m < max(200, args.docs // 4):
            for d in part:
                d.lang = None
                extract_document(d)
                m += 1
        by_lang[group] = round(m / (time.process_time() - t0), 1)
    for d in docs:  # spot-check determinism after the run
        assert [c.to_record() for c in extract_document(d)] == expected[d.id], d.id
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "corpus": name,
        "documents": n,
        "distinct": len(docs),
        "claims": claims,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(n / elapsed, 1),
        "articles_per_cpu_second": round(n / cpu, 1),
        "articles_per_cpu_second_best_pass": round(len(docs) / best_pass, 1),
        "articles_per_cpu_second_en": by_lang.get("en"),
        "articles_per_cpu_second_ru_uk": by_lang.get("ru+uk"),
        "mb_per_second": round(chars / elapsed / 1e6, 3),
        "peak_rss_mb": round(peak_mb, 1),
        "rss_mb_after_first_and_last_repetition": [round(rss_first, 1), round(rss_last, 1)],
        "load_average_start_end": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cores": os.cpu_count(),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:>20}: {v}")


if __name__ == "__main__":
    main()
