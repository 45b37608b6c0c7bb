"""Event streams over httpx for the flows' Open, Read and Close steps, blocking and asyncio.

One open stream per flow.  Every httpx or SSE failure becomes a TransportError thrown into the
flow, which decides about reconnecting; a connection is cut at its ``Open.deadline`` (pings
never reach the SSE reader, so a silent stream would otherwise outlive its wait).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Iterator

import httpx
from httpx_sse import EventSource, ServerSentEvent, SSEError

from taskstatus._errors import TransportError
from taskstatus._io.http import AsyncTransport, SyncTransport
from taskstatus._waiting.steps import Close, Message, Open, Opened, Read, Step, StepResult

FAILURES = (httpx.HTTPError, httpx.StreamError, SSEError, TimeoutError)


def _message(sse: ServerSentEvent) -> Message:
    return Message(sse.event, sse.data, sse.id, sse.retry)


def _failed(exc: BaseException) -> TransportError:
    """What the flow is told (it names vendor and task if it gives up): the failure itself."""
    return TransportError(str(exc) or type(exc).__name__)


def _request(client: httpx.Client | httpx.AsyncClient, transport: SyncTransport | AsyncTransport,
             step: Open) -> httpx.Request:  # fmt: skip
    return client.build_request(
        "GET", step.url, headers={**transport.auth_headers, **step.headers},
        timeout=httpx.Timeout(transport.timeout, read=step.read_timeout),
    )  # fmt: skip


class SyncStreams:
    """The blocking flow's stream: opened, read and closed as its steps say."""

    def __init__(self, transport: SyncTransport):
        self._transport = transport
        self._response: httpx.Response | None = None
        self._events: Iterator[ServerSentEvent] | None = None
        self._watchdog: threading.Timer | None = None

    def carry_out(self, step: Step) -> StepResult:
        if isinstance(step, Open):
            return self._open(step)
        if isinstance(step, Read):
            return self._read()
        if isinstance(step, Close):
            self.close()
            return None
        raise RuntimeError(f"taskstatus: not a stream step: {step!r}")

    def _open(self, step: Open) -> Opened:
        self.close()
        client = self._transport.client
        try:
            response = client.send(_request(client, self._transport, step), stream=True,
                                   follow_redirects=False)  # fmt: skip
            if response.status_code != 200:
                with contextlib.closing(response):
                    return Opened(response.status_code, response.headers, response.read())
        except FAILURES as exc:
            raise _failed(exc) from None
        self._response = response
        self._events = EventSource(response).iter_sse()
        if step.deadline is not None:
            wait = max(0.0, step.deadline - self._transport.clock())
            self._watchdog = threading.Timer(wait, response.close)
            self._watchdog.daemon = True
            self._watchdog.start()
        return Opened(200, response.headers)

    def _read(self) -> Message | None:
        if self._events is None:
            raise RuntimeError("taskstatus: Read with no open stream")
        try:
            return _message(next(self._events))
        except StopIteration:
            self.close()
            return None
        except FAILURES as exc:
            self.close()
            raise _failed(exc) from None

    def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        if self._response is not None:
            # ValueError: a stopped wait's read is still running on its helper thread; closing
            # the response below ends that read.
            with contextlib.suppress(*FAILURES, ValueError):
                if self._events is not None:
                    self._events.close()  # type: ignore[attr-defined]
            with contextlib.suppress(*FAILURES):
                self._response.close()
            self._response = self._events = None


class AsyncStreams:
    """The asyncio flow's stream (twin of SyncStreams; the deadline bounds each await)."""

    def __init__(self, transport: AsyncTransport):
        self._transport = transport
        self._response: httpx.Response | None = None
        self._events: AsyncIterator[ServerSentEvent] | None = None
        self._deadline: float | None = None

    async def carry_out(self, step: Step) -> StepResult:
        if isinstance(step, Open):
            return await self._open(step)
        if isinstance(step, Read):
            return await self._read()
        if isinstance(step, Close):
            await self.aclose()
            return None
        raise RuntimeError(f"taskstatus: not a stream step: {step!r}")

    def _limit(self) -> asyncio.Timeout:
        if self._deadline is None:
            return asyncio.timeout(None)
        return asyncio.timeout(max(0.0, self._deadline - self._transport.clock()))

    async def _open(self, step: Open) -> Opened:
        await self.aclose()
        self._deadline = step.deadline
        client = self._transport.client
        try:
            async with self._limit():
                response = await client.send(_request(client, self._transport, step),
                                             stream=True, follow_redirects=False)  # fmt: skip
                if response.status_code != 200:
                    try:
                        return Opened(response.status_code, response.headers,
                                      await response.aread())  # fmt: skip
                    finally:
                        await response.aclose()
        except FAILURES as exc:
            raise _failed(exc) from None
        self._response = response
        self._events = EventSource(response).aiter_sse()
        return Opened(200, response.headers)

    async def _read(self) -> Message | None:
        if self._events is None:
            raise RuntimeError("taskstatus: Read with no open stream")
        try:
            async with self._limit():
                return _message(await anext(self._events))
        except StopAsyncIteration:
            await self.aclose()
            return None
        except FAILURES as exc:
            await self.aclose()
            raise _failed(exc) from None

    async def aclose(self) -> None:
        if self._response is not None:
            with contextlib.suppress(*FAILURES):
                if self._events is not None:
                    await self._events.aclose()  # type: ignore[attr-defined]
                await self._response.aclose()
            self._response = self._events = None
