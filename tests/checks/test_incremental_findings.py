"""Incremental checks: run after run, the findings are those of a full recompute, in its order,
and a run writes only the findings of the groups its new claims fall in."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select

from attrition.checks import REGISTRY, load_context, run_checks
from attrition.checks.storeio import check_store, latest_run, stored_findings
from attrition.reference import ReferencePoint, ReferenceSeries
from attrition.store.tables import claims
from attrition.store.tables_checks import findings_t

D = date(2023, 5, 1)
DAYS = [D + timedelta(days=i) for i in range(20)]
MOD = {"claimant": "ru.mod", "subject": "UA", "event": "casualties", "category": "personnel"}
GOV = {**MOD, "claimant": "ua.gov"}


def gs_series(days: list[date]) -> ReferenceSeries:
    points = [ReferencePoint(day, "RU", "lost", "artillery", 16_000 + 10 * i) for i, day in enumerate(days)]
    return ReferenceSeries("gs", "ua.general_staff", "gs.json", "cumulative", date(2022, 2, 24), points)


def _doc(rng: random.Random, claim: Any) -> list[Any]:
    """Claims for one made-up article, of a kind that one of the checks looks at."""
    i = rng.randrange(len(DAYS))
    day = DAYS[i]
    kind = rng.choice(["total", "daily", "breakdown", "cross", "window", "month", "statement"])
    if kind == "total":  # a quoted General Staff total: agrees, is stale, slips or goes down
        value = rng.choice([16_000 + 10 * i, 16_000 + 10 * (i - 1), 16_000 + 10 * i + 1, 15_000])
        return [claim(value, end=day)]
    if kind == "daily":  # a daily series with the odd outlier (jump)
        return [claim(rng.choice([400, 420, 450, 5_000]), start=day, end=day, **MOD)]
    if kind == "breakdown":
        total = claim(rng.choice([900, 1_000, 1_200]), start=day, end=day, **MOD)
        return [total, claim(500, start=day, end=day, part_of=0, **MOD), claim(450, start=day, end=day, part_of=0,
                                                                                **MOD)]  # fmt: skip
    if kind == "cross":  # the other side's figure for the same losses
        return [claim(rng.choice([120, 130]), start=day, end=day, **GOV)]
    if kind == "window":  # a figure over a window, per day
        return [claim(rng.choice([3_000, 3_100]), start=D, end=D + timedelta(days=9), **rng.choice([MOD, GOV]))]
    if kind == "month":
        return [claim(rng.choice([8_000, 9_000]), start=D, end=date(2023, 5, 31), **MOD)]
    value = rng.choice([34_700, 34_700, 34_700, 34_070, 37_400])  # a repeated statement, sometimes slipped
    return [claim(value, claimant="ua.gov", subject="UA", event="casualties", category="personnel", end=D)]


def _full(engine: Any, names: list[str] | None = None) -> list[dict[str, Any]]:
    return [f.to_dict() for f in run_checks(load_context(engine), names)]


def _multiset(records: list[dict[str, Any]]) -> list[str]:
    return sorted(repr(sorted(r.items(), key=lambda kv: kv[0])) for r in records)


def test_runs_one_after_another_give_the_findings_of_a_full_recompute(store, claim) -> None:
    rng = random.Random(12)
    store.reference(gs_series(DAYS))
    n = 0
    for batch in range(12):
        for _ in range(rng.randint(1, 6)):
            store.add(f"doc{n}", DAYS[n % len(DAYS)], _doc(rng, claim), outlet=rng.choice(["A", "B"]))
            n += 1
        names = ["misquote", "jump"] if batch % 4 == 3 else None  # some runs run only some checks
        _, found, run_id = check_store(store.engine, names)
        assert [f.to_dict() for f in found] == _full(store.engine, names)
        with store.engine.connect() as conn:
            assert run_id is not None
            assert _multiset(stored_findings(conn, run_id)) == _multiset([f.to_dict() for f in found])
    full = _full(store.engine)
    assert {r["check"] for r in full} == set(REGISTRY)  # every check found something on the way
    with store.engine.connect() as conn:  # the last run wrote only the findings that changed
        written = conn.execute(select(func.count()).select_from(findings_t).where(findings_t.c.run_id == run_id))
        assert written.scalar_one() < len(full)


def test_a_run_with_nothing_new_writes_nothing_and_reads_the_same(store, claim) -> None:
    store.reference(gs_series(DAYS))
    for i, value in enumerate([34_700, 34_700, 34_700, 34_070]):
        store.add(f"s{i}", D, [claim(value, claimant="ua.gov", subject="UA", event="casualties",
                                     category="personnel", end=D)])  # fmt: skip
    store.add("t", D, [claim(16_001, end=D)])
    _, first, first_run = check_store(store.engine)
    assert first
    _, again, run_id = check_store(store.engine)
    assert [f.to_dict() for f in again] == [f.to_dict() for f in first]
    with store.engine.connect() as conn:
        inserted = conn.execute(select(func.count()).select_from(findings_t).where(findings_t.c.run_id == run_id))
        retired = conn.execute(select(func.count()).select_from(findings_t).where(findings_t.c.retired_run == run_id))
        assert (inserted.scalar_one(), retired.scalar_one()) == (0, 0)
        assert latest_run(conn)["current"]  # type: ignore[index]
        assert _multiset(stored_findings(conn, run_id)) == _multiset(stored_findings(conn, first_run))


def test_new_series_and_removed_claims_recompute_in_full(store, claim) -> None:
    store.add("a", D, [claim(16_001, end=D)])
    store.add("b", D, [claim(400, start=d, end=d, **MOD) for d in DAYS[:3]])
    _, before, _ = check_store(store.engine)
    store.reference(gs_series(DAYS))  # the same claims now have a reference to be compared with
    _, found, _ = check_store(store.engine)
    assert [f.to_dict() for f in found] == _full(store.engine)
    assert any(f.check == "misquote" for f in found) and not any(f.check == "misquote" for f in before)
    with store.engine.begin() as conn:
        conn.execute(delete(claims).where(claims.c.doc == "a"))
    _, found, run_id = check_store(store.engine)
    assert [f.to_dict() for f in found] == _full(store.engine)
    assert not any(f.check == "misquote" for f in found)
    with store.engine.connect() as conn:  # the misquote of the removed claim was retired by this run
        assert (
            conn.execute(
                select(func.count()).select_from(findings_t).where(findings_t.c.retired_run == run_id)
            ).scalar_one()
            >= 1
        )


def test_incremental_runs_on_each_backend(store_url: str, claim) -> None:
    """The same sequence on SQLite and PostgreSQL (findings written by COPY there)."""
    from store_helpers import TestStore

    made = TestStore(store_url)
    try:
        rng = random.Random(5)
        made.reference(gs_series(DAYS))
        for n in range(30):
            made.add(f"doc{n}", DAYS[n % len(DAYS)], _doc(rng, claim), outlet="A")
            if n % 10 == 9:
                _, found, run_id = check_store(made.engine)
                assert [f.to_dict() for f in found] == _full(made.engine)
                with made.engine.connect() as conn:
                    assert run_id is not None
                    assert _multiset(stored_findings(conn, run_id)) == _multiset([f.to_dict() for f in found])
        assert found
    finally:
        made.engine.dispose()
