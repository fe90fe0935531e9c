"""Between the checks and the store: saving a run's findings and reading the latest back.

A run records which checks ran and a fingerprint of the claims and reference series it saw,
so a reader (the web queue, `attrition check --stored`) knows whether the stored findings still
describe the store or must be recomputed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from attrition.checks.base import Finding
from attrition.provenance import EXTRACTOR_VERSION
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


def save_run(engine: Engine, findings: Iterable[Finding], *, checks: list[str]) -> int:
    """Store one run and its findings in one transaction; returns the run id."""
    found = list(findings)
    with engine.begin() as conn:
        started = now()
        n_claims = int(conn.execute(select(func.count()).select_from(claims)).scalar_one())
        run_id = conn.execute(
            insert(check_runs)
            .values(
                started_at=started,
                checks=json.dumps(checks),
                fingerprint=fingerprint(conn),
                claims=n_claims,
                findings=len(found),
                extractor=EXTRACTOR_VERSION,
            )  # fmt: skip
            .returning(check_runs.c.id)
        ).scalar_one()
        rows = [
            {
                "run_id": run_id,
                "finding_id": f.id,
                "check": f.check,
                "severity": f.severity,
                "explanation": f.explanation,
                "claim_ids": json.dumps(list(f.claim_ids)),
                "docs": json.dumps(list(f.docs)),
                "record": json.dumps(f.to_dict(), ensure_ascii=False, default=str),
            }  # fmt: skip
            for f in found
        ]
        if rows:
            conn.execute(insert(findings_t), rows)
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
    """The findings of one run as the records `Finding.to_dict` made, in the run's order."""
    query = select(findings_t.c.record).where(findings_t.c.run_id == run_id).order_by(findings_t.c.id)
    return [json.loads(r) for r in conn.execute(query).scalars()]


def list_runs(conn: Connection, *, limit: int = 20) -> list[dict[str, Any]]:
    """The latest check runs, newest first."""
    rows = conn.execute(select(check_runs).order_by(check_runs.c.id.desc()).limit(limit)).mappings()
    return [{**dict(r), "checks": json.loads(r["checks"])} for r in rows]
