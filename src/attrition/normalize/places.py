"""Where: places and front sectors tied to a number, spelled one way (`data/places.toml`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrition.lexicon import Lexicon
from attrition.lexicon.load import key

# "Kyiv has lost 40 tanks", "Kyiv's losses", "Kiev says": a capital standing for its government
_SPEAKS_FOR_STATE = re.compile(
    r"^(?:['’]s\b|\s+(?:has|have|had|is|was|says|said|claims|claimed|lost|loses|reported|reports|admits|"
    r"admitted|confirmed|denies|denied|will|would|did|does|also|itself)\b)"
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str
    side: str | None


#: Before a place, these make it where something happened: "troops near Kyiv lost 20 tanks".
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|around|outside|at|from|to|towards?|across|into|on|over)\s+$", re.I)


def place_mentions(text: str, start: int, end: int, lex: Lexicon) -> list[PlaceMention]:
    """Gazetteer places in `text[start:end]`, in order."""
    out = []
    for m in lex.place_re.finditer(text, start, end):
        info = lex.places.get(key(m.group(0)))
        if info is None:
            continue
        tail = text[m.end() : m.end() + 20]
        if (
            info.kind == "capital"
            and _SPEAKS_FOR_STATE.match(tail)
            and not _LOCATIVE_BEFORE.search(text, max(start, m.start() - 12), m.start())
        ):
            continue
        if tail.startswith((" People's Republic", " People’s Republic", " regime")):
            continue  # "Donetsk People's Republic" names a polity, not where the number is
        out.append(PlaceMention(m.start(), m.end(), info.name, info.side))
    return out


def nearest_place(mentions: list[PlaceMention], pos: int) -> PlaceMention | None:
    """The place closest to `pos`, preferring front sectors and regions over passing mentions."""
    if not mentions:
        return None
    return min(mentions, key=lambda p: abs(p.start - pos))
