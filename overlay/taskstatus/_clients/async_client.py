"""The asyncio clients and their handles (twin of ``sync_client``)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import aclosing
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self

import httpx
from anchorbrowser_client import AuthenticatedClient as AnchorBrowserAPI
from browseract_client import AuthenticatedClient as BrowserActAPI
from shannon_client import AuthenticatedClient as ShannonAPI
from truebit_client import AuthenticatedClient as TruebitAPI

from taskstatus._clients.core import (
    SAFETY_INTERVAL,
    ClientCore,
    GeneratedClient,
    HandleCore,
    handle_class,
    result_of,
    unsupported,
)
from taskstatus._clients.kinds import (
    AnchorBrowserKinds,
    BrowserActKinds,
    ShannonKinds,
    TruebitKinds,
)
from taskstatus._errors import TaskStatusError, WaitTimeout
from taskstatus._events import TaskEvent, ends
from taskstatus._http import DEFAULT_TIMEOUT, AsyncTransport
from taskstatus._model import JSON, R, TaskStatus
from taskstatus._waiting.drive import drive_async
from taskstatus._waiting.flows import Flow, OnStatus, Target
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.stream_async import stream_events_async


class AsyncClient(ClientCore):
    """An asyncio client of one vendor; use ``async with`` or call ``aclose()``."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        retry_budget: float = 30.0,
        http_client: httpx.AsyncClient | None = None,
        schedule: PollSchedule | None = None,
        streaming: bool = True,
        hints: WebhookReceiver | None = None,
        safety_interval: float = SAFETY_INTERVAL,
    ):
        super().__init__(
            api_key, base_url, timeout=timeout, max_retries=max_retries,
            retry_budget=retry_budget, schedule=schedule, streaming=streaming,
            hints=hints, safety_interval=safety_interval,
        )  # fmt: skip
        self._transport = AsyncTransport(
            self._vendor, self.base_url, self._settings.api_key, self._timeout, http_client
        )

    def _handle(self, kind: str, *ids: str) -> AsyncTaskHandle:
        return self._wrap(self._target(kind, *ids))

    def resume(self, token: str) -> AsyncTaskHandle:
        """The handle a ``token()`` was made from (same vendor and base URL only); it is an
        AsyncCancellableTaskHandle or AsyncStreamingTaskHandle where the kind can do that."""
        return self._wrap(self._target_from_token(token))

    def _wrap(self, target: Target) -> AsyncTaskHandle:
        cls = handle_class(
            target.kind, AsyncTaskHandle, AsyncCancellableTaskHandle, AsyncStreamingTaskHandle
        )
        return cls(self, target)  # type: ignore[no-any-return]

    def _generated_client(self) -> Any:
        client = super()._generated_client()
        return client.set_async_httpx_client(self._transport.for_generated())

    async def _run(
        self, flow: Flow[Any], sleep: Callable[[float], Awaitable[object]] = asyncio.sleep
    ) -> Any:
        return await drive_async(flow, self._transport.send, sleep)

    async def aclose(self) -> None:
        """Close the HTTP client, unless it was the caller's own."""
        await self._transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class AsyncTaskHandle(HandleCore[AsyncClient], Generic[R]):
    """One task, asyncio twin of TaskHandle: the same methods, as coroutines."""

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            raise unsupported(self, name)

    async def status(self) -> TaskStatus[R]:
        """One status request (retried on transient errors within the client's retry policy)."""
        return await self._client._run(self._status_flow())  # type: ignore[no-any-return]

    async def wait(
        self, timeout: float | None = None, on_status: OnStatus | None = None
    ) -> TaskStatus[R]:
        """Wait until the task is terminal; return the final status.

        ``timeout`` (seconds, monotonic; None waits without limit) raises WaitTimeout, which
        carries ``last_status``.  ``on_status`` is called with each changed status.
        """
        listener = self._hint_listener()
        if listener is not None:  # deliveries wake it; between them, the safety-net poll
            try:
                flow = self._wait_flow(timeout, on_status, schedule=self._client._safety)
                return await self._client._run(flow, listener.sleep_async)  # type: ignore[no-any-return]
            finally:
                self._forget(listener)
        if not self._streamed() or self._final is not None:
            return await self._client._run(self._wait_flow(timeout, on_status))  # type: ignore[no-any-return]
        deadline = self._deadline(timeout)
        try:
            first = await self._probe(deadline)  # also: the task exists, the key works
        except TaskStatusError as exc:
            if not exc.transient:
                raise
            # Polling rides it out within the deadline, after the delay the failure asks for.
            flow = self._wait_flow(self._remaining(deadline), on_status, None, exc)
            return await self._client._run(flow)  # type: ignore[no-any-return]
        reported = self._report(first, on_status, None)
        if first.done:
            return first
        error: TaskStatusError | None = None
        try:
            reported = await self._follow(deadline, timeout, on_status, reported)
        except WaitTimeout:
            raise self._stream_timed_out(timeout) from None
        except TaskStatusError as exc:
            error = exc
        self._stream_ended(error)
        flow = self._wait_flow(self._remaining(deadline), on_status, reported, error)
        return await self._client._run(flow)  # type: ignore[no-any-return]

    async def _follow(
        self,
        deadline: float | None,
        timeout: float | None,
        on_status: OnStatus | None,
        reported: TaskStatus,
    ) -> TaskStatus:
        """Async twin of TaskHandle._follow."""
        target, last_id = self._stream_target(), None
        while True:
            check_at, heard = self._check_at(deadline), last_id
            try:
                async with aclosing(
                    stream_events_async(self._client._transport, target, check_at, timeout,
                                        last_id=last_id)
                ) as events:  # fmt: skip
                    async for event in events:
                        last_id = event.id or last_id
                        if ends(event):
                            return reported
                        refreshed = (
                            await self._refresh(deadline) if self._refreshes(event) else None
                        )
                        if refreshed is not None:
                            reported = self._report(refreshed, on_status, reported)
                return reported  # the stream ended
            except WaitTimeout:
                if check_at == deadline:
                    raise
            if last_id != heard:
                continue  # events came: the stream is alive; reconnect after the last one
            refreshed = await self._refresh(deadline)  # silent: is the task still going?
            if refreshed is not None:
                reported = self._report(refreshed, on_status, reported)
                if refreshed.done:
                    return reported

    async def _probe(self, deadline: float | None) -> TaskStatus:
        """One status call inside a streaming wait (not retried)."""
        return await self._client._run(self._probe_flow(deadline))  # type: ignore[no-any-return]

    async def _refresh(self, deadline: float | None) -> TaskStatus | None:
        """A status refresh while streaming; None after a transient failure (the stream goes on)."""
        try:
            return await self._probe(deadline)
        except TaskStatusError as exc:
            if exc.transient:
                return None
            raise

    async def result(self, timeout: float | None = None) -> JSON:
        """Wait, then return the output; raise TaskFailed (or a subclass) if it did not succeed."""
        return result_of(await self.wait(timeout))


class AsyncCancellableTaskHandle(AsyncTaskHandle[R]):
    """Async twin of CancellableTaskHandle."""

    async def cancel(self) -> bool:
        """Ask the vendor to cancel; True if it accepted."""
        return await self._client._run(self._cancel_flow())  # type: ignore[no-any-return]


class AsyncStreamingTaskHandle(AsyncCancellableTaskHandle[R]):
    """Async twin of StreamingTaskHandle."""

    def events(self, timeout: float | None = None) -> AsyncGenerator[TaskEvent, None]:
        """Async twin of StreamingTaskHandle.events(): an async iterator of live events."""
        target = self._stream_target()
        deadline = self._deadline(timeout)
        return stream_events_async(self._client._transport, target, deadline, timeout)


# The handle types of each vendor's kinds, typed by the generated model of their status
# answers.  Only the type checker needs the models: importing every generated model module
# would double the time ``import taskstatus; taskstatus.Shannon`` takes.
if TYPE_CHECKING:
    from anchorbrowser_client.models import TaskExecutionResultResponse, TaskRunStatusV2Response
    from browseract_client.models import TaskStatusResponse as BrowserActStatusResponse
    from browseract_client.models import WorkflowTaskResponse
    from shannon_client.models import TaskStatusResponse as ShannonStatusResponse
    from truebit_client.models import ExecuteApiSyncResponse, ExecuteTaskSyncResponse

    from taskstatus.webhooks import WebhookReceiver

    _TruebitKinds = TruebitKinds[
        AsyncTaskHandle[ExecuteApiSyncResponse], AsyncTaskHandle[ExecuteTaskSyncResponse]
    ]
    _AnchorBrowserKinds = AnchorBrowserKinds[
        AsyncTaskHandle[TaskExecutionResultResponse], AsyncTaskHandle[TaskRunStatusV2Response]
    ]
    _ShannonKinds = ShannonKinds[AsyncStreamingTaskHandle[ShannonStatusResponse]]
    _BrowserActKinds = BrowserActKinds[
        AsyncCancellableTaskHandle[WorkflowTaskResponse | BrowserActStatusResponse]
    ]
else:
    _TruebitKinds = TruebitKinds[AsyncTaskHandle, AsyncTaskHandle]
    _AnchorBrowserKinds = AnchorBrowserKinds[AsyncTaskHandle, AsyncTaskHandle]
    _ShannonKinds = ShannonKinds[AsyncStreamingTaskHandle]
    _BrowserActKinds = BrowserActKinds[AsyncCancellableTaskHandle]


class AsyncTruebit(AsyncClient, _TruebitKinds):
    """Truebit API and function tasks. Key: ``TRUEBIT_API_KEY`` (optional)."""

    vendor_name = "truebit"
    api = GeneratedClient[TruebitAPI]()


class AsyncAnchorBrowser(AsyncClient, _AnchorBrowserKinds):
    """AnchorBrowser v1 task executions and v2 runs. Key: ``ANCHORBROWSER_API_KEY``."""

    vendor_name = "anchorbrowser"
    api = GeneratedClient[AnchorBrowserAPI]()


class AsyncShannon(AsyncClient, _ShannonKinds):
    """Shannon gateway tasks. Key: ``SHANNON_API_KEY``; default base URL http://localhost:8080."""

    vendor_name = "shannon"
    api = GeneratedClient[ShannonAPI]()


class AsyncBrowserAct(AsyncClient, _BrowserActKinds):
    """BrowserAct workflow tasks. Key: ``BROWSERACT_API_KEY``."""

    vendor_name = "browseract"
    api = GeneratedClient[BrowserActAPI]()
