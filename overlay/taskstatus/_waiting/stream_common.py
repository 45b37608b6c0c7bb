"""What the sync and async stream readers share: reconnect state, redirects, duplicates."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from urllib.parse import urljoin

import httpx
from httpx_sse import ServerSentEvent

from taskstatus._errors import APIError, BadResponse, TransportError, WaitTimeout
from taskstatus._events import TaskEvent, decode, newer
from taskstatus._vendors._base import Answer, read_response
from taskstatus._waiting.flows import Target

READ_TIMEOUT = 30.0  # pings come every 10 s: three missed pings mean the stream is dead
DEFAULT_RETRY = 1.0  # seconds before reconnecting, until the server says otherwise (retry:)
MAX_FAILURES = 3  # consecutive failed connections before giving up
MAX_REDIRECTS = 3
# A streaming wait reopens its stream (after the last event) this often, and asks for the
# status when no event came in that time: a workflow whose stream expired (Shannon keeps them
# 24 h) gets pings only, forever.
SILENT_STREAM_CHECK = 60.0


class StreamState:
    """One task's stream across reconnects."""

    def __init__(self, base_url: str, headers: Mapping[str, str], target: Target,
                 clock: Callable[[], float] = time.monotonic,
                 last_id: str | None = None):  # fmt: skip
        request = target.kind.stream_request(target.ids)
        self.base = httpx.URL(base_url)
        self.url = base_url + request.path
        self.auth = dict(headers)
        self.target = target
        self.clock = clock
        self.last_id = last_id  # resume after this event (Last-Event-ID)
        self.retry = DEFAULT_RETRY
        self.failures = 0
        self.redirects = 0
        self.ended = False

    def headers(self) -> dict[str, str]:
        headers = {**self.auth, "accept": "text/event-stream", "cache-control": "no-cache"}
        if self.last_id is not None:
            headers["last-event-id"] = self.last_id
        return headers

    def timeout(self, connect: float, deadline: float | None) -> httpx.Timeout:
        read = (
            READ_TIMEOUT
            if deadline is None
            else max(0.01, min(READ_TIMEOUT, deadline - self.clock()))
        )
        return httpx.Timeout(connect, read=read)

    def redirected(self, status_code: int, headers: Mapping[str, str]) -> bool:
        """Follow a redirect, but only to the same origin (it gets the credentials)."""
        if not 300 <= status_code < 400:
            return False
        location = headers.get("location")
        target = httpx.URL(urljoin(self.url, location or ""))
        same = (target.scheme, target.host, target.port) == (
            self.base.scheme,
            self.base.host,
            self.base.port,
        )
        self.redirects += 1
        if not location or not same or self.redirects > MAX_REDIRECTS:
            raise APIError(
                "stream redirect refused (not to the same origin)" if location and not same
                else "stream redirect not followed",
                vendor=self.target.vendor, task=self.target.ref, status_code=status_code,
            )  # fmt: skip
        self.url = str(target)
        return True

    def refuse(self, status_code: int, headers: Mapping[str, str], content: bytes) -> None:
        """Raise the typed error for a stream that did not open."""
        read_response(
            self.target.kind.vendor, self.target.ref, Answer(status_code, headers, content)
        )
        raise BadResponse(
            "event stream did not open", vendor=self.target.vendor, task=self.target.ref,
            status_code=status_code,
        )  # fmt: skip

    def accept(self, sse: ServerSentEvent) -> tuple[bool, TaskEvent | None]:
        """(deliver, event): not delivered when already seen; event None at ``done``."""
        self.failures = 0
        if sse.retry is not None:
            self.retry = max(0.0, sse.retry / 1000)
        if sse.event == "message" and not sse.data and not sse.id:
            return False, None  # a bare `retry:` block, not an event
        if not newer(sse.id or None, self.last_id):
            return False, None
        if sse.id:
            self.last_id = sse.id
        return True, decode(sse.event, sse.data, sse.id or None)

    def failed(self, exc: Exception | None) -> None:
        """A connection ended without the stream's end; raise after too many in a row."""
        self.failures += 1
        if self.failures > MAX_FAILURES:
            raise TransportError(
                f"event stream keeps failing ({exc or 'closed early'})",
                vendor=self.target.vendor, task=self.target.ref,
            )  # fmt: skip

    def check_deadline(self, deadline: float | None, timeout: float | None) -> None:
        if deadline is not None and self.clock() >= deadline:
            raise WaitTimeout(
                f"not finished after {timeout:g}s (streaming)",
                vendor=self.target.vendor, task=self.target.ref,
            )  # fmt: skip

    def pause(self, deadline: float | None) -> float:
        return (
            self.retry if deadline is None else max(0.0, min(self.retry, deadline - self.clock()))
        )
