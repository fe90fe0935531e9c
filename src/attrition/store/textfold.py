"""Case-insensitive text search that means the same on SQLite and PostgreSQL, in every script.

SQLite's `lower()` folds ASCII letters only, and PostgreSQL's follows the database's locale
(ASCII only under `C`), so `lower(sentence) LIKE '%втрати%'` misses 'ВТРАТИ', 'Втрати' and
'вТРАТИ' alike. `folded(column)` is the column lower-cased by the Unicode rules instead:
on SQLite through `attrition_lower`, Python's `str.lower` registered on every connection of
the store (`register_sqlite`); on PostgreSQL through the server's ICU root collation
(`lower(x COLLATE "und-x-icu")`), which does not depend on the database's locale. A server
built without ICU (`detect_icu` says so once per engine) folds the Cyrillic capitals of
Russian and Ukrainian with `translate` on top of the locale's `lower`. Compare the result with
`fold(word)`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Text, event
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

#: The SQLite function name (registered per connection).
SQLITE_FUNCTION = "attrition_lower"
#: Capitals folded by `translate` when PostgreSQL has no ICU (Russian, Ukrainian, Belarusian).
_UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЄІЇҐЎ"
_LOWER = _UPPER.lower()


def fold(word: str) -> str:
    """`word` as `folded` turns text: Unicode lower case."""
    return word.lower()


class folded(FunctionElement[str]):  # noqa: N801 - reads as an SQL function
    """`column` in Unicode lower case, for `LIKE` against `fold(word)`."""

    type = Text()
    name = "folded"
    inherit_cache = True


@compiles(folded)
def _generic(element: folded, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(folded, "sqlite")
def _sqlite(element: folded, compiler: Any, **kw: Any) -> str:
    return f"{SQLITE_FUNCTION}({compiler.process(element.clauses, **kw)})"


@compiles(folded, "postgresql")
def _postgresql(element: folded, compiler: Any, **kw: Any) -> str:
    arg = compiler.process(element.clauses, **kw)
    if getattr(compiler.dialect, "attrition_icu", True):
        return f'lower(({arg}) COLLATE "und-x-icu")'
    return f"translate(lower({arg}), '{_UPPER}', '{_LOWER}')"


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def register_sqlite(dbapi_connection: Any) -> None:
    """Give one SQLite connection the `attrition_lower` function (deterministic, so indexable)."""
    dbapi_connection.create_function(SQLITE_FUNCTION, 1, _lower, deterministic=True)


def detect_icu(engine: Engine) -> None:
    """On the engine's first connection, note whether the PostgreSQL server has ICU collations."""

    def first(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu')")
            row = cursor.fetchone()
            engine.dialect.attrition_icu = bool(row and row[0])  # type: ignore[attr-defined]
        finally:
            cursor.close()

    event.listen(engine, "first_connect", first)
