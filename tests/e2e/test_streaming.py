"""Shannon's live events over real sockets: text, reconnects, fallback, deadlines."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import taskstatus
from taskstatus import MessageCompleted, MessageDelta, State, WorkflowEvent
from taskstatus.testing import FakeVendors, Script

from tests.e2e.support import FAST, LOOP, run

MODES = ["sync", "async"]
TEXT = "The capital of France is Paris; it has been since 987, give or take a king."


def events(handle: Any, timeout: float | None = 15) -> list[Any]:
    if isinstance(handle, taskstatus.TaskHandle):
        return list(handle.events(timeout=timeout))

    async def collect() -> list[Any]:
        return [event async for event in handle.events(timeout=timeout)]

    return LOOP.run_until_complete(collect())


def client(fakes: FakeVendors, mode: str, **options: Any) -> Any:
    options.setdefault("schedule", FAST)
    return fakes.client("shannon", asynchronous=mode == "async", **options)


def check_complete(found: list[Any]) -> None:
    ids = [int(e.id) for e in found if e.id]
    assert ids == list(range(ids[0], ids[0] + len(ids)))  # no gap, no repeat
    deltas = "".join(e.text for e in found if isinstance(e, MessageDelta))
    (completed,) = [e for e in found if isinstance(e, MessageCompleted)]
    assert deltas == completed.text == TEXT
    assert isinstance(found[-1], WorkflowEvent)
    assert found[-1].phase == "completed"


@pytest.mark.parametrize("mode", MODES)
def test_events_assemble_the_whole_text(fakes: FakeVendors, mode: str) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=0.5, output=TEXT))
    found = events(client(fakes, mode).task(task))
    check_complete(found)
    assert {type(e).__name__ for e in found} >= {"WorkflowEvent", "OtherEvent", "MessageDelta"}


@pytest.fixture(scope="module")
def dropping() -> Iterator[FakeVendors]:
    with FakeVendors(stream_drop_after=3, ping_interval=0.05, retry_ms=100) as running:
        yield running


@pytest.mark.parametrize("mode", MODES)
def test_a_dropped_stream_resumes_without_gaps_or_duplicates(
    dropping: FakeVendors, mode: str
) -> None:
    (task,) = dropping.shannon.add_task("task", script=Script(running=0.6, output=TEXT))
    before = dropping.shannon.streams_opened
    check_complete(events(client(dropping, mode).task(task)))
    assert dropping.shannon.streams_opened - before == 2  # dropped once, resumed once


@pytest.mark.parametrize("mode", MODES)
def test_wait_streams_then_confirms_with_one_status_call(fakes: FakeVendors, mode: str) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=0.5, output=TEXT))
    streams, requests = fakes.shannon.streams_opened, fakes.shannon.requests
    seen: list[State] = []
    final = run(
        client(fakes, mode).task(task).wait(timeout=10, on_status=lambda s: seen.append(s.state))
    )
    assert final.state is State.SUCCEEDED
    assert final.output == TEXT
    assert fakes.shannon.streams_opened - streams == 1
    # first status, alias, stream, a refresh at WORKFLOW_STARTED, the confirming status
    assert fakes.shannon.requests - requests <= 5
    assert seen[0] is State.RUNNING
    assert seen[-1] is State.SUCCEEDED


@pytest.mark.parametrize("mode", MODES)
def test_streaming_can_be_turned_off(fakes: FakeVendors, mode: str) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=0.3))
    streams = fakes.shannon.streams_opened
    assert (
        run(client(fakes, mode, streaming=False).task(task).wait(timeout=10)).state
        is State.SUCCEEDED
    )
    assert fakes.shannon.streams_opened == streams


@pytest.mark.parametrize("mode", MODES)
def test_wait_falls_back_to_polling_when_the_stream_fails(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    with FakeVendors(stream_available=False) as broken:
        (task,) = broken.shannon.add_task(
            "task", script=Script(running=0.5, outcome=State.FAILED, error="x")
        )
        with caplog.at_level(logging.INFO, logger="taskstatus"):
            final = run(client(broken, mode).task(task).wait(timeout=10))
    assert final.state is State.FAILED
    assert any("event stream unavailable" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("mode", MODES)
def test_paused_workflow_reaches_on_status_while_streaming(fakes: FakeVendors, mode: str) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(queued=0.2, paused=0.4, running=0.3))
    seen: list[State] = []
    run(client(fakes, mode).task(task).wait(timeout=10, on_status=lambda s: seen.append(s.state)))
    assert State.PAUSED in seen
    assert seen[-1] is State.SUCCEEDED


@pytest.mark.parametrize("mode", MODES)
def test_events_deadline_holds_while_only_pings_arrive(mode: str) -> None:
    with FakeVendors(ping_interval=0.05) as pinging:
        (task,) = pinging.shannon.add_task("task", script=Script(queued=600))
        started = time.monotonic()
        with pytest.raises(taskstatus.WaitTimeout):
            events(client(pinging, mode).task(task), timeout=0.5)
        assert time.monotonic() - started < 0.5 + 1.0


@pytest.mark.parametrize("mode", MODES)
def test_stream_that_closes_after_completion_without_done_ends_cleanly(mode: str) -> None:
    with FakeVendors(send_done=False, close_after_completed=0.2) as quiet:
        (task,) = quiet.shannon.add_task("task", script=Script(running=0.3, output=TEXT))
        found = events(client(quiet, mode).task(task))
    check_complete(found)


def test_events_are_shannon_only(fakes: FakeVendors) -> None:
    (run_id,) = fakes.anchorbrowser.add_task("run")
    with pytest.raises(taskstatus.UnsupportedOperation):
        fakes.client("anchorbrowser").run(run_id).events()


@pytest.mark.parametrize(
    ("location", "followed"),
    [
        ("/api/v1/stream/sse?workflow_id=t", True),
        ("http://vendor.test/api/v1/stream/sse?workflow_id=t", True),
        ("http://evil.test/steal", False),
        ("https://vendor.test/api/v1/stream/sse", False),
    ],
)
def test_stream_redirect_is_followed_only_to_the_same_origin(location: str, followed: bool) -> None:
    hosts: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append((request.url.host, request.headers.get("x-api-key")))
        if request.url.path.endswith("/stream"):
            return httpx.Response(307, headers={"location": location})
        body = "id: 1\nevent: WORKFLOW_COMPLETED\ndata: {}\n\nid: 2\nevent: done\ndata: [DONE]\n\n"
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)

    shannon = taskstatus.Shannon(
        api_key="k",
        base_url="http://vendor.test",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    if followed:
        assert [e.name for e in shannon.task("t").events()] == ["WORKFLOW_COMPLETED"]
        assert hosts == [("vendor.test", "k"), ("vendor.test", "k")]
    else:
        with pytest.raises(taskstatus.APIError, match="same origin"):
            list(shannon.task("t").events())
        assert hosts == [("vendor.test", "k")]


def test_the_servers_retry_interval_is_honoured() -> None:
    from taskstatus._io.drive_sync import SyncCarrier, events_sync
    from taskstatus._io.streams import SyncStreams
    from taskstatus._vendors.shannon import TASK
    from taskstatus._waiting.steps import TaskRef
    from taskstatus._waiting.stream import events

    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            return httpx.Response(
                200,
                headers={"content-type": "text/event-stream"},
                content="retry: 1234\n\nid: 1\nevent: AGENT_STARTED\ndata: {}\n\n",
            )
        assert request.headers["last-event-id"] == "1"
        return httpx.Response(
            200,
            headers={"content-type": "text/event-stream"},
            content="id: 2\nevent: WORKFLOW_COMPLETED\ndata: {}\n\n",
        )

    shannon = taskstatus.Shannon(
        api_key="k",
        base_url="http://vendor.test",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    slept: list[float] = []
    transport = shannon._transport
    carrier = SyncCarrier(transport.send, slept.append, SyncStreams(transport))
    flow = events(TaskRef(TASK, ("t",)), shannon.base_url, time.monotonic)
    found = list(events_sync(flow, carrier))
    assert [e.id for e in found] == ["1", "2"]
    assert slept == [1.234]


def test_async_events_and_wait_share_one_loop(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=0.3, output=TEXT))

    async def both() -> tuple[list[Any], taskstatus.TaskStatus]:
        async with fakes.client("shannon", asynchronous=True) as shannon:
            handle = shannon.task(task)
            found, final = await asyncio.gather(
                asyncio.create_task(_collect(handle)), handle.wait(timeout=10)
            )
            return found, final

    found, final = asyncio.run(both())
    check_complete(found)
    assert final.state is State.SUCCEEDED


async def _collect(handle: Any) -> list[Any]:
    return [event async for event in handle.events(timeout=10)]


@pytest.mark.parametrize("mode", MODES)
def test_wait_on_a_stream_of_pings_only_still_sees_the_end(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An expired workflow stream sends pings and never ends: the wait asks for the status
    whenever the stream stays silent, so it ends when the task does, not at its deadline."""
    from taskstatus._waiting import stream

    monkeypatch.setattr(stream, "SILENT_STREAM_CHECK", 0.3)
    with FakeVendors(streams_expired=True, ping_interval=0.05) as expired:
        (task,) = expired.shannon.add_task("task", script=Script(running=1.0, output="done"))
        started = time.monotonic()
        final = run(client(expired, mode).task(task).wait(timeout=20))
        took = time.monotonic() - started
        assert final.state is State.SUCCEEDED
        assert final.output == "done"
        assert took < 5  # not the 20 s deadline
        assert expired.shannon.streams_opened >= 2  # reopened after each silent check
