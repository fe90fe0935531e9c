"""The reader: sentences in order, finders first, then the deciders field by field.

Reporting runs on: the claimant named in one sentence speaks the next ("the ministry added"),
a list continues the verb of its first item, a period stated once covers the figures of the
same statement. So the reader keeps a small context (`state.Context`) that expires after a few
sentences without renewal. A pre-pass marks every sentence's speakers and period phrases,
because a headline's speaker may be named only in the sentences after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from attrition.extract.attribution import ActorRef, Attribution, find_attributions
from attrition.extract.deciders import event, when, where, who, whose
from attrition.extract.deciders.what import (
    What,
    civilians_or_troops,
    decide_what,
    personnel_default,
)
from attrition.extract.layers import SentenceLayers, mark
from attrition.extract.numbers import Number
from attrition.extract.phrases import NounPhrase
from attrition.extract.state import DocState, RawClaim
from attrition.lexicon import Lexicon
from attrition.normalize.periods import PeriodPhrase, find_periods, resolve
from attrition.normalize.places import PlaceMention
from attrition.normalize.sides import side_mentions
from attrition.text.sentences import Sentence

ANAPHOR = "+anaphor"
GENERIC = "+generic"
EACH = "claim.each"
# anaphors that point at the person last named, not the office ("he said", "по его словам")
PERSONAL = frozenset({"he", "she", "он", "она", "его", "ее", "её", "він", "вона", "його", "її"})
# the places after "each over": capitalised names joined by commas and "and", up to "regions"
_EACH_LIST = re.compile(
    r"((?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)+)"
)
_EACH_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?:the\s+)?")


@dataclass(slots=True)
class _Launched:
    """A munition count a blocker ("launched") kept from being a claim, for `trigger.all_downed`."""

    index: int
    number: Number
    np: NounPhrase
    categories: tuple[str, ...]
    rules: list[str]


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
        self.lex = lex
        self.doc = DocState(text, sentences, published, side_of_doc)
        by_sentence = _numbers_by_sentence(sentences, numbers)
        self._undated_days: list[PeriodPhrase] = []  # past-day phrases before the bulletin names its day
        attributions, periods = self._prepass(sentences)
        self.layers = [mark(text, s, by_sentence[i], attributions[i], periods[i], lex) for i, s in enumerate(sentences)]
        self.doc.source_after = _source_lines(self.layers)
        self.launched: list[_Launched] = []

    @property
    def claims(self) -> list[RawClaim]:
        return self.doc.claims

    # -- pre-pass: who speaks where, and on which day ---------------------------------------
    def _prepass(self, sentences: list[Sentence]) -> tuple[list[list[Attribution]], list[list[PeriodPhrase]]]:
        doc, lex = self.doc, self.lex
        last_actor: ActorRef | None = None
        last_person: ActorRef | None = None
        all_atts: list[list[Attribution]] = []
        all_periods: list[list[PeriodPhrase]] = []
        by_side: dict[str, ActorRef] = {}  # the last specific claimant of each side named
        last_org: ActorRef | None = None  # the last group outside the states named, speaking or not
        for s in sentences:
            people: list[tuple[int, ActorRef]] = []
            orgs: list[ActorRef] = []
            atts = find_attributions(
                doc.text, s.start, s.end, lex, headline=s.headline, doc_side=doc.doc_side, people=people, orgs=orgs
            )
            resolved: list[Attribution] = []
            for a in atts:
                actor = a.actor
                if actor is None:
                    here = [p for pos, p in people if pos < a.start]
                    if a.anaphor in PERSONAL and here:
                        actor = here[-1]  # "Zelensky last spoke of it in February, when he said"
                    elif a.anaphor in PERSONAL and last_person is not None:
                        actor = last_person
                    elif a.anaphor in lex.org_anaphora and last_org is not None:
                        actor = last_org  # "the group said": the counting group last named
                    else:
                        actor = last_actor
                    if actor is None:
                        actor = self._unnamed(a, s)
                    if actor is None:
                        continue
                    a = Attribution(a.start, a.end, actor, a.anaphor, a.rule + ANAPHOR)
                elif actor.kind == "generic":
                    # "Ukraine also confirmed ...": the country speaks through the office it was
                    # last heard through in this text
                    side = lex.actor_sides.get(actor.claimant)
                    known = by_side.get(side or "")
                    if known is not None:
                        actor = ActorRef(known.claimant, actor.text, "generic")
                        a = Attribution(a.start, a.end, actor, None, a.rule + GENERIC)
                resolved.append(a)
                last_actor = actor
                if actor.kind != "generic":
                    by_side[lex.actor_sides.get(actor.claimant) or ""] = actor
                if actor.kind == "person":
                    last_person = actor
            if people and not resolved:
                last_person = people[-1][1]
            groups = [o for o in [*orgs, *(a.actor for a in resolved if a.actor)] if _outside_states(o, lex)]
            if groups:
                last_org = groups[-1]
            all_atts.append(resolved)
            phrases = find_periods(doc.text, s.start, s.end, doc.published, lex)
            self._bulletin_day(phrases)
            all_periods.append(phrases)
            if resolved:
                for p in phrases:
                    if p.kind == "statement_day" and p.first is not None:
                        pos = p.start
                        nearest = min(resolved, key=lambda att: abs(att.start - pos))
                        if nearest.actor is not None:
                            days = doc.statement_days.setdefault(nearest.actor.claimant, [])
                            if not days or days[-1][0] != s.index:
                                days.append((s.index, p.first))
        return all_atts, all_periods

    def _unnamed(self, a: Attribution, s: Sentence) -> ActorRef | None:
        """ "..., the ministry said" with no office named before: the document side's office."""
        options = self.lex.unnamed_anaphora.get(a.anaphor or "")
        if options is None:
            return None
        claimant = options.get(self.doc.doc_side) or options.get(options.get("default", ""))
        if claimant is None:
            return None
        return ActorRef(claimant, self.doc.text[a.start : a.end], "org")

    def _bulletin_day(self, phrases: list[PeriodPhrase]) -> None:
        """Date a bulletin's past-day phrases by the day it named for the first of them.

        "За минулу добу, 2 жовтня, ..." names the day; "минулої доби" a sentence later is that
        day too, not the publication day (General Staff posts come out the morning after). So is
        the headline's or the lead's "за минулу добу" above the line that names it.
        """
        doc, text, bulletin = self.doc, self.doc.text, self.lex.patterns["period.bulletin_day"]
        for p in phrases:
            if p.rule != "period.past_day" or p.first is not None or not bulletin.search(text, p.start, p.end):
                continue
            named = next(
                (q for q in phrases if q.rule == "period.on_date" and q.first and 0 <= q.start - p.end <= 3), None
            )
            if named is not None:
                if doc.bulletin_day is None:
                    for q in self._undated_days:
                        q.first = q.last = named.first
                        q.rule = "period.bulletin_day"
                doc.bulletin_day = named.first
            elif doc.bulletin_day is not None:
                p.first = p.last = doc.bulletin_day
                p.rule = "period.bulletin_day"
            else:
                self._undated_days.append(p)

    # -- main pass ----------------------------------------------------------------------------
    def read(self) -> list[RawClaim]:
        for layers in self.layers:
            self._sentence(layers)
        return self.doc.claims

    def _sentence(self, layers: SentenceLayers) -> None:
        doc = self.doc
        s = layers.sentence
        i = s.index
        self._quote_block(layers)
        if (author := doc.quote_author(i)) is not None:
            doc.ctx.actor, doc.ctx.actor_rule, doc.ctx.renewed = author, "attribution.quoted_block", i
        elif layers.attributions:
            doc.ctx.actor = layers.attributions[-1].actor
            doc.ctx.actor_rule = layers.attributions[-1].rule
            doc.ctx.renewed = i
        if layers.all_downed:
            self._all_downed(layers)
        for p in layers.periods:
            if p.kind == "day":  # the day this sentence is about ("overnight", "on Thursday")
                first, last = resolve(p, doc.published)
                if first is not None:
                    doc.scene = (i, (first, last))
        if not layers.numbers:
            if layers.has_trigger or (layers.ends_colon and doc.list_chain == i - 1):
                doc.list_chain = i
            self._remember_side(layers)
            return
        prev: RawClaim | None = None
        produced = 0
        used_context = False
        for idx, n in enumerate(layers.numbers):
            if n.kind == "of_total":
                continue
            if n.kind == "increment":
                if prev is not None and prev.number.end <= n.start:
                    self._increment(n, prev, s)
                    produced += 1
                continue
            raw = self._figure(layers, idx, n, prev)
            if raw is None:
                continue
            used_context = used_context or "attribution.carried" in raw.rules
            doc.claims.extend(self._each(layers, raw))
            prev = raw
            produced += 1
            doc.ctx.last = raw
            if raw.role != "increment" and raw.rate is None:
                # the context period is the last figure's, unknown included: no stale carry-over
                doc.ctx.period = raw.period if raw.period != (None, None) else None
            doc.ctx.location = raw.location
            doc.ctx.paragraph = s.paragraph
        self._remember_side(layers)
        if produced:
            if layers.attributions or used_context:
                doc.ctx.renewed = i
            doc.list_chain = i

    def _quote_block(self, layers: SentenceLayers) -> None:
        """Open, extend or close a quoted block: a lead naming its author and ending with a colon,
        then the lines that continue it (bullets, numbered lines, quotes) and the rest of each."""
        doc, s, text = self.doc, layers.sentence, self.doc.text
        lead = layers.ends_colon and not layers.numbers and layers.attributions
        if lead and (actor := layers.attributions[-1].actor) is not None:
            doc.quote = (actor, s.index)
            return
        if doc.quote is None:
            return
        sentence = text[s.start : s.end]
        start = s.start + len(sentence) - len(sentence.lstrip())
        line_start = not text[text.rfind("\n", 0, start) + 1 : start].strip()
        if line_start and not self.lex.patterns["attribution.block_line"].match(text, start):
            doc.quote = None  # a line that does not continue the quote ends it

    def _each(self, layers: SentenceLayers, raw: RawClaim) -> list[RawClaim]:
        """ "three each over the Belgorod, Kaluga and Smolensk regions": the figure once per place."""
        text, s = self.doc.text, layers.sentence
        m = self.lex.patterns["claim.each"].match(text, raw.np_end, s.end)
        if m is None:
            return [raw]
        items = _EACH_LIST.match(text, m.end(), s.end)
        names = [x for x in _EACH_SPLIT.split(items.group(1)) if x.strip()] if items else []
        if len(names) < 2:
            return [raw]
        out = []
        for copy, name in enumerate(names):
            start = text.find(name, m.end(), s.end)
            place = next((p for p in layers.places if start <= p.start < start + len(name)), None)
            out.append(replace(raw, rules=[*raw.rules, EACH], location=place.name if place else None, copy=copy))
        return out

    def _remember_side(self, layers: SentenceLayers) -> None:
        named = layers.named_sides
        if named:
            self.doc.last_side = named[-1]

    def _figure(self, layers: SentenceLayers, idx: int, n: Number, prev: RawClaim | None) -> RawClaim | None:
        """One number through the deciders: what, event, who, whose, when, where."""
        doc, lex, text = self.doc, self.lex, self.doc.text
        s = layers.sentence
        what = decide_what(text, layers, idx, prev, lex, doc.counted)
        if what is None:
            return None
        if what.np.found:  # an antecedent even when it is not a loss ("... 30 drones")
            doc.counted = (what.categories, what.intrinsic, s.index, None)
        trig = event.decide_trigger(doc, layers, n.left, what.np_end, what.categories, what.intrinsic, prev, self.lex)
        if trig is None:
            return None
        if trig.blocked:
            if trig.blocked == "launch" and what.categories and set(what.categories) <= event.MUNITIONS:
                self.launched.append(_Launched(s.index, n, what.np, what.categories, what.rules))
                # "Russia launched 30 drones": the launcher, named before the count, owns them
                launchers = [m.side for m in layers.sides if m.end <= n.left and m.side in whose.OPPOSITE]
                doc.counted = (what.categories, what.intrinsic, s.index, launchers[0] if launchers else None)
            return None
        kind = trig.kind
        if trig.rule:
            what.rules.append(trig.rule)
        personnel_default(text, layers, n, what, kind, lex)
        if not what.categories:
            return None
        following = self.layers[s.index + 1 : s.index + 1 + who.LOOKAHEAD_SENTENCES]
        actor, arule = who.decide_who(doc, layers, following, n.left, lex)
        claimant = actor.claimant if actor else "media"
        what.rules.append(arule)
        if arule == who.CARRIED and doc.ctx.actor_rule:
            what.rules.append(doc.ctx.actor_rule)  # carried from the sentence that named the speaker
        if actor is not None and actor.via:
            what.rules.append(actor.via)
        cats = civilians_or_troops(text, layers, what, claimant, kind, lex)
        ev = event.event_for(kind, cats, what.intrinsic)
        if ev is None:
            return None
        subject, srule, place = self._whose(layers, n, what, cats, claimant, prev)
        what.rules.append(srule)
        w = when.decide_when(
            doc, layers, n, what.np_end, claimant, subject, ev, lex, list_item=layers.list_item, trigger_kind=kind
        )
        if (
            w.rate is None
            and prev is not None
            and prev.rate
            and (w.rule in (when.NONE, when.CARRIED) or w.kind == "unknown")
        ):
            w = when.When(prev.period, prev.rate, when.SIBLING_RATE, "rate")
        what.rules.append(w.rule)
        raw = RawClaim(
            number=n,
            sentence=s,
            claimant=claimant,
            claimant_text=actor.text if actor else None,
            subject=subject,
            event=ev,
            categories=cats,
            model=what.np.model,
            period=w.period,
            rate=w.rate,
            location=where.decide_where(doc, layers, place),
            rules=what.rules,
            np_end=what.np_end,
            trigger_kind=kind,
            group_marked=layers.group_marked,
            period_kind=w.kind,
        )
        if lex.patterns["period.by_increment"].search(text[max(s.start, n.left - 20) : n.left]):
            raw.role = "increment"
        doc.counted = (raw.categories, what.intrinsic, s.index, raw.subject)
        return raw

    def _whose(
        self, layers: SentenceLayers, n: Number, what: What, cats: tuple[str, ...], claimant: str, prev: RawClaim | None
    ) -> tuple[str, str, PlaceMention | None]:
        doc, lex, text = self.doc, self.lex, self.doc.text
        claimant_side = lex.actor_sides.get(claimant) if claimant != "media" else None
        if claimant_side == "other":
            claimant_side = None
        # "the enemy" is the speaker's enemy; an unattributed bulletin that says "the enemy" is,
        # unless the document shows otherwise, the Ukrainian General Staff's daily formula
        speaker = claimant_side or (doc.doc_side if doc.doc_side in ("RU", "UA") else "UA")
        place = where.nearest(layers, n.left, text, lex)
        subject: str | None = None
        srule: str | None = None
        if what.inherited_subject is not None:
            subject, srule = what.inherited_subject, what.inherited_rule
        elif what.labelled:
            subject = whose.label_side(text, what.np.start, layers.sides, claimant_side)
            srule = whose.LABEL if subject else None
            if subject is None:
                subject, srule = whose.from_grammar(text, layers, n.left, n.end, n.end, speaker, lex)
        else:
            np_start = what.np.start if what.np.found else n.end
            subject, srule = whose.from_grammar(text, layers, n.left, np_start, what.np_end, speaker, lex)
        if subject is None:
            subject, srule = whose.from_claimant(text, layers.sentence.start, n.left, claimant_side)
        if subject is None or srule is None:
            subject, srule = whose.fallback(
                doc, layers, n.left, claimant, claimant_side, "civilians" in cats, place, prev
            )
        return subject, srule, place

    def _all_downed(self, layers: SentenceLayers) -> None:
        """ "Russia launched 30 drones. All of them were shot down." The launched count was intercepted."""
        doc, lex = self.doc, self.lex
        i = layers.sentence.index
        following = self.layers[i + 1 : i + 1 + who.LOOKAHEAD_SENTENCES]
        for item in self.launched:
            if i - item.index != 1:
                continue
            actor, arule = who.decide_who(doc, layers, following, layers.sentence.start, lex)
            claimant = actor.claimant if actor else "media"
            origin = self.layers[item.index]
            sentence = origin.sentence
            n = item.number
            # the side named before the count launched it ("Russia launched 30 drones"); else the
            # interceptor's enemy
            launchers = [
                m.side for m in side_mentions(doc.text, sentence.start, n.left, lex) if m.side in whose.OPPOSITE
            ]
            speaker_side = lex.actor_sides.get(claimant)
            subject = launchers[0] if launchers else whose.OPPOSITE.get(speaker_side or "", "UA")
            place = where.nearest(origin, n.left, doc.text, lex)
            np_end = item.np.end if item.np.found else n.end
            w = when.decide_when(doc, origin, n, np_end, claimant, subject, "intercepted", lex)
            doc.claims.append(
                RawClaim(
                    number=n,
                    sentence=sentence,
                    claimant=claimant,
                    claimant_text=actor.text if actor else None,
                    subject=subject,
                    event="intercepted",
                    categories=item.categories,
                    model=item.np.model,
                    period=w.period,
                    rate=w.rate,
                    location=place.name if place else None,
                    rules=[*item.rules, event.ALL_DOWNED, arule, w.rule],
                    np_end=np_end,
                    trigger_kind="intercept",
                    period_kind=w.kind,
                )
            )
        self.launched = []

    def _increment(self, n: Number, base: RawClaim, s: Sentence) -> None:
        """ "470,870 (+1,030)": the bracketed figure is the day's increment of the total before it."""
        if n.value == 0:
            return
        # the day's increment is of the bulletin's day where the text named it ("за минулу добу, 26 жовтня")
        stmt = self.doc.bulletin_day or self.doc.stmt(base.claimant, s.index)
        if self.doc.bulletin_day is None and base.period_kind == "cumulative" and base.period[1] is not None:
            stmt = base.period[1]  # "as of 12 March: personnel 430,000 (+1,100)": the day the total is of
        self.doc.claims.append(
            replace(
                base,
                number=n,
                sentence=s,
                period=(stmt, stmt),
                rate=None,
                np_end=n.end,
                rules=[*n.rules, when.INCREMENT],
                role="increment",
                parent=base,
                group_marked=False,
                period_kind="event_day",
            )
        )


