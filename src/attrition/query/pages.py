"""Cursor (keyset) pagination: a page of rows and an opaque token for the next one.

Offsets get slower with every page and skip or repeat rows when the store grows between two
requests; a cursor names the last row seen (its sort value and id), so the next page starts
right after it with an index seek, whatever was ingested meanwhile.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, and_, or_

T = TypeVar("T")


class BadCursor(ValueError):
    """A cursor that is not one this server issued for the same sort."""


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of `items`; `next_cursor` is None on the last page; `total` counts all matches."""

    items: list[T]
    next_cursor: str | None
    total: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def encode_cursor(sort: str, desc: bool, value: Any, row_id: int) -> str:
    """An opaque, URL-safe token for the position after (value, id) under this sort."""
    if isinstance(value, date):
        value = value.isoformat()
    raw = json.dumps([sort, desc, value, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, sort: str, desc: bool) -> tuple[Any, int]:
    """(value, id) from a cursor issued for `sort`/`desc`; BadCursor otherwise."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        got_sort, got_desc, value, row_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise BadCursor("cursor is not valid; use the next_cursor value of a previous page") from exc
    if got_sort != sort or got_desc != desc or not isinstance(row_id, int):
        raise BadCursor("cursor was issued for another sort order; start again without it")
    return value, row_id


def after(key: ColumnElement[Any], id_col: ColumnElement[Any], value: Any, row_id: int, desc: bool) -> Any:
    """The keyset predicate: rows strictly after (value, id) in (key, id) order."""
    if desc:
        return or_(key < value, and_(key == value, id_col < row_id))
    return or_(key > value, and_(key == value, id_col > row_id))
