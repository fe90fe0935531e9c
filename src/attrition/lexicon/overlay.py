"""Language data: `data/<lang>/<file>.toml` adds to `data/<file>.toml`, as lemmas.

A language folder holds the same files as the base data, with the same schema, and only
what that language adds: Russian trigger verbs, Ukrainian place names, ... Entries are
lemmas ("танк", "уничтожить", "Белгородская область"), expanded here to all their forms
(`morph.inflections`) before the merged file is validated, so one entry covers every case
ending. Merging appends tables of arrays; a table with the `id` (or `name`) of a base entry
extends that entry's lists instead ("ru.mod" gains "Минобороны России"); string lists are
concatenated and tables of values updated.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from attrition.lexicon.morph import MORPH_LANGUAGES, inflections

#: Lists whose strings are word forms (expanded); other lists (patterns, dates) are kept.
FORM_LISTS = frozenset({"forms", "phrases", "names", "adjectives", "pejoratives", "orgs", "people", "cues"})
#: Tables whose keys are word forms (number words, month names, generic speakers).
FORM_KEYS = frozenset({"words", "scales", "generic", "ambiguous", "months", "weekdays"})
_ENTRY_KEYS = ("id", "name")


def _read(path: str) -> dict[str, Any] | None:
    node = resources.files("attrition.data")
    for part in path.split("/"):
        node = node.joinpath(part)
    if not node.is_file():
        return None
    try:
        return tomllib.loads(node.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"attrition/data/{path}: {exc}") from exc


def _expand(value: Any, lang: str, field: str | None = None) -> Any:
    """`value` with every word form (by field name) replaced by all its inflections."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if field in FORM_KEYS:
                for form in sorted(inflections(k, lang)):
                    out.setdefault(form, v)
            else:
                out[k] = _expand(v, lang, k)
        return out
    if isinstance(value, list):
        if field in FORM_LISTS and all(isinstance(v, str) for v in value):
            forms: list[str] = []
            for v in value:
                forms.extend(f for f in sorted(inflections(v, lang)) if f not in forms)
            return forms
        return [_expand(v, lang, field) for v in value]
    return value


def _entry_key(item: Any) -> Any:
    if isinstance(item, dict):
        for k in _ENTRY_KEYS:
            if k in item:
                return (k, item[k])
    return None


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        merged = list(base)
        index = {key: i for i, item in enumerate(merged) if (key := _entry_key(item)) is not None}
        for item in extra:
            key = _entry_key(item)
            if key is not None and key in index:
                target = dict(merged[index[key]])
                for k, v in item.items():
                    if isinstance(v, list) and isinstance(target.get(k), list):
                        target[k] = target[k] + [x for x in v if x not in target[k]]
                    elif k not in target:
                        target[k] = v
                merged[index[key]] = target
            elif item not in merged:
                merged.append(item)
        return merged
    return extra


def language_data(name: str, lang: str) -> dict[str, Any] | None:
    """The raw (unvalidated) content of `data/<lang>/<name>`, expanded; None if there is none."""
    if lang not in MORPH_LANGUAGES:
        return None
    raw = _read(f"{lang}/{name}")
    return None if raw is None else dict(_expand(raw, lang))


def merged_data(name: str, lang: str) -> dict[str, Any]:
    """`data/<name>` with the language's additions merged in (the base alone for English)."""
    base = _read(name)
    if base is None:
        raise ValueError(f"attrition/data/{name} is missing")
    extra = language_data(name, lang)
    return base if extra is None else dict(_merge(base, extra))
