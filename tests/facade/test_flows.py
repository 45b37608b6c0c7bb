"""The wait policy's flows on a fake clock: hints, the stream-first wait, the event stream,
status retries, the Celery pacing, the many-wait Board.  No socket and no real sleep here:
``Sim`` answers each step a flow yields from a script and moves a fake clock."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Generator
from typing import Any

import httpx
import pytest
from taskstatus import State, TaskStatus
from taskstatus._errors import (
    APIError,
    BadResponse,
    ConfigurationError,
    RateLimited,
    ServerError,
    TaskNotFound,
    TaskStatusError,
    TransportError,
    WaitTimeout,
)
from taskstatus._events import WorkflowEvent
from taskstatus._vendors.shannon import TASK
from taskstatus._waiting import board as boards
from taskstatus._waiting import flows, plan, stream
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.steps import (
    WOKEN,
    Close,
    Emit,
    Message,
    Open,
    Opened,
    Read,
    Send,
    Sleep,
    TaskRef,
)
from taskstatus._wire import Answer

REF = TaskRef(TASK, ("task-1",))
BASE = "http://vendor.test"
STILL = PollSchedule(jitter=0.0)  # no jitter: every delay is exact
RUNNING, DONE = "TASK_STATUS_RUNNING", "TASK_STATUS_COMPLETED"


def answer(status: str = RUNNING, code: int = 200, headers: dict[str, str] | None = None) -> Answer:
    body: Any = {"task_id": "task-1", "status": status, "created_at": "2025-01-01T00:00:00Z",
                 "updated_at": "2025-01-01T00:00:00Z"}  # fmt: skip
    if code != 200:
        body = {"error": "x"}
    return Answer(code, httpx.Headers(headers or {}), json.dumps(body).encode())


def observe_ref(attempt: int) -> Any:
    return flows.observe(REF, None, attempt)


def ended_at(t_end: float) -> Callable[[float], Answer]:
    return lambda t: answer(DONE if t >= t_end else RUNNING)


class Sim:
    """Runs a flow on a fake clock.  ``status(t)``: the answer (or an error to raise) to a
    Send at time t; ``wakes``: times a hint arrives; ``streams``: for each Open in turn, a
    list of (time, Message | None | Exception) the stream gives, or an Opened to answer."""

    def __init__(
        self,
        status: Callable[[float], Answer | Exception] | None = None,
        *,
        wakes: tuple[float, ...] = (),
        streams: list[Any] | None = None,
        request_seconds: float = 0.0,
    ):
        self.now = 0.0
        self.status = status or ended_at(1e9)
        self.wakes = sorted(wakes)
        self.streams = list(streams or [])
        self.request_seconds = request_seconds
        self.sends: list[float] = []
        self.sent: list[Send] = []
        self.sleeps: list[tuple[float, float, bool]] = []  # (at, seconds, wakeable)
        self.opens: list[Open] = []
        self.closes = 0
        self.emitted: list[Any] = []
        self.woken = 0
        self._stream: list[Any] | None = None
        self._cut: float | None = None

    def clock(self) -> float:
        return self.now

    def outcome(self, step: Any) -> Any:
        if isinstance(step, Send):
            self.sends.append(self.now)
            self.sent.append(step)
            self.now += self.request_seconds
            got = self.status(self.now)
            if isinstance(got, APIError):  # as a server says it: an HTTP answer
                hint = getattr(got, "retry_after", None)
                headers = {} if hint is None else {"retry-after": f"{hint:g}"}
                return Answer(got.status_code or 500, httpx.Headers(headers), b'{"error":"x"}')
            if isinstance(got, Exception):
                raise got
            return got
        if isinstance(step, Sleep):
            assert step.seconds >= 0
            self.sleeps.append((self.now, step.seconds, step.wakeable))
            end = self.now + step.seconds
            if step.wakeable and self.wakes and self.wakes[0] <= end:
                self.now = max(self.now, self.wakes.pop(0))
                self.woken += 1
                return WOKEN
            self.now = end
            return None
        if isinstance(step, Open):
            self.opens.append(step)
            script = self.streams.pop(0) if self.streams else Opened(503, {}, b'{"error":"x"}')
            if isinstance(script, tuple):  # (seconds, error): a connection that fails late
                self.now += script[0]
                raise script[1]
            if isinstance(script, Exception):
                raise script
            if isinstance(script, Opened):
                return script
            self._stream, self._cut = list(script), step.deadline
            return Opened(200, {})
        if isinstance(step, Read):
            assert self._stream is not None, "Read with no open stream"
            if not self._stream:
                self._stream = None
                return None  # the server closed it
            at, item = self._stream[0]
            if self._cut is not None and at > self._cut:
                self.now = max(self.now, self._cut)
                self._stream = None
                raise TransportError("cut at the deadline")
            self._stream.pop(0)
            self.now = max(self.now, at)
            if isinstance(item, Exception):
                self._stream = None
                raise item
            if item is None:
                self._stream = None
            return item
        if isinstance(step, Close):
            self.closes += 1
            self._stream = None
            return None
        if isinstance(step, Emit):
            self.emitted.append(step.event)
            return None
        raise AssertionError(step)

    def run(self, flow: Generator[Any, Any, Any], steps: int = 5000) -> Any:
        reply: Any = None
        failure: Exception | None = None
        for _ in range(steps):  # a flow that never ends is a failure, not a hang
            try:
                step = flow.throw(failure) if failure else flow.send(reply)
            except StopIteration as done:
                return done.value
            reply = failure = None
            try:
                reply = self.outcome(step)
            except TransportError as exc:
                failure = exc
        raise AssertionError(f"the flow did not end within {steps} steps")


def event(name: str, at: float, id_: str = "", data: str = "{}") -> tuple[float, Message]:
    return at, Message(event=name, data=data, id=id_)


# --- polling with hints ----------------------------------------------------------------------


def test_a_hinted_wait_sleeps_the_safety_interval_and_a_wake_polls_at_once() -> None:
    sim = Sim(ended_at(3.0), wakes=(3.0,))
    safety = plan.WaitPlan(BASE, STILL, hinted=True, safety_interval=60.0).safety
    final = sim.run(flows.poll(REF, safety, sim.clock, hinted=True))
    assert final.state is State.SUCCEEDED
    assert sim.sends == [0.0, 3.0]
    assert sim.sleeps == [(0.0, 60.0, True)]


def test_after_a_wake_the_follow_ups_come_before_the_safety_net() -> None:
    # The vendor's status lags its own delivery: the end shows 2 s after the hint.
    sim = Sim(ended_at(5.0), wakes=(3.0,))
    safety = plan.WaitPlan(BASE, STILL, hinted=True, safety_interval=60.0).safety
    sim.run(flows.poll(REF, safety, sim.clock, hinted=True))
    assert sim.sends == [0.0, 3.0, 3.5, 5.5]
    assert [s for _, s, _ in sim.sleeps] == [60.0, 0.5, 2.0]
    assert sim.sleeps[-1][2] is True


def test_follow_ups_end_in_the_safety_net_and_a_new_wake_starts_them_again() -> None:
    sim = Sim(ended_at(100.0), wakes=(3.0, 20.0))
    safety = plan.WaitPlan(BASE, STILL, hinted=True, safety_interval=60.0).safety
    sim.run(flows.poll(REF, safety, sim.clock, hinted=True))
    delays = [s for _, s, _ in sim.sleeps]
    assert delays[:3] == [60.0, 0.5, 2.0]
    assert sim.sends[:5] == [0.0, 3.0, 3.5, 5.5, 20.0]
    assert delays[3] == pytest.approx(60.0)  # the sleep the second wake cut short
    assert delays[4:6] == [0.5, 2.0]


def test_an_unhinted_wait_never_asks_for_a_wakeable_sleep() -> None:
    sim = Sim(ended_at(2.0))
    sim.run(flows.poll(REF, STILL, sim.clock))
    assert sim.sleeps
    assert not any(w for _, _, w in sim.sleeps)


def test_a_wake_never_stretches_a_sleep_past_the_deadline() -> None:
    sim = Sim(ended_at(1e9), wakes=(0.5,))
    with pytest.raises(WaitTimeout):
        sim.run(flows.poll(REF, STILL, sim.clock, timeout=2.0, hinted=True))
    assert sim.now == pytest.approx(2.0)
    assert all(at + s <= 2.0 + 1e-9 for at, s, _ in sim.sleeps)


def test_the_safety_schedule_keeps_the_clients_jitter_and_retry_backoff() -> None:
    schedule = PollSchedule(jitter=0.3, retry_initial=0.7, retry_factor=3.0, retry_max=9.0)
    safety = plan.WaitPlan(BASE, schedule, hinted=True, safety_interval=42.0).safety
    assert (safety.initial, safety.factor, safety.max_interval) == (42.0, 1.0, 42.0)
    assert (safety.jitter, safety.retry_initial, safety.retry_factor, safety.retry_max) == (
        0.3, 0.7, 3.0, 9.0,
    )  # fmt: skip


# --- which wait a task gets --------------------------------------------------------------------


def _first_step(flow: Generator[Any, Any, Any]) -> Any:
    step = flow.send(None)
    flow.close()
    return step


def test_until_done_polls_hinted_streams_or_polls_as_the_plan_says() -> None:
    sim = Sim(ended_at(0.0))
    hinted = plan.WaitPlan(BASE, STILL, hinted=True, safety_interval=7.0)
    sim.run(plan.until_done(REF, hinted, sim.clock))
    assert sim.opens == []  # a hinted client does not stream
    streaming = plan.WaitPlan(BASE, STILL)
    assert streaming.streams(REF)
    assert not plan.WaitPlan(BASE, STILL, streaming=False).streams(REF)
    assert not hinted.streams(REF)
    # streaming: the probe, then the stream (the task is still running)
    sim = Sim(ended_at(1.0), streams=[[event("WORKFLOW_COMPLETED", 1.0, "1")]])
    final = sim.run(plan.until_done(REF, streaming, sim.clock, timeout=30))
    assert final.state is State.SUCCEEDED
    assert len(sim.opens) == 1
    # a many-wait never streams
    sim = Sim(ended_at(1.0))
    sim.run(plan.until_done(REF, streaming, sim.clock, timeout=30, streaming=False))
    assert sim.opens == []


def test_a_hinted_plan_waits_on_the_safety_interval() -> None:
    sim = Sim(ended_at(10.0))
    hinted = plan.WaitPlan(BASE, STILL, hinted=True, safety_interval=7.0)
    sim.run(plan.until_done(REF, hinted, sim.clock))
    assert [s for _, s, _ in sim.sleeps] == [7.0, 7.0]
    assert all(w for _, _, w in sim.sleeps)


# --- the stream-first wait ---------------------------------------------------------------------


def test_a_task_ended_at_the_probe_opens_no_stream() -> None:
    seen: list[TaskStatus] = []
    sim = Sim(ended_at(0.0))
    final = sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 10, seen.append))
    assert final.state is State.SUCCEEDED
    assert sim.opens == []
    assert sim.sends == [0.0]
    assert [s.state for s in seen] == [State.SUCCEEDED]


def test_the_stream_end_is_confirmed_by_one_status_call() -> None:
    seen: list[TaskStatus] = []
    sim = Sim(ended_at(2.0), streams=[[event("AGENT_STARTED", 1.0, "1"),
                                       event("WORKFLOW_COMPLETED", 2.0, "2")]])  # fmt: skip
    final = sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30, seen.append))
    assert final.state is State.SUCCEEDED
    assert sim.sends == [0.0, 2.0]  # the probe, the confirmation
    assert [s.state for s in seen] == [State.RUNNING, State.SUCCEEDED]
    assert sim.closes >= 1
    opened = sim.opens[0]
    assert opened.url == BASE + "/api/v1/tasks/task-1/stream" or opened.url.startswith(BASE)
    assert opened.headers["accept"] == "text/event-stream"
    assert "last-event-id" not in opened.headers
    assert opened.deadline == pytest.approx(30.0)  # the wait's deadline comes before 60 s


def test_lifecycle_steps_refresh_the_status_for_on_status() -> None:
    seen: list[TaskStatus] = []
    states = {0.0: RUNNING, 1.0: "TASK_STATUS_PAUSED", 2.0: RUNNING, 3.0: DONE}
    status = lambda t: answer(states[max(k for k in states if k <= t)])  # noqa: E731
    sim = Sim(status, streams=[[event("workflow.paused", 1.0, "1"),
                                event("workflow.resumed", 2.0, "2"),
                                event("thread.message.delta", 2.5, "3", '{"delta":"x"}'),
                                event("WORKFLOW_COMPLETED", 3.0, "4")]])  # fmt: skip
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30, seen.append))
    assert [s.state for s in seen] == [State.RUNNING, State.PAUSED, State.RUNNING, State.SUCCEEDED]
    assert sim.sends == [0.0, 1.0, 2.0, 3.0]  # no refresh after a delta


def test_a_refresh_that_fails_transiently_keeps_the_stream() -> None:
    calls = iter([answer(RUNNING), ServerError("down", status_code=503), answer(DONE)])
    script = [event("workflow.paused", 1.0, "1"), event("WORKFLOW_COMPLETED", 2.0, "2")]
    sim = Sim(lambda t: next(calls), streams=[script])
    final = sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30))
    assert final.state is State.SUCCEEDED
    assert len(sim.opens) == 1


def test_a_refresh_that_fails_for_good_hands_over_to_polling_which_raises() -> None:
    calls = iter([answer(RUNNING), TaskNotFound("gone", status_code=404)] * 3)
    sim = Sim(lambda t: next(calls), streams=[[event("workflow.paused", 1.0, "1")]])
    with pytest.raises(TaskNotFound):
        sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30))


def test_a_transient_probe_failure_polls_after_its_retry_after() -> None:
    calls = iter([RateLimited("slow", status_code=429, retry_after=4.0)])
    sim = Sim(lambda t: next(calls, answer(DONE)))
    final = sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30))
    assert final.state is State.SUCCEEDED
    assert sim.sends == [0.0, 4.0]
    assert sim.opens == []


def test_a_permanent_probe_failure_raises() -> None:
    sim = Sim(lambda t: TaskNotFound("gone", status_code=404))
    with pytest.raises(TaskNotFound):
        sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30))


def test_a_stream_that_cannot_open_hands_over_after_the_failures_delay() -> None:
    limited = Opened(429, httpx.Headers({"retry-after": "3"}), b'{"error":"busy"}')
    sim = Sim(ended_at(5.0), streams=[limited])
    final = sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30))
    assert final.state is State.SUCCEEDED
    assert sim.sends[:2] == [0.0, 3.0]  # the probe; the first poll after Retry-After
    sim = Sim(ended_at(5.0), streams=[Opened(503, {}, b'{"error":"down"}')])
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30))
    assert sim.sends[:2] == [0.0, 0.5]  # a 5xx backs off as polling does


def test_a_stream_that_ends_without_the_workflows_end_hands_over_to_polling() -> None:
    sim = Sim(ended_at(5.0), streams=[[event("AGENT_STARTED", 1.0, "1"), event("done", 1.5)]])
    final = sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30))
    assert final.state is State.SUCCEEDED
    assert sim.sends[1] == pytest.approx(1.5)  # polling took over at once at the stream's end


def test_a_stream_closed_early_is_reopened_after_the_retry_interval() -> None:
    sim = Sim(ended_at(3.0), streams=[[event("AGENT_STARTED", 1.0, "1"), (1.5, None)],
                                      [event("WORKFLOW_COMPLETED", 3.0, "2")]])  # fmt: skip
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30))
    assert sim.sleeps[0] == (1.5, stream.DEFAULT_RETRY, False)
    assert sim.opens[1].headers["last-event-id"] == "1"
    assert sim.sends == [0.0, 3.0]


def test_a_silent_stream_is_reopened_with_a_status_call_first() -> None:
    # Pings only: nothing comes before the silent-stream check.
    sim = Sim(ended_at(100.0), streams=[[event("x", 500.0)], [event("x", 500.0)],
                                        [event("WORKFLOW_COMPLETED", 130.0, "9")]])  # fmt: skip
    final = sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 1000))
    assert final.state is State.SUCCEEDED
    assert sim.sends[:3] == [0.0, 60.0, 120.0]  # the probe, then one per silent minute
    assert [o.deadline for o in sim.opens[:2]] == [60.0, 120.0]


def test_a_stream_with_events_is_reopened_after_the_last_one_without_a_status_call() -> None:
    sim = Sim(ended_at(100.0), streams=[[event("AGENT_STARTED", 10.0, "7"), event("x", 500.0)],
                                        [event("WORKFLOW_COMPLETED", 100.0, "8")]])  # fmt: skip
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 1000))
    assert sim.sends == [0.0, 100.0]
    assert sim.opens[1].headers["last-event-id"] == "7"


def test_the_deadline_while_streaming_is_a_wait_timeout_with_the_last_status() -> None:
    sim = Sim(ended_at(1e9), streams=[[event("x", 500.0)]])
    with pytest.raises(WaitTimeout) as caught:
        sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 20.0))
    assert caught.value.last_status is not None
    assert caught.value.last_status.state is State.RUNNING
    assert (caught.value.vendor, caught.value.task) == ("shannon", "task-1")
    assert "20s" in str(caught.value)
    assert sim.now == pytest.approx(20.0)


def test_a_silent_check_that_finds_the_end_needs_no_more_stream() -> None:
    sim = Sim(ended_at(30.0), streams=[[event("x", 500.0)]])
    final = sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 1000))
    assert final.state is State.SUCCEEDED
    assert len(sim.opens) == 1
    assert sim.sends == [0.0, 60.0, 60.0]  # the silent check, and the confirming poll


# --- the event stream ------------------------------------------------------------------------


def _events(sim: Sim, timeout: float | None = None) -> list[Any]:
    sim.run(stream.events(REF, BASE, sim.clock, timeout))
    return sim.emitted


def test_events_are_emitted_in_order_and_done_ends_them() -> None:
    sim = Sim(streams=[[event("AGENT_STARTED", 1.0, "1"), event("WORKFLOW_COMPLETED", 2.0, "2"),
                        event("done", 2.1), event("never", 3.0, "3")]])  # fmt: skip
    found = _events(sim)
    assert [e.name for e in found] == ["AGENT_STARTED", "WORKFLOW_COMPLETED"]
    assert isinstance(found[1], WorkflowEvent)
    assert found[1].phase == "completed"
    assert sim.closes == 1


def test_a_drop_reconnects_after_the_servers_retry_with_last_event_id_and_no_repeat() -> None:
    sim = Sim(streams=[
        [(0.0, Message(retry=2500)), event("AGENT_STARTED", 1.0, "1"), (1.5, None)],
        [event("AGENT_STARTED", 4.1, "1"), event("WORKFLOW_COMPLETED", 4.2, "2"), (4.3, None)],
    ])  # fmt: skip
    found = _events(sim)
    assert [e.id for e in found] == ["1", "2"]
    assert sim.sleeps == [(1.5, 2.5, False)]
    assert sim.opens[1].headers["last-event-id"] == "1"


def test_a_close_after_the_workflow_ended_is_a_clean_end() -> None:
    sim = Sim(streams=[[event("WORKFLOW_FAILED", 1.0, "1"), (1.2, None)]])
    assert [e.name for e in _events(sim)] == ["WORKFLOW_FAILED"]
    assert len(sim.opens) == 1
    assert sim.sleeps == []


def test_a_broken_read_after_the_end_is_a_clean_end_too() -> None:
    sim = Sim(streams=[[event("workflow.cancelled", 1.0, "1"), (1.2, TransportError("reset"))]])
    assert [e.name for e in _events(sim)] == ["workflow.cancelled"]
    assert len(sim.opens) == 1


def test_a_stream_that_keeps_failing_gives_up_after_three_retries() -> None:
    sim = Sim(streams=[TransportError("refused")] * 5)
    with pytest.raises(TransportError, match="keeps failing") as caught:
        _events(sim)
    assert len(sim.opens) == stream.MAX_FAILURES + 1
    assert [s for _, s, _ in sim.sleeps] == [stream.DEFAULT_RETRY] * stream.MAX_FAILURES
    assert (caught.value.vendor, caught.value.task) == ("shannon", "task-1")


def test_an_event_resets_the_failure_count() -> None:
    flaky = [TransportError("refused"), TransportError("refused"), TransportError("refused")]
    # 3 failures, an event (the count starts again), a close and 2 more failures: 3 in a row.
    sim = Sim(streams=[*flaky, [event("AGENT_STARTED", 1.0, "1"), (1.1, None)], *flaky[:2],
                       [event("WORKFLOW_COMPLETED", 2.0, "2")]])  # fmt: skip
    assert [e.id for e in _events(sim)] == ["1", "2"]


def test_the_events_deadline_is_a_wait_timeout() -> None:
    sim = Sim(streams=[[event("x", 500.0)]])
    with pytest.raises(WaitTimeout, match=r"not finished after 5s \(streaming\)"):
        _events(sim, timeout=5.0)
    assert sim.now == pytest.approx(5.0)
    assert sim.opens[0].deadline == pytest.approx(5.0)
    assert sim.opens[0].read_timeout == pytest.approx(5.0)


def test_without_a_deadline_reads_time_out_after_three_missed_pings() -> None:
    sim = Sim(streams=[[event("WORKFLOW_COMPLETED", 1.0, "1")]])
    _events(sim)
    assert sim.opens[0].read_timeout == stream.READ_TIMEOUT
    assert sim.opens[0].deadline is None


def test_the_reconnect_pause_never_passes_the_deadline() -> None:
    sim = Sim(streams=[[(0.0, Message(retry=50_000)), (1.0, None)], [event("x", 500.0)]])
    with pytest.raises(WaitTimeout):
        _events(sim, timeout=3.0)
    assert sim.sleeps == [(1.0, 2.0, False)]


def test_a_refused_stream_raises_the_typed_error() -> None:
    sim = Sim(streams=[Opened(404, {}, b'{"error":"not found"}')])
    with pytest.raises(TaskNotFound):
        _events(sim)
    sim = Sim(streams=[Opened(204, {}, b"")])
    with pytest.raises(BadResponse, match="did not open"):
        _events(sim)


def test_redirects_are_followed_only_to_the_same_origin_and_only_three_times() -> None:
    here = Opened(307, {"location": "/api/v1/stream?workflow_id=task-1"})
    sim = Sim(streams=[here, [event("WORKFLOW_COMPLETED", 1.0, "1")]])
    assert len(_events(sim)) == 1
    assert sim.opens[1].url == BASE + "/api/v1/stream?workflow_id=task-1"
    sim = Sim(streams=[Opened(302, {"location": "http://elsewhere.test/s"})])
    with pytest.raises(APIError, match="same origin"):
        _events(sim)
    sim = Sim(streams=[Opened(302, {})])
    with pytest.raises(APIError, match="not followed"):
        _events(sim)
    sim = Sim(streams=[here] * 5)
    with pytest.raises(APIError, match="not followed"):
        _events(sim)
    assert len(sim.opens) == stream.MAX_REDIRECTS + 1


def test_bare_retry_blocks_and_repeated_ids_are_not_events() -> None:
    sim = Sim(streams=[[(0.0, Message(retry=100)), event("AGENT_STARTED", 1.0, "5"),
                        event("AGENT_STARTED", 1.1, "5"), event("AGENT_STARTED", 1.2, "4"),
                        (1.3, Message(event="message", data="hello")),
                        event("WORKFLOW_COMPLETED", 2.0, "6")]])  # fmt: skip
    found = _events(sim)
    assert [(e.name, e.id) for e in found] == [
        ("AGENT_STARTED", "5"), ("message", None), ("WORKFLOW_COMPLETED", "6"),
    ]  # fmt: skip


# --- one status call and its retries -------------------------------------------------------------


def test_status_retries_honour_retry_after_and_grow_the_backoff() -> None:
    calls = iter([RateLimited("x", status_code=429, retry_after=3.0),
                  ServerError("x", status_code=502), answer(RUNNING)])  # fmt: skip
    sim = Sim(lambda t: next(calls))
    policy = flows.RetryPolicy(max_retries=2, budget=30.0)
    flow = flows.with_retries(observe_ref, policy, STILL, sim.clock, REF)
    assert sim.run(flow).status.state is State.RUNNING
    assert sim.sends == [0.0, 3.0, 4.0]  # Retry-After 3; then the second retry's 1 s


def test_status_retries_stop_at_max_retries_and_at_the_budget() -> None:
    sim = Sim(lambda t: ServerError("x", status_code=500))
    flow = flows.with_retries(observe_ref, flows.RetryPolicy(2, 30.0), STILL,
                              sim.clock, REF)  # fmt: skip
    with pytest.raises(ServerError):
        sim.run(flow)
    assert len(sim.sends) == 3
    sim = Sim(lambda t: RateLimited("x", status_code=429, retry_after=20.0))
    flow = flows.with_retries(observe_ref, flows.RetryPolicy(5, 30.0), STILL,
                              sim.clock, REF)  # fmt: skip
    with pytest.raises(RateLimited):
        sim.run(flow)
    assert sim.sends == [0.0, 20.0]  # a third try would start past the 30 s budget


def test_status_retries_do_not_retry_a_permanent_error() -> None:
    sim = Sim(lambda t: TaskNotFound("x", status_code=404))
    flow = flows.with_retries(observe_ref, flows.RetryPolicy(), STILL,
                              sim.clock, REF)  # fmt: skip
    with pytest.raises(TaskNotFound):
        sim.run(flow)
    assert len(sim.sends) == 1


def test_a_retry_after_of_zero_keeps_the_floor() -> None:
    assert flows.paced(0.0, STILL) == STILL.initial
    assert flows.paced(None, STILL) is None
    assert flows.paced(7.0, STILL) == 7.0
    exc = RateLimited("x", status_code=429, retry_after=0.0)
    assert flows.after_failure(exc, 1, STILL) == STILL.initial
    assert flows.after_failure(ServerError("x"), 3, STILL) == STILL.retry_delay(3, lambda: 0.0)


def test_a_polling_wait_resets_the_backoff_after_a_success() -> None:
    calls = iter([ServerError("x"), ServerError("x"), answer(RUNNING), ServerError("x")])
    sim = Sim(lambda t: next(calls, answer(DONE)))
    sim.run(flows.poll(REF, STILL, sim.clock, 60))
    delays = [s for _, s, _ in sim.sleeps]
    assert delays[:2] == [0.5, 1.0]  # growing
    assert delays[3] == 0.5  # reset after the success


def test_a_polling_wait_takes_over_after_a_failure_with_its_delay() -> None:
    sim = Sim(ended_at(0.0))
    sim.run(flows.poll(REF, STILL, sim.clock, 60, after=ServerError("x")))
    assert sim.sends == [0.5]
    sim = Sim(ended_at(0.0))
    sim.run(flows.poll(REF, STILL, sim.clock, 60, after=TaskNotFound("x")))  # not transient
    assert sim.sends == [0.0]


def test_wait_timeout_names_vendor_task_and_last_state() -> None:
    sim = Sim(ended_at(1e9))
    with pytest.raises(WaitTimeout) as caught:
        sim.run(flows.poll(REF, STILL, sim.clock, 2.5))
    assert str(caught.value) == "shannon task task-1: not finished after 2.5s (last state running)"
    assert caught.value.last_status is not None
    sim = Sim(lambda t: ServerError("x"))
    with pytest.raises(
        WaitTimeout,
        match=r"after 1s \(no status received; last failure ridden "
        r"out: HTTP 500: x\)",
    ) as caught:
        sim.run(flows.poll(REF, STILL, sim.clock, 1.0))
    assert caught.value.last_status is None


def test_every_request_of_a_wait_carries_its_deadline() -> None:
    deadlines: list[float | None] = []
    flow = flows.poll(REF, STILL, lambda: 100.0, 30.0)
    step = flow.send(None)
    assert isinstance(step, Send)
    deadlines.append(step.deadline)
    assert step.task == "task-1"
    flow.close()
    assert deadlines == [130.0]


def test_a_driver_that_answers_a_send_with_nothing_is_a_bug_not_a_status() -> None:
    flow = flows.observe(REF)
    flow.send(None)
    with pytest.raises(RuntimeError, match=r"^taskstatus: a flow was resumed without an answer$"):
        flow.send(None)


def test_a_shape_error_names_the_http_status() -> None:
    sim = Sim(lambda t: Answer(203, {}, b'{"nope": 1}'))
    with pytest.raises(BadResponse, match="HTTP 203"):
        sim.run(flows.observe(REF))


def test_the_status_answers_retry_after_is_observed() -> None:
    sim = Sim(lambda t: answer(RUNNING, headers={"retry-after": "12"}))
    assert sim.run(flows.observe(REF)).hint == 12.0
    sim = Sim(lambda t: answer(RUNNING))
    assert sim.run(flows.observe(REF)).hint is None


def test_the_output_call_follows_a_final_status_of_kinds_that_need_one() -> None:
    from taskstatus._vendors.browseract import TASK as BROWSERACT

    ref = TaskRef(BROWSERACT, ("16429034742537847",))
    bodies = iter([{"status": "finished"}, {"id": "16429034742537847", "status": "finished",
                   "output": {"string": "out"}, "steps": [], "workflow_id": "w"}])  # fmt: skip
    sim = Sim(lambda t: Answer(200, {}, json.dumps(next(bodies)).encode()))
    seen = sim.run(flows.observe(ref))
    assert seen.status.done
    assert len(sim.sends) == 2
    sim = Sim(lambda t: Answer(200, {}, json.dumps({"status": "running"}).encode()))
    sim.run(flows.observe(ref))
    assert len(sim.sends) == 1


def test_changed_means_a_new_state_or_vendor_value() -> None:
    sim = Sim(lambda t: answer(RUNNING))
    first = sim.run(flows.observe(REF)).status
    again = sim.run(flows.observe(REF)).status
    assert flows.changed(first, None)
    assert not flows.changed(again, first)
    sim = Sim(lambda t: answer("TASK_STATUS_QUEUED"))
    queued = sim.run(flows.observe(REF)).status
    assert flows.changed(queued, first)


def test_paused_and_unknown_are_logged_once_each(caplog: pytest.LogCaptureFixture) -> None:
    values = iter(["TASK_STATUS_PAUSED", "TASK_STATUS_PAUSED", "TASK_STATUS_BRAND_NEW",
                   "TASK_STATUS_BRAND_NEW", RUNNING])  # fmt: skip
    sim = Sim(lambda t: answer(next(values, DONE)))
    with caplog.at_level(logging.INFO, logger="taskstatus"):
        sim.run(flows.poll(REF, STILL, sim.clock, 60))
    infos = [r for r in caplog.records if r.levelno == logging.INFO]
    assert len(infos) == 2


# --- cancel ---------------------------------------------------------------------------------


def test_cancel_is_false_on_409_and_raises_other_errors() -> None:
    sim = Sim(lambda t: Answer(409, {}, b'{"error":"finished"}'))
    assert sim.run(flows.cancel(REF)) is False
    sim = Sim(lambda t: Answer(404, {}, b'{"error":"nope"}'))
    with pytest.raises(TaskNotFound):
        sim.run(flows.cancel(REF))
    sim = Sim(lambda t: Answer(200, {}, b'{"success": true, "task_id": "task-1"}'))
    assert sim.run(flows.cancel(REF)) is True


# --- a Celery watch's next check ------------------------------------------------------------


def _observed(hint: float | None = None) -> flows.Observed:
    sim = Sim(lambda t: answer(RUNNING))
    return flows.Observed(sim.run(flows.observe(REF)).status, hint)


def test_next_check_follows_the_schedule_the_hint_and_the_backoff() -> None:
    assert flows.next_check(_observed(), 0, 10.0, 100.0, STILL) == STILL.poll_delay(10.0)
    assert flows.next_check(_observed(5.0), 0, 10.0, 100.0, STILL) == 5.0
    assert flows.next_check(_observed(0.0), 0, 10.0, 100.0, STILL) == STILL.initial
    zero = RateLimited("x", status_code=429, retry_after=0.0)
    assert flows.next_check(zero, 1, 10.0, 100.0, STILL) == STILL.initial
    assert flows.next_check(ServerError("x"), 3, 10.0, 100.0, STILL) == 2.0


def test_next_check_never_passes_the_deadline_and_ends_when_none_is_left() -> None:
    assert flows.next_check(_observed(50.0), 0, 10.0, 3.0, STILL) == 3.0
    assert flows.next_check(_observed(), 0, 10.0, 0.0, STILL) is None
    assert flows.next_check(ServerError("x"), 1, 10.0, -1.0, STILL) is None


def test_a_run_past_its_deadline_by_more_than_the_grace_is_late() -> None:
    assert flows.late_by(5.0) is None  # before the deadline: check
    assert flows.late_by(-flows.LATE_AFTER) is None  # the last check, on time
    assert flows.late_by(-flows.LATE_AFTER - 0.5) == flows.LATE_AFTER + 0.5


# --- the many-wait Board --------------------------------------------------------------------


class FakeHandle:
    def __init__(self) -> None:
        self.outcome: TaskStatus | TaskStatusError | None = None

    def settle(self, outcome: TaskStatus | TaskStatusError) -> None:
        self.outcome = outcome


def _job(flow: Any = None, ended: Any = None) -> tuple[boards.Job[Any], FakeHandle]:
    handle = FakeHandle()
    job: boards.Job[Any] = boards.Job(handle, flow, lambda s: None, handle.settle, ended)
    return job, handle


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _polling(timeout: float | None = None, hinted: bool = False) -> Any:
    return flows.poll(REF, STILL, lambda: 0.0, timeout, hinted=hinted)


def test_the_board_sends_due_flows_and_settles_them() -> None:
    clock = Clock()
    job, handle = _job(_polling())
    board = boards.Board([job], clock, None)
    (sent,) = board.take(5)
    assert sent[0] is job
    assert isinstance(sent[1], Send)
    board.answered(job, answer(DONE))
    assert list(board.done) == [job]
    assert handle.outcome is not None
    assert not isinstance(handle.outcome, Exception)
    assert job.flow is None
    assert job.ended is handle.outcome


def test_the_board_sleeps_flows_on_a_timer_and_fires_them_when_due() -> None:
    clock = Clock()
    job, _ = _job(_polling())
    board = boards.Board([job], clock, None)
    board.answered(job, board.take(1)[0] and answer(RUNNING))
    assert board.take(1) == []
    assert board.pause(0.0) == pytest.approx(STILL.initial)
    board.fire(0.1)
    assert board.take(1) == []
    clock.now = 0.3
    board.fire(0.3)
    assert len(board.take(1)) == 1


def test_a_wake_makes_a_sleeping_flow_due_at_once_and_tells_it() -> None:
    clock = Clock()
    job, _ = _job(_polling(hinted=True))
    board = boards.Board([job], clock, None)
    board.answered(job, board.take(1)[0] and answer(RUNNING))
    assert board.take(1) == []
    board.wake(job)
    assert len(board.take(1)) == 1  # due now, though its sleep had 0.25 s to go
    board.fire(10.0)  # the stale timer entry does nothing
    assert board.take(1) == []


def test_a_wake_during_a_request_ends_the_next_wakeable_sleep_before_it_starts() -> None:
    clock = Clock()
    job, _ = _job(_polling(hinted=True))
    board = boards.Board([job], clock, None)
    board.take(1)
    board.wake(job)  # in flight: remembered
    assert job.woken
    board.answered(job, answer(RUNNING))
    assert len(board.take(1)) == 1
    assert not job.woken


def test_a_wake_leaves_an_unwakeable_sleep_alone_and_an_ended_job_untouched() -> None:
    clock = Clock()
    job, _ = _job(_polling(hinted=False))
    board = boards.Board([job], clock, None)
    board.take(1)
    board.wake(job)
    board.answered(job, answer(RUNNING))
    assert board.take(1) == []  # the sleep is not wakeable: it runs its course
    ended, _ = _job(None, answer_status())
    boards.Board([ended], clock, None).wake(ended)
    assert ended.flow is None


def answer_status() -> TaskStatus:
    sim = Sim(lambda t: answer(DONE))
    return sim.run(flows.observe(REF)).status  # type: ignore[no-any-return]


def test_the_board_ends_a_job_on_an_error_and_retries_a_transport_failure() -> None:
    clock = Clock()
    job, _ = _job(_polling())
    board = boards.Board([job], clock, None)
    board.take(1)
    board.answered(job, TransportError("reset"))
    assert not board.done
    assert board.pause(0.0) == pytest.approx(0.5)
    other, other_handle = _job(_polling())
    board = boards.Board([other], clock, None)
    board.take(1)
    board.answered(other, TaskNotFound("gone"))
    assert list(board.done) == [other]
    assert isinstance(other_handle.outcome, TaskNotFound)
    third, _ = _job(_polling())
    board = boards.Board([third], clock, None)
    board.take(1)
    with pytest.raises(KeyError):
        board.answered(third, KeyError("a bug, not a vendor's answer"))


def test_the_board_serves_the_longest_waiting_first_and_keeps_the_limit() -> None:
    clock = Clock()
    jobs = [_job(_polling())[0] for _ in range(5)]
    board = boards.Board(jobs, clock, None)
    first = board.take(2)
    assert [j for j, _ in first] == jobs[:2]
    assert [j for j, _ in board.take(10)] == jobs[2:]


def test_the_board_deadline_and_its_timeout_message() -> None:
    clock = Clock()
    clock.now = 100.0
    jobs = [_job(_polling())[0] for _ in range(3)]
    board = boards.Board(jobs, clock, 5.0)
    assert not board.expired(104.9)
    assert board.expired(105.0)
    assert board.pause(101.0) == pytest.approx(4.0)
    assert str(board.timed_out(1)) == "2 of 3 tasks not finished after 5s"
    with pytest.raises(ConfigurationError, match="timeout must be 0 or more"):
        boards.Board(jobs, clock, -1.0)
    assert boards.Board(jobs, clock, None).pause(0.0) is None


def test_jobs_already_ended_are_done_from_the_start() -> None:
    clock = Clock()
    ended, _ = _job(None, answer_status())
    running, _ = _job(_polling())
    board = boards.Board([ended, running], clock, None)
    assert list(board.done) == [ended]
    assert [j for j, _ in board.take(5)] == [running]


def test_closing_the_board_closes_every_flow() -> None:
    clock = Clock()
    sleeping, flying, due = (_job(_polling())[0] for _ in range(3))
    board = boards.Board([sleeping, flying, due], clock, None)
    board.take(2)  # sleeping's and flying's first requests; due waits its turn
    board.answered(sleeping, answer(RUNNING))
    board.close([flying])
    for job in (sleeping, flying, due):
        assert job.flow is not None
        with pytest.raises(StopIteration):
            job.flow.send(None)


def test_stops_and_badly_follow_concurrent_futures() -> None:
    ok, _ = _job(None, answer_status())
    failed_status = Sim(lambda t: answer("TASK_STATUS_FAILED")).run(flows.observe(REF)).status
    bad, _ = _job(None, failed_status)
    err, _ = _job(None, TaskNotFound("x"))
    assert not ok.badly()
    assert bad.badly()
    assert err.badly()
    assert boards.stops("FIRST_COMPLETED", [ok])
    assert not boards.stops("FIRST_COMPLETED", [])
    assert boards.stops("FIRST_EXCEPTION", [ok, err])
    assert not boards.stops("FIRST_EXCEPTION", [ok])
    assert not boards.stops("ALL_COMPLETED", [ok, bad, err])
    with pytest.raises(Exception, match="return_when must be one of"):
        boards.check_return_when("SOMETIMES")
    boards.check_return_when("ALL_COMPLETED")


def test_a_board_flow_may_not_stream() -> None:
    def streaming() -> Generator[Any, Any, Any]:
        yield Open(BASE, {}, 1.0)

    clock = Clock()
    job, _ = _job(streaming())
    with pytest.raises(RuntimeError, match="cannot carry out"):
        boards.Board([job], clock, None).take(1)


# --- exact details: what the server is sent, what the user is told --------------------------------


def test_a_stream_is_opened_with_exactly_these_headers_and_timeouts() -> None:
    sim = Sim(streams=[[event("WORKFLOW_COMPLETED", 101.0, "1")]])
    sim.now = 100.0
    sim.run(stream.events(REF, BASE, sim.clock, 10.0))
    (opened,) = sim.opens
    assert opened.url == BASE + "/api/v1/tasks/task-1/stream"
    assert dict(opened.headers) == {"accept": "text/event-stream", "cache-control": "no-cache"}
    assert opened.read_timeout == pytest.approx(10.0)
    assert opened.deadline == pytest.approx(110.0)
    state = stream.StreamState(BASE, REF, lambda: 100.0, last_id="7")
    assert state.opening(100.001).read_timeout == 0.01  # never a zero or negative read timeout
    assert dict(state.opening(None).headers)["last-event-id"] == "7"


@pytest.mark.parametrize(("code", "redirects"), [(300, True), (399, True), (299, False),
                                                 (400, False)])  # fmt: skip
def test_redirect_codes_are_the_3xx(code: int, redirects: bool) -> None:
    state = stream.StreamState(BASE, REF, lambda: 0.0)
    opened = Opened(code, {"location": "/elsewhere"})
    assert state.redirected(opened) is redirects
    assert state.url == (BASE + "/elsewhere" if redirects else BASE + "/api/v1/tasks/task-1/stream")


def test_stream_refusals_name_vendor_task_and_status() -> None:
    sim = Sim(streams=[Opened(302, {"location": "http://elsewhere.test/s"})])
    with pytest.raises(APIError) as caught:
        _events(sim)
    assert str(caught.value) == (
        "shannon task task-1: HTTP 302: stream redirect refused (not to the same origin)"
    )
    sim = Sim(streams=[Opened(302, {})])
    with pytest.raises(APIError) as caught:
        _events(sim)
    assert str(caught.value) == "shannon task task-1: HTTP 302: stream redirect not followed"
    sim = Sim(streams=[Opened(204, {}, b"")])
    with pytest.raises(BadResponse) as refused:
        _events(sim)
    assert str(refused.value) == "shannon task task-1: event stream did not open; HTTP 204"
    assert refused.value.status_code == 204
    sim = Sim(streams=[Opened(404, {}, b'{"error":"no such task"}')])
    with pytest.raises(TaskNotFound) as missing:
        _events(sim)
    assert str(missing.value) == "shannon task task-1: HTTP 404: no such task"


def test_a_stream_that_keeps_closing_says_so() -> None:
    sim = Sim(streams=[[(1.0, None)]] * 5)
    with pytest.raises(TransportError) as caught:
        _events(sim)
    assert str(caught.value) == "shannon task task-1: event stream keeps failing (closed early)"
    sim = Sim(streams=[TransportError("connection refused")] * 5)
    with pytest.raises(TransportError) as caught:
        _events(sim)
    assert str(caught.value) == (
        "shannon task task-1: event stream keeps failing (connection refused)"
    )


def test_a_stream_that_cannot_connect_at_its_deadline_times_out_saying_so() -> None:
    sim = Sim(streams=[TransportError("refused")] * 5)
    sim.now = 50.0
    with pytest.raises(WaitTimeout) as caught:
        sim.run(stream.events(REF, BASE, sim.clock, 0.5))
    assert str(caught.value) == "shannon task task-1: not finished after 0.5s (streaming)"
    assert sim.sleeps == [(50.0, 0.5, False)]  # the reconnect pause stopped at the deadline
    assert sim.now == pytest.approx(50.5)


def test_a_broken_read_reconnects_after_the_last_event() -> None:
    sim = Sim(streams=[[event("AGENT_STARTED", 1.0, "1"), (1.5, TransportError("reset"))],
                       [event("WORKFLOW_COMPLETED", 3.0, "2")]])  # fmt: skip
    assert [e.id for e in _events(sim)] == ["1", "2"]
    assert sim.opens[1].headers["last-event-id"] == "1"
    assert sim.sleeps == [(1.5, stream.DEFAULT_RETRY, False)]


def test_a_retry_of_zero_reconnects_at_once() -> None:
    sim = Sim(streams=[[(0.0, Message(retry=0)), event("AGENT_STARTED", 1.0, "1"), (1.5, None)],
                       [event("WORKFLOW_COMPLETED", 3.0, "2")]])  # fmt: skip
    _events(sim)
    assert sim.sleeps == [(1.5, 0.0, False)]


def test_retries_stop_exactly_at_their_budget() -> None:
    calls = iter([ServerError("x"), answer(RUNNING)])
    sim = Sim(lambda t: next(calls))
    sim.now = 1000.0
    schedule = PollSchedule(jitter=0.0, retry_initial=30.0, retry_max=30.0)
    flow = flows.with_retries(lambda _: flows.observe(REF), flows.RetryPolicy(2, 30.0), schedule,
                              sim.clock, REF)  # fmt: skip
    assert sim.run(flow).status.state is State.RUNNING  # a retry 30 s in: inside a 30 s budget
    calls = iter([ServerError("x"), answer(RUNNING)])
    sim = Sim(lambda t: next(calls))
    sim.now = 1000.0
    flow = flows.with_retries(lambda _: flows.observe(REF), flows.RetryPolicy(2, 29.9), schedule,
                              sim.clock, REF)  # fmt: skip
    with pytest.raises(ServerError):
        sim.run(flow)


def test_next_check_with_little_time_left_uses_what_is_left() -> None:
    assert flows.next_check(_observed(), 0, 10.0, 0.5, STILL) == 0.5


def test_cancel_sends_the_kinds_cancel_request() -> None:
    sim = Sim(lambda t: Answer(200, {}, b'{"success": true, "task_id": "task-1"}'))
    sent: list[Send] = []
    original = sim.outcome

    def record(step: Any) -> Any:
        if isinstance(step, Send):
            sent.append(step)
        return original(step)

    sim.outcome = record  # type: ignore[method-assign]
    sim.run(flows.cancel(REF))
    assert (sent[0].request.method, sent[0].request.path) == ("POST", "/api/v1/tasks/task-1/cancel")


def test_retry_jitter_only_shortens_the_retry_delay() -> None:
    schedule = PollSchedule(jitter=0.1, retry_initial=2.0)
    assert schedule.retry_delay(1, lambda: 1.0) == pytest.approx(1.8)
    assert schedule.retry_delay(1, lambda: 0.0) == pytest.approx(2.0)


def test_woken_is_named_in_reprs() -> None:
    assert repr(WOKEN) == "WOKEN"


def test_two_hints_for_a_sleeping_flow_make_one_request() -> None:
    clock = Clock()
    job, _ = _job(_polling(hinted=True))
    board = boards.Board([job], clock, None)
    board.answered(job, board.take(1)[0] and answer(RUNNING))
    board.wake(job)
    board.wake(job)  # the second finds it due already: remembered for its next sleep
    assert len(board.take(5)) == 1


# --- what each rule passes on -----------------------------------------------------------------


def test_the_board_messages_and_boundaries() -> None:
    with pytest.raises(ConfigurationError) as caught:
        boards.check_return_when("SOMETIMES")
    assert str(caught.value) == (
        "return_when must be one of FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED"
    )
    clock = Clock()
    clock.now = 10.0
    jobs = [_job(_polling())[0]]
    assert boards.Board(jobs, clock, 0.0).deadline == 10.0
    assert boards.Board(jobs, clock, 0.5).deadline == 10.5


def test_a_timer_fires_exactly_when_due() -> None:
    clock = Clock()
    job, _ = _job(_polling())
    board = boards.Board([job], clock, None)
    board.answered(job, board.take(1)[0] and answer(RUNNING))
    board.fire(STILL.initial)
    assert len(board.take(1)) == 1


def test_take_builds_no_more_requests_than_it_hands_out() -> None:
    clock = Clock()
    jobs = [_job(_polling())[0] for _ in range(3)]
    board = boards.Board(jobs, clock, None)
    assert len(board.take(1)) == 1
    assert len(board.ready) == 0


def test_close_closes_a_flow_whose_next_request_is_built() -> None:
    def twice() -> Generator[Any, Any, Any]:
        yield Send(REF.kind.status_request(REF.ids))
        yield Send(REF.kind.status_request(REF.ids))

    clock = Clock()
    job, _ = _job(twice())
    board = boards.Board([job], clock, None)
    board.take(1)
    board.answered(job, answer(RUNNING))  # its second request is now built, not yet taken
    assert len(board.ready) == 1
    board.close()
    assert job.flow is not None
    with pytest.raises(StopIteration):
        job.flow.send(None)


def test_the_streaming_wait_passes_its_deadline_to_every_request() -> None:
    sim = Sim(ended_at(3.0), streams=[[event("workflow.paused", 1.0, "1"),
                                       event("WORKFLOW_COMPLETED", 3.0, "2")]])  # fmt: skip
    sim.now = 100.0
    sim.streams[0] = [(100.0 + t, m) for t, m in sim.streams[0]]
    sim.status = lambda t: answer(DONE if t >= 103.0 else RUNNING)
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 0.5 + 29.5))
    assert [s.deadline for s in sim.sent] == [130.0, 130.0, 130.0]  # probe, refresh, confirm
    sim = Sim(ended_at(0.0))
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 0.5))
    assert sim.sent[0].deadline == 0.5


def test_on_status_hears_each_change_once_whichever_way_the_wait_goes() -> None:
    # The stream fails at once: polling takes over and must not repeat the probe's status.
    seen: list[State] = []
    sim = Sim(ended_at(2.0), streams=[Opened(503, {}, b'{"error":"x"}')])
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30, lambda s: seen.append(s.state)))
    assert seen == [State.RUNNING, State.SUCCEEDED]
    # A transient probe failure: polling reports to on_status.
    calls = iter([ServerError("x", status_code=502)])
    sim = Sim(lambda t: next(calls, answer(DONE)))
    seen.clear()
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30, lambda s: seen.append(s.state)))
    assert seen == [State.SUCCEEDED]
    # Refreshes that find nothing new tell on_status nothing.
    seen.clear()
    sim = Sim(ended_at(3.0), streams=[[event("workflow.pausing", 1.0, "1"),
                                       event("workflow.cancelling", 2.0, "2"),
                                       event("WORKFLOW_COMPLETED", 3.0, "3")]])  # fmt: skip
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 30, lambda s: seen.append(s.state)))
    assert seen == [State.RUNNING, State.SUCCEEDED]
    # A silent check that finds nothing new tells on_status nothing either.
    seen.clear()
    sim = Sim(ended_at(100.0), streams=[[event("x", 500.0)], [event("WORKFLOW_COMPLETED", 100.0,
                                                                   "9")]])  # fmt: skip
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 1000, lambda s: seen.append(s.state)))
    assert seen == [State.RUNNING, State.SUCCEEDED]
    assert [s.deadline for s in sim.sent] == [1000.0] * 3  # probe, the silent check, confirm


def test_the_polls_after_a_stream_keep_the_waits_deadline() -> None:
    sim = Sim(ended_at(1e9), streams=[[event("AGENT_STARTED", 1.0, "1"), event("done", 2.0)]])
    with pytest.raises(WaitTimeout):
        sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 10.0))
    assert sim.now == pytest.approx(10.0)
    sim = Sim(ended_at(1e9), streams=[[event("done", 9.5)]])
    with pytest.raises(WaitTimeout):
        sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 10.0))
    assert sim.now == pytest.approx(10.0)  # less than a second left: still honoured


def test_the_stream_is_left_at_the_workflows_end() -> None:
    sim = Sim(ended_at(2.0), streams=[[event("WORKFLOW_COMPLETED", 2.0, "1"),
                                       event("x", 50.0), event("y", 59.0)]])  # fmt: skip
    sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 1000))
    assert sim.now == pytest.approx(2.0)


def test_a_deadline_cut_after_failed_connections_is_a_timeout_not_a_failure() -> None:
    refused = [TransportError("refused")] * stream.MAX_FAILURES
    sim = Sim(streams=[*refused, [event("x", 500.0)]])
    with pytest.raises(WaitTimeout):
        sim.run(stream.events(REF, BASE, sim.clock, 20.0))
    sim = Sim(streams=[*refused, (25.0, TransportError("connect timeout"))])
    with pytest.raises(WaitTimeout):
        sim.run(stream.events(REF, BASE, sim.clock, 20.0))


def test_events_keep_a_short_deadline() -> None:
    sim = Sim(streams=[[event("x", 500.0)]])
    with pytest.raises(WaitTimeout):
        _events(sim, timeout=0.5)
    assert sim.now == pytest.approx(0.5)


def test_a_hinted_plan_keeps_the_deadline_and_tells_on_status() -> None:
    seen: list[State] = []
    hinted = plan.WaitPlan(BASE, STILL, hinted=True, safety_interval=7.0)
    sim = Sim(ended_at(1e9))
    with pytest.raises(WaitTimeout):
        sim.run(plan.until_done(REF, hinted, sim.clock, 10.0, lambda s: seen.append(s.state)))
    assert sim.now == pytest.approx(10.0)
    assert seen == [State.RUNNING]
    seen.clear()
    sim = Sim(ended_at(0.0))
    sim.run(plan.until_done(REF, plan.WaitPlan(BASE, STILL), sim.clock, 10.0,
                            lambda s: seen.append(s.state)))  # fmt: skip
    assert seen == [State.SUCCEEDED]


# --- a wait's watch: stop signal, trace, done callback -------------------------------------------


class Recorder:
    """A trace that records how its wait ended."""

    def __init__(self) -> None:
        self.ends: list[object] = []

    def ended(self, outcome: object) -> None:
        self.ends.append(outcome)


def _running() -> TaskStatus:
    return Sim(lambda t: answer(RUNNING)).run(flows.observe(REF)).status  # type: ignore[no-any-return]


def test_wait_stopped_names_the_task_its_last_state_and_that_it_goes_on() -> None:
    from taskstatus._waiting.watch import Watch

    last = _running()
    stopped = Watch(task=REF, last=lambda: last).stopped()
    assert str(stopped) == (
        "shannon task task-1: wait stopped (last state running); the task goes on at the vendor"
    )
    assert (stopped.vendor, stopped.task, stopped.last_status) == ("shannon", "task-1", last)
    bare = Watch().stopped()
    assert str(bare) == "wait stopped (no status received); the task goes on at the vendor"
    assert (bare.vendor, bare.task, bare.last_status) == (None, None, None)


def test_a_watch_ends_once_trace_first_then_the_callback() -> None:
    from taskstatus._waiting.watch import Watch

    trace, done = Recorder(), []
    watch = Watch(task=REF, trace=trace, on_done=done.append)  # type: ignore[arg-type]
    final = answer_status()
    watch.end(final)
    watch.end(TaskNotFound("later"))
    watch.left(WaitTimeout("later"))
    assert trace.ends == [final]
    assert done == [final]


def test_a_task_left_by_its_many_wait_ends_its_trace_with_its_own_last_status() -> None:
    from taskstatus._waiting.watch import Watch

    last = _running()
    for why in (WaitTimeout("2 of 3 tasks not finished after 5s"), Watch().stopped()):
        trace, done = Recorder(), []
        watch = Watch(task=REF, trace=trace, on_done=done.append, last=lambda: last)  # type: ignore[arg-type]
        watch.left(why)
        watch.left(why)
        watch.end(answer_status())
        (ended,) = trace.ends
        assert type(ended) is type(why)
        assert str(ended) == f"shannon task task-1: {why}"
        assert ended.last_status is last  # type: ignore[attr-defined]
        assert done == []  # the callback is for tasks that are done
    other = ServerError("a bug elsewhere")
    trace = Recorder()
    Watch(task=REF, trace=trace).left(other)
    assert trace.ends == [other]
    bare = Recorder()
    Watch(trace=bare, last=lambda: last).left(WaitTimeout("gone"))
    (ended,) = bare.ends
    assert str(ended) == "gone"
    assert (ended.vendor, ended.task) == (None, None)  # type: ignore[attr-defined]


class TraceRec(Recorder):
    """A trace that records every call a driver makes."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []

    def request(self, send: Send) -> Callable[[object], None]:
        self.calls.append(("request", send.request.path))
        return lambda outcome: self.calls.append(("answered", outcome))

    def slept(self, seconds: float, wakeable: bool) -> None:
        self.calls.append(("slept", seconds, wakeable))

    def hinted(self) -> None:
        self.calls.append(("hinted",))


