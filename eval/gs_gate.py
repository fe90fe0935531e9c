#!/usr/bin/env python3
"""General Staff recall: run the extractor on ../shared/eval/gs and report gs_recall.py's figures.

The bar (issue 2): >= 90% of the quoted figures found with the report date as period_end.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
BAR = 0.90


def main() -> int:
    base = SHARED / "gs"
    if not base.is_dir():
        print(f"gs recall skipped: {base} is absent")
        return 0
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as pred:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "attrition",
                "extract",
                str(base / "articles"),
                "--meta",
                str(base / "articles.jsonl"),
                "--format",
                "jsonl",
            ],
            check=True,
            stdout=pred,
        )
    out = subprocess.run(
        [sys.executable, str(SHARED / "gs_recall.py"), str(base / "figures.jsonl"), pred.name, "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(out.stdout)
    print("General Staff figures in ../shared/eval/gs:", json.dumps(figures))
    ok = figures["dated_recall"] >= BAR
    print(f"dated recall {figures['dated_recall']:.4f} (bar {BAR}): {'ok' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
