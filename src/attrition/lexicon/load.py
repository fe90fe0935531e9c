"""Load, validate and compile the rule data once per process.

Matching uses one compiled alternation per lexicon (longest form first), so looking for
"any category noun at this position" is a single `regex.match`, which is what keeps the
extractor fast enough for bulk runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel

from attrition.lexicon import schema as s
from attrition.lexicon.casing import case_spellings, ci_compile, prepare
from attrition.lexicon.overlay import merged_data

M = TypeVar("M", bound=BaseModel)

DATA_FILES: dict[str, type[BaseModel]] = {
    "numbers.toml": s.NumbersFile,
    "qualifiers.toml": s.QualifiersFile,
    "categories.toml": s.CategoriesFile,
    "systems.toml": s.SystemsFile,
    "sides.toml": s.SidesFile,
    "actors.toml": s.ActorsFile,
    "places.toml": s.PlacesFile,
    "events.toml": s.EventsFile,
    "periods.toml": s.PeriodsFile,
    "furniture.toml": s.FurnitureFile,
    "abbreviations.toml": s.AbbreviationsFile,
    "patterns.toml": s.PatternsFile,
}


def read_data_file(name: str, model: type[M], lang: str = "en") -> M:
    """Parse one packaged data file, with `lang`'s additions (`data/<lang>/`), against its schema."""
    raw = merged_data(name, lang)
    try:
        return model.model_validate(raw)
    except Exception as exc:  # pragma: no cover - message path exercised by tests via pydantic
        where = f"attrition/data/{name}" + (f" + attrition/data/{lang}/{name}" if lang != "en" else "")
        raise ValueError(f"{where}: {exc}") from exc


@lru_cache(maxsize=8192)  # the same few hundred surface forms are looked up again and again
def key(text: str) -> str:
    """Lookup key of a surface form: lower case, single spaces, folded dashes and quotes."""
    text = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.lower().split())


def _trie_regex(forms: list[str], ignore_case: bool = False) -> str:
    """A regex for `forms` shaped as a prefix tree (case-insensitive without the flag: `casing`).

    Python's `re` tries the branches of a flat alternation one by one at every position;
    sharing prefixes ("armoured fighting vehicles" / "armoured vehicles") lets it give up
    after a character or two, which is most of the extractor's speed on long lexicons.
    A space in a form matches any run of whitespace.

    Case-insensitive, each spelling of a first letter (`casing.case_spellings`) opens its own
    branch with the rest under `(?i:)`: a branch whose first character differs is skipped on one
    comparison, and re can scan for the possible first letters in C (spelling every letter out
    costs more to compile than it saves).
    """
    trie: dict[str, Any] = {}
    if ignore_case:
        prepare(f[:1] for f in forms)
    for form in forms:
        node = trie
        for token in re.findall(r"\s+|\S", form):
            node = node.setdefault(" " if token.isspace() else token, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    if not ignore_case:
        return build(trie)
    branches = []
    for ch, child in sorted(trie.items()):
        if ch:
            tail = build(child)
            rest = f"(?i:{tail})" if tail else ""
            if ch == " ":
                branches.append(r"\s+" + rest)
            else:
                branches += [re.escape(v) + rest for v in case_spellings(ch)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in trie else body


def alternation(forms: list[str] | set[str], *, ignore_case: bool) -> re.Pattern[str]:
    """One regex matching any of `forms` as whole words, preferring the longest."""
    unique = sorted({(f.lower() if ignore_case else f) for f in forms if f})
    body = _trie_regex(unique, ignore_case) if unique else r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])")


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass(frozen=True)
class TriggerInfo:
    id: str
    kind: str
    side: str
    position: str
    reach: str = "clause"


@dataclass(frozen=True)
class ActorForm:
    """What a matched actor name stands for."""

    kind: str  # "org", "person", "generic", "ambiguous", "anaphora"
    actor: str | None  # claimant id, None for ambiguous/anaphora
    options: tuple[tuple[str, str], ...] = ()  # side -> claimant, for ambiguous names
    via: str | None = None  # the [[speaker]] rule id of a speaker classified by its head word


@dataclass(frozen=True)
class SideForm:
    side: str  # "RU", "UA", "other", or "enemy"
    role: str  # "name", "adjective", "pejorative", "enemy"


@dataclass(frozen=True)
class PlaceInfo:
    name: str
    side: str | None
    kind: str


