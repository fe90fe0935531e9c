"""Caps on sentence and document length: work stays bounded, nothing is skipped silently.

Time itself is measured by bench/adversarial.py (time per MB of hostile shapes), not here;
these tests pin the structure that makes it linear: no sentence handed to the extractor is
longer than the cap, the pieces cover every word, and a document past its cap says so.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from attrition import Document, extract_document
from attrition.text import limits
from attrition.text.limits import reading_limit, sentence_pieces
from attrition.text.sentences import split_sentences

UNITS = st.sampled_from(
    ["Gen. ", "Mr. ", "twenty-one ", "thousand ", "1,200 ", "troops, ", "said the ministry; ", "!!! ", "...",
     "x", " ", "word", "Kyiv: "]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(UNITS, min_size=1, max_size=400), st.integers(min_value=8, max_value=200))
def test_pieces_are_short_ordered_and_cover_every_word(units: list[str], cap: int) -> None:
    text = "".join(units)
    pieces = sentence_pieces(text, 0, len(text), cap)
    assert all(0 < b - a <= cap for a, b in pieces)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(pieces, pieces[1:], strict=False))
    covered = "".join(text[a:b] for a, b in pieces)
    assert covered.replace(" ", "") == text.replace(" ", "")


def test_pieces_cut_at_clauses_rather_than_inside_words() -> None:
    text = ", ".join(f"{n} tanks" for n in range(1, 400))
    pieces = sentence_pieces(text, 0, len(text), 100)
    assert len(pieces) > 1
    for a, b in pieces[:-1]:
        assert text[b - 1] == ","
        assert b - a >= 50


def test_long_line_of_abbreviations_is_split_into_capped_sentences() -> None:
    line = "Gen. Mr. Dr. " * 2000
    sentences = split_sentences(line)
    assert sentences, "the line is read"
    assert max(s.end - s.start for s in sentences) <= limits.MAX_SENTENCE_CHARS
    assert sum(s.text(line).count("Mr.") for s in sentences) == 2000


def test_sentence_splitting_still_honours_abbreviations_and_initials() -> None:
    text = "Gen. Valery Gerasimov said 300 troops died. J. Smith of the U.S. agreed. Then it ended!! Next one."
    got = [s.text(text) for s in split_sentences(text)]
    assert got == [
        "Gen. Valery Gerasimov said 300 troops died.",
        "J. Smith of the U.S. agreed.",
        "Then it ended!!",
        "Next one.",
    ]


def test_claims_past_the_sentence_cap_are_still_found() -> None:
    filler = "and the column moved on, " * 80  # ~2,000 characters with no sentence end
    text = filler + "Russia lost 47 tanks over the past day, the General Staff said."
    claims = extract_document(Document(id="long", text=text))
    assert [c.value for c in claims if c.category == "tanks"] == [47]
    assert all(c.sentence_span.end - c.sentence_span.start <= limits.MAX_SENTENCE_CHARS for c in claims)


def test_reading_limit_cuts_at_a_line_end_and_reports_the_rest() -> None:
    text = "first line\n" * 100
    limit = reading_limit(text, 505)
    assert limit.truncated and limit.total == len(text)
    assert text[limit.read] == "\n" and 252 <= limit.read <= 505
    assert "not read" in limit.message() and f"{len(text):,}" in limit.message()
    assert not reading_limit("short", 505).truncated


def test_extraction_stops_at_the_document_cap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    early = "Russia lost 12 tanks over the past day, the General Staff said.\n"
    late = "Ukraine lost 900 soldiers over the past day, the Russian Defence Ministry said.\n"
    text = early + "The weather was calm.\n" * 40 + late
    monkeypatch.setattr(limits, "MAX_DOCUMENT_CHARS", len(early) + 200)
    claims = extract_document(Document(id="capped", text=text))
    assert [c.value for c in claims] == [12]
    assert reading_limit(text).truncated
