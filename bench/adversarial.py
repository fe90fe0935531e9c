#!/usr/bin/env python3
"""Hostile shapes: extraction time per MB at 10 KB, 100 KB, 1 MB and 2 MB of each.

A feed entry can be one endless line of repeated abbreviations, number words, attribution
phrases or figures, or a counted list of figures ("12 tanks, 13 tanks, ..."). Times are
process CPU seconds, so other jobs on the machine do not distort them. Extraction must
stay linear in its input: for every shape the ratio of the largest to the smallest time
per MB across the four sizes stays under 2.

    .venv/bin/python bench/adversarial.py            # all shapes, all sizes (a few minutes)
    .venv/bin/python bench/adversarial.py --sizes 10000,100000 --shapes claims --json

Small sizes are repeated until at least `--min-seconds` of work, so their per-MB time is not
noise. The exit code is 1 when a shape's ratio is 2 or more.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time

from attrition import Document, extract_document

#: Each shape is one unit repeated on ONE line (no newline), except `paragraphs`.
SHAPES: dict[str, str] = {
    "abbreviations": "Gen. Maj. Lt. Col. Dr. Mr. U.S. e.g. ",
    "number_words": "twenty-one thousand three hundred and five, ",
    "attribution": "the Defence Ministry said, according to the General Staff, officials reported, ",
    "claims": "Russia lost 1,200 troops and 14 tanks, ",
    "figures": "12,345,678.9,",
    "punctuation": "?!...!!!?.. ",
    "no_spaces": "abcdefghij",
    "cyrillic": "Україна втратила понад 500 військових, заявили в Міноборони Росії, ",
    "paragraphs": "Ukraine lost more than 500 soldiers over the past day, the ministry said.\n",
    # one endless number phrase: number words with no comma or "and" to end it
    "number_word_run": "one hundred twenty three thousand four hundred fifty six million seven ",
}
#: Shapes made by counting, not by repeating one unit: every figure differs ("12 tanks, 13 tanks, ...").
COUNTED: dict[str, str] = {
    "dense_figures": "{} tanks, ",
    "dense_losses": "Russia lost {} tanks, ",
}

SIZES = (10_000, 100_000, 1_000_000, 2_000_000)


def make(name: str, size: int) -> str:
    if name in COUNTED:
        parts, n, i = [], 0, 12
        while n < size:
            parts.append(COUNTED[name].format(f"{i:,}"))
            n += len(parts[-1])
            i += 1
        return "".join(parts)[:size]
    unit = SHAPES[name]
    return (unit * (size // len(unit) + 1))[:size]


def per_mb(text: str, min_seconds: float) -> tuple[float, int]:
    """CPU seconds per MB (10^6 characters) of extracting `text`, and how many runs that took.

    Process CPU time, not wall time: on a shared machine other jobs' load would otherwise
    show up as a non-linearity."""
    runs = 0
    start = time.process_time()
    elapsed = 0.0
    while runs == 0 or elapsed < min_seconds:
        extract_document(Document(id="bench", text=text))
        runs += 1
        elapsed = time.process_time() - start
    return elapsed / runs / (len(text) / 1e6), runs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated sizes in characters")
    ap.add_argument("--shapes", default=",".join([*SHAPES, *COUNTED]), help="comma-separated shape names")
    ap.add_argument("--min-seconds", type=float, default=2.0, help="least work timed per size (default 2 s)")
    ap.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")

    extract_document(Document(id="warm", text="Russia lost 5 tanks, the ministry said."))  # lexicons
    results: dict[str, dict[str, object]] = {}
    worst = 0.0
    for name in shapes:
        row: dict[str, float] = {}
        extract_document(Document(id="warm", text=make(name, 2_000)))  # this shape's lexicons (Cyrillic)
        for size in sizes:
            seconds, _runs = per_mb(make(name, size), args.min_seconds)
            row[str(size)] = round(seconds, 3)
            if not args.json:
                print(f"{name:>14} {size:>9,} chars: {seconds:8.3f} s/MB", flush=True)
        ratio = max(row.values()) / min(row.values())
        worst = max(worst, ratio)
        results[name] = {"seconds_per_mb": row, "ratio": round(ratio, 2)}
        if not args.json:
            print(f"{name:>14} ratio largest/smallest s/MB: {ratio:.2f}", flush=True)
    summary = {
        "shapes": results,
        "worst_ratio": round(worst, 2),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}",
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"worst ratio: {worst:.2f} ({summary['machine']}, load {os.getloadavg()[0]:.1f})")
    return 0 if worst < 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
