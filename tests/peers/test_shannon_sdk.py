"""The vendor's own SDK (shannon-sdk, pinned in the test dependency group) calls the task
operations it offers against the fake, and the generated client reads each answer the same way.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from shannon import AsyncShannonClient
from shannon_client.api.default import (
    cancel_task,
    get_control_state,
    get_task_events,
    get_task_status,
    get_task_timeline,
    pause_task,
    resume_task,
)
from shannon_client.models import (
    ControlStateResponse,
    GetTaskEventsResponse200,
    TaskControlRequest,
    TaskControlResponse,
    TimelineResponse,
)
from taskstatus.testing import FakeVendors, Script


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def _sdk(fakes: FakeVendors) -> AsyncShannonClient:
    return AsyncShannonClient(base_url=fakes.url("shannon"), api_key=fakes.api_key)


def _run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


async def _both(fakes: FakeVendors, name: str, *args: Any, **kw: Any) -> Any:
    sdk = _sdk(fakes)
    try:
        return await getattr(sdk, name)(*args, **kw)
    finally:
        await sdk.close()


def test_pause_control_state_resume_events_timeline_read_alike(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=0.4, output="Paris."))
    with fakes.client("shannon") as shannon:
        api = shannon.api
        assert _run(_both(fakes, "pause_task", task, reason="check")) is True
        state = _run(_both(fakes, "get_control_state", task))
        generated = get_control_state.sync(task, client=api)
        assert isinstance(generated, ControlStateResponse)
        assert (state.is_paused, state.is_cancelled, state.pause_reason, state.paused_by) == (
            generated.is_paused, generated.is_cancelled, generated.pause_reason,
            generated.paused_by,
        )  # fmt: skip
        assert state.is_paused is True
        assert state.paused_at is not None
        assert state.paused_at.strftime("%Y-%m-%dT%H:%M:%SZ") == generated.paused_at
        time.sleep(0.5)
        sdk_status = _run(_both(fakes, "get_status", task))
        raw = get_task_status.sync(task, client=api)
        assert sdk_status.status.name == "PAUSED"
        assert raw is not None
        assert str(raw.status) == "TASK_STATUS_PAUSED"  # type: ignore[union-attr]
        assert shannon.task(task).status().state.value == "paused"
        # A second pause is refused: the SDK raises, the generated client reads the error body.
        with pytest.raises(Exception, match="task is already paused"):
            _run(_both(fakes, "pause_task", task))
        refused = pause_task.sync_detailed(task, client=api)
        assert refused.status_code == 502
        assert _run(_both(fakes, "resume_task", task)) is True
        resumed = resume_task.sync(task, client=api)  # not paused any more: refused
        assert getattr(resumed, "error", None) == "task is not paused"
        final = _run(_both(fakes, "wait", task, timeout=10, poll_interval=0.1))
        assert final.status.name == "COMPLETED"
        assert shannon.task(task).wait(timeout=10).state.value == "succeeded"

        sdk_events = _run(_both(fakes, "get_task_events", task))
        listed = get_task_events.sync(task, client=api)
        assert isinstance(listed, GetTaskEventsResponse200)
        assert [(e.type, e.seq, e.message, e.timestamp) for e in sdk_events] == [
            (e.type_, e.seq, e.message or "", e.timestamp) for e in listed.events or []
        ]
        assert [e.type for e in sdk_events][:2] == ["WORKFLOW_STARTED", "AGENT_STARTED"]
        assert "WORKFLOW_PAUSED" in [e.type for e in sdk_events]

        sdk_timeline = _run(_both(fakes, "get_task_timeline", task))
        timeline = get_task_timeline.sync(task, client=api)
        assert isinstance(timeline, TimelineResponse)
        assert timeline.workflow_id == sdk_timeline["workflow_id"] == task
        assert [(e.type_, e.message, e.seq, e.timestamp) for e in timeline.events or []] == [
            (e["type"], e["message"], e["seq"], datetime.fromisoformat(e["timestamp"]))
            for e in sdk_timeline["events"]
        ]
        assert [e["type"] for e in sdk_timeline["events"]] == [
            "WF_STARTED", "SIG_RECEIVED", "SIG_RECEIVED", "WF_COMPLETED",
        ]  # fmt: skip


def test_cancel_reads_alike(fakes: FakeVendors) -> None:
    (first,) = fakes.shannon.add_task("task", script=Script(running=600))
    (second,) = fakes.shannon.add_task("task", script=Script(running=600))
    with fakes.client("shannon") as shannon:
        assert _run(_both(fakes, "cancel", first, reason="done")) is True
        generated = cancel_task.sync(second, client=shannon.api)
        assert getattr(generated, "success", None) is True
        assert _run(_both(fakes, "cancel", first)) is False
        state = _run(_both(fakes, "get_control_state", first))
        assert (state.is_cancelled, state.cancel_reason) == (True, "done")
        body = pause_task.sync(first, client=shannon.api, body=TaskControlRequest(reason="x"))
        assert not isinstance(body, TaskControlResponse)
        assert getattr(body, "error", None) == "cannot pause cancelled task"


def test_websocket_stream_sends_the_raw_events(fakes: FakeVendors) -> None:
    pytest.importorskip("websockets")
    (task,) = fakes.shannon.add_task("task", script=Script(running=0.2, output="Paris."))

    async def collect() -> list[str]:
        sdk = _sdk(fakes)
        seen: list[str] = []
        async for event in sdk.stream_ws(task, timeout=5):
            seen.append(str(event.type.value if hasattr(event.type, "value") else event.type))
            if seen[-1] == "STREAM_END":
                break
        await sdk.close()
        return seen

    seen = asyncio.run(asyncio.wait_for(collect(), 10))
    logged = get_task_events.sync(task, client=fakes.client("shannon").api)
    assert isinstance(logged, GetTaskEventsResponse200)
    assert [s for s in seen if s != "LLM_PARTIAL"] == [e.type_ for e in logged.events or []]
    assert "LLM_PARTIAL" in seen


def test_list_tasks_and_submit_and_stream_read_alike(fakes: FakeVendors) -> None:
    from shannon_client.api.default import list_tasks, submit_task_and_stream
    from shannon_client.models import ListTasksResponse, TaskRequest, TaskStreamResponse

    fakes.shannon.queue_scripts(Script(running=600), Script(running=600))
    handle, stream_url = _run(_both(fakes, "submit_and_stream", "Capital of France?"))
    assert stream_url == f"/api/v1/stream/sse?workflow_id={handle.task_id}"
    assert handle.workflow_id == handle.task_id
    with fakes.client("shannon") as shannon:
        made = submit_task_and_stream.sync(client=shannon.api, body=TaskRequest(query="Again?"))
        assert isinstance(made, TaskStreamResponse)
        assert made.stream_url == f"/api/v1/stream/sse?workflow_id={made.task_id}"
        (ended,) = fakes.shannon.add_task("task", script=Script(running=0, output="Paris."))

        sdk_tasks, sdk_total = _run(_both(fakes, "list_tasks", limit=100))
        listed = list_tasks.sync(client=shannon.api, limit=100)
        assert isinstance(listed, ListTasksResponse)
        assert sdk_total == listed.total_count == len(fakes.shannon.tasks)
        assert [(t.task_id, t.query, t.status, t.mode, t.created_at, t.completed_at)
                for t in sdk_tasks] == [
            (t.task_id, t.query, t.status, t.mode, t.created_at, t.completed_at or None)
            for t in listed.tasks or []
        ]  # fmt: skip
        ids = [t.task_id for t in sdk_tasks]
        assert ids[:3] == [ended, made.task_id, handle.task_id]
        usage = sdk_tasks[0].total_token_usage
        assert usage is not None
        assert usage.total_tokens == listed.tasks[0].total_token_usage["total_tokens"]  # type: ignore[index]
