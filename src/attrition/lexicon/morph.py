"""Russian and Ukrainian morphology: lemmas, and every inflected form of a lexicon entry.

Nouns, adjectives, numerals and verbs change their endings with case, number and gender
("танк", "танка", "танков", "танками"), so a lexicon that listed surface forms would need
each entry a dozen times and would still miss some. Entries of the ru/uk data are therefore
lemmas (a single word that is not a dictionary form, "порядка", is kept as written), and
pymorphy3 with its Russian and Ukrainian dictionaries supplies their forms when the lexicon
is compiled: matching stays one compiled regex per lexicon, as fast as for English, while
the data says "танк" once.

A phrase inflects as a unit: the words of it that stand in the nominative (or the infinitive)
take each case and number together ("Белгородская область" -> "Белгородской областью"),
while dependent words in another case stay as written ("система залпового огня" ->
"системы залпового огня"). Inside a phrase a word written `=word` is not inflected, and nor
are acronyms, Latin words and digits; an entry starting with `=` is taken whole as written.
"""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache
from typing import Any

#: Languages with a dictionary.
MORPH_LANGUAGES = ("ru", "uk")
#: A word the analyser may inflect: Cyrillic letters, an apostrophe inside (Ukrainian "м'який").
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]+(?:['ʼ][А-Яа-яЁёІіЇїЄєҐґ]+)*")
_MAX_PHRASE_FORMS = 400


@cache
def analyzer(lang: str) -> Any:
    """The pymorphy3 analyser for `lang` (loaded once per process: about 0.2 s for ru, 0.1 s for uk)."""
    if lang not in MORPH_LANGUAGES:
        raise ValueError(f"no morphological dictionary for {lang!r} (have {', '.join(MORPH_LANGUAGES)})")
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The dictionary form of `word` ("танков" -> "танк", "збили" -> "збити"), lower case.

    Cached: news text repeats its vocabulary, so after the first few articles nearly every
    lookup is a cache hit (see bench/morph.py). Words the analyser cannot read come back as
    they are, lower-cased.
    """
    low = word.lower()
    if not _CYRILLIC_WORD.fullmatch(low):
        return low
    return str(analyzer(lang).parse(low)[0].normal_form)


@lru_cache(maxsize=200_000)
def is_noun(word: str, lang: str) -> bool:
    """Whether the analyser's likeliest reading of `word` is a noun ("регионов" yes, "украинских" no).

    After a number a Russian or Ukrainian noun is what the number counts; an adjective is a
    modifier of a noun still to come. Cached like `lemma`.
    """
    low = word.lower()
    if lang not in MORPH_LANGUAGES or not _CYRILLIC_WORD.fullmatch(low):
        return False
    return bool(analyzer(lang).parse(low)[0].tag.POS == "NOUN")


def _is_inflectable(token: str) -> bool:
    if not _CYRILLIC_WORD.fullmatch(token):
        return False
    return not any(c.isupper() for c in token[1:])  # ВСУ, ЗСУ, ППО, БпЛА: acronyms do not decline


def _restore_case(form: str, model: str) -> str:
    return form[:1].upper() + form[1:] if model[:1].isupper() else form


def _word_forms(token: str, lang: str) -> set[str]:
    """All forms of every lexeme that `token` is the dictionary form of; a form that is no
    dictionary form ("порядка", "более") is kept as written."""
    low = token.lower()
    forms: set[str] = set()
    for p in analyzer(lang).parse(low):
        # "самолет" as written is the dictionary's "самолёт": compare with ё read as е
        if p.normal_form.replace("ё", "е") == low.replace("ё", "е"):
            forms.update(f.word for f in p.lexeme)
    return {_restore_case(f, token) for f in forms} | {token}


_DECLINING = ("NOUN", "ADJF", "PRTF", "NUMR")


def _nominative(token: str, lang: str) -> Any | None:
    """The reading of `token` as a nominative that declines (its dictionary form first), or None."""
    low = token.lower()
    parses = [p for p in analyzer(lang).parse(low) if p.tag.case == "nomn" and p.tag.POS in _DECLINING]
    parses.sort(key=lambda p: p.normal_form != low)
    return parses[0] if parses else None


def _slots(token: str, lang: str, animacy: str | None) -> dict[tuple[str, str], list[str]] | None:
    """Forms of `token` by (case, number); None if it is not a nominative (a dependent word).

    A singular word keeps its gender; a plural one ("Повітряні сили", "Вооружённые силы")
    stays plural; adjectives follow the noun's animacy in the accusative.
    """
    p = _nominative(token, lang)
    if p is None:
        return None
    gender = p.tag.gender
    plural_only = "plur" in p.tag
    out: dict[tuple[str, str], list[str]] = {}
    for f in p.lexeme:
        t = f.tag
        if t.case is None:
            continue
        number = "plur" if "plur" in t else "sing"
        if plural_only and number != "plur":
            continue
        if number == "sing" and gender and t.gender and t.gender != gender:
            continue
        if animacy and t.POS != "NOUN" and t.animacy and t.animacy != animacy:
            continue
        words = out.setdefault((str(t.case), number), [])
        word = _restore_case(f.word, token)
        if word not in words:
            words.append(word)
    return out


def inflections(phrase: str, lang: str) -> set[str]:
    """Every form of a lexicon entry: a lemma or a phrase of lemmas (see the module doc).

    An entry that starts with `=` is kept as written, whole ("=убитыми и ранеными"); so is a
    phrase with no inflectable word.
    """
    if phrase.startswith("="):
        return {phrase[1:]}
    tokens = phrase.split()
    if not tokens:
        return set()
    literal = [t.startswith("=") for t in tokens]
    tokens = [t[1:] if lit else t for t, lit in zip(tokens, literal, strict=True)]
    movable = [i for i, t in enumerate(tokens) if not literal[i] and _is_inflectable(t)]
    if not movable:
        return {" ".join(tokens)}
    if len(tokens) == 1:
        forms = _word_forms(tokens[0], lang)
    else:
        nouns = [p for i in movable if (p := _nominative(tokens[i], lang)) is not None and p.tag.POS == "NOUN"]
        animacy = nouns[0].tag.animacy if nouns else None
        slots = {i: _slots(tokens[i], lang, animacy) for i in movable}
        moving = {i: s for i, s in slots.items() if s}
        if not moving:
            return {" ".join(tokens)}
        keys = set.intersection(*(set(s) for s in moving.values()))
        forms = {" ".join(tokens)}
        for k in sorted(keys):
            choices = [moving[i][k] if i in moving else [tokens[i]] for i in range(len(tokens))]
            for combo in itertools.islice(itertools.product(*choices), _MAX_PHRASE_FORMS):
                forms.add(" ".join(combo))
    # texts often write е for ё
    return forms | {f.replace("ё", "е").replace("Ё", "Е") for f in forms if "ё" in f or "Ё" in f}
