"""The stream-first wait and the event stream, as I/O-free flows (see ``steps``).

``next_event`` reads one task event across reconnects: Last-Event-ID after a drop, the
server's ``retry:`` first, no event twice, redirects only to the same origin, and an end after
too many failed connections in a row.  ``events`` hands each event to its driver's caller.
``streamed`` is the wait of a kind that streams: one status call first (the task exists, the
key works), then the stream, with a status refresh after lifecycle steps and whenever the
stream stays silent, and finally the polling wait, which confirms the end (or takes over,
after the failure's delay, when the stream could not be used).
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from taskstatus._errors import APIError, BadResponse, TaskStatusError, TransportError, WaitTimeout
from taskstatus._events import TaskEvent, WorkflowEvent, decode, ends, newer
from taskstatus._model import TaskStatus
from taskstatus._vendors._base import read_response
from taskstatus._waiting import flows
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.steps import (
    Clock,
    Close,
    Emit,
    Flow,
    Message,
    OnRetry,
    OnStatus,
    Open,
    Opened,
    Read,
    Sleep,
    TaskRef,
)
from taskstatus._wire import Answer

READ_TIMEOUT = 30.0  # pings come every 10 s: three missed pings mean the stream is dead
DEFAULT_RETRY = 1.0  # seconds before reconnecting, until the server says otherwise (retry:)
MAX_FAILURES = 3  # consecutive failed connections before giving up
MAX_REDIRECTS = 3
# A streaming wait reopens its stream (after the last event) this often, and asks for the
# status when no event came in that time: a workflow whose stream expired (Shannon keeps them
# 24 h) gets pings only, forever.
SILENT_STREAM_CHECK = 60.0
# Lifecycle steps after which a streaming wait refreshes the status, so on_status sees them.
REFRESH_PHASES = frozenset({"started", "pausing", "paused", "resumed", "cancelling"})


def _origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


class StreamState:
    """One task's stream across reconnects."""

    def __init__(self, base_url: str, task: TaskRef, clock: Clock, last_id: str | None = None):
        self.base_url = base_url
        self.url = base_url + task.kind.stream_request(task.ids).path
        self.task = task
        self.clock = clock
        self.last_id = last_id  # resume after this event (Last-Event-ID)
        self.retry = DEFAULT_RETRY
        self.failures = 0
        self.redirects = 0
        self.open = False
        self.ended = False  # the workflow's end came: a close after it is a clean end

    def opening(self, deadline: float | None) -> Open:
        headers = {"accept": "text/event-stream", "cache-control": "no-cache"}
        if self.last_id is not None:
            headers["last-event-id"] = self.last_id
        read = READ_TIMEOUT if deadline is None else min(READ_TIMEOUT, deadline - self.clock())
        return Open(self.url, headers, max(0.01, read), deadline)

    def redirected(self, opened: Opened) -> bool:
        """Follow a redirect, but only to the same origin (it gets the credentials)."""
        if not 300 <= opened.status_code < 400:
            return False
        location = opened.headers.get("location")
        target = urljoin(self.url, location) if location else None
        same = target is not None and _origin(target) == _origin(self.base_url)
        self.redirects += 1
        if target is None or not same or self.redirects > MAX_REDIRECTS:
            raise APIError(
                "stream redirect refused (not to the same origin)" if location and not same
                else "stream redirect not followed",
                vendor=self.task.vendor, task=self.task.ref, status_code=opened.status_code,
            )  # fmt: skip
        self.url = target
        return True

    def refuse(self, opened: Opened) -> None:
        """Raise the typed error for a stream that did not open."""
        answer = Answer(opened.status_code, opened.headers, opened.content)
        read_response(self.task.kind.vendor, self.task.ref, answer)
        raise BadResponse(
            "event stream did not open", vendor=self.task.vendor, task=self.task.ref,
            status_code=opened.status_code,
        )  # fmt: skip

    def accept(self, message: Message) -> tuple[bool, TaskEvent | None]:
        """(deliver, event): not delivered when already seen; event None at ``done``."""
        self.failures = 0
        if message.retry is not None:
            self.retry = max(0.0, message.retry / 1000)
        if message.event == "message" and not message.data and not message.id:
            return False, None  # a bare `retry:` block, not an event
        if not newer(message.id or None, self.last_id):
            return False, None
        if message.id:
            self.last_id = message.id
        return True, decode(message.event, message.data, message.id or None)

    def failed(self, exc: Exception | None) -> None:
        """A connection ended without the stream's end; raise after too many in a row."""
        self.open = False
        self.failures += 1
        if self.failures > MAX_FAILURES:
            raise TransportError(
                f"event stream keeps failing ({exc or 'closed early'})",
                vendor=self.task.vendor, task=self.task.ref,
            )  # fmt: skip

    def check_deadline(self, deadline: float | None, timeout: float | None) -> None:
        """WaitTimeout once ``deadline`` passed; ``timeout`` None: the deadline is a wait's
        silent-stream check, not a limit the caller set."""
        if deadline is not None and self.clock() >= deadline:
            after = "its silent-stream check" if timeout is None else f"{timeout:g}s"
            raise WaitTimeout(
                f"not finished after {after} (streaming)",
                vendor=self.task.vendor, task=self.task.ref,
            )  # fmt: skip

    def pause(self, deadline: float | None) -> float:
        return (
            self.retry if deadline is None else max(0.0, min(self.retry, deadline - self.clock()))
        )


