"""Fake BrowserAct: get-task-status, get-task (output), list-tasks, stop-task and resume-task.

Bodies as docs/vendors.md ("Recorded on the wire") describes them: absent fields are explicit
nulls, get-task's timestamps are ISO 8601 with ``Z`` (only the error envelope's ``time`` is
``YYYY-MM-DD HH:MM:SS``), ``finished_at`` may be set while the task still runs, and fields the
spec does not list come along.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from browseract_client.models import TaskStatus as _S

from taskstatus._model import State
from taskstatus.testing._app import FakeApp, FakeTask, Incoming, Reply, creates, route
from taskstatus.testing._push import deliver

# Values from the generated client's enum: the one place the spec's values live.
VALUES: dict[State, str] = {
    State.QUEUED: _S.CREATED,
    State.RUNNING: _S.RUNNING,
    State.PAUSED: _S.PAUSED,
    State.UNKNOWN: "archived",  # a value the spec does not list
    State.SUCCEEDED: _S.FINISHED,
    State.FAILED: _S.FAILED,
    State.CANCELLED: _S.CANCELED,
}
NOT_FOUND = 10112
TASK_COMPLETED = 10121  # stop-task on a task that has ended (docs/vendors.md)
RESUME_NOT_PAUSED = 10127  # resume-task on a task that is not paused
WORKFLOW_ID = "16400000000071829"  # of tasks added without a run-task call


def _server_time(moment: datetime | None = None) -> str:
    """The error envelope's ``time``: not ISO 8601."""
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S")


