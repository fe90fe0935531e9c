"""Finders: the span layers of one sentence, marked once and read by every decider.

Nothing here decides a field. Each layer is a list of spans (numbers, category nouns,
triggers and blockers, side words, places, period phrases, speakers) or a flag for a
construction that spans the whole sentence (a list line, a continuation). The deciders in
`extract.deciders` choose among them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from attrition.extract.attribution import Attribution
from attrition.extract.numbers import Number
from attrition.extract.phrases import category_matches
from attrition.extract.triggers import Hit, find_triggers
from attrition.lexicon import Lexicon
from attrition.normalize.periods import PeriodPhrase
from attrition.normalize.places import PlaceMention, place_mentions
from attrition.normalize.sides import SideMention, side_mentions
from attrition.text.sentences import Sentence


@dataclass(slots=True)
class SentenceLayers:
    """Every span layer of one sentence (offsets into the document text)."""

    sentence: Sentence
    numbers: list[Number]
    attributions: list[Attribution]
    periods: list[PeriodPhrase]
    sides: list[SideMention] = field(default_factory=list)
    categories: list[tuple[int, int, str]] = field(default_factory=list)
    triggers: list[Hit] = field(default_factory=list)
    blockers: list[tuple[int, int, str]] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    continuation: bool = False  # claim.continuation
    list_item: bool = False  # claim.list_item
    all_downed: bool = False  # claim.all_downed
    group_marked: bool = False  # claim.group_mark
    has_trigger: bool = False
    ends_colon: bool = False

    @property
    def named_sides(self) -> list[str]:
        """Sides named outright (not "the enemy"), in order."""
        return [m.side for m in self.sides if m.side in ("RU", "UA", "other")]


def mark(
    text: str,
    s: Sentence,
    numbers: list[Number],
    attributions: list[Attribution],
    periods: list[PeriodPhrase],
    lex: Lexicon,
) -> SentenceLayers:
    """All layers of sentence `s`; the costly ones only when the sentence holds a number."""
    pat = lex.patterns
    layers = SentenceLayers(s, numbers, attributions, periods)
    layers.sides = side_mentions(text, s.start, s.end, lex)
    layers.all_downed = bool(pat["claim.all_downed"].match(text, s.start, s.end))
    if not numbers:
        layers.has_trigger = bool(lex.trigger_re.search(text, s.start, s.end))
        layers.ends_colon = text[s.start : s.end].rstrip().endswith(":")
        return layers
    layers.categories = category_matches(text, s.start, s.end, lex)
    layers.triggers, layers.blockers = find_triggers(text, s.start, s.end, lex, layers.categories)
    layers.has_trigger = bool(layers.triggers)
    layers.places = place_mentions(text, s.start, s.end, lex)
    layers.continuation = bool(pat["claim.continuation"].match(text, s.start, s.end))
    layers.list_item = bool(pat["claim.list_item"].match(text[s.start : s.end]))
    layers.group_marked = bool(pat["claim.group_mark"].search(text, s.start, s.end))
    return layers
