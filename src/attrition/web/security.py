"""Security headers and the write token.

Article text is hostile. The templates escape everything; on top of that every response
carries a Content-Security-Policy that allows scripts, styles and images only from this
server's own `/static/`, so even markup that slipped through could not run. Writes need the
token given at start, compared in constant time.
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import HTTPException, Request

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class SecurityHeaders:
    """Pure ASGI middleware (no per-request task overhead) adding `HEADERS` to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison, so response times do not leak how much of a guess was right."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_write(request: Request) -> None:
    """Dependency of every write route: 403 on a read-only server, 401 without the right token."""
    expected: str | None = request.app.state.write_token
    if not expected:
        raise HTTPException(403, "this server is read-only: start it with --write-token or ATTRITION_WRITE_TOKEN")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not token_matches(given.strip(), expected):
        raise HTTPException(401, "a valid write token is needed: Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
