"""Where a figure holds: the place named nearest the number, else the paragraph's place.

Rules, in order: the gazetteer place nearest the number in its sentence; the place of the
previous figure of the same paragraph; otherwise null (never the outlet's or claimant's home).
"""

from __future__ import annotations

from attrition.extract.layers import SentenceLayers
from attrition.extract.state import DocState
from attrition.normalize.places import PlaceMention, nearest_place


def nearest(layers: SentenceLayers, pos: int) -> PlaceMention | None:
    """The place mention nearest `pos` in the sentence."""
    return nearest_place(layers.places, pos)


def decide_where(doc: DocState, layers: SentenceLayers, place: PlaceMention | None) -> str | None:
    """The location of a figure whose nearest place mention is `place`."""
    if place is not None:
        return place.name
    return doc.ctx.location if doc.ctx.paragraph == layers.sentence.paragraph else None
