"""HTML pages to article text with trafilatura and htmldate.

Scraping a page by hand (`<p>` tags, class names) breaks on every redesign; trafilatura finds
the main text, title and site name of most news layouts, and htmldate reads the publication
date from the many places sites put it (meta tags, JSON-LD, time elements, URLs).
"""

from __future__ import annotations

import logging
from datetime import date

from attrition.sources.base import Fetched, SourceError, outlet_from_url
from attrition.sources.charset import decode_bytes

# trafilatura and htmldate log every page they dislike at WARNING; those become our error rows.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

#: Shorter than this (characters) and the "article" is a cookie wall or an index page.
MIN_TEXT = 80


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """HTML bytes as str by their BOM, the HTTP charset (`encoding`), a `<meta>` or XML
    declaration, UTF-8, then detection (`sources.charset`); `SourceError` if nothing fits."""
    return decode_bytes(data, declared=encoding, markup=True)


def from_html(html: str, *, source: str, url: str | None = None, doc: str | None = None) -> Fetched:
    """The article in `html` as a `Fetched` document; `SourceError` if there is no article.

    `url` (the page's address, if known) helps both libraries: trafilatura resolves the site
    and htmldate reads dates from the path.
    """
    import htmldate
    import trafilatura

    if not html.strip():
        raise SourceError("empty page")
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise SourceError(f"cannot parse HTML: {exc}") from exc
    result = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) else extracted
    if not isinstance(result, dict):
        raise SourceError("no article text found in the HTML")
    text = str(result.get("text") or "").strip()
    if len(text) < MIN_TEXT:
        raise SourceError("no article text found in the HTML")
    published = None
    try:
        published = _parse_date(htmldate.find_date(html, url=url, extensive_search=False))
    except Exception:  # htmldate is best-effort; a page without a date is still an article
        published = None
    if published is None:
        published = _parse_date(result.get("date"))
    page_url = url or (str(result["url"]) if result.get("url") else None)
    title = result.get("title")
    sitename = result.get("sitename")
    return Fetched(
        source=source,
        text=text,
        doc=doc,
        url=page_url,
        outlet=str(sitename) if sitename else outlet_from_url(page_url),
        title=str(title) if title else None,
        published=published,
    )
