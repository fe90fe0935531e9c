"""What a number counts: the noun phrase after it, a label before it, or its sibling's.

Rules, in order:
1. the noun phrase right after the number ("312 tanks"; `category.<term>`, `system.<name>`);
2. a running total without a noun counts what the figure before it counted
   (`category.running_total`: "40 tanks, bringing the total to 3,100");
3. a label before a bare number ("tanks - 312", "the number of soldiers killed reached 89";
   `category.label_before`);
4. a bare number after a counted one counts the same (`category.sibling`: "Bashkortostan
   (5 945) and Tatarstan (5 605)");
5. in a list line, the line's label (`category.label_before`).
Troops or civilians is decided last, from the sentence's words and the claimant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrition.extract.layers import SentenceLayers
from attrition.extract.numbers import OF_BETWEEN, ONE_VICTIM, Number
from attrition.extract.phrases import NounPhrase, article_counts, category_before, noun_phrase_after
from attrition.extract.rules import code_rule
from attrition.extract.state import RawClaim
from attrition.lexicon import Lexicon

LABEL_WINDOW = 200
_WORDS = re.compile(r"\w+")
_COMMA = re.compile(r"[,;]")
_MILITARY_WORDS = re.compile(
    r"\b(?:soldiers|troops|servicemen|military|fighters|officers|generals)\b|"
    # "військова адміністрація" (a city's military administration) speaks for civilians
    r"\b(?:военнослужащ|военн(?!\w*\s+администрац)|військов(?!\w*\s+адміністрац)|солдат|бойц|боец|бійц|боєць|"
    r"полицейск|поліцейськ|сотрудник\w*\s+полиции)",
    re.IGNORECASE,
)
_CIVILIAN_COUNTERS = ("intl", "ua.local", "ru.local")

RUNNING_TOTAL = code_rule("category.running_total")
LABEL_BEFORE = code_rule("category.label_before")
SIBLING = code_rule("category.sibling")
PERSONNEL_DEFAULT = code_rule("category.personnel_default")
OF_THEM = "claim.of_them"
RUNNING_TOTAL_SIDE = code_rule("side.running_total")
ANTECEDENT_SIDE = code_rule("side.antecedent")
LIST_LEAD = code_rule("category.list_lead")
OF_THE_WHOLE = code_rule("category.of_the_whole")


@dataclass(slots=True)
class What:
    """The counted thing of one number."""

    np: NounPhrase
    categories: tuple[str, ...]
    intrinsic: str | None  # the event the noun itself names ("casualties", "injured")
    np_end: int
    rules: list[str]
    running_total: bool
    inherited_subject: str | None = None
    inherited_rule: str = RUNNING_TOTAL_SIDE

    @property
    def labelled(self) -> bool:
        return LABEL_BEFORE in self.rules


Counted = tuple[tuple[str, ...], str | None, int, str | None]  # categories, event, sentence index, side


def decide_what(
    text: str,
    layers: SentenceLayers,
    idx: int,
    prev: RawClaim | None,
    lex: Lexicon,
    antecedent: Counted | None = None,
) -> What | None:
    """The counted thing of the `idx`-th number of the sentence; None for an article that is not "one"."""
    s, nums = layers.sentence, layers.numbers
    n = nums[idx]
    # the noun phrase runs past an increment ("2,618 (+4) other vehicles") up to the next number
    nxt = idx + 2 if idx + 1 < len(nums) and nums[idx + 1].kind == "increment" else idx + 1
    limit = nums[nxt].left if nxt < len(nums) else s.end
    np_from = n.start if ONE_VICTIM in n.rules else n.end  # the count is its own noun ("загинув чоловік")
    base = nums[idx + 1] if idx + 1 < len(nums) and nums[idx + 1].kind == "of_total" else None
    if base is not None:  # "37 of 40 drones": 37 counts what 40 counts
        np_from = base.end
        limit = nums[idx + 2].left if idx + 2 < len(nums) else s.end
    np = noun_phrase_after(text, np_from, lex, limit=max(limit, np_from), max_tokens=4 if n.kind == "article" else 7)
    if n.kind == "article" and not article_counts(text, n.end, np):
        return None
    what = What(
        np=np,
        categories=np.category(),
        intrinsic=np.event,
        np_end=np.end if np.found else n.end,
        rules=list(n.rules) + (["numbers.of_total"] if base is not None else []) + list(np.rules),
        running_total=bool(lex.patterns["period.total_to"].search(text[max(s.start, n.left - 90) : n.left])),
    )
    if not what.categories and what.running_total and prev is not None:
        # "another 970 soldiers died, bringing the total to 146,820": the total counts the same deaths
        people = bool(set(prev.categories) & {"personnel", "civilians"})
        what.categories, what.intrinsic = prev.categories, (prev.event if people else None)
        what.inherited_subject = prev.subject
        what.rules.append(RUNNING_TOTAL)
    recent = antecedent is not None and s.index - antecedent[2] <= 2
    if not what.categories and recent and antecedent and lex.patterns["claim.of_them"].match(text, n.end, s.end):
        # "Russia launched 30 drones. Air defences destroyed 24 of them.": the noun counted before
        what.categories, what.intrinsic = antecedent[0], None
        what.inherited_subject, what.inherited_rule = antecedent[3], ANTECEDENT_SIDE
        what.rules.append(OF_THEM)
    if not what.categories:
        _of_the_whole(text, nums[:idx], what, lex)
    if not what.categories:
        _label_or_sibling(text, layers, idx, n, prev, what, lex)
    lead_line = layers.list_item and lex.patterns["claim.bare_after"].match(text, n.end, s.end)
    if not what.categories and recent and antecedent is not None and lead_line:
        # "7 - over the Smolensk region" under a lead that counted drones
        what.categories, what.intrinsic = antecedent[0], None
        what.rules.append(LIST_LEAD)
    return what


def _of_the_whole(text: str, earlier: list[Number], what: What, lex: Lexicon) -> None:
    """ "Of the 75 drones, 60 were destroyed": a bare part counts what its whole counted."""
    for m in reversed(earlier):
        if m.kind != "of_total":
            continue
        if any(e.end <= m.start and OF_BETWEEN.fullmatch(text, e.end, m.start) for e in earlier):
            return  # "58 of 76 drones": 76 is the whole of 58 only
        whole = noun_phrase_after(text, m.end, lex, max_tokens=4)
        if whole.category():
            what.categories, what.intrinsic = whole.category(), whole.event
            what.rules.append(OF_THE_WHOLE)
        return


def _label_or_sibling(
    text: str, layers: SentenceLayers, idx: int, n: Number, prev: RawClaim | None, what: What, lex: Lexicon
) -> None:
    s, nums = layers.sentence, layers.numbers
    # labels stand close to their number: a bounded window keeps long lines linear
    before = category_before(text, max(s.start, n.left - LABEL_WINDOW), n.left, lex, matches=layers.categories)
    nearby = nums[max(0, idx - 12) : idx]
    between_nums = [m for m in nearby if before.end <= m.start < n.left and m.kind != "increment"]
    # "a casualty rate of 1,570": the label is this number's, whatever stands before it
    rate_label = before.found and lex.patterns["claim.rate_label"].match(text[before.end : n.left]) is not None
    owned = not rate_label and any(
        0 <= before.start - m.end < 30
        and len(_WORDS.findall(text, m.end, before.start)) <= 3
        and not _COMMA.search(text, m.end, before.start)
        for m in nearby
        if m.end <= before.start and m.kind != "increment"
    )
    # bare: nothing that counts follows, or a trigger does at once ("79 damaged and 65 abandoned")
    bare = bool(lex.patterns["claim.bare_after"].match(text, n.end, s.end)) or any(
        h.start >= n.end and not text[n.end : h.start].strip() for h in layers.triggers
    )
    # a label names what a bare number counts; "repelled 12 attacks" counts attacks
    labelled_ok = bare or what.running_total or layers.list_item or rate_label
    # "captured by Ukrainian forces, 79 damaged": a comma starts a new item, the noun is no label
    # "the Russian losses, stating that this figure has surpassed 800,000": the anaphor carries the label
    anaphor = before.found and lex.patterns["claim.figure_anaphor"].search(text, before.end, n.left) is not None
    if anaphor:
        labelled_ok = True
    elif before.found and not (what.running_total or layers.list_item) and _COMMA.search(text, before.end, n.left):
        labelled_ok = False
    if before.found and not between_nums and (not owned or what.running_total or anaphor) and labelled_ok:
        what.categories, what.intrinsic = before.category(), before.event
        what.rules += before.rules
        if anaphor:
            what.rules.append("claim.figure_anaphor")
        what.np = NounPhrase(before.categories, before.event, start=before.start, end=before.end)
    elif prev is not None and bare:
        what.categories = prev.categories
        what.intrinsic = prev.event if prev.trigger_kind is None else None
        what.rules.append(SIBLING)
    elif before.found and layers.list_item:
        what.categories, what.intrinsic = before.category(), before.event
        what.rules += before.rules


def personnel_default(text: str, layers: SentenceLayers, n: Number, what: What, kind: str | None, lex: Lexicon) -> None:
    """ "killed 12" with no noun: people were killed."""
    if (
        not what.categories
        and kind in ("kill", "wound", "mixed", "pow")
        and lex.patterns["claim.bare_after"].match(text, n.end, layers.sentence.end)
    ):
        what.categories = ("personnel",)
        what.rules.append(PERSONNEL_DEFAULT)


def civilians_or_troops(
    text: str, layers: SentenceLayers, what: What, claimant: str, kind: str | None, lex: Lexicon
) -> tuple[str, ...]:
    """Troops or civilians: "people" killed by a strike are civilians, "people" a side lost are troops."""
    cats, np = what.categories, what.np
    if cats != ("personnel",):
        return cats
    s = layers.sentence
    sentence = text[s.start : s.end]
    if _MILITARY_WORDS.search(sentence):
        return cats
    # local officials and international monitors count civilians; so does a strike on a city
    civilian_context = claimant in _CIVILIAN_COUNTERS or lex.civilian_cue_re.search(sentence)
    people_hurt = "category.people" in np.rules and kind in ("kill", "wound", "mixed")
    return ("civilians",) if civilian_context or people_hurt else cats
