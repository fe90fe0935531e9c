"""Public entry points of the extractor (stub while the extractor is written)."""

from __future__ import annotations

from datetime import date

from attrition.models import Claim, Document


def extract(text: str, published: date | None = None, doc: str | None = None) -> list[Claim]:
    """Every loss claim in `text`, in document order."""
    return extract_document(Document(id=doc or "", text=text, published=published))


def extract_document(document: Document) -> list[Claim]:
    """Every loss claim in `document`, in document order."""
    return []
