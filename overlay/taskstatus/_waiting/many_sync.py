"""Waiting for many tasks at once, blocking (twin of ``many_async``).

One scheduler loop drives every handle's wait flow; requests run on a bounded thread pool, so
a thousand waits need ``max_in_flight`` threads, not a thousand.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections import deque
from collections.abc import Generator, Iterable
from concurrent import futures
from concurrent.futures import ALL_COMPLETED

from taskstatus._clients.sync_client import TaskHandle
from taskstatus._errors import TaskStatusError, TransportError
from taskstatus._model import TaskStatus
from taskstatus._vendors._base import Answer
from taskstatus._waiting.flows import Flow, OnStatus, Sleep
from taskstatus._waiting.many_common import (
    DoneAndNotDone,
    check_return_when,
    finished,
    should_stop,
    timed_out,
    unique,
)


def as_completed(
    handles: Iterable[TaskHandle],
    timeout: float | None = None,
    *,
    on_status: OnStatus | None = None,
    max_in_flight: int = 16,
) -> Generator[TaskHandle, None, None]:
    """Yield each handle as its task ends (or its wait fails); ``handle.wait()`` then returns
    the final status at once, or raises the error that ended the wait.

    As ``concurrent.futures.as_completed``: raises WaitTimeout (a TimeoutError) when
    ``timeout`` seconds pass before every handle has been yielded.
    """
    todo = unique(handles)
    clock = time.monotonic
    deadline = None if timeout is None else clock() + timeout
    done: deque[TaskHandle] = deque(h for h in todo if finished(h))
    timers: list[tuple[float, int, TaskHandle, Flow[TaskStatus]]] = []
    in_flight: dict[futures.Future[Answer], tuple[TaskHandle, Flow[TaskStatus]]] = {}
    order = itertools.count()
    pool = futures.ThreadPoolExecutor(
        max_workers=max(1, max_in_flight), thread_name_prefix="taskstatus"
    )

    def advance(
        handle: TaskHandle,
        flow: Flow[TaskStatus],
        reply: Answer | None = None,
        failure: TransportError | None = None,
    ) -> None:
        try:
            step = flow.throw(failure) if failure else flow.send(reply)
        except StopIteration:
            done.append(handle)
        except TaskStatusError as exc:
            handle._error = exc
            done.append(handle)
        else:
            if isinstance(step, Sleep):
                heapq.heappush(timers, (clock() + step.seconds, next(order), handle, flow))
            else:
                in_flight[pool.submit(handle._client._transport.send, step)] = (handle, flow)

    try:
        for handle in todo:
            if not finished(handle):
                advance(handle, handle._wait_flow(None, on_status))
        yielded = 0
        while yielded < len(todo):
            while done:
                yielded += 1
                yield done.popleft()
            if yielded == len(todo):
                return
            now = clock()
            while timers and timers[0][0] <= now:
                _, _, handle, flow = heapq.heappop(timers)
                advance(handle, flow)
            if done:
                continue
            if deadline is not None and now >= deadline:
                raise timed_out(len(todo) - yielded, len(todo), timeout)
            limits = [timers[0][0] - now] if timers else []
            if deadline is not None:
                limits.append(deadline - now)
            pause = max(0.0, min(limits)) if limits else None
            if in_flight:
                ready, _ = futures.wait(
                    in_flight, timeout=pause, return_when=futures.FIRST_COMPLETED
                )
                for future in ready:
                    handle, flow = in_flight.pop(future)
                    try:
                        answer = future.result()
                    except TransportError as exc:
                        advance(handle, flow, failure=exc)
                    except TaskStatusError as exc:
                        handle._error = exc
                        done.append(handle)
                    else:
                        advance(handle, flow, answer)
            elif pause is not None:
                time.sleep(pause)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def wait(
    handles: Iterable[TaskHandle],
    timeout: float | None = None,
    return_when: str = ALL_COMPLETED,
    *,
    on_status: OnStatus | None = None,
    max_in_flight: int = 16,
) -> DoneAndNotDone[TaskHandle]:
    """As ``concurrent.futures.wait``: block until ``return_when`` (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED) holds or ``timeout`` passes; never raises WaitTimeout.
    FIRST_EXCEPTION also stops at a task that ended other than SUCCEEDED."""
    check_return_when(return_when)
    todo = unique(handles)
    done: set[TaskHandle] = set()
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
