"""The language a document is written in, detected from its text.

Detection uses py3langid, a maintained fork of langid.py whose model ships inside the package
(no download, about 1 ms for an article on one core). It knows 97 languages and is asked for
all of them, so a German page is stored as `de` rather than forced into one of the three the
extractor reads; `reading_language` then says which lexicon reads it. A prefix of the text is
enough to decide and keeps the cost bounded on huge inputs.
"""

from __future__ import annotations

from functools import cache
from typing import Any

#: Languages the extractor has data for; anything else is read with the English data.
READ_LANGUAGES: tuple[str, ...] = ("en", "ru", "uk")
#: Characters looked at: articles state their language in the first lines.
SAMPLE_CHARS = 3000
#: Fewer letters than this decide nothing ("122-мм", "DPR"): the language stays unknown.
MIN_LETTERS = 12


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def normalize_lang(code: str | None) -> str | None:
    """A language code as stored: ISO 639-1, lower case ("RU" and "ru-RU" are "ru"); None if empty."""
    if code is None:
        return None
    code = code.strip().lower().replace("_", "-").split("-", 1)[0]
    if not code:
        return None
    if not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()):
        raise ValueError(f"not a language code: {code!r} (expected ISO 639-1, e.g. en, ru, uk)")
    return code


def _has_letters(text: str, n: int) -> bool:
    """At least `n` letters in `text`: counted only until there are enough (an article has them at once)."""
    for ch in text:
        if ch.isalpha():
            n -= 1
            if n <= 0:
                return True
    return n <= 0


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of `text`, or None when it has too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return None
    lang, _score = _identifier().classify(sample)
    return str(lang)


def reading_language(lang: str | None) -> str:
    """Which of READ_LANGUAGES reads a document in `lang` (English data for the rest)."""
    return lang if lang in READ_LANGUAGES else "en"
