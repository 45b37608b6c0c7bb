"""Waiting for many tasks: as_completed and wait, sync and async, with stdlib semantics."""

from __future__ import annotations

import asyncio
import collections
import threading
from typing import Any

import httpx
import pytest
import taskstatus

from tests.facade.support import call, client, status_body

MODES = ["sync", "async"]


def polls_until_done(plan: dict[str, int | str]) -> tuple[Any, collections.Counter[str]]:
    """Shannon handler: task id -> polls before COMPLETED (or an HTTP code as 'http:404', or
    'never')."""
    count: collections.Counter[str] = collections.Counter()
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/stream"):  # no event stream here: waits poll
            return httpx.Response(503, json={"error": "streaming unavailable"})
        task = request.url.path.rsplit("/", 1)[-1]
        with lock:
            count[task] += 1
            n = count[task]
        rule = plan[task]
        if isinstance(rule, str) and rule.startswith("http:"):
            return httpx.Response(int(rule[5:]), json={"error": "no"})
        if rule == "failed" and n >= 2:
            return httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_FAILED"))
        done = isinstance(rule, int) and n >= rule
        state = "TASK_STATUS_COMPLETED" if done else "TASK_STATUS_RUNNING"
        return httpx.Response(200, json=status_body("shannon/task", state, result=task))

    return handler, count


def _many(mode: str, fn: str, handles: list[Any], **kw: Any) -> Any:
    if mode == "sync":
        found = getattr(taskstatus, fn)(handles, **kw)
        return list(found) if fn == "as_completed" else found

    async def go() -> Any:
        if fn == "as_completed":
            return [h async for h in taskstatus.as_completed_async(handles, **kw)]
        return await taskstatus.wait_async(handles, **kw)

    return asyncio.run(go())


@pytest.mark.parametrize("mode", MODES)
def test_as_completed_yields_handles_in_completion_order(mode: str) -> None:
    plan: dict[str, int | str] = {"t5": 5, "t1": 1, "t3": 3, "t8": 8}
    handler, count = polls_until_done(plan)
    shannon = client(mode, "shannon", handler)
    handles = [shannon.task(t) for t in plan]
    order = [h.ids[0] for h in _many(mode, "as_completed", handles, timeout=10)]
    assert order == ["t1", "t3", "t5", "t8"]
    assert dict(count) == {"t1": 1, "t3": 3, "t5": 5, "t8": 8}
    for h in handles:  # each handle now answers at once, without a request
        assert call(h.wait).output == h.ids[0]
    assert dict(count) == {"t1": 1, "t3": 3, "t5": 5, "t8": 8}


@pytest.mark.parametrize("mode", MODES)
def test_as_completed_times_out_like_the_stdlib(mode: str) -> None:
    handler, _ = polls_until_done({"fast": 1, "never": "never"})
    shannon = client(mode, "shannon", handler)
    handles = [shannon.task("fast"), shannon.task("never")]
    with pytest.raises(taskstatus.WaitTimeout, match="1 of 2 tasks") as caught:
        _many(mode, "as_completed", handles, timeout=0.3)
    assert isinstance(caught.value, TimeoutError)


@pytest.mark.parametrize("mode", MODES)
def test_wait_all_first_completed_and_timeout(mode: str) -> None:
    handler, _ = polls_until_done({"a": 1, "b": 4, "never": "never"})
    shannon = client(mode, "shannon", handler)
    a, b, never = shannon.task("a"), shannon.task("b"), shannon.task("never")

    first = _many(mode, "wait", [b, a], return_when=taskstatus.FIRST_COMPLETED, timeout=10)
    assert first.done == {a}
    assert first.not_done == {b}

    result = _many(mode, "wait", [a, b, never], timeout=0.3)
    assert result.done == {a, b}
    assert result.not_done == {never}


@pytest.mark.parametrize("mode", MODES)
def test_wait_first_exception_stops_at_an_error_or_a_failed_task(mode: str) -> None:
    handler, _ = polls_until_done({"ok": 1, "missing": "http:404", "bad": "failed", "slow": 50})
    shannon = client(mode, "shannon", handler)
    ok, missing, slow = shannon.task("ok"), shannon.task("missing"), shannon.task("slow")
    result = _many(
        mode, "wait", [missing, slow], return_when=taskstatus.FIRST_EXCEPTION, timeout=10
    )
    assert result.done == {missing}
    assert result.not_done == {slow}
    with pytest.raises(taskstatus.TaskNotFound):
        call(missing.wait)

    bad = shannon.task("bad")
    result = _many(
        mode,
        "wait",
        [ok, bad, shannon.task("slow")],
        return_when=taskstatus.FIRST_EXCEPTION,
        timeout=10,
    )
    assert bad in result.done
    assert call(bad.wait).state is taskstatus.State.FAILED


