"""Reading a task's event stream with asyncio (twin of ``stream_sync``)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable

import httpx
from httpx_sse import EventSource, SSEError

from taskstatus._events import TaskEvent, ends
from taskstatus._http import AsyncTransport
from taskstatus._waiting.flows import Target
from taskstatus._waiting.stream_common import StreamState

STREAM_FAILURES = (httpx.HTTPError, httpx.StreamError, SSEError, TimeoutError)


async def stream_events_async(
    transport: AsyncTransport,
    target: Target,
    deadline: float | None = None,
    timeout: float | None = None,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    last_id: str | None = None,
) -> AsyncGenerator[TaskEvent, None]:
    """Async twin of ``stream_events``."""
    state = StreamState(transport.base_url, transport.auth_headers, target, last_id=last_id)
    while True:
        state.check_deadline(deadline, timeout)
        try:
            # Pings never reach us through the SSE reader: the deadline cancels the read.
            limit = asyncio.timeout(None if deadline is None else deadline - state.clock())
            async with limit, transport.client.stream(
                "GET", state.url, headers=state.headers(),
                timeout=state.timeout(transport.timeout, deadline), follow_redirects=False,
            ) as response:  # fmt: skip
                if state.redirected(response.status_code, response.headers):
                    continue
                if response.status_code != 200:
                    state.refuse(response.status_code, response.headers, await response.aread())
                async for sse in EventSource(response).aiter_sse():
                    deliver, event = state.accept(sse)
                    if not deliver:
                        continue
                    if event is None:
                        return
                    yield event
                    state.ended = state.ended or ends(event)
            if state.ended:
                return
            state.failed(None)
        except STREAM_FAILURES as exc:
            if state.ended:
                return
            state.check_deadline(deadline, timeout)
            state.failed(exc)
        await sleep(state.pause(deadline))
