"""Whose loss a figure is, read from the claimant's point of view.

Rules, in order (first that applies wins):
1. a running total inherits the side of the figure it totals (`side.running_total`);
2. a side word right before a label ("the Russian soldiers killed ... reached 89"; `side.label`);
3. a side word inside the counted phrase ("1,584 Russian tanks", "35,970 invaders";
   `side.in_phrase`); both sides named there: `other` (`side.both_sides`);
4. the [[side_role]] patterns of `data/patterns.toml`: a side word after the counted phrase
   ("483 UAVs of the Ukrainian forces", "lost by Russia", "shot down by Ukrainian air
   defences"), then the nearest side word to the left in a loser or agent role ("Ukraine
   lost", "losses of the AFU", "Russian forces destroyed"); each entry's id is the rule id;
5. the claimant's own side acting or losing ("its forces destroyed", "we lose 60 a day", "Moscow
   has confirmed the loss of"; `side.own_agent`, `side.own_loser`, `side.admission`);
6. civilians: an occupation administration's are its own side's (`side.local_civilians`),
   else the side of the place named (`side.civilians_place`), else a governor's own side;
7. the side of the figure before it in the sentence (`side.sibling`), of the statement it
   continues (`side.continuation`), or of the same claimant's last figure (`side.carried`);
8. the claimant's enemy, the side named, the side last named in the document.
"The enemy" is the enemy of the claimant.
"""

from __future__ import annotations

import re

from attrition.extract.layers import SentenceLayers
from attrition.extract.rules import code_rule
from attrition.extract.state import CARRY_SENTENCES, DocState, RawClaim
from attrition.lexicon import Lexicon
from attrition.normalize.places import PlaceMention
from attrition.normalize.sides import SideMention

OPPOSITE = {"RU": "UA", "UA": "RU"}
_ADMISSION = re.compile(r"\b(?:admitted|admits|confirmed|confirms|acknowledged|acknowledges|conceded)\b", re.IGNORECASE)
_OWN_LOSER = re.compile(
    r"\b(?:we|our\s+(?:army|forces|troops|military|side)|(?:his|her)\s+(?:army|forces|troops|military))\s+"
    r"(?:(?:are|were|was|is|have|had|also|still|continue\s+to)\s+)*(?:lose|lost|losing|suffer|suffered)\b",
    re.IGNORECASE,
)
_ITS = re.compile(r"\b(?:its|their|our)\s+(?:forces|troops|military|army|defenders|units)\b", re.IGNORECASE)
_OWN_ACTION = re.compile(r"\b(?:destroyed|shot down|downed|killed|eliminated|intercepted|struck|hit)\b", re.IGNORECASE)
_LABEL_GAP = re.compile(r"[\w\s-]*")

LABEL = code_rule("side.label")
IN_PHRASE = code_rule("side.in_phrase")
BOTH_SIDES = code_rule("side.both_sides")
OWN_AGENT = code_rule("side.own_agent")
OWN_LOSER = code_rule("side.own_loser")
ADMISSION = code_rule("side.admission")
CIVILIANS_PLACE = code_rule("side.civilians_place")
LOCAL_CIVILIANS = code_rule("side.local_civilians")
# claimants who count the civilians of the ground they administer
_LOCAL = ("ru.local", "ru.proxy", "ua.local")
CIVILIANS_DEFAULT = code_rule("side.civilians_default")
SIBLING = code_rule("side.sibling")
CONTINUATION = code_rule("side.continuation")
CARRIED = code_rule("side.carried")
CLAIMANT_ENEMY = code_rule("side.claimant_enemy")
NEAREST = code_rule("side.nearest")
DOCUMENT = code_rule("side.document")
DEFAULT = code_rule("side.default")


def concrete(side: str, claimant_side: str | None) -> str | None:
    """A side word's side: "the enemy" is the claimant's enemy."""
    if side == "enemy":
        return OPPOSITE.get(claimant_side or "")
    return side


