"""Who claims it: attributions in a sentence, and the actor they name.

An actor mention counts as an attribution only in an attributing role: "according to X",
"citing X", "X said/reported/claimed...", "said X", "X's tally", a headline's "X: ..." or
"... - X". Anaphors ("the ministry added", "he said") resolve to the last actor named.
Names, offices and spellings live in `data/actors.toml`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from attrition.lexicon import Lexicon
from attrition.lexicon.casing import ci_compile
from attrition.lexicon.load import ActorForm, _trie_regex, key

# Verbs of saying (English, and Russian and Ukrainian as the MoD and General Staff copy writes
# them), matched as one prefix tree: a flat alternation of ~130 words is tried word by word at
# every position of every sentence.
_SPEECH_FORMS = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "report",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "stated",
    "states",
    "announced",
    "announces",
    "noted",
    "notes",
    "added",
    "adds",
    "estimated",
    "estimates",
    "declared",
    "declares",
    "confirmed",
    "confirms",
    "admitted",
    "admits",
    "wrote",
    "writes",
    "specified",
    "emphasized",
    "emphasised",
    "informed",
    "alleged",
    "identified",
    "documented",
    "recorded",
    "shared",
    "published",
    "released",
    "revealed",
    "indicated",
    "highlighted",
    "concluded",
    "quoted",
    "pegged",
    "found",
    "tallied",
    "counted",
    "updated",
    "acknowledged",
    "insisted",
    "explained",
    "stressed",
    "suggested",
    "assessed",
    "believes",
    "believe",
    "calculated",
    "mocked",
    "celebrated",
    "put",
    "puts",
    "putting",
    "documents",
    "records",
    "lists",
    "listed",
    "counts",
    "tracks",
    "tracked",
    "verified",
    "has verified",
    "provided",
    "gave",
    "hinting",
    "hinted",
    "admitting",
    "saying",
    "reporting",
    "stating",
    "noting",
    "estimating",
    "confirming",
    "indicating",
    "повідомили",
    "повідомляє",
    "зазначили",
    "сообщило",
    "сообщил",
    "сообщила",
    "сообщили",
    "сообщает",
    "сообщают",
    "заявил",
    "заявила",
    "заявило",
    "заявили",
    "заявляет",
    "отметил",
    "отметила",
    "отметили",
    "уточнил",
    "уточнили",
    "добавил",
    "добавили",
    "подтвердил",
    "подтвердила",
    "подтвердили",
    "доложил",
    "рассказал",
    "рассказала",
    "написал",
    "написала",
    "проинформировал",
    "повідомив",
    "повідомила",
    "повідомило",
    "заявив",
    "заявила",
    "заявили",
    "зазначив",
    "зазначила",
    "написав",
    "написала",
    "додав",
    "додали",
    "уточнили",
    "підтвердив",
    "підтвердила",
    "розповів",
    "розповіла",
    "інформує",
]
SPEECH = f"(?:{_trie_regex(_SPEECH_FORMS)})"
# Russian and Ukrainian words that may stand between a speaker and its verb ("Минобороны
# России также сообщило", "Гладков в своем Telegram-канале написал")
_CYR_BETWEEN = (
    r"|также|ранее|уже|официально|позднее|впервые|ежедневно|також|раніше|вже|офіційно|пізніше|вперше|востаннє|щодня|"
    r"(?:в|у|на)\s+(?:своем|своём|своєму|своїй|своей)\s+[\w-]+|(?:в|у)\s+[Tt]elegram(?:-канале|-каналі)?"
)
_BETWEEN = (
    # an apposition ("Mediazona, an independent outlet, has confirmed") or the small words
    r"(?:\s*,\s+(?:an?|the|which\s+is)\s+[^,.;:\"“”]{2,60}?,|\s*,|\s+(?:has|have|had|also|earlier|further|then|later|last|previously|already|just|which|who|"
    r"now|again|on\s+\w+(?:,\s+\w+\s+\d+)?|in\s+a\s+statement|in\s+an\s+update|\w+day|this\s+week|"
    rf"on\s+Telegram|on\s+X|on\s+Facebook|separately|,{_CYR_BETWEEN})){{0,4}}"
)
# what may stand between an office and its verb: a role ("Pentagon spokesman told", "ministry
# spokesperson said") and a name ("Mayor Ihor Terekhov said")
_ROLE_AND_NAME = (
    r"(?:\s+(?:spokes(?:man|woman|person)|press\s+secretary|press\s+service|representative|official|"
    r"officials|chief|head|commander|adviser|advisor)s?)?(?:\s+(?-i:[A-Z][a-z][\w'’-]*)){0,3}"
)
_POSSESSIVE = re.compile(
    r"^(?:'s\s+(?:(?:latest|newest|daily|own|official|updated)\s+)?"
    r"(?:tally|report|update|data|figures|estimates?|statement|summary|count|numbers|assessment|bulletin)"
    # "по его данным", "за його словами": the pronoun owns the words that attribute
    r"|\s+(?:данным|словам|информации|оценкам|подсчетам|подсчётам|даними|словами|інформацією|оцінками|"
    r"підрахунками)\b)",
    re.IGNORECASE,
)
# the Russian and Ukrainian phrases that put a source before its name
_CYR_BEFORE = (
    r"по\s+данным|по\s+словам|по\s+информации|по\s+оценкам|по\s+подсч[её]там|согласно|со\s+ссылкой\s+на|"
    r"как\s+сообщает|как\s+сообщили|как\s+заявили|источник|за\s+даними|за\s+словами|за\s+інформацією|"
    r"за\s+оцінками|згідно\s+з|з\s+посиланням\s+на|як\s+повідомляє|як\s+повідомили|як\s+заявили|джерело|"
    # "Про це йдеться у звіті Генштабу", "об этом говорится в сводке Минобороны"
    r"(?:йдеться|ідеться|говориться|говорится|сказано|зазначено|указано|вказано)\s+(?:у|в|во)"
)
# a lower-case Russian or Ukrainian word (a title, an adverbial) between a cue and the name:
# "сообщил в ходе брифинга официальный представитель Минобороны России генерал-майор Игорь Конашенков"
_CYR_WORD = r"(?-i:[а-яёіїєґ][а-яёіїєґʼ'’-]*)"
_SPEAKER_END = re.compile(
    r"^(?:'s)?\s*(?:[.,;:\"!?)\]»—–]|$|on\s|in\s|at\s|during\s|late\s|earlier\s|told\s|on$|"
    r"(?-i:в|во|у|на|по|со|з|із|после|під\s+час|в\s+ходе)\s)",
    re.IGNORECASE,
)
_HEAD_PREFIX = re.compile(r"^\s*(?P<actor>[^:]{3,60}):\s")
_SPEAKER_LINE = re.compile(r"^\s*(?:the\s+)?(?P<actor>[^:.!?]{3,80}):\s*$", re.IGNORECASE)
_HEAD_SUFFIX = re.compile(r"(?:\s[-:|]\s*|:\s*)(?P<actor>[A-Z][^-:|]{2,60})\s*$")
_REGION_OF = re.compile(
    r"[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’-]+\s+(?:области|області|края|краю|округа|округу|республики|ОВА|ОДА|МВА|ВА)\s+$"
)
_NAME_BEFORE = re.compile(r"((?:[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґʼ'’]+\s+){1,2})$")
_NOT_NAMES = (
    "The",
    "According",
    "As",
    "In",
    "On",
    "Rejecting",
    "По",
    "Как",
    "Як",
    "За",
    "На",
    "В",
    "У",
    "Об",
    "Про",
    "Согласно",
    "Згідно",
    "Также",
    "Також",
    "Ранее",
    "Раніше",
    "Джерело",
    "Источник",
    "Telegram",
    "Facebook",
)


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The attribution patterns of one language: the English verbs of saying plus the language's."""

    after_actor: re.Pattern[str]
    before_actor: re.Pattern[str]
    speech_before: re.Pattern[str]
    before_cue: re.Pattern[str]
    speech_word: re.Pattern[str]


