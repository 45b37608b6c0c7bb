"""Carrying out a step so that a stop signal set from any thread ends it within 0.1 s.

Used only by a wait given ``stop=``: every other wait carries its steps out as before.  A
blocking wait runs each request and stream read on a helper thread and waits for them in
short ticks (the step left behind ends by its own request deadline; its answer is dropped);
its sleeps wait on the signal itself when it is a ``threading.Event``.  An asyncio wait runs
each step as a task, cancelled when the signal is set.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent import futures
from typing import TypeVar

from taskstatus._io.hints import LoopWakeup, ThreadWakeup
from taskstatus._waiting.watch import STOP_TICK, Watch

T = TypeVar("T")


class SyncStopper:
    """A blocking wait's steps, ended early by ``watch.stop``."""

    def __init__(self, watch: Watch):
        self.watch = watch

    def sleep(self, seconds: float, wakeup: ThreadWakeup | None) -> bool:
        """Sleep ``seconds``; True when a hint woke it; WaitStopped when the signal is set."""
        watch, stop = self.watch, self.watch.stop
        end = time.monotonic() + seconds
        while True:
            watch.check()
            left = end - time.monotonic()
            if left <= 0:
                return False
            if wakeup is not None:
                if wakeup.wait(min(STOP_TICK, left)):
                    return True
            elif isinstance(stop, threading.Event):
                stop.wait(left)  # set: checked at the top of the loop
            else:
                time.sleep(min(STOP_TICK, left))

    def run(self, call: Callable[[], T]) -> T:
        """``call()`` on a helper thread; WaitStopped as soon as the signal is set.  The thread
        is a daemon: a step left behind (a stream read waiting for its next ping) never holds
        up the interpreter's exit."""
        self.watch.check()
        future: futures.Future[T] = futures.Future()

        def work() -> None:
            try:
                future.set_result(call())
            except BaseException as exc:
                future.set_exception(exc)

        threading.Thread(target=work, name="taskstatus-stoppable", daemon=True).start()
        while True:
            try:
                return future.result(STOP_TICK)
            except futures.TimeoutError:
                self.watch.check()

    def close(self) -> None:
        """Nothing to release: a step left behind ends by its own deadline."""


class AsyncStopper:
    """An asyncio wait's steps, ended early by ``watch.stop`` (twin of SyncStopper)."""

    def __init__(self, watch: Watch):
        self.watch = watch

    async def sleep(self, seconds: float, wakeup: LoopWakeup | None) -> bool:
        if wakeup is not None:
            return await self.run(lambda: wakeup.wait(seconds))
        await self.run(lambda: asyncio.sleep(seconds))
        return False

    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        """Await ``call()`` as a task; cancel it and raise WaitStopped once the signal is set."""
        self.watch.check()
        task = asyncio.ensure_future(call())
        try:
            while True:
                done, _ = await asyncio.wait((task,), timeout=STOP_TICK)
                if done:
                    return task.result()
                self.watch.check()
        finally:
            if not task.done():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)

    async def aclose(self) -> None:
        """Nothing is left running."""