@dataclass(frozen=True)
class SystemInfo:
    name: str
    category: str


@dataclass(frozen=True)
class CategoryInfo:
    id: str
    categories: tuple[str, ...]
    event: str | None


@dataclass(frozen=True)
class SideRole:
    """One [[side_role]] of patterns.toml, compiled."""

    id: str
    where: str
    role: str
    regex: re.Pattern[str]
    mention_roles: frozenset[str]


@dataclass(frozen=True)
class PeriodInfo:
    id: str
    kind: str
    weak: bool


class Lexicon:
    """All rule data for one language, validated and compiled (English: the base data alone)."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        files: dict[str, Any] = {name: read_data_file(name, model, lang) for name, model in DATA_FILES.items()}
        self.files = files

        numbers: s.NumbersFile = files["numbers.toml"]
        self.number_words = {key(k): v for k, v in numbers.words.items()}
        self.scales = {key(k): v for k, v in numbers.scales.items()}

        quals: s.QualifiersFile = files["qualifiers.toml"]
        self.qualifiers_before: dict[str, tuple[str, str]] = {}
        self.qualifiers_after: dict[str, tuple[str, str]] = {}
        for q in quals.qualifier:
            target = self.qualifiers_after if q.position == "after" else self.qualifiers_before
            for phrase in q.phrases:
                target[key(phrase)] = (q.qualifier, q.id)

        cats: s.CategoriesFile = files["categories.toml"]
        self.categories: dict[str, CategoryInfo] = {}
        for t in cats.term:
            info = CategoryInfo(t.id, tuple(t.category), t.event)
            for form in t.forms:
                self.categories[key(form)] = info
        self.category_re = alternation(set(self.categories), ignore_case=True)

        systems: s.SystemsFile = files["systems.toml"]
        self.systems: dict[str, SystemInfo] = {}
        system_forms: set[str] = set()
        for sy in systems.system:
            info_s = SystemInfo(sy.name, sy.category)
            for form in sy.forms:
                variants = [form] + ([form + "s"] if sy.plural and not form.endswith("s") else [])
                for v in variants:
                    self.systems[key(v)] = info_s
                    system_forms.add(v)
        self.system_re = alternation(system_forms, ignore_case=False)

        sides: s.SidesFile = files["sides.toml"]
        self.sides: dict[str, SideForm] = {}
        side_forms: set[str] = set(sides.enemy.forms)
        for sd in sides.side:
            side_forms |= set(sd.names) | set(sd.adjectives) | set(sd.pejoratives)
            for role, forms in (("name", sd.names), ("adjective", sd.adjectives), ("pejorative", sd.pejoratives)):
                for form in forms:
                    self.sides.setdefault(key(form), SideForm(sd.side, role))
        for form in sides.enemy.forms:
            self.sides[key(form)] = SideForm("enemy", "enemy")
        self.side_re = alternation(side_forms, ignore_case=False)
        self.civilian_cue_re = alternation(sides.civilian_cues.forms, ignore_case=True)

        actors: s.ActorsFile = files["actors.toml"]
        self.actors: dict[str, ActorForm] = {}
        self.actor_sides = {a.id: a.side for a in actors.actor}
        self.actor_reports: dict[str, frozenset[str]] = {a.id: frozenset(a.reports) for a in actors.actor}
        for a in actors.actor:
            for form in a.orgs:
                self.actors.setdefault(key(form), ActorForm("org", a.id))
            for form in a.people:
                self.actors.setdefault(key(form), ActorForm("person", a.id))
        for form, actor in actors.generic.items():
            self.actors[key(form)] = ActorForm("generic", actor)
        for form, options in actors.ambiguous.items():
            self.actors[key(form)] = ActorForm("ambiguous", None, tuple(sorted(options.items())))
        for form in actors.anaphora.forms:
            self.actors.setdefault(key(form), ActorForm("anaphora", None))
        self.org_anaphora = frozenset(key(f) for f in actors.anaphora.institutions)
        self.unnamed_anaphora: dict[str, dict[str, str]] = {
            key(f): {str(k): v for k, v in o.items()} for f, o in actors.anaphora.unnamed.items()
        }
        self.group_claimants = frozenset(actors.anaphora.institution_claimants)
        sensitive = {f for a in actors.actor for f in a.people} | set(actors.generic)
        sensitive |= {f for a in actors.actor for f in a.orgs if _is_acronym(f)}
        insensitive = {f for a in actors.actor for f in a.orgs if not _is_acronym(f)}
        insensitive |= set(actors.ambiguous) | set(actors.anaphora.forms)
        self.actor_re_cs = alternation(sensitive, ignore_case=False)
        self.actor_re_ci = alternation(insensitive, ignore_case=True)
        self.title_re = alternation(actors.titles.forms, ignore_case=False)
        self.speech_forms: tuple[str, ...] = tuple(sorted(set(actors.speech.forms))) if actors.speech else ()
        # composed speakers: (rule id, claimant, compiled "<modifier> ... <head>" pattern)
        self.speakers: list[tuple[str, str, re.Pattern[str], re.Pattern[str]]] = []
        # every speaker pattern needs one of its heads: a sentence without any is not searched
        self.speaker_heads_re = re.compile(
            _trie_regex(sorted({h for sp in actors.speaker for h in sp.heads})) or "(?!x)x"
        )
        for sp in actors.speaker:
            heads = _trie_regex(sorted(set(sp.heads)))
            if sp.modifiers:
                mods = _trie_regex(sorted(set(sp.modifiers)))
                body = rf"(?:{mods})(?:'s)?\s+(?:[\w.'-]+\s+){{0,3}}?(?:{heads})"
            else:
                body = rf"(?:{heads})"
            more = re.compile(rf"\s+(?:{heads})(?![\w])")  # "military" + "intelligence": the longest head
            self.speakers.append((sp.id, sp.claimant, re.compile(rf"(?<![\w-])(?:{body})(?![\w])"), more))

        places: s.PlacesFile = files["places.toml"]
        self.places: dict[str, PlaceInfo] = {}
        place_forms = {f for p in places.place for f in p.forms}
        for p in places.place:
            for form in p.forms:
                self.places[key(form)] = PlaceInfo(p.name, p.side, p.kind)
        self.place_re = alternation(place_forms, ignore_case=False)

        events: s.EventsFile = files["events.toml"]
        self.triggers: dict[str, TriggerInfo] = {}
        for tr in events.trigger:
            for form in tr.forms:
                self.triggers.setdefault(key(form), TriggerInfo(tr.id, tr.kind, tr.side, tr.position, tr.reach))
        self.trigger_re = alternation(set(self.triggers), ignore_case=True)
        self.blockers: dict[str, str] = {}
        self.right_blockers: frozenset[str] = frozenset(b.id for b in events.blocker if b.position == "right")
        for b in events.blocker:
            for form in b.forms:
                self.blockers[key(form)] = b.id
        self.blocker_re = alternation(set(self.blockers), ignore_case=True)

        periods: s.PeriodsFile = files["periods.toml"]
        self.periods: dict[str, PeriodInfo] = {}
        for pe in periods.period:
            for form in pe.forms:
                self.periods.setdefault(key(form), PeriodInfo(pe.id, pe.kind, pe.weak))
        self.period_re = alternation(set(self.periods), ignore_case=True)
        self.campaigns = [(c.id, c.start, tuple(c.cues)) for c in periods.campaign]
        self.regional_campaigns = [(c.id, c.start, tuple(c.cues)) for c in periods.campaign if c.regional]
        self.months = {key(k): v for k, v in periods.months.items()}
        self.weekdays = {key(k): v for k, v in periods.weekdays.items()}

        furniture: s.FurnitureFile = files["furniture.toml"]
        self.furniture = [
            (f.id, re.compile(f.pattern, re.IGNORECASE if f.id != "date_header" else 0), f.skip_after)
            for f in furniture.line
        ]

        abbrev: s.AbbreviationsFile = files["abbreviations.toml"]
        self.abbreviations = frozenset(abbrev.abbreviations)

        patterns: s.PatternsFile = files["patterns.toml"]
        self.patterns: dict[str, re.Pattern[str]] = {
            pt.id: ci_compile(pt.regex) if pt.ignore_case else re.compile(pt.regex) for pt in patterns.pattern
        }
        self.side_roles: tuple[SideRole, ...] = tuple(
            SideRole(r.id, r.where, r.role, ci_compile(r.regex), frozenset(r.mention_roles)) for r in patterns.side_role
        )


@cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """The process-wide lexicon of `lang` (en, ru, uk; loaded on first use)."""
    return Lexicon(lang)
