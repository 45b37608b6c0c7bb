"""What the sync and async many-waits share: the scheduling board, return_when rules and the
result type.

``Board`` holds every handle's wait flow and decides what happens next, without I/O: flows
whose sleep is over queue as due (earliest first, so a saturated client serves the
longest-waiting task next) and are advanced to their next request only when a slot is free;
the drivers in ``many_sync``/``many_async`` send at most ``max_in_flight`` at a time.  No flow
owns a thread or an asyncio task while it waits, which keeps ten thousand waits cheap in
memory and CPU.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
from typing import Generic, Literal, NamedTuple, TypeAlias, TypeVar

from taskstatus._clients.core import HandleCore
from taskstatus._errors import ConfigurationError, TaskStatusError, TransportError, WaitTimeout
from taskstatus._model import State, TaskStatus
from taskstatus._vendors._base import Answer
from taskstatus._waiting.flows import Flow, OnStatus, Send, Sleep

H = TypeVar("H", bound=HandleCore)  # type: ignore[type-arg]

RETURN_WHEN = (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
# concurrent.futures' three constants (taskstatus re-exports them); a typo is a type error.
ReturnWhen: TypeAlias = Literal["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"]


class DoneAndNotDone(NamedTuple, Generic[H]):
    """``wait``'s answer, as ``concurrent.futures.wait``: the handles done and not done."""

    done: set[H]
    not_done: set[H]


def unique(handles: Iterable[H]) -> list[H]:
    seen: dict[int, H] = {}
    for handle in handles:
        if not isinstance(handle, HandleCore):
            raise ConfigurationError(f"not a task handle: {handle!r}")
        seen.setdefault(id(handle), handle)
    return list(seen.values())


def check_return_when(return_when: str) -> None:
    if return_when not in RETURN_WHEN:
        raise ConfigurationError(f"return_when must be one of {', '.join(RETURN_WHEN)}")


def finished(handle: HandleCore) -> bool:  # type: ignore[type-arg]
    return handle._final is not None or handle._error is not None


def ended_badly(handle: HandleCore) -> bool:  # type: ignore[type-arg]
    """FIRST_EXCEPTION counts a wait that raised, or a task whose result() would raise."""
    return handle._error is not None or (
        handle._final is not None and handle._final.state is not State.SUCCEEDED
    )


def should_stop(return_when: ReturnWhen, handle: HandleCore) -> bool:  # type: ignore[type-arg]
    return return_when == FIRST_COMPLETED or (
        return_when == FIRST_EXCEPTION and ended_badly(handle)
    )


class Board(Generic[H]):
    """The sans-IO state of one many-wait: sleeping flows, flows ready to send, finished handles.

    Every unfinished handle's wait flow starts due (its first step is a status request).  A
    driver loops: ``fire(now)``, send ``take(free)``, report each outcome to ``answered``,
    hand out ``done``, and sleep at most ``pause(now)``.
    """

    def __init__(
        self,
        todo: list[H],
        clock: Callable[[], float],
        timeout: float | None,
        on_status: OnStatus | None,
    ) -> None:
        self.total = len(todo)
        self.timeout = timeout
        self.deadline = None if timeout is None else clock() + timeout
        self.done: deque[H] = deque(h for h in todo if finished(h))
        self.ready: deque[tuple[H, Flow[TaskStatus], Send]] = deque()
        self._due: deque[tuple[H, Flow[TaskStatus]]] = deque(  # not yet advanced
            (h, h._wait_flow(None, on_status)) for h in todo if not finished(h)
        )
        self._timers: list[tuple[float, int, H, Flow[TaskStatus]]] = []
        self._order = itertools.count()
        self._clock = clock

    def advance(
        self,
        handle: H,
        flow: Flow[TaskStatus],
        reply: Answer | None = None,
        failure: TransportError | None = None,
    ) -> None:
        try:
            step = flow.throw(failure) if failure else flow.send(reply)
        except StopIteration:
            self.done.append(handle)
        except TaskStatusError as exc:
            handle._error = exc
            self.done.append(handle)
        else:
            if isinstance(step, Sleep):
                due = self._clock() + step.seconds
                heapq.heappush(self._timers, (due, next(self._order), handle, flow))
            else:
                self.ready.append((handle, flow, step))

    def answered(self, handle: H, flow: Flow[TaskStatus], outcome: Answer | BaseException) -> None:
        """Feed a send's outcome back: an answer, a transport failure (the flow decides about
        retrying) or another typed error (ends that handle's wait)."""
        if isinstance(outcome, TransportError):
            self.advance(handle, flow, failure=outcome)
        elif isinstance(outcome, TaskStatusError):
            handle._error = outcome
            self.done.append(handle)
        elif isinstance(outcome, BaseException):
            raise outcome
        else:
            self.advance(handle, flow, outcome)

    def fire(self, now: float) -> None:
        """Every flow whose sleep is over becomes due."""
        while self._timers and self._timers[0][0] <= now:
            _, _, handle, flow = heapq.heappop(self._timers)
            self._due.append((handle, flow))

    def take(self, free: int) -> list[tuple[H, Flow[TaskStatus], Send]]:
        """Up to ``free`` sends, longest waiting first (due flows are advanced only now, so a
        saturated wait holds no built requests)."""
        while len(self.ready) < free and self._due:
            self.advance(*self._due.popleft())
        return [self.ready.popleft() for _ in range(min(free, len(self.ready)))]

    def expired(self, now: float) -> bool:
        return self.deadline is not None and now >= self.deadline

    def pause(self, now: float) -> float | None:
        """How long a driver may sleep before a timer or the deadline needs it (None: until
        a send lands)."""
        limits = [self._timers[0][0] - now] if self._timers else []
        if self.deadline is not None:
            limits.append(self.deadline - now)
        return max(0.0, min(limits)) if limits else None

    def timed_out(self, yielded: int) -> WaitTimeout:
        pending = self.total - yielded
        return WaitTimeout(f"{pending} of {self.total} tasks not finished after {self.timeout:g}s")

    def close(self, in_flight: Iterable[Flow[TaskStatus]] = ()) -> None:
        """Close every flow still sleeping, ready or (given) in flight; their handles stay
        unfinished."""
        flows = [t[3] for t in self._timers] + [r[1] for r in self.ready]
        flows += [d[1] for d in self._due] + list(in_flight)
        for flow in flows:
            flow.close()
        self._timers.clear()
        self.ready.clear()
        self._due.clear()
