"""Where a figure holds: the place named nearest the number, else the paragraph's place.

Rules, in order: a place the figure's own words lead to ("seven over Odesa": the number, its
noun, a locative preposition); else the gazetteer place nearest the number in its sentence (a
town named with its region, "у Краматорську Донецької області", is the town); the place of the previous
figure of the same paragraph; otherwise null (never the outlet's or claimant's home).
"""

from __future__ import annotations

from attrition.extract.layers import SentenceLayers
from attrition.extract.state import DocState
from attrition.lexicon import Lexicon
from attrition.normalize.places import PlaceMention, nearest_place


def nearest(layers: SentenceLayers, pos: int, text: str, lex: Lexicon) -> PlaceMention | None:
    """The place mention the figure at `pos` leads to, else the one nearest it in the sentence."""
    ahead = next((p for p in layers.places if p.start > pos), None)
    if (
        ahead is not None
        and ahead.start - pos <= 60
        and lex.patterns["place.own_words"].fullmatch(text, pos, ahead.start)
    ):
        return ahead  # "nine over Kyiv, seven over Odesa": seven is Odesa's, not Kyiv's
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
