"""Watch many handles to the end, feeding a Display (shared by ``wait`` and the demo)."""

from __future__ import annotations

import asyncio
from contextlib import aclosing
from typing import Any

from taskstatus._clients.many_async import as_completed_async
from taskstatus._errors import TaskStatusError, WaitTimeout
from taskstatus._model import TaskStatus
from taskstatus._waiting.flows import timeout_text
from taskstatus.cli._display import Display

Outcome = TaskStatus | TaskStatusError


def key_of(status: TaskStatus) -> tuple[str, str, str, str | None]:
    return (status.vendor, status.kind, status.task_id, status.execution_id)


def handle_key(handle: Any) -> tuple[str, str, str, str | None]:
    ids = handle.ids
    return (handle.vendor, handle.kind, ids[0], ids[1] if len(ids) > 1 else None)


async def watch(
    display: Display,
    handles: list[Any],
    timeout: float | None,
    started: float | None = None,
    told: float | None = None,
) -> dict[Any, Outcome]:
    """Wait for every handle (live display while it runs); each handle's final status or
    error.  ``started``: when the waits began, on the display's clock (a ``--follow`` ran
    first); ``told``: the timeout the user gave, for messages, when ``timeout`` is what is
    left of it."""
    outcomes: dict[Any, Outcome] = {}
    told = timeout if told is None else told
    for handle in handles:
        display.add(handle_key(handle), handle.vendor, handle.kind, "/".join(handle.ids), started)
    animator = asyncio.create_task(display.animate()) if display.live else None
    stream = as_completed_async(
        handles, timeout, on_status=lambda status: display.seen(key_of(status), status),
        on_retry=lambda handle, error, delay: display.retried(handle_key(handle), error),
    )  # fmt: skip
    try:
        async with aclosing(stream):
            async for handle in stream:
                try:
                    outcomes[handle] = status = await handle.wait()
                    display.seen(handle_key(handle), status)
                except TaskStatusError as exc:
                    outcomes[handle] = exc
                    display.failed(handle_key(handle), exc)
    except WaitTimeout:
        for handle in handles:
            if handle not in outcomes:
                last = handle.last_status
                row = display.rows[handle_key(handle)]
                ridden = row.last_failure
                outcomes[handle] = error = WaitTimeout(
                    timeout_text(told, last, ridden), last_status=last,
                    last_error=ridden, vendor=handle.vendor, task="/".join(handle.ids),
                )  # fmt: skip
                display.failed(handle_key(handle), error)
    finally:
        if animator is not None:
            animator.cancel()
            await asyncio.gather(animator, return_exceptions=True)
    return outcomes
