"""Broken HTTP on the wire: every client, sync and async, raises a typed TransportError.

The async clients talk through aiohttp (``taskstatus._io.aiohttp``); none of its exception types
may reach the caller.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import aiohttp
import httpx
import pytest
import taskstatus
from taskstatus._io.aiohttp import ERRORS, translate

from tests.hostile.raw_server import raw_server

REPLIES = {
    "not http": b"SSH-2.0-OpenSSH_9.6\r\n\r\n",
    "bad status line": b"HTTP/1.1 OK-ish\r\n\r\n",
    "bad header": b"HTTP/1.1 200 OK\r\nno colon here\r\ncontent-length: 2\r\n\r\n{}",
    "closed after headers": b'HTTP/1.1 200 OK\r\ncontent-length: 500\r\n\r\n{"status":',
    "broken chunks": b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n",
    "closed at once": b"",
}


@pytest.fixture
def wire(request: pytest.FixtureRequest) -> Iterator[str]:
    """Answers every request with ``REPLIES[request.param]``, then closes the connection."""
    reply = REPLIES[request.param]

    def answer(conn: socket.socket, stop: threading.Event) -> None:
        with conn:
            conn.settimeout(2)
            try:
                conn.recv(65536)
                conn.sendall(reply)
            except OSError:
                pass

    with raw_server(answer, backlog=16) as url:
        yield url


@pytest.mark.parametrize("wire", sorted(REPLIES), indirect=True)
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_broken_http_is_a_transport_error(wire: str, mode: str) -> None:
    async def status_async() -> None:
        async with taskstatus.AsyncShannon(api_key="k", base_url=wire, max_retries=0) as c:
            await c.task("t").status()

    def status() -> None:
        if mode == "async":
            asyncio.run(status_async())
            return
        with taskstatus.Shannon(api_key="k", base_url=wire, max_retries=0) as c:
            c.task("t").status()

    with pytest.raises(taskstatus.TransportError) as caught:
        status()
    assert "GET /api/v1/tasks/t" in str(caught.value)
    assert caught.value.transient


def _aiohttp_errors() -> list[BaseException]:
    key = aiohttp.client_reqrep.ConnectionKey("h", 1, False, False, None, None, None)
    return [
        aiohttp.ConnectionTimeoutError("connect"),
        aiohttp.SocketTimeoutError("read"),
        aiohttp.ServerTimeoutError("server"),
        aiohttp.ServerDisconnectedError(),
        aiohttp.ClientConnectorError(key, OSError(111, "refused")),
        aiohttp.ClientPayloadError("payload"),
        aiohttp.ClientResponseError(None, (), message="bad"),  # type: ignore[arg-type]
        aiohttp.ClientOSError(104, "reset"),
        aiohttp.ClientError("other"),
        TimeoutError(),
    ]


@pytest.mark.parametrize("error", _aiohttp_errors(), ids=lambda e: type(e).__name__)
def test_every_aiohttp_error_becomes_the_httpx_error_that_names_it(error: BaseException) -> None:
    expected = next(target for source, target in ERRORS if isinstance(error, source))
    direct = translate(error)
    assert type(direct) is expected
    wrapped = httpx.ConnectTimeout("as httpx-aiohttp maps it")  # e.g. a disconnect
    wrapped.__cause__ = error
    assert type(translate(wrapped)) is expected
    assert str(direct)  # never an empty message


def test_a_server_disconnect_is_not_reported_as_a_timeout() -> None:
    assert type(translate(aiohttp.ServerDisconnectedError())) is httpx.RemoteProtocolError


def test_other_errors_pass_through_untouched() -> None:
    plain = httpx.UnsupportedProtocol("ftp")
    assert translate(plain) is plain
    bug = ValueError("a bug, not the network")
    assert translate(bug) is bug


PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                   "all_proxy")  # fmt: skip


def test_async_clients_use_aiohttp_unless_the_environment_names_a_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from taskstatus._io.aiohttp import AiohttpTransport, default_async_client

    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    direct = default_async_client()
    assert isinstance(direct._transport, AiohttpTransport)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    proxied = default_async_client()  # httpx honours the proxy; the aiohttp transport would not
    assert not isinstance(proxied._transport, AiohttpTransport)
    assert any(key.pattern.startswith("https") for key in proxied._mounts)

    async def close() -> None:
        await direct.aclose()
        await proxied.aclose()

    asyncio.run(close())
