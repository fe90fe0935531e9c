"""Word search in stored text that ignores case in every script the store holds.

Each word must occur in the text, compared in Unicode lower case on both backends
(`attrition.store.textfold`): 'втрати' finds 'Втрати', 'ВТРАТИ' and 'вТРАТИ', 'зсу' finds
'ЗСУ'. LIKE wildcards typed in a word are literal. Claims' sentences are searched in their
stored folded copy (`claims.sentence_folded`, written with the claim), so a search over a large
store is one LIKE per row in the database engine, not a function call per row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement

from attrition.store.textfold import fold, folded

MAX_WORDS = 10


def has_word(column: Any, word: str) -> ColumnElement[bool]:
    """`column` contains `word`, case ignored by the Unicode rules (folded at query time)."""
    return folded(column).contains(fold(word), autoescape=True)


def has_folded_word(folded_column: Any, word: str) -> ColumnElement[bool]:
    """`folded_column`, text stored already folded by `fold`, contains `word` in any case."""
    return folded_column.contains(fold(word), autoescape=True)  # type: ignore[no-any-return]


def words(q: str | None) -> list[str]:
    """The words of a search, at most `MAX_WORDS` (each must be found)."""
    return (q or "").split()[:MAX_WORDS]
