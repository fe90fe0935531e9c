"""What happened to the counted thing: the trigger that governs the number, then the event.

Rules, in order:
1. a trigger of `data/events.toml` governs the number (`trigger.<id>`): the nearest one to its
   left with no blocker ("provided", "launched") between, or one right after its noun ("475
   soldiers were killed"); a specific personnel trigger after the noun beats a generic verb
   before it; "killed or wounded" after the noun is one mixed event (`trigger.mixed_tail`);
   with none outside, a participle inside the counted phrase ("1440 ліквідованих окупантів");
2. a blocker governs it: no claim (a launched munition is kept for `trigger.all_downed`);
3. a bare figure after a counted one shares its trigger (`trigger.sibling`);
4. a continuation sentence ("Among them ...") continues the last claim's (`trigger.continuation`);
5. a list line under a lead with a trigger is a loss (`trigger.list_item`);
6. a noun that names its own event ("casualties") needs no trigger.
The FORMAT event then follows from the trigger kind and the categories (`event_for`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrition.extract.breakdowns import INCLUDING
from attrition.extract.layers import SentenceLayers
from attrition.extract.rules import code_rule
from attrition.extract.state import DocState, RawClaim
from attrition.extract.triggers import Hit
from attrition.lexicon import Lexicon
from attrition.lexicon.load import TriggerInfo

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
# a trigger further right governs only across a list, not across a clause ("... that Russia has lost")
_LIST_TAIL = re.compile(
    r"^(?:(?!\b(?:that|so|because|while|but|which|when|after|if|since|although)\b)[^;:.\u2026]){0,400}$"
)
_OBJECT_GAP = re.compile(
    r"\s+(?:(?!(?:and|or|і|й|и|та|а|або|или|ще|еще|ещё|another|in|on|at|by|near|over|during|within|for|"
    r"у|в|на|під|над|при|за|по|під\s+час|во\s+время)\s)[^\W\d]+\s+){0,2}",
    re.IGNORECASE,
)
_EVENT_KIND = {"killed": "kill", "wounded": "wound", "pow": "pow"}
_CLAUSE_BREAK = re.compile(r"(?:;|\bwhile\b|\bwhereas\b|\bbut\b|\bhowever\b)", re.IGNORECASE)

MIXED_TAIL = code_rule("trigger.mixed_tail")
SIBLING = code_rule("trigger.sibling")
CONTINUATION = code_rule("trigger.continuation")
LIST_ITEM = code_rule("trigger.list_item")
INCLUDED_PART = code_rule("trigger.included_part")
ALL_DOWNED = code_rule("trigger.all_downed")


@dataclass(slots=True)
class Trigger:
    """The event decision's outcome for one number."""

    kind: str | None  # a trigger kind, or None when the noun names its own event
    rule: str | None
    blocked: str | None = None


def governing(
    text: str,
    num_left: int,
    np_end: int,
    hits: list[Hit],
    blockers: list[tuple[int, int, str]],
    *,
    personnel: bool,
    right_ids: frozenset[str] = frozenset(),
) -> tuple[Hit | None, str | None]:
    """(trigger, blocker id) for a number spanning `num_left`..`np_end`."""
    right = None
    for h in hits:
        if h.start >= np_end and h.info.position in ("right", "both"):
            if _RIGHT_GAP.match(text[np_end : h.start]):
                right = h
            break
    # the number is the subject of a verb that says it was no loss ("12 reached their targets")
    for b in blockers:
        if b[2] in right_ids and b[0] >= np_end and (right is None or b[0] < right.start):
            if _RIGHT_GAP.match(text[np_end : b[0]]):
                return None, b[2]
            break
    blockers = [b for b in blockers if b[2] not in right_ids]
    left = None
    for h in hits:
        if h.end <= num_left and h.info.position in ("left", "both"):
            left = h
    blocked = None
    for b in blockers:
        near = len(_WORD.findall(text, b[1], num_left)) <= 4 and not _PHRASE_BREAK.search(text, b[1], num_left)
        # a blocker right before the trigger qualifies it: "из плена освобождены 84" (released)
        qualifies = left is not None and b[1] <= left.start and not text[b[1] : left.start].strip()
        if b[1] <= num_left and (left is None or left.end <= b[0] or qualifies) and near:
            blocked = b[2]
    if left is not None and _CLAUSE_BREAK.search(text, left.end, num_left):
        left = None
    if blocked and right is None:
        return None, blocked
    if blocked:
        left = None
    if right is None and left is None:
        for h in hits:
            if (
                h.start >= np_end
                and h.info.position in ("right", "both")
                and h.info.reach == "clause"
                and _LIST_TAIL.match(text[np_end : h.start])
            ):
                right = h
                break
    if (
        right is not None
        and left is not None
        and "," in text[np_end : right.start]
        and len(_WORD.findall(text, left.end, num_left)) <= 1
    ):
        right = None  # "загинули п'ятеро людей, поранені ще семеро": the verb right before governs
    if right is not None and right.info.kind == "kill" and _MIXED_TAIL.match(text, right.end):
        right = Hit(right.start, right.end, TriggerInfo("mixed_tail", "mixed", "agent", "right"))
    if right is not None and (left is None or (personnel and right.info.kind in ("kill", "wound", "mixed", "pow"))):
        return right, None
    if left is None and right is None:
        # "повідомив про 1440 ліквідованих окупантів", "12 destroyed tanks": a participle inside
        # the counted phrase governs it
        inside = next((h for h in hits if num_left < h.start and h.end <= np_end and h.info.kind != "loss"), None)
        if inside is not None:
            return inside, None
    return left, None


