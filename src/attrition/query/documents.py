"""Documents: pages of the stored articles, and one article with its claims marked in the text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, or_, select

from attrition.query.claims import FilterError, claims_of_document
from attrition.query.pages import Page, after, decode_cursor, encode_cursor
from attrition.query.words import has_word, words
from attrition.store.tables import claims, dated, document_links, documents

DOCUMENT_FIELDS = (
    "id", "doc", "published", "outlet", "title", "url", "lang", "source", "content_hash", "ingested_at",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Which documents to list: outlet (any case), language, publication window, words in the title."""

    outlet: str | None = None
    lang: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise FilterError(f"since ({self.since}) is after until ({self.until})")


def page_documents(
    conn: Connection, flt: DocumentFilter, *, limit: int = 50, cursor: str | None = None
) -> Page[dict[str, Any]]:
    """Newest documents first, with claim and near-duplicate counts."""
    n_claims = select(func.count()).where(claims.c.document_id == documents.c.id).scalar_subquery()
    n_links = (
        select(func.count())
        .where(or_(document_links.c.doc_a == documents.c.id, document_links.c.doc_b == documents.c.id))
        .scalar_subquery()
    )
    key = dated(documents.c.published)
    query = select(
        *(documents.c[n] for n in DOCUMENT_FIELDS), n_claims.label("claims"), n_links.label("near_duplicates"),
        key.label("_key"),
    )  # fmt: skip
    count = select(func.count()).select_from(documents)
    conditions = []
    if flt.outlet:
        conditions.append(func.lower(documents.c.outlet) == flt.outlet.lower())
    if flt.lang:
        conditions.append(documents.c.lang == flt.lang.lower())
    if flt.since:
        conditions.append(documents.c.published >= flt.since)
    if flt.until:
        conditions.append(documents.c.published <= flt.until)
    for word in words(flt.q):
        conditions.append(has_word(documents.c.title, word))
    if conditions:
        query, count = query.where(*conditions), count.where(*conditions)
    if cursor:
        value, row_id = decode_cursor(cursor, "published", True)
        query = query.where(after(key, documents.c.id, date.fromisoformat(str(value)), row_id, True))
    query = query.order_by(key.desc(), documents.c.id.desc()).limit(limit + 1)
    rows = [dict(r) for r in conn.execute(query).mappings()]
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = encode_cursor("published", True, rows[-1]["_key"], int(rows[-1]["id"]))
    for row in rows:
        row.pop("_key")
    return Page(rows, next_cursor, int(conn.execute(count).scalar_one()))


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of document text; `claims` are the ids of the claims whose number it is."""

    text: str
    claims: tuple[str, ...] = ()


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """The text cut at every claim's number span, so each number can be marked and linked.

    `spans` are (start, end, stable claim id). Claims on the same span share one segment; a span
    overlapping an earlier one is left unmarked rather than cutting a number in two.
    """
    out: list[Segment] = []
    pos = 0
    grouped: dict[tuple[int, int], list[str]] = {}
    for start, end, claim_id in spans:
        if 0 <= start < end <= len(text):
            grouped.setdefault((start, end), []).append(claim_id)
    for (start, end), ids in sorted(grouped.items()):
        if start < pos:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], tuple(ids)))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def get_document(conn: Connection, doc: str) -> dict[str, Any] | None:
    """A document by key, with its text, its claims and its text cut into marked segments."""
    row = conn.execute(select(documents).where(documents.c.doc == doc)).mappings().first()
    if row is None:
        return None
    record = dict(row)
    found = claims_of_document(conn, int(record["id"]))
    record["claims"] = found
    record["segments"] = segments(record["text"], [(c["span_start"], c["span_end"], c["id"]) for c in found])
    links = conn.execute(
        select(document_links.c.doc_a, document_links.c.doc_b, document_links.c.similarity).where(
            or_(document_links.c.doc_a == record["id"], document_links.c.doc_b == record["id"])
        )
    ).all()
    others = {(b if a == record["id"] else a): s for a, b, s in links}
    names = dict(conn.execute(select(documents.c.id, documents.c.doc).where(documents.c.id.in_(list(others)))).all())
    record["near_duplicates"] = [{"doc": names[i], "similarity": s} for i, s in others.items() if i in names]
    return record
