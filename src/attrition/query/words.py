"""Word search in stored text that ignores case in every script the store holds.

Each word must occur in the text, compared in Unicode lower case on both backends
(`attrition.store.textfold`): 'втрати' finds 'Втрати', 'ВТРАТИ' and 'вТРАТИ', 'зсу' finds
'ЗСУ'. LIKE wildcards typed in a word are literal.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement

from attrition.store.textfold import fold, folded

MAX_WORDS = 10


def has_word(column: Any, word: str) -> ColumnElement[bool]:
    """`column` contains `word`, case ignored by the Unicode rules."""
    return folded(column).contains(fold(word), autoescape=True)


def words(q: str | None) -> list[str]:
    """The words of a search, at most `MAX_WORDS` (each must be found)."""
    return (q or "").split()[:MAX_WORDS]
