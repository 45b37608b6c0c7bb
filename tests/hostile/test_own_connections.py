"""A client's own connections: its status requests go straight to the pool under its httpx
client (sync: httpx's pool; async: aiohttp's session), skipping what ``Client.send`` adds,
yet put the same request on the wire as a caller's ``http_client=`` does; a caller's client
carries every request; a proxy in the environment keeps httpx's own ``send``."""

from __future__ import annotations

import asyncio
import gzip
import http.server
import json
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import taskstatus

from tests.facade.support import ASYNC, KINDS, SYNC, status_body
from tests.hostile.test_wire_garbage import PROXY_VARIABLES

KEY = "sk-own-connections"
RUNNING = {  # a running task's status value per kind
    "truebit/api": "Running",
    "anchorbrowser/execution": "running",
    "shannon/task": "TASK_STATUS_RUNNING",
    "browseract/task": "running",
}


def _body(kind: str) -> bytes:
    return json.dumps(status_body(kind, RUNNING[kind])).encode()


class _Recorder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[tuple[str, dict[str, str]]]
    body: bytes = b"{}"
    gzipped: bool = False

    def do_GET(self) -> None:
        type(self).seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        body = gzip.compress(self.body) if self.gzipped else self.body
        self.send_response(200)
        self.send_header("content-type", "application/json")
        if self.gzipped:
            self.send_header("content-encoding", "gzip")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, type[_Recorder]]]:
    handler = type("Recorder", (_Recorder,), {"seen": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def _status(mode: str, kind: str, url: str, http_client: Any = None) -> taskstatus.TaskStatus:
    vendor, maker, ids = KINDS[kind]
    if mode == "sync":
        with SYNC[vendor](api_key=KEY, base_url=url, http_client=http_client) as client:
            return getattr(client, maker)(*ids).status()  # type: ignore[no-any-return]

    async def run() -> taskstatus.TaskStatus:
        async with ASYNC[vendor](api_key=KEY, base_url=url, http_client=http_client) as client:
            return await getattr(client, maker)(*ids).status()  # type: ignore[no-any-return]

    return asyncio.run(run())


def _refuse_send(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a status request of a client's own went through Client.send")

    monkeypatch.setattr(httpx.Client, "send", refused)
    monkeypatch.setattr(httpx.AsyncClient, "send", refused)


STATUS_KINDS = list(RUNNING)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("kind", STATUS_KINDS)
def test_own_clients_send_status_requests_straight_to_their_pool(
    recorder: tuple[str, type[_Recorder]], monkeypatch: pytest.MonkeyPatch, mode: str, kind: str
) -> None:
    url, handler = recorder
    handler.body = _body(kind)
    _refuse_send(monkeypatch)
    assert _status(mode, kind, url).state is taskstatus.State.RUNNING
    assert len(handler.seen) == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("kind", STATUS_KINDS)
def test_the_wire_holds_the_same_request_as_through_a_callers_http_client(
    recorder: tuple[str, type[_Recorder]], mode: str, kind: str
) -> None:
    url, handler = recorder
    handler.body = _body(kind)
    handler.gzipped = True  # decoded on either path
    mine: Any = httpx.Client() if mode == "sync" else httpx.AsyncClient()
    assert _status(mode, kind, url).state is taskstatus.State.RUNNING
    assert _status(mode, kind, url, http_client=mine).state is taskstatus.State.RUNNING
    (own_path, own), (their_path, theirs) = handler.seen
    assert own_path == their_path  # path and query (BrowserAct's ids are in the query)
    for header in ("user-agent", "accept", "authorization", "x-api-key", "anchor-api-key"):
        assert own.get(header) == theirs.get(header), header
    assert KEY in " ".join(own.values())
    assert "gzip" in own["accept-encoding"]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_callers_http_client_carries_every_request(
    recorder: tuple[str, type[_Recorder]], monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    url, handler = recorder
    handler.body = _body("shannon/task")
    sent: list[str] = []
    if mode == "sync":
        original = httpx.Client.send

        def counted(self: httpx.Client, request: httpx.Request, **kw: Any) -> httpx.Response:
            sent.append(str(request.url))
            return original(self, request, **kw)

        monkeypatch.setattr(httpx.Client, "send", counted)
        mine: Any = httpx.Client()
    else:
        original_async = httpx.AsyncClient.send

        async def counted_async(
            self: httpx.AsyncClient, request: httpx.Request, **kw: Any
        ) -> httpx.Response:
            sent.append(str(request.url))
            return await original_async(self, request, **kw)

        monkeypatch.setattr(httpx.AsyncClient, "send", counted_async)
        mine = httpx.AsyncClient()
    _status(mode, "shannon/task", url, http_client=mine)
    assert sent == [f"{url}/api/v1/tasks/task-s"]


def test_a_proxy_in_the_environment_keeps_httpx_send(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.invalid:3128")
    sync = taskstatus.Shannon(api_key=KEY, base_url="http://vendor.test")
    assert sync._transport._own is None
    sync.close()

    async def run() -> None:
        client = taskstatus.AsyncShannon(api_key=KEY, base_url="http://vendor.test")
        assert client._transport._direct is None
        await client.aclose()

    asyncio.run(run())


def test_an_async_client_makes_one_tls_context() -> None:
    from taskstatus._io.aiohttp import AiohttpTransport

    transport = AiohttpTransport()
    assert transport._inner.ssl_context is transport._ssl  # making one costs ~0.1 s of CPU
