"""The application: one FastAPI app serving the JSON API and the server-rendered pages.

`create_app(engine)` wires the routers, the security headers, the static files (the charting
library is shipped in the package: nothing is fetched from a CDN) and the error handlers that
turn a bad parameter into a 422 with a message instead of a 500.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from attrition import __version__
from attrition.query.claims import FilterError
from attrition.query.findings import FindingsCache
from attrition.query.pages import BadCursor
from attrition.web import api, pages
from attrition.web.security import SecurityHeaders

STATIC = Path(__file__).with_name("static")


def _message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def no_nul(request: Request) -> None:
    """A NUL character in a parameter is a 422: PostgreSQL text cannot hold one (it would be a 500)."""
    for name, value in [*request.query_params.multi_items(), *request.path_params.items()]:
        if "\x00" in str(value) or "\x00" in name:
            raise HTTPException(422, f"{name or 'parameter'}: a NUL character is not allowed")


def create_app(
    engine: Engine, *, write_token: str | None = None, allow_private: bool = False, title: str = "Attrition"
) -> FastAPI:
    """The app over the store at `engine`; writes are enabled only when `write_token` is given."""
    app = FastAPI(
        title=title, version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Attributed loss claims from war reporting: claims, clusters, documents, findings, "
        "reference series. Read-only unless the server was started with a write token.",
        dependencies=[Depends(no_nul)],
    )  # fmt: skip
    app.state.engine = engine
    app.state.write_token = write_token or None
    app.state.allow_private = allow_private
    app.state.findings = FindingsCache(engine)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    publish_download_schemas(app)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api", "/openapi", "/static"))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        message = _message(exc)
        if wants_html(request):
            return pages.error_page(request, 422, message)
        return JSONResponse({"detail": message, "errors": jsonable(exc.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_html(request):
            return pages.error_page(request, exc.status_code, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(FilterError)
    @app.exception_handler(BadCursor)
    async def bad_filter(request: Request, exc: Exception) -> Response:
        return await http_error(request, HTTPException(422, str(exc)))

    return app


def publish_download_schemas(app: FastAPI) -> None:
    """Add the row models of downloads that no JSON response uses (`CompareRowOut`) to the schema."""
    from attrition.web.schemas import CompareRowOut

    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            extra = CompareRowOut.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, schema in extra.pop("$defs", {}).items():
                spec["components"]["schemas"].setdefault(name, schema)
            spec["components"]["schemas"]["CompareRowOut"] = extra
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def jsonable(errors: Any) -> Any:
    """Validation errors without the raw input objects (which may not serialise)."""
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]
