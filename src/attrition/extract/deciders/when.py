"""When a figure holds: first its temporal kind, then the dates for that kind.

The kind comes from the figure's own clause, its statement and, for tallies the text marks as
such, the claimant's publishing profile (`reports` in `data/actors.toml`):
  event_day   a day named or implied ("on Friday", "overnight", the day the claimant spoke);
  past_days   a rolling span ending on the statement day ("over the past day", "past week");
  cumulative  since the invasion or a campaign's start ("since February 24", "in total");
  calendar    a calendar span ("in May", "in 2024", "from 1 to 7 June");
  rate        "a day", "per month": the rate field, with the period it is averaged over if any;
  carried     the period of the same statement's previous figure;
  unknown     nothing in the text fixes it: null dates.
Rules, in order:
1. "up by N": N is the day's increment (`period.increase_by`);
2. "bringing the total to M": a running total (`period.running_total`);
3. the period phrase nearest the number (`period.<phrase id>`); "a month" rates leave it unknown
   (`period.rate_month`);
4. a figure printed with "(+N)", or a tally-keeper's list line: a running total;
5. the period of the same claimant's previous figure (`period.carried`), except that a daily
   figure's one-day period is not carried into a tally-keeper's unmarked totals;
6. running-total words ("so far"): from the start of the war;
7. the day the claimant spoke (`period.statement_day`), else the day a sentence or two before
   was about (`period.scene`);
8. a tally-keeper's unmarked loss tally: from the start of the war or of the regional campaign
   (`period.cumulative_default`);
9. otherwise unknown (`period.none`).
"""

from __future__ import annotations

from dataclasses import dataclass

from attrition.extract.layers import SentenceLayers
from attrition.extract.numbers import Number
from attrition.extract.rules import code_rule
from attrition.extract.state import CARRY_SENTENCES, DocState, Period
from attrition.lexicon import Lexicon
from attrition.normalize.periods import WAR_START, PeriodPhrase, campaign_start, resolve

ANY_PERIOD_KINDS = ("rate_day", "rate_month")
NOT_PERIODS = (*ANY_PERIOD_KINDS, "statement_day", "statement_time")
_PHRASE_KINDS = {
    "day": "event_day",
    "statement_day": "event_day",
    "since_war": "cumulative",
    "since": "cumulative",
    "as_of": "cumulative",
    "rolling": "past_days",
    "past_week": "past_days",
    "past_month": "past_days",
    "past_year": "past_days",
    "span": "calendar",
    "year_to_date": "calendar",
    "month_to_date": "calendar",
    "week_to_date": "calendar",
    "last_month": "calendar",
    "last_year": "calendar",
    "last_week": "calendar",
    "last_weekend": "calendar",
    "same_period": "carried",
    "vague": "unknown",
}

INCREASE_BY = code_rule("period.increase_by")
RUNNING_TOTAL = code_rule("period.running_total")
RATE_MONTH = code_rule("period.rate_month")
CARRIED = code_rule("period.carried")
STATEMENT_DAY = code_rule("period.statement_day")
SCENE = code_rule("period.scene")
CUMULATIVE_DEFAULT = code_rule("period.cumulative_default")
NONE = code_rule("period.none")
INCREMENT = code_rule("period.increment")
SIBLING_RATE = code_rule("period.sibling_rate")
DAILY_DEFAULT = code_rule("period.daily_default")
STATEMENT_TIME = code_rule("period.statement_time")
ANOTHER_DAY = code_rule("period.another_day")
_CALENDAR = ("span", "year_to_date", "month_to_date", "week_to_date", "last_month", "last_year", "last_week")
_EVENT_KINDS = ("destroy", "intercept")


@dataclass(frozen=True, slots=True)
class When:
    """The period decision for one figure."""

    period: Period
    rate: str | None
    rule: str
    kind: str


def keeps_tally(claimant: str, subject: str, lex: Lexicon) -> bool:
    """Whether the claimant publishes running tallies of the enemy's losses (its profile says so)."""
    side = lex.actor_sides.get(claimant)
    enemy = {"RU": "UA", "UA": "RU"}.get(side or "")
    return "cumulative" in lex.actor_reports.get(claimant, ()) and subject == enemy


