"""Carry out a flow's steps.  Every decision lives in the flows; a driver only sends, sleeps
(woken early by a hint, for a wakeable sleep) and reads streams.  The asyncio driver is the
source of the blocking one (``drive_sync.py``, written by ``tools/unasync.py``)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import TypeVar

from taskstatus._errors import TransportError
from taskstatus._events import TaskEvent
from taskstatus._io.hints import LoopWakeup
from taskstatus._io.streams import AsyncStreams
from taskstatus._waiting.steps import WOKEN, Emit, Flow, Outcome, Send, Sleep, Step
from taskstatus._wire import Answer

T = TypeVar("T")


class AsyncCarrier:
    """Carries out one flow's steps: ``send`` for Send, ``sleep`` (or the ``wakeup``, for a
    wakeable Sleep), ``streams`` for Open, Read and Close."""

    def __init__(
        self,
        send: Callable[[Send], Awaitable[Answer]],
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        streams: AsyncStreams | None = None,
        wakeup: LoopWakeup | None = None,
    ):
        self.send = send
        self.sleep = sleep
        self.streams = streams
        self.wakeup = wakeup

    async def carry_out(self, step: Step) -> Outcome:
        """The outcome of one step; a TransportError when a send or a stream fails."""
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
        if self.streams is not None:
            await self.streams.aclose()


async def drive_async(flow: Flow[T], carrier: AsyncCarrier) -> T:
    """Run ``flow`` to its end; its return value (or the error it raised)."""
    reply: Outcome = None
    failure: TransportError | None = None
    try:
        while True:
            try:
                step = flow.throw(failure) if failure else flow.send(reply)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]
            reply = failure = None
            try:
                reply = await carrier.carry_out(step)
            except TransportError as exc:
                failure = exc
    finally:
        flow.close()
        await carrier.aclose()


async def events_async(flow: Flow[None], carrier: AsyncCarrier) -> AsyncGenerator[TaskEvent, None]:
    """Run ``flow``, yielding what it emits; closing this iterator closes the flow's stream."""
    reply: Outcome = None
    failure: TransportError | None = None
    try:
        while True:
            try:
                step = flow.throw(failure) if failure else flow.send(reply)
            except StopIteration:
                return
            reply = failure = None
            if isinstance(step, Emit):
                yield step.event
                continue
            try:
                reply = await carrier.carry_out(step)
            except TransportError as exc:
                failure = exc
    finally:
        flow.close()
        await carrier.aclose()
