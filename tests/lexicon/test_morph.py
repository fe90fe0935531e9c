"""Lemmas and inflections for Russian and Ukrainian lexicon entries (words written for the tests)."""

from __future__ import annotations

import pytest

from attrition.lexicon import load_lexicon
from attrition.lexicon.morph import inflections, lemma
from attrition.lexicon.overlay import language_data, merged_data


def test_lemma_reads_case_endings() -> None:
    assert lemma("танков", "ru") == "танк"
    assert lemma("безпілотників", "uk") == "безпілотник"
    assert lemma("збили", "uk") == "збити"
    assert lemma("ЗСУ", "uk") == "зсу"
    assert lemma("HIMARS", "ru") == "himars"


def test_one_entry_covers_every_case_ending() -> None:
    forms = inflections("танк", "ru")
    assert {"танк", "танка", "танки", "танков", "танками"} <= forms
    assert {"танків", "танками"} <= inflections("танк", "uk")


def test_a_phrase_declines_as_a_whole_and_dependents_stay() -> None:
    region = inflections("Белгородская область", "ru")
    assert {"Белгородской областью", "Белгородской области"} <= region
    assert "Белгородская областью" not in region
    mlrs = inflections("реактивная система залпового огня", "ru")
    assert "реактивных систем залпового огня" in mlrs
    assert all(f.endswith("залпового огня") for f in mlrs)
    assert {"Повітряних сил", "Повітряними силами"} <= inflections("Повітряні сили", "uk")


def test_acronyms_and_literal_entries_are_kept() -> None:
    assert inflections("ВСУ", "ru") == {"ВСУ"}
    assert inflections("БпЛА", "uk") == {"БпЛА"}
    assert inflections("=убитыми и ранеными", "ru") == {"убитыми и ранеными"}
    assert inflections("порядка", "ru") == {"порядка"}  # not a dictionary form: as written


def test_yo_is_also_matched_as_ye() -> None:
    assert "Вооруженных сил" in inflections("Вооружённые силы", "ru")


def test_an_entry_written_with_ye_declines_like_its_yo_lemma() -> None:
    # the dictionary lists "вертолёт"; lexicons and texts write "вертолет"
    assert {"вертолета", "вертолетов", "самолетами"} <= inflections("вертолет", "ru") | inflections("самолет", "ru")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no morphological dictionary"):
        inflections("танк", "de")


def test_language_data_merges_into_base_entries() -> None:
    assert language_data("events.toml", "en") is None
    merged = merged_data("actors.toml", "ru")
    mod = next(a for a in merged["actor"] if a["id"] == "ru.mod")
    assert "Russian Defence Ministry" in mod["orgs"] and "Минобороны России" in mod["orgs"]
    assert "Конашенкова" in mod["people"]
    assert len([a for a in merged["actor"] if a["id"] == "ru.mod"]) == 1


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_language_lexicons_validate_and_match_inflected_forms(lang: str) -> None:
    lex = load_lexicon(lang)
    assert lex.lang == lang
    word = {"ru": "танками", "uk": "танків"}[lang]
    assert lex.categories[word].categories == ("tanks",)
    assert lex.category_re.search(f"знищено 5 {word}")
    assert "танками" not in load_lexicon("en").categories  # English data stays English


def test_battlegroups_are_speakers_not_places() -> None:
    lex = load_lexicon("ru")
    assert lex.actors['группировки войск "запад"'].actor == "ru.mod"
    assert all(p.name != "Zapad" for p in lex.places.values())
    assert lex.places["белгородской областью"].name == "Belgorod"
    assert lex.places["приволье"].name == "Pryvillia"
    assert load_lexicon("uk").places["харківщині"].name == "Kharkiv"
