"""Fake AnchorBrowser: v1 task executions and v2 task runs."""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from typing import Any

from anchorbrowser_client.models import TaskRunStatusV2ResponseStatus as _S

from taskstatus._model import State
from taskstatus.testing._app import FakeApp, FakeTask, Incoming, Reply, creates, route
from taskstatus.testing._push import PushPlan, deliver
from taskstatus.webhooks import sign

# Values from the generated client's enum (v1 and v2 list the same ones): the one place the
# spec's values live.
VALUES: dict[State, str] = {
    State.QUEUED: _S.QUEUED,
    State.RUNNING: _S.RUNNING,
    State.PAUSED: _S.RUNNING,  # AnchorBrowser has no paused state
    State.UNKNOWN: "suspended",  # a value the spec does not list
    State.SUCCEEDED: _S.SUCCESS,
    State.FAILED: _S.FAILURE,
    State.TIMED_OUT: _S.TIMEOUT,
    State.CANCELLED: _S.CANCELLED,
}
OUTCOMES = {s: v for s, v in VALUES.items() if s.terminal}
# The webhook event type of each end (docs/vendors.md, "Push").
EVENTS = {
    State.SUCCEEDED: "task.completed",
    State.FAILED: "task.failed",
    State.TIMED_OUT: "task.failed",
    State.CANCELLED: "task.cancelled",
}


class FakeAnchorBrowser(FakeApp):
    name = "anchorbrowser"
    auth_header = "anchor-api-key"
    kinds = {"execution": 2, "run": 1}
    outcome_values = {"execution": OUTCOMES, "run": OUTCOMES}

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.webhook_url: str | None = None
        self._webhook_secret: str | None = None

    def push_to(self, url: str, secret: str, plan: PushPlan | None = None) -> None:
        """Send signed webhooks for the tasks created from now on, as a project webhook
        would: one event when each execution or run ends."""
        self.webhook_url, self._webhook_secret = url, secret
        self.push_plan = plan or PushPlan()

    def task_added(self, task: FakeTask) -> None:
        if self.webhook_url is not None:
            self.soon(self._webhook_when_done(task))

    async def _webhook_when_done(self, task: FakeTask) -> None:
        await asyncio.sleep(self.seconds_until(task, task.script.duration + 0.001))
        state = task.state(self.clock())
        if not state.terminal:
            return
        ids = (
            {"task_id": task.ids[0], "execution_id": task.ids[1]}
            if task.kind == "execution"
            else {"run_id": task.ids[0]}
        )
        kind = EVENTS[state]
        event = {
            "id": f"evt_{uuid.uuid4().hex}",
            "type": kind,
            "created": int(time.time()),
            "project_id": "proj_fake",
            "text": f"Task {state.value}",
            "data": {**ids, "status": self._value(task, state)},
        }
        body = json.dumps(event).encode()
        url, secret = self.webhook_url, self._webhook_secret
        if url is None or secret is None:
            return

        def headers() -> dict[str, str]:
            now = int(time.time())
            return {
                "content-type": "application/json",
                "user-agent": "Anchor-Webhooks/1.0",
                "anchor-event": kind,
                "anchor-delivery-id": f"dlv_{uuid.uuid4().hex}",
                "anchor-timestamp": str(now),
                "anchor-signature": sign(secret, now, body),
            }

        await deliver(url, body, headers, self.push_plan, self.deliveries,
                      retry=lambda status: status is None or not 200 <= status < 300,
                      attempts=6)  # fmt: skip

    def make_id(self, kind: str, position: int) -> str:
        return str(uuid.uuid4())

    def error(self, status: int, message: str, code: int | None = None) -> Reply:
        headers = [("retry-after", f"{self.retry_after:g}")] if status == 429 else []
        return Reply.json(status, {"error": {"code": code or status, "message": message}}, headers)

    def unauthorized(self) -> Reply:
        return self.error(401, "Invalid API key")

    def _value(self, task: FakeTask, state: State) -> str:
        return (state.terminal and task.script.vendor_value) or VALUES[state]

    @route("GET", "/v1/task/([^/]+)/executions/([^/]+)", "execution")
    async def execution(self, incoming: Incoming, task: FakeTask) -> Reply:
        now = self.clock()
        state = task.state(now)
        output = task.script.output
        data: dict[str, Any] = {
            "id": task.ids[1],
            "taskVersionId": "7c1e4f7a-5d0e-4f6b-9d55-0b7d3f7e2a10",
            "version": "3",
            "status": self._value(task, state),
            "output": (output if isinstance(output, str) else json.dumps(output))
            if state is State.SUCCEEDED
            else None,
            "errorMessage": task.script.error if state is State.FAILED else None,
            "startTime": "2025-10-08T09:54:10Z",
            "executionTime": round(task.ran_for(now) * 1000, 1) if state.terminal else None,
        }
        return Reply.json(200, {"data": data})

    @creates("POST", "/v2/tasks/([^/]+)/run")
    async def run_task(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Run a task (v2; ``RunTaskV2Request``, every field optional): 200 with the new run's
        status answer."""
        body = self.json_body(incoming)
        if incoming.body and not isinstance(body, dict):
            return self.error(400, "Invalid request body")
        (run_id,) = self.create_task("run")
        return await self.run(incoming, self.tasks[("run", (run_id,))])

    @route("GET", "/v2/tasks/runs/([^/]+)/status", "run")
    async def run(self, incoming: Incoming, task: FakeTask) -> Reply:
        state = task.state(self.clock())
        output = task.script.output
        return Reply.json(
            200,
            {
                "run_id": task.ids[0],
                "status": self._value(task, state),
                "result": (output if isinstance(output, dict) else {"output": output})
                if state is State.SUCCEEDED
                else None,
                "error": task.script.error if state is State.FAILED else None,
                "session_id": f"session-{task.ids[0][:8]}",
            },
        )
