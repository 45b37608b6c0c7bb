"""taskstatus: where does a remote task stand, what did it produce, tell me when it is done.

One interface over Truebit, AnchorBrowser, Shannon and BrowserAct, sync and async::

    import taskstatus

    with taskstatus.Shannon(api_key="sk_...") as shannon:
        task = shannon.task("task-...")
        final = task.wait(timeout=600)      # a TaskStatus
        output = task.result(timeout=600)   # or raises TaskFailed

Clients, handles and the waiting machinery load on first use (they import httpx and the
generated clients); the errors and the status model are always here.
"""

from __future__ import annotations

import importlib
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
from typing import TYPE_CHECKING, Any

from taskstatus._errors import (
    APIError,
    AuthenticationError,
    BadResponse,
    ConfigurationError,
    RateLimited,
    ServerError,
    TaskCancelled,
    TaskFailed,
    TaskNotFound,
    TaskStatusError,
    TaskTimedOut,
    TransportError,
    UnsupportedOperation,
    WaitStopped,
    WaitTimeout,
)
from taskstatus._events import (
    MessageCompleted,
    MessageDelta,
    OtherEvent,
    StreamError,
    TaskEvent,
    WorkflowEvent,
)
from taskstatus._model import JSON, State, TaskStatus

__version__ = "0.2.0"

if TYPE_CHECKING:
    from taskstatus._clients.async_client import (
        AsyncAnchorBrowser,
        AsyncBrowserAct,
        AsyncCancellableTaskHandle,
        AsyncShannon,
        AsyncStreamingTaskHandle,
        AsyncTaskHandle,
        AsyncTruebit,
    )
    from taskstatus._clients.many_async import as_completed_async, wait_async
    from taskstatus._clients.many_sync import as_completed, wait
    from taskstatus._clients.sync_client import (
        AnchorBrowser,
        BrowserAct,
        CancellableTaskHandle,
        Shannon,
        StreamingTaskHandle,
        TaskHandle,
        Truebit,
    )
    from taskstatus._waiting.board import DoneAndNotDone
    from taskstatus._waiting.schedule import PollSchedule

_LAZY = {
    "Truebit": "taskstatus._clients.sync_client",
    "AnchorBrowser": "taskstatus._clients.sync_client",
    "Shannon": "taskstatus._clients.sync_client",
    "BrowserAct": "taskstatus._clients.sync_client",
    "TaskHandle": "taskstatus._clients.sync_client",
    "CancellableTaskHandle": "taskstatus._clients.sync_client",
    "StreamingTaskHandle": "taskstatus._clients.sync_client",
    "AsyncTruebit": "taskstatus._clients.async_client",
    "AsyncAnchorBrowser": "taskstatus._clients.async_client",
    "AsyncShannon": "taskstatus._clients.async_client",
    "AsyncBrowserAct": "taskstatus._clients.async_client",
    "AsyncTaskHandle": "taskstatus._clients.async_client",
    "AsyncCancellableTaskHandle": "taskstatus._clients.async_client",
    "AsyncStreamingTaskHandle": "taskstatus._clients.async_client",
    "as_completed": "taskstatus._clients.many_sync",
    "wait": "taskstatus._clients.many_sync",
    "as_completed_async": "taskstatus._clients.many_async",
    "wait_async": "taskstatus._clients.many_async",
    "DoneAndNotDone": "taskstatus._waiting.board",
    "PollSchedule": "taskstatus._waiting.schedule",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'taskstatus' has no attribute {name!r}")
    found = getattr(importlib.import_module(module), name)
    globals()[name] = found
    return found


__all__ = [
    "ALL_COMPLETED",
    "FIRST_COMPLETED",
    "FIRST_EXCEPTION",
    "JSON",
    "APIError",
    "AnchorBrowser",
    "AsyncAnchorBrowser",
    "AsyncBrowserAct",
    "AsyncCancellableTaskHandle",
    "AsyncShannon",
    "AsyncStreamingTaskHandle",
    "AsyncTaskHandle",
    "AsyncTruebit",
    "AuthenticationError",
    "BadResponse",
    "BrowserAct",
    "CancellableTaskHandle",
    "ConfigurationError",
    "DoneAndNotDone",
    "MessageCompleted",
    "MessageDelta",
    "OtherEvent",
    "PollSchedule",
    "RateLimited",
    "ServerError",
    "Shannon",
    "State",
    "StreamError",
    "StreamingTaskHandle",
    "TaskCancelled",
    "TaskEvent",
    "TaskFailed",
    "TaskHandle",
    "TaskNotFound",
    "TaskStatus",
    "TaskStatusError",
    "TaskTimedOut",
    "TransportError",
    "Truebit",
    "UnsupportedOperation",
    "WaitStopped",
    "WaitTimeout",
    "WorkflowEvent",
    "__version__",
    "as_completed",
    "as_completed_async",
    "wait",
    "wait_async",
]
