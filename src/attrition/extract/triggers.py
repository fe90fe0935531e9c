"""What happened: the loss trigger that governs a number, and the FORMAT event it gives.

A number counts only when a trigger from `data/events.toml` governs it: the nearest one to
its left in the sentence with no blocker ("provided", "deployed", "launched") in between,
or one right after its noun ("475 soldiers were reported killed"). A specific personnel
event after the noun ("60 to 100 soldiers a day as killed") beats a generic verb before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrition.lexicon import Lexicon
from attrition.lexicon.load import TriggerInfo, key

MUNITIONS = frozenset({"uav", "missiles", "rockets", "bombs"})
GROUND = frozenset({"territory_km2", "settlements"})
PEOPLE = frozenset({"personnel", "civilians"})

_PERSONNEL_EVENT = {
    "loss": "casualties",
    "kill": "killed",
    "wound": "wounded",
    "mixed": "casualties",
    "pow": "pow",
    "destroy": "casualties",
    "intercept": None,
    "capture": "pow",
}
_RIGHT_GAP = re.compile(
    r"^[\s,]*(?:(?:were|was|have|has|had|been|being|reportedly|reported|later|also|as|who|to|are|is|"
    r"others?|more|in\s+action|allegedly|probably|likely|highly\s+likely|confirmed|documented|"
    r"in\s+the\s+fighting|in\s+combat|known|believed|thought|said|likely\s+been|also\s+been|a\s+day|per\s+day|"
    r"daily|each\s+day|every\s+day)\s+)*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_MIXED_TAIL = re.compile(r"\s+(?:or|and)\s+(?:wounded|injured)\b", re.IGNORECASE)
_PHRASE_BREAK = re.compile(r"[,;:]")
_LIST_TAIL = re.compile(r"^[^;:.]{0,400}$")
_CLAUSE_BREAK = re.compile(r"(?:;|\bwhile\b|\bwhereas\b|\bbut\b|\bhowever\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    info: TriggerInfo


def find_triggers(
    text: str, start: int, end: int, lex: Lexicon, categories: list[tuple[int, int, str]] | None = None
) -> tuple[list[Hit], list[tuple[int, int, str]]]:
    """Triggers and blockers (start, end, id) in `text[start:end]`.

    A blocker or trigger word inside a longer lexicon noun does not count: "launch" in
    "multiple launch rocket systems" launches nothing. `categories` are the sentence's
    category nouns when the caller has them already.
    """
    hits = [Hit(m.start(), m.end(), lex.triggers[key(m.group(0))]) for m in lex.trigger_re.finditer(text, start, end)]
    if categories is None:
        terms = [(m.start(), m.end()) for m in lex.category_re.finditer(text, start, end)]
    else:
        terms = [(a, b) for a, b, _ in categories]
    terms += [(m.start(), m.end()) for m in lex.system_re.finditer(text, start, end)]
    blockers = [
        (m.start(), m.end(), lex.blockers[key(m.group(0))])
        for m in lex.blocker_re.finditer(text, start, end)
        if not any(a <= m.start() < b for a, b in terms)
    ]
    hits = [
        h
        for h in hits
        if h.info.kind == "loss" or not any(a <= h.start and h.end <= b and b - a > h.end - h.start for a, b in terms)
    ]
    return hits, blockers
