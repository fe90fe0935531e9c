"""Terminal control sequences in what is read never reach the store, the terminal or the figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrition import extract_document
from attrition.models import Document
from attrition.sources import Fetched, Fetcher, FetchPolicy, read_source
from attrition.sources.charset import decode_bytes, strip_controls

ARTICLE = "Ukraine's General Staff said on Monday that Russia lost 40 tanks{seq} near Avdiivka."


@pytest.mark.parametrize(
    "seq",
    [
        "\x1b]0;window title 7\x07",  # OSC window title, BEL-terminated
        "\x1b]52;c;ZWNobyAxMjM=\x1b\\",  # OSC 52 clipboard write, ST-terminated
        "\x1b[2J\x1b[1;31m",  # clear screen, colour
        "\x9b6n",  # 8-bit CSI (device status report)
        "\x1bP1$r0m\x1b\\",  # DCS
        "\x07\x08\x00\x7f\x85",  # stray controls (NEL U+0085 is a line break and stays)
    ],
)
def test_sequences_are_removed_when_bytes_are_decoded(seq: str) -> None:
    text = decode_bytes(ARTICLE.format(seq=seq).encode("utf-8"))
    assert text.replace("\x85", "") == ARTICLE.format(seq="")


def test_layout_characters_stay() -> None:
    assert strip_controls("a\tb\nc\r\nd\x0ce") == "a\tb\nc\r\nd\x0ce"


def test_an_unterminated_string_costs_linear_time_and_keeps_later_lines() -> None:
    text = strip_controls("\x1b]0;" + "x" * 100_000 + "\nRussia lost 40 tanks.")
    assert text.endswith("\nRussia lost 40 tanks.")


def test_digits_inside_a_sequence_are_not_read_as_figures(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.format(seq="\x1b]0;9000\x07").encode())
    with Fetcher(FetchPolicy()) as fetcher:
        (item,) = list(read_source(str(path), fetcher=fetcher))
    assert isinstance(item, Fetched) and "\x1b" not in item.text
    claims = extract_document(Document(id="a", text=item.text))
    assert [c.value for c in claims] == [40]


def test_html_title_and_text_lose_sequences(tmp_path: Path) -> None:
    body = ARTICLE.format(seq="\x1b]0;owned\x07")
    html = (
        f"<html><head><title>Losses\x1b[2J</title></head><body><article><h1>Losses\x1b[2J</h1>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_text(html, encoding="utf-8")
    with Fetcher(FetchPolicy()) as fetcher:
        (item,) = list(read_source(str(path), fetcher=fetcher))
    assert isinstance(item, Fetched)
    assert "\x1b" not in item.text and "\x1b" not in (item.title or "") and "owned" not in item.text