def from_grammar(
    text: str,
    layers: SentenceLayers,
    num_left: int,
    np_start: int,
    np_end: int,
    speaker_side: str | None,
    lex: Lexicon,
) -> tuple[str | None, str | None]:
    """Rules 3-4: the side the sentence's grammar gives the figure, or (None, None)."""
    mentions = layers.sides
    inside = {
        side
        for sm in mentions
        if (np_start <= sm.start < np_end or num_left <= sm.start < np_end)
        and (side := concrete(sm.side, speaker_side))
    }
    if {"RU", "UA"} <= inside:
        return "other", BOTH_SIDES  # "500,000 Russian and Ukrainian troops": both armies together
    for sm in mentions:
        if np_start <= sm.start < np_end or (num_left <= sm.start < np_end):
            side = concrete(sm.side, speaker_side)
            if side:
                return side, IN_PHRASE
    sent_start, sent_end = layers.sentence.start, layers.sentence.end
    tail_end = min(sent_end, np_end + 60)
    after_phrase = [r for r in lex.side_roles if r.where == "after_phrase"]
    for sm in mentions:
        if not np_end <= sm.start <= tail_end:
            continue
        gap = text[np_end : sm.start]
        for role in after_phrase:
            if role.regex.match(gap):
                side = concrete(sm.side, speaker_side)
                if side is None:
                    break
                if role.role == "agent":
                    if side not in OPPOSITE:
                        break
                    side = OPPOSITE[side]
                return side, role.id
    best: tuple[int, str, str] | None = None
    left_roles = [r for r in lex.side_roles if r.where != "after_phrase"]
    for sm in mentions:
        if sm.end > num_left:
            continue
        side = concrete(sm.side, speaker_side)
        if side is None:
            continue
        after = text[sm.end : num_left]
        before = text[max(sent_start, sm.start - 30) : sm.start]
        for role in left_roles:
            if role.mention_roles and sm.role not in role.mention_roles:
                continue
            if not role.regex.search(before if role.where == "before_side" else after):
                continue
            if role.role == "target":
                break
            if role.role == "agent":
                if side not in OPPOSITE:
                    break
                found = OPPOSITE[side]
            else:
                found = side
            if best is None or sm.start > best[0]:
                best = (sm.start, role.id, found)
            break
    if best is not None:
        return best[2], best[1]
    return None, None


def from_claimant(
    text: str, sent_start: int, num_left: int, claimant_side: str | None
) -> tuple[str | None, str | None]:
    """Rule 5: the claimant's own side acts, loses or admits."""
    if claimant_side not in OPPOSITE:
        return None, None
    window = text[sent_start:num_left]
    if _ITS.search(window) and _OWN_ACTION.search(window):
        return OPPOSITE[claimant_side], OWN_AGENT
    if _OWN_LOSER.search(window):
        return claimant_side, OWN_LOSER
    if _ADMISSION.search(window):
        return claimant_side, ADMISSION
    return None, None


def label_side(text: str, np_start: int, mentions: list[SideMention], claimant_side: str | None) -> str | None:
    """Rule 2: the side word right before a label."""
    for sm in mentions:
        # "загиблих українських військових — 31 тисяча": a side name that takes in the label
        overlaps = sm.start < np_start < sm.end
        if overlaps or 0 <= np_start - sm.end <= 25 and _LABEL_GAP.fullmatch(text, sm.end, np_start):
            side = OPPOSITE.get(claimant_side or "") if sm.side == "enemy" else sm.side
            if side:
                return side
    return None


def fallback(
    doc: DocState,
    layers: SentenceLayers,
    num_left: int,
    claimant: str,
    claimant_side: str | None,
    civilians: bool,
    place: PlaceMention | None,
    prev: RawClaim | None,
) -> tuple[str, str]:
    """Rules 6-8, when the sentence's grammar names no side."""
    if civilians and claimant == "ru.proxy":
        # an occupation head counts the dead of the ground he holds: "Kherson region" is Ukraine
        # on the map, but his dead are on his side of the line
        return "RU", LOCAL_CIVILIANS
    if civilians and place is not None and place.side:
        return place.side, CIVILIANS_PLACE
    last = doc.ctx.last
    i = layers.sentence.index
    if prev is not None:
        return prev.subject, SIBLING
    if layers.continuation and last is not None:
        return last.subject, CONTINUATION
    if (
        not any(m.start < num_left for m in layers.sides)
        and last is not None
        and not last.sentence.headline  # a headline's guessed side must not steer the body
        and last.claimant == claimant
        and i - last.sentence.index <= CARRY_SENTENCES
    ):
        return last.subject, CARRIED
    if civilians:
        if place is not None and place.side:
            return place.side, CIVILIANS_PLACE
        if claimant in _LOCAL and claimant_side in OPPOSITE:
            return claimant_side, LOCAL_CIVILIANS  # a governor counts the dead of his region
        return "UA", CIVILIANS_DEFAULT
    if claimant_side in OPPOSITE:
        return OPPOSITE[claimant_side], CLAIMANT_ENEMY
    for sm in layers.sides:
        if sm.side in ("RU", "UA", "other"):
            return sm.side, NEAREST
    if doc.last_side is not None:
        return doc.last_side, DOCUMENT
    return "UA", DEFAULT
