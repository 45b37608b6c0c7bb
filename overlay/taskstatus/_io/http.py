"""Sending one request over httpx, sync and async twins side by side.

Each turns a flow's ``Send`` into an ``Answer`` or a ``TransportError``.  Redirects are never
followed (the key must not travel to another origin), bodies are read under a size cap, and a
request never runs past its deadline, even when the server trickles bytes.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import httpx

from taskstatus._errors import BadResponse, TransportError
from taskstatus._vendors._base import Vendor
from taskstatus._waiting.steps import Send
from taskstatus._wire import Answer

if TYPE_CHECKING:
    from taskstatus._io.aiohttp import Direct

MAX_BODY_BYTES = 16 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
# Requests one client has in flight at once. Below httpx's pool (100 connections), so a
# request never waits for a connection inside its own timeout: a thousand concurrent waits on
# one client queue here, untimed, instead of timing out in the pool and retrying forever.
MAX_IN_FLIGHT = 64


class _Base:
    def __init__(
        self,
        vendor: Vendor,
        base_url: str,
        api_key: str | None,
        timeout: float,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.vendor = vendor
        self.base_url = base_url
        self.timeout = timeout
        self._headers: Mapping[str, str] = (
            {vendor.auth_header: f"{vendor.auth_prefix}{api_key}"} if api_key else {}
        )
        self.clock = clock

    @property
    def auth_headers(self) -> Mapping[str, str]:
        return self._headers

    def __repr__(self) -> str:  # never shows the headers (they hold the key)
        return f"<{type(self).__name__} {self.vendor.name} {self.base_url}>"

    def _build(self, client: httpx.Client | httpx.AsyncClient, send: Send) -> httpx.Request:
        request = send.request
        return client.build_request(
            request.method,
            self.base_url + request.path,
            params=request.params,
            json=request.json,
            headers=self._headers,
            timeout=self.timeout,
        )

    def _stop_at(self, send: Send) -> float:
        stop = self.clock() + self.timeout
        return stop if send.deadline is None else min(stop, send.deadline + self.timeout)

    def _collect(self, body: bytearray, chunk: bytes, stop: float, send: Send) -> None:
        """Add a chunk; refuse a body over the cap, or more chunks after the request deadline
        (a server trickling bytes).  An answer that arrived whole is never refused for being
        read late: a busy event loop must not turn into a retry storm."""
        if body and self.clock() > stop:
            raise httpx.ReadTimeout("answer still arriving at the request deadline")
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise BadResponse(
                f"answer larger than {MAX_BODY_BYTES // (1024 * 1024)} MiB",
                vendor=self.vendor.name,
                task=send.task,
            )

    def _failed(self, exc: httpx.HTTPError, send: Send) -> TransportError:
        """One wording for a failed request, whichever transport (httpx's own pools or
        aiohttp's) it failed in: what happened, at which host and port, on which request."""
        return TransportError(
            f"{failure(exc, self.base_url)} ({send.request.method} "
            f"{send.request.path.split('?')[0]})",
            vendor=self.vendor.name,
            task=send.task,
        )


def failure(exc: BaseException, base_url: str) -> str:
    """What went wrong with a request to ``base_url``, in words that do not depend on the
    transport: "connection refused by 127.0.0.1:8080", never a transport's own message (aiohttp
    says "ssl:default" of a plain http connection)."""
    url = httpx.URL(base_url)
    port = url.port or (443 if url.scheme == "https" else 80)
    where = f"{url.host}:{port}"
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return f"cannot connect to {where}: timed out"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out waiting for an answer from {where}"
    if isinstance(exc, httpx.ConnectError):
        cause = _os_error(exc)
        if cause is None:
            return f"cannot connect to {where}"
        if _refused(cause):
            return f"connection refused by {where}"
        if isinstance(cause, socket.gaierror):
            return f"cannot connect to {where}: the name does not resolve"
        reason = cause.strerror or str(cause) or type(cause).__name__
        return f"cannot connect to {where}: {reason}"
    detail = str(exc) or type(exc).__name__
    return f"connection to {where} failed: {detail}"


def _os_error(exc: BaseException) -> OSError | None:
    """The operating system's error under a connect failure (httpx chains it; aiohttp keeps it
    as ``os_error``)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        inner = getattr(current, "os_error", None)
        if isinstance(inner, OSError):
            return inner
        if isinstance(current, OSError):
            return current
        current = current.__cause__ or current.__context__
    return None


def _refused(error: OSError) -> bool:
    """Refused, also when every address of a name refused (asyncio then raises one OSError
    "Multiple exceptions: [Errno 111] ..., [Errno 111] ...")."""
    if isinstance(error, ConnectionRefusedError) or error.errno == errno.ECONNREFUSED:
        return True
    text = str(error)
    return text.startswith("Multiple exceptions") and text.count("[Errno") == text.count(
        f"[Errno {errno.ECONNREFUSED}]"
    )


def _proxied() -> bool:
    """Whether the environment names a proxy (httpx's clients honour it; a request sent
    straight to a pool would not)."""
    import urllib.request

    return any(k in ("http", "https", "all") for k in urllib.request.getproxies())


class _ViaSync(httpx.BaseTransport):
    """Sends a generated client's requests over the facade's httpx client (its pool)."""

    def __init__(self, client: httpx.Client):
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._client.send(request, stream=True, follow_redirects=False)

    def close(self) -> None:
        """The facade client closes its own connections."""


class _ViaAsync(httpx.AsyncBaseTransport):
    """Async twin of ``_ViaSync``."""

    def __init__(self, client: httpx.AsyncClient):
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._client.send(request, stream=True, follow_redirects=False)

    async def aclose(self) -> None:
        """The facade client closes its own connections."""


class SyncTransport(_Base):
    """Sends over an ``httpx.Client`` (the caller's, or one of its own)."""

    def __init__(
        self,
        vendor: Vendor,
        base_url: str,
        api_key: str | None,
        timeout: float,
        http_client: httpx.Client | None = None,
    ):
        super().__init__(vendor, base_url, api_key, timeout)
        self.owns_client = http_client is None
        self._own: httpx.HTTPTransport | None = None  # the pool of a client of our own
        if http_client is None:
            if not _proxied():  # (a base URL never holds credentials: _config refuses them)
                self._own = httpx.HTTPTransport()
            http_client = httpx.Client(transport=self._own, follow_redirects=False)
        self.client = http_client
        headers = httpx.Headers(http_client.headers)
        headers.update(self._headers)
        self._own_headers = headers
        self._extensions = {"timeout": httpx.Timeout(timeout).as_dict()}
        self._gate = threading.BoundedSemaphore(MAX_IN_FLIGHT)

    def send(self, send: Send) -> Answer:
        with self._gate:
            if self._own is not None and send.request.method == "GET":
                return self._send_direct(self._own, send)
            return self._send(send)

    def _send_direct(self, pool: httpx.HTTPTransport, send: Send) -> Answer:
        """A GET of our own client straight to its pool: what ``Client.send`` adds (auth,
        redirects, cookies, event hooks: none of which our own client has) is skipped.
        The same request, headers, timeouts, cap and deadline as ``_send``."""
        stop = self._stop_at(send)
        request = send.request
        built = httpx.Request(
            request.method, self.base_url + request.path, params=request.params,
            headers=self._own_headers, extensions=self._extensions,
        )  # fmt: skip
        try:
            return self._read(pool.handle_request(built), stop, send)
        except httpx.HTTPError as exc:
            raise self._failed(exc, send) from None

    def _send(self, send: Send) -> Answer:
        stop = self._stop_at(send)
        try:
            response = self.client.send(
                self._build(self.client, send), stream=True, follow_redirects=False
            )
            return self._read(response, stop, send)
        except httpx.HTTPError as exc:
            raise self._failed(exc, send) from None

    def _read(self, response: httpx.Response, stop: float, send: Send) -> Answer:
        """The answer of a streamed ``response`` (closed after), under the cap and deadline."""
        try:
            body = bytearray()
            for chunk in response.iter_bytes():
                self._collect(body, chunk, stop, send)
        finally:
            response.close()
        return Answer(response.status_code, response.headers, bytes(body))

    def close(self) -> None:
        if self.owns_client:
            self.client.close()

    def for_generated(self) -> httpx.Client:
        """An httpx client for the generated client: this base URL, key and timeout, over
        this transport's connections."""
        return httpx.Client(
            transport=_ViaSync(self.client), base_url=self.base_url, headers=dict(self._headers),
            timeout=self.timeout, follow_redirects=False,
        )  # fmt: skip


class AsyncTransport(_Base):
    """Sends over an ``httpx.AsyncClient`` (the caller's, or one of its own over aiohttp: see
    ``taskstatus._aiohttp``)."""

    def __init__(
        self,
        vendor: Vendor,
        base_url: str,
        api_key: str | None,
        timeout: float,
        http_client: httpx.AsyncClient | None = None,
    ):
        super().__init__(vendor, base_url, api_key, timeout)
        self.owns_client = http_client is None
        self._direct: Direct | None = None
        if http_client is None:
            from taskstatus._io.aiohttp import Direct, own_async_client  # loads aiohttp

            http_client, aiohttp_transport = own_async_client()
            if aiohttp_transport is not None:
                self._direct = Direct(aiohttp_transport, http_client.headers, self._headers,
                                      timeout)  # fmt: skip
        self.client = http_client
        self._gate = asyncio.Semaphore(MAX_IN_FLIGHT)

    async def send(self, send: Send) -> Answer:
        async with self._gate:
            if self._direct is not None and send.request.method == "GET":
                return await self._send_direct(self._direct, send)
            return await self._send(send)

    async def _send_direct(self, direct: Direct, send: Send) -> Answer:
        """The same request straight over the aiohttp session under our own httpx client:
        what httpx would add per request (building, merging and parsing the URL, its
        cookies, its response model) is most of a status request's CPU (see the README's
        Performance).  Same headers, timeouts, cap, deadline and error wording."""
        stop = self._stop_at(send)
        request = send.request
        url = self.base_url + request.path
        if request.params:
            url += "?" + str(httpx.QueryParams(request.params))
        body = bytearray()
        try:
            status, headers = await direct.fetch(
                request.method, url, lambda chunk: self._collect(body, chunk, stop, send)
            )
        except httpx.HTTPError as exc:
            raise self._failed(exc, send) from None
        return Answer(status, headers, bytes(body))

    async def _send(self, send: Send) -> Answer:
        stop = self._stop_at(send)
        try:
            response = await self.client.send(
                self._build(self.client, send), stream=True, follow_redirects=False
            )
            try:
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    self._collect(body, chunk, stop, send)
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            raise self._failed(exc, send) from None
        return Answer(response.status_code, response.headers, bytes(body))

    async def aclose(self) -> None:
        if self.owns_client:
            await self.client.aclose()

    def for_generated(self) -> httpx.AsyncClient:
        """Async twin of ``SyncTransport.for_generated``."""
        return httpx.AsyncClient(
            transport=_ViaAsync(self.client), base_url=self.base_url, headers=dict(self._headers),
            timeout=self.timeout, follow_redirects=False,
        )  # fmt: skip
