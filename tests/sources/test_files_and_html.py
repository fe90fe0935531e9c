"""Local text and HTML files: decoding, metadata, furniture, and refusals that name the source."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from attrition.sources import DocumentError, Fetched, Fetcher, content_hash, read_source
from attrition.sources.base import MAX_BYTES, normalize_text
from attrition.sources.files import walk
from ingest_helpers import article_html, article_text


def read_all(spec: str | Path) -> list[Fetched | DocumentError]:
    with Fetcher() as fetcher:
        items = list(read_source(str(spec), fetcher=fetcher))
    assert all(isinstance(i, Fetched | DocumentError) for i in items)
    return items  # type: ignore[return-value]


def test_text_file_becomes_document_keyed_by_stem(tmp_path: Path) -> None:
    path = tmp_path / "kyiv-report.txt"
    path.write_text(article_text(1), encoding="utf-8")
    [item] = read_all(path)
    assert isinstance(item, Fetched)
    assert item.doc == "kyiv-report"
    assert item.source == str(path)
    assert "Report number 1" in item.text


def test_meta_jsonl_supplies_url_outlet_and_date(tmp_path: Path) -> None:
    (tmp_path / "a1.txt").write_text(article_text(2), encoding="utf-8")
    meta = {
        "doc": "a1",
        "url": "https://news.example.org/a1",
        "outlet": "Example Wire",
        "published": "2024-02-24",
    }
    (tmp_path / "meta.jsonl").write_text(json.dumps(meta) + "\n", encoding="utf-8")
    [item] = read_all(tmp_path)
    assert isinstance(item, Fetched)
    assert (item.url, item.outlet, item.published) == (meta["url"], "Example Wire", date(2024, 2, 24))


def test_folder_is_read_recursively_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(article_text(3), encoding="utf-8")
    (tmp_path / "a.txt").write_text(article_text(4), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert [p.name for p in walk(tmp_path)] == ["a.txt", "z.txt"]
    assert [i.doc for i in read_all(tmp_path) if isinstance(i, Fetched)] == ["a", "z"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("empty.html", b"", "empty file"),
    ],
)
def test_bad_files_give_an_error_naming_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [item] = read_all(path)
    assert isinstance(item, DocumentError)
    assert item.source == str(path)
    assert message in item.error


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    [item] = read_all(path)
    assert isinstance(item, DocumentError)
    assert "too large" in item.error and str(MAX_BYTES) in item.error


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    [item] = read_all(tmp_path / "nope.txt")
    assert isinstance(item, DocumentError) and "no such file" in item.error


def test_html_file_gives_main_text_title_site_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_html(5, title="Bridge reopens", site="Example Daily", published="2024-05-06"))
    [item] = read_all(path)
    assert isinstance(item, Fetched)
    assert item.title == "Bridge reopens"
    assert item.outlet == "Example Daily"
    assert item.published == date(2024, 5, 6)
    assert "Home" not in item.text.split("\n")[0] and "All rights reserved" not in item.text
    assert item.doc == "page"


def test_html_without_an_article_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><p>Menu</p></body></html>")
    [item] = read_all(path)
    assert isinstance(item, DocumentError)
    assert item.source == str(path) and "no article" in item.error


def test_content_hash_ignores_wrapping_case_and_nbsp() -> None:
    a = "Ukraine lost 500 soldiers,\nthe ministry said.\n"
    b = "ukraine  lost\u00a0500 soldiers, the ministry said."
    assert normalize_text(a) == normalize_text(b)
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(a.replace("500", "600"))


def test_text_file_loses_page_furniture_and_gets_its_dateline(tmp_path: Path) -> None:
    from ingest_helpers import CLAIM_SENTENCE

    path = tmp_path / "with-furniture.txt"
    path.write_text(
        "Bridge reopens after repairs\n"
        "By Jane Example, 3 March 2024\n"
        f"KYIV, March 3 (Reuters) - {CLAIM_SENTENCE}\n"
        "Read more: Ten things to know about the bridge\n"
        "Most Popular\n"
        "Leave a comment\n"
        "Your email address will not be published. Required fields are marked *\n"
        "The ministry gave no further details.\n",
        encoding="utf-8",
    )
    [item] = read_all(path)
    assert isinstance(item, Fetched)
    assert CLAIM_SENTENCE in item.text and "The ministry gave no further details." in item.text
    for furniture in ("Read more:", "Most Popular", "Leave a comment", "Your email address"):
        assert furniture not in item.text
    assert item.published == date(2024, 3, 3)
    assert item.title == "Bridge reopens after repairs"
