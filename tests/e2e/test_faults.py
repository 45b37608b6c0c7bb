"""Faults over real sockets: waiting still ends right, inside its deadline."""

from __future__ import annotations

import random
import time

import pytest
import taskstatus
from taskstatus import State
from taskstatus.testing import FAULTS, FakeVendors, Script

from tests.e2e.support import KINDS, make, run

MODES = ["sync", "async"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("fault", FAULTS)
def test_wait_survives_each_fault(fakes: FakeVendors, mode: str, kind: str, fault: str) -> None:
    _, task = make(fakes, mode, kind, Script(running=0.2, output="ok"), faults=[fault, fault])
    started = time.monotonic()
    final = run(task.wait(timeout=15))
    assert final.state is State.SUCCEEDED
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_wrong_key_is_authentication_error(fakes: FakeVendors, mode: str, kind: str) -> None:
    _, task = make(fakes, mode, kind, Script(running=600), api_key="wrong-key")
    with pytest.raises(taskstatus.AuthenticationError):
        run(task.wait(timeout=5))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_unknown_task_is_task_not_found(fakes: FakeVendors, mode: str, kind: str) -> None:
    vendor, _, constructor = KINDS[kind]
    client = fakes.client(vendor, asynchronous=mode == "async")
    ids = ["4040404040404040"] * (2 if kind == "anchorbrowser/execution" else 1)
    with pytest.raises(taskstatus.TaskNotFound):
        run(getattr(client, constructor)(*ids).wait(timeout=5))


def _batch(fakes: FakeVendors, mode: str, count: int) -> tuple[list[object], dict[object, State]]:
    rng = random.Random(7)
    handles, expected = [], {}
    clients = {
        vendor: fakes.client(
            vendor,
            asynchronous=mode == "async",
            schedule=taskstatus.PollSchedule(initial=0.1, factor=1.3, max_interval=0.5),
            timeout=5,
        )
        for vendor in fakes.apps
    }
    for i in range(count):
        kind = list(KINDS)[i % len(KINDS)]
        vendor, fake_kind, constructor = KINDS[kind]
        outcome = rng.choice(list(fakes.apps[vendor].outcome_values[fake_kind]))
        ids = fakes.apps[vendor].add_task(
            fake_kind, script=Script(queued=rng.random(), running=rng.random() * 2, outcome=outcome)
        )
        handle = getattr(clients[vendor], constructor)(*ids)
        handles.append(handle)
        expected[handle] = outcome
    return handles, expected


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_a_thousand_tasks_across_all_vendors(fakes: FakeVendors, mode: str) -> None:
    handles, expected = _batch(fakes, mode, 1000)
    started = time.monotonic()
    if mode == "sync":
        done, not_done = taskstatus.wait(handles, timeout=60)  # type: ignore[arg-type]
    else:
        done, not_done = run(taskstatus.wait_async(handles, timeout=60))  # type: ignore[arg-type]
    assert not not_done
    for handle in done:
        final = run(handle.wait())  # type: ignore[attr-defined]
        assert final.state is expected[handle]
    assert time.monotonic() - started < 60
