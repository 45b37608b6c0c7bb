"""Waiting for many tasks at once with asyncio (twin of ``many_sync``).

One loop drives every handle's wait flow through a ``Board``; at most ``max_in_flight``
requests run at once, each as a short asyncio task, and a sleeping wait costs a heap entry,
not a task or a timer.  Leaving early (closing the iterator) cancels every request in flight.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncGenerator, Iterable
from concurrent.futures import ALL_COMPLETED
from contextlib import aclosing
from typing import Any, TypeVar

from taskstatus._clients.async_client import AsyncTaskHandle
from taskstatus._model import TaskStatus
from taskstatus._vendors._base import Answer
from taskstatus._waiting.flows import Flow, OnStatus
from taskstatus._waiting.many_common import (
    Board,
    DoneAndNotDone,
    ReturnWhen,
    check_return_when,
    should_stop,
    unique,
)

HT = TypeVar("HT", bound=AsyncTaskHandle[Any])  # the handles given are the handles yielded


async def as_completed_async(
    handles: Iterable[HT],
    timeout: float | None = None,
    *,
    on_status: OnStatus | None = None,
    max_in_flight: int = 64,
) -> AsyncGenerator[HT, None]:
    """Async twin of ``as_completed``: yield each handle as its task ends (or its wait fails).

    Raises WaitTimeout when ``timeout`` passes first.  To leave early, close the iterator
    (``contextlib.aclosing``) so the requests in flight are cancelled at once.
    """
    loop = asyncio.get_running_loop()
    clock = time.monotonic  # the flows' clock (an event loop's own clock may differ)
    board = Board(unique(handles), clock, timeout, on_status)
    limit = max(1, max_in_flight)
    in_flight: dict[asyncio.Task[Answer], tuple[HT, Flow[TaskStatus]]] = {}
    landed: deque[asyncio.Task[Answer]] = deque()
    wake: asyncio.Future[None] | None = None

    def on_landed(task: asyncio.Task[Answer]) -> None:
        landed.append(task)
        if wake is not None and not wake.done():
            wake.set_result(None)

    yielded = 0
    try:
        while True:
            while board.done:
                yielded += 1
                yield board.done.popleft()
            if yielded == board.total:
                return
            while landed:
                task = landed.popleft()
                handle, flow = in_flight.pop(task)
                board.answered(handle, flow, task.exception() or task.result())
            now = clock()
            board.fire(now)
            for handle, flow, send in board.take(limit - len(in_flight)):
                task = loop.create_task(handle._client._transport.send(send))
                in_flight[task] = (handle, flow)
                task.add_done_callback(on_landed)
            if board.done or landed:
                continue
            if board.expired(now):
                raise board.timed_out(yielded)
            pause = board.pause(now)
            wake = loop.create_future()
            timer = None if pause is None else loop.call_later(pause, _wake, wake)
            try:
                await wake
            finally:
                wake = None
                if timer is not None:
                    timer.cancel()
    finally:
        for task in in_flight:
            task.cancel()
        await asyncio.gather(*in_flight, return_exceptions=True)
        board.close(flow for _, flow in in_flight.values())


def _wake(wake: asyncio.Future[None]) -> None:
    if not wake.done():
        wake.set_result(None)


async def wait_async(
    handles: Iterable[HT],
    timeout: float | None = None,
    return_when: ReturnWhen = ALL_COMPLETED,
    *,
    on_status: OnStatus | None = None,
    max_in_flight: int = 64,
) -> DoneAndNotDone[HT]:
    """Async twin of ``wait`` (``asyncio.wait`` semantics, but waits it started and no longer
    needs are cancelled, never left running)."""
    check_return_when(return_when)
    todo = unique(handles)
    done: set[HT] = set()
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
