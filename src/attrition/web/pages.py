"""The server-rendered pages: overview, claims explorer, claim, document, compare, findings.

Each page reads through `attrition.query` (the same functions as the API) and renders a
Jinja2 template with autoescaping on, so text from articles is always text. The only scripts
are files under `/static/`; data a script needs travels as JSON in a non-executable
`<script type="application/json">` block, escaped by Jinja's `tojson`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import TypeAdapter

from attrition.models import CATEGORIES, EVENTS
from attrition.query import claims as qc
from attrition.query import clusters as qcl
from attrition.query import documents as qd
from attrition.query.findings import QUEUE_CHECKS, FindingFilter
from attrition.query.overlay import REVIEW_STATES
from attrition.query.pages import BadCursor
from attrition.query.reference import list_series
from attrition.query.status import store_status
from attrition.web.api import ClaimId, ClusterId, Conn, claim_detail, compare_data, finding_filter
from attrition.web.params import QUALIFIERS, SUBJECTS, Day, Lang, Str, claim_filter, day, sort_param
from attrition.web.schemas import finding_out

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
#: Columns of the claims explorer: (sort key or None, heading).
CLAIM_COLUMNS = (
    ("published", "published"), (None, "figure"), ("claimant", "claimant"), (None, "subject"), (None, "event"),
    ("category", "category"), ("value", "value"), ("period_end", "period"), ("outlet", "outlet"),
    (None, "sentence"),
)  # fmt: skip


def with_query(request: Request, path: str | None = None, **changes: Any) -> str:
    """This page's URL (or `path`) with its query changed: None removes a key; filters reset the cursor."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    if any(k != "cursor" for k in changes):
        params.pop("cursor", None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return (path or request.url.path) + (f"?{query}" if query else "")


def http_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None: a `javascript:` URL from a page never becomes a link."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


templates.env.filters["http_url"] = http_url
templates.env.globals.update(with_query=with_query, subjects=SUBJECTS, categories=CATEGORIES, events=EVENTS,
                             qualifiers=QUALIFIERS, checks=QUEUE_CHECKS, states=REVIEW_STATES)  # fmt: skip


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, message: str) -> Response:
    titles = {404: "Not found", 422: "Bad request", 401: "Not allowed", 403: "Not allowed"}
    return render(request, "error.html", status_code=status, status=status,
                  title=titles.get(status, "Error"), message=message)  # fmt: skip


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response((Path(__file__).parent / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, c: Conn) -> HTMLResponse:
    status = store_status(c)
    latest = qc.page_claims(c, qc.ClaimFilter(), limit=10, with_total=False).items
    findings = [finding_out(f) for f in request.app.state.findings.query(FindingFilter(min_severity="warning"))]
    return render(request, "overview.html", status=status, latest=latest, findings=findings[:10],
                  n_findings=len(findings), series=list_series(c))  # fmt: skip


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    c: Conn,
    flt: Annotated[qc.ClaimFilter, Depends(claim_filter)],
    sort: str = "published",
    order: Literal["asc", "desc"] = "desc",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> HTMLResponse:
    sort = sort_param(sort)
    try:
        page = qc.page_claims(c, flt, sort=sort, desc=order == "desc", limit=limit, cursor=cursor)
    except BadCursor as exc:
        raise HTTPException(422, f"cursor: {exc}") from exc
    api_query = urlencode({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in flt.active().items()}
                          | ({"sort": sort, "order": order}))  # fmt: skip
    return render(request, "claims.html", page=page, flt=flt, sort=sort, order=order, columns=CLAIM_COLUMNS,
                  claimants=qc.claimants(c), outlets=qc.outlets(c), languages=qc.languages(c),
                  api_query=api_query)  # fmt: skip


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, c: Conn, claim_id: ClaimId) -> HTMLResponse:
    found = claim_detail(request, c, claim_id)
    claim, para = found["claim"], found["paragraph"]
    text, offset = para["text"], para["start"]
    cut = sorted(min(max(i - offset, 0), len(text)) for i in (claim["sentence_start"], claim["span_start"],
                                                               claim["span_end"], claim["sentence_end"]))  # fmt: skip
    pieces = [text[: cut[0]], text[cut[0] : cut[1]], text[cut[1] : cut[2]], text[cut[2] : cut[3]], text[cut[3] :]]
    return render(request, "claim.html", d=found, claim=claim, pieces=pieces)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    c: Conn,
    outlet: Str = None,
    lang: Lang = None,
    since: Annotated[str | None, Day("Published on or after")] = None,
    until: Annotated[str | None, Day("Published on or before")] = None,
    q: Str = None,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> HTMLResponse:
    try:
        flt = qd.DocumentFilter(
            outlet=outlet or None, lang=(lang or "").lower() or None, since=day("since", since),
            until=day("until", until), q=q,
        )  # fmt: skip
        page = qd.page_documents(c, flt, limit=50, cursor=cursor)
    except (qc.FilterError, BadCursor) as exc:
        raise HTTPException(422, str(exc)) from exc
    return render(request, "documents.html", page=page, flt=flt, outlets=qc.outlets(c), languages=qc.languages(c))


@router.get("/documents/{doc:path}", response_class=HTMLResponse)
def document_page(request: Request, c: Conn, doc: str) -> HTMLResponse:
    found = qd.get_document(c, doc)
    if found is None:
        raise HTTPException(404, f"no document {doc!r}")
    return render(request, "document.html", d=found)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, c: Conn, cluster_id: ClusterId) -> HTMLResponse:
    found = qcl.get_cluster(c, cluster_id)
    if found is None:
        raise HTTPException(404, f"no cluster {cluster_id!r}")
    return render(request, "cluster.html", d=found)


@router.get("/compare", response_class=HTMLResponse)
def compare_page(
    request: Request,
    c: Conn,
    subject: Str = "RU",
    category: Str = "personnel",
    since: Annotated[str | None, Day("From")] = None,
    until: Annotated[str | None, Day("To")] = None,
    event: Str = None,
    mode: Literal["cumulative", "daily"] = "cumulative",
) -> HTMLResponse:
    data = compare_data(c, subject or "RU", category or "personnel", since, until, event)
    plain = TypeAdapter(dict[str, Any]).dump_python(data, mode="json")
    if mode == "cumulative":
        shown = [f for f in data["figures"] if f["kind"] == "cumulative"]
    else:  # stated per-day figures and the daily increments of cumulative totals
        shown = [f for f in data["figures"] if daily_value(f) is not None]
    return render(request, "compare.html", d=data, chart={"mode": mode, **plain}, mode=mode, shown=shown)


def daily_value(f: dict[str, Any]) -> Any:
    """A figure per day: as stated (daily, rate, period), or a cumulative total's increment per day."""
    return f["increment_per_day"] if f["kind"] == "cumulative" else f["per_day"]


templates.env.globals["daily_value"] = daily_value


@router.get("/findings", response_class=HTMLResponse)
def findings_page(
    request: Request,
    flt: Annotated[FindingFilter, Depends(finding_filter)],
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    found = [finding_out(f) for f in request.app.state.findings.query(flt)]
    size = 50
    items = found[(page - 1) * size : page * size]
    return render(request, "findings.html", items=items, total=len(found), flt=flt, page=page,
                  more=page * size < len(found))  # fmt: skip


@router.get("/findings/{finding_id}", response_class=HTMLResponse)
def finding_page(request: Request, finding_id: str) -> HTMLResponse:
    found = request.app.state.findings.get(finding_id)
    if found is None:
        raise HTTPException(404, f"no finding {finding_id!r}")
    return render(request, "finding.html", f=found)