def _watched(flow: Any) -> tuple[boards.Job[Any], TraceRec]:
    from taskstatus._waiting.watch import Watch

    job, _ = _job(flow)
    trace = TraceRec()
    job.watch = Watch(task=REF, trace=trace)  # type: ignore[arg-type]
    return job, trace


def test_the_board_tells_a_jobs_trace_of_its_requests_sleeps_and_hints() -> None:
    clock = Clock()
    job, trace = _watched(_polling(hinted=True))
    quiet, _ = _job(_polling(hinted=True))  # no watch: nothing to tell, nothing breaks
    board = boards.Board([job, quiet], clock, None)
    board.take(2)
    reply = answer(RUNNING)
    board.answered(job, reply)
    board.answered(quiet, answer(RUNNING))
    board.wake(job)
    board.wake(quiet)
    assert trace.calls == [
        ("request", "/api/v1/tasks/task-1"), ("answered", reply),
        ("slept", STILL.initial, True), ("hinted",),
    ]  # fmt: skip
    assert job.sending is None


def test_closing_the_board_ends_requests_in_flight_and_the_traces_of_unended_jobs() -> None:
    clock = Clock()
    flying, flying_trace = _watched(_polling())
    sleeping, sleeping_trace = _watched(_polling())
    board = boards.Board([flying, sleeping], clock, None)
    board.take(2)
    board.answered(sleeping, answer(RUNNING))
    why = board.stopped(0)
    board.close([flying], why)
    assert flying_trace.calls[-1] == ("answered", why)
    for trace in (flying_trace, sleeping_trace):
        (ended,) = trace.ends
        assert str(ended) == f"shannon task task-1: {why}"
    assert str(why) == "wait stopped with 2 of 2 tasks not finished; they go on at the vendor"
    assert str(board.stopped(1)) == (
        "wait stopped with 1 of 2 tasks not finished; they go on at the vendor"
    )
    left, left_trace = _watched(_polling())
    board = boards.Board([left], clock, None)
    board.take(1)
    board.close([left])  # the caller left early: the request's trace ends with GeneratorExit
    assert isinstance(left_trace.calls[-1][1], GeneratorExit)
    assert isinstance(left_trace.ends[0], GeneratorExit)


