"""Attrition: attributed loss claims from war reporting.

The public surface is small on purpose: `extract` turns text into claims, `extract_document`
does the same for a `Document` that already knows its id and publication date.
"""

from attrition.extract.pipeline import extract, extract_document
from attrition.models import Claim, Document, Span

__all__ = ["Claim", "Document", "Span", "extract", "extract_document"]
__version__ = "0.1.0"
