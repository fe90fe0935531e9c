"""URLs (real loopback HTTP server), RSS/Atom feeds and WARC archives written with warcio."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from attrition.sources import DocumentError, Fetched, Fetcher, FetchPolicy, Item, Skipped, read_source
from attrition.sources.urls import USER_AGENT, is_global_address
from ingest_helpers import LocalServer, article_html, endless_route, slow_route, write_warc


def read_all(spec: str | Path, policy: FetchPolicy | None = None, known: set[str] | None = None) -> list[Item]:
    policy = policy or FetchPolicy(allow_private=True, connect_timeout=2, read_timeout=2)
    with Fetcher(policy) as fetcher:
        return list(read_source(str(spec), fetcher=fetcher, known_url=lambda u: u in (known or set())))


# ----------------------------------------------------------------------------- URLs


def test_url_page_is_fetched_with_our_user_agent(server: LocalServer) -> None:
    seen: dict[str, str] = {}

    def handle(h):  # type: ignore[no-untyped-def]
        seen["ua"] = h.headers["User-Agent"]
        body = article_html(10, title="Depot fire", site="Loopback Times").encode()
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    server.routes["/news/depot-fire"] = handle
    [item] = read_all(server.url("/news/depot-fire"))
    assert isinstance(item, Fetched)
    assert seen["ua"] == USER_AGENT
    assert (item.title, item.outlet, item.published) == ("Depot fire", "Loopback Times", date(2024, 3, 1))
    assert item.url == server.url("/news/depot-fire")


def test_redirects_are_followed_to_the_final_url(server: LocalServer) -> None:
    final = server.page("/final", article_html(11))
    start = server.redirect("/start", "/final")
    [item] = read_all(start)
    assert isinstance(item, Fetched) and item.url == final


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda s: s.url("/missing"), "HTTP 404"),
        (lambda s: (s.redirect("/a", "/b"), s.redirect("/b", "/a"))[0], "redirect loop"),
        (lambda s: [s.redirect(f"/r{i}", f"/r{i + 1}") for i in range(10)][0], "too many redirects"),
        (lambda s: (s.routes.__setitem__("/slow", slow_route(5)), s.url("/slow"))[1], "timed out"),
        (lambda s: (s.routes.__setitem__("/big", endless_route()), s.url("/big"))[1], "too large"),
        (lambda s: s.page("/empty", ""), "empty page"),
        (lambda s: s.page("/nav", "<html><body><nav>Home</nav></body></html>"), "no article"),
    ],
    ids=["404", "redirect-loop", "redirect-chain", "timeout", "too-large", "empty", "no-article"],
)
def test_bad_urls_give_an_error_naming_the_url(server: LocalServer, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    url = setup(server)
    policy = FetchPolicy(allow_private=True, connect_timeout=1, read_timeout=0.5, max_bytes=1_000_000)
    [item] = read_all(url, policy)
    assert isinstance(item, DocumentError)
    assert item.source == url
    assert message in item.error


def test_loopback_is_refused_without_allow_private(server: LocalServer) -> None:
    url = server.page("/article", article_html(12))
    [item] = read_all(url, FetchPolicy())
    assert isinstance(item, DocumentError)
    assert "127.0.0.1" in item.error and "--allow-private" in item.error
    assert server.hits == []  # refused before any request was made


def test_localhost_name_is_refused_too(server: LocalServer) -> None:
    url = server.page("/article", article_html(13)).replace("127.0.0.1", "localhost")
    [item] = read_all(url, FetchPolicy())
    assert isinstance(item, DocumentError) and "refused" in item.error


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.10", False), ("172.16.5.4", False),
        ("169.254.169.254", False), ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False),
        ("0.0.0.0", False), ("100.64.0.1", False), ("100.100.100.200", False), ("198.18.0.1", False),
        ("192.0.2.7", False), ("224.0.0.1", False), ("255.255.255.255", False), ("fc00::5", False),
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
        ("2002:a9fe:a9fe::1", False),  # 6to4 wrapping 169.254.169.254
        ("64:ff9b::7f00:1", False),  # NAT64 wrapping 127.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 wrapping 10.0.0.1
        ("64:ff9b:1::1", False),  # local-use NAT64
        ("::127.0.0.1", False),  # IPv4-compatible form
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
        ("ff02::1", False), ("not-an-address", False),
        ("8.8.8.8", True), ("2a00:1450:4001:80b::200e", True), ("64:ff9b::808:808", True),
        ("2002:808:808::1", True),
    ],
)  # fmt: skip
def test_only_globally_routable_addresses_are_allowed(address: str, allowed: bool) -> None:
    assert is_global_address(address) is allowed


def test_known_url_is_skipped_without_fetching(server: LocalServer) -> None:
    url = server.page("/seen", article_html(14))
    assert read_all(url, known={url}) == [Skipped(url)]
    assert server.hits == []


# ----------------------------------------------------------------------------- feeds


def rss(*links: str | None) -> str:
    items = "".join(
        f"<item><title>Entry {i}</title>{f'<link>{link}</link>' if link else ''}</item>" for i, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>'


def test_rss_file_entries_are_fetched_and_broken_entries_reported(server: LocalServer, tmp_path: Path) -> None:
    good = server.page("/one", article_html(20))
    good2 = server.page("/two", article_html(21))
    feed = tmp_path / "news.rss"
    feed.write_text(rss(good, None, server.url("/gone"), "ftp://example.org/x", good2))
    items = read_all(feed)
    fetched = [i for i in items if isinstance(i, Fetched)]
    errors = [i for i in items if isinstance(i, DocumentError)]
    assert [f.url for f in fetched] == [good, good2]
    assert len(errors) == 3
    assert errors[0].source == f"{feed} entry 2" and "no link" in errors[0].error
    assert errors[1].source == server.url("/gone") and "404" in errors[1].error and str(feed) in errors[1].error
    assert "not an http" in errors[2].error


def test_atom_feed_by_url(server: LocalServer) -> None:
    page = server.page("/atom-entry", article_html(22))
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        f'<entry><title>E</title><link href="{page}"/><id>urn:1</id></entry></feed>'
    )
    feed_url = server.page("/feed.atom", atom, content_type="application/atom+xml")
    [item] = read_all(feed_url)
    assert isinstance(item, Fetched) and item.url == page


def test_feed_with_no_entries_is_one_error(tmp_path: Path) -> None:
    feed = tmp_path / "broken.xml"
    feed.write_text("<rss><channel><title>nothing here")
    [item] = read_all(feed)
    assert isinstance(item, DocumentError) and item.source == str(feed) and "no entries" in item.error


# ----------------------------------------------------------------------------- WARC


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_yields_every_html_response(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    pages = [
        ("https://a.example.com/news/1", article_html(30, site="Site A")),
        ("https://b.example.com/logo.png", "\x89PNG"),
        ("https://b.example.com/news/2", article_html(31, site="Site B")),
    ]
    write_warc(path, pages, gz=gz)
    items = read_all(path)
    assert all(isinstance(i, Fetched) for i in items)
    assert [(i.url, i.outlet) for i in items] == [  # type: ignore[union-attr]
        ("https://a.example.com/news/1", "Site A"),
        ("https://b.example.com/news/2", "Site B"),
    ]
    assert items[0].source == f"{path}#https://a.example.com/news/1"  # type: ignore[union-attr]


def test_truncated_warc_keeps_earlier_records_and_reports_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, [(f"https://c.example.com/{i}", article_html(40 + i)) for i in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[:-300])  # the last record (a response) loses its end
    items = read_all(path)
    assert [type(i).__name__ for i in items][-1] == "DocumentError"
    assert sum(isinstance(i, Fetched) for i in items) == 2
    assert items[-1].source == str(path)  # type: ignore[union-attr]
    assert "truncated or corrupt" in items[-1].error  # type: ignore[union-attr]


def test_garbage_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a warc file at all\r\n\r\n"))
    items = read_all(path)
    assert items and all(isinstance(i, DocumentError) for i in items)
    assert items[0].source == str(path)