def _told_of_retries(make: Callable[[Sim, Any], Any]) -> list[tuple[str, float]]:
    calls = iter([ServerError("down", status_code=503)])
    sim = Sim(lambda t: next(calls, answer(DONE)))
    told: list[tuple[str, float]] = []
    sim.run(make(sim, lambda exc, wait: told.append((str(exc), wait))))
    return told


def test_on_retry_hears_every_failure_a_wait_rides_out_whichever_wait_it_is() -> None:
    plans = {
        "poll": plan.WaitPlan(BASE, STILL, streaming=False),
        "hinted": plan.WaitPlan(BASE, STILL, hinted=True),
        "probe": plan.WaitPlan(BASE, STILL),
    }
    for name, chosen in plans.items():
        told = _told_of_retries(
            lambda sim, hear, chosen=chosen: plan.until_done(
                REF, chosen, sim.clock, 30, None, on_retry=hear
            )
        )
        assert told == [("shannon task task-1: HTTP 503: x", 0.5)], name
    # after the stream: the polls that take over tell on_retry too
    calls = iter([answer(RUNNING), ServerError("down", status_code=503)])
    sim = Sim(lambda t: next(calls, answer(DONE)), streams=[[event("done", 1.0)]])
    told = []
    sim.run(plan.until_done(REF, plan.WaitPlan(BASE, STILL), sim.clock, 30, None,
                            on_retry=lambda exc, wait: told.append((str(exc), wait))))  # fmt: skip
    assert told == [("shannon task task-1: HTTP 503: x", 0.5)]


