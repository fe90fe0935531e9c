"""Public entry points: a document in, its claims out.

fold -> blank furniture -> sentences -> numbers -> span layers and deciders (`reader`, in
reading order) -> merge repetitions -> link breakdowns -> typed `Claim`s with evidence spans into the original text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from attrition.extract.attribution import doc_side
from attrition.extract.breakdowns import link_breakdowns
from attrition.extract.numbers import ONE_VICTIM, find_numbers
from attrition.extract.reader import DocumentReader
from attrition.extract.state import RawClaim
from attrition.lexicon import load_lexicon
from attrition.models import Claim, Document, Span
from attrition.text.dates import find_dateline
from attrition.text.furniture import blank_furniture, find_furniture
from attrition.text.language import detect_language, reading_language
from attrition.text.limits import reading_limit
from attrition.text.normalize import fold
from attrition.text.sentences import split_sentences


def extract(text: str, published: date | None = None, doc: str | None = None, lang: str | None = None) -> list[Claim]:
    """Every loss claim in `text`, in document order.

    `published` anchors relative periods ("over the past day", "this month"); without it the
    text's own dateline is used, and without that those periods stay unknown (null). `lang`
    (en, ru, uk) overrides the detected language.
    """
    return extract_document(Document(id=doc or "", text=text, published=published, lang=lang))


def _same_claim_key(r: RawClaim) -> tuple[object, ...]:
    return (r.subject, r.event, r.categories, r.number.value, r.number.value_max, r.model, r.copy)


def merge_repeats(raws: list[RawClaim]) -> list[RawClaim]:
    """One claim per figure repeated in an article (headline, lead, quote).

    The kept report is the first full statement (a body sentence over a headline); fields it
    lacks (a named claimant, a period) are filled from the repetitions. A single unnamed item
    ("an armoured vehicle") is only merged when a model makes it the same item or a place the
    same spot; one person named without a numeral is one person however often told.
    """
    groups: dict[tuple[object, ...], list[RawClaim]] = {}
    order: list[tuple[object, ...]] = []
    singles: list[tuple[int, RawClaim]] = []
    victims: dict[tuple[object, ...], tuple[object, ...]] = {}
    for i, r in enumerate(raws):
        k = _same_claim_key(r)
        if ONE_VICTIM in r.number.rules:
            # "погибла мирная жительница ... погибла женщина 1952 года рождения": one person
            # told again; a person in another place is another person
            if r.location is not None or k not in victims:
                victims.setdefault(k, (*k, r.location, ONE_VICTIM))
                k = (*k, r.location, ONE_VICTIM)
            else:
                k = victims[k]
        elif r.number.value == 1 and r.model is None:
            # "an armoured vehicle" twice is two vehicles, unless it is the same place or sentence
            if r.location is None:
                singles.append((i, r))
                continue
            k = (*k, r.location)
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(r)
    kept: list[tuple[int, RawClaim]] = list(singles)
    position = {id(r): i for i, r in enumerate(raws)}
    for k in order:
        group = groups[k]
        body = [r for r in group if not r.sentence.headline]
        best = body[0] if body else group[0]
        if best.claimant == "media":
            named = next((r for r in group if r.claimant != "media"), None)
            if named is not None:
                best.claimant, best.claimant_text = named.claimant, named.claimant_text
        if best.qualifier_exact() and any(not r.qualifier_exact() for r in group):
            other = next(r for r in group if not r.qualifier_exact())
            best.number.qualifier = other.number.qualifier
        kept.append((position[id(best)], best))
        for r in group:
            if r is not best and r.parent is best:
                r.parent = best
    kept.sort(key=lambda t: t[0])
    survivors = {id(r) for _, r in kept}
    for _, r in kept:
        while r.parent is not None and id(r.parent) not in survivors:
            r.parent = r.parent.parent
    return [r for _, r in kept]


def original_spelling(folded: str, original: str) -> Callable[[str | None], str | None]:
    """A name read in `folded`, as `original` writes it («Медиазона», not "Медиазона").

    Folding keeps every offset, so the same span of the original is the source's own spelling.
    Each distinct name is looked up once per document (its first occurrence), which keeps a
    document with thousands of claims linear.
    """
    seen: dict[str, str] = {}

    def spell(found: str | None) -> str | None:
        if not found:
            return found
        if found not in seen:
            at = folded.find(found)
            seen[found] = original[at : at + len(found)] if at >= 0 else found
        return seen[found]

    return spell


def _to_claims(raws: list[RawClaim], doc: Document, folded: str) -> list[Claim]:
    index = {id(r): i for i, r in enumerate(raws)}
    spell = original_spelling(folded, doc.text)
    claims = []
    for r in raws:
        s = r.sentence
        value_max = r.number.value_max
        claims.append(
            Claim(
                doc=doc.id or None,
                claimant=r.claimant,
                claimant_text=spell(r.claimant_text),
                subject=r.subject,
                event=r.event,
                category="+".join(sorted(r.categories)),
                model=r.model,
                value=r.number.value,
                value_max=value_max,
                qualifier="range" if value_max is not None else r.number.qualifier,
                rate=r.rate,
                period_start=r.period[0],
                period_end=r.period[1],
                location=r.location,
                sentence=doc.text[s.start : s.end],
                span=Span(r.number.start, r.number.end),
                sentence_span=Span(s.start, s.end),
                rules=tuple(dict.fromkeys(r.rules)),
                statement=s.index,
                part_of=index.get(id(r.parent)) if r.parent is not None and r.role == "part" else None,
            )
        )
    return claims


def extract_document(document: Document) -> list[Claim]:
    """Every loss claim in `document`, in document order (read up to `text.limits.reading_limit`).

    A document without `lang` has it detected and set, so that whoever stores it stores the
    language it was read in.
    """
    if document.lang is None:
        document.lang = detect_language(document.text)
    lex = load_lexicon(reading_language(document.lang))
    folded = fold(document.text[: reading_limit(document.text).read])
    text = blank_furniture(folded, find_furniture(folded))
    published = document.published or find_dateline(folded)
    sentences = split_sentences(text)
    numbers = find_numbers(text, lex)
    reader = DocumentReader(text, sentences, numbers, published, lex, doc_side(text, lex))
    raws = merge_repeats(reader.read())
    link_breakdowns(text, raws)
    return _to_claims(raws, document, folded)
