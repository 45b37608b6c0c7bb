"""Reading a task's event stream, blocking (twin of ``stream_async``).

Reconnects with Last-Event-ID after a drop, waits the server's ``retry:`` first, never
delivers an event twice, and follows the stream alias only to the same origin.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator

import httpx
from httpx_sse import EventSource, SSEError

from taskstatus._events import TaskEvent, ends
from taskstatus._http import SyncTransport
from taskstatus._waiting.flows import Target
from taskstatus._waiting.stream_common import StreamState

STREAM_FAILURES = (httpx.HTTPError, httpx.StreamError, SSEError)


def stream_events(
    transport: SyncTransport,
    target: Target,
    deadline: float | None = None,
    timeout: float | None = None,
    sleep: Callable[[float], object] = time.sleep,
    last_id: str | None = None,
) -> Generator[TaskEvent, None, None]:
    """The task's events (after event ``last_id``, if given) until the stream's end;
    WaitTimeout once ``deadline`` passes."""
    state = StreamState(transport.base_url, transport.auth_headers, target, last_id=last_id)
    while True:
        state.check_deadline(deadline, timeout)
        try:
            with transport.client.stream(
                "GET", state.url, headers=state.headers(),
                timeout=state.timeout(transport.timeout, deadline), follow_redirects=False,
            ) as response:  # fmt: skip
                if state.redirected(response.status_code, response.headers):
                    continue
                if response.status_code != 200:
                    state.refuse(response.status_code, response.headers, response.read())
                # Pings never reach us through the SSE reader: close the stream at the deadline.
                watchdog = None
                if deadline is not None:
                    watchdog = threading.Timer(max(0.0, deadline - state.clock()), response.close)
                    watchdog.daemon = True
                    watchdog.start()
                try:
                    for sse in EventSource(response).iter_sse():
                        deliver, event = state.accept(sse)
                        if not deliver:
                            continue
                        if event is None:
                            return
                        yield event
                        state.ended = state.ended or ends(event)
                finally:
                    if watchdog is not None:
                        watchdog.cancel()
            if state.ended:
                return  # the server closed after the workflow ended: a clean end
            state.failed(None)
        except STREAM_FAILURES as exc:
            if state.ended:
                return
            state.check_deadline(deadline, timeout)
            state.failed(exc)
        sleep(state.pause(deadline))
