"""The waiting logic, written once for sync and async: generators that do no I/O.

A flow yields instructions (``Send`` a request, ``Sleep``) and is sent back what happened (an
``Answer``, or None after a sleep); a failed send is thrown into it as ``TransportError``.
``drive_sync`` and ``drive_async`` (in ``taskstatus._waiting.drive``) carry them out, and
tests drive them with a fake clock.  Every rule about retries, hints, deadlines, ``on_status``
and logging lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from typing import Any, TypeVar

import attrs

from taskstatus._errors import APIError, BadResponse, RateLimited, TaskStatusError, WaitTimeout
from taskstatus._model import State, TaskStatus
from taskstatus._vendors._base import Answer, Kind, Request, read_response
from taskstatus._waiting.schedule import PollSchedule, parse_retry_after

log = logging.getLogger("taskstatus")

T = TypeVar("T")


@attrs.frozen
class Send:
    """Send this request; ``deadline`` (monotonic) bounds how long it may take, if set."""

    request: Request
    deadline: float | None = None
    task: str | None = None  # for messages


@attrs.frozen
class Sleep:
    seconds: float


Flow = Generator[Send | Sleep, Answer | None, T]
Clock = Callable[[], float]
OnStatus = Callable[[TaskStatus], object]


@attrs.frozen
class Target:
    """What a handle points at: a task kind and the task's ids."""

    kind: Kind
    ids: tuple[str, ...]

    @property
    def ref(self) -> str:
        return "/".join(self.ids)

    @property
    def vendor(self) -> str:
        return self.kind.vendor.name


@attrs.frozen
class Observed:
    status: TaskStatus
    hint: float | None  # the server's Retry-After on the status answer, if any


def fetch(
    target: Target,
    request: Request,
    deadline: float | None = None,
    parse: Callable[[Any], T] = lambda body: body,
) -> Flow[tuple[T, Answer]]:
    """One request: ``parse`` of its checked JSON body (a shape error names the HTTP status)."""
    answer = yield Send(request, deadline, target.ref)
    if answer is None:  # a driver must answer every Send
        raise RuntimeError("taskstatus: a flow was resumed without an answer")
    body = read_response(target.kind.vendor, target.ref, answer)
    try:
        return parse(body), answer
    except BadResponse as exc:
        raise exc.at_status(answer.status_code) from exc


def observe(target: Target, deadline: float | None = None) -> Flow[Observed]:
    """One status call (plus, for kinds that need it, the output call once terminal)."""
    kind = target.kind
    status, answer = yield from fetch(
        target,
        kind.status_request(target.ids),
        deadline,
        lambda b: kind.parse_status(b, target.ids),
    )
    if status.done and kind.fetches_output:
        status, _ = yield from fetch(
            target,
            kind.output_request(target.ids),
            deadline,
            lambda b: kind.merge_output(status, b),
        )
    return Observed(status, parse_retry_after(answer.headers))


@attrs.frozen
class RetryPolicy:
    """How one status call retries transient failures: at most ``max_retries`` more tries,
    never sleeping past ``budget`` seconds from its start."""

    max_retries: int = 2
    budget: float = 30.0


def with_retries(
    make: Callable[[], Flow[T]],
    policy: RetryPolicy,
    schedule: PollSchedule,
    clock: Clock,
    target: Target,
) -> Flow[T]:
    """Run ``make()``; retry it on transient errors within the policy."""
    start = clock()
    failures = 0
    while True:
        try:
            return (yield from make())
        except TaskStatusError as exc:
            if not exc.transient or failures >= policy.max_retries:
                raise
            failures += 1
            delay = _paced(_hint(exc), schedule) or schedule.retry_delay(failures)
            if clock() + delay - start > policy.budget:
                raise
            log.debug(
                "%s %s: %s; retry %d in %.2fs", target.vendor, target.ref, exc, failures, delay
            )
            yield Sleep(delay)


