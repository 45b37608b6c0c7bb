"""Serving fake vendors over real sockets: uvicorn on loopback, in a background thread."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, overload

from taskstatus._errors import ConfigurationError

if TYPE_CHECKING:
    from taskstatus._clients.async_client import (
        AsyncAnchorBrowser,
        AsyncBrowserAct,
        AsyncShannon,
        AsyncTruebit,
    )
    from taskstatus._clients.sync_client import AnchorBrowser, BrowserAct, Shannon, Truebit
from taskstatus.testing._app import FakeApp
from taskstatus.testing._script import FaultPlan
from taskstatus.testing.anchorbrowser import FakeAnchorBrowser
from taskstatus.testing.browseract import FakeBrowserAct
from taskstatus.testing.shannon import FakeShannon
from taskstatus.testing.truebit import FakeTruebit

FAKES: dict[str, type[FakeApp]] = {
    "truebit": FakeTruebit,
    "anchorbrowser": FakeAnchorBrowser,
    "shannon": FakeShannon,
    "browseract": FakeBrowserAct,
}


def _listen(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit it: an answer's head and body go out at once, not 40 ms
    # apart (Nagle's algorithm waiting for the client's delayed ACK), as real servers do.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(4096)
    sock.setblocking(False)
    return sock


class FakeServer:
    """Serves one or more fake apps, each on its own free loopback port, until ``stop()``."""

    def __init__(self, apps: dict[str, FakeApp], host: str = "127.0.0.1", start_port: int = 0):
        try:
            import uvicorn  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigurationError(
                "the fake vendors need uvicorn: pip install 'taskstatus[testing]'"
            ) from exc
        self.apps = apps
        self.host = host
        self._sockets = {
            name: _listen(host, start_port + i if start_port else 0) for i, name in enumerate(apps)
        }
        self._servers: list[Any] = []
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._failure: BaseException | None = None

    def url(self, name: str) -> str:
        port = self._sockets[name].getsockname()[1]
        return f"http://{self.host}:{port}"

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._run, name="taskstatus-fakes", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not (self._servers and all(s.started for s in self._servers)):
            if self._failure is not None or time.monotonic() > deadline:
                raise RuntimeError(f"fake vendors did not start: {self._failure!r}")
            time.sleep(0.01)
        return self

    def _run(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as exc:  # reported to start() or stop()
            self._failure = exc

    async def _serve(self) -> None:
        import uvicorn

        self._loop = asyncio.get_running_loop()
        for app in self.apps.values():
            if isinstance(app, FakeApp):
                app.loop = self._loop  # the fakes push from the loop that serves them
        configs = [
            uvicorn.Config(
                app, log_level="critical", access_log=False, lifespan="off",
                timeout_graceful_shutdown=1, timeout_keep_alive=30, backlog=4096,
            )
            for app in self.apps.values()
        ]  # fmt: skip
        self._servers = [uvicorn.Server(config) for config in configs]
        await asyncio.gather(
            *(
                s.serve(sockets=[self._sockets[n]])
                for s, n in zip(self._servers, self.apps, strict=True)
            )
        )

    def stop(self) -> None:
        for server in self._servers:
            server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        for sock in self._sockets.values():
            sock.close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (Ctrl-C)."""
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(self._serve())

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class FakeVendors(FakeServer):
    """All four fake vendors over real sockets, ready for the facade::

    with FakeVendors() as fakes:
        task_id, = fakes.shannon.add_task("task", script=Script(running=0.5))
        with fakes.client("shannon") as shannon:
            assert shannon.task(task_id).wait(timeout=5).state is State.SUCCEEDED
    """

    def __init__(
        self,
        api_key: str = "test-key",
        *,
        faults: FaultPlan | None = None,
        host: str = "127.0.0.1",
        start_port: int = 0,
        **options: Any,
    ):
        apps = {
            name: cls(
                api_key, faults=faults or FaultPlan(), **(options if name == "shannon" else {})
            )
            for name, cls in FAKES.items()
        }
        super().__init__(apps, host, start_port)
        self.api_key = api_key

    @property
    def truebit(self) -> FakeTruebit:
        return self.apps["truebit"]  # type: ignore[return-value]

    @property
    def anchorbrowser(self) -> FakeAnchorBrowser:
        return self.apps["anchorbrowser"]  # type: ignore[return-value]

    @property
    def shannon(self) -> FakeShannon:
        return self.apps["shannon"]  # type: ignore[return-value]

    @property
    def browseract(self) -> FakeBrowserAct:
        return self.apps["browseract"]  # type: ignore[return-value]

    @property
    def requests(self) -> int:
        return sum(app.requests for app in self.apps.values())

    @overload
    def client(
        self, vendor: Literal["truebit"], *, asynchronous: Literal[False] = ..., **kwargs: Any
    ) -> Truebit: ...
    @overload
    def client(
        self, vendor: Literal["anchorbrowser"], *, asynchronous: Literal[False] = ..., **kwargs: Any
    ) -> AnchorBrowser: ...
    @overload
    def client(
        self, vendor: Literal["shannon"], *, asynchronous: Literal[False] = ..., **kwargs: Any
    ) -> Shannon: ...
    @overload
    def client(
        self, vendor: Literal["browseract"], *, asynchronous: Literal[False] = ..., **kwargs: Any
    ) -> BrowserAct: ...
    @overload
    def client(
        self, vendor: Literal["truebit"], *, asynchronous: Literal[True], **kwargs: Any
    ) -> AsyncTruebit: ...
    @overload
    def client(
        self, vendor: Literal["anchorbrowser"], *, asynchronous: Literal[True], **kwargs: Any
    ) -> AsyncAnchorBrowser: ...
    @overload
    def client(
        self, vendor: Literal["shannon"], *, asynchronous: Literal[True], **kwargs: Any
    ) -> AsyncShannon: ...
    @overload
    def client(
        self, vendor: Literal["browseract"], *, asynchronous: Literal[True], **kwargs: Any
    ) -> AsyncBrowserAct: ...
    @overload
    def client(self, vendor: str, *, asynchronous: bool = ..., **kwargs: Any) -> Any: ...
    def client(self, vendor: str, *, asynchronous: bool = False, **kwargs: Any) -> Any:  # fmt: skip
        """A facade client of ``vendor`` pointed at its fake, with the fake's key (typed by
        vendor: ``client("shannon")`` is a ``Shannon``)."""
        import taskstatus
        from taskstatus._vendors import CLIENT_NAMES

        cls = getattr(taskstatus, ("Async" if asynchronous else "") + CLIENT_NAMES[vendor])
        kwargs.setdefault("api_key", self.api_key)
        return cls(base_url=self.url(vendor), **kwargs)
