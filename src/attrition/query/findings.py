"""Findings as a review queue: what the checks say, with severity, difference, outlet and state.

Findings are derived from the claims and the reference series, so they are recomputed when
either changes (a cheap fingerprint of the store decides) and kept in memory between requests.
A finding's id is a hash of what it is (its check and the claims and reference points it
cites), so a review recorded against it still applies after the checks are run again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from attrition.checks import REGISTRY, CheckContext, Finding, run_checks
from attrition.checks.base import SEVERITIES
from attrition.query.overlay import REVIEW_STATES, latest_reviews
from attrition.store.tables import claims, documents

#: The checks whose findings make up the review queue (cross_claimant is a comparison, not a problem).
QUEUE_CHECKS: tuple[str, ...] = ("misquote", "breakdown_sum", "cumulative_decrease", "jump", "period_sum")


def finding_id(f: Finding) -> str:
    """A stable id from the check and the evidence it cites (see `Finding.id`)."""
    return f.id


def _difference(details: dict[str, Any]) -> float | None:
    d = details
    got = d.get("article_value", d.get("after", d.get("value", d.get("parts_sum"))))
    expected = d.get("reference_value", d.get("majority_value", d.get("before", d.get("median", d.get("total")))))
    if isinstance(got, int | float) and isinstance(expected, int | float):
        return float(got) - float(expected)
    return None


def fingerprint(conn: Connection) -> str:
    """Changes whenever claims or reference series are added, removed or replaced."""
    from attrition.checks.storeio import fingerprint as store_fingerprint

    return store_fingerprint(conn)


def _stored(engine: Engine, names: list[str]) -> list[dict[str, Any]] | None:
    """The latest stored run's findings when it ran every queue check over the store as it is now."""
    from attrition.checks.storeio import latest_run, stored_findings

    with engine.connect() as conn:
        run = latest_run(conn)
        if run is None or not run["current"] or not set(names) <= set(run["checks"]):
            return None
        records = [r for r in stored_findings(conn, int(run["id"])) if r["check"] in names]
    order = {n: i for i, n in enumerate(names)}
    records.sort(key=lambda r: (-SEVERITIES.index(r["severity"]), order[r["check"]]))
    for r in records:
        r["run_id"] = run["id"]
    return records


def compute(engine: Engine) -> list[dict[str, Any]]:
    """Every queue finding over the store, most severe first, as plain records.

    The latest `attrition check` run's stored findings are used when that run saw the store
    as it is now; otherwise the checks run here (and nothing is stored: the web only reads).
    """
    from attrition.reconcile.storeio import load_claims
    from attrition.reference.storeio import load_series

    names = [n for n in QUEUE_CHECKS if n in REGISTRY]
    with engine.connect() as conn:
        outlet_of = dict(conn.execute(select(claims.c.uid, documents.c.outlet).join(
            documents, documents.c.id == claims.c.document_id)).all())  # fmt: skip
    records = _stored(engine, names)
    if records is None:
        with engine.connect() as conn:
            stored = load_claims(conn)
        ctx = CheckContext(claims=stored, series=load_series(engine))
        records = [{**f.to_dict(), "run_id": None} for f in run_checks(ctx, names)]
    for record in records:
        record["difference"] = _difference(record["details"])
        record["outlets"] = sorted({o for i in record["claim_ids"] if (o := outlet_of.get(i))})
    return records


@dataclass(frozen=True, slots=True)
class FindingFilter:
    check: str | None = None
    min_severity: str = "info"
    outlet: str | None = None
    doc: str | None = None
    claim: str | None = None
    state: str | None = None

    def __post_init__(self) -> None:
        if self.check is not None and self.check not in QUEUE_CHECKS:
            raise ValueError(f"check must be one of {', '.join(QUEUE_CHECKS)}")
        if self.min_severity not in SEVERITIES:
            raise ValueError(f"min_severity must be one of {', '.join(SEVERITIES)}")
        if self.state is not None and self.state not in REVIEW_STATES:
            raise ValueError(f"state must be one of {', '.join(REVIEW_STATES)}")

    def keep(self, f: dict[str, Any]) -> bool:
        if self.check and f["check"] != self.check:
            return False
        if SEVERITIES.index(f["severity"]) < SEVERITIES.index(self.min_severity):
            return False
        if self.outlet and self.outlet.lower() not in {o.lower() for o in f["outlets"]}:
            return False
        if self.doc and self.doc not in f["docs"]:
            return False
        if self.claim is not None and self.claim not in f["claim_ids"]:
            return False
        return not (self.state and f["review"]["state"] != self.state)


def _latest_run_id(conn: Connection) -> int | None:
    from attrition.store.tables_checks import check_runs

    found = conn.execute(select(func.max(check_runs.c.id))).scalar()
    return int(found) if found is not None else None


class FindingsCache:
    """Findings of one store, recomputed only when its fingerprint changes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._findings: list[dict[str, Any]] = []

    def all(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            key = (fingerprint(conn), _latest_run_id(conn))
        with self._lock:
            if key != self._key:
                self._findings = compute(self.engine)
                self._key = key
            return self._findings

    def query(self, flt: FindingFilter) -> list[dict[str, Any]]:
        """Matching findings, each with its current review (`open` when never reviewed)."""
        found = self.all()
        with self.engine.connect() as conn:
            reviews = latest_reviews(conn)
        out = []
        for f in found:
            review = reviews.get(f["id"])
            item = {**f, "review": {"state": review["state"], "author": review["author"],
                                    "at": review["created_at"], "note": review["note"]} if review
                    else {"state": "open", "author": None, "at": None, "note": None}}  # fmt: skip
            if flt.keep(item):
                out.append(item)
        return out

    def get(self, fid: str) -> dict[str, Any] | None:
        for f in self.query(FindingFilter()):
            if f["id"] == fid:
                return f
        return None

    def citing(self, claim_id: str) -> list[dict[str, Any]]:
        return self.query(FindingFilter(claim=claim_id))
