"""The fetch guard: a total deadline per URL, and an allow-list of global addresses checked at
connect time on every redirect hop, connecting to the very address that was checked."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

from attrition.sources import DocumentError, Fetched, Fetcher, FetchPolicy, read_source
from ingest_helpers import LocalServer, article_html

PORT_HOST = "127.0.0.1"


def trickle_route(stop: threading.Event, every: float = 0.2) -> Callable[[BaseHTTPRequestHandler], None]:
    """Headers at once, then one byte per `every` seconds: each read is quick, the page never ends."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "1000000")
        handler.end_headers()
        try:
            while not stop.wait(every):
                handler.wfile.write(b"x")
                handler.wfile.flush()
        except OSError:
            pass
        handler.close_connection = True

    return handle


def read_all(url: str, policy: FetchPolicy) -> list[Fetched | DocumentError]:
    with Fetcher(policy) as fetcher:
        return [i for i in read_source(url, fetcher=fetcher) if isinstance(i, Fetched | DocumentError)]


def names(mapping: dict[str, list[str]]) -> Callable[[str, int], list[str]]:
    """A resolver from a fixed table (host -> addresses), counting its calls."""

    def resolve(host: str, port: int) -> list[str]:
        resolve.calls.append(host)  # type: ignore[attr-defined]
        return mapping[host]

    resolve.calls = []  # type: ignore[attr-defined]
    return resolve


def only(*addresses: str) -> Callable[[str], bool]:
    """An allow-list standing in for "globally routable" in tests that run on loopback."""
    return lambda address: address in addresses


def test_a_trickling_server_is_cut_off_at_the_total_deadline(server: LocalServer) -> None:
    stop = threading.Event()
    server.routes["/trickle"] = trickle_route(stop)
    url = server.url("/trickle")
    policy = FetchPolicy(allow_private=True, connect_timeout=1, read_timeout=1, total_timeout=1.5)
    started = time.monotonic()
    try:
        [item] = read_all(url, policy)
    finally:
        stop.set()
    assert time.monotonic() - started < 10, "the deadline did not stop the fetch"
    assert isinstance(item, DocumentError)
    assert item.source == url
    assert "timed out" in item.error and "1.5 s" in item.error and "total deadline" in item.error


def test_a_slow_resolver_counts_against_the_deadline() -> None:
    def slow(host: str, port: int) -> list[str]:
        time.sleep(3)
        return ["127.0.0.1"]

    policy = FetchPolicy(allow_private=True, total_timeout=0.5, resolver=slow)
    [item] = read_all("http://slow-dns.test/a", policy)
    assert isinstance(item, DocumentError) and "timed out" in item.error


def test_the_connection_goes_to_the_address_that_was_checked(server: LocalServer) -> None:
    port = server.base.rsplit(":", 1)[1]
    server.page("/article", article_html(41))
    answers = iter([["127.0.0.1"]] + [["10.255.255.1"]] * 10)  # a rebinding DNS server

    def rebinding(host: str, _port: int) -> list[str]:
        rebinding.calls += 1  # type: ignore[attr-defined]
        return next(answers)

    rebinding.calls = 0  # type: ignore[attr-defined]
    policy = FetchPolicy(resolver=rebinding, allowed=only("127.0.0.1"), connect_timeout=1, read_timeout=1)
    [item] = read_all(f"http://news.test:{port}/article", policy)
    assert isinstance(item, Fetched), item
    assert rebinding.calls == 1  # resolved once: checked and connected on the same answer
    assert server.hits == ["/article"]


def test_every_redirect_hop_is_checked(server: LocalServer) -> None:
    port = server.base.rsplit(":", 1)[1]
    server.redirect("/go", f"http://metadata.test:{port}/latest")
    server.page("/latest", article_html(42))
    resolver = names({"news.test": ["127.0.0.1"], "metadata.test": ["127.0.0.2"]})
    policy = FetchPolicy(resolver=resolver, allowed=only("127.0.0.1"), connect_timeout=1, read_timeout=1)
    url = f"http://news.test:{port}/go"
    [item] = read_all(url, policy)
    assert isinstance(item, DocumentError)
    assert item.source == url
    assert "metadata.test resolves to 127.0.0.2" in item.error and "redirected to" in item.error
    assert server.hits == ["/go"]  # the second hop was never requested


def test_one_bad_answer_among_good_ones_refuses_the_host(server: LocalServer) -> None:
    port = server.base.rsplit(":", 1)[1]
    server.page("/a", article_html(43))
    resolver = names({"mixed.test": ["127.0.0.1", "10.0.0.7"]})
    policy = FetchPolicy(resolver=resolver, allowed=only("127.0.0.1"))
    [item] = read_all(f"http://mixed.test:{port}/a", policy)
    assert isinstance(item, DocumentError) and "10.0.0.7" in item.error
    assert server.hits == []


def test_shared_address_space_literal_is_refused_without_a_connection() -> None:
    [item] = read_all("http://100.100.100.200/latest/meta-data/", FetchPolicy(connect_timeout=1))
    assert isinstance(item, DocumentError)
    assert "not a globally routable address" in item.error and "--allow-private" in item.error


def test_wrapped_loopback_in_ipv6_literal_is_refused() -> None:
    [item] = read_all("http://[2002:7f00:1::]/", FetchPolicy(connect_timeout=1))
    assert isinstance(item, DocumentError) and "refused" in item.error


def test_unresolvable_host_is_one_clear_error() -> None:
    def nothing(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    [item] = read_all("http://no-such-host.test/", FetchPolicy(resolver=nothing))
    assert isinstance(item, DocumentError)
    assert item.error == "cannot resolve host 'no-such-host.test': Name or service not known"
