"""Spelled-out case classes match exactly what IGNORECASE matches, so the faster patterns find the same words."""

from __future__ import annotations

import re

import pytest

from attrition.lexicon import load_lexicon
from attrition.lexicon.casing import case_class, ci_alternatives, ci_compile, ci_literal, ci_words
from attrition.lexicon.load import alternation

EVERY_CHAR = "".join(map(chr, range(0x110000)))


def _lexicon_chars() -> set[str]:
    chars: set[str] = set("abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ'’-.")
    for lang in ("en", "ru", "uk"):
        lex = load_lexicon(lang)
        for table in (lex.categories, lex.triggers, lex.blockers, lex.periods, lex.actors):
            chars |= {c for form in table for c in form}
    return chars


def test_no_character_outside_the_basic_plane_folds_into_it() -> None:
    # casing.py scans only the Basic Multilingual Plane for a letter's variants
    assert re.findall(r"[\x00-\uffff]", EVERY_CHAR[0x10000:], re.IGNORECASE) == []


def test_each_class_is_exactly_what_ignorecase_accepts() -> None:
    chars = sorted(_lexicon_chars())
    union = re.compile("[" + "".join(re.escape(c) for c in chars) + "]", re.IGNORECASE)
    candidates = set(union.findall(EVERY_CHAR))  # every character that case-folds to one of them
    for c in chars:
        flagged = {x for x in candidates if re.fullmatch(re.escape(c), x, re.IGNORECASE)}
        spelled = {x for x in candidates if re.fullmatch(case_class(c), x)}
        assert spelled == flagged, c


def test_odd_case_partners_are_kept() -> None:
    # the long s, the Kelvin sign and the dotless i match s, k and i under IGNORECASE
    assert re.fullmatch(ci_literal("since"), "ſince")
    assert re.fullmatch(ci_literal("kill"), "\u212aILL")
    assert re.fullmatch(ci_literal("in"), "ıN")
    assert re.fullmatch(ci_literal("вбито"), "ᲀБИТО")
    assert not re.fullmatch(ci_literal("tank"), "tanks")


@pytest.mark.parametrize(
    "text",
    [
        "The Defence Ministry said ſoldiers and TANKS were lost; the ministry of defence added more.",
        "Минобороны России сообщило: УНИЧТОЖЕНЫ 12 танков, уничтожены ещё 3.",
    ],
)
def test_a_case_insensitive_alternation_finds_what_the_flag_finds(text: str) -> None:
    forms = ["defence ministry", "ministry of defence", "soldiers", "tanks", "уничтожены", "танков", "минобороны"]
    flagged = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?![\w])", re.I)
    assert [m.span() for m in alternation(forms, ignore_case=True).finditer(text)] == [
        m.span() for m in flagged.finditer(text)
    ]


_SAMPLES = [
    "Since February the ministry said 40 were killed, ſince then SAID more; от 3 мая до 5 мая, З 1 ВЕРЕСНЯ.",
    "From 12 May to 14 May, between 1.05 and 3.05; As of Monday, станом на 01.06.24, по СОСТОЯНИЮ на 1 июня.",
    "according to the report, per Reuters, CITING officials; по данным Минобороны, за словами голови",
    "Bringing the total to 40, the toll ROSE to 12, took to 3; in Total: 7, totalling",
]


@pytest.mark.parametrize(
    "src",
    [
        r"\b(?:from|between|з|із|від|с|со)\s+(?P<d>\d+\s+\w+)(?:\s+(?:to|до)\s+(?P<d2>\d+\s+\w+))?",
        r"\b(?:according\s+to|citing|per|(?:по\s+данным|за\s+словами)|said|says)\b",
        r"\b(?:(since)|as\s+of)\s+(\w+)",  # numbered groups keep their numbers
        r"\b(?:on\s+)?(?:monday|friday)",  # an optional opening group: compiled with the flag
        r"(?:a|b)x|since",  # two alternatives at the top: compiled with the flag
        r"(?:(?:bringing|took)\s+(?:the\s+)?to|(?:rose|total)(?:\s+to)?|total\s*[-:])\s*",  # a leading group
    ],
)
def test_ci_compile_matches_as_the_flag_does(src: str) -> None:
    fast, flagged = ci_compile(src), re.compile(src, re.IGNORECASE)
    assert fast.groupindex == flagged.groupindex and fast.groups == flagged.groups
    for text in _SAMPLES:
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
            (m.span(), m.groups()) for m in flagged.finditer(text)
        ]


def test_ci_alternatives_keeps_the_order_that_decides_a_flat_alternation() -> None:
    # the first alternative that fits wins, not the longest: "per" before "percent"
    fast = re.compile(ci_alternatives("per|percent"))
    assert fast.match("PERCENT").group() == "PER"
    assert re.compile(ci_words(["percent", "per"])).match("Percent").group() == "Percent"
