"""Fake Shannon gateway: task status, cancel, pause, resume, control state, the event log, the
timeline, the SSE event stream (with its 307 alias) and the WebSocket stream.

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
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, quote

from shannon_client.models import TaskStatusResponseStatus as _S

from taskstatus._model import State
from taskstatus.testing._app import (
    ASGIMessage,
    ASGISend,
    Drop,
    FakeApp,
    FakeTask,
    Incoming,
    Receive,
    Reply,
    creates,
    route,
    serves,
)

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
# The word the orchestrator uses for an ended task when it refuses to pause or resume it.
ENDED = {
    State.SUCCEEDED: "completed",
    State.FAILED: "failed",
    State.CANCELLED: "cancelled",
    State.TIMED_OUT: "timed out",
}
# The timeline's last entry for each end (from the workflow's Temporal history).
HISTORY_END = {
    State.SUCCEEDED: ("WF_COMPLETED", "Workflow completed"),
    State.FAILED: ("WF_FAILED", "Workflow failed"),
    State.CANCELLED: ("WF_CANCELLED", "Workflow cancelled"),
    State.TIMED_OUT: ("WF_TIMEOUT", "Workflow timed out"),
}
FAKE_USER = "00000000-0000-0000-0000-0000000000a1"  # the user the fake's key belongs to
ZERO_UUID = "00000000-0000-0000-0000-000000000000"
TASK_ID = re.compile(r"^[A-Za-z0-9:_\-.]{1,128}$")
QUERY = "What is the capital of France?"  # what every fake task was asked
SESSION = "session-demo"
USAGE = {"total_tokens": 300, "cost_usd": 0.006, "prompt_tokens": 200, "completion_tokens": 100}
DELTAS = 8  # how many thread.message.delta events carry the result text
# Lifecycle events the SSE renames (the others keep their raw type as the event name).
RENAMED = {
    "WORKFLOW_PAUSING": "workflow.pausing",
    "WORKFLOW_PAUSED": "workflow.paused",
    "WORKFLOW_RESUMED": "workflow.resumed",
    "WORKFLOW_CANCELLING": "workflow.cancelling",
    "WORKFLOW_CANCELLED": "workflow.cancelled",
}


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
        # Pauses and resumes over the API, per task: (seconds from creation, signal, reason).
        self.signals: dict[tuple[str, ...], list[tuple[float, str, str]]] = {}
        self.cancel_reasons: dict[tuple[str, ...], str] = {}
        self._origins: dict[tuple[str, ...], datetime] = {}  # wall-clock time of creation
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

    @creates("POST", "/api/v1/tasks/stream")
    async def submit_and_stream(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Submit a task and get its stream URL: 201 ``TaskStreamResponse``, with the
        ``X-Workflow-ID``, ``X-Session-ID`` and ``Link: <stream>; rel=stream`` headers."""
        body = self.json_body(incoming)
        query = body.get("query") if isinstance(body, dict) else None
        if not isinstance(query, str) or not query.strip():
            return self.error(400, "Query is required")
        (task_id,) = self.create_task("task")
        session = body.get("session_id") or SESSION
        stream = f"/api/v1/stream/sse?workflow_id={quote(task_id)}"
        headers = [("x-workflow-id", task_id), ("x-session-id", str(session)),
                   ("link", f"<{stream}>; rel=stream")]  # fmt: skip
        answer = {"task_id": task_id, "workflow_id": task_id, "stream_url": stream}
        return Reply.json(201, answer, headers)

    @serves("GET", "/api/v1/tasks")
    async def list_tasks(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """The fake's tasks, newest first (``limit`` 1-100, default 20; ``offset``), filtered
        by ``status`` (with or without the ``TASK_STATUS_`` prefix) and ``session_id``."""
        now = self.clock()
        limit_text, offset_text = incoming.arg("limit") or "", incoming.arg("offset") or ""
        limit = min(100, max(1, int(limit_text))) if limit_text.isdigit() else 20
        offset = int(offset_text) if offset_text.isdigit() else 0
        wanted = (incoming.arg("status") or "").removeprefix("TASK_STATUS_")
        session = incoming.arg("session_id")
        found = []
        for (kind, ids), task in reversed(self.tasks.items()):
            state = task.state(now)
            value = self._value(task, state)
            if kind != "task" or (wanted and value != f"TASK_STATUS_{wanted}"):
                continue
            if session and session != SESSION:
                continue
            summary: dict[str, Any] = {
                "task_id": ids[0], "query": QUERY, "status": value, "mode": "standard",
                "created_at": self._wall(task, 0, now),
            }  # fmt: skip
            if state.terminal:
                end = task.real_moment(task.script.duration, now)
                if task.cancelled_at is not None:
                    end = min(end, task.elapsed(task.cancelled_at))
                summary["completed_at"] = self._wall(task, end, now)
            if state is State.SUCCEEDED:
                summary["total_token_usage"] = dict(USAGE)
            found.append(summary)
        shown = found[offset : offset + limit]
        return Reply.json(200, {"tasks": shown, "total_count": len(found)})

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
            "query": QUERY,
            "session_id": SESSION,
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
            self.cancel_reasons[task.ids] = self._reason(incoming)
            return Reply.json(202, {"success": True, "message": "Task cancellation requested"})
        return Reply.json(202, {"success": False, "message": "Task already in a terminal state"})

    # --- pause, resume, control state (docs/vendors.md, "Shannon: pause, resume, control
    # state"): refusals come back from the orchestrator as 502 with its message ------------
    def _reason(self, incoming: Incoming) -> str:
        body = self.json_body(incoming)
        reason = body.get("reason") if isinstance(body, dict) else None
        return reason if isinstance(reason, str) else ""

    def _refusal(self, verb: str, task: FakeTask, now: float) -> Reply | None:
        state = task.state(now)
        if state.terminal:
            return self.error(502, f"cannot {verb} {ENDED[state]} task")
        if verb == "pause" and state is State.PAUSED:
            return self.error(502, "task is already paused")
        if verb == "resume" and state is not State.PAUSED:
            return self.error(502, "task is not paused")
        return None

    @route("POST", "/api/v1/tasks/([^/]+)/pause", "task")
    async def pause(self, incoming: Incoming, task: FakeTask) -> Reply:
        now = self.clock()
        refused = self._refusal("pause", task, now)
        if refused is not None:
            return refused
        task.pause(now)
        self.signals.setdefault(task.ids, []).append(
            (task.elapsed(now), "pause", self._reason(incoming))
        )
        return self._control_reply(task, "Pause signal sent")

    @route("POST", "/api/v1/tasks/([^/]+)/resume", "task")
    async def resume(self, incoming: Incoming, task: FakeTask) -> Reply:
        now = self.clock()
        refused = self._refusal("resume", task, now)
        if refused is not None:
            return refused
        scripted = not task.held  # the scripted pause emits its own workflow.resumed
        task.resume(now)
        if not scripted:
            self.signals.setdefault(task.ids, []).append(
                (task.elapsed(now), "resume", self._reason(incoming))
            )
        return self._control_reply(task, "Resume signal sent")

    @staticmethod
    def _control_reply(task: FakeTask, message: str) -> Reply:
        return Reply.json(202, {"success": True, "message": message, "task_id": task.ids[0]})

    @route("GET", "/api/v1/tasks/([^/]+)/control-state", "task")
    async def control_state(self, incoming: Incoming, task: FakeTask) -> Reply:
        now = self.clock()
        state = task.state(now)
        paused_at, reason, by = "", "", ""
        if state is State.PAUSED:
            if task.held:
                since = task.holds[-1][1]
                pauses = [s for s in self.signals.get(task.ids, []) if s[1] == "pause"]
                reason, by = (pauses[-1][2] if pauses else ""), FAKE_USER
            else:  # the scripted pause: the workflow paused itself
                since = task.real_moment(task.script.queued, now)
            paused_at = self._wall(task, since, now, fraction=False)
        cancelled = state is State.CANCELLED and task.cancelled_at is not None
        return Reply.json(200, {
            "is_paused": state is State.PAUSED,
            "is_cancelled": cancelled,
            "paused_at": paused_at,
            "pause_reason": reason,
            "paused_by": by,
            "cancel_reason": self.cancel_reasons.get(task.ids, "") if cancelled else "",
            "cancelled_by": FAKE_USER if cancelled else "",
        })  # fmt: skip

    def _wall(self, task: FakeTask, at: float, now: float, *, fraction: bool = True) -> str:
        """The wall-clock time ``at`` seconds into the task's life, RFC 3339."""
        origin = self._origins.setdefault(  # one origin per task: the same event, one time
            task.ids, datetime.now(UTC) - timedelta(seconds=task.elapsed(now))
        )
        moment = origin + timedelta(seconds=at)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ" if fraction else "%Y-%m-%dT%H:%M:%SZ")

    # --- the event log and the Temporal timeline ---------------------------------------
    def _happened(self, task: FakeTask, now: float) -> list[tuple[int, float, dict[str, Any]]]:
        """(seq, seconds from creation, raw event) of what the stream has sent so far."""
        elapsed = task.elapsed(now)
        return [
            (seq, at, event)
            for seq, (at, event) in enumerate(self.raw_events(task, now), start=1)
            if at <= elapsed
        ]

    @route("GET", "/api/v1/tasks/([^/]+)/events", "task")
    async def events(self, incoming: Incoming, task: FakeTask) -> Reply:
        """The event log: every event the stream sent, in order, but the deltas' text (the
        gateway does not keep LLM_PARTIAL); ``limit`` (1-200, else 50) and ``offset``."""
        now = self.clock()
        limit = _int(incoming.arg("limit"), 50)
        limit = limit if 0 < limit <= 200 else 50
        offset = max(0, _int(incoming.arg("offset"), 0))
        rows = [
            {**event, "timestamp": self._wall(task, at, now), "seq": seq}
            for seq, at, event in self._happened(task, now)
            if event["type"] != "LLM_PARTIAL"
        ][offset : offset + limit]
        return Reply.json(200, {"events": rows, "count": len(rows)})

    @route("GET", "/api/v1/tasks/([^/]+)/timeline", "task")
    async def history_timeline(self, incoming: Incoming, task: FakeTask) -> Reply:
        """What the orchestrator derives from the workflow's history so far: its start, the
        pause and resume signals, its end."""
        now = self.clock()
        wid = task.ids[0]
        moments: list[tuple[float, str, str]] = [(0.0, "WF_STARTED", "Workflow started")]
        moments += [
            (at, "SIG_RECEIVED", f"Signal received: {signal}_v1")
            for at, signal, _ in self.signals.get(task.ids, [])
        ]
        state = task.state(now)
        if state.terminal:
            at = (
                task.cancelled_at - task.created
                if task.cancelled_at is not None
                else task.real_moment(task.script.duration, now)
            )
            moments.append((at, *HISTORY_END[state]))
        moments.sort(key=lambda m: m[0])
        events = [
            {"id": ZERO_UUID, "workflow_id": wid, "type": kind, "message": message,
             "timestamp": self._wall(task, at, now), "seq": seq,
             "created_at": "0001-01-01T00:00:00Z"}
            for seq, (at, kind, message) in enumerate(moments, start=1)
        ]  # fmt: skip
        if (incoming.arg("persist") or "").lower() == "true":
            return Reply.json(202, {"status": "accepted", "workflow_id": wid, "count": len(events)})
        mode = incoming.arg("mode") or "summary"
        return Reply.json(
            200,
            {"workflow_id": wid, "events": events, "stats": {"total": len(events), "mode": mode}},
        )

    # --- the WebSocket stream (/api/v1/stream/ws) ---------------------------------------
    async def websocket(self, scope: ASGIMessage, receive: Receive, send: ASGISend) -> None:
        """The raw events (not renamed), one JSON text message each, as they happen; resumes
        after ``last_event_id`` and filters by ``types``; stays open until the client leaves.
        The handshake is refused (403) without a valid key or a known ``workflow_id``."""
        await receive()  # websocket.connect
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        wid = (query.get("workflow_id") or [""])[0]
        task = self.tasks.get(("task", (wid,)))
        if scope["path"] != "/api/v1/stream/ws" or not self.authorized(headers) or task is None:
            await send({"type": "websocket.close", "code": 1008})
            return
        self.requests += 1
        resume = (query.get("last_event_id") or ["0"])[0]
        sent = int(resume) if resume.isdigit() else 0
        types = frozenset(t for t in (query.get("types") or [""])[0].split(",") if t)
        await send({"type": "websocket.accept"})
        while True:
            now = self.clock()
            for seq, at, event in self._happened(task, now):
                if seq <= sent:
                    continue
                sent = seq
                if not types or event["type"] in types:
                    message = {**event, "timestamp": self._wall(task, at, now), "seq": seq}
                    await send({"type": "websocket.send", "text": json.dumps(message)})
            try:
                message = await asyncio.wait_for(receive(), 0.02)
            except TimeoutError:
                continue
            if message["type"] == "websocket.disconnect":
                return

    def not_found(self, incoming: Incoming) -> Reply:
        """The stream does not look the workflow up: an unknown (or expired) one gets a stream
        of pings that never ends, and the alias redirects whatever the id.  Nor does the event
        log (no events); the timeline fails reading a history that does not exist."""
        if incoming.raw_path.endswith("/events") and incoming.method == "GET":
            return Reply.json(200, {"events": [], "count": 0})
        if incoming.raw_path.endswith("/timeline") and incoming.method == "GET":
            wid = incoming.path.split("/")[-2]
            return self.error(500, f"workflow execution not found for ID: {wid}")
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
    def raw_events(self, task: FakeTask, now: float) -> list[tuple[float, dict[str, Any]]]:
        """(seconds from creation, event) for everything the task has emitted or will emit,
        in the gateway's own form (``type``, ``message``, ``payload``): what the event log
        keeps and the WebSocket sends; ``timeline`` renames them as the SSE does."""
        script = task.script
        wid = task.ids[0]
        scripted: list[tuple[float, dict[str, Any]]] = []

        def add(at: float, kind: str, message: str, **extra: Any) -> None:
            scripted.append((at, {"workflow_id": wid, "type": kind, "message": message, **extra}))

        start = script.queued
        if script.paused:
            add(start, "WORKFLOW_PAUSING", "Pausing...")
            add(start, "WORKFLOW_PAUSED", "Paused")
            add(start + script.paused, "WORKFLOW_RESUMED", "Resuming")
        run_start = start + script.paused + script.unknown
        add(run_start, "WORKFLOW_STARTED", "Workflow started")
        add(run_start, "AGENT_STARTED", "Agent started")
        end = run_start + script.running
        if script.outcome is State.SUCCEEDED:
            text = result_text(script.output)
            size = max(1, -(-len(text) // DELTAS))
            pieces = [text[i : i + size] for i in range(0, len(text), size)]
            for n, piece in enumerate(pieces):
                add(run_start + script.running * (n + 1) / (len(pieces) + 1), "LLM_PARTIAL", piece)
            add(end, "LLM_OUTPUT", text)
            add(end, "WORKFLOW_COMPLETED", "Workflow completed")
        elif script.outcome is State.CANCELLED:
            add(end, "WORKFLOW_CANCELLING", "Cancelling...")
            add(end, "WORKFLOW_CANCELLED", "Cancelled")
        else:  # the error event is a normal event body; WORKFLOW_COMPLETED still follows
            add(end, "ERROR_OCCURRED", script.error or f"workflow {script.outcome.value}")
            add(end, "WORKFLOW_COMPLETED", "Workflow completed")
        # Scripted moments move with the pauses over the API; those pauses emit their own.
        events = [(task.real_moment(at, now), event) for at, event in scripted]
        for at, signal, reason in self.signals.get(task.ids, []):
            if signal == "pause":
                message = f"Pausing: {reason}" if reason else "Pausing..."
                controls = [("WORKFLOW_PAUSING", message), ("WORKFLOW_PAUSED", "Paused")]
            else:
                controls = [("WORKFLOW_RESUMED", f"Resuming: {reason}" if reason else "Resuming")]
            events += [(at, {"workflow_id": wid, "type": k, "message": m}) for k, m in controls]
        events.sort(key=lambda item: item[0])  # stable: at one moment, the script's first
        if task.cancelled_at is not None:
            at = task.cancelled_at - task.created
            cancelling = {"workflow_id": wid, "type": "WORKFLOW_CANCELLING"}
            cancelled = {"workflow_id": wid, "type": "WORKFLOW_CANCELLED"}
            events = [e for e in events if e[0] < at] + [
                (at, {**cancelling, "message": "Cancelling..."}),
                (at, {**cancelled, "message": "Cancelled", "payload": {"was_paused": task.held}}),
            ]
        if self.send_done:
            events.append((events[-1][0], {"workflow_id": wid, "type": "STREAM_END"}))
        return events

    def timeline(self, task: FakeTask) -> list[tuple[float, str, dict[str, Any]]]:
        """(seconds from creation, SSE event name, data): ``raw_events`` renamed as the
        gateway's SSE handler renames them."""
        return [(at, *_sse(event)) for at, event in self.raw_events(task, self.clock())]

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


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _sse(event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The SSE name and data of a raw event (the gateway's mapEvent)."""
    kind, wid, message = event["type"], event["workflow_id"], event.get("message", "")
    if kind == "LLM_PARTIAL":
        return "thread.message.delta", {"workflow_id": wid, "delta": message}
    if kind == "LLM_OUTPUT":
        return "thread.message.completed", {"workflow_id": wid, "response": message}
    if kind == "ERROR_OCCURRED":
        return "error", event
    if kind == "STREAM_END":
        return "done", {}
    if kind in RENAMED:
        data: dict[str, Any] = {"workflow_id": wid, "agent_id": "", "message": message}
        if kind in ("WORKFLOW_PAUSED", "WORKFLOW_CANCELLED"):
            data["checkpoint"] = ""
        if kind == "WORKFLOW_CANCELLED":
            data["was_paused"] = bool(event.get("payload", {}).get("was_paused"))
        return RENAMED[kind], data
    return kind, event


def _frame(seq: int, name: str, data: dict[str, Any]) -> bytes:
    if name == "done":
        payload = "[DONE]"
    else:
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        payload = json.dumps({**data, "timestamp": stamp, "seq": seq})
    return f"id: {seq}\nevent: {name}\ndata: {payload}\n\n".encode()
