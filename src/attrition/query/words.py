"""Word search in stored text that ignores case in every script the store holds.

SQLite's `lower()` folds ASCII letters only, and PostgreSQL's follows the database's locale
(ASCII only under `C`), so `lower(sentence) LIKE lower(word)` alone misses 'Втрати' when an
analyst types 'втрати'. Each word is therefore also matched in the case forms text actually
uses (as typed, lower case, capitalised, upper case), the same SQL on both backends and with no
locale to depend on. A word written in mixed case inside a sentence ('втРАТИ') is still found
only when typed that way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_

MAX_WORDS = 10


def case_forms(word: str) -> list[str]:
    """`word` as typed, lower-cased, capitalised and upper-cased, without repeats."""
    forms = [word, word.lower(), word[:1].upper() + word[1:].lower(), word.upper()]
    return list(dict.fromkeys(forms))


def has_word(column: Any, word: str) -> ColumnElement[bool]:
    """`column` contains `word` in one of its case forms (LIKE wildcards in `word` are literal)."""
    return or_(*(column.icontains(form, autoescape=True) for form in case_forms(word)))


def words(q: str | None) -> list[str]:
    """The words of a search, at most `MAX_WORDS` (each must be found)."""
    return (q or "").split()[:MAX_WORDS]
