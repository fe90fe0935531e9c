"""Whose loss: the side that lost the troops, the tank, the launched drone, the ground.

Read from the claimant's point of view, in this order (first that applies wins):
1. a side word inside the counted phrase ("1,584 Russian tanks", "35,970 invaders");
2. an owner after it ("483 UAVs of the Ukrainian Armed Forces", "drones launched by Russia");
3. a side that is the subject of a loss ("Ukraine lost", "losses of the AFU", "Putin's losses");
4. a side that is the agent of a destruction ("Russian forces destroyed": the other side lost);
5. an admission ("Moscow has confirmed the loss of"): the claimant's own side;
6. the claimant's enemy; for civilians, the country the place named is in.
"The enemy" is the enemy of the claimant. Each step is a named rule id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrition.lexicon import Lexicon
from attrition.lexicon.load import key

_OPPOSITE = {"RU": "UA", "UA": "RU"}
_LOSER_AFTER = re.compile(
    r"^(?:'s)?\s*(?:(?:armed\s+forces|army|military|forces|troops|side|units|defenders|it|they)\s+)?"
    r"(?:(?:has|have|had|also|so\s+far|already|reportedly|now|just|continued\s+to|continues\s+to|is|are|was|"
    r"claimed|claims|said|says|admitted|confirmed|reported|acknowledged|announced|that|it|they)\s+)*"
    r"(?:lost|lose|loses|losing|suffered|suffers|sustained)\b",
    re.IGNORECASE,
)
_OWNER_LOSSES = re.compile(
    r"^(?:'s)?\s+(?:combat\s+|military\s+|total\s+|troop\s+|personnel\s+)?(?:losses|loss|casualties|death\s+toll)\b",
    re.IGNORECASE,
)
_LOSSES_OF = re.compile(r"(?:losses|loss|casualties)\s+(?:suffered\s+by|of)\s+(?:the\s+)?$", re.IGNORECASE)
_AGENT_AFTER = re.compile(
    r"^(?:'s)?\s*(?:(?:armed\s+forces|army|military|forces|troops|units|defenders|air\s+defen[cs]es?"
    r"(?:\s+(?:systems|forces))?|air\s+force|fighters|soldiers|navy|drones|Defence\s+Forces|Defense\s+Forces)\s+)?"
    r"(?:(?:have|has|had|also|reportedly|successfully|so\s+far|already)\s+)*"
    r"(?:destroyed|destroy|shot\s+down|downed|intercepted|killed|kill|eliminated|liquidated|stopped|hit|"
    r"struck|captured|liberated|pushed|took|taken|seized|gained|advanced|occupied|neutrali[sz]ed|disabled|wiped\s+out)\b",
    re.IGNORECASE,
)
_PLACE_PREP = re.compile(r"\b(?:on|in|at|near|over|into|against|toward|towards|across)\s+(?:the\s+)?$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_LAUNCHED_BY = re.compile(r"^\s*(?:launched|fired|used|deployed|operated|sent)\s+by\s+(?:the\s+)?", re.IGNORECASE)
_ADMISSION = re.compile(r"\b(?:admitted|admits|confirmed|confirms|acknowledged|acknowledges|conceded)\b", re.IGNORECASE)
_OWN_LOSER = re.compile(
    r"\b(?:we|our\s+(?:army|forces|troops|military|side)|(?:his|her)\s+(?:army|forces|troops|military))\s+"
    r"(?:(?:are|were|was|is|have|had|also|still|continue\s+to)\s+)*(?:lose|lost|losing|suffer|suffered)\b",
    re.IGNORECASE,
)
_ITS = re.compile(r"\b(?:its|their|our)\s+(?:forces|troops|military|army|defenders|units)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SideMention:
    start: int
    end: int
    side: str  # RU | UA | other | enemy
    role: str


def side_mentions(text: str, start: int, end: int, lex: Lexicon) -> list[SideMention]:
    """Side words in `text[start:end]`."""
    out = []
    for m in lex.side_re.finditer(text, start, end):
        form = lex.sides.get(key(m.group(0)))
        if form is not None:
            out.append(SideMention(m.start(), m.end(), form.side, form.role))
    return out


def _concrete(side: str, claimant_side: str | None) -> str | None:
    if side == "enemy":
        return _OPPOSITE.get(claimant_side or "")
    return side


def resolve_subject(
    text: str,
    sent_start: int,
    sent_end: int,
    num_left: int,
    np_start: int,
    np_end: int,
    mentions: list[SideMention],
    claimant_side: str | None,
    lex: Lexicon,
    speaker_side: str | None = None,
) -> tuple[str | None, str]:
    """(side, rule id) of the loser of the quantity at `num_left`, or (None, rule) if unknown."""
    # 1. inside the counted phrase
    for sm in mentions:
        if np_start <= sm.start < np_end or (num_left <= sm.start < np_end):
            side = _concrete(sm.side, speaker_side or claimant_side)
            if side:
                return side, "side.in_phrase"
    # 2. an owner right after it
    tail = text[np_end : min(sent_end, np_end + 60)]
    m = re.match(r"^\s*(?:of|belonging\s+to)\s+(?:the\s+)?", tail, re.IGNORECASE)
    m2 = _LAUNCHED_BY.match(tail)
    for hit in (m, m2):
        if hit:
            for sm in mentions:
                if sm.start == np_end + hit.end():
                    side = _concrete(sm.side, speaker_side or claimant_side)
                    if side:
                        return side, "side.owner_after"
    # 3./4. the nearest side to the left in a loser or agent role
    best: tuple[int, str, str] | None = None
    for sm in mentions:
        if sm.end > num_left:
            continue
        after = text[sm.end : num_left]
        before = text[max(sent_start, sm.start - 30) : sm.start]
        side = _concrete(sm.side, speaker_side or claimant_side)
        if side is None:
            continue
        role = None
        target = _PLACE_PREP.search(before) and sm.role == "name"  # "an attack on Kyiv killed ..."
        if _LOSSES_OF.search(before) or (not target and (_LOSER_AFTER.match(after) or _OWNER_LOSSES.match(after))):
            role = ("side.loser", side)
        elif target:
            continue
        elif _BY_AGENT.search(before) and side in _OPPOSITE:
            role = ("side.agent_by", _OPPOSITE[side])
        elif _AGENT_AFTER.match(after) and side in _OPPOSITE:
            role = ("side.agent", _OPPOSITE[side])
        if role and (best is None or sm.start > best[0]):
            best = (sm.start, role[0], role[1])
    if best is not None:
        return best[2], best[1]
    # "its forces destroyed" / "our troops shot down": the claimant's side acted
    window = text[sent_start:num_left]
    if (
        claimant_side in _OPPOSITE
        and _ITS.search(window)
        and re.search(
            r"\b(?:destroyed|shot down|downed|killed|eliminated|intercepted|struck|hit)\b", window, re.IGNORECASE
        )
    ):
        return _OPPOSITE[claimant_side], "side.own_agent"
    # "we lose 60 to 100 soldiers a day", "his army was losing": the claimant's own side
    if claimant_side in _OPPOSITE and _OWN_LOSER.search(window):
        return claimant_side, "side.own_loser"
    # 5. an admission
    if claimant_side in _OPPOSITE and _ADMISSION.search(window):
        return claimant_side, "side.admission"
    return None, "side.unknown"


def default_subject(
    claimant_side: str | None, mentions: list[SideMention], place_side: str | None, civilians: bool
) -> tuple[str, str]:
    """The fallback: civilians by place, otherwise the claimant's enemy, else the side named."""
    if civilians:
        if place_side:
            return place_side, "side.civilians_place"
        return "UA", "side.civilians_default"
    if claimant_side in _OPPOSITE:
        return _OPPOSITE[claimant_side], "side.claimant_enemy"
    for sm in mentions:
        if sm.side in ("RU", "UA", "other"):
            return sm.side, "side.nearest"
    return "UA", "side.default"
