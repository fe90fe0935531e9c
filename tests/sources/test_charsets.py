"""Bytes are decoded by the charset they declare (BOM, HTTP header, meta tag, XML declaration),
a detector only where nothing is declared, and text that still decodes badly is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrition.sources import Fetched, Fetcher, FetchPolicy, read_source
from attrition.sources.base import SourceError, decode_text
from attrition.sources.charset import decode_bytes
from ingest_helpers import LocalServer

RU = (
    "Министерство обороны России сообщило в пятницу, что украинские войска потеряли более "
    "пятисот военнослужащих и двенадцать танков за минувшие сутки на Донецком направлении."
)
UK = (
    "Генеральний штаб Збройних сил України повідомив у суботу, що російські війська втратили "
    "за минулу добу понад тисячу двісті солдатів, дев'ять танків і чотирнадцять артсистем."
)


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>Зведення</title></head><body><article>"
        f"<h1>Зведення</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )


def test_meta_charset_windows_1251_is_honoured() -> None:
    html = page(RU, '<meta charset="windows-1251">').encode("cp1251")
    assert RU in decode_bytes(html, markup=True)


def test_http_equiv_content_type_koi8_u() -> None:
    html = page(UK, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-u">').encode("koi8_u")
    assert UK in decode_bytes(html, markup=True)


def test_http_header_wins_over_a_missing_declaration() -> None:
    assert decode_bytes(page(RU).encode("cp1251"), declared="windows-1251", markup=True).count(RU) == 2


def test_a_wrong_header_gives_way_to_the_documents_own_declaration() -> None:
    html = page(UK, '<meta charset="windows-1251">').encode("cp1251")
    assert UK in decode_bytes(html, declared="utf-8", markup=True)


def test_xml_declaration() -> None:
    xml = f'<?xml version="1.0" encoding="windows-1251"?><html><body><p>{RU}</p></body></html>'.encode("cp1251")
    assert RU in decode_bytes(xml, markup=True)


def test_byte_order_marks_win() -> None:
    assert decode_bytes(b"\xef\xbb\xbf" + RU.encode()) == RU
    assert decode_bytes(RU.encode("utf-16")) == RU
    assert decode_text(UK.encode("utf-16"), "x.txt") == UK  # NUL bytes of UTF-16 are not "binary"


def test_valid_utf8_declared_as_windows_1251_is_read_as_utf8() -> None:
    html = page(RU, '<meta charset="windows-1251">').encode("utf-8")
    assert RU in decode_bytes(html, markup=True)


def test_undeclared_legacy_text_is_detected() -> None:
    data = (RU + " " + RU.replace("пятницу", "четверг") + "\n").encode("cp1251")
    assert RU in decode_text(data, "report.txt")


def test_replacement_marks_are_refused() -> None:
    damaged = ("\ufffd" * 40 + " tanks " * 10).encode("utf-8")
    with pytest.raises(SourceError, match="decodes badly"):
        decode_bytes(damaged)


def test_a_bom_that_lies_is_an_error() -> None:
    with pytest.raises(SourceError, match="byte-order mark"):
        decode_bytes(b"\xef\xbb\xbf" + RU.encode("cp1251"))


def test_windows_1251_page_from_a_server_is_stored_as_words(server: LocalServer) -> None:
    server.routes["/ru.html"] = (200, {"Content-Type": "text/html; charset=windows-1251"}, page(RU).encode("cp1251"))
    with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
        [item] = list(read_source(server.url("/ru.html"), fetcher=fetcher))
    assert isinstance(item, Fetched), item
    assert RU in item.text and "\ufffd" not in item.text


def test_cp1251_html_file_with_meta(tmp_path: Path) -> None:
    path = tmp_path / "svodka.html"
    path.write_bytes(page(UK, '<meta charset="windows-1251">').encode("cp1251"))
    with Fetcher() as fetcher:
        [item] = list(read_source(str(path), fetcher=fetcher))
    assert isinstance(item, Fetched) and UK in item.text


def test_feed_in_windows_1251(tmp_path: Path, server: LocalServer) -> None:
    link = server.page("/a.html", page(RU))
    feed = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Лента</title>'
        f"<item><title>Потери за сутки</title><link>{link}</link></item></channel></rss>"
    ).encode("cp1251")
    path = tmp_path / "lenta.rss"
    path.write_bytes(feed)
    with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
        items = list(read_source(str(path), fetcher=fetcher))
    assert [type(i) for i in items] == [Fetched], items
    assert isinstance(items[0], Fetched) and RU in items[0].text
