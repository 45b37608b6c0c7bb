"""Hints: a delivery names task ids; the waits on those ids poll at once (thread-safe).

A hint never carries a status.  Waking a wait only makes it ask the vendor now, with its own
key; what the vendor answers decides.  So a forged, late, duplicated or lost delivery can cost
requests or latency, never a wrong result.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterable

# After a hint, if the status call does not show the end yet (the vendor's status may lag its
# own delivery), poll again after these delays before falling back to the safety net.
FOLLOW_UP = (0.5, 2.0)


class _Waiter:
    """One wait's wake-up: a flag a delivery sets and the wait's sleeps look at."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._follow_up: list[float] = []
        self._thread_event = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._async_event: asyncio.Event | None = None

    def wake(self) -> None:
        with self._lock:
            self._follow_up = list(FOLLOW_UP)
        self._thread_event.set()
        if self._loop is not None and self._async_event is not None:
            with contextlib.suppress(RuntimeError):  # its loop has closed: nothing to wake
                self._loop.call_soon_threadsafe(self._async_event.set)

    def _delay(self, seconds: float) -> float:
        with self._lock:
            return min(seconds, self._follow_up.pop(0)) if self._follow_up else seconds

    def sleep(self, seconds: float) -> None:
        """Sleep up to ``seconds``; return at once when woken (before or during the sleep)."""
        self._thread_event.wait(self._delay(seconds))
        self._thread_event.clear()

    async def sleep_async(self, seconds: float) -> None:
        """Async twin of ``sleep``."""
        if self._async_event is None:
            self._loop = asyncio.get_running_loop()
            self._async_event = asyncio.Event()
            if self._thread_event.is_set():
                self._async_event.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._async_event.wait(), self._delay(seconds))
        self._async_event.clear()
        self._thread_event.clear()


class HintBoard:
    """Which waits listen to which task ids."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: dict[str, set[_Waiter]] = {}

    def listen(self, task_id: str) -> _Waiter:
        waiter = _Waiter()
        with self._lock:
            self._waiters.setdefault(task_id, set()).add(waiter)
        return waiter

    def forget(self, task_id: str, waiter: _Waiter) -> None:
        with self._lock:
            waiters = self._waiters.get(task_id)
            if waiters is not None:
                waiters.discard(waiter)
                if not waiters:
                    del self._waiters[task_id]

    def nudge(self, ids: Iterable[str]) -> int:
        """Wake every wait on any of ``ids``; how many were woken."""
        with self._lock:
            woken = {w for task_id in ids for w in self._waiters.get(task_id, ())}
        for waiter in woken:
            waiter.wake()
        return len(woken)

    def listening(self) -> int:
        with self._lock:
            return sum(len(w) for w in self._waiters.values())
