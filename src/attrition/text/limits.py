"""Caps on the work one document can cost: how much of it is read, how long a sentence may be.

Anyone can publish a feed entry that is one 5 MB line. Rules that look around each number are
cheap on news sentences (a few hundred characters) but grow with the square of a sentence's
length, so an overlong sentence is read in pieces of at most `MAX_SENTENCE_CHARS`, cut at a
clause or word boundary; nothing in it is skipped. A document longer than `MAX_DOCUMENT_CHARS`
is read up to that point (cut at a line end) and the rest is reported by `reading_limit`, never
dropped silently: the stored text stays whole, only extraction stops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The longest sentence read in one piece. News sentences are far shorter (a General Staff
#: list in one sentence is under 1,000 characters); longer "sentences" are lists or garbage.
MAX_SENTENCE_CHARS = 1_000

#: How much of a document is read for claims (characters): 2 MiB. A long report is ~100,000.
MAX_DOCUMENT_CHARS = 2 * 1024 * 1024

_CLAUSE = re.compile(r"[;,:]\s")


@dataclass(frozen=True, slots=True)
class ReadingLimit:
    """How much of a document's text the extractor reads, and what that leaves out."""

    read: int
    total: int

    @property
    def truncated(self) -> bool:
        return self.read < self.total

    def message(self) -> str:
        """One line for an error list: what was not read, in the user's terms."""
        return (
            f"document is {self.total:,} characters; claims were read from the first {self.read:,} "
            f"only ({self.total - self.read:,} characters not read)"
        )


def reading_limit(text: str, max_chars: int | None = None) -> ReadingLimit:
    """How much of `text` is read: all of it, or up to the last line end before `max_chars`."""
    max_chars = MAX_DOCUMENT_CHARS if max_chars is None else max_chars
    if len(text) <= max_chars:
        return ReadingLimit(len(text), len(text))
    cut = text.rfind("\n", max_chars // 2, max_chars)
    return ReadingLimit(cut if cut != -1 else max_chars, len(text))


def sentence_pieces(text: str, start: int, end: int, max_chars: int | None = None) -> list[tuple[int, int]]:
    """`text[start:end]` as spans of at most `max_chars`, each trimmed of surrounding spaces.

    A piece ends after the last clause mark (`;`, `,`, `:`) in its second half, else at the
    last space there, else at the cap; so no piece but the last is shorter than half the cap.
    Work is linear in the sentence: each character is looked at a bounded number of times.
    """
    max_chars = MAX_SENTENCE_CHARS if max_chars is None else max_chars
    if end - start <= max_chars:
        return [(start, end)]
    low = max(1, max_chars // 2)
    pieces: list[tuple[int, int]] = []
    pos = start
    while end - pos > max_chars:
        window = text[pos + low : pos + max_chars]
        cut = -1
        for m in _CLAUSE.finditer(window):
            cut = m.start() + 1
        if cut == -1:
            space = max(window.rfind(" "), window.rfind("\t"))
            cut = space if space != -1 else len(window)
        stop = pos + low + cut
        pieces.append((pos, stop))
        pos = stop
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        pieces.append((pos, end))
    trimmed = []
    for a, b in pieces:
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed
