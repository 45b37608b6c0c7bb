"""The blocking clients and their handles (twin of ``async_client``)."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

import httpx

from taskstatus._clients.core import ClientCore, HandleCore, result_of
from taskstatus._clients.kinds import AnchorBrowserKinds, SingleKind, TruebitKinds
from taskstatus._http import DEFAULT_TIMEOUT, SyncTransport
from taskstatus._model import TaskStatus
from taskstatus._waiting.drive import drive_sync
from taskstatus._waiting.flows import Flow, OnStatus
from taskstatus._waiting.schedule import PollSchedule


class SyncClient(ClientCore):
    """A blocking client of one vendor; use it as a context manager or call ``close()``."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        retry_budget: float = 30.0,
        http_client: httpx.Client | None = None,
        schedule: PollSchedule | None = None,
    ):
        super().__init__(
            api_key, base_url, timeout=timeout, max_retries=max_retries,
            retry_budget=retry_budget, schedule=schedule,
        )  # fmt: skip
        self._transport = SyncTransport(
            self._vendor, self.base_url, self._settings.api_key, self._timeout, http_client
        )

    def _handle(self, kind: str, *ids: str) -> TaskHandle:
        return TaskHandle(self, self._target(kind, *ids))

    def resume(self, token: str) -> TaskHandle:
        """The handle a ``token()`` was made from (same vendor and base URL only)."""
        return TaskHandle(self, self._target_from_token(token))

    def _run(self, flow: Flow[Any]) -> Any:
        return drive_sync(flow, self._transport.send)

    def close(self) -> None:
        """Close the HTTP client, unless it was the caller's own."""
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class TaskHandle(HandleCore[SyncClient]):
    """One task: ask its status, wait for it, get its result, cancel it."""

    def status(self) -> TaskStatus:
        """One status request (retried on transient errors within the client's retry policy)."""
        return self._client._run(self._status_flow())  # type: ignore[no-any-return]

    def wait(self, timeout: float | None = None, on_status: OnStatus | None = None) -> TaskStatus:
        """Block until the task is terminal; return the final status.

        ``timeout`` (seconds, monotonic; None waits without limit) raises WaitTimeout, which
        carries ``last_status``.  ``on_status`` is called with each changed status.
        """
        return self._client._run(self._wait_flow(timeout, on_status))  # type: ignore[no-any-return]

    def result(self, timeout: float | None = None) -> Any:
        """Wait, then return the output; raise TaskFailed (or a subclass) if it did not succeed."""
        return result_of(self.wait(timeout))

    def cancel(self) -> bool:
        """Ask the vendor to cancel; True if it accepted. UnsupportedOperation where it cannot."""
        return self._client._run(self._cancel_flow())  # type: ignore[no-any-return]


class Truebit(SyncClient, TruebitKinds[TaskHandle]):
    """Truebit API and function tasks. Key: ``TRUEBIT_API_KEY`` (optional)."""

    vendor_name = "truebit"


class AnchorBrowser(SyncClient, AnchorBrowserKinds[TaskHandle]):
    """AnchorBrowser v1 task executions and v2 runs. Key: ``ANCHORBROWSER_API_KEY``."""

    vendor_name = "anchorbrowser"


class Shannon(SyncClient, SingleKind[TaskHandle]):
    """Shannon gateway tasks. Key: ``SHANNON_API_KEY``; default base URL http://localhost:8080."""

    vendor_name = "shannon"


class BrowserAct(SyncClient, SingleKind[TaskHandle]):
    """BrowserAct workflow tasks. Key: ``BROWSERACT_API_KEY``."""

    vendor_name = "browseract"
