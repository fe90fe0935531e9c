"""Between the checks and the store: saving a run's findings and reading the latest back.

A run records which checks ran and a fingerprint of the claims and reference series it saw,
so a reader (the web queue, `attrition check --stored`) knows whether the stored findings still
describe the store or must be recomputed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, or_, select, update

from attrition.checks.base import REGISTRY, CheckContext, Finding
from attrition.checks.incremental import Base, Computed
from attrition.provenance import EXTRACTOR_VERSION
from attrition.store.bulk import insert_rows
from attrition.store.repository import now
from attrition.store.tables import claims
from attrition.store.tables_checks import check_runs, findings_t
from attrition.store.tables_reconcile import reference_points, reference_series


def fingerprint(conn: Connection) -> str:
    """Changes whenever claims or reference series are added, removed or replaced."""
    c = conn.execute(select(func.count(), func.max(claims.c.id))).one()
    series = reference_series.c
    r = conn.execute(select(func.count(), func.max(series.id), func.max(series.imported_at))).one()
    p = conn.execute(select(func.count()).select_from(reference_points)).scalar_one()
    return json.dumps([*c, *r, p], default=str)


def basis(conn: Connection) -> str:
    """What findings depend on besides the claims: the reference series and the check code."""
    from attrition.checks.incremental import code_digest

    series = reference_series.c
    r = conn.execute(select(func.count(), func.max(series.id), func.max(series.imported_at))).one()
    p = conn.execute(select(func.count()).select_from(reference_points)).scalar_one()
    return json.dumps([*r, p, code_digest()], default=str)


def load_bases(conn: Connection, names: Iterable[str]) -> dict[str, Base | None]:
    """Per check, what its latest stored run left, when a run now may build on it: same basis,
    and every claim it saw still stored (claim row ids only grow)."""
    now_basis = basis(conn)
    out: dict[str, Base | None] = {}
    runs = conn.execute(
        select(check_runs.c.id, check_runs.c.checks, check_runs.c.max_claim_id, check_runs.c.claims,
               check_runs.c.basis)
        .where(check_runs.c.finished_at.is_not(None)).order_by(check_runs.c.id.desc())
    ).all()  # fmt: skip
    for name in names:
        run = next((r for r in runs if name in json.loads(r.checks)), None)
        out[name] = None
        if run is None or run.max_claim_id is None or run.basis != now_basis:
            continue
        seen = conn.execute(select(func.count()).select_from(claims).where(claims.c.id <= run.max_claim_id))
        if seen.scalar_one() != run.claims:
            continue
        records: dict[str, list[dict[str, Any]]] = defaultdict(list)
        query = (
            select(findings_t.c.scope, findings_t.c.record)
            .where(findings_t.c.check == name, findings_t.c.retired_run.is_(None))
            .order_by(findings_t.c.scope, findings_t.c.position)
        )
        for scope, record in conn.execute(query):
            records[scope].append(json.loads(record))
        out[name] = Base(int(run.max_claim_id), dict(records))
    return out


def _row(run_id: int, scope: str, position: int, f: Finding) -> dict[str, Any]:
    return {
        "run_id": run_id, "finding_id": f.id, "check": f.check, "severity": f.severity,
        "explanation": f.explanation, "claim_ids": json.dumps(list(f.claim_ids)), "docs": json.dumps(list(f.docs)),
        "record": json.dumps(f.to_dict(), ensure_ascii=False, default=str), "scope": scope, "position": position,
    }  # fmt: skip


def _write_difference(conn: Connection, run_id: int, computed: Computed) -> tuple[int, int]:
    """Retire the current rows of the recomputed groups that this run did not find again (same
    group, place and record) and insert the new ones; returns (inserted, retired)."""
    current = select(findings_t.c.id, findings_t.c.scope, findings_t.c.position, findings_t.c.record).where(
        findings_t.c.check == computed.check, findings_t.c.retired_run.is_(None)
    )
    old: dict[tuple[str | None, int | None, str], int] = {}
    if computed.scopes is None:
        rows = conn.execute(current).all()
    else:
        scopes = sorted(computed.scopes)
        rows = [r for part in _chunks(scopes) for r in conn.execute(current.where(findings_t.c.scope.in_(part)))]
    for row_id, scope, position, record in rows:
        old[(scope, position, record)] = int(row_id)
    new = [_row(run_id, scope, n, f) for scope, n, f in computed.fresh]
    added = []
    for row in new:
        if old.pop((row["scope"], row["position"], row["record"]), None) is None:
            added.append(row)
    gone = sorted(old.values())
    for part in _chunks(gone):
        conn.execute(update(findings_t).where(findings_t.c.id.in_(part)).values(retired_run=run_id))
    for part in _chunks(added):
        insert_rows(conn, findings_t, part)
    return len(added), len(gone)


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def save_run(
    engine: Engine,
    findings: Iterable[Finding],
    *,
    checks: list[str],
    computed: list[Computed] | None = None,
    seen: tuple[int, int] | None = None,
) -> int:
    """Store one run in one transaction; returns the run id.

    With `computed` (from `run_incremental`) and `seen` (how many claims it read and the highest
    row id among them) only the difference is written: the findings of the groups it recomputed
    that are not stored already, and the retirement of those no longer found; a later run builds
    on it. Without them, `findings` are the whole result of `checks` and are written as a
    difference against the current rows all the same, but no later run builds on this one."""
    found = list(findings)
    if computed is None or seen is None:
        seen = None
        per_check: dict[str, list[Finding]] = defaultdict(list)
        for f in found:
            per_check[f.check].append(f)
        computed = [
            Computed(name, per_check[name], None, [(f"{name}:", n, f) for n, f in enumerate(per_check[name])])
            for name in checks
        ]  # fmt: skip
    with engine.begin() as conn:
        started = now()
        n_claims = seen[0] if seen else int(conn.execute(select(func.count()).select_from(claims)).scalar_one())
        run_id = conn.execute(
            insert(check_runs)
            .values(
                started_at=started,
                checks=json.dumps(checks),
                fingerprint=fingerprint(conn),
                claims=int(n_claims),
                findings=len(found),
                extractor=EXTRACTOR_VERSION,
                max_claim_id=seen[1] if seen else None,
                basis=basis(conn),
            )  # fmt: skip
            .returning(check_runs.c.id)
        ).scalar_one()
        for item in computed:
            _write_difference(conn, int(run_id), item)
        conn.execute(check_runs.update().where(check_runs.c.id == run_id).values(finished_at=now()))
    return int(run_id)


def latest_run(conn: Connection) -> dict[str, Any] | None:
    """The newest finished run (with `checks` as a list and `current` telling whether it is fresh)."""
    row = (
        conn.execute(
            select(check_runs).where(check_runs.c.finished_at.is_not(None)).order_by(check_runs.c.id.desc()).limit(1)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    run = dict(row)
    run["checks"] = json.loads(run["checks"])
    run["current"] = run["fingerprint"] == fingerprint(conn)
    return run


def stored_findings(conn: Connection, run_id: int) -> list[dict[str, Any]]:
    """The findings of one run as the records `Finding.to_dict` made: the rows of its checks
    inserted by it or before and not retired by then, by check, group and place in the group."""
    checks = json.loads(conn.execute(select(check_runs.c.checks).where(check_runs.c.id == run_id)).scalar_one())
    f = findings_t.c
    query = (
        select(f.record)
        .where(f.run_id <= run_id, f.check.in_(checks), or_(f.retired_run.is_(None), f.retired_run > run_id))
        .order_by(f.check, f.scope, f.position, f.id)
    )
    return [json.loads(r) for r in conn.execute(query).scalars()]


def list_runs(conn: Connection, *, limit: int = 20) -> list[dict[str, Any]]:
    """The latest check runs, newest first."""
    rows = conn.execute(select(check_runs).order_by(check_runs.c.id.desc()).limit(limit)).mappings()
    return [{**dict(r), "checks": json.loads(r["checks"])} for r in rows]


def check_store(
    engine: Engine, names: list[str] | None = None, *, store: bool = True
) -> tuple[CheckContext, list[Finding], int | None]:
    """Every finding of the named checks (all by default) over the store, as a full recompute
    gives them, recomputing only the groups of claims that gained one since the latest stored
    run; with `store` the run is stored (only what changed). Returns the context (the claims
    and series read), the findings (all severities, most severe first) and the run id."""
    from attrition.checks.incremental import run_incremental
    from attrition.checks.runner import load_context

    chosen = names or list(REGISTRY)
    ctx = load_context(engine)
    with engine.connect() as conn:
        bases = load_bases(conn, chosen)
    found, computed = run_incremental(ctx, chosen, bases)
    if not store:
        return ctx, found, None
    seen = (len(ctx.claims), max((c.id for c in ctx.claims), default=0))
    return ctx, found, save_run(engine, found, checks=chosen, computed=computed, seen=seen)