def _iso(moment: datetime) -> str:
    """get-task's timestamps: ISO 8601, seconds, ``Z``."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeBrowserAct(FakeApp):
    name = "browseract"
    auth_header = "authorization"
    auth_prefix = "Bearer "
    kinds = {"task": 1}
    outcome_values = {"task": {s: v for s, v in VALUES.items() if s.terminal}}

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._callback_urls: dict[str, tuple[str | None, str | None]] = {}
        self._ended: set[str] = set()  # tasks whose end was called back
        self._workflows: dict[str, str] = {}  # task id -> the workflow it was run from

    def make_id(self, kind: str, position: int) -> str:
        # Real ids are numeric strings; these name fake tasks, they guard nothing.
        return str(random.randrange(10**16, 10**17))  # nosec B311

    def error(self, status: int, message: str, code: int | None = None) -> Reply:
        body = {
            "code": code or status,
            "msg": message,
            "data": None,
            "ts": int(time.time() * 1000),
            "time": _server_time(),
            "traceId": uuid.uuid4().hex,
        }
        headers = [("retry-after", f"{self.retry_after:g}")] if status == 429 else []
        return Reply.json(status, body, headers)

    def not_found(self, incoming: Incoming) -> Reply:
        return self.error(400, "task not exist", NOT_FOUND)

    def unauthorized(self) -> Reply:
        return self.error(401, "Invalid API key", 401)

    def ids_of(self, incoming: Incoming, match: re.Match[str]) -> tuple[str, ...]:
        return (incoming.arg("task_id") or "",)

    def _value(self, task: FakeTask, state: State) -> str:
        return (state.terminal and task.script.vendor_value) or VALUES[state]

    @creates("POST", "/v2/workflow/run-task")
    async def run_task(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Start a workflow task (``workflow_id`` required); 200 with its id."""
        return self._start(incoming, "workflow_id")

    @creates("POST", "/v2/workflow/run-task-by-template")
    async def run_template_task(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Start a task from an official template (``workflow_template_id`` required)."""
        return self._start(incoming, "workflow_template_id")

    def _start(self, incoming: Incoming, field: str) -> Reply:
        body = self.json_body(incoming)
        workflow = body.get(field) if isinstance(body, dict) else None
        if not isinstance(workflow, str) or not workflow:
            return self.error(400, f"{field} is required", 400)
        (task_id,) = self.create_task("task")
        assert isinstance(body, dict)
        self._workflows[task_id] = workflow
        urls = (body.get("callback_url"), body.get("status_change_callback_url"))
        if any(isinstance(u, str) and u for u in urls):
            self._plan_callbacks(self.tasks[("task", (task_id,))], *urls)
        return Reply.json(200, {"id": task_id})

    # --- callbacks (docs/vendors.md, "Push") ----------------------------------------------
    def _plan_callbacks(self, task: FakeTask, final: Any, changes: Any) -> None:
        """``callback_url`` gets the get-task body when the task ends; ``status_change_
        callback_url`` at every change of status.  Retried at most 3 times, on 5xx only."""
        script, moments = task.script, []
        edge = 0.0
        for length in (script.queued, script.paused, script.unknown, script.running):
            edge += length
            if length:
                moments.append(edge)
        urls = (final if isinstance(final, str) else None,
                changes if isinstance(changes, str) else None)  # fmt: skip
        self._callback_urls[task.ids[0]] = urls
        self.soon(self._callbacks(task, moments, *urls))

    async def _callbacks(
        self, task: FakeTask, moments: list[float], final: str | None, changes: str | None
    ) -> None:
        last: State | None = None
        for moment in [0.0, *moments]:
            await asyncio.sleep(self.seconds_until(task, moment + 0.001))
            state = task.state(self.clock())
            if task.ids[0] in self._ended:
                return  # cancelled: stop() called back already
            if state is last:
                continue
            last = state
            if state.terminal:
                self._ended.add(task.ids[0])
                await self._callback(task, changes, state)
                await self._callback(task, final, state)
                return
            await self._callback(task, changes, state)

    async def _callback(self, task: FakeTask, url: str | None, state: State) -> None:
        if url is None or (state is State.UNKNOWN):
            return
        body = json.dumps(self.task_body(task)).encode()
        headers = {"content-type": "application/json", "user-agent": "BrowserAct-Callback/1.0"}
        await deliver(url, body, lambda: headers, self.push_plan, self.deliveries,
                      retry=lambda status: status is not None and status >= 500,
                      attempts=4)  # fmt: skip

    @route("GET", "/v2/workflow/get-task-status", "task")
    async def status(self, incoming: Incoming, task: FakeTask) -> Reply:
        return Reply.json(200, {"status": self._value(task, task.state(self.clock()))})

    @route("GET", "/v2/workflow/get-task", "task")
    async def get_task(self, incoming: Incoming, task: FakeTask) -> Reply:
        return Reply.json(200, self.task_body(task))

    def task_body(self, task: FakeTask, *, simple: bool = False) -> dict[str, Any]:
        """get-task's answer (also the body of a callback); ``simple``: a list-tasks item
        (no steps)."""
        now = self.clock()
        state = task.state(now)
        wall = datetime.now(UTC)
        created = wall - timedelta(seconds=task.elapsed(now))
        running = state in (State.RUNNING, State.UNKNOWN)
        output = task.script.output
        text = output if isinstance(output, str) else json.dumps(output)
        body: dict[str, Any] = {
            "id": task.ids[0],
            "workflow_id": self._workflows.get(task.ids[0], WORKFLOW_ID),
            "status": self._value(task, state),
            "steps": [
                {"id": f"{task.ids[0]}-1", "step": 1, "status": "succeed",
                 "step_goal": "Open the start page", "evaluation_previous_goal": "",
                 "screenshots_url": None},
            ] if running or state.terminal else [],
            "created_at": None if state is State.QUEUED else _iso(created),
            # Set while running too (the last step's end): it never means the task ended.
            "finished_at": _iso(wall) if running or state.terminal else None,
            "output": {
                "string": text if state is State.SUCCEEDED else None,
                "files": [] if state is State.SUCCEEDED else None,
            },
            "task_failure_info": {"code": 1011, "message": task.script.error or "failed"}
            if state is State.FAILED
            else None,
            "live_url": "https://live.browseract.com/fake" if running else None,
            "task_gif_url": None,
            "profile_id": None,
            "agent_id": "agent-7781",  # not in the spec
            "input_parameters": "url=https://example.com",  # a flat string on the wire
        }  # fmt: skip
        if running:
            body["live_url_info"] = {"live_url": body["live_url"], "height": 900, "width": 1440}
        if simple:
            del body["steps"]
        return body

    @route("PUT", "/v2/workflow/resume-task", "task")
    async def resume(self, incoming: Incoming, task: FakeTask) -> Reply:
        """Resume a paused task (its scripted pause ends now); any other is refused, 10127."""
        if not task.resume(self.clock()):
            return self.error(400, "resume only when paused", RESUME_NOT_PAUSED)
        return Reply(200)

    @creates("GET", "/v2/workflow/list-tasks")
    async def list_tasks(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """A page of the fake's tasks, newest first: ``page`` (from 1), ``limit`` (1-500,
        20 by default), filtered by ``status`` and ``workflow_id``."""
        try:
            page = int(incoming.arg("page") or 1)
            limit = int(incoming.arg("limit") or 20)
        except ValueError:
            return self.error(400, "page and limit must be integers", 400)
        if page < 1 or not 1 <= limit <= 500:
            return self.error(400, "page must be >= 1 and limit within 1-500", 400)
        now = self.clock()
        status, workflow = incoming.arg("status"), incoming.arg("workflow_id")
        tasks = [
            task
            for task in reversed(self.tasks.values())
            if (status is None or self._value(task, task.state(now)) == status)
            and (workflow is None or self._workflows.get(task.ids[0], WORKFLOW_ID) == workflow)
        ]
        items = [self.task_body(task, simple=True) for task in tasks[(page - 1) * limit :][:limit]]
        return Reply.json(200, {
            "page": page, "limit": limit, "items": items,
            "total_pages": -(-len(tasks) // limit), "total_count": len(tasks),
        })  # fmt: skip

    @route("PUT", "/v2/workflow/stop-task", "task")
    async def stop(self, incoming: Incoming, task: FakeTask) -> Reply:
        """Cancel a task; one that has ended is refused with 10121 "task has completed"."""
        if task.state(self.clock()).terminal:
            return self.error(400, "task has completed", TASK_COMPLETED)
        if task.cancel(self.clock()) and task.ids[0] in self._callback_urls:
            final, changes = self._callback_urls[task.ids[0]]
            if task.ids[0] not in self._ended:
                self._ended.add(task.ids[0])
                self.soon(self._callback(task, changes, State.CANCELLED))
                self.soon(self._callback(task, final, State.CANCELLED))
        return Reply(200)  # "OK. The task was canceled."