def test_a_streaming_wait_that_times_out_while_polling_names_its_whole_timeout() -> None:
    calls = iter([ServerError("down", status_code=503)])
    sim = Sim(lambda t: next(calls, answer(RUNNING)))
    with pytest.raises(WaitTimeout, match=r"not finished after 10s "):
        sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 10.0))
    assert sim.now == pytest.approx(10.0)
    sim = Sim(ended_at(1e9), streams=[[event("done", 4.0)]])
    with pytest.raises(WaitTimeout, match=r"not finished after 10s "):
        sim.run(plan.until_done(REF, plan.WaitPlan(BASE, STILL), sim.clock, 10.0))
    assert sim.now == pytest.approx(10.0)


def test_a_streaming_wait_without_a_deadline() -> None:
    seen: list[State] = []
    states = {0.0: RUNNING, 60.0: "TASK_STATUS_PAUSED", 100.0: DONE}
    status = lambda t: answer(states[max(k for k in states if k <= t)])  # noqa: E731
    sim = Sim(status, streams=[[event("x", 500.0)], [event("x", 500.0)]])
    final = sim.run(plan.until_done(REF, plan.WaitPlan(BASE, STILL), sim.clock, None,
                                    lambda s: seen.append(s.state)))  # fmt: skip
    assert final.state is State.SUCCEEDED
    assert seen == [State.RUNNING, State.PAUSED, State.SUCCEEDED]  # the silent check saw PAUSED
    assert [o.deadline for o in sim.opens] == [60.0, 120.0]  # the silent checks: the end at 120
    assert all(s.deadline is None for s in sim.sent)


