"""Offset-preserving character folding.

News text mixes typographic quotes, dashes and a zoo of space characters. Patterns are far
simpler when they only have to know one of each, but evidence spans must point into the
original text, so folding maps every character to exactly one character.
"""

from __future__ import annotations

_FOLD = {
    # apostrophes and single quotes
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\u00b4": "'",
    # double quotes
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    # dashes and minus signs
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2e3a": "-",
    # spaces that are not U+0020
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2008": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\t": " ",
    "\u000b": " ",
    "\u000c": " ",
    # zero-width characters become spaces rather than vanishing, to keep offsets
    "\u200b": " ",
    "\u200c": " ",
    "\u200d": " ",
    "\u2060": " ",
    "\ufeff": " ",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0085": "\n",
}
# Remaining control characters (other than newline) would confuse the sentence splitter; they
# carry no meaning in article text, and become spaces in the same pass.
_CONTROLS = {chr(c): " " for c in range(0x20) if chr(c) not in _FOLD and chr(c) != "\n"}
_TABLE = str.maketrans({**_FOLD, **_CONTROLS})


def fold(text: str) -> str:
    """Return `text` with quotes, dashes and spaces folded; `len(fold(t)) == len(t)`."""
    return text.translate(_TABLE)
