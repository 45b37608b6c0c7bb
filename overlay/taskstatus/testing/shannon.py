"""Fake Shannon gateway: task status, cancel, and the SSE event stream (with its 307 alias).

As docs/vendors.md ("Shannon", "Recorded on the wire") describes the gateway: optional fields
are omitted when empty (never null, never ""); a failed workflow's stream carries an ``error``
event (``ERROR_OCCURRED``) followed by ``WORKFLOW_COMPLETED``, which does not mean success; the
``types`` filter applies; the stream of a workflow the server does not know (or no longer
keeps) sends pings and never ends.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from shannon_client.models import TaskStatusResponseStatus as _S

from taskstatus._model import State
from taskstatus.testing._app import Drop, FakeApp, FakeTask, Incoming, Reply, creates, route

# Values from the generated client's enum: the one place the spec's values live.
VALUES: dict[State, str] = {
    State.QUEUED: _S.TASK_STATUS_QUEUED,
    State.RUNNING: _S.TASK_STATUS_RUNNING,
    State.PAUSED: _S.TASK_STATUS_PAUSED,
    State.UNKNOWN: "TASK_STATUS_SUSPENDED",  # a value the spec does not list
    State.SUCCEEDED: _S.TASK_STATUS_COMPLETED,
    State.FAILED: _S.TASK_STATUS_FAILED,
    State.CANCELLED: _S.TASK_STATUS_CANCELLED,
    State.TIMED_OUT: _S.TASK_STATUS_TIMEOUT,
}
TASK_ID = re.compile(r"^[A-Za-z0-9:_\-.]{1,128}$")
DELTAS = 8  # how many thread.message.delta events carry the result text


def result_text(output: Any) -> str:
    return output if isinstance(output, str) else json.dumps(output)


class FakeShannon(FakeApp):
    name = "shannon"
    auth_header = "x-api-key"
    kinds = {"task": 1}
    outcome_values = {"task": {s: v for s, v in VALUES.items() if s.terminal}}

    def __init__(
        self,
        *args: Any,
        ping_interval: float = 10.0,
        close_after_completed: float = 30.0,
        retry_ms: int = 500,
        stream_drop_after: int | None = None,
        send_done: bool = True,
        stream_available: bool = True,
        streams_expired: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.ping_interval = ping_interval
        self.close_after_completed = close_after_completed
        self.retry_ms = retry_ms
        self.stream_drop_after = stream_drop_after
        self.send_done = send_done
        self.stream_available = stream_available  # False: the stream answers 503
        # True: the server no longer keeps the workflows' streams (24 h): pings only, forever.
        self.streams_expired = streams_expired
        self.streams_opened = 0
        self._dropped: set[tuple[str, ...]] = set()

    def make_id(self, kind: str, position: int) -> str:
        return f"task-{uuid.uuid4()}-{int(time.time())}"

    def error(self, status: int, message: str, code: int | None = None) -> Reply:
        headers: list[tuple[str, str]] = []
        if status == 401:
            headers.append(("www-authenticate", 'ApiKey realm="shannon"'))
        if status == 429:
            headers += [
                ("retry-after", f"{self.retry_after:g}"),
                ("x-ratelimit-limit", "60"),
                ("x-ratelimit-remaining", "0"),
                ("x-ratelimit-reset", str(int(time.time() + self.retry_after))),
            ]
        return Reply.json(status, {"error": message}, headers)

    def check_ids(self, ids: tuple[str, ...]) -> Reply | None:
        if all(TASK_ID.match(i) for i in ids):
            return None
        return self.error(400, "Invalid task ID format")

    def ids_of(self, incoming: Incoming, match: re.Match[str]) -> tuple[str, ...]:
        if incoming.raw_path == "/api/v1/stream/sse":
            return (incoming.arg("workflow_id") or "",)
        return super().ids_of(incoming, match)

    def _value(self, task: FakeTask, state: State) -> str:
        return (state.terminal and task.script.vendor_value) or VALUES[state]

    @creates("POST", "/api/v1/tasks")
    async def submit(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Submit a task (``TaskRequest``: ``query`` required); 200 with its id."""
        body = self.json_body(incoming)
        query = body.get("query") if isinstance(body, dict) else None
        if not isinstance(query, str) or not query.strip():
            return self.error(400, "Query is required")
        (task_id,) = self.create_task("task")
        return Reply.json(200, {
            "task_id": task_id, "workflow_id": task_id,
            "message": "Task submitted successfully", "created_at": self.now_text(),
        })  # fmt: skip

    @route("GET", "/api/v1/tasks/([^/]+)", "task")
    async def status(self, incoming: Incoming, task: FakeTask) -> Reply:
        state = task.state(self.clock())
        now = self.now_text()
        body: dict[str, Any] = {
            "task_id": task.ids[0],
            "workflow_id": task.ids[0],
            "status": self._value(task, state),
            "created_at": now,  # the handler sends the request time, not the task's
            "updated_at": now,
            "query": "What is the capital of France?",
            "session_id": "session-demo",
            "mode": "standard",
        }
        text = result_text(task.script.output) if task.script.output is not None else ""
        if state is State.SUCCEEDED and text:  # a COMPLETED task can lack a result
            body["result"] = text
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = None
            if isinstance(parsed, dict):
                body["response"] = parsed
        if state is State.SUCCEEDED:
            body.update(
                model_used="gpt-5-mini-2025-08-07",
                provider="openai",
                usage={"total_tokens": 300, "input_tokens": 200, "output_tokens": 100,
                       "estimated_cost": 0.006},
            )  # fmt: skip
        if state in (State.FAILED, State.TIMED_OUT) and task.script.error:
            body["error"] = task.script.error
        return Reply.json(200, body, [("x-workflow-id", task.ids[0])])

    @route("POST", "/api/v1/tasks/([^/]+)/cancel", "task")
    async def cancel(self, incoming: Incoming, task: FakeTask) -> Reply:
        if task.cancel(self.clock()):
            return Reply.json(202, {"success": True, "message": "Task cancellation requested"})
        return Reply.json(202, {"success": False, "message": "Task already in a terminal state"})

    def not_found(self, incoming: Incoming) -> Reply:
        """The stream does not look the workflow up: an unknown (or expired) one gets a stream
        of pings that never ends, and the alias redirects whatever the id."""
        if incoming.raw_path == "/api/v1/stream/sse":
            return self._stream_reply(self._pings_only(incoming.arg("workflow_id") or ""))
        if incoming.raw_path.endswith("/stream") and incoming.method == "GET":
            return self._redirect(incoming, incoming.path.split("/")[-2])
        return super().not_found(incoming)

    @route("GET", "/api/v1/tasks/([^/]+)/stream", "task")
    async def stream_alias(self, incoming: Incoming, task: FakeTask) -> Reply:
        return self._redirect(incoming, task.ids[0])

    def _redirect(self, incoming: Incoming, workflow_id: str) -> Reply:
        """307 to the SSE endpoint, forwarding ``types`` and ``last_event_id``."""
        location = f"/api/v1/stream/sse?workflow_id={quote(workflow_id, safe='')}"
        for name in ("types", "last_event_id"):
            value = incoming.arg(name)
            if value:
                location += f"&{name}={quote(value, safe=',')}"
        return Reply(307, b"", (("location", location),))

    @route("GET", "/api/v1/stream/sse", "task")
    async def stream(self, incoming: Incoming, task: FakeTask) -> Reply:
        if not self.stream_available:
            return self.error(503, "streaming unavailable")
        self.streams_opened += 1
        resume = incoming.headers.get("last-event-id") or incoming.arg("last_event_id") or "0"
        after = int(resume) if resume.isdigit() else 0
        types = frozenset(t for t in (incoming.arg("types") or "").split(",") if t)
        if self.streams_expired:
            return self._stream_reply(self._pings_only(task.ids[0]))
        return self._stream_reply(self._events(task, after, types))

    @staticmethod
    def _stream_reply(stream: AsyncIterator[bytes]) -> Reply:
        headers = (("content-type", "text/event-stream"), ("cache-control", "no-cache"))
        return Reply(200, headers=headers, stream=stream)

    async def _pings_only(self, workflow_id: str) -> AsyncIterator[bytes]:
        yield f": connected to workflow {workflow_id}\n\n".encode()
        while True:
            await asyncio.sleep(self.ping_interval)
            yield b": ping\n\n"

    # --- the event stream --------------------------------------------------------------
    def timeline(self, task: FakeTask) -> list[tuple[float, str, dict[str, Any]]]:
        """(seconds from creation, event name, data) for everything the task will emit."""
        script = task.script
        wid = task.ids[0]
        events: list[tuple[float, str, dict[str, Any]]] = []

        def raw(at: float, kind: str, message: str) -> None:
            events.append((at, kind, {"workflow_id": wid, "type": kind, "message": message}))

        start = script.queued
        if script.paused:
            events.append((start, "workflow.pausing", {"workflow_id": wid, "message": "pausing"}))
            events.append((start, "workflow.paused", {"workflow_id": wid, "message": "paused"}))
            events.append(
                (
                    start + script.paused,
                    "workflow.resumed",
                    {"workflow_id": wid, "message": "resumed"},
                )
            )
        run_start = start + script.paused + script.unknown
        raw(run_start, "WORKFLOW_STARTED", "Workflow started")
        raw(run_start, "AGENT_STARTED", "Agent started")
        end = run_start + script.running
        if script.outcome is State.SUCCEEDED:
            text = result_text(script.output)
            size = max(1, -(-len(text) // DELTAS))
            pieces = [text[i : i + size] for i in range(0, len(text), size)]
            for n, piece in enumerate(pieces):
                at = run_start + script.running * (n + 1) / (len(pieces) + 1)
                events.append((at, "thread.message.delta", {"workflow_id": wid, "delta": piece}))
            events.append((end, "thread.message.completed", {"workflow_id": wid, "response": text}))
            raw(end, "WORKFLOW_COMPLETED", "Workflow completed")
        elif script.outcome is State.CANCELLED:
            events.append(
                (end, "workflow.cancelling", {"workflow_id": wid, "message": "cancelling"})
            )
            events.append((end, "workflow.cancelled", {"workflow_id": wid, "message": "cancelled"}))
        else:  # the error event is a normal event body; WORKFLOW_COMPLETED still follows
            message = script.error or f"workflow {script.outcome.value}"
            events.append((end, "error", {"workflow_id": wid, "type": "ERROR_OCCURRED",
                                          "message": message}))  # fmt: skip
            raw(end, "WORKFLOW_COMPLETED", "Workflow completed")
        if task.cancelled_at is not None:
            at = task.cancelled_at - task.created
            events = [e for e in events if e[0] < at] + [
                (at, "workflow.cancelling", {"workflow_id": wid, "message": "cancelling"}),
                (at, "workflow.cancelled", {"workflow_id": wid, "message": "cancelled"}),
            ]
        if self.send_done:
            events.append((events[-1][0], "done", {}))
        return events

    async def _events(
        self, task: FakeTask, after: int, types: frozenset[str] = frozenset()
    ) -> AsyncIterator[bytes]:
        """The task's timeline from event ``after`` on; with ``types``, only those events (and
        ``done``)."""
        yield f": connected to workflow {task.ids[0]}\n\n".encode()
        yield f"retry: {self.retry_ms}\n\n".encode()
        sent = after
        last_beat = self.clock()
        finished_at: float | None = None  # when the last event of the timeline went out
        while True:
            now = self.clock()
            timeline = self.timeline(task)
            for seq, (at, name, data) in enumerate(timeline, start=1):
                if seq <= sent or task.created + at > now:
                    continue
                drop = self.stream_drop_after
                if drop is not None and task.ids not in self._dropped and seq > after + drop:
                    self._dropped.add(task.ids)
                    raise Drop  # the connection is cut mid-stream
                sent = seq
                if not types or name in types or name == "done":
                    yield _frame(seq, name, data)
                if name == "done":
                    return
            if sent >= len(timeline) and finished_at is None:
                finished_at = now
            if finished_at is not None and now - finished_at >= self.close_after_completed:
                return  # without `done`, the gateway closes 30 s after the workflow ended
            if now - last_beat >= self.ping_interval:
                last_beat = now
                yield b": ping\n\n"
            await asyncio.sleep(0.01)


def _frame(seq: int, name: str, data: dict[str, Any]) -> bytes:
    if name == "done":
        payload = "[DONE]"
    else:
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        payload = json.dumps({**data, "timestamp": stamp, "seq": seq})
    return f"id: {seq}\nevent: {name}\ndata: {payload}\n\n".encode()
