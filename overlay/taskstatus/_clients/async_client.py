"""The clients and their handles.  The twins only drive flows: every rule of waiting is in
``taskstatus._waiting``.  The asyncio twin is the source of the blocking one
(``sync_client.py``, written by ``tools/unasync.py``; ``nox -s lint`` fails when it is stale).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self

import httpx
from anchorbrowser_client import AuthenticatedClient as AnchorBrowserAPI
from browseract_client import AuthenticatedClient as BrowserActAPI
from shannon_client import AuthenticatedClient as ShannonAPI
from truebit_client import AuthenticatedClient as TruebitAPI

from taskstatus._clients.constructors import (
    AnchorBrowserHandles,
    BrowserActHandles,
    ShannonHandles,
    TruebitHandles,
)
from taskstatus._clients.core import (
    ClientCore,
    Context,
    GeneratedClient,
    HandleCore,
    handle_class,
    result_of,
    unsupported,
)
from taskstatus._events import TaskEvent
from taskstatus._io.drive_async import AsyncCarrier, drive_async, events_async
from taskstatus._io.hints import LoopWakeup
from taskstatus._io.http import DEFAULT_TIMEOUT, AsyncTransport
from taskstatus._io.streams import AsyncStreams
from taskstatus._model import JSON, R, TaskStatus
from taskstatus._waiting.flows import Observed
from taskstatus._waiting.plan import SAFETY_INTERVAL
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.steps import Flow, HintSource, OnRetry, OnStatus, TaskRef
from taskstatus._waiting.watch import DoneCallback, StopSignal, Watch


class AsyncClient(ClientCore):
    """A client of one vendor; use it as a context manager (``async with``) or close it."""

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
        hints: HintSource | None = None,
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
        self._context = Context(
            self.base_url,
            self._plan,
            self._clock,
            hints,
            self._transport.send,
            self._drive,
            self._carrier,
        )

    def _handle(self, kind: str, *ids: str) -> AsyncTaskHandle:
        return self._wrap(self._ref(kind, *ids))

    def resume(self, token: str) -> AsyncTaskHandle:
        """The handle a ``token()`` was made from (same vendor and base URL only); it can
        cancel or stream where its kind can."""
        return self._wrap(self._ref_from_token(token))

    def _wrap(self, ref: TaskRef) -> AsyncTaskHandle:
        cls = handle_class(
            ref.kind, AsyncTaskHandle, AsyncCancellableTaskHandle, AsyncStreamingTaskHandle
        )
        return cls(self._context, ref)  # type: ignore[no-any-return]

    def _generated_client(self) -> Any:
        client = super()._generated_client()
        return client.set_async_httpx_client(self._transport.for_generated())

    def _carrier(self, wakeup: LoopWakeup | None = None, streams: bool = False,
                 watch: Watch | None = None) -> AsyncCarrier:  # fmt: skip
        return AsyncCarrier(
            self._transport.send, asyncio.sleep,
            AsyncStreams(self._transport) if streams else None, wakeup, watch,
        )  # fmt: skip

    async def _drive(self, flow: Flow[Any], hint_id: str | None = None,
                     streams: bool = False, watch: Watch | None = None) -> Any:  # fmt: skip
        """Run ``flow`` over this client's connections; a wait on ``hint_id`` is woken by the
        hints that name it; ``watch`` stops, traces and reports it."""
        if hint_id is None or self._hints is None:
            return await drive_async(flow, self._carrier(None, streams, watch))
        wakeup = LoopWakeup()
        unsubscribe = self._hints.subscribe(hint_id, wakeup.wake)
        try:
            return await drive_async(flow, self._carrier(wakeup, streams, watch))
        finally:
            unsubscribe()

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


class AsyncTaskHandle(HandleCore, Generic[R]):
    """One task: ask its status, wait for it, get its result.  ``R`` is the generated model
    of its status answer (``TaskStatus.raw``).  Kinds that can be cancelled have a
    cancellable handle, kinds that stream a streaming one."""

    __slots__ = ()

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            raise unsupported(self, name)

    async def status(self) -> TaskStatus[R]:
        """One status request (retried on transient errors within the client's retry policy)."""
        return await self._context.drive(self._status_flow())  # type: ignore[no-any-return]

    async def wait(
        self,
        timeout: float | None = None,
        on_status: OnStatus | None = None,
        *,
        stop: StopSignal | None = None,
        on_done: DoneCallback | None = None,
        on_retry: OnRetry | None = None,
    ) -> TaskStatus[R]:
        """Wait until the task is terminal; return the final status.

        ``timeout`` (seconds, monotonic, 0 or more; None waits without limit) raises
        WaitTimeout, which carries ``last_status`` and ``last_error`` (the last failure it
        rode out).  ``on_status`` is called with each changed status, ``on_retry`` with each
        transient failure ridden out and the seconds until the next try.  ``stop`` (a
        ``threading.Event``, from any thread) ends the wait within 0.1 s with WaitStopped;
        the task is not cancelled.  ``on_done`` is called once with the final status or the
        error that ended the wait.  The vendor's stream is followed where it has one; hints
        wake the wait where the client has them.
        """
        return await self._waited(timeout, on_status, stop, on_done, "wait", on_retry)

    async def _waited(self, timeout: float | None, on_status: OnStatus | None,
                      stop: StopSignal | None, on_done: DoneCallback | None, operation: str,
                      on_retry: OnRetry | None = None) -> TaskStatus[R]:  # fmt: skip
        flow = self._wait_flow(timeout, on_status, on_retry)
        watch = self._watch(stop, on_done, operation)
        return await self._context.drive(flow, self._hint_id(), True, watch)  # type: ignore[no-any-return]

    async def _check(self) -> Observed:
        """One status call, not retried, with the server's Retry-After: a run of a watch
        that keeps its own state between checks (``taskstatus.celery``)."""
        return await self._context.drive(self._check_flow())  # type: ignore[no-any-return]

    async def result(
        self,
        timeout: float | None = None,
        *,
        stop: StopSignal | None = None,
        on_done: DoneCallback | None = None,
    ) -> JSON:
        """Wait, then return the output; raise TaskFailed (or a subclass) if it did not succeed.
        ``stop`` and ``on_done`` as for ``wait()`` (``on_done`` gets the final status)."""
        return result_of(await self._waited(timeout, None, stop, on_done, "result"))


class AsyncCancellableTaskHandle(AsyncTaskHandle[R]):
    """A task of a kind the vendor can cancel (Shannon, BrowserAct)."""

    __slots__ = ()

    async def cancel(self) -> bool:
        """Ask the vendor to cancel; True if it accepted."""
        return await self._context.drive(self._cancel_flow())  # type: ignore[no-any-return]


class AsyncStreamingTaskHandle(AsyncCancellableTaskHandle[R]):
    """A task of a kind with a live event stream (Shannon); ``wait()`` follows it."""

    __slots__ = ()

    def events(
        self, timeout: float | None = None, *, stop: StopSignal | None = None
    ) -> AsyncGenerator[TaskEvent, None]:
        """The task's live events: message deltas and completions, lifecycle steps, errors and
        every other event; ends at the stream's end.  Reconnects after a drop without losing
        or repeating an event.  WaitTimeout after ``timeout`` seconds; WaitStopped within
        0.1 s of ``stop`` being set."""
        flow = self._events_flow(timeout)
        watch = self._watch(stop, None, "events")
        return events_async(flow, self._context.carrier(None, True, watch))


# The handle types of each vendor's kinds, typed by the generated model of their status
# answers.  Only the type checker needs the models: importing every generated model module
# would double the time ``import taskstatus; taskstatus.Shannon`` takes.
if TYPE_CHECKING:
    from anchorbrowser_client.models import TaskExecutionResultResponse, TaskRunStatusV2Response
    from browseract_client.models import TaskStatusResponse as BrowserActStatusResponse
    from browseract_client.models import WorkflowTaskResponse
    from shannon_client.models import TaskStatusResponse as ShannonStatusResponse
    from truebit_client.models import ExecuteApiSyncResponse, ExecuteTaskSyncResponse

    _TruebitHandles = TruebitHandles[
        AsyncTaskHandle[ExecuteApiSyncResponse], AsyncTaskHandle[ExecuteTaskSyncResponse]
    ]
    _AnchorBrowserHandles = AnchorBrowserHandles[
        AsyncTaskHandle[TaskExecutionResultResponse], AsyncTaskHandle[TaskRunStatusV2Response]
    ]
    _ShannonHandles = ShannonHandles[AsyncStreamingTaskHandle[ShannonStatusResponse]]
    _BrowserActHandles = BrowserActHandles[
        AsyncCancellableTaskHandle[WorkflowTaskResponse | BrowserActStatusResponse]
    ]
else:
    _TruebitHandles = TruebitHandles[AsyncTaskHandle, AsyncTaskHandle]
    _AnchorBrowserHandles = AnchorBrowserHandles[AsyncTaskHandle, AsyncTaskHandle]
    _ShannonHandles = ShannonHandles[AsyncStreamingTaskHandle]
    _BrowserActHandles = BrowserActHandles[AsyncCancellableTaskHandle]


class AsyncTruebit(AsyncClient, _TruebitHandles):
    """Truebit API and function tasks. Key: ``TRUEBIT_API_KEY`` (optional)."""

    vendor_name = "truebit"
    api = GeneratedClient[TruebitAPI]()


class AsyncAnchorBrowser(AsyncClient, _AnchorBrowserHandles):
    """AnchorBrowser v1 task executions and v2 runs. Key: ``ANCHORBROWSER_API_KEY``."""

    vendor_name = "anchorbrowser"
    api = GeneratedClient[AnchorBrowserAPI]()


class AsyncShannon(AsyncClient, _ShannonHandles):
    """Shannon gateway tasks. Key: ``SHANNON_API_KEY``; default base URL http://localhost:8080."""

    vendor_name = "shannon"
    api = GeneratedClient[ShannonAPI]()


class AsyncBrowserAct(AsyncClient, _BrowserActHandles):
    """BrowserAct workflow tasks. Key: ``BROWSERACT_API_KEY``."""

    vendor_name = "browseract"
    api = GeneratedClient[BrowserActAPI]()