def _compile(speech: str) -> _Grammar:
    return _Grammar(
        # "Зеленський вперше від початку вторгнення озвучив": Russian and Ukrainian put adverbials
        # between a subject and its verb of saying, lower-case words with no comma
        after_actor=re.compile(
            rf"^(?:'s)?{_ROLE_AND_NAME}{_BETWEEN}(?:\s+{_CYR_WORD}){{0,6}}?\s*,?\s*{speech}\b", re.IGNORECASE
        ),
        before_actor=ci_compile(
            rf"(?:according\s+to|citing|cited\s+by|quoting|as\s+per|per|{_CYR_BEFORE}|"
            rf"{speech}\s+by|shared\s+by|published\s+by|"
            # "This was reported in the General Staff": the speaker named after the figures, as
            # Ukrainian and Russian copy write it ("повідомили в Генштабі")
            r"(?:was|were|is|are|been)\s+(?:reported|stated|announced|said|confirmed|informed)\s+(?:in|at)|"
            r"released\s+by|provided\s+by|issued\s+by|statement\s+(?:from|by)|a\s+report\s+by|"
            r"estimates\s+published\s+by|report\s+(?:from|by))\s*:?"
            r"(?:\s+(?:the|a|an|its|their|latest|newest|data|figures|estimates|report|reports|update|analysis|"
            r"assessment|assessments|calculations|count|tally|records|"
            rf"statement|of|from|by|published|released|provided|researchers|at|other|and|у|в|{_CYR_WORD}|"
            r"(?-i:[A-ZА-ЯЁІЇЄҐ])[\w.'-]*)){0,8}\s*\"?$",  # 'за даними «Медіазони»' (quotes folded)
        ),
        speech_before=ci_compile(
            rf"\b{speech}(?:\s+(?:the|a|an|its|their|of|official|spokesman|spokesperson|minister|commander|head|chief|"
            rf"у|в|ув|на|{_CYR_WORD}|(?-i:[A-ZА-ЯІЇЄҐ])[\w.'-]*)){{0,10}}\s*$",
        ),
        before_cue=ci_compile(
            rf"\b(?:according\s+to|citing|cited|quoting|per|{_CYR_BEFORE}|{speech}|shared|published|released|"
            r"provided|issued|statement|report)\b",
        ),
        speech_word=ci_compile(speech),
    )


