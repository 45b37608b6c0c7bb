"""Done callbacks: ``on_done=`` on a wait (and the many-task waits) and a handle's
``add_done_callback``, each called once with the final status or the error, as
``concurrent.futures.Future`` does; what a callback raises is logged, never propagated."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
import taskstatus

from tests.facade.support import MODES, answering, call, client, status_body
from tests.facade.test_many import _many, polls_until_done

DONE = status_body("shannon/task", "TASK_STATUS_COMPLETED", result="Paris.")
RUNNING = status_body("shannon/task", "TASK_STATUS_RUNNING")


def shannon(mode: str, handler: Any) -> Any:
    return client(mode, "shannon", handler, streaming=False)


def boom(outcome: object) -> None:
    raise RuntimeError("the user's callback broke")


@pytest.mark.parametrize("mode", MODES)
def test_on_done_gets_the_final_status_once(mode: str) -> None:
    got: list[Any] = []
    task = shannon(mode, answering(DONE)).task("task-s")
    final = call(task.wait, on_done=got.append)
    assert got == [final]
    assert final.state is taskstatus.State.SUCCEEDED
    assert call(task.result, on_done=got.append) == "Paris."
    assert got == [final, final]  # each wait calls its own callback once


@pytest.mark.parametrize("mode", MODES)
def test_on_done_gets_the_error_that_ended_the_wait(mode: str) -> None:
    got: list[Any] = []
    task = shannon(mode, answering(RUNNING)).task("task-s")
    with pytest.raises(taskstatus.WaitTimeout) as raised:
        call(task.wait, timeout=0.05, on_done=got.append)
    assert got == [raised.value]
    missing = shannon(mode, answering({"error": "no such task"}, 404)).task("task-s")
    with pytest.raises(taskstatus.TaskNotFound) as not_found:
        call(missing.result, on_done=got.append)
    assert got[1:] == [not_found.value]


@pytest.mark.parametrize("mode", MODES)
def test_a_raising_callback_is_logged_and_the_wait_returns(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    task = shannon(mode, answering(DONE)).task("task-s")
    with caplog.at_level(logging.ERROR, logger="taskstatus"):
        final = call(task.wait, on_done=boom)
    assert final.state is taskstatus.State.SUCCEEDED
    (record,) = [r for r in caplog.records if "callback" in r.getMessage()]
    assert record.exc_info is not None
    assert "broke" in str(record.exc_info[1])


@pytest.mark.parametrize("mode", MODES)
def test_add_done_callback_before_and_after_the_end(mode: str) -> None:
    got: list[Any] = []
    task = shannon(mode, answering(DONE)).task("task-s")
    task.add_done_callback(boom)  # logged; the next callback is still called
    task.add_done_callback(got.append)
    assert got == []
    final = call(task.wait)
    call(task.wait)  # a second wait: the callbacks are not called again
    assert got == [final]
    task.add_done_callback(got.append)  # already done: at once
    assert got == [final, final]


def test_add_done_callback_of_a_many_wait_error() -> None:
    handler, _ = polls_until_done({"gone": "http:404"})
    task = shannon("sync", handler).task("gone")
    got: list[Any] = []
    task.add_done_callback(got.append)
    assert _many("sync", "as_completed", [task], timeout=5) == [task]
    assert len(got) == 1
    assert isinstance(got[0], taskstatus.TaskNotFound)


def test_a_handle_still_running_calls_no_callback() -> None:
    got: list[Any] = []
    task = shannon("sync", answering(RUNNING)).task("task-s")
    task.add_done_callback(got.append)
    assert task.status().state is taskstatus.State.RUNNING
    with pytest.raises(taskstatus.WaitTimeout):
        task.wait(timeout=0.05)
    assert got == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fn", ["as_completed", "wait"])
def test_many_waits_call_on_done_once_per_handle(
    mode: str, fn: str, caplog: pytest.LogCaptureFixture
) -> None:
    handler, _ = polls_until_done({"t1": 1, "t2": 2, "t3": 3, "gone": "http:404"})
    client_ = shannon(mode, handler)
    handles = [client_.task(t) for t in ("t1", "t2", "t3", "gone")]
    got: list[Any] = []

    def on_done(outcome: Any) -> None:
        got.append(outcome)
        if len(got) == 1:
            raise RuntimeError("first callback breaks")  # must not end the other waits

    with caplog.at_level(logging.ERROR, logger="taskstatus"):
        _many(mode, fn, handles, timeout=10, on_done=on_done)
    statuses = sorted(o.task_id for o in got if isinstance(o, taskstatus.TaskStatus))
    assert statuses == ["t1", "t2", "t3"]
    assert [type(o) for o in got if not isinstance(o, taskstatus.TaskStatus)] == [
        taskstatus.TaskNotFound
    ]
    assert any("callback" in r.getMessage() for r in caplog.records)


def test_a_cancelled_async_wait_tells_its_callback() -> None:
    got: list[Any] = []

    async def go() -> None:
        task = shannon("async", answering(RUNNING)).task("task-s")
        waiting = asyncio.create_task(task.wait(on_done=got.append))
        await asyncio.sleep(0.05)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting

    asyncio.run(go())
    assert len(got) == 1
    assert isinstance(got[0], asyncio.CancelledError)


def test_on_done_for_a_many_wait_handle_already_done() -> None:
    task = shannon("sync", answering(DONE)).task("task-s")
    final = task.wait()
    got: list[Any] = []
    assert taskstatus.wait([task], on_done=got.append).done == {task}
    assert got == [final]
