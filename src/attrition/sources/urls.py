"""Fetching web pages safely: a total deadline, a size cap, few redirects, global addresses only.

`attrition ingest` is pointed at feeds full of third-party links; a hostile or broken link must
cost at most a bounded time and a few megabytes, and must never reach services on the local
machine or network (a feed entry pointing at 127.0.0.1, 169.254.169.254 or 100.100.100.200).

The network guard is an allow-list: only addresses that `ipaddress` calls globally routable are
connected to, and IPv6 forms that wrap an IPv4 address (mapped, 6to4, Teredo, NAT64) must wrap
a global one. The check lives in the connection itself (a custom httpcore network backend):
the host name is resolved once, every address is checked, and the socket is opened to the
checked address, so a DNS answer that changes between check and connect (DNS rebinding) cannot
slip through, and every redirect hop is checked because every hop connects anew. The same
backend holds each URL to a total deadline covering DNS, connect and every read, so a server
trickling one byte every few seconds cannot hold a run.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
import typing
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from attrition import __version__
from attrition.sources.base import MAX_BYTES, SourceError

USER_AGENT = f"attrition/{__version__} (news claim extractor; +https://github.com/attrition/attrition)"
MAX_REDIRECTS = 5
#: Seconds one URL may take in all, redirects included (DNS + connect + every read).
TOTAL_TIMEOUT = 60.0

_NAT64 = (ipaddress.ip_network("64:ff9b::/96"),)
#: RFC 8215 local-use NAT64: translated by the local network, never global.
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")

Resolver = Callable[[str, int], list[str]]


@dataclass(slots=True)
class Response:
    """A fetched body with the address it finally came from."""

    url: str
    content_type: str
    encoding: str | None
    body: bytes


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for `host` (IP literals come back unchanged)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(slots=True)
class FetchPolicy:
    """Limits for one ingest run (tests shorten the timeouts and may swap the resolver)."""

    allow_private: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = TOTAL_TIMEOUT
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    resolver: Resolver = system_resolver
    #: Which resolved addresses may be connected to (ignored with `allow_private`).
    allowed: Callable[[str], bool] | None = None


def is_url(spec: str) -> bool:
    """True for http(s) addresses; everything else is a path."""
    return spec.startswith(("http://", "https://"))


def _wrapped_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries: mapped, 6to4, Teredo, NAT64, IPv4-compatible."""
    found: list[ipaddress.IPv4Address] = []
    if ip.ipv4_mapped is not None:
        found.append(ip.ipv4_mapped)
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    if any(ip in net for net in _NAT64) or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def is_global_address(address: str) -> bool:
    """True only for globally routable addresses (and IPv6 forms wrapping only such IPv4).

    `is_global` already excludes private, loopback, link-local, shared (100.64.0.0/10, where
    one cloud keeps its metadata service), reserved, documentation and benchmarking ranges.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if not ip.is_global or ip.is_multicast:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _LOCAL_NAT64:
            return False
        return all(v4.is_global and not v4.is_multicast for v4 in _wrapped_ipv4(ip))
    return True


def check_url(url: str) -> None:
    """Refuse non-HTTP schemes and URLs without a host (addresses are checked at connect)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise SourceError(f"unsupported URL scheme {parts.scheme!r}")
    if not parts.hostname:
        raise SourceError("URL has no host")


class _Refused(httpcore.ConnectError):
    """A host whose addresses are not all global: carries the message for the error row."""


class _Deadline:
    """The monotonic time by which the current URL must be done; shared by its connections."""

    def __init__(self) -> None:
        self.at: float | None = None

    def remaining(self, timeout: float | None) -> float | None:
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("total deadline reached")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write stops at the URL's total deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, self._deadline.remaining(timeout))
        return _DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolve once, check every address, connect to a checked one, under the deadline."""

    def __init__(self, policy: FetchPolicy, deadline: _Deadline) -> None:
        self._policy = policy
        self._deadline = deadline
        self._inner = httpcore.SyncBackend()
        self._dns = ThreadPoolExecutor(max_workers=2, thread_name_prefix="attrition-dns")

    def close(self) -> None:
        self._dns.shutdown(wait=False, cancel_futures=True)

    def _resolve(self, host: str, port: int) -> list[str]:
        future = self._dns.submit(self._policy.resolver, host, port)
        try:
            addresses = future.result(timeout=self._deadline.remaining(self._policy.connect_timeout))
        except FutureTimeout as exc:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from exc
        except (OSError, UnicodeError) as exc:
            raise _Refused(f"cannot resolve host {host!r}: {exc}") from exc
        if not addresses:
            raise _Refused(f"cannot resolve host {host!r}: no addresses")
        return addresses

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]]
        | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._resolve(host, port)
        if not self._policy.allow_private:
            allowed = self._policy.allowed or is_global_address
            refused = [a for a in addresses if not allowed(a)]
            if refused:
                raise _Refused(
                    f"refused: {host} resolves to {refused[0]}, which is not a globally routable address "
                    "(use --allow-private to fetch it)"
                )
        last: Exception | None = None
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(
                    address, port, timeout=self._deadline.remaining(timeout),
                    local_address=local_address, socket_options=socket_options,
                )  # fmt: skip
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
                continue
            return _DeadlineStream(stream, self._deadline)
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: typing.Any = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport (error mapping, pooling) on the guarded network backend."""

    def __init__(self, backend: _GuardedBackend) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=backend,
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
        self._deadline = _Deadline()
        self._backend = _GuardedBackend(self.policy, self._deadline)
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            transport=_GuardedTransport(self._backend),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        )

    def close(self) -> None:
        self._client.close()
        self._backend.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Response:
        """The body at `url` after at most `max_redirects` checked hops, within the total
        deadline; `SourceError` otherwise."""
        self._deadline.at = time.monotonic() + self.policy.total_timeout
        try:
            return self._get(url)
        finally:
            self._deadline.at = None

    def _timed_out(self, exc: Exception) -> SourceError:
        if self._deadline.at is not None and time.monotonic() >= self._deadline.at:
            return SourceError(
                f"timed out: no complete answer within {self.policy.total_timeout:g} s "
                "(total deadline for DNS, connect, redirects and all reads)"
            )
        return SourceError(f"timed out ({type(exc).__name__})")

    def _get(self, url: str) -> Response:
        seen: set[str] = set()
        current = url
        for _ in range(self.policy.max_redirects + 1):
            check_url(current)
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
                raise self._timed_out(exc) from exc
            except httpx.ConnectError as exc:
                refused = _refusal(exc)
                if refused is not None:
                    hop = "" if current == url else f" (redirected to {current})"
                    raise SourceError(f"{refused}{hop}") from exc
                raise SourceError(f"cannot connect: {exc}") from exc
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


def _refusal(exc: BaseException) -> str | None:
    """The guard's message if `exc` (an httpx error) was raised by the network guard."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, _Refused):
            return str(seen)
        seen = seen.__cause__ or seen.__context__
    return None