_GRAMMARS: dict[str, _Grammar] = {}


def _grammar(lex: Lexicon) -> _Grammar:
    """The lexicon's attribution patterns, compiled once per language."""
    g = _GRAMMARS.get(lex.lang)
    if g is None:
        extra = sorted({f.lower() for f in lex.speech_forms})
        speech = rf"(?:{SPEECH[3:-1]}|{_trie_regex(extra)})" if extra else SPEECH
        g = _GRAMMARS[lex.lang] = _compile(speech)
    return g


@dataclass(frozen=True, slots=True)
class ActorRef:
    claimant: str
    text: str
    kind: str  # org | person | generic
    via: str | None = None  # a [[speaker]] rule id when classified by head word


@dataclass(frozen=True, slots=True)
class Attribution:
    start: int  # position of the actor mention
    end: int
    actor: ActorRef | None  # None: an anaphor still to resolve
    anaphor: str | None
    rule: str


def actor_mentions(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int, ActorForm]]:
    """Actor names in `text[start:end]`, longest first where they overlap."""
    found: list[tuple[int, int, ActorForm]] = []
    for pattern in (lex.actor_re_cs, lex.actor_re_ci):
        for m in pattern.finditer(text, start, end):
            form = lex.actors.get(key(m.group(0)))
            if form is not None:
                found.append((m.start(), m.end(), form))
    # listed spans by start, with the furthest end reached so far: "is this span inside a listed
    # name" is one bisection, which keeps a sentence of many names linear
    listed = sorted((a, b) for a, b, _ in found)
    starts = [a for a, _ in listed]
    reach: list[int] = []
    for _, b in listed:
        reach.append(max(b, reach[-1]) if reach else b)
    speakers = lex.speakers if lex.speaker_heads_re.search(text, start, end) else ()
    for rule, claimant, pattern, more in speakers:
        for m in pattern.finditer(text, start, end):
            stop = m.end()
            # "military" + "intelligence": the longest head, but not a speech verb ("... estimates that")
            while (ext := more.match(text, stop, end)) is not None and not _grammar(lex).speech_word.fullmatch(
                ext.group().strip()
            ):
                stop = ext.end()
            # a listed name wins where it covers the same words
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or reach[i] < stop:
                found.append((m.start(), stop, ActorForm("org", claimant, via=rule)))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, ActorForm]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            # "The Kremlin-installed official", "Kyiv's military administration": a composed
            # speaker that runs past the listed name it starts inside is the longer reading
            tail = text[out[-1][1] : f[1]].strip()
            speech = _grammar(lex).speech_word.fullmatch(tail) is not None  # "The US estimates that"
            if f[2].via is not None and out[-1][2].via is None and f[1] > out[-1][1] and not speech:
                out[-1] = f
            continue
        out.append(f)
    return out


def _claimant_text(text: str, start: int, end: int, lex: Lexicon, floor: int) -> str:
    """The actor as the article names it, titles included ("Defense Minister Andrey Belousov")."""
    s = start
    while True:
        window = text[max(floor, s - 60) : s]
        m = None
        for cand in lex.title_re.finditer(window):
            m = cand
        if m is not None and window[m.end() :].strip() == "":
            s = max(floor, s - 60) + m.start()
            continue
        m2 = _NAME_BEFORE.search(window)
        if m2 and not text[s - 1 : s].isalpha() and m2.group(1).split()[0] not in _NOT_NAMES:
            s = max(floor, s - 60) + m2.start(1)
            continue
        # "губернатор Курской области", "голови Харківської ОВА": a title over a region
        m3 = _REGION_OF.search(window)
        if m3 is not None:
            r = max(floor, s - 60) + m3.start()
            title = None
            for cand in lex.title_re.finditer(text, max(floor, r - 40), r):
                title = cand
            if title is not None and text[title.end() : r].strip() == "":
                s = title.start()
                continue
        break
    if text[max(floor, s - 4) : s].lower() == "the ":
        s -= 4
    return text[s:end].strip()


