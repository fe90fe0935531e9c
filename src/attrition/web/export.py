"""Responses: JSON with ETags, and whole listings as CSV, JSON or Parquet files.

An ETag is the hash of the body, so a client polling `/api/claims?...` gets `304 Not Modified`
until the store changes what that URL returns. A download's ETag cannot hash a body that is
still to be streamed: it is a weak tag of the store's version (`store_version`), the release
and the URL's query instead, so a client that has the file gets a 304 without the query being
run at all. Exports stream (CSV and JSON row by row,
Parquet a row group at a time) so that a full listing never sits in memory at once. CSV cells
that a spreadsheet would run as a formula are prefixed with an apostrophe (the CLI's rule,
`attrition.output.safe.csv_cell`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from attrition import __version__
from attrition.output.safe import csv_cell
from attrition.query.status import store_version
from attrition.web.schemas import arrow_schema

EXPORT_FORMATS = ("csv", "json", "parquet")


def etag_json(request: Request, body: bytes) -> Response:
    """`body` as JSON with a strong ETag; 304 when the client already has it."""
    tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    if matches(request.headers.get("if-none-match", ""), tag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


def matches(if_none_match: str, tag: str) -> bool:
    """RFC 9110 If-None-Match: `*`, or any listed tag equal to `tag` by weak comparison (`W/` ignored)."""
    given = [t.strip() for t in if_none_match.split(",")]
    return "*" in given or tag.removeprefix("W/") in [t.removeprefix("W/") for t in given]


def model_json(request: Request, model: BaseModel) -> Response:
    return etag_json(request, model.model_dump_json().encode())


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _rows(model: type[BaseModel], rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield model.model_validate(row).model_dump(mode="python")


def download_tag(request: Request) -> str:
    """A weak ETag for a download of this URL over the store as it is now."""
    with request.app.state.engine.connect() as conn:
        version = store_version(conn)
    query = sorted(request.query_params.multi_items())
    key = json.dumps([__version__, version, request.url.path, query], ensure_ascii=False)
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def export(
    request: Request,
    fmt: str,
    model: type[BaseModel],
    rows: Iterable[dict[str, Any]],
    name: str,
    on_close: Callable[[], None] | None = None,
) -> Response:
    """A download of every row in `fmt`, with the model's columns in the model's order.

    `rows` is consumed only when the client does not already have this download (ETag).
    """
    columns = list(model.model_fields)
    tag = download_tag(request)
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"', "ETag": tag, "Cache-Control": "no-cache"}

    def close() -> None:
        if on_close is not None:
            on_close()

    if matches(request.headers.get("if-none-match", ""), tag):
        close()
        return Response(status_code=304, headers={"ETag": tag, "Cache-Control": "no-cache"})

    if fmt == "csv":

        def csv_stream() -> Iterator[str]:
            try:
                buf = io.StringIO()
                writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
                writer.writeheader()
                for i, row in enumerate(_rows(model, rows)):
                    writer.writerow({k: csv_cell(row[k]) for k in columns})
                    if i % 500 == 499:
                        yield buf.getvalue()
                        buf.seek(0)
                        buf.truncate()
                yield buf.getvalue()
            finally:
                close()

        return StreamingResponse(csv_stream(), media_type="text/csv; charset=utf-8", headers=headers)
    if fmt == "json":

        def json_stream() -> Iterator[str]:
            try:
                yield "["
                for i, row in enumerate(_rows(model, rows)):
                    yield ("," if i else "") + json.dumps({k: _plain(row[k]) for k in columns}, ensure_ascii=False)
                yield "]"
            finally:
                close()

        return StreamingResponse(json_stream(), media_type="application/json", headers=headers)
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(model)
    try:
        with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as tmp:
            with pq.ParquetWriter(tmp, schema) as writer:
                batch: list[dict[str, Any]] = []
                wrote = False
                for row in _rows(model, rows):
                    batch.append(row)
                    if len(batch) >= 5000:
                        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                        batch, wrote = [], True
                if batch or not wrote:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            tmp.seek(0)
            data = tmp.read()
    finally:
        close()
    return Response(data, media_type="application/vnd.apache.parquet", headers=headers)
