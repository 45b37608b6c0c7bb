"""Every task kind x every outcome over real sockets, sync and async."""

from __future__ import annotations

import time
from typing import Any

import pytest
import taskstatus
from taskstatus import State
from taskstatus.testing import FAKES, FakeVendors, Script

from tests.e2e.support import KINDS, expected_output, make, run

MODES = ["sync", "async"]
ERRORS = {
    taskstatus.State.FAILED: taskstatus.TaskFailed,
    State.CANCELLED: taskstatus.TaskCancelled,
    State.TIMED_OUT: taskstatus.TaskTimedOut,
}
CASES = [  # only outcomes the vendor has (Truebit cannot be cancelled or time out, ...)
    (kind, outcome)
    for kind, (vendor, fake_kind, _) in KINDS.items()
    for outcome in FAKES[vendor].outcome_values[fake_kind]
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("kind", "outcome"), CASES)
def test_wait_result_and_resume(fakes: FakeVendors, mode: str, kind: str, outcome: State) -> None:
    output: Any = {"answer": 42, "items": ["a", "b"]}
    script = Script(queued=0.1, running=0.2, outcome=outcome, output=output, error="it broke")
    client, task = make(fakes, mode, kind, script)
    seen: list[State] = []
    final = run(task.wait(timeout=10, on_status=lambda s: seen.append(s.state)))
    assert final.state is outcome
    assert final.done
    assert seen[-1] is outcome
    if outcome is State.SUCCEEDED:
        assert final.output == expected_output(kind, output)
        assert run(task.result(timeout=1)) == expected_output(kind, output)
    else:
        with pytest.raises(ERRORS[outcome]) as caught:
            run(task.result(timeout=1))
        assert caught.value.status.state is outcome
        if outcome is State.FAILED and kind not in ("truebit/function",):
            assert final.error == "it broke"
    resumed = client.resume(task.token())
    assert run(resumed.wait(timeout=5)).state is outcome


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_waiting_goes_through_paused_and_unknown_values(
    fakes: FakeVendors, mode: str, kind: str
) -> None:
    # Each phase outlasts the schedule's interval by then (0.2 s): a poll always lands in it,
    # however the client's start-up shifts the polls against the phases.
    script = Script(paused=0.5, unknown=0.5, running=0.2, output="ok")
    # Polling is what sees every status value; Shannon's stream is tested in test_streaming.
    _, task = (
        make(fakes, mode, kind, script, streaming=False)
        if kind == "shannon/task"
        else make(fakes, mode, kind, script)
    )
    states: list[tuple[State, str | None]] = []
    final = run(
        task.wait(timeout=10, on_status=lambda s: states.append((s.state, s.vendor_status)))
    )
    assert final.state is State.SUCCEEDED
    assert any(state is State.UNKNOWN and raw for state, raw in states)


@pytest.mark.parametrize("mode", MODES)
def test_truebit_code_failure_and_indeterminate(fakes: FakeVendors, mode: str) -> None:
    _, task = make(
        fakes,
        mode,
        "truebit/api",
        Script(running=0.1, outcome=State.FAILED, inner_failure=True, output={"exit": 1}),
    )
    final = run(task.wait(timeout=5))
    assert (final.state, final.vendor_status, final.output) == (
        State.FAILED,
        "Success",
        {"exit": 1},
    )
    _, task = make(
        fakes,
        mode,
        "truebit/function",
        Script(running=0.1, outcome=State.FAILED, vendor_value="Indeterminate"),
    )
    final = run(task.wait(timeout=5))
    assert (final.state, final.vendor_status) == (State.FAILED, "Indeterminate")
    assert "consensus" in (final.error or "")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["shannon/task", "browseract/task"])
def test_cancel(fakes: FakeVendors, mode: str, kind: str) -> None:
    _, task = make(fakes, mode, kind, Script(running=600))
    assert run(task.cancel()) is True
    assert run(task.wait(timeout=5)).state is State.CANCELLED
    with pytest.raises(taskstatus.TaskCancelled):
        run(task.result(timeout=1))
    if kind == "shannon/task":  # Shannon says when there was nothing left to cancel
        assert run(task.cancel()) is False


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["truebit/api", "anchorbrowser/execution", "anchorbrowser/run"])
def test_cancel_is_refused_where_the_vendor_has_none(
    fakes: FakeVendors, mode: str, kind: str
) -> None:
    _, task = make(fakes, mode, kind, Script(running=600))
    with pytest.raises(taskstatus.UnsupportedOperation):
        run(task.cancel())


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_wait_timeout_carries_the_last_status(fakes: FakeVendors, mode: str, kind: str) -> None:
    _, task = make(fakes, mode, kind, Script(running=600))
    started = time.monotonic()
    with pytest.raises(taskstatus.WaitTimeout) as caught:
        run(task.wait(timeout=0.5))
    assert time.monotonic() - started < 0.5 + 0.5 + 0.5  # deadline + one request timeout + slack
    assert caught.value.last_status is not None
    assert caught.value.last_status.state is State.RUNNING
