"""Numbers as articles write them, with their qualifiers, ranges and increments.

Finds every number mention in a (folded) text and decides what it is *not* before anyone
asks what it is: years, dates, times, percentages, money, distances, calibres, ordinals and
the digits inside model names ("Su-34", "D-30") are dropped here, each by a named rule.
Vague words ("hundreds", "dozens") are never numbers. "a"/"an" are offered as the number
one, but only become claims where a loss noun follows (the claim builder decides).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from text_to_num import text2num

from attrition.lexicon import Lexicon, load_lexicon
from attrition.lexicon.casing import ci_alternatives, ci_words
from attrition.lexicon.load import _trie_regex, key

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_SCALES = "thousand|million|billion"
# A run of English numeral words ("one hundred and twenty", "two million three hundred
# thousand", "a hundred and fifty"); text2num reads its value, this only finds where it stands.
# (Case-insensitive by spelled-out first letters, `lexicon.casing`: the engine then skips a
# word on its first letter instead of trying each numeral there.)
_NUMERAL = (
    rf"(?:(?:{ci_words(_TENS.split('|'))})-(?i:{_UNITS})|{ci_words(_TENS.split('|'))}|{ci_words(_TEENS.split('|'))}|"
    rf"{ci_words(_UNITS.split('|'))}|{ci_words(['hundred'])}|{ci_words(_SCALES.split('|'))})\b"
)
_ARTICLE_BEFORE_SCALE = ci_alternatives(rf"an?\s+(?=(?:hundred|{_SCALES})\b)")  # "a hundred", "a million"
_NUMERAL_RUN = re.compile(rf"(?<![\w-])(?:{_ARTICLE_BEFORE_SCALE})?{_NUMERAL}(?:\s+(?i:and\s+)?{_NUMERAL})*")
_NUMERAL_TOKEN = re.compile(r"\S+")
_NUMERAL_CLASS = (
    {w: "U" for w in _UNITS.split("|")}
    | {w: "T" for w in _TEENS.split("|")}
    | {w: "D" for w in _TENS.split("|")}
    | {w: "S" for w in _SCALES.split("|")}
    | {"hundred": "H", "a": "A", "an": "A", "and": "&"}
)
# Which numeral may follow which inside one number ("twenty five", "five hundred", "hundred
# thousand"); anything else ("one two", "twenty thirty") starts a new number.
_FOLLOWS: dict[str, frozenset[str]] = {
    "A": frozenset({"H", "S"}),
    "U": frozenset({"H", "S"}),
    "T": frozenset({"H", "S"}),
    "D": frozenset({"U", "S"}),
    "DU": frozenset({"H", "S"}),
    "H": frozenset({"U", "T", "D", "DU", "S"}),
    "S": frozenset({"U", "T", "D", "DU", "H"}),
    "&": frozenset({"U", "T", "D", "DU"}),
}
# Fractions of a scale: "half a million" is 500,000, "a quarter of a million" 250,000,
# "one and a half thousand" 1,500, "two and a half million" 2,500,000, "half a dozen" 6.
# Read before anything else, or "a million" inside "half a million" would be a million.
_FRACTION = re.compile(
    rf"(?<![\w-])(?:(?P<whole>\d+|(?:{_TENS})[\s-](?:{_UNITS})|{_TENS}|{_TEENS}|{_UNITS})\s+and\s+)?"
    r"(?P<frac>an?\s+half|half|an?\s+quarter|quarter|three[\s-]quarters)\s+(?:of\s+)?(?:an?\s+)?"
    r"(?P<scale>billion|million|thousand|hundred|dozen)\b",
    re.IGNORECASE,
)
# the words a fraction cannot do without: most texts have none, and then the pattern is not run
_FRACTION_HINT = re.compile(ci_words(["half", "quarter"]))
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}
_SCALE_OF = {"billion": 10**9, "million": 10**6, "thousand": 1000, "hundred": 100, "dozen": 12}
_MAX_NUMERAL_TOKENS = 24  # "nine hundred and ninety-nine billion ... ninety-nine" is 19

_DIGITS = re.compile(
    r"(?<![\w.,/+#$€£])(?<![^\W\d_]-)"
    r"(\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d{1,3}(?:[ ]\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?)"
    r"(?:\s*(million|billion|thousand|mln|bn)\b|(?<=\d)(k|K)(?![\w]))?"
)
# Russian and Ukrainian: "1,6 тыс.", "418 тис.", "55 тисяч", "1,7 млн" (a decimal comma only
# before a scale word; "1 078 750" is read by _DIGITS, spaces folded).
_CYR_SCALE = (
    r"(?:тыс(?:яч[а-яё]*|\.|(?![а-яё]))|тис(?:яч[а-яі]*|\.|(?![а-яі]))|млн(?:\.|(?![а-яі]))"
    r"|миллион[а-яё]*|мільйон[а-яі]*|млрд\.?)"
)
_CYR_SCALED = re.compile(
    rf"(?<![\w.,/+#$€£])(\d{{1,3}}(?:[ ]\d{{3}})+|\d+(?:,\d{{1,3}})?)\s*({_CYR_SCALE})", re.IGNORECASE
)
_CYR_RANGE = re.compile(r"^\s*-\s*$")


def cyrillic_scale(word: str) -> int:
    """The multiplier a Russian or Ukrainian scale word stands for ("тыс." 1,000, "млн" 1,000,000)."""
    low = word.lower()
    if low.startswith("млрд"):
        return 1_000_000_000
    return 1_000_000 if low.startswith(("млн", "милл", "мільй")) else 1000


# "(+4)", "(+4 за минулу добу)", "(+30 over the day)": the day's increment beside a total
_INCREMENT = re.compile(r"\(\s*\+\s*(\d[\d, ]*)(?:\s+[^()\d]{1,30}?)?\s*\)")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?,?\s*(?:of\s+)?{_MONTHS}\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"^\s*(?:%|percent\b|per\s*cent\b|per cent\b|km\b(?!2|²)|kilomet(?:er|re)s?\b|miles?\b|mm\b|cm\b|"
    r"meters?\b|metres?\b|kg\b|kilograms?\b|tons?\b|tonnes?\b|hours?\b|days?\b|minutes?\b|"
    r"seconds?\b|years?\b|months?\b|weeks?\b|times\b|GMT\b|UTC\b|[ap]\.?m\.?\b|degrees?\b|°|"
    r"dollars?\b|euros?\b|hryvnias?\b|rubles?\b|roubles?\b|pounds?\b|USD\b|EUR\b|mph\b|knots?\b|"
    r"st\b|nd\b|rd\b|th\b|-year|-day|-month|-km|-mm|-strong|-man|-page|-point|-hour)",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(r"(?:[$€£₴]|\bUSD|\bEUR|\bUAH|\bRUB)\s*$")
_PERCENT_RANGE = re.compile(r"^\s*(?:to|-|and)\s*\d[\d,.]*\s*(?:%|percent|per cent)", re.IGNORECASE)
_WORD_NUMBER_TAIL = re.compile(r"^\s*-\s*(?:to|year|day|month|week|hour|strong|man|fold)\b", re.IGNORECASE)
_ATTACHED = re.compile(r"^[A-Za-z\u0400-\u04ff]")
_ARTICLE = re.compile(
    # "a"/"an"/"one"; "the settlement of X" and "the (Russian) landing ship X" also name one item
    r"(?<![\w-])(an?|one|single|the(?=\s+(?:settlement|village|town)\s+of\s+[A-Z])"
    r"|the(?=\s+(?:Russian\s+|Ukrainian\s+)?(?:landing\s+ship|cruiser|warship|corvette|frigate|submarine|patrol\s+ship)"
    r"\s+[A-Z])"
    # "загинула 55-річна жінка", "ранен 40-летний мужчина": one person, named by age (a list of ages is no count)
    r"|\d{1,3}-(?:річн|летн)[а-яіїєё]*(?=\s+(?:чоловік|жінк[аиу]|мужчин[аеуы]|женщин[аеуы]|пенсіонерк?[аи]?|"
    r"пенсионерк?[аи]?|хлопець|дівчин[аиу]|юнак|девушк[аиу]|парень|житель|жительниц[аеуы]|мешкан(?:ець|ка)|"
    r"підліт(?:ок)?|подросток)(?![а-яіїєё])))\s+",
    re.IGNORECASE,
)
_SEP = re.compile(r"[ ,]")
_COMPOUND = re.compile(r"-[^\W\d_]")
_LETTER_DASH = re.compile(r"[A-Za-z]-$")
_LETTER_END = re.compile(r"[A-Za-z]$")
_TIME_AFTER = re.compile(r"\s*[:.]\d")
_TIME_BEFORE = re.compile(r"\d[:.]\s*$")
_ISO_AFTER = re.compile(r"-\d{2}-\d{2}")
_ISO_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d{2}-$")  # "2024-05", not "1000-1100"
_LABEL_BEFORE = re.compile(r"(?:No\.|#|number)\s*$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:age[sd]?\s+(?:of\s+)?(?:between\s+)?|aged\s+)$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")
OF_BETWEEN = re.compile(r"\s+(?:of\s+(?:the\s+)?|(?:зі|із|з|из|от)\s+)")  # "112 зі 142", "18 из 22"
_OF_TOTAL_LEAD = re.compile(r"(?:^|[.;:!?,(\n]\s*|\bout\s+)of\s+(?:the|these|those|all)\s+(?:the\s+)?$", re.IGNORECASE)
_INSTRUMENT_BEFORE = re.compile(r"\b(?:by|with|from)\s+$", re.IGNORECASE)
_RATIO_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}\s+(?:for|to)\s+(?:every|each)\b", re.IGNORECASE)
ONE_VICTIM = "numbers.one_victim"  # a data pattern: the person noun itself is the count
_ISO_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}(?:T[\d:+.Z-]*)?")


@dataclass(slots=True)
class Number:
    """A number mention: its value (low end of a range) and where it stands."""

    start: int
    end: int
    value: int | float
    value_max: int | float | None = None
    qualifier: str = "exact"
    kind: str = "plain"  # plain | range | increment | article | of_total
    rules: list[str] = field(default_factory=list)
    qualifier_start: int | None = None

    @property
    def left(self) -> int:
        """Where the mention begins, qualifier included."""
        return self.qualifier_start if self.qualifier_start is not None else self.start


def _as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def parse_digits(token: str, scale: str | None, lex: Lexicon) -> int | float | None:
    """Value of a digit token such as "35,970", "2 560", "1.5" (+ "million")."""
    raw = _SEP.sub("", token)
    try:
        value = float(raw)
    except ValueError:
        return None
    if scale:
        value *= lex.scales[key(scale)]
    return _as_number(value)


def _word_re(lex: Lexicon) -> re.Pattern[str]:
    # the number words as a case-insensitive prefix tree: among the words that match at one
    # place (each a prefix of the next, "one" / "one hundred") it tries the longest first, as a
    # flat alternation sorted longest first does
    body = _trie_regex(sorted(lex.number_words), ignore_case=True)
    scales = "|".join(sorted(lex.scales, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])((?i:(?:{_TENS})-(?:{_UNITS}))|{body})(?i:\s+({scales}))?(?![\w])",
    )


_PATTERNS: dict[int, tuple[Lexicon, re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The number-word and qualifier regexes of `lex` (each language's lexicon has its own)."""
    got = _PATTERNS.get(id(lex))
    if got is None or got[0] is not lex:
        quals = sorted(lex.qualifiers_before, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, q.split())) for q in quals)
        qual_re = re.compile(rf"(?<![\w])({body})\s+(?:a\s+|an\s+)?$", re.IGNORECASE)
        got = _PATTERNS[id(lex)] = (lex, _word_re(lex), qual_re)
    return got[1], got[2]


