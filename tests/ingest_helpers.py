"""Test helpers shared by the ingest/store/CLI tests: made-up articles and a loopback server.

A module of its own (not conftest) because several conftest.py files exist under tests/ and
`from conftest import ...` would pick whichever was loaded last.
"""

from __future__ import annotations

import io
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

CLAIM_SENTENCE = (
    "Ukraine lost more than 500 soldiers and 12 tanks over the past day, the Russian Defence Ministry said on Friday."
)

_WORDS = (
    "river",
    "bridge",
    "convoy",
    "village",
    "harbour",
    "winter",
    "supply",
    "depot",
    "column",
    "brigade",
    "ridge",
    "forest",
    "road",
    "station",
    "district",
    "council",
    "report",
    "statement",
    "evening",
    "morning",
    "negotiators",
    "border",
    "mayor",
    "shelling",
    "drone",
    "repair",
    "grain",
    "ministry",
    "analyst",
    "satellite",
    "factory",
    "railway",
    "crossing",
    "power",
    "grid",
    "outage",
    "school",
    "hospital",
    "volunteers",
    "evacuation",
    "corridor",
    "observers",
    "talks",
    "envoy",
    "summit",
    "budget",
    "parliament",
    "coalition",
    "reservoir",
    "dam",
    "field",
    "orchard",
    "market",
    "street",
    "square",
    "tower",
)


def article_text(seed: int, *, claim: bool = False, words: int = 160) -> str:
    """A made-up article whose 4-word shingles barely overlap with other seeds'."""
    rng = random.Random(seed)
    sentences = []
    for _ in range(words // 12):
        body = " ".join(rng.choice(_WORDS) for _ in range(12))
        sentences.append(body[0].upper() + body[1:] + ".")
    if claim:
        sentences.insert(1, CLAIM_SENTENCE)
    return f"Report number {seed}\n\n" + "\n\n".join(sentences) + "\n"


def article_html(
    seed: int,
    *,
    title: str | None = None,
    site: str = "Example News",
    published: str = "2024-03-01",
    claim: bool = False,
    text: str | None = None,
) -> str:
    """A news page with navigation, a dated article and a footer, as sites publish them."""
    body = text if text is not None else article_text(seed, claim=claim)
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:] if p.strip())
    title = title or f"Report number {seed}"
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{published}T09:30:00Z">'
        "</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<main><article><h1>{title}</h1>{paras}</article></main>"
        "<footer><p>Copyright Example News. All rights reserved.</p></footer>"
        "</body></html>"
    )


Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class LocalServer:
    """A real HTTP server on 127.0.0.1; tests register routes (path -> response)."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, content_type: str = "text/html; charset=utf-8") -> str:
        self.routes[path] = (200, {"Content-Type": content_type}, html.encode("utf-8"))
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = (status, {"Location": to}, b"")
        return self.url(path)


def slow_route(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    """A route that sends headers, then stalls longer than the client's read timeout."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(b"<html>")
        handler.wfile.flush()
        time.sleep(seconds)

    return handle


def endless_route(chunk: int = 65536) -> Callable[[BaseHTTPRequestHandler], None]:
    """A route that streams a body without Content-Length until the client hangs up."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(2000):
                handler.wfile.write(b"<p>" + b"x" * chunk + b"</p>")
        except OSError:
            pass
        handler.close_connection = True

    return handle


def write_warc(path: Path, pages: list[tuple[str, str]], *, gz: bool = True) -> None:
    """A WARC of (URI, HTML) responses, each after its request record, as crawlers write them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, html in pages:
            req = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            ctype = "image/png" if uri.endswith(".png") else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            writer.write_record(record)
