"""Sentence and paragraph segmentation with character offsets.

A line of a text file is a paragraph (news text files put one paragraph per line; headlines
and list items stand on lines of their own). Within a line, a sentence ends at `.`, `!` or
`?` (plus closing quotes) followed by a space and a capital, digit, quote or bullet, unless
the word before the period is an abbreviation from `data/abbreviations.toml` or an initial.
Written by hand rather than taken from a library because the spans must be exact offsets
into the original text and the splitter runs on every document of a bulk run.

Hostile text is one endless line: every pattern here is linear (a boundary match starts only at
the first mark of a run, the word before a period is looked for in a bounded tail), and a
sentence longer than `limits.MAX_SENTENCE_CHARS` is handed on in pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrition.lexicon import load_lexicon
from attrition.text.limits import sentence_pieces

# Possessive quantifiers and the look-behind keep a run of "!!!!" or "...." from being retried
# at each of its positions (quadratic on one long line).
_BOUNDARY = re.compile(r"""(?<![.!?])[.!?]++["')\]]*+\s++(?=["'(\[\u2022*•>-]?\s*[A-Z0-9"'\u0400-\u04ff•])""")
_WORD_BEFORE = re.compile(r"([\w.'-]+)[.!?]+[\"')\]]*\s*$")
#: Characters before a boundary searched for the word it ends (longer words are no abbreviation).
_TAIL = 64


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    index: int
    headline: bool  # a line with no sentence-final punctuation (a title, a list item)

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]


def _is_abbreviation(chunk: str, abbreviations: frozenset[str]) -> bool:
    m = _WORD_BEFORE.search(chunk)
    if not m:
        return False
    word = m.group(1)
    if word in abbreviations or word.rstrip(".") in abbreviations:
        return True
    # initials ("J. Smith") and dotted acronyms ("U.S.")
    return len(word) == 1 and word.isupper() or bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` (already folded), in order, trimmed of surrounding spaces."""
    abbreviations = load_lexicon().abbreviations
    sentences: list[Sentence] = []
    pos = 0
    paragraph = -1
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        paragraph += 1
        cuts = [0]
        for m in _BOUNDARY.finditer(line):
            if _is_abbreviation(line[max(cuts[-1], m.start() + 1 - _TAIL) : m.start() + 1], abbreviations):
                continue
            cuts.append(m.end())
        cuts.append(len(line))
        for a, b in zip(cuts, cuts[1:], strict=False):
            chunk = line[a:b]
            stripped = chunk.strip()
            if not stripped:
                continue
            s = line_start + a + (len(chunk) - len(chunk.lstrip()))
            e = s + len(stripped)
            headline = len(cuts) == 2 and not stripped.endswith((".", "!", "?", '"', "'", ":", ";"))
            pieces = sentence_pieces(text, s, e)
            for ps, pe in pieces:
                sentences.append(Sentence(ps, pe, paragraph, len(sentences), headline and len(pieces) == 1))
    return sentences