def _word_value(text: str, lex: Lexicon) -> int | None:
    k = key(text)
    if "-" in k:
        tens, units = k.split("-", 1)
        return lex.number_words[tens] + lex.number_words[units]
    return lex.number_words.get(k)


def _excluded(text: str, start: int, end: int, token: str, scaled: bool = False) -> str | None:
    """Why a digit token is not a quantity, or None if it may be one."""
    before = text[max(0, start - 24) : start]
    after = text[end : end + 24]
    if "." in token and not scaled:
        return "numbers.decimal"  # counts are whole; "24.02" is a date, "30.1" a temperature
    if _COMPOUND.match(after):
        return "numbers.compound"  # "68-й", "25-year-old"
    if after[:1] and _ATTACHED.match(after[:1]):
        return "numbers.attached_letters"  # "10km", "2S19", "5th"
    if before.endswith("-") and _LETTER_DASH.search(before):
        return "numbers.model_name"  # "Su-34", "D-30", "AMX-10"
    if _LETTER_END.search(before):
        return "numbers.model_name"  # "M113", "L119"
    if _UNIT_AFTER.match(after):
        return "numbers.unit"
    if _RATIO_AFTER.match(after):
        return "numbers.ratio"  # "five troops for every Ukrainian soldier"
    if _PERCENT_RANGE.match(after):
        return "numbers.unit"  # "80 to 90 percent"
    if _MONEY_BEFORE.search(before):
        return "numbers.money"
    if _TIME_AFTER.match(after) or _TIME_BEFORE.search(before):
        return "numbers.time_or_date"  # "22:04", "05.06.2023", "24.02"
    if _ISO_AFTER.match(after) or _ISO_BEFORE.search(before):
        return "numbers.iso_date"
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return "numbers.date"
    if _YEAR.fullmatch(token):
        return "numbers.year"
    if _LABEL_BEFORE.search(before):
        return "numbers.label"
    if _AGE_BEFORE.search(before):
        return "numbers.age"  # "men under the age of 50", "aged 19"
    return None


