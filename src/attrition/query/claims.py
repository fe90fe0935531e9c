"""Claims: filtered and sorted pages, full exports, and one claim with everything about it.

Filters are those of `attrition claims` plus period overlap and a search in sentences; a
`ClaimFilter` is a plain value, so the API, the pages and the CLI build the same one from
their own parameters and get the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, and_, func, select

from attrition.query.figures import stated_figure
from attrition.query.pages import Page, after, decode_cursor, encode_cursor
from attrition.query.words import has_folded_word, words
from attrition.store.tables import claims, dated, documents
from attrition.store.tables_reconcile import claim_clusters, cluster_reports, reference_points, reference_series

#: Columns of a claim as listed, in the exchange-format order, then evidence, then the document's.
#: `id` is the stable claim id (`claims.uid`); the row id stays inside the store.
CLAIM_FIELDS: tuple[str, ...] = (
    "doc", "claimant", "claimant_text", "subject", "event", "category", "model", "value", "value_max",
    "qualifier", "rate", "period_start", "period_end", "location", "sentence", "span_start", "span_end",
    "sentence_start", "sentence_end", "rules", "statement", "part_of", "ordinal",
    "extractor", "rules_hash",
)  # fmt: skip
DOCUMENT_FIELDS: tuple[str, ...] = ("published", "outlet", "url", "title", "lang")


#: Sort keys a listing accepts, each a non-null expression so that keyset pages stay total.
SORTS: dict[str, Any] = {
    "published": dated(documents.c.published),
    "value": claims.c.value,
    "claimant": claims.c.claimant,
    "category": claims.c.category,
    "outlet": func.coalesce(documents.c.outlet, ""),
    "doc": claims.c.doc,
    "period_end": dated(claims.c.period_end),
    "id": claims.c.id,
}
_DATE_SORTS = frozenset({"published", "period_end"})


class FilterError(ValueError):
    """Filters that cannot all hold (a window that ends before it starts)."""


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims to read. Empty fields do not filter.

    `since`/`until` compare the document's publication date; `period_from`/`period_to` keep
    claims whose period overlaps the window; `category` matches any part of a combined
    category (`tanks` matches `tanks+afv`); `outlet` ignores case; `lang` is the document's
    language (ISO 639-1: en, ru, uk); `q` needs every word in the sentence (in any case form: `attrition.query.words`).
    """

    claimant: str | None = None
    subject: str | None = None
    category: str | None = None
    event: str | None = None
    qualifier: str | None = None
    since: date | None = None
    until: date | None = None
    period_from: date | None = None
    period_to: date | None = None
    outlet: str | None = None
    lang: str | None = None
    doc: str | None = None
    q: str | None = None
    cluster: str | None = None
    id: str | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise FilterError(f"since ({self.since}) is after until ({self.until})")
        if self.period_from and self.period_to and self.period_from > self.period_to:
            raise FilterError(f"period_from ({self.period_from}) is after period_to ({self.period_to})")

    def active(self) -> dict[str, Any]:
        """The filters that are set, by name (for permalinks and export links)."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in (None, ""):
                out[f.name] = value
        return out

    def apply(self, query: Select[Any]) -> Select[Any]:
        """`query` (over claims joined to documents) narrowed by every filter that is set."""
        c, d = claims.c, documents.c
        for name in ("claimant", "subject", "event", "qualifier", "doc"):
            value = getattr(self, name)
            if value:
                query = query.where(c[name] == value)
        if self.category:
            plus = "+" + c.category + "+"
            query = query.where(plus.contains(f"+{self.category}+", autoescape=True))
        if self.since:
            query = query.where(d.published >= self.since)
        if self.until:
            query = query.where(d.published <= self.until)
        if self.outlet:
            query = query.where(func.lower(d.outlet) == self.outlet.lower())
        if self.lang:
            query = query.where(d.lang == self.lang.lower())
        if self.period_from or self.period_to:
            end = func.coalesce(c.period_end, c.period_start)
            start = func.coalesce(c.period_start, c.period_end)
            query = query.where(end.is_not(None))
            if self.period_from:
                query = query.where(end >= self.period_from)
            if self.period_to:
                query = query.where(start <= self.period_to)
        if self.q:
            for word in words(self.q):
                query = query.where(has_folded_word(c.sentence_folded, word))
        if self.cluster:
            members = (
                select(cluster_reports.c.claim_id)
                .join(claim_clusters, claim_clusters.c.id == cluster_reports.c.cluster_id)
                .where(claim_clusters.c.uid == self.cluster)
            )
            query = query.where(c.id.in_(members))
        if self.id:
            query = query.where(c.uid == self.id)
        return query


def _base() -> Select[Any]:
    cols = [claims.c[name] for name in CLAIM_FIELDS] + [documents.c[name] for name in DOCUMENT_FIELDS]
    return (
        select(claims.c.uid.label("id"), claims.c.id.label("_row"), *cols, claim_clusters.c.uid.label("cluster"))
        .join(documents, documents.c.id == claims.c.document_id)
        .outerjoin(cluster_reports, cluster_reports.c.claim_id == claims.c.id)
        .outerjoin(claim_clusters, claim_clusters.c.id == cluster_reports.c.cluster_id)
    )


def _num(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def claim_record(row: Any) -> dict[str, Any]:
    """A stored row as a claim record: whole numbers as ints, rules as a list, the figure in words."""
    record = dict(row)
    record.pop("_row", None)
    record["value"] = _num(record["value"])
    record["value_max"] = _num(record["value_max"])
    record["rules"] = str(record["rules"]).split()
    record["figure"] = stated_figure(record["value"], record["value_max"], record["qualifier"], record["rate"])
    return record


_DOCUMENT_FILTERS = ("since", "until", "outlet", "lang")


def count_claims(conn: Connection, flt: ClaimFilter) -> int:
    """How many claims match `flt` (the join to documents only when a filter needs it)."""
    query = select(func.count()).select_from(claims)
    if any(getattr(flt, name) for name in _DOCUMENT_FILTERS):
        query = query.join(documents, documents.c.id == claims.c.document_id)
    return int(conn.execute(flt.apply(query)).scalar_one())


def page_claims(
    conn: Connection,
    flt: ClaimFilter,
    *,
    sort: str = "published",
    desc: bool = True,
    limit: int = 50,
    cursor: str | None = None,
    with_total: bool = True,
) -> Page[dict[str, Any]]:
    """One page of matching claims in `sort` order (ties by id), and the cursor for the next.

    The ordering runs over (key, id) pairs only and the full rows are read for the page's ids
    afterwards (a deferred join), so sorting a large store moves small tuples, not sentences.
    """
    if sort not in SORTS:
        raise FilterError(f"sort must be one of {', '.join(SORTS)}")
    key = SORTS[sort]
    ids_query = flt.apply(
        select(claims.c.id, key.label("_key")).join(documents, documents.c.id == claims.c.document_id)
    )
    if cursor:
        value, row_id = decode_cursor(cursor, sort, desc)
        if sort in _DATE_SORTS and isinstance(value, str):
            value = date.fromisoformat(value)
        ids_query = ids_query.where(after(key, claims.c.id, value, row_id, desc))
    order = (key.desc(), claims.c.id.desc()) if desc else (key.asc(), claims.c.id.asc())
    keyed = conn.execute(ids_query.order_by(*order).limit(limit + 1)).all()
    next_cursor = None
    if len(keyed) > limit:
        keyed = keyed[:limit]
        next_cursor = encode_cursor(sort, desc, keyed[-1][1], int(keyed[-1][0]))
    ids = [int(row[0]) for row in keyed]
    rows = {int(r["_row"]): r for r in conn.execute(_base().where(claims.c.id.in_(ids))).mappings()} if ids else {}
    items = [claim_record(rows[i]) for i in ids if i in rows]
    total = count_claims(conn, flt) if with_total else None
    return Page(items, next_cursor, total)


def iter_claims(
    conn: Connection, flt: ClaimFilter, *, sort: str = "published", desc: bool = True, batch: int = 2000
) -> Iterator[dict[str, Any]]:
    """Every matching claim in order, read a page at a time (memory bounded by `batch`)."""
    cursor: str | None = None
    while True:
        page = page_claims(conn, flt, sort=sort, desc=desc, limit=batch, cursor=cursor, with_total=False)
        yield from page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def find_claim(conn: Connection, claim_id: str) -> dict[str, Any] | None:
    """One claim record (by stable id) with its document's date, outlet, URL and title, or None."""
    row = conn.execute(_base().where(claims.c.uid == claim_id)).mappings().first()
    return claim_record(row) if row is not None else None


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph (text between blank lines, else lines) around [start, end)."""
    sep = "\n\n" if "\n\n" in text else "\n"
    left = text.rfind(sep, 0, start)
    left = 0 if left < 0 else left + len(sep)
    right = text.find(sep, end)
    right = len(text) if right < 0 else right
    return left, right


def reference_values(conn: Connection, *, subject: str, category: str, day: date) -> list[dict[str, Any]]:
    """Cumulative reference values for `subject`/`category` on `day`, one per series."""
    query = (
        select(
            reference_series.c.name,
            reference_series.c.claimant,
            reference_series.c.source,
            reference_points.c.date,
            reference_points.c.value,
        )  # fmt: skip
        .join(reference_series, reference_series.c.id == reference_points.c.series_id)
        .where(
            and_(
                reference_series.c.kind == "cumulative",
                reference_points.c.subject == subject,
                reference_points.c.category == category,
                reference_points.c.date == day,
                reference_points.c.model.is_(None),
            )  # fmt: skip
        )
        .order_by(reference_series.c.name)
    )
    return [{**dict(r), "value": _num(r["value"])} for r in conn.execute(query).mappings()]


def reports_of(conn: Connection, claim_id: str) -> dict[str, Any] | None:
    """The cluster a claim belongs to, with every report of it grouped by outlet."""
    cluster_id = conn.execute(
        select(cluster_reports.c.cluster_id)
        .join(claims, claims.c.id == cluster_reports.c.claim_id)
        .where(claims.c.uid == claim_id)
    ).scalar()
    if cluster_id is None:
        return None
    cluster = conn.execute(select(claim_clusters).where(claim_clusters.c.id == cluster_id)).mappings().first()
    if cluster is None:
        return None
    query = (
        select(
            claims.c.uid.label("id"),
            claims.c.doc,
            claims.c.value,
            claims.c.value_max,
            claims.c.qualifier,
            claims.c.rate,
            cluster_reports.c.role,
            documents.c.outlet,
            documents.c.published,
            documents.c.url,
        )  # fmt: skip
        .join(cluster_reports, cluster_reports.c.claim_id == claims.c.id)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(cluster_reports.c.cluster_id == cluster_id)
        .order_by(dated(documents.c.published), claims.c.id)
    )
    reports = []
    outlets: dict[str, dict[str, Any]] = {}
    for r in conn.execute(query).mappings():
        rep = dict(r)
        rep["figure"] = stated_figure(_num(rep["value"]), _num(rep["value_max"]), rep["qualifier"], rep["rate"])
        reports.append(rep)
        name = rep["outlet"] or "(unknown outlet)"
        entry = outlets.setdefault(name, {"outlet": name, "first_seen": None, "last_seen": None, "reports": []})
        entry["reports"].append(rep)
        day = rep["published"]
        if day is not None:
            entry["first_seen"] = day if entry["first_seen"] is None else min(entry["first_seen"], day)
            entry["last_seen"] = day if entry["last_seen"] is None else max(entry["last_seen"], day)
    record = dict(cluster)
    record["id"] = record.pop("uid")
    return {"cluster": record, "reports": reports, "outlets": list(outlets.values())}


def get_claim(conn: Connection, claim_id: str) -> dict[str, Any] | None:
    """A claim with its paragraph, its cluster's reports and the reference value for its date."""
    claim = find_claim(conn, claim_id)
    if claim is None:
        return None
    text = conn.execute(
        select(documents.c.text).join(claims, claims.c.document_id == documents.c.id).where(claims.c.uid == claim_id)
    ).scalar_one()
    p_start, p_end = paragraph_of(text, claim["sentence_start"], claim["sentence_end"])
    day = claim["period_end"] or claim["published"]
    refs = []
    if day is not None and "+" not in claim["category"]:
        refs = reference_values(conn, subject=claim["subject"], category=claim["category"], day=day)
    return {
        "claim": claim,
        "paragraph": {"start": p_start, "end": p_end, "text": text[p_start:p_end]},
        "cluster": reports_of(conn, claim_id),
        "reference": refs,
        "reference_date": day,
    }


