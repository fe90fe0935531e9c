"""What a number counts: the noun phrase after it, or a label before it.

After a number the extractor reads at most a few words, through modifiers ("US-made",
"155 mm", "operational and tactical level"), looking for category nouns and named systems
from the lexicons. The head is the last category noun before a stop word ("seven Leopards
made in Germany" -> Leopard, tanks). Two category nouns joined by "and" count together
("290 tanks and armored combat vehicles" -> afv+tanks). When nothing follows, a label just
before the number may say what it counts ("tanks - 7,834 units", "Bashkortostan (5 945)").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from attrition.lexicon import Lexicon
from attrition.lexicon.load import key
from attrition.lexicon.morph import is_noun

_TOKEN = re.compile(r"[\w'/.-]*\w|[^\w\s]")
_STOP = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "were",
        "was",
        "is",
        "are",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "said",
        "says",
        "say",
        "in",
        "on",
        "at",
        "since",
        "during",
        "from",
        "to",
        "by",
        "with",
        "as",
        "over",
        "including",
        "include",
        "includes",
        "while",
        "after",
        "before",
        "per",
        "each",
        "the",
        "this",
        "these",
        "those",
        "than",
        "then",
        "when",
        "where",
        "if",
        "but",
        "because",
        "amid",
        "for",
        "into",
        "near",
        "against",
        "along",
        "across",
        "under",
        "reportedly",
    ]
)
_SKIPPABLE_PUNCT = frozenset({"-", "/"})
# "a 10-year-old boy": an age modifies the noun, it is no count of its own
_AGE = re.compile(r"\d{1,3}-year-old\b", re.IGNORECASE)
_CALIBRE = re.compile(r"\d{2,3}\s*-?\s*mm\b", re.IGNORECASE)
_OF_THEM = re.compile(r"of\s+(?:them|which|those)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?\s+(?=\w)")
_OF_THE = re.compile(r"of\s+(?:the|these|those|its|their|his|her)\s+(?=\D)", re.IGNORECASE)
_INCREMENT = re.compile(r"\(\s*\+\s*\d[\d, ]*(?:\s+[^()\d]{1,30}?)?\s*\)")
_OTHER = re.compile(r"(?:other|more|additional|further)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"\w+")
_MILITARY_WORDS = re.compile(r"\b(?:soldiers|troops|servicemen|military|fighters|officers|generals)\b", re.IGNORECASE)
_PERSON_HEAD = re.compile(r"(?:general|soldier|serviceman|officer|commander|man|person|pilot)$")
_NOT_HEAD_AFTER = re.compile(
    r"\s+(?:toll|tolls|population|infrastructure|areas?|objects?|facilit\w+|targets?|buildings?|houses?|homes?|"
    r"positions?|columns?|convoys?|units?|formations?|depots?|bases?|airfields?|production|industry)\b",
    re.IGNORECASE,
)
_NOT_ONE = re.compile(
    r"\s*(?:number|total|lot|series|string|couple|few|fraction|figure|share|part|third|half|quarter)\b", re.IGNORECASE
)

_AND = re.compile(r"\s+(?:and|or|&)\s+")
_SYSTEM_JOIN = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")


@dataclass(slots=True)
class NounPhrase:
    categories: tuple[str, ...] = ()
    event: str | None = None
    systems: list[str] = field(default_factory=list)
    system_category: str | None = None
    start: int = -1
    end: int = -1
    rules: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.categories) or bool(self.systems)

    @property
    def model(self) -> str | None:
        distinct = list(dict.fromkeys(self.systems))
        return distinct[0] if len(distinct) == 1 else None

    def category(self) -> tuple[str, ...]:
        if self.categories:
            return self.categories
        if self.system_category:
            return (self.system_category,)
        return ()


def _is_people(categories: tuple[str, ...]) -> bool:
    return bool(categories) and set(categories) <= {"personnel", "civilians"}


_ADJ_JOIN = re.compile(r"\s+[A-Z][a-z]+(?:an|ish|ese|ic)\b")


def noun_phrase_after(
    text: str, pos: int, lex: Lexicon, *, limit: int | None = None, max_tokens: int = 7
) -> NounPhrase:
    """Read the noun phrase that a number at `text[..pos]` counts."""
    end_limit = limit if limit is not None else len(text)
    np = NounPhrase()
    tokens = 0
    skipped = 0  # plain lower-case words passed over (modifiers such as "wheeled", "documented")
    join_pending = False
    prev_cap = False  # the last word passed over was capitalised ("Russian")
    while tokens < max_tokens and pos < end_limit:
        while pos < end_limit and text[pos].isspace():
            pos += 1
        if pos >= end_limit:
            break
        m_inc = _INCREMENT.match(text, pos)
        if m_inc:
            pos = m_inc.end()
            continue
        m_cal = _CALIBRE.match(text, pos) or _AGE.match(text, pos)
        if m_cal:
            pos = m_cal.end()
            tokens += 1
            continue
        m_sys = lex.system_re.match(text, pos, end_limit)
        m_cat = lex.category_re.match(text, pos, end_limit)
        if m_cat and (not m_sys or m_cat.end() >= m_sys.end()):
            info = lex.categories[key(m_cat.group(0))]
            cats = info.categories
            m_poss = _POSSESSIVE.match(text, m_cat.end(), end_limit)
            if m_poss and lex.category_re.search(text, m_poss.end(), min(end_limit, m_poss.end() + 60)):
                pos = m_poss.end()  # "Russian forces' armoured personnel carriers": the possessed noun counts
                tokens += 1
                continue
            if np.categories and not join_pending and _is_people(cats) and not _is_people(np.categories):
                break  # "засіб ППО російських окупантів": the people after the kit own it (a genitive)
            if join_pending and np.categories:
                cats = tuple(sorted(set(np.categories) | set(cats)))
            np.categories = cats
            np.event = info.event or np.event
            np.start = np.start if np.start >= 0 else m_cat.start()
            np.end = m_cat.end()
            np.rules.append(f"category.{info.id}")
            pos = m_cat.end()
            tokens += 1
            join_pending = False
            # "tanks and (other) armoured vehicles": a second noun joins the first
            m_and = _AND.match(text, pos, end_limit)
            if m_and:
                nxt = m_and.end()
                m_other = _OTHER.match(text, nxt, end_limit)
                probe = (m_other.end() + 1) if m_other else nxt
                second = lex.category_re.match(text, probe, end_limit)
                # "people and injured 60" joins no nouns: an event word is not a second category
                info2 = lex.categories[key(second.group(0))] if second else None
                # "1 150 військових і засіб ППО": people and kit are two counts, not one noun
                if info2 is not None and info2.event is None and _is_people(info2.categories) == _is_people(cats):
                    join_pending = True
                    pos = probe
                    continue
            continue
        if m_sys and np.categories:
            break  # a name after the head noun names the item ("landing ship Caesar Kunikov")
        if m_sys:
            info_s = lex.systems[key(m_sys.group(0))]
            np.systems.append(info_s.name)
            np.system_category = np.system_category or info_s.category
            np.start = np.start if np.start >= 0 else m_sys.start()
            np.end = m_sys.end()
            np.rules.append(f"system.{info_s.name}")
            pos = m_sys.end()
            tokens += 1
            m_and = _SYSTEM_JOIN.match(text, pos, end_limit)  # "Leopard, Abrams and Challenger tanks"
            if m_and and lex.system_re.match(text, m_and.end(), end_limit):
                pos = m_and.end()
            continue
        if join_pending:
            break
        if tokens == 0 and not np.found:
            m_the = _OF_THE.match(text, pos, end_limit)  # "13 of the X-101 missiles"
            if m_the:
                pos = m_the.end()
                continue
        m_of = _OF_THEM.match(text, pos, end_limit)
        if m_of:
            pos = m_of.end()
            tokens += 1
            continue
        m_tok = _TOKEN.match(text, pos, end_limit)
        if not m_tok:
            break
        tok = m_tok.group(0)
        if not tok[0].isalnum() and tok not in _SKIPPABLE_PUNCT:
            break
        if tok[0].isdigit():
            break
        low = tok.lower()
        if low in ("and", "or") and not np.found and _ADJ_JOIN.match(text, m_tok.end(), end_limit) and prev_cap:
            pos = m_tok.end()  # "500,000 Russian and Ukrainian troops": two modifiers of one noun
            continue
        if low in _STOP or low in ("and", "or"):
            break
        prev_cap = tok[0].isupper()
        if low == "of" and (np.found or skipped):
            break  # "140 areas of concentration of manpower" counts areas, not manpower
        if (
            not np.found
            and tokens == 0
            and is_noun(tok, lex.lang)
            and not lex.patterns["category.counter_noun"].match(low)
        ):
            break  # "16 регионов ... военнослужащих": the noun right after the number is what it counts
        skipped += tok[0].isalpha() and not tok[0].isupper() and "-" not in tok
        pos = m_tok.end()
        tokens += 1
    return np


def category_matches(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int, str]]:
    """All category nouns in `text[start:end]`, once per sentence (see `category_before`)."""
    return [(m.start(), m.end(), m.group(0)) for m in lex.category_re.finditer(text, start, end)]


def category_before(
    text: str,
    start: int,
    pos: int,
    lex: Lexicon,
    *,
    max_tokens: int = 14,
    matches: list[tuple[int, int, str]] | None = None,
) -> NounPhrase:
    """A category noun standing before `pos` (after `start`), nearest first.

    `matches` are the sentence's category nouns when the caller has them already, which
    keeps a sentence with many numbers linear in its length.
    """
    if matches is None:
        matches = category_matches(text, start, pos, lex)
    i = bisect.bisect_right(matches, (pos, pos, "")) - 1
    while i >= 0 and matches[i][1] > pos:
        i -= 1
    np = NounPhrase()
    if i < 0 or matches[i][0] < start:
        return np
    b_start, b_end, form = matches[i]
    if len(_WORD_RE.findall(text, b_end, pos)) > max_tokens:
        return np
    info = lex.categories[key(form)]
    np.categories = info.categories
    np.event = info.event
    np.start = b_start
    np.end = b_end
    np.rules.append(f"category.{info.id}")
    np.rules.append("category.label_before")
    return np


def article_counts(text: str, pos: int, np: NounPhrase) -> bool:
    """Whether "a"/"an" ending at `pos` is the number one: only before a singular loss noun."""
    if not np.found or _NOT_ONE.match(text, pos):
        return False  # "a number of", "a total of"
    if _NOT_HEAD_AFTER.match(text, np.end):
        return False  # "a severe civilian toll": the noun modifies another, it counts no one
    if np.systems and not np.categories:
        return True  # "a HIMARS"
    head = text[np.start : np.end].lower()
    if head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return False
    if "personnel" in np.category():
        return bool(_PERSON_HEAD.search(head))  # "a top Russian general", not "a military"
    return True
