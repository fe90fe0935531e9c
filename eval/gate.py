#!/usr/bin/env python3
"""Accuracy gate: extract ../shared/eval/dev, score it with the shared scorer, hold the floors.

The floors in `baseline.json` are pinned: the issue's bars (F1 >= 0.85, strict F1 >= 0.65)
and, above them, the figures last measured minus a small tolerance, so that a change that
quietly loses accuracy fails CI. `--update` raises the pinned figures; it never lowers them.
The scorer is the shared `score.py`, run as a program, never a copy.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from common import SHARED, predict, run_scorer

BASELINE = Path(__file__).with_name("baseline.json")
TOLERANCE = 0.01


def measure(corpus: str = "dev") -> dict[str, float]:
    """Run the CLI on the corpus and return the scorer's figures."""
    pred = predict(corpus)
    try:
        return run_scorer("score.py", str(SHARED / corpus / "gold.jsonl"), str(pred))
    finally:
        pred.unlink(missing_ok=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--update", action="store_true", help="raise the pinned figures to what is measured now")
    args = ap.parse_args()
    if not (SHARED / "dev").is_dir():
        print(f"accuracy gate skipped: {SHARED / 'dev'} is absent")
        return 0
    baseline = json.loads(BASELINE.read_text())
    figures = measure()
    failures = []
    print("accuracy on ../shared/eval/dev:")
    for name, bar in baseline["bars"].items():
        pinned = baseline["pinned"].get(name, bar)
        floor = max(bar, round(pinned - TOLERANCE, 4))
        got = figures[name]
        status = "ok" if got >= floor else "FAIL"
        print(f"  {name:>16}: {got:.4f}  (floor {floor:.4f}; issue bar {bar})  {status}")
        if got < floor:
            failures.append(name)
    for name in ("precision", "recall", "claimant_agree", "qualifier_agree", "period_agree", "rate_agree"):
        print(f"  {name:>16}: {figures[name]:.4f}")
    if args.update:
        for name in baseline["bars"]:
            baseline["pinned"][name] = max(baseline["pinned"].get(name, 0.0), figures[name])
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n")
        print("pinned figures updated")
    if failures:
        print(f"accuracy gate FAILED: {', '.join(failures)}")
        return 1
    print("accuracy gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