def claims_of_document(conn: Connection, document_id: int) -> list[dict[str, Any]]:
    """Every claim of one document in text order."""
    query = _base().where(claims.c.document_id == document_id).order_by(claims.c.span_start, claims.c.id)
    return [claim_record(r) for r in conn.execute(query).mappings()]


def outlets(conn: Connection) -> list[str]:
    """Outlets with at least one document, for filter menus."""
    query = select(documents.c.outlet).where(documents.c.outlet.is_not(None)).distinct().order_by(documents.c.outlet)
    return [str(r[0]) for r in conn.execute(query)]


def languages(conn: Connection) -> list[str]:
    """Languages of the stored documents (ISO 639-1), for filter menus."""
    query = select(documents.c.lang).where(documents.c.lang.is_not(None)).distinct().order_by(documents.c.lang)
    return [str(r[0]) for r in conn.execute(query)]


def claimants(conn: Connection) -> list[str]:
    """Claimants present in the store, for filter menus."""
    return [str(r[0]) for r in conn.execute(select(claims.c.claimant).distinct().order_by(claims.c.claimant))]


__all__ = [
    "CLAIM_FIELDS", "SORTS", "ClaimFilter", "FilterError", "claim_record", "claimants", "claims_of_document",
    "count_claims", "find_claim", "get_claim", "iter_claims", "languages", "outlets", "page_claims", "paragraph_of",
    "reference_values", "reports_of",
]  # fmt: skip
