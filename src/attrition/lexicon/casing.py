"""Case-insensitive matching spelled out as case-sensitive character classes.

`re.IGNORECASE` makes every cased letter of a pattern a case-folding test, and the engine's
fast paths (skipping a branch of an alternation on its first character, scanning for a
pattern's first character in C) only work on plain characters and sets. A prefix tree of
~1000 lexicon forms compiled with IGNORECASE is therefore tried branch by branch at every
position. Writing each letter as the exact set of characters IGNORECASE would accept (`[aA]`,
`[sSſ]`, `[вВᲀ]`) keeps the match identical and lets those fast paths work.

The sets are taken from `re` itself, so they follow whatever the running Python's Unicode
tables say: every character of the Basic Multilingual Plane that matches the letter under
IGNORECASE. No character outside that plane case-folds to one inside it
(`tests/lexicon/test_casing.py` checks the whole range), so the plane is the whole answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNIVERSE: list[str] = []  # every BMP character, built on first use
_CLASSES: dict[str, str] = {}
_SPELLINGS: dict[str, tuple[str, ...]] = {}


def _universe() -> str:
    if not _UNIVERSE:
        _UNIVERSE.append("".join(map(chr, range(0x10000))))
    return _UNIVERSE[0]


def _learn(chars: Iterable[str]) -> None:
    """Fill `_CLASSES` for `chars` with one IGNORECASE scan of the plane for all of them."""
    todo = sorted({c for c in chars if c not in _CLASSES})
    if not todo:
        return
    found = set(re.findall("[" + "".join(re.escape(c) for c in todo) + "]", _universe(), re.IGNORECASE))
    for c in todo:
        same = sorted(x for x in found if re.fullmatch(re.escape(c), x, re.IGNORECASE)) or [c]
        _SPELLINGS[c] = tuple(same)
        _CLASSES[c] = re.escape(same[0]) if len(same) == 1 else "[" + "".join(re.escape(x) for x in same) + "]"


def case_class(ch: str) -> str:
    """A case-sensitive regex for one character that matches what `ch` matches under IGNORECASE."""
    got = _CLASSES.get(ch)
    if got is None:
        _learn(ch)
        got = _CLASSES[ch]
    return got


def case_spellings(ch: str) -> tuple[str, ...]:
    """The characters `ch` matches under IGNORECASE, itself included."""
    if ch not in _SPELLINGS:
        _learn(ch)
    return _SPELLINGS[ch]


def prepare(texts: Iterable[str]) -> None:
    """Learn the classes of every character in `texts` at once (one scan instead of one each)."""
    _learn({c for t in texts for c in t})


def ci_literal(text: str) -> str:
    """`text` as a case-sensitive regex matching it case-insensitively; spaces match any whitespace run."""
    prepare([text])
    return "".join(r"\s+" if part.isspace() else case_class(part) for part in re.findall(r"\s+|\S", text))


def ci_words(words: Iterable[str]) -> str:
    """`w1|w2|...`, each word matched case-insensitively, in the order given (`ci_alternatives`)."""
    return ci_alternatives("|".join(re.escape(w) for w in words))


def _alternatives(src: str) -> list[str]:
    """`src` split at its top-level `|` (outside groups and character sets)."""
    parts, depth, cls, cur, i = [], 0, False, [], 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            cur.append(src[i : i + 2])
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
            if src[i + 1 : i + 2] == "]":  # "[]...]": the bracket is a member
                cur.append(c)
                i += 1
                c = src[i]
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def _group_end(src: str, start: int) -> int:
    """Index of the `)` closing the group that opens at `src[start]`; -1 if it does not close."""
    depth, cls, i = 0, False, start
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
            if src[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


# an opening parenthesis that may start a capturing group (erring towards yes)
_CAPTURE = re.compile(r"\((?!\?(?:[:=!]|<[=!]|[aiLmsux-]+[:)]))")


_MAX_COPIED = 120  # the longest tail copied behind each word of a leading group


def ci_alternatives(src: str) -> str:
    """The alternation `src`, written for IGNORECASE, as a regex to compile without the flag.

    Each alternative that starts with a plain letter (not quantified) becomes one alternative
    per spelling of that letter (`case_spellings`), the rest under `(?i:)`; any other goes under
    `(?i:)` whole. Only one spelling can match a given character, so the order of the
    alternatives, and which one wins, is unchanged.
    """
    out = []
    for alt in _alternatives(src):
        close = _group_end(alt, 0) if alt.startswith("(?:") else -1
        if close == len(alt) - 1:
            out.append(ci_alternatives(alt[3:-1]))  # "(?:a|b)|c" is "a|b|c"
            continue
        rest = alt[close + 1 :] if close > 0 else ""
        if rest and not rest.startswith(("?", "*", "+", "{")) and len(rest) <= _MAX_COPIED and not _CAPTURE.search(alt):
            # "(?:a|b)c" is "ac|bc", tried in the same order: the words come to the front
            out.append(ci_alternatives("|".join(a + rest for a in _alternatives(alt[3:close]))))
            continue
        head, rest = alt[:1], alt[1:]
        if head.isalpha() and not rest.startswith(("?", "*", "+", "{")):
            tail = f"(?i:{rest})" if rest else ""
            if _CAPTURE.search(rest):  # a group copied per spelling would be renumbered: one set
                out.append(case_class(head) + tail)
            else:
                out += [re.escape(v) + tail for v in case_spellings(head)]
        else:
            out.append(f"(?i:{alt})" if alt else "")
    return "|".join(out)


def ci_compile(src: str) -> re.Pattern[str]:
    """`re.compile(src, re.IGNORECASE)`, matching the same, faster where `src` opens on words.

    A pattern of the shape `\\b(?:word|word ...)rest` (the usual cue-word pattern) gets its
    words' first letters spelled out (`ci_alternatives`) and the rest under `(?i:)`, so the
    engine rejects most positions on one character; any other shape is compiled with the flag.
    """
    lead, body = (r"\b", src[2:]) if src.startswith(r"\b") else ("", src)
    if body.startswith("(?:") and len(_alternatives(src)) == 1:
        close = _group_end(body, 0)
        rest = body[close + 1 :]
        if close > 0 and not rest.startswith(("?", "*", "+", "{")):
            inner = ci_alternatives(body[3:close])
            return re.compile(f"{lead}(?:{inner})" + (f"(?i:{rest})" if rest else ""))
    return re.compile(src, re.IGNORECASE)
