"""Language detection per document: the three languages read, short texts, codes as given."""

from __future__ import annotations

import pytest

from attrition import Document, extract_document
from attrition.text.language import detect_language, normalize_lang, reading_language

# Sentences written for these tests (figures made up).
RU = "Министерство обороны сообщило, что за минувшие сутки средства ПВО сбили 14 беспилотников над областью."
UK = "Повітряні сили повідомили, що минулої ночі сили протиповітряної оборони збили 14 дронів над областю."
EN = "The defence ministry said air defences shot down 14 drones over the region overnight."
DE = "Das Verteidigungsministerium teilte mit, dass die Luftabwehr in der Nacht 14 Drohnen abgeschossen hat."


@pytest.mark.parametrize(("text", "lang"), [(RU, "ru"), (UK, "uk"), (EN, "en"), (DE, "de")])
def test_detects_the_language_of_a_sentence(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_russian_and_ukrainian_are_told_apart_in_short_bulletin_lines() -> None:
    assert detect_language("За сутки уничтожено 12 танков и 30 военнослужащих противника.") == "ru"
    assert detect_language("За минулу добу знищено 12 танків і 30 окупантів.") == "uk"


def test_too_few_letters_decide_nothing() -> None:
    assert detect_language("122-мм, 1 078 750 (+1 030)") is None
    assert detect_language("") is None


def test_only_a_prefix_is_read() -> None:
    # a Ukrainian article followed by a huge English tail is still Ukrainian: the start decides
    assert detect_language(UK * 20 + EN * 5000) == "uk"


def test_codes_are_normalised_and_checked() -> None:
    assert normalize_lang("RU") == "ru"
    assert normalize_lang("uk-UA") == "uk"
    assert normalize_lang(" en_GB ") == "en"
    assert normalize_lang(None) is None and normalize_lang("") is None
    with pytest.raises(ValueError, match="not a language code"):
        normalize_lang("русский")


def test_reading_language_falls_back_to_english_data() -> None:
    assert [reading_language(x) for x in ("en", "ru", "uk", "de", None)] == ["en", "ru", "uk", "en", "en"]


def test_extract_document_sets_the_detected_language_and_keeps_a_given_one() -> None:
    doc = Document(id="x", text=UK)
    extract_document(doc)
    assert doc.lang == "uk"
    given = Document(id="y", text=UK, lang="ru")
    extract_document(given)
    assert given.lang == "ru"
