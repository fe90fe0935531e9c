#!/usr/bin/env python3
"""General Staff recall: run the extractor on ../shared/eval/gs and report gs_recall.py's figures.

The bar (issue 2): >= 90% of the quoted figures found with the report date as period_end.
"""

from __future__ import annotations

import json
import sys

from common import SHARED, predict, run_scorer

# the bars: figures found >= 0.98, dated >= 0.95
FOUND_BAR = 0.98
BAR = 0.95


def main() -> int:
    base = SHARED / "gs"
    if not base.is_dir():
        print(f"gs recall skipped: {base} is absent")
        return 0
    pred = predict("gs")
    try:
        figures = run_scorer("gs_recall.py", str(base / "figures.jsonl"), str(pred))
    finally:
        pred.unlink(missing_ok=True)
    print("General Staff figures in ../shared/eval/gs:", json.dumps(figures))
    ok = figures["dated_recall"] >= BAR and figures["recall"] >= FOUND_BAR
    print(f"found {figures['recall']:.4f} (bar {FOUND_BAR}), dated recall {figures['dated_recall']:.4f} (bar {BAR}): "
          f"{'ok' if ok else 'FAIL'}")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