def test_wait_timeouts_are_checked_with_a_clear_message() -> None:
    from taskstatus._waiting.plan import check_timeout

    check_timeout(None)
    check_timeout(0)
    check_timeout(2.5)
    for bad, why in ((True, "not bool"), ("5", "not str"), ([1], "not list")):
        with pytest.raises(ConfigurationError) as caught:
            check_timeout(bad, "wait timeout", vendor="shannon")
        assert (
            str(caught.value) == f"shannon: wait timeout must be a number of seconds or None, {why}"
        )
    for bad in (-1, float("nan")):
        with pytest.raises(ConfigurationError) as caught:
            check_timeout(bad, vendor="shannon")
        assert str(caught.value) == (
            f"shannon: timeout must be 0 or more seconds (None waits without limit), not {bad!r}"
        )


def test_a_job_tells_its_watch_and_its_handle_how_it_ended() -> None:
    from taskstatus._waiting.watch import Watch

    clock = Clock()
    job, handle = _job(_polling())
    trace, done = TraceRec(), []
    job.watch = Watch(task=REF, trace=trace, on_done=done.append)  # type: ignore[arg-type]
    board = boards.Board([job], clock, None)
    board.take(1)
    board.answered(job, Answer(404, {}, b'{"error":"no such task"}'))  # the flow raises
    assert list(board.done) == [job]
    assert isinstance(handle.outcome, TaskNotFound)
    assert trace.ends == [handle.outcome]
    assert done == [handle.outcome]


