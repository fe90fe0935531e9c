"""`folded(column)` lower-cases by the Unicode rules on each backend, with or without ICU."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, Text, literal, select

from attrition.store.textfold import fold, folded

TEXTS = ["ВТРАТИ ворога", "Втрати", "МіГ-29 і Су-34", "ЗСУ", "Ёлка Ґанок ЇЖАК Єва", "Tanks", "Straße"]


def _fold_in_sql(engine: Engine, value: str) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(folded(literal(value, Text)))).scalar_one())


def test_folded_matches_python_lower(engine: Engine) -> None:
    for value in TEXTS:
        assert _fold_in_sql(engine, value) == fold(value), value


def test_postgresql_without_icu_still_folds_cyrillic(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the ICU fallback is PostgreSQL's")
    engine.dialect.attrition_icu = False  # type: ignore[attr-defined]
    try:
        assert "translate(" in str(select(folded(literal("x", Text))).compile(dialect=engine.dialect))
        for value in TEXTS[:5]:
            assert _fold_in_sql(engine.execution_options(compiled_cache=None), value) == fold(value), value
    finally:
        engine.dialect.attrition_icu = True  # type: ignore[attr-defined]
