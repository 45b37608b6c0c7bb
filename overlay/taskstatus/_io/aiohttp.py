"""The async clients' default HTTP transport: httpx's API over aiohttp's connection pool.

Why: httpx's own async pool spends CPU per request that grows with the requests queued on it
(encode/httpx#3215).  Measured by ``nox -s bench`` (10,000 waits on one client), the aiohttp
transport from ``httpx-aiohttp`` costs about a third of the CPU per request.  The facade
still talks to httpx only.

``httpx-aiohttp`` leaves some aiohttp errors unmapped (they would escape as aiohttp types) and
maps "server disconnected" to a connect timeout; ``AiohttpTransport`` turns every aiohttp
error, at the request or while reading the body, into the httpx error that names it.
"""

from __future__ import annotations

import contextlib
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import cast

import aiohttp
import httpx
import httpx_aiohttp

# Most specific first: the first match names the error.
ERRORS: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),
    (aiohttp.SocketTimeoutError, httpx.ReadTimeout),
    (aiohttp.ServerTimeoutError, httpx.ReadTimeout),
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),
    (aiohttp.ClientConnectorError, httpx.ConnectError),
    (aiohttp.ClientPayloadError, httpx.ReadError),
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),
    (aiohttp.ClientConnectionError, httpx.NetworkError),
    (aiohttp.ClientError, httpx.TransportError),
    (TimeoutError, httpx.TimeoutException),
)
_AIOHTTP = (aiohttp.ClientError, TimeoutError)


def translate(exc: BaseException) -> BaseException:
    """The httpx error for an aiohttp one (also when httpx-aiohttp already wrapped it)."""
    origin = exc.__cause__ if isinstance(exc, httpx.HTTPError) else exc
    if not isinstance(origin, _AIOHTTP):
        return exc
    for source, target in ERRORS:
        if isinstance(origin, source):
            return target(_message(origin))
    return exc  # pragma: no cover - ERRORS ends with the base classes


def _message(exc: BaseException) -> str:
    try:
        return str(exc) or type(exc).__name__
    except Exception:  # an aiohttp error missing its request info cannot render itself
        return type(exc).__name__


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except (httpx.HTTPError, *_AIOHTTP) as exc:
        raise translate(exc) from exc


class _Body(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream):
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _translated():
            async for chunk in self._inner:
                yield chunk

    async def aclose(self) -> None:
        with _translated():
            await self._inner.aclose()


class AiohttpTransport(httpx.AsyncBaseTransport):
    """``httpx_aiohttp.AiohttpTransport`` with every aiohttp error turned into an httpx one.

    Its ``aiohttp.ClientSession`` (made on first use, inside the running loop) is also the
    one ``session()`` gives: the status requests of a client that made this transport for
    itself go over it directly (``taskstatus._io.http.AsyncTransport``), its event streams
    and the generated client's calls through httpx, over the same connections.
    """

    def __init__(self, max_connections: int = 100) -> None:
        limits = httpx.Limits(max_connections=max_connections)
        self._limits = limits
        self._ssl = httpx.create_ssl_context()  # one per client: making one costs ~0.1 s
        self._session: aiohttp.ClientSession | None = None
        self._inner = httpx_aiohttp.AiohttpTransport(
            verify=self._ssl, limits=limits, client=self.session
        )

    def session(self) -> aiohttp.ClientSession:
        """The one aiohttp session under this transport (made at the first call)."""
        if self._session is None:
            connector = aiohttp.TCPConnector(
                limit=self._limits.max_connections or 0,
                keepalive_timeout=self._limits.keepalive_expiry,
                ssl=self._ssl,
            )
            self._session = aiohttp.ClientSession(connector=connector)
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with _translated():
            response = await self._inner.handle_async_request(request)
        response.stream = _Body(cast(httpx.AsyncByteStream, response.stream))
        return response

    async def aclose(self) -> None:
        with _translated():
            await self._inner.aclose()
        if self._session is not None:  # never used through httpx: closed here
            await self._session.close()


class Direct:
    """Requests straight over an ``AiohttpTransport``'s session, as httpx-aiohttp would send
    them for the httpx client given (its default headers, no redirects, httpx's timeouts),
    without httpx's request and response models; aiohttp's errors become httpx's."""

    def __init__(
        self,
        transport: AiohttpTransport,
        defaults: Mapping[str, str],
        headers: Mapping[str, str],
        timeout: float,
    ) -> None:
        self._session = transport.session
        skip = ("accept-encoding", "connection")  # aiohttp's own: it decodes what it asks for
        kept = {k: v for k, v in defaults.items() if k.lower() not in skip}
        self._headers = kept | dict(headers)
        # httpx's one timeout: to connect, to get a connection from the pool, between reads
        self._timeout = aiohttp.ClientTimeout(sock_connect=timeout, sock_read=timeout,
                                              connect=timeout)  # fmt: skip

    async def fetch(
        self, method: str, url: str, collect: Callable[[bytes], None]
    ) -> tuple[int, Mapping[str, str]]:
        """Send; hand each chunk of the body to ``collect``; the status and headers."""
        try:
            async with self._session().request(
                method, url, headers=self._headers, allow_redirects=False,
                timeout=self._timeout,
            ) as response:  # fmt: skip
                async for chunk in response.content.iter_any():
                    collect(chunk)
                return response.status, response.headers
        except _AIOHTTP as exc:
            raise translate(exc) from exc


def own_async_client() -> tuple[httpx.AsyncClient, AiohttpTransport | None]:
    """The ``httpx.AsyncClient`` an async client makes for itself, and its aiohttp transport
    (None when there is none).

    Over aiohttp, unless the environment names a proxy: httpx honours ``HTTP(S)_PROXY`` and
    this transport would not, so then httpx's own pool is used.
    """
    if any(k in ("http", "https", "all") for k in urllib.request.getproxies()):
        return httpx.AsyncClient(follow_redirects=False), None
    transport = AiohttpTransport()
    return httpx.AsyncClient(transport=transport, follow_redirects=False), transport


def default_async_client() -> httpx.AsyncClient:
    """The ``httpx.AsyncClient`` an async client makes for itself (see ``own_async_client``)."""
    return own_async_client()[0]
