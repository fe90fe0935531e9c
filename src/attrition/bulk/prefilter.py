"""A cheap test for loss vocabulary, run before the expensive steps on pages that cannot hold a claim.

The extractor only reads a number as a claim inside a loss context: a trigger that governs it
("lost", "destroyed", "втрати") or a category noun that carries its own event ("casualties",
"killed", "wounded"). A page containing none of those words cannot yield a claim, so main-text
extraction, MinHash, claim extraction and storage are skipped for it. The vocabulary is the
extractor's own lexicon (the same forms, matched the same way on folded text), so a term added
to the lexicon widens the prefilter with it and the skip never costs a claim.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from attrition.lexicon import load_lexicon
from attrition.lexicon.load import alternation
from attrition.text.normalize import fold

#: The lexicons the prefilter draws on: a page in any of them is read.
LANGUAGES = ("en", "ru", "uk")


@lru_cache(maxsize=1)
def loss_vocabulary() -> re.Pattern[str]:
    """Every trigger form and every event-bearing category form of every language's lexicon
    (Russian and Ukrainian forms are expanded to every case there), as one whole-word regex."""
    forms: set[str] = set()
    for lang in LANGUAGES:
        lex = load_lexicon(lang)
        forms |= set(lex.triggers) | {form for form, info in lex.categories.items() if info.event}
    return alternation(forms, ignore_case=True)


def has_loss_vocabulary(text: str) -> bool:
    """True when `text` (plain text, or a raw HTML page) contains a loss term."""
    if "&" in text:  # an HTML page may spell its words with character references
        text = html.unescape(text)
    return loss_vocabulary().search(fold(text)) is not None
