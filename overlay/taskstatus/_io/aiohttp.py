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
from collections.abc import AsyncIterator, Iterator
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
    """``httpx_aiohttp.AiohttpTransport`` with every aiohttp error turned into an httpx one."""

    def __init__(self, max_connections: int = 100) -> None:
        self._inner = httpx_aiohttp.AiohttpTransport(
            limits=httpx.Limits(max_connections=max_connections)
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with _translated():
            response = await self._inner.handle_async_request(request)
        response.stream = _Body(cast(httpx.AsyncByteStream, response.stream))
        return response

    async def aclose(self) -> None:
        with _translated():
            await self._inner.aclose()


def default_async_client() -> httpx.AsyncClient:
    """The ``httpx.AsyncClient`` an async client makes for itself.

    Over aiohttp, unless the environment names a proxy: httpx honours ``HTTP(S)_PROXY`` and
    this transport would not, so then httpx's own pool is used.
    """
    if any(k in ("http", "https", "all") for k in urllib.request.getproxies()):
        return httpx.AsyncClient(follow_redirects=False)
    return httpx.AsyncClient(transport=AiohttpTransport(), follow_redirects=False)
