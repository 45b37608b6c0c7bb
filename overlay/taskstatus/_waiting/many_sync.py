"""Waiting for many tasks at once, blocking (twin of ``many_async``).

One loop drives every handle's wait flow through a ``Board``; requests run on a bounded thread
pool, so a thousand waits need ``max_in_flight`` threads, not a thousand.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterable
from concurrent import futures
from concurrent.futures import ALL_COMPLETED
from typing import Any, TypeVar

from taskstatus._clients.sync_client import TaskHandle
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

HT = TypeVar("HT", bound=TaskHandle[Any])  # the handles given are the handles yielded


def as_completed(
    handles: Iterable[HT],
    timeout: float | None = None,
    *,
    on_status: OnStatus | None = None,
    max_in_flight: int = 16,
) -> Generator[HT, None, None]:
    """Yield each handle as its task ends (or its wait fails); ``handle.wait()`` then returns
    the final status at once, or raises the error that ended the wait.

    As ``concurrent.futures.as_completed``: raises WaitTimeout (a TimeoutError) when
    ``timeout`` seconds pass before every handle has been yielded.
    """
    clock = time.monotonic
    board = Board(unique(handles), clock, timeout, on_status)
    limit = max(1, max_in_flight)
    in_flight: dict[futures.Future[Answer], tuple[HT, Flow[TaskStatus]]] = {}
    pool = futures.ThreadPoolExecutor(max_workers=limit, thread_name_prefix="taskstatus")
    yielded = 0
    try:
        while True:
            while board.done:
                yielded += 1
                yield board.done.popleft()
            if yielded == board.total:
                return
            now = clock()
            board.fire(now)
            for handle, flow, send in board.take(limit - len(in_flight)):
                in_flight[pool.submit(handle._client._transport.send, send)] = (handle, flow)
            if board.done:
                continue
            if board.expired(now):
                raise board.timed_out(yielded)
            pause = board.pause(now)
            if in_flight:
                landed, _ = futures.wait(
                    in_flight, timeout=pause, return_when=futures.FIRST_COMPLETED
                )
                for future in landed:
                    handle, flow = in_flight.pop(future)
                    failure = future.exception()
                    board.answered(handle, flow, failure or future.result())
            elif pause is not None:
                time.sleep(pause)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        board.close(flow for _, flow in in_flight.values())


def wait(
    handles: Iterable[HT],
    timeout: float | None = None,
    return_when: ReturnWhen = ALL_COMPLETED,
    *,
    on_status: OnStatus | None = None,
    max_in_flight: int = 16,
) -> DoneAndNotDone[HT]:
    """As ``concurrent.futures.wait``: block until ``return_when`` (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED) holds or ``timeout`` passes; never raises WaitTimeout.
    FIRST_EXCEPTION also stops at a task that ended other than SUCCEEDED."""
    check_return_when(return_when)
    todo = unique(handles)
    done: set[HT] = set()
    stream = as_completed(todo, timeout, on_status=on_status, max_in_flight=max_in_flight)
    try:
        for handle in stream:
            done.add(handle)
            if should_stop(return_when, handle):
                break
    except TimeoutError:
        pass
    finally:
        stream.close()
    return DoneAndNotDone(done, {h for h in todo if h not in done})