def _leads_later_number(p: PeriodPhrase, n: Number, layers: SentenceLayers, text: str, lex: Lexicon) -> bool:
    """Whether the weak phrase `p`, after the figure `n`, is the "total to" of a later number."""
    if p.start < n.end:
        return False
    total_to = lex.patterns["period.total_to"]
    return any(
        0 <= m.left - p.end <= 30 and total_to.search(text, p.start, m.left) for m in layers.numbers if m.left > n.end
    )


def _reports_daily(claimant: str, lex: Lexicon) -> bool:
    return "daily" in lex.actor_reports.get(claimant, ())


def decide_when(
    doc: DocState,
    layers: SentenceLayers,
    n: Number,
    np_end: int,
    claimant: str,
    subject: str,
    event: str,
    lex: Lexicon,
    *,
    list_item: bool = False,
    trigger_kind: str | None = None,
) -> When:
    """The period, rate and rule id of the figure `n` (see the module doc)."""
    text, s, phrases, pat = doc.text, layers.sentence, layers.periods, lex.patterns
    i = s.index
    stmt = doc.stmt(claimant, i)
    rate = None
    rate_month = False
    for p in phrases:
        near = (
            np_end <= p.start <= np_end + 60
            or 0 <= n.left - p.end <= 3
            or (
                p.kind == "rate_day"
                and 0 <= n.left - p.end <= 60
                and (
                    pat["period.rate_lead"].match(text[p.end : n.left]) is not None
                    or pat["period.rate_adverb"].match(text[p.end : n.left]) is not None
                )
            )
        )
        if not near or pat["period.rate_noun"].match(text, p.end):
            continue
        if p.kind == "rate_day":
            rate = "per_day"
        elif p.kind == "rate_month":
            rate_month = True
    rate_kind = "rate" if rate else None
    before = text[max(s.start, n.left - 90) : n.left]
    if pat["period.by_increment"].search(before[-20:]):
        return When((stmt, stmt), rate, INCREASE_BY, "event_day")
    strong = [p for p in phrases if p.kind not in NOT_PERIODS and not p.weak]
    # "in February, when he said that 45,100 ...": a calendar phrase before the verb of saying
    # that opens the figure's clause dates the statement, not the figure
    said_then = [
        p
        for p in strong
        if p.kind in _CALENDAR and p.end <= n.left and pat["period.speech_after"].search(text, p.end, n.left)
    ]
    said_then += [p for p in phrases if p.kind == "statement_time" and p.end <= n.left]
    strong = [p for p in strong if p not in said_then]
    if pat["period.increment_after"].match(text, n.end):
        # "9113 (+4 за минулу добу)": the past day in the brackets is the increment's, not the total's
        close = text.find(")", n.end, s.end)
        strong = [p for p in strong if not n.end <= p.start < (close if close >= 0 else n.end)]
    running = pat["period.total_to"].search(before) or pat["period.increase_to"].search(before)
    tally = keeps_tally(claimant, subject, lex)
    # "bringing the total to" runs from the war's start; "the toll of the strike rose to 40" does not
    war_tally = tally or (running and "total" in running.group(0).lower())
    if running and war_tally and not any(p.kind in ("since", "since_war") for p in strong):
        return When((WAR_START, stmt), None, RUNNING_TOTAL, "cumulative")
    ctx = doc.ctx
    if not ctx.period:
        strong = [p for p in strong if p.kind != "same_period"]
    if strong:
        mid = (n.left + np_end) // 2
        best = min(strong, key=lambda p: min(abs(p.start - mid), abs(p.end - mid)))
        if best.kind == "same_period" and ctx.period is not None:
            return When(ctx.period, rate, best.rule, "carried")  # "over the same period": the figure just reported
        named = [p for p in phrases if p is not best and p.kind in ("day", "statement_day") and p.first is not None]
        if best.first is None and best.last is None and named and named[0].first == named[0].last:
            stmt = named[0].first  # "On 3 July, the General Staff said ... over the past day": that day's
        start, end = resolve(best, stmt)
        if best.kind == "as_of" and start is None:
            # "as of 25 March, 1,351 killed": a war's toll up to that day, whoever keeps it
            start = campaign_start(text[s.start : s.end], lex, regional_only=True) or WAR_START
        if stmt is not None and end is not None and start is not None and start <= stmt < end:
            end = stmt  # "in 2025" said on 25 September: a statement covers no day after it
        return When((start, end), rate, best.rule, rate_kind or _PHRASE_KINDS.get(best.kind, "unknown"))
    if rate_month:
        return When((None, None), None, RATE_MONTH, "rate")
    if said_then:
        return When((None, None), rate, STATEMENT_TIME, rate_kind or "unknown")
    if pat["period.increment_after"].match(text, n.end) or (list_item and tally and rate is None):
        return When((WAR_START, stmt), rate, RUNNING_TOTAL, "cumulative")
    # A tally-keeper marks its daily figures ("over the past day", "(+N)") and leaves its
    # running totals unmarked: a one-day period is not carried into its unmarked figures.
    gs_style = tally and event in ("casualties", "lost", "intercepted")
    carried = (
        ctx.period is not None
        and ctx.last is not None
        and ctx.last.claimant == claimant
        and i - ctx.last.sentence.index <= CARRY_SENTENCES
        and rate is None
    )
    scene = doc.scene
    # a day named after the last figure ("On the night of 22 December, Russia attacked with 28
    # drones. Air defences destroyed 24 of them.") is the newer context
    newer_scene = scene is not None and ctx.last is not None and scene[0] > ctx.last.sentence.index
    if carried and ctx.period is not None and not (gs_style and ctx.period[0] == ctx.period[1]) and not newer_scene:
        return When(ctx.period, rate, CARRIED, "carried")
    if (
        rate is None
        and not strong
        and stmt is not None
        and _reports_daily(claimant, lex)
        and (pat["period.another"].search(before[-25:]) or pat["period.more_after"].match(text, n.end))
    ):
        return When((stmt, stmt), rate, ANOTHER_DAY, "event_day")
    # a weak total word that leads another number ("..., which brought the total to 146,820") is that number's
    weak = [p for p in phrases if p.weak and not _leads_later_number(p, n, layers, text, lex)]
    if weak:
        return When((WAR_START, stmt), rate, weak[0].rule, rate_kind or "cumulative")
    said = [p for p in phrases if p.kind == "statement_day"]
    # "X said on Friday it had shot down three" dates an event; "losses included 75" is a tally
    if said and not (gs_style and trigger_kind == "loss"):
        return When((said[0].first, said[0].last), rate, STATEMENT_DAY, rate_kind or "event_day")
    is_tally = trigger_kind in (None, "loss")  # "lost", "losses", a list; not "destroyed two jets"
    if scene is not None and 0 < i - scene[0] <= 2 and rate is None and not (gs_style and is_tally):
        # "Russia launched 120 missiles overnight. [...] the air force said it shot down 104."
        return When(scene[1], rate, SCENE, "event_day")
    if rate is None and not is_tally and trigger_kind in _EVENT_KINDS and _reports_daily(claimant, lex) and stmt:
        # "The Air Force said 13 missiles were shot down": a daily reporter's count of what its
        # forces did is that day's, as its bulletins are
        return When((stmt, stmt), rate, DAILY_DEFAULT, "event_day")
    if rate is None and gs_style and is_tally and not pat["period.battle_scope"].search(text, s.start, s.end):
        # a running total in a region where a campaign started later starts with that campaign
        start = campaign_start(text[s.start : s.end], lex, regional_only=True) or WAR_START
        if stmt is not None and start > stmt:
            start = WAR_START  # a campaign that had not begun when this was said is not this tally's
        return When((start, stmt), rate, CUMULATIVE_DEFAULT, "cumulative")
    return When((None, None), rate, NONE, rate_kind or "unknown")
