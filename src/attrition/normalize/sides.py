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
        if form is not None and not (lex.lang != "en" and _in_office_name(text, start, m.start(), m.end(), lex)):
            out.append(SideMention(m.start(), m.end(), form.side, form.role))
    return out


def _in_office_name(text: str, floor: int, a: int, b: int, lex: Lexicon) -> bool:
    """Whether `text[a:b]` is part of a speaker's name: "ЗСУ" in "Генштаб ЗСУ" names an office,
    not the side of a figure. Searched in a short window before the word, so the cost stays
    bounded per side word."""
    lo = max(floor, a - 60)
    for pattern in (lex.actor_re_cs, lex.actor_re_ci):
        for m in pattern.finditer(text, lo, min(len(text), b + 40)):
            if m.start() <= a and b <= m.end() and (m.start(), m.end()) != (a, b):
                return True
    return False
