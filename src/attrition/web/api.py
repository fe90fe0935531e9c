"""The JSON API under `/api`: each route parses parameters, calls `attrition.query`, serialises.

Lists page with cursors (`next_cursor`); the same list with `?format=csv|json|parquet` is a
download of every matching row. GET responses carry ETags. Writes need the server's token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from sqlalchemy import Connection

from attrition.models import CATEGORIES
from attrition.provenance import CLAIM_ID_PATTERN, CLUSTER_ID_PATTERN
from attrition.query import claims as qc
from attrition.query import clusters as qcl
from attrition.query import documents as qd
from attrition.query import overlay
from attrition.query.compare import compare
from attrition.query.findings import FindingFilter
from attrition.query.pages import BadCursor
from attrition.query.reference import list_series, series_points
from attrition.query.status import store_status
from attrition.web import schemas as s
from attrition.web.export import export, model_json
from attrition.web.params import SUBJECTS, Day, Lang, Str, claim_filter, day, sort_param, vocab
from attrition.web.security import require_write

router = APIRouter(prefix="/api")
Format = Annotated[Literal["csv", "json", "parquet"] | None, Query(description="Download every row in this format.")]
Limit = Annotated[int, Query(ge=1, le=500)]
Cursor = Annotated[str | None, Query(max_length=400)]
ClaimId = Annotated[str, Path(pattern=CLAIM_ID_PATTERN, description="The claim's stable id (document hash, span).")]
ClusterId = Annotated[str, Path(pattern=CLUSTER_ID_PATTERN, description="The cluster's stable id (from its key).")]


def conn(request: Request) -> Iterator[Connection]:
    """A connection for one request, returned to the pool afterwards."""
    with request.app.state.engine.connect() as c:
        yield c


Conn = Annotated[Connection, Depends(conn)]


def _cursor_error(exc: BadCursor) -> HTTPException:
    return HTTPException(422, f"cursor: {exc}")


@router.get("/status", response_model=s.StatusOut, summary="Counts and freshness of the store")
def status(request: Request, c: Conn) -> Response:
    data = store_status(c)
    data["write_enabled"] = bool(request.app.state.write_token)
    data["version"] = request.app.version
    return model_json(request, s.StatusOut.model_validate(data))


@router.get("/claims", response_model=s.PageOut[s.ClaimOut], summary="Claims, filtered and sorted")
def list_claims(
    request: Request,
    c: Conn,
    flt: Annotated[qc.ClaimFilter, Depends(claim_filter)],
    sort: str = "published",
    order: Literal["asc", "desc"] = "desc",
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = None,  # noqa: A002 - the documented parameter name
) -> Response:
    sort = sort_param(sort)
    if format:
        engine = request.app.state.engine
        own = engine.connect()
        return export(request, format, s.ClaimOut, qc.iter_claims(own, flt, sort=sort, desc=order == "desc"), "claims",
                      on_close=own.close)  # fmt: skip
    try:
        page = qc.page_claims(c, flt, sort=sort, desc=order == "desc", limit=limit, cursor=cursor)
    except BadCursor as exc:
        raise _cursor_error(exc) from exc
    return model_json(request, s.page_of(s.ClaimOut, page.items, page.next_cursor, page.total))


def claim_detail(request: Request, c: Connection, claim_id: str) -> dict[str, Any]:
    """A claim with its context, findings citing it and notes on it (404 when unknown)."""
    found = qc.get_claim(c, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id!r}")
    found["findings"] = [s.finding_out(f) for f in request.app.state.findings.citing(claim_id)]
    found["annotations"] = overlay.list_annotations(c, kind="claim", target_id=claim_id)
    return found


@router.get("/claims/{claim_id}", response_model=s.ClaimDetail, summary="One claim with its reports and findings")
def get_claim(request: Request, c: Conn, claim_id: ClaimId) -> Response:
    return model_json(request, s.ClaimDetail.model_validate(claim_detail(request, c, claim_id)))


@router.get("/claims/{claim_id}/annotations", response_model=list[s.AnnotationOut])
def get_annotations(request: Request, c: Conn, claim_id: ClaimId, format: Format = None) -> Any:  # noqa: A002
    if qc.find_claim(c, claim_id) is None:
        raise HTTPException(404, f"no claim {claim_id!r}")
    notes = overlay.list_annotations(c, kind="claim", target_id=claim_id)
    if format:
        return export(request, format, s.AnnotationOut, iter(notes), f"annotations-{claim_id}")
    return model_json(request, s.AnnotationList(notes))  # type: ignore[arg-type]


@router.post(
    "/claims/{claim_id}/annotations", response_model=s.AnnotationOut, status_code=201,
    dependencies=[Depends(require_write)], summary="Add a note to a claim (needs the write token)",
)  # fmt: skip
def post_annotation(request: Request, claim_id: ClaimId, body: s.AnnotationIn) -> Any:
    with request.app.state.engine.begin() as c:
        if qc.find_claim(c, claim_id) is None:
            raise HTTPException(404, f"no claim {claim_id!r}")
        try:
            return overlay.add_annotation(c, kind="claim", target_id=claim_id, author=body.author, body=body.body)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc


@router.get("/documents", response_model=s.PageOut[s.DocumentOut], summary="Stored documents, newest first")
def list_documents(
    request: Request,
    c: Conn,
    outlet: Str = None,
    lang: Lang = None,
    since: Annotated[str | None, Day("Published on or after")] = None,
    until: Annotated[str | None, Day("Published on or before")] = None,
    q: Str = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = None,  # noqa: A002
) -> Response:
    try:
        flt = qd.DocumentFilter(
            outlet=outlet or None, lang=(lang or "").lower() or None, since=day("since", since),
            until=day("until", until), q=q,
        )  # fmt: skip
    except qc.FilterError as exc:
        raise HTTPException(422, str(exc)) from exc
    if format:
        own = request.app.state.engine.connect()

        def rows() -> Iterator[dict[str, Any]]:
            token: str | None = None
            while True:
                page = qd.page_documents(own, flt, limit=2000, cursor=token)
                yield from page.items
                if page.next_cursor is None:
                    return
                token = page.next_cursor

        return export(request, format, s.DocumentOut, rows(), "documents", on_close=own.close)
    try:
        page = qd.page_documents(c, flt, limit=limit, cursor=cursor)
    except BadCursor as exc:
        raise _cursor_error(exc) from exc
    return model_json(request, s.page_of(s.DocumentOut, page.items, page.next_cursor, page.total))


@router.get("/documents/{doc}", response_model=s.DocumentDetail, summary="One document with its text and claims")
def get_document(request: Request, c: Conn, doc: str) -> Response:
    found = qd.get_document(c, doc)
    if found is None:
        raise HTTPException(404, f"no document {doc!r}")
    found["claim_list"] = found.pop("claims")
    found["claims"] = len(found["claim_list"])
    found["near_duplicates"] = len(found["near_duplicates"])
    return model_json(request, s.DocumentDetail.model_validate(found))


@router.get("/clusters", response_model=s.PageOut[s.ClusterOut], summary="Claim clusters, most reported first")
def list_clusters(
    request: Request,
    c: Conn,
    claimant: Str = None,
    subject: Str = None,
    category: Str = None,
    event: Str = None,
    min_reports: Annotated[int, Query(ge=1, le=1_000_000_000)] = 1,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = None,  # noqa: A002
) -> Response:
    flt = qcl.ClusterFilter(claimant=claimant or None, subject=vocab("subject", subject, SUBJECTS),
                            category=vocab("category", category, CATEGORIES), event=event or None,
                            min_reports=min_reports)  # fmt: skip
    if format:
        own = request.app.state.engine.connect()

        def rows() -> Iterator[dict[str, Any]]:
            token: str | None = None
            while True:
                page = qcl.page_clusters(own, flt, limit=2000, cursor=token)
                yield from page.items
                if page.next_cursor is None:
                    return
                token = page.next_cursor

        return export(request, format, s.ClusterOut, rows(), "clusters", on_close=own.close)
    try:
        page = qcl.page_clusters(c, flt, limit=limit, cursor=cursor)
    except BadCursor as exc:
        raise _cursor_error(exc) from exc
    return model_json(request, s.page_of(s.ClusterOut, page.items, page.next_cursor, page.total))


@router.get("/clusters/{cluster_id}", response_model=s.ClusterDetail, summary="One cluster with every report")
def get_cluster(request: Request, c: Conn, cluster_id: ClusterId) -> Response:
    found = qcl.get_cluster(c, cluster_id)
    if found is None:
        raise HTTPException(404, f"no cluster {cluster_id!r}")
    return model_json(request, s.ClusterDetail.model_validate(found))


def finding_filter(
    check: Str = None,
    min_severity: Annotated[str, Query(max_length=20)] = "info",
    outlet: Str = None,
    doc: Str = None,
    claim: Annotated[str | None, Query(pattern=CLAIM_ID_PATTERN, description="Findings citing this claim.")] = None,
    state: Str = None,
) -> FindingFilter:
    try:
        return FindingFilter(check=check or None, min_severity=min_severity or "info", outlet=outlet or None,
                             doc=doc or None, claim=claim or None, state=state or None)  # fmt: skip
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.get("/findings", response_model=s.PageOut[s.FindingOut], summary="The findings queue, most severe first")
def list_findings(
    request: Request,
    flt: Annotated[FindingFilter, Depends(finding_filter)],
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = None,  # noqa: A002
) -> Response:
    found = [s.finding_out(f) for f in request.app.state.findings.query(flt)]
    if format:
        return export(request, format, s.FindingOut, iter(found), "findings")
    start = 0
    if cursor:
        ids = [f["id"] for f in found]
        if cursor not in ids:
            raise HTTPException(422, "cursor: not a finding of this listing; start again without it")
        start = ids.index(cursor) + 1
    items = found[start : start + limit]
    nxt = items[-1]["id"] if start + limit < len(found) and items else None
    return model_json(request, s.page_of(s.FindingOut, items, nxt, len(found)))


@router.get("/findings/{finding_id}", response_model=s.FindingDetail)
def get_finding(request: Request, finding_id: str) -> Response:
    found = request.app.state.findings.get(finding_id)
    if found is None:
        raise HTTPException(404, f"no finding {finding_id!r}")
    return model_json(request, s.FindingDetail.model_validate(found))


@router.post("/findings/{finding_id}/review", response_model=s.ReviewOut, status_code=201,
             dependencies=[Depends(require_write)], summary="Review a finding (needs the write token)")  # fmt: skip
def post_review(request: Request, finding_id: str, body: s.ReviewIn) -> Any:
    if request.app.state.findings.get(finding_id) is None:
        raise HTTPException(404, f"no finding {finding_id!r}")
    with request.app.state.engine.begin() as c:
        row = overlay.add_review(c, finding_id=finding_id, state=body.state, author=body.author,  # type: ignore[arg-type]
                                 note=body.note)  # fmt: skip
    return {"state": row["state"], "author": row["author"], "at": row["created_at"], "note": row["note"]}


@router.get("/reference", response_model=list[s.SeriesOut], summary="Imported reference series")
def reference_list(request: Request, c: Conn, format: Format = None) -> Response:  # noqa: A002
    series = list_series(c)
    if format:
        return export(request, format, s.SeriesOut, iter(series), "reference")
    return model_json(request, s.SeriesList(series))  # type: ignore[arg-type]


@router.get("/reference/{name}", response_model=list[s.PointOut], summary="One series' values and daily increments")
def reference_points(
    request: Request,
    c: Conn,
    name: str,
    subject: Str = None,
    category: Str = None,
    since: Annotated[str | None, Day("From")] = None,
    until: Annotated[str | None, Day("To")] = None,
    format: Format = None,  # noqa: A002
) -> Response:
    points = series_points(c, name, subject=vocab("subject", subject, SUBJECTS),
                           category=vocab("category", category, CATEGORIES), since=day("since", since),
                           until=day("until", until))  # fmt: skip
    if points is None:
        raise HTTPException(404, f"no reference series {name!r}")
    if format:
        return export(request, format, s.PointOut, iter(points), name)
    return model_json(request, s.PointList(points))  # type: ignore[arg-type]


@router.get(
    "/compare",
    response_model=s.CompareOut,
    summary="Claimants' figures and the series",
    description="With ?format=csv|json|parquet: one row per point of the chart (CompareRowOut).",
    responses={
        200: {
            "content": {
                kind: {"schema": {"$ref": "#/components/schemas/CompareRowOut"}}
                for kind in ("text/csv", "application/vnd.apache.parquet")
            }
        }
    },
)
def compare_route(
    request: Request,
    c: Conn,
    subject: Annotated[str, Query(max_length=20)],
    category: Annotated[str, Query(max_length=40)],
    since: Annotated[str | None, Day("From")] = None,
    until: Annotated[str | None, Day("To")] = None,
    event: Str = None,
    format: Format = None,  # noqa: A002
) -> Response:
    data = compare_data(c, subject, category, since, until, event)
    if format:
        name = f"compare-{data['subject']}-{data['category']}"
        return export(request, format, s.CompareRowOut, iter(s.compare_rows(data)), name)
    return model_json(request, s.CompareOut.model_validate(data))


def compare_data(
    c: Connection, subject: str | None, category: str | None, since: str | None, until: str | None, event: str | None
) -> dict[str, Any]:
    """Validated parameters to `attrition.query.compare` (shared with the page)."""
    subj, cat = vocab("subject", subject, SUBJECTS), vocab("category", category, CATEGORIES)
    if subj is None or cat is None:
        raise HTTPException(422, "subject and category are both required")
    first, last = day("since", since), day("until", until)
    if first and last and first > last:
        raise HTTPException(422, f"since ({first}) is after until ({last})")
    return compare(c, subject=subj, category=cat, since=first, until=last, event=event or None)


@router.post("/ingest", response_model=s.IngestOut, dependencies=[Depends(require_write)],
             summary="Fetch and ingest one URL (needs the write token)")  # fmt: skip
def ingest_url(request: Request, body: s.IngestIn) -> Any:
    from attrition.ingest import ingest

    summary = ingest([body.url], engine=request.app.state.engine, allow_private=request.app.state.allow_private)
    return {**summary.counts(), "run_id": summary.run_id,
            "errors": [str(e) for e in summary.errors]}  # fmt: skip
