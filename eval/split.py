#!/usr/bin/env python3
"""The stable study/check split of the dev articles.

Rules are studied on one half's misses and every change is checked on the other half, so
that a rule fitted to the articles it was written on shows up as a gap between the two. The
half of an article is a hash of its doc id: it does not move when articles are added, and it
does not depend on the order in which anyone lists them.

    python eval/split.py            # the docs of each half, per language
"""

from __future__ import annotations

import hashlib
import json
import sys

from common import SHARED

HALVES = ("study", "check")


def half(doc: str) -> str:
    """Return "study" or "check" for a doc id, by the first byte of its SHA-256."""
    return HALVES[hashlib.sha256(doc.encode("utf-8")).digest()[0] % 2]


def articles(corpus: str = "dev") -> list[dict[str, str]]:
    """The corpus's article metadata lines (doc, lang, ...)."""
    path = SHARED / corpus / "articles.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> int:
    table: dict[str, dict[str, list[str]]] = {}
    for a in articles():
        table.setdefault(a.get("lang") or "en", {h: [] for h in HALVES})[half(a["doc"])].append(a["doc"])
    for lang, halves in sorted(table.items()):
        for h, docs in halves.items():
            print(f"{lang} {h} ({len(docs)}): {' '.join(sorted(docs))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
