"""Assemble claims: number + noun phrase + trigger + side + claimant + period + place.

Sentences are read in order with a small carried context, because reporting runs on: the
claimant named in one sentence speaks the next ("the ministry added"), a list continues the
verb of its first item, a period stated once covers the figures of the same statement. The
context expires after a few sentences without a renewal, so a new topic falls back to the
outlet itself (`media`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from attrition.extract.attribution import ActorRef, Attribution, find_attributions
from attrition.extract.numbers import Number
from attrition.extract.phrases import (
    NounPhrase,
    article_counts,
    category_before,
    category_matches,
    civilians_or_troops,
    noun_phrase_after,
)
from attrition.extract.timing import BY_INCREMENT, CARRY_SENTENCES, TOTAL_TO, claim_period
from attrition.extract.triggers import MUNITIONS, PEOPLE, event_for, find_triggers, governing
from attrition.lexicon import Lexicon
from attrition.normalize.periods import PeriodPhrase, find_periods, resolve
from attrition.normalize.places import nearest_place, place_mentions
from attrition.normalize.sides import SideMention, default_subject, resolve_subject, side_mentions
from attrition.text.sentences import Sentence

LABEL_WINDOW = 200
_OPP = {"RU": "UA", "UA": "RU"}
_CONTINUATION = re.compile(
    r"\W*(?:these\s+include|this\s+includes|this\s+number\s+includes|among\s+them|of\s+them|of\s+these|"
    r"including|in\s+addition|additionally|also|moreover|furthermore|besides)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(
    r"^(?:\W*[^\d\n]{2,80}?\s[-:]\s*(?:about\s+|близько\s+|approximately\s+)?\d|\s*[•*>-]\s*\d[^.]{0,80}\.?$)",
    re.IGNORECASE,
)
_INFERENCE = re.compile(r"\b(?:meaning|which\s+means|implying|suggesting)\b", re.IGNORECASE)
_GROUP_MARK = re.compile(r"\b(?:group|battlegroup|grouping|group\s+of\s+forces)\b", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
_COMMA = re.compile(r"[,;]")
_BARE_AFTER = re.compile(
    r"\s*(?:\)|,|\.|;|:|$|\(|[-\u2013\u2014]|(?:were|was|are|is|have|had|has|more|others?|of\s+them|and|or|in|on|at|"
    r"to|from|since|during|over|by|that|which|who|units?|pcs|од)\b)",
    re.IGNORECASE,
)
_ALL_DOWNED = re.compile(
    r"\W*all\s+(?:of\s+them|(?:the\s+)?(?:[\w-]+\s+)?(?:missiles|drones|rockets|bombs|targets|UAVs))\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:shot\s+down|intercepted|destroyed|downed|neutrali[sz]ed)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Context:
    """What a statement carries from one sentence to the next: its speaker, period and place."""

    actor: ActorRef | None = None
    renewed: int = -10
    paragraph: int = -1
    period: tuple[date | None, date | None] | None = None
    location: str | None = None
    last: RawClaim | None = None


@dataclass(slots=True)
class RawClaim:
    number: Number
    sentence: Sentence
    claimant: str
    claimant_text: str | None
    subject: str
    event: str
    categories: tuple[str, ...]
    model: str | None
    period: tuple[date | None, date | None]
    rate: str | None
    location: str | None
    rules: list[str] = field(default_factory=list)
    np_end: int = 0
    role: str = "plain"  # plain | increment | total | part
    parent: RawClaim | None = None
    trigger_kind: str | None = None
    group_marked: bool = False

    def qualifier_exact(self) -> bool:
        return self.number.qualifier == "exact"


class DocumentReader:
    """Reads one document's sentences in order and emits raw claims."""

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        numbers: list[Number],
        published: date | None,
        lex: Lexicon,
        side_of_doc: str,
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.published = published
        self.lex = lex
        self.doc_side = side_of_doc
        self.by_sentence: list[list[Number]] = [[] for _ in sentences]
        j = 0
        for i, s in enumerate(sentences):
            while j < len(numbers) and numbers[j].start < s.start:
                j += 1
            k = j
            while k < len(numbers) and numbers[k].start < s.end:
                self.by_sentence[i].append(numbers[k])
                k += 1
            j = k
        self.attributions: list[list[Attribution]] = []
        self.last_actor: ActorRef | None = None
        self.last_person: ActorRef | None = None
        self.statement_days: dict[str, date] = {}
        self.periods: list[list[PeriodPhrase]] = []
        self._prepass()
        self.ctx = Context()
        self.claims: list[RawClaim] = []
        self.list_chain = -10
        self.launched: list[tuple[int, Number, NounPhrase, tuple[str, ...], list[str]]] = []
        self.scene: tuple[int, tuple[date | None, date | None]] | None = None
        self.last_side: str | None = None

    # -- pre-pass: who speaks where, and on which day ---------------------------------------
    def _prepass(self) -> None:
        for s in self.sentences:
            atts = find_attributions(self.text, s.start, s.end, self.lex, headline=s.headline, doc_side=self.doc_side)
            resolved: list[Attribution] = []
            for a in atts:
                actor = a.actor
                if actor is None:
                    if a.anaphor in ("he", "she") and self.last_person is not None:
                        actor = self.last_person
                    else:
                        actor = self.last_actor
                    if actor is None:
                        continue
                    a = Attribution(a.start, a.end, actor, a.anaphor, a.rule + "+anaphor")
                resolved.append(a)
                self.last_actor = actor
                if actor.kind == "person":
                    self.last_person = actor
            self.attributions.append(resolved)
            phrases = find_periods(self.text, s.start, s.end, self.published, self.lex)
            self.periods.append(phrases)
            if resolved:
                for p in phrases:
                    if p.kind == "statement_day" and p.first is not None:
                        pos = p.start
                        nearest = min(resolved, key=lambda att: abs(att.start - pos))
                        if nearest.actor is not None:
                            self.statement_days.setdefault(nearest.actor.claimant, p.first)

    # -- main pass ----------------------------------------------------------------------------
    def read(self) -> list[RawClaim]:
        for i, s in enumerate(self.sentences):
            self._sentence(i, s)
        return self.claims

    def _claimant_for(self, i: int, s: Sentence, pos: int) -> tuple[ActorRef | None, str]:
        atts = self.attributions[i]
        if atts:
            best = min(atts, key=lambda a: abs(a.start - pos))
            earlier = [a for a in atts if a.start < best.start]
            if best.start < pos and earlier and _INFERENCE.search(self.text, best.end, pos):
                return earlier[-1].actor, "attribution.inference"
            return best.actor, best.rule
        fresh = i - self.ctx.renewed <= CARRY_SENTENCES
        if self.ctx.actor is not None and fresh:
            return self.ctx.actor, "attribution.carried"
        if self.ctx.actor is None or not fresh:
            for j in range(i + 1, min(len(self.sentences), i + 4)):
                if self.attributions[j] and (self.ctx.actor is None or s.headline):
                    return self.attributions[j][0].actor, "attribution.lookahead"
        return None, "attribution.none"

    def _sentence(self, i: int, s: Sentence) -> None:
        text, lex = self.text, self.lex
        nums = self.by_sentence[i]
        if self.attributions[i]:
            self.ctx.actor = self.attributions[i][-1].actor
            self.ctx.renewed = i
        if _ALL_DOWNED.match(text, s.start, s.end):
            self._all_downed(i, s)
        named = [m.side for m in side_mentions(text, s.start, s.end, lex) if m.side in ("RU", "UA", "other")]
        for p in self.periods[i]:
            if p.kind == "day":  # the day this sentence is about ("overnight", "on Thursday")
                day_first, day_last = resolve(p, self.published)
                if day_first is not None:
                    self.scene = (i, (day_first, day_last))
        if not nums:
            ends_colon = text[s.start : s.end].rstrip().endswith(":")
            if lex.trigger_re.search(text, s.start, s.end) or (ends_colon and self.list_chain == i - 1):
                self.list_chain = i
            if named:
                self.last_side = named[-1]
            return
        cat_matches = category_matches(text, s.start, s.end, lex)
        hits, blockers = find_triggers(text, s.start, s.end, lex, cat_matches)
        sides = side_mentions(text, s.start, s.end, lex)
        places = place_mentions(text, s.start, s.end, lex)
        phrases = self.periods[i]
        continuation = bool(_CONTINUATION.match(text, s.start, s.end))
        list_item = bool(_LIST_ITEM.match(text[s.start : s.end]))
        prev: RawClaim | None = None
        produced = 0
        used_context = False
        for idx, n in enumerate(nums):
            if n.kind == "of_total":
                continue
            if n.kind == "increment":
                if prev is not None and prev.number.end <= n.start:
                    self._increment(n, prev, s)
                    produced += 1
                continue
            # the noun phrase runs past an increment ("2,618 (+4) other vehicles") up to the next number
            nxt = idx + 2 if idx + 1 < len(nums) and nums[idx + 1].kind == "increment" else idx + 1
            limit = nums[nxt].left if nxt < len(nums) else s.end
            np_from = n.end
            if idx + 1 < len(nums) and nums[idx + 1].kind == "of_total":
                np_from = nums[idx + 1].end
                limit = nums[idx + 2].left if idx + 2 < len(nums) else s.end
            np = noun_phrase_after(
                text, np_from, lex, limit=max(limit, np_from), max_tokens=4 if n.kind == "article" else 7
            )
            if n.kind == "article" and not article_counts(text, n.end, np):
                continue
            rules = list(n.rules) + list(np.rules)
            cats = np.category()
            intrinsic = np.event
            np_end = np.end if np.found else n.end
            running_total = bool(TOTAL_TO.search(text[max(s.start, n.left - 90) : n.left]))
            inherited_subject = None
            if not cats and running_total and prev is not None:
                cats, intrinsic = prev.categories, None
                inherited_subject = prev.subject
                rules.append("category.running_total")
            if not cats:
                # labels stand close to their number: a bounded window keeps long lines linear
                before = category_before(text, max(s.start, n.left - LABEL_WINDOW), n.left, lex, matches=cat_matches)
                nearby = nums[max(0, idx - 12) : idx]
                between_nums = [m for m in nearby if before.end <= m.start < n.left and m.kind != "increment"]
                owned = any(
                    0 <= before.start - m.end < 30
                    and len(_WORDS.findall(text, m.end, before.start)) <= 3
                    and not _COMMA.search(text, m.end, before.start)
                    for m in nearby
                    if m.end <= before.start and m.kind != "increment"
                )
                bare = bool(_BARE_AFTER.match(text, n.end, s.end))
                # a label names what a bare number counts; "repelled 12 attacks" counts attacks
                labelled_ok = bare or running_total or list_item
                if before.found and not between_nums and (not owned or running_total) and labelled_ok:
                    cats, intrinsic = before.category(), before.event
                    rules += before.rules
                    np = NounPhrase(before.categories, before.event, start=before.start, end=before.end)
                elif prev is not None and bare:
                    # "Bashkortostan (5 945) and Tatarstan (5 605)": the second counts what the first does
                    cats, intrinsic = prev.categories, (prev.event if prev.trigger_kind is None else None)
                    rules.append("category.sibling")
                elif before.found and list_item:
                    cats, intrinsic = before.category(), before.event
                    rules += before.rules
            personnel = bool(set(cats) & PEOPLE) or not cats
            hit, blocked = governing(text, n.left, np_end, hits, blockers, personnel=personnel)
            kind = hit.info.kind if hit else None
            if hit:
                rules.append(f"trigger.{hit.info.id}")
            elif blocked:
                if blocked == "launch" and cats and set(cats) <= MUNITIONS:
                    self.launched.append((i, n, np, cats, rules))  # "attack by ten ATACMS": see _all_downed
                continue
            elif prev is not None and prev.trigger_kind:
                kind = prev.trigger_kind
                rules.append("trigger.sibling")
            elif continuation and self.ctx.last is not None and i - self.ctx.last.sentence.index <= 2:
                kind = self.ctx.last.trigger_kind
                rules.append("trigger.continuation")
            elif list_item and (i - self.list_chain <= 1 or any(h for h in hits)):
                kind = "loss"
                rules.append("trigger.list_item")
            elif intrinsic is None:
                continue
            if not cats and kind in ("kill", "wound", "mixed", "pow") and _BARE_AFTER.match(text, n.end, s.end):
                cats = ("personnel",)
                rules.append("category.personnel_default")
            if not cats:
                continue
            actor, arule = self._claimant_for(i, s, n.left)
            used_context = used_context or arule == "attribution.carried"
            claimant = actor.claimant if actor else "media"
            ctext = actor.text if actor else None
            rules.append(arule)
            cats = civilians_or_troops(text, s.start, s.end, cats, claimant, np, kind, lex)
            event = event_for(kind, cats, intrinsic)
            if event is None:
                continue
            claimant_side = self.lex.actor_sides.get(claimant) if claimant != "media" else None
            if claimant_side == "other":
                claimant_side = None
            # "the enemy" is the speaker's enemy; an unattributed bulletin that says "the enemy" is,
            # unless the document shows otherwise, the Ukrainian General Staff's daily formula
            speaker = claimant_side or (self.doc_side if self.doc_side in ("RU", "UA") else "UA")
            labelled = "category.label_before" in rules
            subject: str | None
            if inherited_subject is not None:
                subject, srule = inherited_subject, "side.running_total"
            elif labelled:
                subject, srule = self._label_side(np, sides, claimant_side)
                if subject is None:
                    subject, srule = resolve_subject(
                        text, s.start, s.end, n.left, n.end, n.end, sides, claimant_side, lex, speaker
                    )
            else:
                subject, srule = resolve_subject(
                    text,
                    s.start,
                    s.end,
                    n.left,
                    np.start if np.found else n.end,
                    np_end,
                    sides,
                    claimant_side,
                    lex,
                    speaker,
                )
            place = nearest_place(places, n.left)
            if subject is None and "civilians" in cats and place is not None and place.side:
                subject, srule = place.side, "side.civilians_place"
            if subject is None:
                last = self.ctx.last
                if prev is not None:
                    subject, srule = prev.subject, "side.sibling"
                elif continuation and last is not None:
                    subject, srule = last.subject, "side.continuation"
                elif (
                    not any(m.start < n.left for m in sides)
                    and last is not None
                    and not last.sentence.headline  # a headline's guessed side must not steer the body
                    and last.claimant == claimant
                    and i - last.sentence.index <= CARRY_SENTENCES
                ):
                    subject, srule = last.subject, "side.carried"
                else:
                    subject, srule = default_subject(
                        claimant_side, sides, place.side if place else None, "civilians" in cats
                    )
                    if srule == "side.default" and self.last_side is not None:
                        subject, srule = self.last_side, "side.document"
            rules.append(srule)
            subject = subject or "UA"
            period, rate, prule = claim_period(
                self, i, s, n, np_end, phrases, claimant, subject, event, list_item, kind
            )
            if rate is None and prev is not None and prev.rate and prule in ("period.none", "period.carried"):
                rate, period, prule = prev.rate, prev.period, "period.sibling_rate"
            rules.append(prule)
            location = place.name if place else (self.ctx.location if self.ctx.paragraph == s.paragraph else None)
            raw = RawClaim(
                number=n,
                sentence=s,
                claimant=claimant,
                claimant_text=ctext,
                subject=subject,
                event=event,
                categories=cats,
                model=np.model,
                period=period,
                rate=rate,
                location=location,
                rules=rules,
                np_end=np_end,
                trigger_kind=kind,
                group_marked=bool(_GROUP_MARK.search(text, s.start, s.end)),
            )
            if BY_INCREMENT.search(text[max(s.start, n.left - 20) : n.left]):
                raw.role = "increment"
            self.claims.append(raw)
            prev = raw
            produced += 1
            self.ctx.last = raw
            if raw.role != "increment" and rate is None:
                # the context period is the last figure's, unknown included: no stale carry-over
                self.ctx.period = period if period != (None, None) else None
            self.ctx.location = location
            self.ctx.paragraph = s.paragraph
        if named:
            self.last_side = named[-1]
        if produced:
            if self.attributions[i] or used_context:
                self.ctx.renewed = i
            self.list_chain = i

    def _all_downed(self, i: int, s: Sentence) -> None:
        """ "Russia launched 30 drones. All of them were shot down." The launched count was intercepted."""
        for j, n, np, cats, rules in self.launched:
            if i - j != 1:
                continue
            actor, arule = self._claimant_for(i, s, s.start)
            claimant = actor.claimant if actor else "media"
            sentence = self.sentences[j]
            # the side named before the count launched it ("Russia launched 30 drones"); else the
            # interceptor's enemy
            launchers = [m.side for m in side_mentions(self.text, sentence.start, n.left, self.lex) if m.side in _OPP]
            speaker_side = self.lex.actor_sides.get(claimant)
            subject = launchers[0] if launchers else _OPP.get(speaker_side or "", "UA")
            places = place_mentions(self.text, sentence.start, sentence.end, self.lex)
            place = nearest_place(places, n.left)
            period, rate, prule = claim_period(
                self, j, sentence, n, np.end if np.found else n.end, self.periods[j], claimant, subject, "intercepted"
            )
            raw = RawClaim(
                number=n,
                sentence=sentence,
                claimant=claimant,
                claimant_text=actor.text if actor else None,
                subject=subject,
                event="intercepted",
                categories=cats,
                model=np.model,
                period=period,
                rate=rate,
                location=place.name if place else None,
                rules=[*rules, "trigger.all_downed", arule, prule],
                np_end=np.end if np.found else n.end,
                trigger_kind="intercept",
            )
            self.claims.append(raw)
        self.launched = []

    def _label_side(
        self, np: NounPhrase, sides: list[SideMention], claimant_side: str | None
    ) -> tuple[str | None, str]:
        """The side word right before a label ("the Russian soldiers killed ... reached 89")."""
        for sm in sides:
            if 0 <= np.start - sm.end <= 25 and re.fullmatch(r"[\w\s-]*", self.text[sm.end : np.start]):
                side = _OPP.get(claimant_side or "") if sm.side == "enemy" else sm.side
                if side:
                    return side, "side.label"
        return None, "side.unknown"

    def stmt(self, claimant: str) -> date | None:
        """The day `claimant` spoke: "said on Friday" in the document, else the publication date."""
        return self.statement_days.get(claimant) or self.published

    def _increment(self, n: Number, base: RawClaim, s: Sentence) -> None:
        stmt = self.stmt(base.claimant)
        if n.value == 0:
            return
        raw = replace(
            base,
            number=n,
            sentence=s,
            period=(stmt, stmt),
            rate=None,
            np_end=n.end,
            rules=[*n.rules, "period.increment"],
            role="increment",
            parent=base,
            group_marked=False,
        )
        self.claims.append(raw)
