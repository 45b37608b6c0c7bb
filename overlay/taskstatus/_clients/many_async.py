"""Waiting for many tasks at once with asyncio (twin of ``many_sync``).

One loop drives every handle's wait flow through a ``Board``; at most ``max_in_flight``
requests run at once, each as a short asyncio task, and a sleeping wait costs a heap entry,
not a task or a timer.  Hints (``hints=`` on a handle's client) make a sleeping wait poll at
once.  Leaving early (closing the iterator) cancels every request in flight.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncGenerator, Callable, Iterable
from concurrent.futures import ALL_COMPLETED
from contextlib import aclosing
from typing import Any, TypeVar

from taskstatus._clients.async_client import AsyncTaskHandle
from taskstatus._clients.many_common import (
    ManyOnRetry,
    done_and_not_done,
    finished,
    jobs_of,
    pause_for,
    subscribe,
)
from taskstatus._waiting.board import (
    Board,
    DoneAndNotDone,
    Job,
    ReturnWhen,
    check_return_when,
    stops,
)
from taskstatus._waiting.steps import OnStatus
from taskstatus._waiting.watch import DoneCallback, StopSignal
from taskstatus._wire import Answer

HT = TypeVar("HT", bound=AsyncTaskHandle[Any])  # the handles given are the handles yielded


async def _iterate(
    board: Board[HT], limit: int, stop: StopSignal | None
) -> AsyncGenerator[Job[HT], None]:
    """Drive ``board``; yield each job as it ends; WaitStopped once ``stop`` is set."""
    loop = asyncio.get_running_loop()
    clock = time.monotonic  # the flows' clock (an event loop's own clock may differ)
    in_flight: dict[asyncio.Task[Answer], Job[HT]] = {}
    landed: deque[asyncio.Task[Answer]] = deque()
    hinted: deque[Job[HT]] = deque()
    wake: asyncio.Future[None] | None = None

    def alarm() -> None:
        if wake is not None and not wake.done():
            wake.set_result(None)

    def on_landed(task: asyncio.Task[Answer]) -> None:
        landed.append(task)
        alarm()

    def on_hint(job: Job[HT]) -> Callable[[], None]:
        def woken() -> None:  # from any thread
            def here() -> None:
                hinted.append(job)
                alarm()

            loop.call_soon_threadsafe(here)

        return woken

    unsubscribe = subscribe(board, on_hint)
    yielded = 0
    why: BaseException | None = None
    try:
        while True:
            while board.done:
                yielded += 1
                yield board.done.popleft()
            if yielded == board.total:
                return
            if stop is not None and stop.is_set():
                raise board.stopped(yielded)
            while landed:
                task = landed.popleft()
                board.answered(in_flight.pop(task), task.exception() or task.result())
            while hinted:
                board.wake(hinted.popleft())
            now = clock()
            board.fire(now)
            for job, send in board.take(limit - len(in_flight)):
                task = loop.create_task(job.send(send))
                in_flight[task] = job
                task.add_done_callback(on_landed)
            if board.done or landed or hinted:
                continue
            if board.expired(now):
                raise board.timed_out(yielded)
            pause = pause_for(board.pause(now), stop)
            wake = loop.create_future()
            timer = None if pause is None else loop.call_later(pause, alarm)
            try:
                await wake
            finally:
                wake = None
                if timer is not None:
                    timer.cancel()
    except BaseException as exc:
        why = exc
        raise
    finally:
        unsubscribe()
        for task in in_flight:
            task.cancel()
        await asyncio.gather(*in_flight, return_exceptions=True)
        board.close(in_flight.values(), why)


async def as_completed_async(
    handles: Iterable[HT],
    timeout: float | None = None,
    *,
    on_status: OnStatus | None = None,
    on_retry: ManyOnRetry | None = None,
    max_in_flight: int = 64,
    stop: StopSignal | None = None,
    on_done: DoneCallback | None = None,
) -> AsyncGenerator[HT, None]:
    """Yield each handle as its task ends (or its wait fails); ``await handle.wait()`` then
    returns the final status at once, or raises the error that ended the wait.

    As ``asyncio.as_completed``: raises WaitTimeout (a TimeoutError) when ``timeout`` passes
    before every handle has been yielded.  ``on_retry(handle, error, delay)`` hears of each
    transient failure a wait rides out.  To leave early, close the iterator
    (``contextlib.aclosing``) so the requests in flight are cancelled at once.
    """
    board = Board(jobs_of(handles, on_status, on_done, on_retry), time.monotonic, timeout)
    async with aclosing(_iterate(board, max(1, max_in_flight), stop)) as ended:
        async for job in ended:
            yield job.key


async def wait_async(
    handles: Iterable[HT],
    timeout: float | None = None,
    return_when: ReturnWhen = ALL_COMPLETED,
    *,
    on_status: OnStatus | None = None,
    on_retry: ManyOnRetry | None = None,
    max_in_flight: int = 64,
    stop: StopSignal | None = None,
    on_done: DoneCallback | None = None,
) -> DoneAndNotDone[HT]:
    """As ``concurrent.futures.wait``: wait until ``return_when`` (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED) holds or ``timeout`` passes; never raises WaitTimeout.
    Every handle already ended is in ``done``; FIRST_EXCEPTION also stops at a task that
    ended other than SUCCEEDED.  Waits it no longer needs are cancelled, never left running."""
    check_return_when(return_when)
    jobs = jobs_of(handles, on_status, on_done, on_retry)
    if not finished(return_when, jobs):
        board = Board(jobs, time.monotonic, timeout)
        async with aclosing(_iterate(board, max(1, max_in_flight), stop)) as ended:
            try:
                async for job in ended:
                    if stops(return_when, [job]):
                        break
            except TimeoutError:
                pass
    return done_and_not_done(jobs)
