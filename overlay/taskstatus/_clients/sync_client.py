"""The blocking clients and their handles (twin of ``async_client``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from contextlib import closing
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
from taskstatus._http import DEFAULT_TIMEOUT, SyncTransport
from taskstatus._model import JSON, R, TaskStatus
from taskstatus._waiting.drive import drive_sync
from taskstatus._waiting.flows import Flow, OnStatus, Target
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.stream_sync import stream_events


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
        streaming: bool = True,
        hints: WebhookReceiver | None = None,
        safety_interval: float = SAFETY_INTERVAL,
    ):
        super().__init__(
            api_key, base_url, timeout=timeout, max_retries=max_retries,
            retry_budget=retry_budget, schedule=schedule, streaming=streaming,
            hints=hints, safety_interval=safety_interval,
        )  # fmt: skip
        self._transport = SyncTransport(
            self._vendor, self.base_url, self._settings.api_key, self._timeout, http_client
        )

    def _handle(self, kind: str, *ids: str) -> TaskHandle:
        return self._wrap(self._target(kind, *ids))

    def resume(self, token: str) -> TaskHandle:
        """The handle a ``token()`` was made from (same vendor and base URL only); it is a
        CancellableTaskHandle or StreamingTaskHandle where the kind can do that."""
        return self._wrap(self._target_from_token(token))

    def _wrap(self, target: Target) -> TaskHandle:
        cls = handle_class(target.kind, TaskHandle, CancellableTaskHandle, StreamingTaskHandle)
        return cls(self, target)  # type: ignore[no-any-return]

    def _generated_client(self) -> Any:
        return super()._generated_client().set_httpx_client(self._transport.for_generated())

    def _run(self, flow: Flow[Any], sleep: Callable[[float], object] = time.sleep) -> Any:
        return drive_sync(flow, self._transport.send, sleep)

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


class TaskHandle(HandleCore[SyncClient], Generic[R]):
    """One task: ask its status, wait for it, get its result.  ``R`` is the generated model
    of its status answer (``TaskStatus.raw``).  Kinds that can be cancelled have a
    CancellableTaskHandle, kinds that stream a StreamingTaskHandle."""

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            raise unsupported(self, name)

    def status(self) -> TaskStatus[R]:
        """One status request (retried on transient errors within the client's retry policy)."""
        return self._client._run(self._status_flow())  # type: ignore[no-any-return]

    def wait(
        self, timeout: float | None = None, on_status: OnStatus | None = None
    ) -> TaskStatus[R]:
        """Block until the task is terminal; return the final status.

        ``timeout`` (seconds, monotonic; None waits without limit) raises WaitTimeout, which
        carries ``last_status``.  ``on_status`` is called with each changed status.
        """
        listener = self._hint_listener()
        if listener is not None:  # deliveries wake it; between them, the safety-net poll
            try:
                flow = self._wait_flow(timeout, on_status, schedule=self._client._safety)
                return self._client._run(flow, listener.sleep)  # type: ignore[no-any-return]
            finally:
                self._forget(listener)
        if not self._streamed() or self._final is not None:
            return self._client._run(self._wait_flow(timeout, on_status))  # type: ignore[no-any-return]
        deadline = self._deadline(timeout)
        try:
            first = self._probe(deadline)  # also: the task exists, the key works
        except TaskStatusError as exc:
            if not exc.transient:
                raise
            # Polling rides it out within the deadline, after the delay the failure asks for.
            flow = self._wait_flow(self._remaining(deadline), on_status, None, exc)
            return self._client._run(flow)  # type: ignore[no-any-return]
        reported = self._report(first, on_status, None)
        if first.done:
            return first
        error: TaskStatusError | None = None
        try:
            reported = self._follow(deadline, timeout, on_status, reported)
        except WaitTimeout:
            raise self._stream_timed_out(timeout) from None
        except TaskStatusError as exc:
            error = exc
        self._stream_ended(error)
        # The final status is always confirmed by a status call: the first poll of the flow,
        # which goes on polling if the stream ended early or could not be used.
        flow = self._wait_flow(self._remaining(deadline), on_status, reported, error)
        return self._client._run(flow)  # type: ignore[no-any-return]

    def _follow(
        self,
        deadline: float | None,
        timeout: float | None,
        on_status: OnStatus | None,
        reported: TaskStatus,
    ) -> TaskStatus:
        """Stream until the workflow ends or the stream does.  The stream is reopened after
        its last event every SILENT_STREAM_CHECK seconds; when none came in that time, the
        status is asked for first (an expired workflow's stream sends pings only)."""
        target, last_id = self._stream_target(), None
        while True:
            check_at, heard = self._check_at(deadline), last_id
            try:
                with closing(
                    stream_events(self._client._transport, target, check_at, timeout,
                                  last_id=last_id)
                ) as events:  # fmt: skip
                    for event in events:
                        last_id = event.id or last_id
                        if ends(event):
                            return reported
                        refreshed = self._refresh(deadline) if self._refreshes(event) else None
                        if refreshed is not None:
                            reported = self._report(refreshed, on_status, reported)
                return reported  # the stream ended
            except WaitTimeout:
                if check_at == deadline:
                    raise
            if last_id != heard:
                continue  # events came: the stream is alive; reconnect after the last one
            refreshed = self._refresh(deadline)  # silent: is the task still going?
            if refreshed is not None:
                reported = self._report(refreshed, on_status, reported)
                if refreshed.done:
                    return reported

    def _probe(self, deadline: float | None) -> TaskStatus:
        """One status call inside a streaming wait (not retried)."""
        return self._client._run(self._probe_flow(deadline))  # type: ignore[no-any-return]

    def _refresh(self, deadline: float | None) -> TaskStatus | None:
        """A status refresh while streaming; None after a transient failure (the stream goes on)."""
        try:
            return self._probe(deadline)
        except TaskStatusError as exc:
            if exc.transient:
                return None
            raise

    def result(self, timeout: float | None = None) -> JSON:
        """Wait, then return the output; raise TaskFailed (or a subclass) if it did not succeed."""
        return result_of(self.wait(timeout))


class CancellableTaskHandle(TaskHandle[R]):
    """A task of a kind the vendor can cancel (Shannon, BrowserAct)."""

    def cancel(self) -> bool:
        """Ask the vendor to cancel; True if it accepted."""
        return self._client._run(self._cancel_flow())  # type: ignore[no-any-return]


class StreamingTaskHandle(CancellableTaskHandle[R]):
    """A task of a kind with a live event stream (Shannon); ``wait()`` follows it."""

    def events(self, timeout: float | None = None) -> Generator[TaskEvent, None, None]:
        """The task's live events: message deltas and completions, lifecycle steps, errors and
        every other event; ends at the stream's end.  Reconnects after a drop without losing
        or repeating an event.  WaitTimeout after ``timeout`` seconds."""
        target = self._stream_target()
        deadline = self._deadline(timeout)
        return stream_events(self._client._transport, target, deadline, timeout)


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
        TaskHandle[ExecuteApiSyncResponse], TaskHandle[ExecuteTaskSyncResponse]
    ]
    _AnchorBrowserKinds = AnchorBrowserKinds[
        TaskHandle[TaskExecutionResultResponse], TaskHandle[TaskRunStatusV2Response]
    ]
    _ShannonKinds = ShannonKinds[StreamingTaskHandle[ShannonStatusResponse]]
    _BrowserActKinds = BrowserActKinds[
        CancellableTaskHandle[WorkflowTaskResponse | BrowserActStatusResponse]
    ]
else:
    _TruebitKinds = TruebitKinds[TaskHandle, TaskHandle]
    _AnchorBrowserKinds = AnchorBrowserKinds[TaskHandle, TaskHandle]
    _ShannonKinds = ShannonKinds[StreamingTaskHandle]
    _BrowserActKinds = BrowserActKinds[CancellableTaskHandle]


class Truebit(SyncClient, _TruebitKinds):
    """Truebit API and function tasks. Key: ``TRUEBIT_API_KEY`` (optional)."""

    vendor_name = "truebit"
    api = GeneratedClient[TruebitAPI]()


class AnchorBrowser(SyncClient, _AnchorBrowserKinds):
    """AnchorBrowser v1 task executions and v2 runs. Key: ``ANCHORBROWSER_API_KEY``."""

    vendor_name = "anchorbrowser"
    api = GeneratedClient[AnchorBrowserAPI]()


class Shannon(SyncClient, _ShannonKinds):
    """Shannon gateway tasks. Key: ``SHANNON_API_KEY``; default base URL http://localhost:8080."""

    vendor_name = "shannon"
    api = GeneratedClient[ShannonAPI]()


class BrowserAct(SyncClient, _BrowserActKinds):
    """BrowserAct workflow tasks. Key: ``BROWSERACT_API_KEY``."""

    vendor_name = "browseract"
    api = GeneratedClient[BrowserActAPI]()
