"""Waiting for many tasks at once with asyncio (twin of ``many_sync``).

One task per handle; each client's transport bounds its requests in flight (httpx's pool
spends CPU, and times requests out, when many queue on it), and leaving early cancels every
wait it started.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, Iterable
from concurrent.futures import ALL_COMPLETED
from contextlib import aclosing

from taskstatus._clients.async_client import AsyncTaskHandle
from taskstatus._errors import TaskStatusError
from taskstatus._vendors._base import Answer
from taskstatus._waiting.drive import drive_async
from taskstatus._waiting.flows import OnStatus, Send
from taskstatus._waiting.many_common import (
    DoneAndNotDone,
    check_return_when,
    finished,
    should_stop,
    timed_out,
    unique,
)


async def as_completed_async(
    handles: Iterable[AsyncTaskHandle],
    timeout: float | None = None,
    *,
    on_status: OnStatus | None = None,
    max_in_flight: int = 64,
) -> AsyncGenerator[AsyncTaskHandle, None]:
    """Async twin of ``as_completed``: yield each handle as its task ends (or its wait fails).

    Raises WaitTimeout when ``timeout`` passes first.  To leave early, close the iterator
    (``contextlib.aclosing``) so the remaining waits are cancelled at once.
    """
    todo = unique(handles)
    deadline = None if timeout is None else time.monotonic() + timeout
    queue: asyncio.Queue[AsyncTaskHandle] = asyncio.Queue()
    gate = asyncio.Semaphore(max(1, max_in_flight))

    async def watch(handle: AsyncTaskHandle) -> None:
        async def send(step: Send) -> Answer:
            async with gate:  # this call's own bound, below each client's
                return await handle._client._transport.send(step)

        try:
            await drive_async(handle._wait_flow(None, on_status), send)
        except TaskStatusError as exc:
            handle._error = exc
        queue.put_nowait(handle)

    for handle in todo:
        if finished(handle):
            queue.put_nowait(handle)
    watchers = [asyncio.create_task(watch(h)) for h in todo if not finished(h)]
    try:
        for yielded in range(len(todo)):
            remaining = None if deadline is None else deadline - time.monotonic()
            try:
                handle = await asyncio.wait_for(queue.get(), remaining)
            except TimeoutError:
                raise timed_out(len(todo) - yielded, len(todo), timeout) from None
            yield handle
    finally:
        for watcher in watchers:
            watcher.cancel()
        await asyncio.gather(*watchers, return_exceptions=True)


async def wait_async(
    handles: Iterable[AsyncTaskHandle],
    timeout: float | None = None,
    return_when: str = ALL_COMPLETED,
    *,
    on_status: OnStatus | None = None,
    max_in_flight: int = 64,
) -> DoneAndNotDone[AsyncTaskHandle]:
    """Async twin of ``wait`` (``asyncio.wait`` semantics, but waits it started and no longer
    needs are cancelled, never left running)."""
    check_return_when(return_when)
    todo = unique(handles)
    done: set[AsyncTaskHandle] = set()
    stream = as_completed_async(todo, timeout, on_status=on_status, max_in_flight=max_in_flight)
    async with aclosing(stream):
        try:
            async for handle in stream:
                done.add(handle)
                if should_stop(return_when, handle):
                    break
        except TimeoutError:
            pass
    return DoneAndNotDone(done, {h for h in todo if h not in done})
