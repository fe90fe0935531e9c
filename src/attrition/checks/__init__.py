"""Named checks over the store: each finding says what is wrong and cites the evidence.

Importing this package registers every check; `run_checks` runs them (or a chosen few)
over a `CheckContext`, and `load_context` builds that context from a store.
"""

from __future__ import annotations

from attrition.checks import breakdown, cross, misquote, series
from attrition.checks.base import REGISTRY, CheckContext, ClaimRef, Finding, ReferenceRef, Severity
from attrition.checks.runner import load_context, run_checks

__all__ = [
    "REGISTRY",
    "CheckContext",
    "ClaimRef",
    "Finding",
    "ReferenceRef",
    "Severity",
    "breakdown",
    "cross",
    "load_context",
    "misquote",
    "run_checks",
    "series",
]
