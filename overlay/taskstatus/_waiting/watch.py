"""What watches one wait besides its flow: the caller's stop signal, a trace, a done callback.

The drivers hold a ``Watch`` per wait (``taskstatus._io`` and the many-waits' ``Board``): they
check ``stop`` before every step and end sleeps and requests early when it is set (raising
``WaitStopped`` with the last status), tell the ``Trace`` each request, sleep, hint and stream
message, and call ``end`` once with the wait's outcome.  This module does no I/O: a trace is
a protocol here (``taskstatus._io.tracing`` makes OpenTelemetry's), a stop signal anything with
``is_set()`` (a ``threading.Event``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

import attrs

from taskstatus._errors import WaitStopped, WaitTimeout
from taskstatus._model import TaskStatus
from taskstatus._waiting.steps import Message, Opened, Send, TaskRef

log = logging.getLogger("taskstatus")

# The longest a driver goes without looking at a set stop signal (the promise is 0.1 s).
STOP_TICK = 0.05

DoneCallback = Callable[[Any], object]  # called with a TaskStatus or the exception


class StopSignal(Protocol):
    """A stop signal: a ``threading.Event``, an ``asyncio.Event``, or anything with is_set()."""

    def is_set(self) -> bool: ...


class Trace(Protocol):
    """What a driver tells about one wait (the OpenTelemetry span of ``taskstatus._io.tracing``)."""

    def request(self, send: Send) -> Callable[[object], None]:
        """A request starts; the function returned is called with its Answer or error."""
        ...

    def slept(self, seconds: float, wakeable: bool) -> None: ...

    def hinted(self) -> None: ...

    def opened(self, opened: Opened) -> None: ...

    def message(self, message: Message) -> None: ...

    def ended(self, outcome: object) -> None:
        """The wait ended: a final TaskStatus (or other result), or the exception it raised."""
        ...


def notify(callback: DoneCallback, outcome: object) -> None:
    """Call a user's done callback; what it raises is logged, never lost, never propagated."""
    try:
        callback(outcome)
    except Exception:
        log.exception("taskstatus: a done callback raised (ignored)")


@attrs.define(eq=False)
class Watch:
    """One wait's stop signal, trace and done callback, and what it is about (for
    ``WaitStopped``: the task, and how to get the last status seen)."""

    task: TaskRef | None = None
    stop: StopSignal | None = None
    trace: Trace | None = None
    on_done: DoneCallback | None = None
    last: Callable[[], TaskStatus | None] = lambda: None
    done: bool = False

    def stopped(self) -> WaitStopped:
        last = self.last()
        seen = f" (last state {last.state.value})" if last else " (no status received)"
        return WaitStopped(
            f"wait stopped{seen}; the task goes on at the vendor", last_status=last,
            vendor=self.task.vendor if self.task else None,
            task=self.task.ref if self.task else None,
        )  # fmt: skip

    def check(self) -> None:
        """Raise WaitStopped when the stop signal is set."""
        if self.stop is not None and self.stop.is_set():
            raise self.stopped()

    def left(self, why: BaseException) -> None:
        """A many-wait ended before this task did (``why``): only the trace ends, with this
        task's last status; the done callback is for tasks that are done."""
        if self.done:
            return
        self.done = True
        if isinstance(why, WaitStopped | WaitTimeout):
            why = type(why)(str(why), last_status=self.last(),
                            vendor=self.task.vendor if self.task else None,
                            task=self.task.ref if self.task else None)  # fmt: skip
        if self.trace is not None:
            try:
                self.trace.ended(why)
            except Exception:
                log.exception("taskstatus: ending a trace failed (ignored)")

    def end(self, outcome: object) -> None:
        """The wait's outcome: to the trace, then to the done callback (each once)."""
        if self.done:
            return
        self.done = True
        if self.trace is not None:
            try:
                self.trace.ended(outcome)
            except Exception:
                log.exception("taskstatus: ending a trace failed (ignored)")
        if self.on_done is not None:
            notify(self.on_done, outcome)
