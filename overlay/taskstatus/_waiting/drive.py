"""Carry out a flow's instructions: ``drive_sync`` with blocking I/O, ``drive_async`` with
asyncio.  The two are line-for-line twins; all decisions live in the flows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from taskstatus._errors import TransportError
from taskstatus._vendors._base import Answer
from taskstatus._waiting.flows import Flow, Send, Sleep

T = TypeVar("T")


def drive_sync(
    flow: Flow[T],
    send: Callable[[Send], Answer],
    sleep: Callable[[float], object] = time.sleep,
) -> T:
    reply: Answer | None = None
    failure: TransportError | None = None
    while True:
        try:
            step = flow.throw(failure) if failure else flow.send(reply)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        reply = failure = None
        if isinstance(step, Sleep):
            sleep(step.seconds)
        else:
            try:
                reply = send(step)
            except TransportError as exc:
                failure = exc


async def drive_async(
    flow: Flow[T],
    send: Callable[[Send], Awaitable[Answer]],
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> T:
    reply: Answer | None = None
    failure: TransportError | None = None
    while True:
        try:
            step = flow.throw(failure) if failure else flow.send(reply)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        reply = failure = None
        if isinstance(step, Sleep):
            await sleep(step.seconds)
        else:
            try:
                reply = await send(step)
            except TransportError as exc:
                failure = exc