def _object_follows(text: str, hit: Hit, layers: SentenceLayers) -> bool:
    """Whether a number stands right after an active verb of destruction: its object, so the
    number before the verb is the agent ("Двоє бійців взяли в полон шістьох окупантів")."""
    nxt = next((m for m in layers.numbers if m.left >= hit.end), None)
    if nxt is None or nxt.kind in ("article", "increment"):
        return False  # "killed in a strike": an article after a preposition is no object
    return _OBJECT_GAP.fullmatch(text, hit.end, nxt.left) is not None


def _included(text: str, prev: RawClaim, num_left: int) -> bool:
    """Whether the number stands right after an "including"/"у тому числі" that follows `prev`."""
    ends = [m.end() for m in INCLUDING.finditer(text, prev.number.end, num_left)]
    return bool(ends) and not text[ends[-1] : num_left].strip(" :,")


def decide_trigger(
    doc: DocState,
    layers: SentenceLayers,
    num_left: int,
    np_end: int,
    categories: tuple[str, ...],
    intrinsic: str | None,
    prev: RawClaim | None,
    lex: Lexicon,
) -> Trigger | None:
    """The trigger of a number (None: not a loss figure)."""
    personnel = bool(set(categories) & PEOPLE) or not categories
    hit, blocked = governing(
        doc.text, num_left, np_end, layers.triggers, layers.blockers, personnel=personnel, right_ids=lex.right_blockers
    )
    if hit and hit.start >= np_end and hit.info.side == "agent" and _object_follows(doc.text, hit, layers):
        return Trigger(None, None, "agent")  # "Two soldiers captured six Russians": the two did it
    if hit:
        return Trigger(hit.info.kind, f"trigger.{hit.info.id}")
    if blocked:
        return Trigger(None, None, blocked)
    i = layers.sentence.index
    last = doc.ctx.last
    if prev is not None and prev.trigger_kind:
        return Trigger(prev.trigger_kind, SIBLING)
    if prev is not None and intrinsic is None and prev.event in _EVENT_KIND and _included(doc.text, prev, num_left):
        # "9,000 civilian deaths, including 500 children": the part shares its whole's event
        return Trigger(_EVENT_KIND[prev.event], INCLUDED_PART)
    if layers.continuation and last is not None and i - last.sentence.index <= 2:
        return Trigger(last.trigger_kind, CONTINUATION)
    if layers.list_item and (i - doc.list_chain <= 1 or layers.has_trigger):
        return Trigger("loss", LIST_ITEM)
    if intrinsic is None:
        return None
    return Trigger(None, None)


def event_for(kind: str | None, categories: tuple[str, ...], intrinsic: str | None) -> str | None:
    """The FORMAT event for a trigger kind and the categories it counts."""
    cats = set(categories)
    if cats & PEOPLE:
        if intrinsic:
            return intrinsic  # the noun says what happened: "8,848 injured", "405 casualties"
        if kind is None:
            return intrinsic
        return _PERSONNEL_EVENT.get(kind) or intrinsic
    if cats & GROUND:
        return "captured" if kind in ("capture", "loss", "destroy", "pow") else None
    if kind in ("kill", "wound", "mixed"):
        return None
    if kind is None:
        return None
    if cats and cats <= MUNITIONS:
        return "intercepted"
    return "lost"