def next_event(
    state: StreamState, deadline: float | None, timeout: float | None
) -> Flow[TaskEvent | None]:
    """The stream's next event, reconnecting as needed; None at the stream's end.  WaitTimeout
    once ``deadline`` passes."""
    while True:
        if not state.open:
            state.check_deadline(deadline, timeout)
            try:
                opened: Opened = yield state.opening(deadline)  # type: ignore[assignment]
            except TransportError as exc:
                state.check_deadline(deadline, timeout)
                state.failed(exc)
                yield Sleep(state.pause(deadline))
                continue
            if state.redirected(opened):
                continue
            if opened.status_code != 200:
                state.refuse(opened)
            state.open = True
        try:
            message: Message | None = yield Read()  # type: ignore[assignment]
        except TransportError as exc:
            if state.ended:
                return None
            state.check_deadline(deadline, timeout)
            state.failed(exc)
            yield Sleep(state.pause(deadline))
            continue
        if message is None:  # the server closed the stream
            if state.ended:
                return None  # after the workflow ended: a clean end
            state.failed(None)
            yield Sleep(state.pause(deadline))
            continue
        deliver, event = state.accept(message)
        if not deliver:
            continue
        if event is None:
            return None  # `done`: the end of the stream
        state.ended = state.ended or ends(event)
        return event


def events(task: TaskRef, base_url: str, clock: Clock, timeout: float | None = None) -> Flow[None]:
    """Emit the task's live events until the stream's end; WaitTimeout after ``timeout``."""
    deadline = None if timeout is None else clock() + max(0.0, timeout)
    state = StreamState(base_url, task, clock)
    while True:
        event = yield from next_event(state, deadline, timeout)
        if event is None:
            yield Close()
            return
        yield Emit(event)


def streamed(
    task: TaskRef,
    base_url: str,
    schedule: PollSchedule,
    clock: Clock,
    timeout: float | None = None,
    on_status: OnStatus | None = None,
    on_retry: OnRetry | None = None,
) -> Flow[TaskStatus]:
    """Wait for a task of a kind that streams: probe, follow the stream, then poll to confirm."""
    deadline = None if timeout is None else clock() + max(0.0, timeout)
    try:
        first = (yield from flows.observe(task, deadline)).status
    except TaskStatusError as exc:
        if not exc.transient:
            raise
        # Polling rides it out within the deadline, after the delay the failure asks for.
        return (yield from flows.poll(task, schedule, clock, _left(clock, deadline), on_status,
                                      None, exc, on_retry=on_retry, told=timeout))  # fmt: skip
    if on_status is not None:
        on_status(first)
    if first.done:
        return first
    error: TaskStatusError | None = None
    reported = first
    try:
        reported = yield from follow(task, base_url, clock, deadline, timeout, on_status, first)
    except WaitTimeout:
        raise
    except TaskStatusError as exc:
        error = exc
        flows.log.info("%s %s: event stream unavailable (%s); polling", task.vendor, task.ref, exc)
    yield Close()
    # The final status is always confirmed by a status call: the first poll of the flow, which
    # goes on polling if the stream ended early or could not be used.
    return (yield from flows.poll(task, schedule, clock, _left(clock, deadline), on_status,
                                  reported, error, on_retry=on_retry,
                                  told=timeout))  # fmt: skip


def follow(
    task: TaskRef,
    base_url: str,
    clock: Clock,
    deadline: float | None,
    timeout: float | None,
    on_status: OnStatus | None,
    reported: TaskStatus,
) -> Flow[TaskStatus]:
    """Stream until the workflow ends or the stream does; the last status reported.  The
    stream is reopened after its last event every SILENT_STREAM_CHECK seconds; when none came
    in that time, the status is asked for first (an expired workflow's stream sends pings
    only)."""
    last_id: str | None = None
    while True:
        check = clock() + SILENT_STREAM_CHECK
        check_at = check if deadline is None else min(check, deadline)
        state = StreamState(base_url, task, clock, last_id)
        try:
            while True:
                event = yield from next_event(state, check_at, timeout)
                if event is None or ends(event):
                    return reported
                if _refreshes(event):
                    reported = yield from refresh(task, deadline, on_status, reported)
        except WaitTimeout:
            if check_at == deadline:
                raise flows.timed_out(task, timeout, reported) from None
        yield Close()
        if state.last_id != last_id:
            last_id = state.last_id  # events came: the stream is alive; reconnect after them
            continue
        reported = yield from refresh(task, deadline, on_status, reported)  # silent: still going?
        if reported.done:
            return reported


def refresh(
    task: TaskRef, deadline: float | None, on_status: OnStatus | None, reported: TaskStatus
) -> Flow[TaskStatus]:
    """A status call while streaming (not retried: after a transient failure the stream goes
    on); on_status hears of a change.  The latest status known."""
    try:
        status = (yield from flows.observe(task, deadline)).status
    except TaskStatusError as exc:
        if exc.transient:
            return reported
        raise
    if on_status is not None and flows.changed(status, reported):
        on_status(status)
    return status


def _refreshes(event: TaskEvent) -> bool:
    """Lifecycle events after which a streaming wait asks for the status (for on_status)."""
    return isinstance(event, WorkflowEvent) and event.phase in REFRESH_PHASES


def _left(clock: Clock, deadline: float | None) -> float | None:
    return None if deadline is None else max(0.0, deadline - clock())
