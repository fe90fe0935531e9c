"""Running checks: over a context, or over a store with its clusters brought up to date.

Unknown check names are an error rather than silently ignored, so a typo in `--only`
cannot make a run look clean.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine

from attrition.checks.base import REGISTRY, SEVERITIES, CheckContext, Finding, Severity


def run_checks(ctx: CheckContext, only: Iterable[str] | None = None, min_severity: Severity = "info") -> list[Finding]:
    """Findings of the named checks (all registered ones by default), most severe first."""
    names = list(only) if only else list(REGISTRY)
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown check(s): {', '.join(unknown)}; known: {', '.join(REGISTRY)}")
    floor = SEVERITIES.index(min_severity)
    findings: list[Finding] = []
    for name in names:
        findings.extend(f for f in REGISTRY[name].run(ctx) if SEVERITIES.index(f.severity) >= floor)
    order = {name: i for i, name in enumerate(names)}
    findings.sort(key=lambda f: (-SEVERITIES.index(f.severity), order[f.check]))
    return findings


def load_context(engine: Engine) -> CheckContext:
    """Claims and reference series from the store (clusters are brought up to date on the way)."""
    from attrition.reconcile.storeio import ensure_clusters, load_claims
    from attrition.reference.storeio import load_series

    ensure_clusters(engine)
    with engine.connect() as conn:
        claims = load_claims(conn)
    return CheckContext(claims=claims, series=load_series(engine))
