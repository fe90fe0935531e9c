#!/usr/bin/env python3
"""Accuracy gate: extract ../shared/eval/dev, score it with the shared scorer, hold the floors.

Figures are reported per language (en, ru, uk) and, within each, for the whole and for the
two halves of the stable split (`split.py`): the study half is where misses are read, the
check half is where a change proves it generalises. Each (language, slice, figure) has a floor
in `baseline.json`: the figure last pinned minus a small tolerance, so a change that quietly
loses accuracy fails CI. The issues' bars are printed beside them as targets. `--update`
raises pinned figures to what is measured now; it never lowers them. The scorer is the shared
`score_lang.py` (which runs `score.py`), run as a program, never a copy.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from common import SHARED, predict, run_scorer
from split import articles, half

BASELINE = Path(__file__).with_name("baseline.json")
TOLERANCE = 0.01
LANGS = ("en", "ru", "uk")
GATED = ("f1", "strict_f1")
SHOWN = ("precision", "recall", "claimant_agree", "qualifier_agree", "period_agree", "rate_agree")


def measure(corpus: str = "dev") -> dict[str, dict[str, float]]:
    """{"en": figures, "en/study": figures, ...} for the corpus, from the shared scorer."""
    base = SHARED / corpus
    pred = predict(corpus)
    try:
        whole = run_scorer("score_lang.py", str(base / "gold.jsonl"), str(pred), str(base / "articles.jsonl"),
                           ",".join(LANGS))  # fmt: skip
        with tempfile.NamedTemporaryFile("w", suffix="-halves.jsonl", delete=False) as meta:
            for a in articles(corpus):
                lang = a.get("lang") or "en"
                meta.write(json.dumps({"doc": a["doc"], "lang": f"{lang}/{half(a['doc'])}"}) + "\n")
        try:
            slices = [f"{lang}/{h}" for lang in LANGS for h in ("study", "check")]
            halves = run_scorer("score_lang.py", str(base / "gold.jsonl"), str(pred), meta.name, ",".join(slices))
        finally:
            Path(meta.name).unlink(missing_ok=True)
    finally:
        pred.unlink(missing_ok=True)
    figures: dict[str, dict[str, float]] = {**whole, **halves}  # type: ignore[dict-item]
    return figures


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
    print("accuracy on ../shared/eval/dev (floor = pinned - tolerance; bar = the issue's target):")
    for name in sorted(figures, key=lambda n: (LANGS.index(n.split("/")[0]), n)):
        got = figures[name]
        pinned = baseline["pinned"].get(name, {})
        bars = baseline["bars"].get(name, {})
        cells = []
        for fig in GATED:
            floor = round(pinned.get(fig, 0.0) - TOLERANCE, 4)
            value = float(got.get(fig, 0.0))
            ok = value >= floor
            bar = bars.get(fig)
            target = "" if bar is None else (" bar met" if value >= bar else f" bar {bar}")
            cells.append(f"{fig} {value:.4f} (floor {floor:.4f}{target}){'' if ok else ' FAIL'}")
            if not ok:
                failures.append(f"{name} {fig}")
        extra = " ".join(f"{k.replace('_agree', '')}={float(got.get(k, 0.0)):.3f}" for k in SHOWN if k in got)
        print(f"  {name:<9} gold {int(got.get('gold', 0)):>3}  " + "  ".join(cells) + f"  [{extra}]")
    if args.update:
        for name, got in figures.items():
            slot = baseline["pinned"].setdefault(name, {})
            for fig in GATED:
                slot[fig] = round(max(slot.get(fig, 0.0), float(got.get(fig, 0.0))), 4)
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n")
        print("pinned figures updated")
    if failures:
        print(f"accuracy gate FAILED: {', '.join(failures)}")
        return 1
    print("accuracy gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
