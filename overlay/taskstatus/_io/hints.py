"""Hints in one process: which waits listen to which task ids, and how a wait is woken.

A hint never carries a status.  Waking a wait only makes it ask the vendor now, with its own
key; what the vendor answers decides.  So a forged, late, duplicated or lost delivery can cost
requests or latency, never a wrong result.  What a wake then does (poll now, follow-ups, the
safety net) is the flows' rule (``taskstatus._waiting.flows``); this module only delivers it.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterable


class HintHub:
    """Which waits listen to which task ids (thread-safe): ``subscribe`` and ``publish``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: dict[str, dict[int, Callable[[], object]]] = {}
        self._next = 0

    def subscribe(self, task_id: str, wake: Callable[[], object]) -> Callable[[], None]:
        """Call ``wake`` whenever a delivery names ``task_id``; returns the unsubscribe."""
        with self._lock:
            key = self._next
            self._next += 1
            self._listeners.setdefault(task_id, {})[key] = wake

        def unsubscribe() -> None:
            with self._lock:
                found = self._listeners.get(task_id)
                if found is not None:
                    found.pop(key, None)
                    if not found:
                        del self._listeners[task_id]

        return unsubscribe

    def publish(self, ids: Iterable[str]) -> int:
        """Wake every wait on any of ``ids``; how many were woken."""
        with self._lock:
            woken = [w for task_id in set(ids) for w in self._listeners.get(task_id, {}).values()]
        for wake in woken:
            wake()
        return len(woken)

    def ids(self) -> set[str]:
        """The task ids some wait listens to now."""
        with self._lock:
            return set(self._listeners)

    def listening(self) -> int:
        with self._lock:
            return sum(len(found) for found in self._listeners.values())


class ThreadWakeup:
    """A blocking wait's wake-up: a wake before or during a sleep ends it."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def wake(self) -> None:
        self._event.set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when woken (before or during the sleep)."""
        woken = self._event.wait(seconds)
        self._event.clear()
        return woken


class LoopWakeup:
    """An asyncio wait's wake-up (a wake may come from any thread)."""

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._event = asyncio.Event()

    def wake(self) -> None:
        with contextlib.suppress(RuntimeError):  # its loop has closed: nothing to wake
            self._loop.call_soon_threadsafe(self._event.set)

    async def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when woken (before or during the sleep)."""
        try:
            async with asyncio.timeout(seconds):
                await self._event.wait()
        except TimeoutError:
            return False
        finally:
            self._event.clear()
        return True