def _qualify(text: str, num: Number, lex: Lexicon, qual_re: re.Pattern[str]) -> None:
    window_start = max(0, num.start - 40)
    m = qual_re.search(text, window_start, num.start)
    if m and m.end() == num.start:
        qualifier, rule = lex.qualifiers_before[key(m.group(1))]
        num.qualifier = qualifier
        num.qualifier_start = m.start(1)
        num.rules.append(f"qualifier.{rule}")
        return
    after = text[num.end : num.end + 12].lower()
    for phrase, (qualifier, rule) in lex.qualifiers_after.items():
        if after.startswith(phrase) or after.startswith(" " + phrase):
            num.qualifier = qualifier
            num.rules.append(f"qualifier.{rule}")
            return


_RANGE_JOIN = re.compile(r"^\s*(?:to|-|and|or)\s*$", re.IGNORECASE)


def _merge_ranges(text: str, nums: list[Number]) -> list[Number]:
    """Join "60 to 100", "60-100", "between 2,500 and 3,000", "from 189 000 to 273 000"."""
    out: list[Number] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums) and a.kind == "plain" and nums[i + 1].kind == "plain":
            b = nums[i + 1]
            gap = text[a.end : b.start]
            lead = text[max(0, a.start - 12) : a.start].lower()
            joined = _RANGE_JOIN.match(gap)
            and_or = gap.strip().lower() in ("and", "or")
            plausible = b.value > a.value and b.value <= 20 * max(a.value, 1)
            # "up 710 to 444,370" is an increment and its new total, not a range
            increase = gap.strip().lower() == "to" and re.search(r"(?:by|up|rose|increased|grew)\s+$", lead)
            if joined and (not and_or or re.search(r"between\s+$", lead)) and plausible and not increase:
                a.end = b.end
                a.value_max = b.value
                a.kind = "range"
                a.qualifier = "range"
                a.rules.append("numbers.range")
                out.append(a)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


