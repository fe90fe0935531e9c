"""Attrition: attributed loss claims from war reporting.

The public surface is small on purpose: `extract` turns text into claims, `extract_document`
does the same for a `Document` that already knows its id and publication date.

Names are imported on first use (PEP 562), so that `import attrition.web` or the `attrition`
command does not load the extractor's lexicons and patterns unless it extracts something.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from attrition.extract.pipeline import extract, extract_document
    from attrition.models import Claim, Document, Span

__all__ = ["Claim", "Document", "Span", "extract", "extract_document"]
__version__ = "0.1.0"

_LAZY = {
    "extract": "attrition.extract.pipeline",
    "extract_document": "attrition.extract.pipeline",
    "Claim": "attrition.models",
    "Document": "attrition.models",
    "Span": "attrition.models",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'attrition' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
