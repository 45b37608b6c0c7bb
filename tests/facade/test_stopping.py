"""Stopping a wait: a stop signal set from another thread ends wait()/result()/events() and the
many-task waits within 0.1 s, with WaitStopped carrying the last status; nothing is cancelled
at the vendor.  Async waits also end by ordinary task cancellation."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import taskstatus
from taskstatus.testing import FakeVendors, Script

from tests.facade.support import KEY, MODES, client, status_body

SLOW = taskstatus.PollSchedule(initial=30.0, factor=1.0, max_interval=30.0, jitter=0.0)
LIMIT = 0.1  # the promise: ended within 0.1 s of the signal


def running(seconds: float = 0.0) -> tuple[Any, list[httpx.Request]]:
    """A Shannon handler: always RUNNING, each answer after ``seconds``; the requests seen."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/stream"):
            return httpx.Response(503, json={"error": "no stream"})
        time.sleep(seconds)
        return httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_RUNNING"))

    return handler, seen


def set_later(stop: threading.Event, after: float) -> list[float]:
    """Set ``stop`` from another thread after ``after`` seconds; [when it was set]."""
    when: list[float] = []

    def go() -> None:
        time.sleep(after)
        when.append(time.monotonic())
        stop.set()

    threading.Thread(target=go, daemon=True).start()
    return when


def stopped(call: Callable[[threading.Event], Any], after: float = 0.3) -> tuple[Any, float]:
    """Run ``call(stop)`` with the stop set after ``after`` s: the WaitStopped, and how long
    after the signal the call ended."""
    stop = threading.Event()
    when = set_later(stop, after)
    with pytest.raises(taskstatus.WaitStopped) as raised:
        call(stop)
    return raised.value, time.monotonic() - when[0]


def run_async(call: Callable[[threading.Event], Any]) -> Callable[[threading.Event], Any]:
    return lambda stop: asyncio.run(call(stop))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("method", ["wait", "result"])
def test_a_stop_ends_a_sleeping_wait_with_the_last_status(mode: str, method: str) -> None:
    handler, seen = running()
    task = client(mode, "shannon", handler, schedule=SLOW, streaming=False).task("task-s")
    fn = getattr(task, method)
    call = (
        (lambda stop: fn(timeout=60, stop=stop))
        if mode == "sync"
        else run_async(lambda stop: fn(timeout=60, stop=stop))
    )
    error, late = stopped(call)
    assert late < LIMIT
    assert isinstance(error, taskstatus.TaskStatusError)
    assert not isinstance(error, taskstatus.WaitTimeout)
    assert error.last_status is not None
    assert error.last_status.state is taskstatus.State.RUNNING
    assert task.last_status is error.last_status
    assert [r.method for r in seen] == ["GET"]  # one status call; no cancel was sent
    assert KEY not in str(error)
    assert KEY not in repr(error)


@pytest.mark.parametrize("mode", MODES)
def test_a_stop_ends_a_wait_whose_request_is_in_flight(mode: str) -> None:
    handler, _seen = running(seconds=3.0)
    if mode == "async":  # an answer that takes 3 s, without blocking the loop
        sync_handler = handler

        async def handler(request: httpx.Request) -> httpx.Response:  # type: ignore[misc]
            await asyncio.sleep(3.0)
            return sync_handler(httpx.Request(request.method, request.url))  # counted there

        running_handler: Any = handler
        task = taskstatus.AsyncShannon(
            api_key=KEY, base_url="http://vendor.test", streaming=False,
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(running_handler)),
        ).task("task-s")  # fmt: skip
        call = run_async(lambda stop: task.wait(stop=stop))
    else:
        task = client(mode, "shannon", handler, streaming=False).task("task-s")
        call = lambda stop: task.wait(stop=stop)  # noqa: E731
    error, late = stopped(call, after=0.2)
    assert late < LIMIT
    assert error.last_status is None  # the first answer had not come


def test_a_stop_set_before_the_wait_ends_it_before_any_request() -> None:
    handler, seen = running()
    stop = threading.Event()
    stop.set()
    with pytest.raises(taskstatus.WaitStopped):
        client("sync", "shannon", handler).task("task-s").wait(stop=stop)
    assert seen == []


def test_without_a_stop_the_wait_goes_on() -> None:
    """The same wait, never stopped, runs to its timeout (the stop tests above could not pass
    by ending every wait early)."""
    handler, _ = running()
    task = client("sync", "shannon", handler, streaming=False).task("task-s")
    stop = threading.Event()
    with pytest.raises(taskstatus.WaitTimeout):
        task.wait(timeout=0.3, stop=stop)


def test_async_waits_end_by_task_cancellation() -> None:
    handler, _ = running()

    async def go() -> float:
        task = client("async", "shannon", handler, schedule=SLOW, streaming=False).task("t")
        waiting = asyncio.create_task(task.wait())
        await asyncio.sleep(0.2)
        start = time.monotonic()
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        return time.monotonic() - start

    assert asyncio.run(go()) < LIMIT


def test_an_asyncio_event_stops_an_async_wait() -> None:
    handler, _ = running()

    async def go() -> float:
        task = client("async", "shannon", handler, schedule=SLOW, streaming=False).task("t")
        stop = asyncio.Event()
        asyncio.get_running_loop().call_later(0.2, stop.set)
        with pytest.raises(taskstatus.WaitStopped):
            await task.wait(stop=stop)
        return time.monotonic()

    start = time.monotonic()
    assert asyncio.run(go()) - start < 0.2 + LIMIT


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors(KEY) as running_fakes:
        yield running_fakes


@pytest.mark.parametrize("mode", MODES)
def test_a_stop_ends_events_blocked_on_a_silent_stream(fakes: FakeVendors, mode: str) -> None:
    (task_id,) = fakes.shannon.add_task("task", script=Script(running=600))
    url = fakes.url("shannon")
    if mode == "sync":
        task = taskstatus.Shannon(api_key=KEY, base_url=url).task(task_id)
        call: Callable[[threading.Event], Any] = lambda stop: list(task.events(stop=stop))  # noqa: E731
    else:

        async def read(stop: threading.Event) -> list[Any]:
            async with taskstatus.AsyncShannon(api_key=KEY, base_url=url) as shannon:
                return [e async for e in shannon.task(task_id).events(stop=stop)]

        call = run_async(read)
    _, late = stopped(call, after=0.5)
    assert late < LIMIT
    with taskstatus.Shannon(api_key=KEY, base_url=url) as shannon:  # not cancelled
        assert shannon.task(task_id).status().state is taskstatus.State.RUNNING


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fn", ["as_completed", "wait"])
def test_a_stop_ends_the_many_task_waits(mode: str, fn: str) -> None:
    handler, seen = running()
    shannon = client(mode, "shannon", handler, schedule=SLOW)
    handles = [shannon.task(f"t{i}") for i in range(3)]

    def call(stop: threading.Event) -> Any:
        if mode == "sync":
            found = getattr(taskstatus, fn)(handles, timeout=60, stop=stop)
            return list(found) if fn == "as_completed" else found

        async def go() -> Any:
            if fn == "as_completed":
                return [h async for h in taskstatus.as_completed_async(handles, stop=stop)]
            return await taskstatus.wait_async(handles, timeout=60, stop=stop)

        return asyncio.run(go())

    error, late = stopped(call)
    assert late < LIMIT
    assert "3 of 3" in str(error)
    assert len(seen) == 3
    assert {r.method for r in seen} == {"GET"}
    for handle in handles:  # not ended: each may be waited for again later
        assert handle.last_status.state is taskstatus.State.RUNNING
