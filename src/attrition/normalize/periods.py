"""When: period phrases and dates, resolved to ISO date spans.

Phrases are found per sentence, each with a position, so that a sentence carrying two
periods ("lost 1,262 a day in May and 1,163 in June") binds each number to the nearest one.
Everything resolves against the statement date S: the day the claimant spoke when the text
says so ("said on Friday"), else the publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from attrition.lexicon import Lexicon
from attrition.lexicon.casing import ci_alternatives, ci_compile
from attrition.lexicon.load import _trie_regex, key

WAR_START = date(2022, 2, 24)

_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# Russian and Ukrainian months in the genitive, as dates write them ("22 листопада")
_MONTH_GENITIVE = (
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
)
# English writes month names capitalised (or all in capitals, in headlines): "12 may have
# reached" and "troops march" are not dates, so the names keep their case inside patterns that
# otherwise ignore it.
# (The genitives are spelled out by `casing.ci_alternatives` inside the case-sensitive group:
# the same words, which re then skips on their first letter instead of trying each.)
_MONTH = rf"(?:(?-i:{_MONTH_NAMES}|{_MONTH_NAMES.upper()}|{ci_alternatives(_MONTH_GENITIVE)}))\.?"
_DAY_MONTH = rf"(?:{_MONTH}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?)"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY = rf"(?-i:{ci_alternatives(_WEEKDAYS)})"  # case-insensitive, spelled out as _MONTH is
_DOTTED = r"\d{1,2}\.\d{1,2}(?:\.\d{2,4})?"

#: Named date patterns (rule id -> regex); group "d" (and "d2") hold the dates.
DATE_PATTERNS: dict[str, re.Pattern[str]] = {
    "period.from_to": ci_compile(
        rf"\b(?:from|between|з|із|від|с|со)\s+(?P<d>{_DAY_MONTH}|{_DOTTED})(?:\s+(?:года|року|г\.|р\.))?\s+"
        rf"(?:to|and|through|until|по|до)\s+(?P<d2>{_DAY_MONTH}|{_DOTTED})"
    ),
    # "протягом 18 вересня та вранці 19 вересня", "в течение 3 и 4 мая": both days
    "period.days_and": ci_compile(
        rf"\b(?:протягом|впродовж|в\s+течение|за)\s+(?P<d>{_DAY_MONTH}|\d{{1,2}})\s+(?:та|і|й|и)\s+"
        rf"(?:[^\W\d]+\s+){{0,2}}?(?P<d2>{_DAY_MONTH})"
    ),
    # "в ночь на 5 июня", "у ніч проти 8 вересня", "в ночь с 4 на 5 июня": the night ending that morning
    "period.night_of": ci_compile(
        rf"\b(?:в|у)\s+(?:ночь|ніч)\s+(?:(?:с|з)\s+\d{{1,2}}\s+)?(?:на|проти)\s+(?P<d>{_DAY_MONTH}|{_DOTTED})"
    ),
    "period.since_date": ci_compile(
        rf"\b(?:since|beginning from|starting from|from|начиная\s+с|починаючи\s+з|с|со|з|із|від)\s+(?:the\s+)?"
        rf"(?P<d>{_DAY_MONTH}|{_DOTTED}(?=\D))(?P<last>\s+last\s+year)?"
    ),
    "period.since_month": ci_compile(
        rf"\b(?:since|beginning\s+from|starting\s+from)\s+(?:the\s+start\s+of\s+|early\s+|late\s+)?(?P<d>{_MONTH}\s+\d{{4}})\b"
    ),
    "period.began_on": ci_compile(
        rf"\b(?:began|started|launched|begun|commenced)\s+(?:on\s+)?(?P<d>{_DAY_MONTH})(?P<last>\s+last\s+year)?"
    ),
    # "станом на 01.06.24", "по состоянию на 1 июня"; a bare "на 25 марта," only as a parenthesis
    "period.as_of": ci_compile(
        rf"\b(?:as\s+of\s+(?P<d>{_DAY_MONTH}|{_WEEKDAY}|today)|(?:станом\s+на|по\s+состоянию\s+на)\s+"
        rf"(?P<d3>{_DAY_MONTH}|{_DOTTED})|(?<=,\s)на\s+(?P<d4>{_DAY_MONTH})(?=,))"
    ),
    "period.on_date": ci_compile(rf"\b(?:on\s+)?(?:{_WEEKDAY},?\s+)?(?P<d>{_DAY_MONTH})(?!\s*-)"),
    "period.on_weekday": ci_compile(rf"\b(?:on\s+|earlier\s+|late\s+)?(?P<d>{_WEEKDAY})(?!,?\s+{_MONTH})"),
    "period.in_month": ci_compile(rf"\b(?:in|during|for|throughout)\s+(?P<d>{_MONTH}(?:\s+\d{{4}})?)(?!\s*\d)"),
    # "December 2024 was the costliest month", "May saw 40 strikes": the month as the subject
    "period.month_subject": ci_compile(
        rf"(?P<d>{_MONTH}(?:\s+\d{{4}})?)\s+(?:saw|was|marked|became|brought|proved|has\s+been|had\s+been)\b"
    ),
    # "in the first six months of 2024", "during the first half of this year"
    "period.part_of_year": ci_compile(
        r"\b(?:in|during|over|for|throughout)\s+the\s+(?P<part>first|second)\s+(?:(?P<n>two|three|four|five|six|"
        r"seven|eight|nine|ten|eleven|\d{1,2})\s+months|(?P<half>half))\s+of\s+(?:(?P<d>20\d{2})|this\s+year)\b"
    ),
    "period.in_year": ci_compile(
        r"\b(?:(?:in|during|throughout)\s+(?P<d>20\d{2})\b(?!\s*[-/])|(?:в|у|за)\s+(?P<d3>20\d{2})\s+(?:году|році|г\.|р\.))"
    ),
    "period.past_n": ci_compile(
        r"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<d>\d{1,3}|two|three|four|five|six|seven|"
        r"eight|nine|ten|eleven|twelve)\s+(?P<u>days|weeks|months|years)\b"
    ),
    "period.campaign": ci_compile(
        r"\b(?:since\s+the\s+(?:beginning|start|outset)\s+of|during|in\s+the\s+course\s+of)\s+(?:the\s+)?"
        r"(?:hostilities|fighting|operation|offensive|incursion|battles?|counteroffensive|invasion)\b[^.;:,]{0,60}"
    ),
}

# A cheap test per sentence before each date pattern: the word the pattern cannot match
# without. Most sentences name no month or weekday, and the full patterns are the costliest
# step of reading a sentence. The tests are shaped for the engine's fast paths: a month name
# is found by its first letter in C (its three-letter stem, with the word boundary checked
# behind it), and a case-insensitive word spells its first letter out (`lexicon.casing`), so
# the engine skips a position on one character instead of trying each word there.
_MONTH_STEMS = "|".join(m[:3] for m in _MONTH_NAMES.split("|"))
_MONTH_HINTS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?:{_MONTH_STEMS}|{_MONTH_STEMS.upper()})(?<=\b...)"),  # = \b(?:month name)
    re.compile(_trie_regex(_MONTH_GENITIVE.split("|"), ignore_case=True)),
    re.compile(r"\d\.\d"),
)
_HINTS: dict[str, re.Pattern[str]] = {
    "period.as_of": re.compile(
        r"\b(?:"
        + ci_alternatives(r"as\s+of\b")
        + ")|"
        + ci_alternatives(r"станом\s+на|состоянию\s+на")
        + r"|,\s+(?i:на\s)"
    ),
    "period.on_weekday": re.compile(_trie_regex(_WEEKDAYS.lower().split("|"), ignore_case=True)),
    "period.part_of_year": ci_compile(r"\b(?:first|second)\b"),
    "period.in_year": re.compile(r"\b20\d\d\b"),
    "period.past_n": ci_compile(r"\b(?:past|last|previous)\b"),
    "period.campaign": ci_compile(r"\b(?:since|during|course)\b"),
}

# "had reported in March that ...": the month dates the report, not the figure
_REPORTED_BEFORE = re.compile(
    r"\b(?:reported|said|announced|stated|published|released|leaked|estimated|wrote|claimed)"
    r"(?:\s+[\w.]+){0,4}\s*$",
    re.IGNORECASE,
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|told|reported|announced|stated|claimed|noted|wrote)\s+(?:earlier\s+|late\s+|in\s+an?\s+\w+\s+)?$",
    re.IGNORECASE,
)
# "since it launched the full-scale invasion on February 24 2022": the day is the start of a span
_SINCE_CLAUSE = re.compile(r"\bsince\b[^,.;:]{0,60}$", re.IGNORECASE)
_SPEECH_NEAR = ci_compile(
    r"\b(?:said|says|told|reported|claimed|claims|announced|stated|noted|added|declared|confirmed|"
    r"admitted|released|published|wrote|estimated|update|statement|report|figures)\b",
)


@dataclass(slots=True)
class PeriodPhrase:
    start: int
    end: int
    rule: str
    kind: str  # day | since | span | month | year_to_date | ... | rate_day | rate_month | statement_day
    first: date | None = None
    last: date | None = None
    weak: bool = False
    days: int = 0  # length of a rolling span ("over the past two months")


def _month_number(text: str, lex: Lexicon) -> int | None:
    return lex.months.get(key(text).rstrip("."))


def resolve_weekday(name: str, ref: date | None, lex: Lexicon) -> date | None:
    """The last `name`-day on or before `ref` (a statement made "on Friday").

    A weekday one day after `ref` is taken as `ref` itself: wire copy is often dated in UTC
    while the statement was made, hours earlier by the clock, on the next local day.
    """
    if ref is None:
        return None
    wd = lex.weekdays.get(key(name))
    if wd is None:
        return None
    if (ref.weekday() + 1) % 7 == wd:
        return ref
    return ref - timedelta(days=(ref.weekday() - wd) % 7)


def resolve_date(text: str, ref: date | None, lex: Lexicon, *, last_year: bool = False) -> date | None:
    """A calendar date from "July 3", "3 July 2022", "Feb. 24", "24.02", "Friday"."""
    text = text.strip()
    if key(text) in lex.weekdays:
        return resolve_weekday(text, ref, lex)
    if key(text) == "today":
        return ref
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?", text)
    if m:
        day, month, year_s = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        parts = re.findall(r"[A-Za-zА-Яа-яЁёІіЇїЄєҐґ]+\.?|\d+", text)
        month_n = next((_month_number(p, lex) for p in parts if _month_number(p, lex)), None)
        nums = [int(p) for p in parts if p.isdigit()]
        if month_n is None or not nums:
            return None
        month = month_n
        day = next((n for n in nums if n <= 31), 0)
        year_s = next((str(n) for n in nums if n > 31), None)
        if not day:
            return None
    year: int | None = int(year_s) if year_s else None
    if year is not None and year < 100:
        year += 2000
    if year is None:
        if ref is None:
            return None
        year = ref.year - (1 if last_year else 0)
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate > ref and not last_year:
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def campaign_start(text: str, lex: Lexicon, *, regional_only: bool = False) -> date | None:
    """The start of the latest campaign whose cue words `text` names.

    `regional_only` keeps to campaigns tied to a place, for figures that only name the place
    ("lost 50,000 in the Kursk region"), not the campaign.
    """
    low = text.lower()
    campaigns = lex.regional_campaigns if regional_only else lex.campaigns
    for _cid, start, cues in sorted(campaigns, key=lambda c: c[1], reverse=True):
        if any(c.lower() in low for c in cues):
            return start
    return None


def _since_start(d: date, lex: Lexicon) -> date:
    """ "since February 24" names the invasion, whatever year the article is from."""
    for _cid, start, _cues in lex.campaigns:
        if (d.month, d.day) == (start.month, start.day) and d.year >= start.year:
            return start
    return d


def _date_text(m: re.Match[str]) -> str:
    """The date a pattern matched, whichever of its alternatives (English or Cyrillic) did."""
    groups = m.groupdict()
    return next(groups[g] for g in ("d", "d3", "d4") if groups.get(g))


def find_periods(text: str, start: int, end: int, ref: date | None, lex: Lexicon) -> list[PeriodPhrase]:
    """Period phrases in `text[start:end]`, with dates resolved against `ref` (S)."""
    found: list[PeriodPhrase] = []
    occupied: list[tuple[int, int]] = []
    # Dated patterns first: "since Feb. 24 last year" is one phrase, not "Feb. 24" + "last year".
    has_month = any(h.search(text, start, end) is not None for h in _MONTH_HINTS)
    for rule, pattern in DATE_PATTERNS.items():
        hint = _HINTS.get(rule)
        if not (hint.search(text, start, end) if hint is not None else has_month):
            continue
        for m in pattern.finditer(text, start, end):
            overlaps = any(a <= m.start() < b or a < m.end() <= b for a, b in occupied)
            if overlaps and rule != "period.campaign":
                continue
            last_year = bool(m.groupdict().get("last"))
            if rule == "period.campaign":
                first = campaign_start(m.group(0), lex)
                if first is None or (ref is not None and first > ref):
                    continue  # no campaign named, or one that had not begun when this was written
                found.append(PeriodPhrase(m.start(), m.end(), rule, "since", first, None))
            elif rule in ("period.from_to", "period.days_and"):
                b = resolve_date(m.group("d2"), ref, lex)
                low_text = m.group("d")
                if low_text.isdigit() and b is not None:  # "3 и 4 мая": the month is the second day's
                    low_text = f"{low_text}.{b.month}.{b.year}"
                a = resolve_date(low_text, ref, lex)
                if a and b and a <= b:
                    found.append(PeriodPhrase(m.start(), m.end(), rule, "span", a, b))
            elif rule == "period.past_n":
                if ref is None:
                    continue
                count = int(m.group("d")) if m.group("d").isdigit() else lex.number_words.get(key(m.group("d")), 0)
                days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[m.group("u").lower()] * count
                if days:  # a rolling span ending on the statement date
                    found.append(PeriodPhrase(m.start(), m.end(), rule, "rolling", None, None, days=days))
            elif rule == "period.since_month":
                month_name, year_s = m.group("d").split()
                month_n = _month_number(month_name, lex)
                if month_n is None:
                    continue
                first = date(int(year_s), month_n, 1)
                if (first.year, first.month) == (WAR_START.year, WAR_START.month):
                    first = WAR_START  # "since February 2022" is the invasion
                found.append(PeriodPhrase(m.start(), m.end(), rule, "since", first, None))
            elif rule in ("period.since_date", "period.began_on"):
                d = resolve_date(m.group("d"), ref, lex, last_year=last_year)
                if d:
                    found.append(PeriodPhrase(m.start(), m.end(), rule, "since", _since_start(d, lex), None))
            elif rule == "period.as_of":
                d = resolve_date(_date_text(m), ref, lex)
                if d:
                    found.append(PeriodPhrase(m.start(), m.end(), rule, "as_of", None, d))
            elif rule == "period.night_of":
                d = resolve_date(m.group("d"), ref, lex)
                if d and (ref is None or d <= ref + timedelta(days=1)):
                    found.append(PeriodPhrase(m.start(), m.end(), rule, "day", d, d))
            elif rule in ("period.on_date", "period.on_weekday"):
                d = resolve_date(m.group("d"), ref, lex)
                if d and (ref is None or d <= ref + timedelta(days=1)):
                    if _SINCE_CLAUSE.search(text, max(start, m.start() - 70), m.start()):
                        found.append(
                            PeriodPhrase(m.start(), m.end(), "period.since_date", "since", _since_start(d, lex), None)
                        )
                        occupied.append((m.start(), m.end()))
                        continue
                    kind = "day"
                    window = text[max(start, m.start() - 30) : min(end, m.end() + 12)]
                    if _SPEECH_NEAR.search(window):
                        kind = "statement_day"
                    found.append(PeriodPhrase(m.start(), m.end(), rule, kind, d, d))
            elif rule in ("period.in_month", "period.month_subject", "period.in_year") and re.search(
                r"\b(?:since|began|started|launched|invaded|crossed|invasion|beginning|start)\b",
                text[max(start, m.start() - 50) : m.start()],
                re.IGNORECASE,
            ):
                continue  # "since Russia invaded in February 2022" names the start, not a month
            elif rule in ("period.in_month", "period.month_subject"):
                parts = m.group("d").split()
                month = _month_number(parts[0], lex)
                if month is None or ref is None and len(parts) == 1:
                    continue
                year = int(parts[1]) if len(parts) > 1 else (ref.year if ref else 0)
                if len(parts) == 1 and ref is not None and month > ref.month:
                    year -= 1
                first = date(year, month, 1)
                last = date(year, month, calendar.monthrange(year, month)[1])
                kind = (
                    "statement_time" if _REPORTED_BEFORE.search(text, max(start, m.start() - 40), m.start()) else "span"
                )
                found.append(PeriodPhrase(m.start(), m.end(), rule, kind, first, last))
            elif rule == "period.part_of_year":
                span = _part_of_year(m, ref)
                if span is None:
                    continue
                found.append(PeriodPhrase(m.start(), m.end(), rule, "span", *span))
            elif rule == "period.in_year":
                y = int(_date_text(m))
                kind = (
                    "statement_time" if _REPORTED_BEFORE.search(text, max(start, m.start() - 40), m.start()) else "span"
                )
                found.append(PeriodPhrase(m.start(), m.end(), rule, kind, date(y, 1, 1), date(y, 12, 31)))
            occupied.append((m.start(), m.end()))
    dated = [(p.start, p.end) for p in found]
    for m in lex.period_re.finditer(text, start, end):
        info = lex.periods[key(m.group(0))]
        if not info.weak and any(a <= m.start() < b or a < m.end() <= b for a, b in dated):
            continue
        kind = info.kind
        if kind in ("month_to_date", "week_to_date", "last_month", "last_week", "year_to_date") and _SAID_BEFORE.search(
            text, max(start, m.start() - 25), m.start()
        ):
            kind = "statement_time"  # "Zelensky said earlier this month that ..."
        found.append(PeriodPhrase(m.start(), m.end(), f"period.{info.id}", kind, weak=info.weak))
    found.sort(key=lambda p: p.start)
    return found


_SMALL = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
}


def _part_of_year(m: re.Match[str], ref: date | None) -> tuple[date, date] | None:
    """The span of "the first six months of 2024" or "the second half of this year"."""
    year = int(m.group("d")) if m.group("d") else (ref.year if ref else None)
    if year is None:
        return None
    months = 6 if m.group("half") else _SMALL.get(m.group("n").lower()) or int(m.group("n"))
    if not 1 <= months <= 12:
        return None
    if m.group("part").lower() == "first":
        return date(year, 1, 1), date(year, months, calendar.monthrange(year, months)[1])
    return date(year, 13 - months, 1), date(year, 12, 31)


def resolve(phrase: PeriodPhrase, stmt: date | None) -> tuple[date | None, date | None]:
    """The (start, end) a phrase gives a claim stated on `stmt`."""
    k = phrase.kind
    if k in ("span", "day") and phrase.first is not None:
        return phrase.first, phrase.last
    if k == "statement_day":
        return phrase.first, phrase.last
    if k == "day":
        return stmt, stmt
    if k == "since_war":
        return WAR_START, stmt
    if k == "since":
        return phrase.first, stmt
    if k == "rolling":
        return (stmt - timedelta(days=phrase.days - 1), stmt) if stmt else (None, None)
    if k == "as_of":
        return None, phrase.last
    if stmt is None:
        return None, None
    if k == "year_to_date":
        return date(stmt.year, 1, 1), stmt
    if k == "month_to_date":
        return date(stmt.year, stmt.month, 1), stmt
    if k == "past_week":
        return stmt - timedelta(days=6), stmt
    if k == "past_month":
        return stmt - timedelta(days=29), stmt
    if k == "past_year":
        return stmt - timedelta(days=364), stmt
    if k == "vague":
        return None, None
    if k == "week_to_date":
        return stmt - timedelta(days=stmt.weekday()), stmt
    if k == "last_month":
        last = date(stmt.year, stmt.month, 1) - timedelta(days=1)
        return date(last.year, last.month, 1), last
    if k == "last_year":
        return date(stmt.year - 1, 1, 1), date(stmt.year - 1, 12, 31)
    if k == "last_weekend":  # "на прошедших выходных": the Saturday and Sunday up to the statement
        sunday = stmt - timedelta(days=(stmt.weekday() + 1) % 7)
        return sunday - timedelta(days=1), sunday
    if k == "last_week":
        monday = stmt - timedelta(days=stmt.weekday() + 7)
        return monday, monday + timedelta(days=6)
    return None, None