_AUX = re.compile(r"\b(?:was|were|is|are|been)\s+$", re.IGNORECASE)


def _with_aux(text: str, pos: int, floor: int) -> int:
    """A cue's start, taking in the auxiliary of a passive ("was reported in the General Staff")."""
    m = _AUX.search(text, max(floor, pos - 8), pos)
    return m.start() if m else pos


def find_attributions(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    *,
    headline: bool,
    doc_side: str,
    people: list[tuple[int, ActorRef]] | None = None,
    orgs: list[ActorRef] | None = None,
) -> list[Attribution]:
    """Attributions in the sentence `text[start:end]`.

    `people` (with their offsets) and `orgs`, when given, receive every person and institution named in the
    sentence, speaking or not: "he said" in the next sentence may point at "Zelensky last spoke
    of ..." here, and "the group said" at "Oryx, an open-source website, has been collecting ...".
    """
    out: list[Attribution] = []
    mentions = actor_mentions(text, start, end, lex)
    for a, b, form in mentions:
        if form.actor is None:
            continue
        if form.kind == "person" and people is not None:
            people.append((a, ActorRef(form.actor, _claimant_text(text, a, b, lex, start), "person")))
        elif form.kind == "org" and orgs is not None:
            orgs.append(ActorRef(form.actor, _claimant_text(text, a, b, lex, start), "org", form.via))
    # the words an attribution before a name needs ("according to", "said"): found once per
    # sentence, so the costlier end-anchored patterns run only where one of them is near
    g = _grammar(lex)
    cues = (
        [(_with_aux(text, m.start(), start), m.end()) for m in g.before_cue.finditer(text, start, end)]
        if mentions
        else []
    )
    for a, b, form in mentions:
        after = text[b : min(end, b + 90)]
        near = [c for c in cues if a - 120 <= c[0] and c[1] <= a]
        cue_near = bool(near)
        # the patterns end at the name and start at a cue word: search from the earliest near cue
        before = text[near[0][0] : a] if near else ""
        rule = None
        if key(text[a:b]).endswith(("tally", "report", "data", "figures")):
            rule = "attribution.nominal"
        elif g.after_actor.match(after) and not (
            form.kind == "generic" and lex.patterns["attribution.governed"].search(text, max(start, a - 16), a)
        ):
            rule = "attribution.actor_verb"
        elif _POSSESSIVE.match(after):
            rule = "attribution.possessive"
        elif cue_near and (
            g.before_actor.search(before) or g.speech_before.search(before) and _SPEAKER_END.match(after)
        ):
            rule = "attribution.verb_actor"
        elif text[b : b + 1] == ":" and (m_line := _SPEAKER_LINE.match(text, start, end)) and m_line.end("actor") == b:
            rule = "attribution.speaker_line"  # "Russian Ministry of Defense:" above the bulletin it gives
        elif headline and (_HEAD_PREFIX.match(text[start:end]) and a < start + 60 and text[b : b + 2].startswith(":")):
            rule = "attribution.headline_prefix"
        elif headline and _HEAD_SUFFIX.search(text[start:end]) and b >= end - 2:
            rule = "attribution.headline_suffix"
        if rule is None:
            continue
        if form.kind == "anaphora":
            out.append(Attribution(a, b, None, key(text[a:b]), rule))
            continue
        claimant = form.actor
        if form.kind == "ambiguous":
            options = dict(form.options)
            claimant = options.get(doc_side) or options.get(options.get("default", "RU"))
        if claimant is None:
            continue
        kind = "person" if form.kind == "person" else ("generic" if form.kind == "generic" else "org")
        ref = ActorRef(claimant, _claimant_text(text, a, b, lex, start), kind, form.via)
        out.append(Attribution(a, b, ref, None, rule))
    return out


_OTHER_SIDE = {"RU": "UA", "UA": "RU"}


def doc_side(text: str, lex: Lexicon) -> str:
    """Whose offices an unqualified "Defence Ministry" or "the General Staff" most likely are."""
    counts = {"RU": 0, "UA": 0}
    for _a, _b, form in actor_mentions(text, 0, len(text), lex):
        if form.kind in ("org", "person") and form.actor:
            side = lex.actor_sides.get(form.actor)
            if side in counts:
                counts[side] += 1
    # what a source calls the other side gives its own away: "invaders" is Ukrainian usage
    for m in lex.side_re.finditer(text):
        side_form = lex.sides.get(key(m.group(0)))
        if side_form is not None and side_form.role == "pejorative" and side_form.side in _OTHER_SIDE:
            counts[_OTHER_SIDE[side_form.side]] += 1
    if counts["UA"] == counts["RU"]:
        return "unknown"
    return "UA" if counts["UA"] > counts["RU"] else "RU"