class _Spans:
    """Character spans already claimed, asked "is this position inside one?" in log time.

    A linear scan per question made long texts full of numbers quadratic.
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._dirty = False

    def add(self, start: int, end: int) -> None:
        self._spans.append((start, end))
        self._dirty = True

    def covers(self, pos: int) -> bool:
        if self._dirty:
            self._merge()
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def _merge(self) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(self._spans):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        self._starts, self._ends, self._dirty = starts, ends, False


def _numeral_class(token: str) -> str:
    return "DU" if "-" in token else _NUMERAL_CLASS[token]


def _numeral_groups(tokens: list[str]) -> list[list[int]]:
    """Cut a run of numeral words where one number cannot go on ("one two", "twenty and thirty")."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i, tok in enumerate(tokens):
        cls = _numeral_class(tok)
        if cls == "&":
            prev = _numeral_class(tokens[current[-1]]) if current else ""
            nxt = _numeral_class(tokens[i + 1]) if i + 1 < len(tokens) else ""
            if prev in ("H", "S") and nxt in ("U", "T", "D", "DU"):
                current.append(i)  # British "one hundred and twenty"
                continue
            if current:
                groups.append(current)
            current = []
            continue
        if current:
            prev = _numeral_class(tokens[current[-1]])
            if cls not in _FOLLOWS[prev] or len(current) >= _MAX_NUMERAL_TOKENS:
                groups.append(current)
                current = []
        if not current and cls in ("H", "S"):
            continue  # "several hundred", "thousands": a bare scale word states no number
        current.append(i)
    if current:
        groups.append(current)
    return groups


