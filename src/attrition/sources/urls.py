"""Fetching web pages safely: timeouts, a size cap, few redirects, no private addresses.

`attrition ingest` is pointed at feeds full of third-party links; a hostile or broken link must
cost at most a few seconds and a few megabytes, and must never reach services on the local
machine or network (a feed entry pointing at 127.0.0.1 or 169.254.169.254). Every hop of a
redirect chain is checked, which is why redirects are followed here rather than by httpx.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from attrition import __version__
from attrition.sources.base import MAX_BYTES, SourceError

USER_AGENT = f"attrition/{__version__} (news claim extractor; +https://github.com/attrition/attrition)"
MAX_REDIRECTS = 5


@dataclass(slots=True)
class Response:
    """A fetched body with the address it finally came from."""

    url: str
    content_type: str
    encoding: str | None
    body: bytes


@dataclass(slots=True)
class FetchPolicy:
    """Limits for one ingest run (tests shorten the timeouts)."""

    allow_private: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


def is_url(spec: str) -> bool:
    """True for http(s) addresses; everything else is a path."""
    return spec.startswith(("http://", "https://"))


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def check_address(url: str, policy: FetchPolicy) -> None:
    """Refuse non-HTTP schemes, and hosts that resolve to private, loopback or link-local networks."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise SourceError(f"unsupported URL scheme {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise SourceError("URL has no host")
    if policy.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise SourceError(f"cannot resolve host {host!r}: {exc}") from exc
    for info in infos:
        address = str(info[4][0])
        if _is_private(address):
            raise SourceError(
                f"refused: {host} resolves to private/loopback/link-local address {address} "
                "(use --allow-private to fetch it)"
            )


class Fetcher:
    """One HTTP client for a run: connection reuse, and the same limits for every request."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        timeout = httpx.Timeout(
            connect=self.policy.connect_timeout,
            read=self.policy.read_timeout,
            write=self.policy.read_timeout,
            pool=self.policy.connect_timeout,
        )
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Response:
        """The body at `url` after at most `max_redirects` checked hops; `SourceError` otherwise."""
        seen: set[str] = set()
        current = url
        for _ in range(self.policy.max_redirects + 1):
            check_address(current, self.policy)
            seen.add(current)
            try:
                with self._client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise SourceError(f"HTTP {resp.status_code} redirect without Location")
                        nxt = urljoin(current, location)
                        if nxt in seen:
                            raise SourceError(f"redirect loop ({current} -> {nxt})")
                        current = nxt
                        continue
                    if resp.status_code >= 400:
                        raise SourceError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                    body = self._read_capped(resp)
                    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                    return Response(str(resp.url), ctype, resp.charset_encoding, body)
            except httpx.TimeoutException as exc:
                raise SourceError(f"timed out ({type(exc).__name__})") from exc
            except httpx.HTTPError as exc:
                raise SourceError(f"HTTP error: {type(exc).__name__}: {exc}") from exc
        raise SourceError(f"too many redirects (more than {self.policy.max_redirects})")

    def _read_capped(self, resp: httpx.Response) -> bytes:
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise SourceError(f"body too large ({declared} bytes, limit {self.policy.max_bytes})")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise SourceError(f"body too large (over {self.policy.max_bytes} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)
