"""RSS and Atom feeds (feedparser): every entry's page is fetched and ingested.

Feeds are how news is followed over time, and they are messy: entries without links, links
that 404, half-valid XML. Each entry is its own unit of failure, so a feed with one broken
entry still yields the others.
"""

from __future__ import annotations

from collections.abc import Callable

from attrition.sources.base import DocumentError, Items, Skipped, SourceError
from attrition.sources.html import decode_html, from_html
from attrition.sources.urls import Fetcher, is_url

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """True when the bytes (or their content type) say RSS/Atom rather than an HTML page."""
    if content_type in FEED_TYPES[:3]:
        return True
    head = body[:2048].lstrip().lower()
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(
    body: bytes,
    *,
    source: str,
    fetcher: Fetcher,
    known_url: Callable[[str], bool] = lambda _url: False,
    encoding: str | None = None,
) -> Items:
    """Documents for the entries of the feed in `body`; errors name the feed and the entry.

    `encoding` is the HTTP charset, if any: feedparser weighs it against the XML declaration
    and the byte-order mark as RFC 3023 says.
    """
    import feedparser

    headers = {"content-type": f"application/xml; charset={encoding}"} if encoding else None
    parsed = feedparser.parse(body, response_headers=headers)
    entries = list(parsed.get("entries") or [])
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        yield DocumentError(source, f"not a feed, or a feed with no entries{detail}")
        return
    for number, entry in enumerate(entries, start=1):
        link = str(entry.get("link") or "").strip()
        label = f"{source} entry {number}"
        if not link:
            yield DocumentError(label, "feed entry has no link")
            continue
        if not is_url(link):
            yield DocumentError(f"{label} ({link})", "feed entry link is not an http(s) URL")
            continue
        if known_url(link):
            yield Skipped(link)
            continue
        try:
            resp = fetcher.get(link)
            fetched = from_html(decode_html(resp.body, resp.encoding), source=link, url=resp.url)
        except SourceError as exc:
            yield DocumentError(link, f"{exc} (entry {number} of feed {source})")
            continue
        fetched.url = link if resp.url == link else resp.url
        title = entry.get("title")
        if title and not fetched.title:
            fetched.title = str(title)
        yield fetched
