"""When a claim's figure holds: the period decision, with its fallbacks in a fixed order.

1. "up by N to M": N is the day's increment (`period.increase_by`);
2. "bringing the total to M": a running total from the start of the war (`period.running_total`);
3. the period phrase nearest the number (`period.<phrase id>`); "a month" rates leave it unknown;
4. a figure printed with "(+N)", or a General Staff list line: a running total;
5. the period of the same claimant's previous figure, a few sentences back (`period.carried`),
   except that a General Staff tally does not inherit a one-day period;
6. running-total words ("so far", "in total"): from the start of the war;
7. the day the claimant spoke ("said on Friday it had shot down"), unless the figure is a tally;
   else the day a sentence or two before was about ("launched 120 missiles overnight");
8. General Staff-style tallies: from the start of the war (`period.cumulative_default`);
9. otherwise unknown (`period.none`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from attrition.extract.numbers import Number
from attrition.normalize.periods import WAR_START, PeriodPhrase, campaign_start, resolve
from attrition.text.sentences import Sentence

if TYPE_CHECKING:
    from attrition.extract.claims import DocumentReader

CARRY_SENTENCES = 4

TOTAL_TO = re.compile(
    r"(?:(?:bringing|taking|takes|brings|brought|took|raising|raises|pushing)\s+(?:(?:the|its|their|this)\s+)?(?:[\w'-]+\s+){0,10}?to"
    r"|(?:increased|rose|grew|climbed|total|totals|totalling|totaling)(?:\s+to)?|total\s*[-:])\s*$",
    re.IGNORECASE,
)
INCREASE_TO = re.compile(r"\b(?:increased|rose|grew|up|climbed)\s+by\s+[\d, ]+\s+to\s*$", re.IGNORECASE)
INCREMENT_AFTER = re.compile(r"\s*\(\s*\+\s*\d")
BY_INCREMENT = re.compile(r"\b(?:up|increased|rose|grew)\s+by\s+$", re.IGNORECASE)
RATE_NOUN = re.compile(
    r"\s+(?:summary|report|update|briefing|bulletin|statement|basis|toll|figures|losses)\b", re.IGNORECASE
)
BATTLE_SCOPE = re.compile(
    r"\b(?:battle|battles|fighting|assault|siege|defen[cs]e)\s+(?:for|of|on|around|near)\b", re.IGNORECASE
)
ANY_PERIOD_KINDS = ("rate_day", "rate_month")
NOT_PERIODS = (*ANY_PERIOD_KINDS, "statement_day", "statement_time")


def claim_period(
    reader: DocumentReader,
    i: int,
    s: Sentence,
    n: Number,
    np_end: int,
    phrases: list[PeriodPhrase],
    claimant: str,
    subject: str,
    event: str,
    list_item: bool = False,
    trigger_kind: str | None = None,
) -> tuple[tuple[date | None, date | None], str | None, str]:
    """((start, end), rate, rule id) for the number `n` of sentence `s` (see the module doc)."""
    stmt = reader.stmt(claimant)
    rate = None
    rate_month = False
    for p in phrases:
        near = np_end <= p.start <= np_end + 60 or 0 <= n.left - p.end <= 3
        if not near or RATE_NOUN.match(reader.text, p.end):
            continue
        if p.kind == "rate_day":
            rate = "per_day"
        elif p.kind == "rate_month":
            rate_month = True
    before = reader.text[max(s.start, n.left - 90) : n.left]
    if BY_INCREMENT.search(before[-20:]):
        return (stmt, stmt), rate, "period.increase_by"
    strong = [p for p in phrases if p.kind not in NOT_PERIODS and not p.weak]
    running = TOTAL_TO.search(before) or INCREASE_TO.search(before)
    # "bringing the total to" runs from the war's start; "the toll of the strike rose to 40" does not
    war_tally = claimant.startswith("ua.") and subject == "RU" or (running and "total" in running.group(0).lower())
    if running and war_tally and not any(p.kind in ("since", "since_war") for p in strong):
        return (WAR_START, stmt), None, "period.running_total"
    if not reader.ctx.period:
        strong = [p for p in strong if p.kind != "same_period"]
    if strong:
        mid = (n.left + np_end) // 2
        best = min(strong, key=lambda p: min(abs(p.start - mid), abs(p.end - mid)))
        if best.kind == "same_period" and reader.ctx.period is not None:
            return reader.ctx.period, rate, best.rule  # "over the same period": the figure just reported
        start, end = resolve(best, stmt)
        if best.kind == "as_of" and start is None and claimant.startswith("ua.") and subject == "RU":
            start = WAR_START
        return (start, end), rate, best.rule
    if rate_month:
        return (None, None), None, "period.rate_month"
    if INCREMENT_AFTER.match(reader.text, n.end) or (
        list_item and claimant.startswith("ua.") and subject == "RU" and rate is None
    ):
        return (WAR_START, stmt), rate, "period.running_total"
    # The General Staff marks its daily figures ("over the past day", "(+N)") and leaves its
    # running totals unmarked: a one-day period is not carried into its unmarked figures.
    gs_style = claimant.startswith("ua.") and subject == "RU" and event in ("casualties", "lost", "intercepted")
    ctx = reader.ctx
    carried = (
        ctx.period is not None
        and ctx.last is not None
        and ctx.last.claimant == claimant
        and i - ctx.last.sentence.index <= CARRY_SENTENCES
        and rate is None
    )
    if carried and ctx.period is not None and not (gs_style and ctx.period[0] == ctx.period[1]):
        return ctx.period, rate, "period.carried"
    weak = [p for p in phrases if p.weak]
    if weak:
        return (WAR_START, stmt), rate, weak[0].rule
    said = [p for p in phrases if p.kind == "statement_day"]
    # "X said on Friday it had shot down three" dates an event; "losses included 75" is a tally
    if said and not (gs_style and trigger_kind == "loss"):
        return (said[0].first, said[0].last), rate, "period.statement_day"
    tally = trigger_kind in (None, "loss")  # "lost", "losses", a list; not "destroyed two jets"
    scene = reader.scene
    if scene is not None and 0 < i - scene[0] <= 2 and rate is None and not (gs_style and tally):
        # "Russia launched 120 missiles overnight. [...] the air force said it shot down 104."
        return scene[1], rate, "period.scene"
    if rate is None and gs_style and tally and not BATTLE_SCOPE.search(reader.text, s.start, s.end):
        # a running total in a region where a campaign started later starts with that campaign
        start = campaign_start(reader.text[s.start : s.end], reader.lex, regional_only=True) or WAR_START
        return (start, stmt), rate, "period.cumulative_default"
    return (None, None), rate, "period.none"
