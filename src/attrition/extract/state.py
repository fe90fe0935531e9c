"""What the reader knows while it reads: the claims so far and the context a statement carries.

Kept apart from the reader and the deciders so that each decider depends on this state and the
span layers only, never on another decider: the old claims <-> timing import cycle came from
the period rules reaching back into the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from attrition.extract.attribution import ActorRef
from attrition.extract.numbers import Number
from attrition.text.sentences import Sentence

Period = tuple[date | None, date | None]

# how many sentences a speaker, a period or a side stays in force without being named again
CARRY_SENTENCES = 4


@dataclass(slots=True)
class RawClaim:
    """A claim as the deciders built it, before repeats merge and breakdowns link."""

    number: Number
    sentence: Sentence
    claimant: str
    claimant_text: str | None
    subject: str
    event: str
    categories: tuple[str, ...]
    model: str | None
    period: Period
    rate: str | None
    location: str | None
    rules: list[str] = field(default_factory=list)
    np_end: int = 0
    role: str = "plain"  # plain | increment | total | part
    parent: RawClaim | None = None
    trigger_kind: str | None = None
    group_marked: bool = False
    period_kind: str = "unknown"
    copy: int = 0  # "three each over A, B and C": the figure's copy for each place

    def qualifier_exact(self) -> bool:
        return self.number.qualifier == "exact"


@dataclass(slots=True)
class Context:
    """What a statement carries from one sentence to the next: its speaker, period and place."""

    actor: ActorRef | None = None
    actor_rule: str | None = None  # the attribution rule that named the running speaker
    renewed: int = -10
    paragraph: int = -1
    period: Period | None = None
    location: str | None = None
    last: RawClaim | None = None


@dataclass(slots=True)
class DocState:
    """Document-wide facts and the running context, shared by the deciders of one document."""

    text: str
    sentences: list[Sentence]
    published: date | None
    doc_side: str
    # the days each claimant spoke ("said on Friday"), with the sentence that says so
    statement_days: dict[str, list[tuple[int, date]]] = field(default_factory=dict)
    # the day a daily bulletin named for its "past day" ("за минулу добу, 22 листопада")
    bulletin_day: date | None = None
    ctx: Context = field(default_factory=Context)
    claims: list[RawClaim] = field(default_factory=list)
    scene: tuple[int, Period] | None = None
    last_side: str | None = None
    list_chain: int = -10
    # a quoted block's author and its lead sentence ("The UK MoD wrote:" and the bullets after it)
    quote: tuple[ActorRef, int] | None = None
    # the last noun a number counted (categories, intrinsic event, sentence, side), claim or a
    # launch:
    # the antecedent of "24 of them" and of a list's number-first lines
    counted: tuple[tuple[str, ...], str | None, int, str | None] | None = None
    # per sentence, the speaker of the next sentence that attributes, when that sentence is a
    # source line with no figures of its own ("Інформацію оприлюднив Генштаб ЗСУ." under a list)
    source_after: list[ActorRef | None] = field(default_factory=list)

    def quote_author(self, index: int) -> ActorRef | None:
        """The author of the quoted block sentence `index` belongs to (not its lead), if any."""
        if self.quote is None or self.quote[1] == index:
            return None
        return self.quote[0]

    def stmt(self, claimant: str, index: int | None = None) -> date | None:
        """The day `claimant` made the statement read at sentence `index`.

        Statements are dated one by one: the last day the claimant was said to speak at or
        before the sentence ("the ministry said Friday"), else the first one after it (a
        headline or lead summarising a statement dated below), else the publication date.
        """
        days = self.statement_days.get(claimant)
        if not days:
            return self.published
        if index is None:
            return days[0][1]
        before = [d for i, d in days if i <= index]
        return before[-1] if before else days[0][1]
