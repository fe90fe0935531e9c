"""Folding, page furniture, sentences and datelines keep offsets and drop what is not article."""

from datetime import date

from attrition.text.dates import find_dateline
from attrition.text.furniture import blank_furniture, find_furniture, strip_furniture
from attrition.text.normalize import fold
from attrition.text.sentences import split_sentences

PAGE = """30.1 C
Thursday, June 20, 2024

Moscow outlines its gains

Russia says it took 880 square kilometres this year, the minister said on Friday.

Read more

Ukraine lost over 35,000 troops in May - Moscow

May 31, 2024 at 08:56PM

Leave a Reply
Your email address will not be published.
"""


def test_fold_keeps_length():
    text = "\u201cUp to 650\u201d \u2014 the enemy\u2019s losses\u00a0over 24\u202fhours"
    assert len(fold(text)) == len(text)
    assert fold(text) == '"Up to 650" - the enemy\'s losses over 24 hours'


def test_furniture_lines_found_and_blanked():
    rules = {f.rule for f in find_furniture(PAGE)}
    assert {
        "furniture.weather",
        "furniture.date_header",
        "furniture.read_more",
        "furniture.timestamp",
        "furniture.comments",
    } <= rules
    blanked = blank_furniture(PAGE)
    assert len(blanked) == len(PAGE)
    assert "35,000" not in blanked and "880 square" in blanked


def test_strip_furniture_drops_lines():
    stripped = strip_furniture(PAGE)
    assert "30.1 C" not in stripped and "Leave a Reply" not in stripped
    assert "880 square kilometres" in stripped


def test_dateline_ignores_crawl_date_and_weather():
    assert find_dateline(PAGE) == date(2024, 5, 31)


def test_dateline_forms():
    assert find_dateline(" date 2024-07-17 International\nText.") == date(2024, 7, 17)
    assert find_dateline("Body\n22:04 GMT 05.06.2023 (Updated: 22:06 GMT 05.06.2023)\n") == date(2023, 6, 5)
    assert find_dateline("No date here at all.") is None


def test_sentences_offsets_and_abbreviations():
    text = "Maj. Gen. Igor Konashenkov said on Sept. 22 that 23 were killed. The U.S. Army agreed.\nHeadline line"
    sentences = split_sentences(text)
    assert [s.text(text) for s in sentences] == [
        "Maj. Gen. Igor Konashenkov said on Sept. 22 that 23 were killed.",
        "The U.S. Army agreed.",
        "Headline line",
    ]
    assert sentences[2].headline and not sentences[0].headline
    assert sentences[1].paragraph == 0 and sentences[2].paragraph == 1


def test_sentences_quote_then_attribution():
    text = '"The enemy lost 650 soldiers. The total reached 1,500," the ministry said.'
    parts = [s.text(text) for s in split_sentences(text)]
    assert parts == ['"The enemy lost 650 soldiers.', 'The total reached 1,500," the ministry said.']
