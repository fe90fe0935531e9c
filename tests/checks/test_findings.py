"""Findings carry evidence by construction; the registry runs every check on one store."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from attrition.checks import REGISTRY, ClaimRef, Finding, run_checks
from attrition.store.tables import claims, documents


def test_a_finding_without_evidence_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="evidence"):
        Finding("misquote", "error", "no evidence")
    with pytest.raises(ValueError, match="document"):
        Finding("misquote", "error", "no doc", claims=(ClaimRef("c1", "", 5.0),))
    with pytest.raises(ValueError, match="one"):
        Finding("misquote", "error", "two\nlines", claims=(ClaimRef("c1", "d", 5.0),))
    with pytest.raises(ValueError, match="severity"):
        Finding("misquote", "fatal", "x", claims=(ClaimRef("c1", "d", 5.0),))  # type: ignore[arg-type]


def test_every_finding_points_at_stored_claims(store, claim) -> None:
    day = date(2024, 7, 17)
    mod = {"claimant": "ru.mod", "subject": "UA", "event": "casualties", "category": "personnel",
           "start": day, "end": day}  # fmt: skip
    store.add("bg", day, [claim(2000, qualifier="at_least", **mod), claim(900, part_of=0, **mod),
                          claim(800, part_of=0, **mod)])  # fmt: skip
    store.add("a", day, [claim(764, end=day)])
    store.add("b", day, [claim(700, end=date(2024, 7, 18))])
    store.add("c", day, [claim(4000, claimant="ua.gov", subject="UA", event="casualties",
                               category="personnel", start=day, end=day)])  # fmt: skip
    findings = run_checks(store.context())
    assert {f.check for f in findings} >= {"breakdown_sum", "cumulative_decrease", "cross_claimant"}
    with store.engine.connect() as conn:
        stored = {(r.uid, r.doc) for r in conn.execute(select(claims.c.uid, claims.c.doc))}
        docs = {r.doc for r in conn.execute(select(documents.c.doc))}
    for f in findings:
        assert f.claims or f.references
        assert {(r.claim_id, r.doc) for r in f.claims} <= stored
        assert set(f.docs) <= docs


def test_registry_has_the_named_checks() -> None:
    assert set(REGISTRY) >= {"breakdown_sum", "misquote", "cumulative_decrease", "period_sum",
                             "cross_claimant", "jump"}  # fmt: skip
    with pytest.raises(KeyError):
        run_checks(None, ["no_such_check"])  # type: ignore[arg-type]