def _outside_states(actor: ActorRef, lex: Lexicon) -> bool:
    """An analysts' project or a monitoring mission: what "the group" may stand for."""
    return actor.kind == "org" and actor.claimant in lex.group_claimants


def _numbers_by_sentence(sentences: list[Sentence], numbers: list[Number]) -> list[list[Number]]:
    """The numbers of each sentence, in one linear walk."""
    out: list[list[Number]] = [[] for _ in sentences]
    j = 0
    for i, s in enumerate(sentences):
        while j < len(numbers) and numbers[j].start < s.start:
            j += 1
        k = j
        while k < len(numbers) and numbers[k].start < s.end:
            out[i].append(numbers[k])
            k += 1
        j = k
    return out


SOURCE_LINE_REACH = 30  # sentences: a General Staff list of a dozen lines and its lead


def _source_lines(layers: list[SentenceLayers]) -> list[ActorRef | None]:
    """For each sentence, the speaker of the next attributing sentence if it is a source line.

    A source line names a speaker and gives no figure ("Про це повідомляє Генштаб ЗСУ.",
    "Джерело: Повітряні сили"): it attributes the unattributed figures above it. Found right to
    left in one pass, so the work is linear in the document.
    """
    out: list[ActorRef | None] = [None] * len(layers)
    nxt: tuple[int, ActorRef | None] | None = None
    for i in range(len(layers) - 1, -1, -1):
        if nxt is not None and nxt[0] - i <= SOURCE_LINE_REACH:
            out[i] = nxt[1]
        atts = layers[i].attributions
        if atts:
            actor = atts[0].actor
            nxt = (i, actor if not layers[i].numbers and actor is not None else None)
    return out
