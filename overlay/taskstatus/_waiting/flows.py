"""The wait policy for one task, as I/O-free flows (generators; see ``steps``).

Every rule of waiting lives here or in ``stream`` (the stream-first wait): one status call and
its retries, the poll schedule, Retry-After (on errors and on 200 answers, never below the
schedule's floor), hints (wakeable sleeps, follow-up polls, the safety-net schedule),
deadlines, ``on_status`` and WaitTimeout.  Drivers (``taskstatus._io``) carry the steps out;
the tests drive the flows on a fake clock.  ``next_check`` is the same policy for a caller
that keeps the wait's state itself between checks (a Celery watch).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from taskstatus._errors import APIError, BadResponse, RateLimited, TaskStatusError, WaitTimeout
from taskstatus._model import State, TaskStatus
from taskstatus._vendors._base import read_response
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.steps import WOKEN, Clock, Flow, OnRetry, OnStatus, Send, Sleep, TaskRef
from taskstatus._wire import Answer, Request, parse_retry_after

log = logging.getLogger("taskstatus")

T = TypeVar("T")

# After a hint, if the status call does not show the end yet (the vendor's status may lag its
# own delivery), poll again after these delays before falling back to the safety net.
FOLLOW_UP = (0.5, 2.0)


@attrs.frozen
class Observed:
    status: TaskStatus
    hint: float | None  # the server's Retry-After on the status answer, if any


def fetch(
    task: TaskRef,
    request: Request,
    deadline: float | None = None,
    parse: Callable[[Any, Answer], T] = lambda body, answer: body,
    attempt: int = 0,
) -> Flow[tuple[T, Answer]]:
    """One request: ``parse`` of its checked JSON body and the answer (a shape error names the
    HTTP status); ``attempt``: the transient failures just before it."""
    answer = yield Send(request, deadline, task.ref, attempt)
    if not isinstance(answer, Answer):  # a driver must answer every Send
        raise RuntimeError("taskstatus: a flow was resumed without an answer")
    body = read_response(task.kind.vendor, task.ref, answer)
    try:
        return parse(body, answer), answer
    except BadResponse as exc:
        raise exc.at_status(answer.status_code) from exc


def observe(task: TaskRef, deadline: float | None = None, attempt: int = 0) -> Flow[Observed]:
    """One status call (plus, for kinds that need it, the output call once terminal);
    ``attempt``: the transient failures in a row before it."""
    kind = task.kind
    status, answer = yield from fetch(
        task,
        kind.status_request(task.ids),
        deadline,
        lambda b, a: kind.parse_status(b, task.ids, a.content),
        attempt,
    )
    if status.done and kind.fetches_output:
        status, _ = yield from fetch(
            task,
            kind.output_request(task.ids),
            deadline,
            lambda b, _: kind.merge_output(status, b),
        )
    return Observed(status, parse_retry_after(answer.headers))


@attrs.frozen
class RetryPolicy:
    """How one status call retries transient failures: at most ``max_retries`` more tries,
    never sleeping past ``budget`` seconds from its start."""

    max_retries: int = 2
    budget: float = 30.0


def with_retries(
    make: Callable[[int], Flow[T]],
    policy: RetryPolicy,
    schedule: PollSchedule,
    clock: Clock,
    task: TaskRef,
) -> Flow[T]:
    """Run ``make(failures)``; retry it on transient errors within the policy."""
    start = clock()
    failures = 0
    while True:
        try:
            return (yield from make(failures))
        except TaskStatusError as exc:
            if not exc.transient or failures >= policy.max_retries:
                raise
            failures += 1
            delay = after_failure(exc, failures, schedule)
            if clock() + delay - start > policy.budget:
                raise
            log.debug("%s %s: %s; retry %d in %.2fs", task.vendor, task.ref, exc, failures, delay)
            yield Sleep(delay)


def after_failure(exc: TaskStatusError, failures: int, schedule: PollSchedule) -> float:
    """The delay after ``failures`` transient failures in a row, ``exc`` the last: the server's
    Retry-After first (never below the schedule's floor), else the retry backoff."""
    hint = exc.retry_after if isinstance(exc, RateLimited) else None
    return paced(hint, schedule) or schedule.retry_delay(failures)


def after_status(hint: float | None, elapsed: float, schedule: PollSchedule) -> float:
    """The delay before the next poll, ``elapsed`` seconds into the wait: the Retry-After of
    the last answer first (never below the floor), else the schedule."""
    return paced(hint, schedule) or schedule.poll_delay(elapsed)


def paced(hint: float | None, schedule: PollSchedule) -> float | None:
    """A server hint, but never below the schedule's first interval: "retry after 0" on
    every 429 must not turn into a busy loop."""
    return None if hint is None else max(hint, schedule.initial)


def next_check(
    outcome: Observed | TaskStatusError,
    failures: int,
    elapsed: float,
    remaining: float,
    schedule: PollSchedule,
) -> float | None:
    """Seconds until the next check of a wait whose state its caller keeps between checks (a
    Celery watch), after ``outcome``: a status not yet final, or a transient error
    (``failures``: transient failures in a row, this one included).  None when no time is
    left.  A final status or a permanent error ends the wait: the caller's to report."""
    if remaining <= 0:
        return None
    if isinstance(outcome, TaskStatusError):
        delay = after_failure(outcome, failures, schedule)
    else:
        delay = after_status(outcome.hint, elapsed, schedule)
    return min(delay, remaining)


# A watch run that starts more than this many seconds past its deadline (its workers were down
# or overloaded) ends with the timeout unchecked: a check that late would tell of a deadline
# the caller has already passed.  The last on-time check comes at the deadline, within this.
LATE_AFTER = 2.0


def late_by(remaining: float) -> float | None:
    """How far past its deadline a watch run starts (``remaining``: seconds left, negative when
    past), when that is more than ``LATE_AFTER``: the run ends the watch with the timeout,
    unchecked, even if the task has since ended.  None: the run checks."""
    return -remaining if -remaining > LATE_AFTER else None


def changed(status: TaskStatus, last: TaskStatus | None) -> bool:
    """A status worth telling on_status about: the first, or a new state or vendor value."""
    return last is None or (last.state, last.vendor_status) != (status.state, status.vendor_status)


def poll(
    task: TaskRef,
    schedule: PollSchedule,
    clock: Clock,
    timeout: float | None = None,
    on_status: OnStatus | None = None,
    last: TaskStatus | None = None,
    after: TaskStatusError | None = None,
    hinted: bool = False,
    on_retry: OnRetry | None = None,
    told: float | None = None,
) -> Flow[TaskStatus]:
    """Poll until the task is terminal; return its final status.

    The first call is immediate, unless ``after`` is the transient failure that ended what ran
    before this wait (a streaming wait's probe or stream): then it comes after that failure's
    delay.  Later calls follow ``schedule`` unless the server gave a hint.  Transient failures
    (429, 5xx, transport) are retried until the deadline; any other error raises at once.  No
    sleep goes past the deadline; when it has passed, WaitTimeout carries the last status seen.
    ``hinted``: sleeps are wakeable; a wake polls at once, then after FOLLOW_UP's delays.
    ``last``: a status already reported to on_status, if any.  ``on_retry`` hears of each
    transient failure ridden out (and the delay before the next try); WaitTimeout names the
    last of them and carries it (``last_error``).  ``told``: the timeout the caller gave, for
    the message, when ``timeout`` is what is left of it (a streaming wait's polling).
    """
    started = clock()
    deadline = None if timeout is None else started + max(0.0, timeout)
    polls = failures = 0
    noted: tuple[State, ...] = ()  # states logged once; a tuple: no allocation per wait
    follow_ups: tuple[float, ...] = ()  # after a wake
    delay: float | None = None  # before the next poll; None: at once
    ridden: TaskStatusError | None = None  # the last transient failure ridden out
    if after is not None and after.transient:
        failures = 1
        ridden = after
        delay = after_failure(after, failures, schedule)
        log.debug("%s %s: %s; polling in %.2fs", task.vendor, task.ref, after, delay)
        if on_retry is not None:
            on_retry(after, delay)
    while True:
        if delay is not None:
            if follow_ups:
                delay, follow_ups = min(delay, follow_ups[0]), follow_ups[1:]
            if deadline is not None:
                remaining = deadline - clock()
                if remaining <= 0:
                    raise timed_out(task, timeout if told is None else told, last, ridden)
                delay = min(delay, remaining)
            if (yield Sleep(delay, hinted)) is WOKEN:
                follow_ups = FOLLOW_UP
                log.debug("%s %s: hint; polling now", task.vendor, task.ref)
        try:
            seen = yield from observe(task, deadline, failures)
        except TaskStatusError as exc:
            if not exc.transient:
                raise
            failures += 1
            ridden = exc
            delay = after_failure(exc, failures, schedule)
            log.debug("%s %s: %s; trying again in %.2fs", task.vendor, task.ref, exc, delay)
            if on_retry is not None:
                on_retry(exc, delay)
            continue
        polls += 1
        failures = 0
        status = seen.status
        report = on_status if changed(status, last) else None
        last = status
        if report is not None:
            report(status)
        if status.done:
            log.debug("%s %s: %s after %d polls", task.vendor, task.ref, status.state.value, polls)
            return status
        if status.state in (State.PAUSED, State.UNKNOWN) and status.state not in noted:
            noted += (status.state,)
            log.info(
                "%s %s: state %s (vendor status %r); still waiting",
                task.vendor, task.ref, status.state.value, status.vendor_status,
            )  # fmt: skip
        delay = after_status(seen.hint, clock() - started, schedule)
        log.debug(
            "%s %s: poll %d -> %s (%s); next in %.2fs",
            task.vendor, task.ref, polls, status.state.value, status.vendor_status, delay,
        )  # fmt: skip


def timeout_text(
    timeout: float | None, last: TaskStatus | None, error: TaskStatusError | None
) -> str:
    """What a WaitTimeout says: the timeout, the last state seen, the last failure ridden out."""
    seen = f"last state {last.state.value}" if last else "no status received"
    failure = f"; last failure ridden out: {error.reason}" if error else ""
    return f"not finished after {timeout:g}s ({seen}{failure})"


def timed_out(
    task: TaskRef,
    timeout: float | None,
    last: TaskStatus | None,
    error: TaskStatusError | None = None,
) -> WaitTimeout:
    """The WaitTimeout of a wait whose deadline passed, with the last status seen and the
    last transient failure ridden out, if any."""
    return WaitTimeout(
        timeout_text(timeout, last, error),
        last_status=last, last_error=error, vendor=task.vendor, task=task.ref,
    )  # fmt: skip


def cancel(task: TaskRef) -> Flow[bool]:
    """Ask the vendor to cancel: True when it accepted the cancel of a running task, False
    when the task had already ended (409, a body code of the vendor's ``ended_codes`` such as
    BrowserAct's 10121, or the vendor's own "not cancelled" answer)."""
    kind = task.kind
    try:
        accepted, _ = yield from fetch(
            task, kind.cancel_request(task.ids), None, lambda b, _: kind.parse_cancel(b)
        )
    except APIError as exc:
        if exc.status_code == 409 or exc.vendor_code in kind.vendor.ended_codes:
            return False
        raise
    return accepted