@pytest.mark.parametrize("mode", MODES)
def test_many_waits_for_hundreds_across_vendors_and_kinds(mode: str) -> None:
    plan: dict[str, int | str] = {f"t{i}": 1 + i % 4 for i in range(300)}
    handler, count = polls_until_done(plan)
    shannon = client(mode, "shannon", handler)
    handles = [shannon.task(t) for t in plan]
    seen: list[str | None] = []
    result = _many(
        mode, "wait", handles, timeout=30, on_status=lambda s: seen.append(s.vendor_status)
    )
    assert result.done == set(handles)
    assert sum(count.values()) == sum(int(v) for v in plan.values())
    assert seen.count("TASK_STATUS_COMPLETED") == 300


def test_bad_return_when_and_non_handles_are_refused() -> None:
    with pytest.raises(taskstatus.ConfigurationError):
        taskstatus.wait([], return_when="SOMETIMES")
    with pytest.raises(taskstatus.ConfigurationError):
        list(taskstatus.as_completed(["task-1"]))  # type: ignore[list-item]


def test_cancelling_an_async_wait_leaves_no_background_work() -> None:
    handler, count = polls_until_done({"never": "never", "never2": "never"})

    async def go() -> None:
        shannon = client("async", "shannon", handler)
        single = asyncio.create_task(shannon.task("never").wait())
        many = asyncio.create_task(taskstatus.wait_async([shannon.task("never2")]))
        await asyncio.sleep(0.2)
        single.cancel()
        many.cancel()
        for t in (single, many):
            with pytest.raises(asyncio.CancelledError):
                await t
        await asyncio.sleep(0)
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        assert others == []
        before = sum(count.values())
        await asyncio.sleep(0.2)
        assert sum(count.values()) == before  # nothing is still polling

    asyncio.run(go())


@pytest.mark.parametrize("mode", MODES)
def test_a_many_wait_keeps_max_in_flight_requests_and_nothing_per_sleeping_task(
    mode: str,
) -> None:
    plan: dict[str, int | str] = {f"t{i}": 3 for i in range(400)}
    inner, count = polls_until_done(plan)
    lock = threading.Lock()
    now = peak = 0
    most_tasks = 0

    async def handler_async(request: httpx.Request) -> httpx.Response:
        nonlocal now, peak, most_tasks
        now += 1
        peak = max(peak, now)
        most_tasks = max(most_tasks, len(asyncio.all_tasks()))
        await asyncio.sleep(0.001)
        now -= 1
        return inner(request)  # type: ignore[no-any-return]

    def handler_sync(request: httpx.Request) -> httpx.Response:
        nonlocal now, peak
        with lock:
            now += 1
            peak = max(peak, now)
        threading.Event().wait(0.001)
        with lock:
            now -= 1
        return inner(request)  # type: ignore[no-any-return]

    shannon = client(mode, "shannon", handler_sync if mode == "sync" else handler_async)
    handles = [shannon.task(t) for t in plan]
    result = _many(mode, "wait", handles, timeout=30, max_in_flight=8)
    assert result.done == set(handles)
    assert sum(count.values()) == 3 * 400
    assert 1 < peak <= 8
    if mode == "async":  # the waiting loop and its requests, never one task per handle
        assert most_tasks <= 8 + 2


def test_a_saturated_many_wait_serves_the_longest_waiting_task_first() -> None:
    """Earliest due first: with one request at a time, no task is polled twice while another
    due before it has not been polled at all."""
    plan: dict[str, int | str] = {f"t{i}": 4 for i in range(50)}
    inner, _ = polls_until_done(plan)
    order: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        order.append(request.url.path.rsplit("/", 1)[-1])
        return inner(request)  # type: ignore[no-any-return]

    shannon = client("sync", "shannon", handler)
    taskstatus.wait([shannon.task(t) for t in plan], timeout=30, max_in_flight=1)
    first_round = order[:50]
    assert sorted(first_round) == sorted(plan)  # every task once before any task twice
