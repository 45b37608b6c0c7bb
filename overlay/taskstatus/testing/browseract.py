"""Fake BrowserAct: get-task-status, get-task (output) and stop-task."""

from __future__ import annotations

import json
import random
import re
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from taskstatus._model import State
from taskstatus.testing._app import FakeApp, FakeTask, Incoming, Reply, route

VALUES = {
    State.QUEUED: "created",
    State.RUNNING: "running",
    State.PAUSED: "paused",
    State.UNKNOWN: "archived",  # a value the spec does not list
    State.SUCCEEDED: "finished",
    State.FAILED: "failed",
    State.CANCELLED: "canceled",
}
NOT_FOUND = 10112


def _server_time(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S")  # not ISO 8601


class FakeBrowserAct(FakeApp):
    name = "browseract"
    auth_header = "authorization"
    auth_prefix = "Bearer "
    kinds = {"task": 1}
    outcome_values = {"task": {s: v for s, v in VALUES.items() if s.terminal}}

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

    @route("GET", "/v2/workflow/get-task-status", "task")
    async def status(self, incoming: Incoming, task: FakeTask) -> Reply:
        return Reply.json(200, {"status": self._value(task, task.state(self.clock()))})

    @route("GET", "/v2/workflow/get-task", "task")
    async def get_task(self, incoming: Incoming, task: FakeTask) -> Reply:
        now = self.clock()
        state = task.state(now)
        created = datetime.now(UTC) - timedelta(seconds=task.elapsed(now))
        body: dict[str, Any] = {
            "id": task.ids[0],
            "workflow_id": "wf-71829",
            "status": self._value(task, state),
            "steps": [],
            "created_at": _server_time(created),
        }
        if state.terminal:
            output = task.script.output
            body["output"] = {"string": output if isinstance(output, str) else json.dumps(output),
                              "files": []}  # fmt: skip
            body["finished_at"] = _server_time()
        if state is State.FAILED:
            body["task_failure_info"] = {"code": 10001, "message": task.script.error or "failed"}
        return Reply.json(200, body)

    @route("PUT", "/v2/workflow/stop-task", "task")
    async def stop(self, incoming: Incoming, task: FakeTask) -> Reply:
        task.cancel(self.clock())
        return Reply(200)  # "OK. The task was canceled (or was already in a terminal state)."
