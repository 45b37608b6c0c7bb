"""The poll schedule on a fake clock: no real sleeping anywhere in this file."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest
import taskstatus
from hypothesis import given, settings
from hypothesis import strategies as st
from taskstatus import State
from taskstatus._io.drive_sync import SyncCarrier, drive_sync
from taskstatus._vendors.shannon import TASK
from taskstatus._waiting import flows
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.steps import OnStatus, Send, TaskRef
from taskstatus._wire import MAX_HINT_SECONDS, Answer, parse_retry_after

TARGET = TaskRef(TASK, ("task-1",))
# Examples per property test: fewer under mutation testing (tools/mutants.py), where every
# mutant of the schedule runs these again.
EXAMPLES = int(os.environ.get("TASKSTATUS_SCHEDULE_EXAMPLES", "300"))


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.sends: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


def shannon(status: str, code: int = 200, headers: dict[str, str] | None = None) -> Answer:
    body = {"task_id": "task-1", "status": status, "created_at": "2025-01-01T00:00:00Z",
            "updated_at": "2025-01-01T00:00:00Z"}  # fmt: skip
    if code != 200:
        body = {"error": "x"}
    return Answer(code, httpx.Headers(headers or {}), json.dumps(body).encode())


def run_wait(
    clock: FakeClock,
    answer: Callable[[float], Answer | Exception],
    timeout: float | None = None,
    schedule: PollSchedule | None = None,
    on_status: OnStatus | None = None,
    request_seconds: float = 0.0,
) -> taskstatus.TaskStatus:
    """Run the wait flow; ``answer(t)`` is what the server says at fake time t (seconds since
    the start); each request takes ``request_seconds`` of fake time."""
    start = clock.now

    def send(step: Send) -> Answer:
        clock.sends.append(clock.now - start)
        clock.now += request_seconds
        result = answer(clock.now - start)
        if isinstance(result, Exception):
            raise result
        return result

    flow = flows.poll(TARGET, schedule or PollSchedule(), clock, timeout, on_status)
    return drive_sync(flow, SyncCarrier(send, clock.sleep))


def finishing_at(t_end: float) -> Callable[[float], Answer]:
    return lambda t: shannon("TASK_STATUS_COMPLETED" if t >= t_end else "TASK_STATUS_RUNNING")


def test_first_call_is_immediate() -> None:
    clock = FakeClock()
    run_wait(clock, finishing_at(0))
    assert clock.sends == [0.0]
    assert clock.sleeps == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(duration=st.floats(min_value=0.01, max_value=4 * 3600), seed=st.integers(0, 2**32))
def test_detection_lag_stays_within_a_tenth_of_the_wait(duration: float, seed: int) -> None:
    import random

    random.seed(seed)
    clock = FakeClock()
    run_wait(clock, finishing_at(duration))
    lag = clock.sends[-1] - duration
    assert 0 <= lag <= 0.1 * duration + 0.25 + 1e-9
    assert max(clock.sleeps, default=0) <= PollSchedule().max_interval


@pytest.mark.parametrize("jittered_polls", [0, 5, 17, 30])
def test_lag_bound_holds_when_early_delays_were_jittered_and_later_ones_not(
    jittered_polls: int,
) -> None:
    """The worst case for jitter: it shortens the first delays fully, then stops.  A delay
    must follow the time waited, not the number of polls made, or the bound breaks (by 0.1 s
    at 9 s, for one)."""
    for step in range(1, 700):  # tasks ending every 0.1 s up to 70 s
        duration = step * 0.1
        delays = iter([1.0] * jittered_polls)

        class Adversarial(PollSchedule):
            def poll_delay(self, elapsed: float, rng: Callable[[], float] = lambda: 0.0) -> float:
                return super().poll_delay(elapsed, lambda: next(delays, 0.0))  # noqa: B023

        clock = FakeClock()
        run_wait(clock, finishing_at(duration), schedule=Adversarial())
        lag = clock.sends[-1] - duration
        assert 0 <= lag <= 0.1 * duration + 0.25 + 1e-9, (duration, lag)


def test_long_waits_settle_at_the_cap() -> None:
    clock = FakeClock()
    run_wait(clock, finishing_at(3600))
    assert len(clock.sends) < 3600 / 30 + 60  # vs 1800 requests for a fixed 2 s poll
    assert clock.sleeps[-5:] == pytest.approx([30.0] * 5, rel=0.11)


@settings(max_examples=EXAMPLES * 2 // 3, deadline=None)
@given(
    timeout=st.floats(min_value=0, max_value=500),
    request_seconds=st.floats(min_value=0, max_value=3),
    hint=st.one_of(st.none(), st.floats(min_value=0, max_value=10_000)),
)
def test_deadline_is_never_overshot(
    timeout: float, request_seconds: float, hint: float | None
) -> None:
    clock = FakeClock()
    start = clock.now
    headers = {} if hint is None else {"Retry-After": f"{hint:.3f}"}
    with pytest.raises(taskstatus.WaitTimeout) as caught:
        run_wait(
            clock, lambda t: shannon("TASK_STATUS_RUNNING", 429 if hint else 200, headers),
            timeout=timeout, request_seconds=request_seconds,
        )  # fmt: skip
    # Sleeping never passes the deadline; only the request in flight at the deadline may.
    assert clock.now - start <= timeout + request_seconds + 1e-6
    assert isinstance(caught.value, TimeoutError)
    if hint is None:
        assert caught.value.last_status is not None
        assert caught.value.last_status.state is State.RUNNING


@pytest.mark.parametrize(
    "headers",
    [{"Retry-After": "7"}, {"retry-after-ms": "7000"}],
)
def test_retry_after_is_honoured(headers: dict[str, str]) -> None:
    clock = FakeClock()
    answers = iter([shannon("", 429, headers), shannon("TASK_STATUS_COMPLETED")])
    run_wait(clock, lambda t: next(answers))
    assert clock.sleeps == [pytest.approx(7.0)]


def test_retry_after_http_date_is_honoured() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    when = format_datetime(datetime(2026, 1, 1, 12, 0, 42, tzinfo=UTC), usegmt=True)
    assert parse_retry_after({"retry-after": when}, now=lambda: now.timestamp()) == 42.0


def test_retry_after_on_a_success_answer_paces_the_next_poll() -> None:
    clock = FakeClock()
    answers = iter([shannon("TASK_STATUS_RUNNING", headers={"Retry-After": "5"}),
                    shannon("TASK_STATUS_COMPLETED")])  # fmt: skip
    run_wait(clock, lambda t: next(answers))
    assert clock.sleeps == [pytest.approx(5.0)]


def test_huge_retry_after_is_capped_and_the_deadline_still_wins() -> None:
    assert parse_retry_after({"retry-after": "999999"}) == MAX_HINT_SECONDS
    clock = FakeClock()
    with pytest.raises(taskstatus.WaitTimeout):
        run_wait(clock, lambda t: shannon("", 429, {"Retry-After": "999999"}), timeout=12)
    assert clock.sleeps == [pytest.approx(12.0)]


@pytest.mark.parametrize(
    "raw", ["", "soon", "-5000", "nan", "inf", "1e400", "x" * 500, "Mon, 99 Foo"]
)
def test_garbage_retry_after_is_no_hint(raw: str) -> None:
    assert parse_retry_after({"retry-after": raw}) is None


def test_backoff_on_failures_grows_and_is_bounded() -> None:
    clock = FakeClock()
    schedule = PollSchedule(jitter=0)
    failures = iter([shannon("", 503)] * 12 + [shannon("TASK_STATUS_COMPLETED")])
    run_wait(clock, lambda t: next(failures), schedule=schedule)
    assert clock.sleeps[:5] == [0.5, 1.0, 2.0, 4.0, 8.0]
    assert max(clock.sleeps) == schedule.retry_max
    assert len(clock.sends) == 13


def test_jitter_only_shortens_delays() -> None:
    schedule = PollSchedule()
    for elapsed in [0.0, 0.5, 3.0, 10.0, 100.0, 290.0, 1000.0]:
        base = min(schedule.max_interval, schedule.initial + 0.1 * elapsed)
        assert base * 0.9 - 1e-12 <= schedule.poll_delay(elapsed, rng=lambda: 1.0) <= base
        assert schedule.poll_delay(elapsed, rng=lambda: 0.0) == pytest.approx(base)


def test_without_jitter_each_delay_is_factor_times_the_last() -> None:
    clock = FakeClock()
    run_wait(clock, finishing_at(20.0), schedule=PollSchedule(jitter=0))
    ratios = [b / a for a, b in zip(clock.sleeps, clock.sleeps[1:], strict=False)]
    assert ratios == pytest.approx([1.1] * len(ratios))


def test_on_status_is_called_on_every_change_and_only_then() -> None:
    sequence = ["TASK_STATUS_QUEUED", "TASK_STATUS_QUEUED", "TASK_STATUS_RUNNING",
                "TASK_STATUS_PAUSED", "TASK_STATUS_PAUSED", "TASK_STATUS_RUNNING",
                "TASK_STATUS_COMPLETED"]  # fmt: skip
    answers = iter(sequence)
    seen: list[str | None] = []
    run_wait(
        FakeClock(),
        lambda t: shannon(next(answers)),
        on_status=lambda s: seen.append(s.vendor_status),
    )
    assert seen == ["TASK_STATUS_QUEUED", "TASK_STATUS_RUNNING", "TASK_STATUS_PAUSED",
                    "TASK_STATUS_RUNNING", "TASK_STATUS_COMPLETED"]  # fmt: skip


def test_paused_and_unknown_keep_waiting_and_are_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sequence = iter(["TASK_STATUS_PAUSED"] * 3 + ["BRAND_NEW"] * 3 + ["TASK_STATUS_COMPLETED"])
    with caplog.at_level(logging.DEBUG, logger="taskstatus"):
        final = run_wait(FakeClock(), lambda t: shannon(next(sequence)))
    assert final.state is State.SUCCEEDED
    info = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(info) == 2
    assert "paused" in info[0]
    assert "'BRAND_NEW'" in info[1]
    polls = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert len(polls) == 7  # every poll, at DEBUG
    assert "succeeded after 7 polls" in polls[-1]


def test_unknown_state_keeps_the_raw_value() -> None:
    with pytest.raises(taskstatus.WaitTimeout) as caught:
        run_wait(FakeClock(), lambda t: shannon("TASK_STATUS_ARCHIVED"), timeout=5)
    last = caught.value.last_status
    assert last is not None
    assert last.state is State.UNKNOWN
    assert last.vendor_status == "TASK_STATUS_ARCHIVED"
