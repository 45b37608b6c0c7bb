"""The many-task wait, without I/O: ``Board`` holds every task's wait flow and decides what
happens next; ``DoneAndNotDone`` and the ``return_when`` rules of ``concurrent.futures.wait``.

Each task is a ``Job``: the flow ``until_done`` made for it (never streaming), how its
requests are sent, and how its outcome is told.  Flows whose sleep is over queue as due
(earliest first, so a saturated client serves the longest-waiting task next) and are advanced
to their next request only when a slot is free; a hint makes a sleeping flow due at once (its
sleep answers WOKEN), or, when it is not sleeping, ends its next wakeable sleep before it
starts.  The drivers (``taskstatus._clients.many_sync``/``many_async``) send at most
``max_in_flight`` at a time.  No flow owns a thread or an asyncio task while it waits, which
keeps ten thousand waits cheap in memory and CPU.  A job's ``watch`` (its trace, its done
callback) hears of its requests, sleeps and hints here, and of its end; the drivers check the
many-wait's stop signal.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
from typing import Any, Generic, Literal, NamedTuple, TypeAlias, TypeVar

import attrs

from taskstatus._errors import (
    ConfigurationError,
    TaskStatusError,
    TransportError,
    WaitStopped,
    WaitTimeout,
)
from taskstatus._model import State, TaskStatus
from taskstatus._waiting.plan import check_timeout
from taskstatus._waiting.steps import WOKEN, Clock, Flow, HintSource, Send, Sleep, StepResult
from taskstatus._waiting.watch import Watch

H = TypeVar("H", bound=Hashable)

RETURN_WHEN = (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
# concurrent.futures' three constants (taskstatus re-exports them); a typo is a type error.
ReturnWhen: TypeAlias = Literal["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"]


class DoneAndNotDone(NamedTuple, Generic[H]):
    """``wait``'s answer, as ``concurrent.futures.wait``: the handles done and not done."""

    done: set[H]
    not_done: set[H]


def check_return_when(return_when: str) -> None:
    if return_when not in RETURN_WHEN:
        raise ConfigurationError(f"return_when must be one of {', '.join(RETURN_WHEN)}")


@attrs.define(eq=False)
class Job(Generic[H]):
    """One task of a many-wait.  ``flow`` is None when the task's outcome is already known
    (``ended``: a final status, or the error that ended an earlier wait)."""

    key: H  # what the wait hands back (a handle)
    flow: Flow[TaskStatus] | None
    send: Callable[[Send], Any]  # the handle's client's send (sync or async)
    settle: Callable[[TaskStatus | TaskStatusError], None]  # tell the handle its outcome
    ended: TaskStatus | TaskStatusError | None = None
    hints: HintSource | None = None
    hint_id: str = ""  # the task id deliveries name
    sleep: int | None = None  # the timer entry of its current sleep; None: not sleeping
    woken: bool = False  # a hint came while it was not sleeping
    watch: Watch | None = None  # its trace and done callback, if any
    sending: Callable[[object], None] | None = None  # ends the trace of its request in flight

    def badly(self) -> bool:
        """FIRST_EXCEPTION counts a wait that raised, or a task whose result() would raise."""
        return isinstance(self.ended, TaskStatusError) or (
            isinstance(self.ended, TaskStatus) and self.ended.state is not State.SUCCEEDED
        )

    def end(self, outcome: TaskStatus | TaskStatusError) -> None:
        self.ended = outcome
        self.flow = None
        self.settle(outcome)
        if self.watch is not None:
            self.watch.end(outcome)


def stops(return_when: ReturnWhen, done: Iterable[Job[Any]]) -> bool:
    """Whether ``wait`` returns now, with ``done`` ended: as ``concurrent.futures.wait``."""
    if return_when == FIRST_COMPLETED:
        return any(True for _ in done)
    if return_when == FIRST_EXCEPTION:
        return any(job.badly() for job in done)
    return False


