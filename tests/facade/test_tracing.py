"""OpenTelemetry traces of the waits, through the global tracer provider, read back with the
SDK's in-memory exporter: one span per wait, a child per request, events for sleeps, hints and
stream events, a span per handle of a many-task wait; never a key."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import taskstatus
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from taskstatus._io.hints import HintHub
from taskstatus.testing import FakeVendors, Script

from tests.facade.support import KEY, MODES, answering, call, client, scripted, status_body
from tests.facade.test_many import _many, polls_until_done

DONE = status_body("shannon/task", "TASK_STATUS_COMPLETED", result="Paris.")
RUNNING = status_body("shannon/task", "TASK_STATUS_RUNNING")
EXPORTER = InMemorySpanExporter()


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """The global provider records into EXPORTER (set once per process, as OTel allows)."""
    if not isinstance(trace.get_tracer_provider(), TracerProvider):
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(EXPORTER))
        trace.set_tracer_provider(provider)
    EXPORTER.clear()
    yield EXPORTER
    EXPORTER.clear()


def waits(exporter: InMemorySpanExporter, name: str = "taskstatus.wait") -> list[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.name == name]


def children(exporter: InMemorySpanExporter, parent: ReadableSpan) -> list[ReadableSpan]:
    found = [s for s in exporter.get_finished_spans()
             if s.parent is not None and s.parent.span_id == parent.context.span_id]  # fmt: skip
    return sorted(found, key=lambda s: s.start_time or 0)


def no_key(exporter: InMemorySpanExporter) -> None:
    for span in exporter.get_finished_spans():
        assert KEY not in span.to_json()


def attrs(span: ReadableSpan) -> dict[str, Any]:
    return dict(span.attributes or {})


@pytest.mark.parametrize("mode", MODES)
def test_a_wait_is_one_span_with_a_child_per_request(
    mode: str, spans: InMemorySpanExporter
) -> None:
    handler, _ = scripted(
        httpx.Response(200, json=RUNNING),
        httpx.Response(429, json={"error": "slow down"}, headers={"retry-after": "0"}),
        httpx.Response(200, json=DONE),
    )
    task = client(mode, "shannon", handler, streaming=False).task("task-s")
    tracer = trace.get_tracer("the-user")
    with tracer.start_as_current_span("user-job") as job:
        call(task.wait, timeout=10)
    (wait,) = waits(spans)
    assert wait.parent is not None
    assert wait.parent.span_id == job.get_span_context().span_id
    assert attrs(wait) == {
        "taskstatus.vendor": "shannon", "taskstatus.kind": "task",
        "taskstatus.task_ids": ("task-s",), "taskstatus.polls": 3,
        "taskstatus.state": "succeeded", "taskstatus.outcome": "succeeded",
    }  # fmt: skip
    requests = children(spans, wait)
    assert [r.name for r in requests] == ["GET /api/v1/tasks/{task_id}"] * 3
    assert [r.kind for r in requests] == [trace.SpanKind.CLIENT] * 3
    assert [attrs(r)["http.response.status_code"] for r in requests] == [200, 429, 200]
    assert [attrs(r).get("http.request.resend_count") for r in requests] == [None, None, 1]
    assert attrs(requests[1])["error.type"] == "429"
    assert [r.status.status_code for r in requests] == [
        trace.StatusCode.UNSET,
        trace.StatusCode.ERROR,
        trace.StatusCode.UNSET,
    ]
    sleeps = [e for e in wait.events if e.name == "taskstatus.sleep"]
    assert len(sleeps) == 2
    assert all((e.attributes or {})["taskstatus.sleep.seconds"] >= 0 for e in sleeps)
    no_key(spans)


@pytest.mark.parametrize("mode", MODES)
def test_a_failed_wait_names_its_error_type(mode: str, spans: InMemorySpanExporter) -> None:
    task = client(mode, "shannon", answering({"error": "no"}, 404), streaming=False).task("t")
    with pytest.raises(taskstatus.TaskNotFound):
        call(task.result)
    (span,) = waits(spans, "taskstatus.result")
    assert attrs(span)["error.type"] == "TaskNotFound"
    assert attrs(span)["taskstatus.outcome"] == "error"
    assert span.status.status_code is trace.StatusCode.ERROR
    timed_out = client(mode, "shannon", answering(RUNNING), streaming=False).task("t")
    with pytest.raises(taskstatus.WaitTimeout):
        call(timed_out.wait, timeout=0.05)
    (span,) = waits(spans)
    assert attrs(span)["taskstatus.outcome"] == "timeout"
    assert attrs(span)["taskstatus.state"] == "running"  # the last status seen


def test_a_stopped_wait_is_no_error(spans: InMemorySpanExporter) -> None:
    task = client("sync", "shannon", answering(RUNNING), streaming=False).task("t")
    stop = threading.Event()
    threading.Timer(0.1, stop.set).start()
    with pytest.raises(taskstatus.WaitStopped):
        task.wait(stop=stop)
    (span,) = waits(spans)
    assert attrs(span)["taskstatus.outcome"] == "stopped"
    assert span.status.status_code is trace.StatusCode.UNSET


def test_a_hint_is_an_event_of_the_wait(spans: InMemorySpanExporter) -> None:
    hub = HintHub()
    answers = iter([200, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        body = "running" if next(answers, None) else "success"
        return httpx.Response(200, json=status_body("anchorbrowser/run", body))

    anchor = client("sync", "anchorbrowser", handler, hints=hub, safety_interval=30)
    task = anchor.run("run-1")
    threading.Timer(0.2, hub.publish, [["run-1"]]).start()
    threading.Timer(1.0, hub.publish, [["run-1"]]).start()
    start = time.monotonic()
    assert task.wait(timeout=10).state is taskstatus.State.SUCCEEDED
    assert time.monotonic() - start < 5  # the hints, not the 30 s safety net, ended it
    (span,) = waits(spans)
    names = [e.name for e in span.events]
    assert "taskstatus.hint" in names
    assert any((e.attributes or {}).get("taskstatus.sleep.wakeable") for e in span.events)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fn", ["as_completed", "wait"])
def test_each_handle_of_a_many_wait_has_its_span(
    mode: str, fn: str, spans: InMemorySpanExporter
) -> None:
    handler, _ = polls_until_done({"t1": 1, "t2": 2, "gone": "http:404"})
    shannon = client(mode, "shannon", handler)
    _many(mode, fn, [shannon.task(t) for t in ("t1", "t2", "gone")], timeout=10)
    by_task = {attrs(s)["taskstatus.task_ids"][0]: s for s in waits(spans)}
    assert set(by_task) == {"t1", "t2", "gone"}
    assert attrs(by_task["t2"])["taskstatus.polls"] == 2
    assert len(children(spans, by_task["t2"])) == 2
    assert attrs(by_task["t1"])["taskstatus.outcome"] == "succeeded"
    assert attrs(by_task["gone"])["error.type"] == "TaskNotFound"
    no_key(spans)


def test_a_many_wait_left_early_ends_every_span(spans: InMemorySpanExporter) -> None:
    handler, _ = polls_until_done({"fast": 1, "never": "never"})
    shannon = client("sync", "shannon", handler)
    handles = [shannon.task("fast"), shannon.task("never")]
    done, _ = taskstatus.wait(handles, timeout=5, return_when=taskstatus.FIRST_COMPLETED)
    assert {h.ids[0] for h in done} == {"fast"}
    outcomes = {attrs(s)["taskstatus.task_ids"][0]: attrs(s)["taskstatus.outcome"]
                for s in waits(spans)}  # fmt: skip
    assert outcomes == {"fast": "succeeded", "never": "closed"}


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors(KEY) as running:
        yield running


def test_a_streamed_wait_has_an_event_per_stream_event(
    fakes: FakeVendors, spans: InMemorySpanExporter
) -> None:
    (task_id,) = fakes.shannon.add_task("task", script=Script(running=0.5))
    with taskstatus.Shannon(api_key=KEY, base_url=fakes.url("shannon")) as shannon:
        assert shannon.task(task_id).wait(timeout=30).state is taskstatus.State.SUCCEEDED
        events = list(shannon.task(task_id).events(timeout=30))
    wait = waits(spans)[0]
    names = [e.name for e in wait.events]
    assert "taskstatus.stream.open" in names
    streamed = [e for e in wait.events if e.name == "taskstatus.stream.event"]
    assert streamed
    assert all((e.attributes or {})["taskstatus.event.name"] for e in streamed)
    (reading,) = waits(spans, "taskstatus.events")
    assert len([e for e in reading.events if e.name == "taskstatus.stream.event"]) >= len(events)
    no_key(spans)
