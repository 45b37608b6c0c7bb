"""Carry out a flow's steps.  Every decision lives in the flows; a driver only sends, sleeps
(woken early by a hint, for a wakeable sleep) and reads streams.  A wait's ``Watch`` (stop
signal, trace, done callback) is honoured here: the signal is checked before every step and
ends sleeps and requests early, the trace hears of each step, ``end`` gets the outcome.  The
asyncio driver is the source of the blocking one (``drive_sync.py``, by ``tools/unasync.py``)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import TypeVar

from taskstatus._errors import TransportError
from taskstatus._events import TaskEvent
from taskstatus._io.hints import LoopWakeup
from taskstatus._io.stopping import AsyncStopper
from taskstatus._io.streams import AsyncStreams
from taskstatus._waiting.steps import (
    WOKEN,
    Emit,
    Flow,
    Message,
    Opened,
    Send,
    Sleep,
    Step,
    StepResult,
)
from taskstatus._waiting.watch import Watch
from taskstatus._wire import Answer

T = TypeVar("T")


class AsyncCarrier:
    """Carries out one flow's steps: ``send`` for Send, ``sleep`` (or the ``wakeup``, for a
    wakeable Sleep), ``streams`` for Open, Read and Close; ``watch``, if given, watches them."""

    def __init__(
        self,
        send: Callable[[Send], Awaitable[Answer]],
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        streams: AsyncStreams | None = None,
        wakeup: LoopWakeup | None = None,
        watch: Watch | None = None,
    ):
        self.send = send
        self.sleep = sleep
        self.streams = streams
        self.wakeup = wakeup
        self.watch = watch
        self.stopper = None if watch is None or watch.stop is None else AsyncStopper(watch)

    async def carry_out(self, step: Step) -> StepResult:
        """The outcome of one step; a TransportError when a send or a stream fails."""
        if self.watch is None:
            return await self._carry_out(step)
        return await self._watched(step, self.watch)

    async def _watched(self, step: Step, watch: Watch) -> StepResult:
        """``carry_out`` under a watch: stopped early, traced."""
        watch.check()
        trace, stopper = watch.trace, self.stopper
        if isinstance(step, Sleep):
            if trace is not None:
                trace.slept(step.seconds, step.wakeable)
            if stopper is None:
                woken = await self._carry_out(step) is WOKEN
            else:
                woken = await stopper.sleep(step.seconds, self.wakeup if step.wakeable else None)
            if woken and trace is not None:
                trace.hinted()
            return WOKEN if woken else None
        ending = trace.request(step) if trace is not None and isinstance(step, Send) else None
        try:
            if stopper is None:
                outcome = await self._carry_out(step)
            else:
                outcome = await stopper.run(functools.partial(self._carry_out, step))
        except BaseException as exc:
            if ending is not None:
                ending(exc)
            raise
        if ending is not None:
            ending(outcome)
        elif isinstance(outcome, Message) and trace is not None:
            trace.message(outcome)
        elif isinstance(outcome, Opened) and trace is not None:
            trace.opened(outcome)
        return outcome

    async def _carry_out(self, step: Step) -> StepResult:
        if isinstance(step, Send):
            return await self.send(step)
        if isinstance(step, Sleep):
            if step.wakeable and self.wakeup is not None:
                return WOKEN if await self.wakeup.wait(step.seconds) else None
            await self.sleep(step.seconds)
            return None
        if self.streams is None or isinstance(step, Emit):
            raise RuntimeError(f"taskstatus: this driver cannot carry out {step!r}")
        return await self.streams.carry_out(step)

    async def aclose(self) -> None:
        if self.stopper is not None:
            await self.stopper.aclose()
        if self.streams is not None:
            await self.streams.aclose()


async def drive_async(flow: Flow[T], carrier: AsyncCarrier) -> T:
    """Run ``flow`` to its end; its return value (or the error it raised)."""
    reply: StepResult = None
    failure: TransportError | None = None
    watch = carrier.watch
    try:
        while True:
            try:
                step = flow.throw(failure) if failure else flow.send(reply)
            except StopIteration as done:
                if watch is not None:
                    watch.end(done.value)
                return done.value  # type: ignore[no-any-return]
            reply = failure = None
            try:
                reply = await carrier.carry_out(step)
            except TransportError as exc:
                failure = exc
    except BaseException as exc:
        if watch is not None:
            watch.end(exc)
        raise
    finally:
        flow.close()
        await carrier.aclose()


async def events_async(flow: Flow[None], carrier: AsyncCarrier) -> AsyncGenerator[TaskEvent, None]:
    """Run ``flow``, yielding what it emits; closing this iterator closes the flow's stream."""
    reply: StepResult = None
    failure: TransportError | None = None
    watch = carrier.watch
    try:
        while True:
            try:
                step = flow.throw(failure) if failure else flow.send(reply)
            except StopIteration:
                if watch is not None:
                    watch.end(None)
                return
            reply = failure = None
            if isinstance(step, Emit):
                yield step.event
                continue
            try:
                reply = await carrier.carry_out(step)
            except TransportError as exc:
                failure = exc
    except BaseException as exc:
        if watch is not None:
            watch.end(exc)
        raise
    finally:
        flow.close()
        await carrier.aclose()
