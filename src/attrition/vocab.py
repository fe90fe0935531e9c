"""The vocabularies a filter may name, and the check that turns a typo into a clear error.

A misspelt filter (`--subject ru`, `--category tank`) must not silently return nothing: it
is matched case-insensitively against the vocabulary and, when it is not in it, refused with
the nearest value and the allowed ones. The CLI and the web share these words and messages.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources

from attrition.models import CATEGORIES, EVENTS

SUBJECTS: tuple[str, ...] = ("UA", "RU", "other")
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "range")


class VocabError(ValueError):
    """A filter value outside its vocabulary; the message names the filter and the nearest value."""

    def __init__(self, name: str, value: str, allowed: Iterable[str], suggestion: str | None) -> None:
        self.name, self.value, self.suggestion = name, value, suggestion
        self.allowed = tuple(allowed)
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        shown = ", ".join(self.allowed[:30]) + (", ..." if len(self.allowed) > 30 else "")
        super().__init__(f"{name}: unknown value {value!r}{hint} (one of {shown})")


@cache
def claimants() -> tuple[str, ...]:
    """Claimant ids the lexicon knows (`data/actors.toml`), in file order."""
    raw = resources.files("attrition.data").joinpath("actors.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    ids = [a["id"] for a in data.get("actor", [])]
    ids += [s["claimant"] for s in data.get("speaker", []) if s.get("claimant")]
    return tuple(dict.fromkeys(ids))


def nearest(value: str, allowed: Iterable[str]) -> str | None:
    """The allowed value closest to `value` (ignoring case), if any is close enough."""
    items = list(allowed)
    lowered = {a.lower(): a for a in items}
    low = value.lower()
    prefixed = [a for a in items if a.lower().startswith(low)] if len(low) >= 3 else []
    if len(prefixed) == 1:
        return prefixed[0]
    near = difflib.get_close_matches(low, list(lowered), n=1, cutoff=0.6)
    return lowered[near[0]] if near else None


def checked(name: str, value: str | None, allowed: Iterable[str]) -> str | None:
    """`value` spelt as in `allowed` (case-insensitively), None when unset; else `VocabError`."""
    if value in (None, ""):
        return None
    assert value is not None
    items = tuple(allowed)
    for item in items:
        if item.lower() == value.lower():
            return item
    raise VocabError(name, value, items, nearest(value, items))


def checked_category(name: str, value: str | None) -> str | None:
    """A category filter: one category, or a `+`-combination of them (`tanks+afv`)."""
    if not value:
        return None
    return "+".join(str(checked(name, part, CATEGORIES)) for part in value.split("+"))


__all__ = [
    "CATEGORIES", "EVENTS", "QUALIFIERS", "SUBJECTS", "VocabError", "checked", "checked_category", "claimants",
    "nearest",
]  # fmt: skip
