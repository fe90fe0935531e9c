"""What both gates share: where the shared corpora are, and running the CLI over one of them."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def predict(corpus: str) -> Path:
    """Run `attrition extract --format jsonl` over ../shared/eval/CORPUS; the predictions' path."""
    base = SHARED / corpus
    with tempfile.NamedTemporaryFile("w+", suffix=f"-{corpus}.jsonl", delete=False) as pred:
        subprocess.run(
            [sys.executable, "-m", "attrition", "extract", str(base / "articles"), "--meta",
             str(base / "articles.jsonl"), "--format", "jsonl"],
            check=True, stdout=pred,
        )  # fmt: skip
    return Path(pred.name)


def run_scorer(script: str, *args: str) -> dict[str, float]:
    """Run one of the shared scoring scripts with --json and return its figures."""
    out = subprocess.run(
        [sys.executable, str(SHARED / script), *args, "--json"], check=True, capture_output=True, text=True
    )
    figures: dict[str, float] = json.loads(out.stdout)
    return figures
