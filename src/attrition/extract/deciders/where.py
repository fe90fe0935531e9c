"""Where a figure holds: the place named nearest the number, else the paragraph's place.

Rules, in order: the gazetteer place nearest the number in its sentence (a town named with
its region, "у Краматорську Донецької області", is the town); the place of the previous
figure of the same paragraph; otherwise null (never the outlet's or claimant's home).
"""

from __future__ import annotations

from attrition.extract.layers import SentenceLayers
from attrition.extract.state import DocState
from attrition.normalize.places import PlaceMention, nearest_place


def nearest(layers: SentenceLayers, pos: int) -> PlaceMention | None:
    """The place mention nearest `pos` in the sentence."""
    place = nearest_place(layers.places, pos)
    if place is None:
        return None
    # "Selydove, Donetsk region" written without the comma: the region qualifies the town before it
    for p in layers.places:
        if p.end < place.start and place.start - p.end <= 1:
            return p
    return place


def decide_where(doc: DocState, layers: SentenceLayers, place: PlaceMention | None) -> str | None:
    """The location of a figure whose nearest place mention is `place`."""
    if place is not None:
        return place.name
    return doc.ctx.location if doc.ctx.paragraph == layers.sentence.paragraph else None
