"""Finder: the loss triggers and blockers of `data/events.toml` in a sentence.

Which trigger governs a number, and the event it gives, is decided in `deciders/event.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from attrition.lexicon import Lexicon
from attrition.lexicon.load import TriggerInfo, key


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
    "multiple launch rocket systems" launches nothing. A word that is both (the blocker listed
    as that very form: "освобожденных", the released, of the lemma "освободить") is the
    blocker. `categories` are the sentence's category nouns when the caller has them already.
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
        if (h.info.kind == "loss" or not any(a <= h.start and h.end <= b and b - a > h.end - h.start for a, b in terms))
        and not any(b[0] <= h.start and h.end <= b[1] for b in blockers)
    ]
    return hits, blockers
