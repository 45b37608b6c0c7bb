"""Waiting for many tasks at once, blocking (twin of ``many_async``).

One loop drives every handle's wait flow through a ``Board``; requests run on a bounded thread
pool, so a thousand waits need ``max_in_flight`` threads, not a thousand.  Hints (``hints=`` on
a handle's client) make a sleeping wait poll at once.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent import futures
from concurrent.futures import ALL_COMPLETED
from contextlib import closing
from typing import Any, TypeVar

from taskstatus._clients.many_common import (
    ManyOnRetry,
    done_and_not_done,
    finished,
    jobs_of,
    pause_for,
    subscribe,
)
from taskstatus._clients.sync_client import TaskHandle
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

HT = TypeVar("HT", bound=TaskHandle[Any])  # the handles given are the handles yielded


class _Alarm:
    """What the loop waits on besides its requests: a future a hint completes (any thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.hinted: deque[Job[Any]] = deque()
        self.future: futures.Future[None] = futures.Future()

    def hint(self, job: Job[Any]) -> Callable[[], None]:
        def woken() -> None:
            with self._lock:
                self.hinted.append(job)
                if not self.future.done():
                    self.future.set_result(None)

        return woken

    def take(self) -> list[Job[Any]]:
        with self._lock:
            jobs = list(self.hinted)
            self.hinted.clear()
            if self.future.done():
                self.future = futures.Future()
            return jobs


def _iterate(
    board: Board[HT], limit: int, stop: StopSignal | None
) -> Generator[Job[HT], None, None]:
    """Drive ``board``; yield each job as it ends; WaitStopped once ``stop`` is set."""
    clock = time.monotonic
    in_flight: dict[futures.Future[Answer], Job[HT]] = {}
    pool = futures.ThreadPoolExecutor(max_workers=limit, thread_name_prefix="taskstatus")
    alarm = _Alarm()
    unsubscribe = subscribe(board, alarm.hint)
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
            for job in alarm.take():
                board.wake(job)
            now = clock()
            board.fire(now)
            for job, send in board.take(limit - len(in_flight)):
                in_flight[pool.submit(job.send, send)] = job
            if board.done:
                continue
            if board.expired(now):
                raise board.timed_out(yielded)
            waited: list[futures.Future[Any]] = [*in_flight, alarm.future]
            landed, _ = futures.wait(
                waited, timeout=pause_for(board.pause(now), stop),
                return_when=futures.FIRST_COMPLETED,
            )  # fmt: skip
            for future in landed:
                job = in_flight.pop(future, None)  # type: ignore[arg-type]
                if job is not None:
                    board.answered(job, future.exception() or future.result())
    except BaseException as exc:
        why = exc
        raise
    finally:
        unsubscribe()
        pool.shutdown(wait=False, cancel_futures=True)
        board.close(in_flight.values(), why)


def as_completed(
    handles: Iterable[HT],
    timeout: float | None = None,
    *,
    on_status: OnStatus | None = None,
    on_retry: ManyOnRetry | None = None,
    max_in_flight: int = 16,
    stop: StopSignal | None = None,
    on_done: DoneCallback | None = None,
) -> Generator[HT, None, None]:
    """Yield each handle as its task ends (or its wait fails); ``handle.wait()`` then returns
    the final status at once, or raises the error that ended the wait.

    As ``concurrent.futures.as_completed``: raises WaitTimeout (a TimeoutError) when
    ``timeout`` seconds pass before every handle has been yielded.  ``on_retry(handle, error,
    delay)`` hears of each transient failure a wait rides out.
    """
    board = Board(jobs_of(handles, on_status, on_done, on_retry), time.monotonic, timeout)
    with closing(_iterate(board, max(1, max_in_flight), stop)) as ended:
        for job in ended:
            yield job.key


def wait(
    handles: Iterable[HT],
    timeout: float | None = None,
    return_when: ReturnWhen = ALL_COMPLETED,
    *,
    on_status: OnStatus | None = None,
    on_retry: ManyOnRetry | None = None,
    max_in_flight: int = 16,
    stop: StopSignal | None = None,
    on_done: DoneCallback | None = None,
) -> DoneAndNotDone[HT]:
    """As ``concurrent.futures.wait``: block until ``return_when`` (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED) holds or ``timeout`` passes; never raises WaitTimeout.
    Every handle already ended is in ``done``; FIRST_EXCEPTION also stops at a task that
    ended other than SUCCEEDED."""
    check_return_when(return_when)
    jobs = jobs_of(handles, on_status, on_done, on_retry)
    if not finished(return_when, jobs):
        board = Board(jobs, time.monotonic, timeout)
        with closing(_iterate(board, max(1, max_in_flight), stop)) as ended:
            try:
                for job in ended:
                    if stops(return_when, [job]):
                        break
            except TimeoutError:
                pass
    return done_and_not_done(jobs)
