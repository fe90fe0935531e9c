#!/usr/bin/env python3
"""Morphology speed: analyser load, uncached and cached lemmas, and lexicon compile per language.

Tokens are the Cyrillic words of the Russian and Ukrainian dev articles (../shared/eval/dev,
read in place), or of a few sentences written here when it is absent.

    .venv/bin/python bench/morph.py
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles"
WORD = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ']+")
FALLBACK = {
    "ru": "Минобороны сообщило, что за минувшие сутки уничтожены двенадцать танков и сбиты пятнадцать беспилотников.",
    "uk": "Генштаб повідомив, що за минулу добу знищено шість танків і збито дванадцять безпілотників.",
}


def tokens(lang: str) -> list[str]:
    paths = sorted(DEV.glob(f"{lang}-*.txt")) if DEV.is_dir() else []
    text = " ".join(p.read_text("utf-8") for p in paths) or FALLBACK[lang] * 50
    return WORD.findall(text)


def main() -> None:
    from attrition.lexicon import load_lexicon
    from attrition.lexicon.morph import analyzer, lemma

    result: dict[str, object] = {}
    for lang in ("ru", "uk"):
        toks = tokens(lang)
        t0 = time.perf_counter()
        morph = analyzer(lang)
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        for w in toks:
            morph.parse(w.lower())
        uncached = len(toks) / (time.perf_counter() - t0)
        lemma.cache_clear()
        for w in toks:
            lemma(w, lang)  # warm
        t0 = time.perf_counter()
        for _ in range(5):
            for w in toks:
                lemma(w, lang)
        cached = 5 * len(toks) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        load_lexicon(lang)
        compile_s = time.perf_counter() - t0
        result[lang] = {
            "tokens": len(toks), "analyser_load_s": round(load, 3), "parse_per_s": round(uncached),
            "cached_lemma_per_s": round(cached), "lexicon_compile_s": round(compile_s, 2),
        }  # fmt: skip
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