def test_a_wake_after_a_timer_fired_makes_no_second_request() -> None:
    clock = Clock()
    job, _ = _job(_polling(hinted=True))
    board = boards.Board([job], clock, None)
    board.answered(job, board.take(1)[0] and answer(RUNNING))
    board.fire(100.0)  # due now
    board.wake(job)  # not sleeping any more: remembered for its next sleep
    assert len(board.take(5)) == 1
    assert board.take(5) == []


def test_the_board_pauses_until_its_next_timer() -> None:
    clock = Clock()
    clock.now = 10.0
    job, _ = _job(_polling())
    board = boards.Board([job], clock, None)
    board.answered(job, board.take(1)[0] and answer(RUNNING))
    assert board.pause(10.1) == pytest.approx(STILL.initial - 0.1)


def test_no_stream_is_opened_once_the_deadline_has_passed() -> None:
    sim = Sim(streams=[TransportError("refused")] * 5)
    with pytest.raises(WaitTimeout):
        sim.run(stream.events(REF, BASE, sim.clock, 0.5))
    assert len(sim.opens) == 1
    refused = [TransportError("refused")] * stream.MAX_FAILURES
    sim = Sim(streams=[*refused, (25.0, TransportError("connect timeout"))])
    with pytest.raises(WaitTimeout) as caught:
        sim.run(stream.events(REF, BASE, sim.clock, 20.0))
    assert str(caught.value) == "shannon task task-1: not finished after 20s (streaming)"