def _hint(exc: TaskStatusError) -> float | None:
    return exc.retry_after if isinstance(exc, RateLimited) else None


def _paced(hint: float | None, schedule: PollSchedule) -> float | None:
    """A server hint, but never below the schedule's first interval: "retry after 0" on
    every 429 must not turn into a busy loop."""
    return None if hint is None else max(hint, schedule.initial)


def wait(
    target: Target,
    schedule: PollSchedule,
    clock: Clock,
    timeout: float | None = None,
    on_status: OnStatus | None = None,
    last: TaskStatus | None = None,
    after: TaskStatusError | None = None,
) -> Flow[TaskStatus]:
    """Poll until the task is terminal; return its final status.

    The first call is immediate, unless ``after`` is the transient failure that ended what ran
    before this wait (a streaming wait's probe or stream): then it comes after that failure's
    delay, the server's Retry-After first.  Later calls follow ``schedule`` unless the server
    gave a hint.  Transient failures (429, 5xx, transport) are retried until the deadline; any
    other error raises at once.  No sleep goes past the deadline; when it has passed,
    WaitTimeout carries the last status seen.
    """
    started = clock()
    deadline = None if timeout is None else started + max(0.0, timeout)
    polls = failures = 0  # ``last``: a status already reported to on_status, if any
    noted: tuple[State, ...] = ()  # states logged once; a tuple: no allocation per wait
    delay: float | None = None  # before the next poll; None: at once
    if after is not None and after.transient:
        failures = 1
        delay = _paced(_hint(after), schedule) or schedule.retry_delay(failures)
        log.debug("%s %s: %s; polling in %.2fs", target.vendor, target.ref, after, delay)
    while True:
        if delay is not None:
            if deadline is not None:
                remaining = deadline - clock()
                if remaining <= 0:
                    raise _timed_out(target, timeout, last)
                delay = min(delay, remaining)
            yield Sleep(delay)
        try:
            seen = yield from observe(target, deadline)
        except TaskStatusError as exc:
            if not exc.transient:
                raise
            failures += 1
            delay = _paced(_hint(exc), schedule) or schedule.retry_delay(failures)
            log.debug("%s %s: %s; trying again in %.2fs", target.vendor, target.ref, exc, delay)
        else:
            polls += 1
            failures = 0
            status = seen.status
            changed = last is None or (last.state, last.vendor_status) != (
                status.state,
                status.vendor_status,
            )
            last = status
            if changed and on_status is not None:
                on_status(status)
            if status.done:
                log.debug(
                    "%s %s: %s after %d polls", target.vendor, target.ref, status.state.value, polls
                )
                return status
            if status.state in (State.PAUSED, State.UNKNOWN) and status.state not in noted:
                noted += (status.state,)
                log.info(
                    "%s %s: state %s (vendor status %r); still waiting",
                    target.vendor, target.ref, status.state.value, status.vendor_status,
                )  # fmt: skip
            delay = _paced(seen.hint, schedule) or schedule.poll_delay(clock() - started)
            log.debug(
                "%s %s: poll %d -> %s (%s); next in %.2fs",
                target.vendor, target.ref, polls, status.state.value, status.vendor_status, delay,
            )  # fmt: skip


def _timed_out(target: Target, timeout: float | None, last: TaskStatus | None) -> WaitTimeout:
    seen = f" (last state {last.state.value})" if last else " (no status received)"
    return WaitTimeout(
        f"not finished after {timeout:g}s{seen}",
        last_status=last, vendor=target.vendor, task=target.ref,
    )  # fmt: skip


def cancel(target: Target) -> Flow[bool]:
    """Ask the vendor to cancel; False when it answers that it could not (e.g. 409: already
    finished)."""
    kind = target.kind
    try:
        accepted, _ = yield from fetch(
            target, kind.cancel_request(target.ids), None, kind.parse_cancel
        )
    except APIError as exc:
        if exc.status_code == 409:
            return False
        raise
    return accepted
