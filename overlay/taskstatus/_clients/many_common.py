"""What the sync and async many-waits share: the handles' jobs, their hint subscriptions, and
``concurrent.futures.wait``'s answer."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from taskstatus._clients.core import HandleCore
from taskstatus._errors import ConfigurationError, TaskStatusError
from taskstatus._waiting.board import Board, DoneAndNotDone, Job, ReturnWhen, stops
from taskstatus._waiting.steps import OnRetry, OnStatus
from taskstatus._waiting.watch import STOP_TICK, DoneCallback, StopSignal


def pause_for(pause: float | None, stop: StopSignal | None) -> float | None:
    """How long a many-wait may sleep: never longer than a tick when a stop signal may come."""
    if stop is None:
        return pause
    return STOP_TICK if pause is None else min(pause, STOP_TICK)


H = TypeVar("H", bound=HandleCore)


# A many-wait's on_retry is told which handle's wait rode out the failure.
ManyOnRetry = Callable[[Any, TaskStatusError, float], object]


def jobs_of(
    handles: Iterable[H],
    on_status: OnStatus | None,
    on_done: DoneCallback | None = None,
    on_retry: ManyOnRetry | None = None,
) -> list[Job[H]]:
    """Each distinct handle's job (a handle given twice is waited for once);
    ``on_retry(handle, error, delay)`` hears of each transient failure a wait rides out."""
    seen: dict[int, Job[H]] = {}
    for handle in handles:
        if not isinstance(handle, HandleCore):
            raise ConfigurationError(f"not a task handle: {handle!r}")
        if id(handle) not in seen:
            told: OnRetry | None = None if on_retry is None else functools.partial(on_retry, handle)
            seen[id(handle)] = handle._job(on_status, on_done, told)
    return list(seen.values())


def subscribe(
    board: Board[H], on_hint: Callable[[Job[H]], Callable[[], object]]
) -> Callable[[], None]:
    """Subscribe every unended job whose client has hints; returns the unsubscribe of all."""
    cancels = [
        job.hints.subscribe(job.hint_id, on_hint(job))
        for job in board.jobs
        if job.hints is not None and job.flow is not None
    ]

    def unsubscribe() -> None:
        for cancel in cancels:
            cancel()

    return unsubscribe


def finished(return_when: ReturnWhen, jobs: list[Job[Any]]) -> bool:
    """``wait`` has nothing to wait for: every job ended, or those ended already satisfy
    ``return_when``."""
    ended = [job for job in jobs if job.flow is None]
    return len(ended) == len(jobs) or stops(return_when, ended)


def done_and_not_done(jobs: list[Job[H]]) -> DoneAndNotDone[H]:
    """Every handle whose task has ended (or whose wait failed) is done, as the standard
    library counts every finished future."""
    return DoneAndNotDone(
        {job.key for job in jobs if job.flow is None},
        {job.key for job in jobs if job.flow is not None},
    )