def test_reads_that_keep_failing_give_up_naming_the_failure() -> None:
    broken = [[(1.0, TransportError("reset by peer"))]] * 5
    sim = Sim(streams=broken)
    with pytest.raises(TransportError) as caught:
        _events(sim)
    assert str(caught.value) == "shannon task task-1: event stream keeps failing (reset by peer)"


def test_the_pause_after_a_broken_read_stops_at_the_deadline() -> None:
    sim = Sim(streams=[[(0.0, Message(retry=50_000)), (1.0, TransportError("reset"))],
                       [event("x", 500.0)]])  # fmt: skip
    with pytest.raises(WaitTimeout):
        _events(sim, timeout=3.0)
    assert sim.sleeps == [(1.0, 2.0, False)]


def test_a_slow_probe_that_fails_still_times_out_after_the_whole_timeout() -> None:
    calls = iter([ServerError("down", status_code=503)])
    sim = Sim(lambda t: next(calls, answer(RUNNING)), request_seconds=1.0)
    with pytest.raises(WaitTimeout, match=r"not finished after 10s "):
        sim.run(stream.streamed(REF, BASE, STILL, sim.clock, 10.0))


def test_a_polling_plan_keeps_the_deadline_and_tells_on_status() -> None:
    seen: list[State] = []
    polling = plan.WaitPlan(BASE, STILL, streaming=False)
    sim = Sim(ended_at(1e9))
    with pytest.raises(WaitTimeout):
        sim.run(plan.until_done(REF, polling, sim.clock, 10.0, lambda s: seen.append(s.state)))
    assert sim.now == pytest.approx(10.0)
    assert seen == [State.RUNNING]