class Board(Generic[H]):
    """The sans-IO state of one many-wait: sleeping flows, flows ready to send, ended jobs.

    Every job with a flow starts due (its first step is a status request).  A driver loops:
    ``fire(now)``, send ``take(free)``, report each outcome to ``answered``, hand out
    ``done``, pass hints to ``wake``, and sleep at most ``pause(now)``.
    """

    def __init__(self, jobs: list[Job[H]], clock: Clock, timeout: float | None) -> None:
        check_timeout(timeout)
        self.jobs = jobs
        self.total = len(jobs)
        self.timeout = timeout
        self.deadline = None if timeout is None else clock() + timeout
        self.done: deque[Job[H]] = deque(job for job in jobs if job.flow is None)
        self.ready: deque[tuple[Job[H], Send]] = deque()
        self._due: deque[tuple[Job[H], StepResult]] = deque((j, None) for j in jobs if j.flow)
        self._timers: list[tuple[float, int, Job[H]]] = []
        self._order = itertools.count()
        self._clock = clock

    def advance(
        self, job: Job[H], reply: StepResult = None, failure: TransportError | None = None
    ) -> None:
        flow = job.flow
        if flow is None:
            return
        try:
            step = flow.throw(failure) if failure else flow.send(reply)
        except StopIteration as stop:
            job.end(stop.value)
            self.done.append(job)
        except TaskStatusError as exc:
            job.end(exc)
            self.done.append(job)
        else:
            if isinstance(step, Send):
                self.ready.append((job, step))
                return
            if not isinstance(step, Sleep):
                raise RuntimeError(f"taskstatus: a many-wait cannot carry out {step!r}")
            if job.watch is not None and job.watch.trace is not None:
                job.watch.trace.slept(step.seconds, step.wakeable)
            if step.wakeable and job.woken:
                job.woken = False
                self._hinted(job)
                self._due.append((job, WOKEN))
            else:
                job.sleep = order = next(self._order)
                heapq.heappush(self._timers, (self._clock() + step.seconds, order, job))

    def answered(self, job: Job[H], outcome: Any) -> None:
        """Feed a send's outcome back: an answer, a transport failure (the flow decides about
        retrying) or another typed error (ends that job's wait)."""
        if job.sending is not None:
            job.sending(outcome)
            job.sending = None
        if isinstance(outcome, TransportError):
            self.advance(job, failure=outcome)
        elif isinstance(outcome, TaskStatusError):
            if job.flow is not None:
                job.flow.close()
                job.end(outcome)
                self.done.append(job)
        elif isinstance(outcome, BaseException):
            raise outcome
        else:
            self.advance(job, outcome)

    def wake(self, job: Job[H]) -> None:
        """A hint named the job's task: a sleeping flow is due at once, told it was woken."""
        if job.flow is None:
            return
        if job.sleep is not None:
            job.sleep = None  # its timer entry is now stale
            self._hinted(job)
            self._due.append((job, WOKEN))
        else:
            job.woken = True

    @staticmethod
    def _hinted(job: Job[H]) -> None:
        if job.watch is not None and job.watch.trace is not None:
            job.watch.trace.hinted()

    def fire(self, now: float) -> None:
        """Every flow whose sleep is over becomes due."""
        timers = self._timers
        while timers and timers[0][0] <= now:
            _, order, job = heapq.heappop(timers)
            if job.sleep == order:
                job.sleep = None
                self._due.append((job, None))

    def take(self, free: int) -> list[tuple[Job[H], Send]]:
        """Up to ``free`` sends, longest waiting first (due flows are advanced only now, so a
        saturated wait holds no built requests)."""
        while len(self.ready) < free and self._due:
            self.advance(*self._due.popleft())
        taken = [self.ready.popleft() for _ in range(min(free, len(self.ready)))]
        for job, send in taken:
            if job.watch is not None and job.watch.trace is not None:
                job.sending = job.watch.trace.request(send)
        return taken

    def expired(self, now: float) -> bool:
        return self.deadline is not None and now >= self.deadline

    def pause(self, now: float) -> float | None:
        """How long a driver may sleep before a timer or the deadline needs it (None: until
        a send lands or a hint comes)."""
        limits = [self._timers[0][0] - now] if self._timers else []
        if self.deadline is not None:
            limits.append(self.deadline - now)
        return max(0.0, min(limits)) if limits else None

    def timed_out(self, yielded: int) -> WaitTimeout:
        pending = self.total - yielded
        return WaitTimeout(f"{pending} of {self.total} tasks not finished after {self.timeout:g}s")

    def stopped(self, yielded: int) -> WaitStopped:
        pending = self.total - yielded
        return WaitStopped(f"wait stopped with {pending} of {self.total} tasks not finished; "
                           "they go on at the vendor")  # fmt: skip

    def close(self, in_flight: Iterable[Job[H]] = (), why: BaseException | None = None) -> None:
        """Close every flow still sleeping, ready, due or (given) in flight; their jobs stay
        unended (their traces end, with ``why``: what ended the many-wait, if anything)."""
        jobs = [t[2] for t in self._timers] + [r[0] for r in self.ready]
        jobs += [d[0] for d in self._due] + list(in_flight)
        left = why if why is not None else GeneratorExit()
        for job in jobs:
            if job.flow is not None:
                job.flow.close()
            if job.sending is not None:
                job.sending(left)
                job.sending = None
        for job in self.jobs:
            if job.flow is not None and job.watch is not None:
                job.watch.left(left)
        self._timers.clear()
        self.ready.clear()
        self._due.clear()