def _numeral_value(words: list[str]) -> int | None:
    if words[0] in ("a", "an"):
        words = ["one", *words[1:]]
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def _numeral_phrases(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of every number written in English words, longest reading first.

    Each group is at most _MAX_NUMERAL_TOKENS words and is read from its left, longest valid
    prefix first, so the work stays linear in the length of the text.
    """
    out: list[tuple[int, int, int]] = []
    for run in _NUMERAL_RUN.finditer(text):
        toks = list(_NUMERAL_TOKEN.finditer(run.group(0)))
        words = [t.group(0).lower() for t in toks]
        for group in _numeral_groups(words):
            i = 0
            while i < len(group):
                for j in range(len(group), i, -1):
                    if words[group[j - 1]] == "and":
                        continue
                    value = _numeral_value([words[k] for k in group[i:j]])
                    if value is not None:
                        start = run.start() + toks[group[i]].start()
                        end = run.start() + toks[group[j - 1]].end()
                        out.append((start, end, value))
                        i = j
                        break
                else:
                    i += 1
    return out


def _fraction_value(m: re.Match[str]) -> int | float | None:
    whole = m.group("whole")
    base = 0 if whole is None else int(whole) if whole.isdigit() else _numeral_value(whole.lower().split())
    if base is None:
        return None
    fraction = _FRACTIONS[m.group("frac").split()[-1].split("-")[-1].lower()]
    return _as_number((base + fraction) * _SCALE_OF[m.group("scale").lower()])


def _word_excluded(text: str, end: int) -> bool:
    """A number in words that is not a count: "four-year", "three-to-one", "two hours"."""
    return bool(
        _WORD_NUMBER_TAIL.match(text[end : end + 12])
        or _UNIT_AFTER.match(text[end : end + 24])
        or _RATIO_AFTER.match(text[end : end + 40])
    )


def find_numbers(text: str, lex: Lexicon | None = None) -> list[Number]:
    """Every number mention in `text` (folded), in order of position."""
    lex = lex or load_lexicon()
    word_re, qual_re = _patterns(lex)
    nums: list[Number] = []
    taken = _Spans()

    for m in _ISO_DATE.finditer(text):
        taken.add(m.start(), m.end())

    for m in _INCREMENT.finditer(text):
        value = parse_digits(m.group(1).strip(), None, lex)
        if value is not None:
            nums.append(
                Number(
                    m.start(1),
                    m.start(1) + len(m.group(1).strip()),
                    value,
                    kind="increment",
                    rules=["numbers.increment"],
                )
            )
            taken.add(m.start(), m.end())

    if lex.lang == "en" and _FRACTION_HINT.search(text):
        for m in _FRACTION.finditer(text):
            value = _fraction_value(m)
            if value is None or taken.covers(m.start()) or _word_excluded(text, m.end()):
                continue
            nums.append(Number(m.start(), m.end(), value, rules=["numbers.fraction"]))
            taken.add(m.start(), m.end())

    scaled_by: dict[int, int] = {}
    if lex.lang in ("ru", "uk"):
        for m in _CYR_SCALED.finditer(text):
            if taken.covers(m.start()):
                continue
            value = float(m.group(1).replace(" ", "").replace(",", ".")) * cyrillic_scale(m.group(2))
            rules = ["numbers.digits", "numbers.scale"]
            nums.append(Number(m.start(1), m.end(), _as_number(round(value, 3)), rules=rules))
            taken.add(m.start(), m.end())
            scaled_by[m.start(1)] = cyrillic_scale(m.group(2))

    for m in _DIGITS.finditer(text):
        if taken.covers(m.start()):
            continue
        token, scale = m.group(1), m.group(2) or m.group(3)
        end = m.end()
        if scale in ("k", "K"):
            scale = "thousand"  # headline shorthand: "35K troops"
        reason = _excluded(text, m.start(1), m.end(1) if not scale else m.end(), token, scaled=bool(scale))
        if reason:
            continue
        value = parse_digits(token, scale, lex)
        if value is None:
            continue
        rules = ["numbers.digits"] + (["numbers.scale"] if scale else [])
        nums.append(Number(m.start(1), end, value, rules=rules))

    for start, end, value in _numeral_phrases(text):
        if taken.covers(start) or taken.covers(end - 1):
            continue  # inside a fraction ("one and a half thousand")
        if _word_excluded(text, end):
            taken.add(start, end)  # "twenty five years": neither word is a count on its own
            continue
        nums.append(Number(start, end, value, rules=["numbers.word"]))

    for m in word_re.finditer(text):
        if taken.covers(m.start()):
            continue
        if _WORD_NUMBER_TAIL.match(text[m.end() : m.end() + 12]):
            continue  # "three-to-one", "four-year"
        value = _word_value(m.group(1), lex)
        if value is None:
            continue
        if m.group(2):
            value *= lex.scales[key(m.group(2))]
        if _UNIT_AFTER.match(text[m.end() : m.end() + 24]) or _RATIO_AFTER.match(text[m.end() : m.end() + 40]):
            continue
        nums.append(Number(m.start(), m.end(), value, rules=["numbers.word"]))

    found = _Spans()
    for n in nums:
        found.add(n.start, n.end)
    for m in _ARTICLE.finditer(text):
        if found.covers(m.start(1)):
            continue
        if _INSTRUMENT_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "destroyed by a Russian missile": the missile did it, nobody lost it
        nums.append(Number(m.start(1), m.end(1), 1, kind="article", rules=["numbers.article"]))
    one_victim = lex.patterns.get(ONE_VICTIM) if lex.lang != "en" else None
    for m in one_victim.finditer(text) if one_victim is not None else ():
        g = 1 if m.group(1) else 2  # "погибла мирная жительница" / "мужчина получил ранения"
        if not any(found.covers(p) for p in (m.start(), m.start(g), m.end() - 1)):
            nums.append(Number(m.start(g), m.end(g), 1, kind="article", rules=[ONE_VICTIM]))

    nums.sort(key=lambda n: (n.start, -n.end))
    dedup: list[Number] = []
    for n in nums:
        if dedup and n.start < dedup[-1].end:
            continue
        dedup.append(n)
    for x, y in zip(dedup, dedup[1:], strict=False):
        # "50-70 тисяч", "160-165 тысяч": the scale word covers the low end too
        scale = scaled_by.get(y.start, 0)
        gap = text[x.end : y.start]
        bare_low = scale > 0 and x.kind == "plain" and "numbers.scale" not in x.rules and _CYR_RANGE.match(gap)
        if bare_low and x.value * scale < y.value:
            x.value = _as_number(x.value * scale)
            x.rules.append("numbers.scale_shared")
    nums = _merge_ranges(text, dedup)

    for i, n in enumerate(nums):
        if n.kind in ("plain", "range", "article"):
            _qualify(text, n, lex, qual_re)
        # "18 of 22 drones": 22 counts what was launched, not what was lost
        if i > 0 and OF_BETWEEN.fullmatch(text, nums[i - 1].end, n.start) and n.kind == "plain":
            n.kind = "of_total"
            n.rules.append("numbers.of_total")
        elif n.kind == "plain" and _OF_TOTAL_LEAD.search(text, max(0, n.start - 20), n.start):
            # "Of the 75 drones, 60 were destroyed": the clause names the whole the next number divides
            n.kind = "of_total"
            n.rules.append("numbers.of_total")
    return nums