def test_each_try_of_a_status_call_says_which_attempt_it_is() -> None:
    calls = iter([ServerError("x"), ServerError("x"), answer(RUNNING)])
    sim = Sim(lambda t: next(calls))
    policy = flows.RetryPolicy(max_retries=2, budget=30.0)
    flow = flows.with_retries(lambda n: flows.observe(REF, None, n), policy, STILL, sim.clock, REF)
    sim.run(flow)
    assert [s.attempt for s in sim.sent] == [0, 1, 2]
    calls = iter([ServerError("x"), ServerError("x")])
    sim = Sim(lambda t: next(calls, answer(RUNNING if len(sim.sent) < 5 else DONE)))
    sim.run(flows.poll(REF, STILL, sim.clock, 60))
    assert [s.attempt for s in sim.sent][:4] == [0, 1, 2, 0]  # a success starts again at 0


def test_the_output_call_has_the_waits_deadline_and_the_kinds_request() -> None:
    from taskstatus._vendors.browseract import TASK as BROWSERACT

    ref = TaskRef(BROWSERACT, ("16429034742537847",))
    bodies = iter([{"status": "finished"}, {"id": "16429034742537847", "status": "finished",
                   "output": {"string": "out"}, "steps": [], "workflow_id": "w"}])  # fmt: skip
    sim = Sim(lambda t: Answer(200, {}, json.dumps(next(bodies)).encode()))
    sim.run(flows.observe(ref, 77.0))
    assert [(s.request.path, s.request.params, s.deadline) for s in sim.sent] == [
        ("/v2/workflow/get-task-status", {"task_id": "16429034742537847"}, 77.0),
        ("/v2/workflow/get-task", {"task_id": "16429034742537847"}, 77.0),
    ]


def test_a_driver_that_resumes_a_send_with_nothing_is_told_exactly_that() -> None:
    flow = flows.observe(REF)
    flow.send(None)
    with pytest.raises(RuntimeError) as caught:
        flow.send(None)
    assert str(caught.value) == "taskstatus: a flow was resumed without an answer"


def test_wait_timeout_carries_the_last_failure_ridden_out_or_none() -> None:
    sim = Sim(ended_at(1e9))
    with pytest.raises(WaitTimeout) as caught:
        sim.run(flows.poll(REF, STILL, sim.clock, 2.0))
    assert caught.value.last_error is None
    failure = ServerError("down", vendor="shannon", task="task-1", status_code=503)
    sim = Sim(ended_at(1e9))
    sim.now = 50.0
    with pytest.raises(WaitTimeout) as caught:
        sim.run(flows.poll(REF, STILL, sim.clock, 0.3, after=failure))  # the hand-over's failure
    assert caught.value.last_error is failure
    sim = Sim(lambda t: ServerError("down", status_code=503))
    with pytest.raises(WaitTimeout) as caught:
        sim.run(flows.poll(REF, STILL, sim.clock, 2.0))
    assert isinstance(caught.value.last_error, ServerError)
    assert str(caught.value.last_error) == "shannon task task-1: HTTP 503: x"


def test_the_schedule_counts_from_when_the_wait_began() -> None:
    sim = Sim(ended_at(1e9))
    sim.now = 1000.0
    with pytest.raises(WaitTimeout):
        sim.run(flows.poll(REF, STILL, sim.clock, 5.0))
    delays = [s for _, s, _ in sim.sleeps]
    assert delays[0] == pytest.approx(STILL.initial)  # 0 s into the wait, not 1000 s
    assert delays[1] == pytest.approx(STILL.poll_delay(STILL.initial, lambda: 0.0))


def test_a_state_seen_again_later_is_not_logged_again(caplog: pytest.LogCaptureFixture) -> None:
    values = iter(["TASK_STATUS_PAUSED", "TASK_STATUS_BRAND_NEW", "TASK_STATUS_PAUSED", RUNNING])
    sim = Sim(lambda t: answer(next(values, DONE)))
    with caplog.at_level(logging.INFO, logger="taskstatus"):
        sim.run(flows.poll(REF, STILL, sim.clock, 60))
    assert len([r for r in caplog.records if r.levelno == logging.INFO]) == 2
