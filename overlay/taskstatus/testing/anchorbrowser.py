"""Fake AnchorBrowser: every task operation of its effective spec.

v1 (legacy): a catalogue of task definitions with numbered versions and a draft, runs that make
scripted executions, execution lists.  v2: task generation (a scripted ``generation`` task that
ends ``ready`` or ``failed``), runs and their status.  See docs/vendors.md, "AnchorBrowser".
"""

from __future__ import annotations

import asyncio
import base64
import json
import math
import re
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import attrs
from anchorbrowser_client.models import TaskRunStatusV2ResponseStatus as _S

from taskstatus._model import State
from taskstatus.testing._app import FakeApp, FakeTask, Incoming, Reply, creates, route, serves
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
# A v2 task generation (TaskGenerationStatusV2Response.status): generating until it ends.
GENERATION: dict[State, str] = {
    State.QUEUED: "generating",
    State.RUNNING: "generating",
    State.PAUSED: "generating",
    State.UNKNOWN: "suspended",  # a value the spec does not list
    State.SUCCEEDED: "ready",
    State.FAILED: "failed",
}
NAME = re.compile(r"^[a-zA-Z0-9_-]{1,255}$")
BASE64 = re.compile(r"^[A-Za-z0-9+/]*={0,2}$")
TEAM = "3f1c2b9e-8d4a-4c6e-9b1f-2a7d5e8c0b13"
CODE = base64.b64encode(b"export default async function run() { return 'done'; }").decode()


@attrs.define
class Version:
    """One version of a v1 task definition: ``draft`` or a number."""

    version: str
    code: str
    description: str | None
    created: str
    updated: str
    id: str = attrs.field(factory=lambda: str(uuid.uuid4()))
    deleted: bool = False

    def body(self, task_id: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "taskId": task_id, "version": self.version, "code": self.code,
            "language": "typescript", "deleted": self.deleted,
            "createdAt": self.created, "updatedAt": self.updated,
        }  # fmt: skip
        if self.description is not None:
            out["description"] = self.description
        return out


@attrs.define
class Definition:
    """A v1 task definition (``/v1/task``): name, description, versions; deleting is soft."""

    id: str
    name: str
    description: str | None
    created: str
    updated: str
    versions: dict[str, Version] = attrs.field(factory=dict)
    deleted: bool = False

    def live(self) -> list[Version]:
        return [v for v in self.versions.values() if not v.deleted]

    def published(self) -> Version | None:
        numbered = [v for v in self.live() if v.version.isdigit()]
        return max(numbered, key=lambda v: int(v.version), default=None)

    def resolve(self, name: str) -> Version | None:
        """The version ``draft``, ``latest`` (the highest published) or a number names."""
        found = self.published() if name == "latest" else self.versions.get(name)
        return None if found is None or found.deleted else found

    @property
    def latest(self) -> str:
        published = self.published()
        return published.version if published else "draft"

    def metadata(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "name": self.name, "teamId": TEAM, "latest": self.latest,
            "deleted": self.deleted, "createdAt": self.created, "updatedAt": self.updated,
        }  # fmt: skip
        if self.description is not None:
            out["description"] = self.description
        return out

    def task(self) -> dict[str, Any]:
        out = self.metadata()
        version = self.resolve("latest") or self.resolve("draft")
        out["latestVersion"] = out.pop("latest")
        out["code"] = version.code if version else ""
        out["language"] = "typescript"
        return out


@attrs.frozen
class Ran:
    """What an execution ran: the version's label and id, and when it started."""

    version: str
    version_id: str
    started: str


def _page(incoming: Incoming, name: str, default: int, most: int | None = None) -> int:
    """A page/limit query parameter (``^[1-9]\\d*$``); what is not one reads as the default."""
    text = incoming.arg(name) or ""
    value = int(text) if text.isdigit() and not text.startswith("0") else default
    return min(value, most) if most else value


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
    kinds = {"execution": 2, "run": 1, "generation": 1}
    outcome_values = {
        "execution": OUTCOMES,
        "run": OUTCOMES,
        "generation": {s: v for s, v in GENERATION.items() if s.terminal},
    }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.webhook_url: str | None = None
        self._webhook_secret: str | None = None
        self.definitions: dict[str, Definition] = {}  # v1 task definitions by id
        self._ran: dict[str, Ran] = {}  # execution id -> what it ran

    def push_to(self, url: str, secret: str, plan: PushPlan | None = None) -> None:
        """Send signed webhooks for the tasks created from now on, as a project webhook
        would: one event when each execution or run ends."""
        self.webhook_url, self._webhook_secret = url, secret
        self.push_plan = plan or PushPlan()

    def task_added(self, task: FakeTask) -> None:
        if task.kind == "execution":
            task_id, execution_id = task.ids
            definition = self.definitions.get(task_id) or self.define(task_id)
            version = definition.resolve("latest") or definition.resolve("draft")
            if version is None:
                version = self._version(definition, "1", CODE, None)
            self._ran.setdefault(execution_id, Ran(version.version, version.id, self.now_text()))
        if self.webhook_url is not None and task.kind in ("execution", "run"):
            self.soon(self._webhook_when_done(task))

    def define(
        self,
        task_id: str | None = None,
        name: str | None = None,
        *,
        code: str | None = CODE,
        description: str | None = None,
    ) -> Definition:
        """Add a v1 task definition (as ``POST /v1/task`` does, but published as version 1
        when ``code`` is given); an execution added for an unknown task id gets one."""
        task_id = task_id or str(uuid.uuid4())
        name = name or "task-" + re.sub(r"[^a-zA-Z0-9_-]", "-", task_id)[:40]
        now = self.now_text()
        definition = self.definitions[task_id] = Definition(task_id, name, description, now, now)
        if code is not None:
            self._version(definition, "1", code, description)
        return definition

    def _version(
        self, definition: Definition, version: str, code: str, description: str | None
    ) -> Version:
        now = self.now_text()
        old = definition.versions.get(version)
        if old is not None and not old.deleted:
            old.code, old.updated = code, now
            old.description = description if description is not None else old.description
            made = old
        else:
            made = definition.versions[version] = Version(version, code, description, now, now)
        definition.updated = now
        return made

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

    def _execution(self, task: FakeTask, now: float) -> dict[str, Any]:
        state = task.state(now)
        output = task.script.output
        ran = self._ran[task.ids[1]]
        return {
            "id": task.ids[1],
            "taskVersionId": ran.version_id,
            "version": ran.version,
            "status": self._value(task, state),
            "output": (output if isinstance(output, str) else json.dumps(output))
            if state is State.SUCCEEDED
            else None,
            "errorMessage": task.script.error if state is State.FAILED else None,
            "startTime": ran.started,
            "executionTime": round(task.ran_for(now) * 1000, 1) if state.terminal else None,
        }

    @route("GET", "/v1/task/([^/]+)/executions/([^/]+)", "execution")
    async def execution(self, incoming: Incoming, task: FakeTask) -> Reply:
        return Reply.json(200, {"data": self._execution(task, self.clock())})

    async def _until_ended(self, task: FakeTask) -> None:
        """Wait (as a synchronous run does) until the task's script has ended."""
        while not task.state(self.clock()).terminal:
            await asyncio.sleep(max(0.01, self.seconds_until(task, task.script.duration)))

    @creates("POST", "/v2/tasks/([^/]+)/run")
    async def run_task(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Run a task (v2; ``RunTaskV2Request``): 200 with the new run's status answer, at once
        or (``sync: true``) once the run has ended."""
        body = self.json_body(incoming)
        params = body.get("input_params") if isinstance(body, dict) else None
        if not isinstance(params, dict) or not all(isinstance(v, str) for v in params.values()):
            return self.error(400, "input_params must be an object of strings")
        (run_id,) = self.create_task("run")
        task = self.tasks[("run", (run_id,))]
        if body.get("sync") is True:
            await self._until_ended(task)
        return await self.run(incoming, task)

    @creates("POST", "/v2/tasks/generate")
    async def generate_task(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Start generating a task (``GenerateTaskV2Request``): a ``generation`` task that
        follows the next queued script, generating until it ends ready (or failed)."""
        body = self.json_body(incoming)
        if not isinstance(body, dict) or not all(
            isinstance(body.get(k), str) and body[k] for k in ("taskName", "taskPrompt")
        ):
            return self.error(400, "taskName and taskPrompt are required")
        (task_id,) = self.create_task("generation")
        return Reply.json(200, {
            "id": task_id, "status": "generating", "taskId": task_id,
            "taskVersionId": str(uuid.uuid4()), "projectId": str(uuid.uuid4()),
        })  # fmt: skip

    @route("GET", "/v2/tasks/([^/]+)/generation-status", "generation")
    async def generation(self, incoming: Incoming, task: FakeTask) -> Reply:
        state = task.state(self.clock())
        body: dict[str, Any] = {"id": task.ids[0], "status": GENERATION[state]}
        if state is State.FAILED:
            body["error"] = task.script.error or "Task generation failed"
        return Reply.json(200, body)

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

    # --- v1 (legacy): the catalogue of task definitions -----------------------------------
    def _definition(self, match: re.Match[str] | str) -> Definition | None:
        """The live definition a path's first group (or an id) names."""
        task_id = match if isinstance(match, str) else unquote(match.group(1))
        found = self.definitions.get(task_id)
        return None if found is None or found.deleted else found

    def _named(self, name: str, but: str | None = None) -> Definition | None:
        return next(
            (d for d in self.definitions.values()
             if d.name == name and not d.deleted and d.id != but),
            None,
        )  # fmt: skip

    def _refused(self, body: Any, *, needs: tuple[str, ...] = ()) -> Reply | None:
        """400 for a body its request schema refuses (the fields these operations share)."""
        if not isinstance(body, dict):
            return self.error(400, "Request body must be a JSON object")
        for field in needs:
            if field not in body:
                return self.error(400, f"{field} is required")
        checks: dict[str, Callable[[Any], object]] = {
            "name": lambda v: isinstance(v, str) and NAME.match(v),
            "language": lambda v: v == "typescript",
            "description": lambda v: isinstance(v, str) and len(v) <= 1000,
            "code": lambda v: isinstance(v, str) and BASE64.match(v),
        }
        for field, ok in checks.items():
            if field in body and not ok(body[field]):
                return self.error(400, f"Invalid {field}")
        return None

    @serves("POST", "/v1/task")
    async def create_definition(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Create a task definition (``CreateTaskRequest``): its draft holds the code."""
        body = self.json_body(incoming)
        refused = self._refused(body, needs=("name", "language"))
        if refused:
            return refused
        if self._named(body["name"]):
            return self.error(409, "Task name already exists")
        definition = self.define(name=body["name"], code=None, description=body.get("description"))
        self._version(definition, "draft", body.get("code", ""), body.get("description"))
        return Reply.json(200, {"data": definition.task()})

    @serves("GET", "/v1/task")
    async def list_definitions(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        page, limit = _page(incoming, "page", 1), _page(incoming, "limit", 10, most=100)
        live = [d for d in self.definitions.values() if not d.deleted]
        shown = live[(page - 1) * limit : page * limit]
        return Reply.json(200, {"data": {
            "tasks": [d.task() for d in shown], "total": len(live), "page": page, "limit": limit,
        }})  # fmt: skip

    async def _run_execution(
        self, body: Any, definition: Definition | None, version_name: str
    ) -> Reply:
        """Run a version (v1): a scripted execution; answered at once when ``async`` is true,
        else once it has ended, with its output or error."""
        version = definition.resolve(version_name) if definition else None
        if definition is None or version is None:
            return self.error(404, "Task or version not found")
        execution_id = str(uuid.uuid4())
        self._ran[execution_id] = Ran(version.version, version.id, self.now_text())
        self.create_task("execution", definition.id, execution_id)
        task = self.tasks[("execution", (definition.id, execution_id))]
        data: dict[str, Any] = {"taskId": definition.id}
        if body.get("async") is True:
            data.update(success=True, message="Task execution started",
                        executionResultId=execution_id)  # fmt: skip
            data["async"] = True
            return Reply.json(200, {"data": data})
        await self._until_ended(task)
        result = self._execution(task, self.clock())
        succeeded = task.state(self.clock()) is State.SUCCEEDED
        message = "Task executed successfully" if succeeded else "Task execution failed"
        data.update(success=succeeded, message=message, executionTime=result["executionTime"])
        data["async"] = False
        if result["output"] is not None:
            data["output"] = result["output"]
        if result["errorMessage"] is not None:
            data["error"] = result["errorMessage"]
        return Reply.json(200, {"data": data})

    @serves("POST", "/v1/task/run")
    async def run_definition(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        body = self.json_body(incoming)
        if not isinstance(body, dict) or not isinstance(body.get("taskId"), str):
            return self.error(400, "taskId is required")
        version = body.get("version", "latest")
        if not isinstance(version, str) or not re.match(r"^(draft|latest|\d+)$", version):
            return self.error(400, "Invalid version")
        return await self._run_execution(body, self._definition(body["taskId"]), version)

    @serves("POST", "/v1/task/run/([^/]+)")
    async def run_by_name(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        body = self.json_body(incoming) if incoming.body else {}
        if not isinstance(body, dict):
            return self.error(400, "Request body must be a JSON object")
        definition = self._named(unquote(match.group(1)))
        if definition is None:
            return self.error(404, "Task not found")
        return await self._run_execution(body, definition, "latest")

    @serves("GET", "/v1/task/((?!run/)[^/]+)")
    async def get_definition(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        definition = self._definition(match)
        if definition is None:
            return self.error(404, "Task not found")
        return Reply.json(200, {"data": definition.metadata()})

    @serves("PUT", "/v1/task/([^/]+)")
    async def update_definition(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        body = self.json_body(incoming)
        refused = self._refused(body)
        if refused:
            return refused
        definition = self._definition(match)
        if definition is None:
            return self.error(404, "Task not found")
        if "name" in body and self._named(body["name"], but=definition.id):
            return self.error(409, "Task name already exists")
        definition.name = body.get("name", definition.name)
        definition.description = body.get("description", definition.description)
        definition.updated = self.now_text()
        return Reply.json(200, {"data": definition.metadata()})

    @serves("DELETE", "/v1/task/([^/]+)")
    async def delete_definition(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        definition = self._definition(match)
        if definition is None:
            return self.error(404, "Task not found")
        definition.deleted = True
        for version in definition.versions.values():
            version.deleted = True
        return Reply.json(200, {"data": {"success": True, "message": "Task deleted successfully"}})

    @serves("GET", "/v1/task/([^/]+)/versions")
    async def list_versions(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        definition = self._definition(match)
        if definition is None:
            return self.error(404, "Task not found")
        versions = []
        for version in definition.live():
            item = {"version": version.version, "createdAt": version.created,
                    "updatedAt": version.updated}  # fmt: skip
            if version.description is not None:
                item["description"] = version.description
            versions.append(item)
        return Reply.json(200, {"data": {"taskId": definition.id, "versions": versions}})

    @serves("GET", "/v1/task/([^/]+)/(draft|latest|\\d+)")
    async def get_version(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """``/latest``, ``/draft`` and ``/{taskVersion}``: one version with its code."""
        definition = self._definition(match)
        version = definition.resolve(match.group(2)) if definition else None
        if definition is None or version is None:
            what = "draft" if match.group(2) == "draft" else "version"
            return self.error(404, f"Task or {what} not found")
        return Reply.json(200, {"data": version.body(definition.id)})

    @serves("POST", "/v1/task/([^/]+)/draft")
    async def save_draft(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        body = self.json_body(incoming)
        refused = self._refused(body, needs=("code",)) or (
            None if body["code"] else self.error(400, "Invalid code")
        )
        if refused:
            return refused
        definition = self._definition(match)
        if definition is None:
            return self.error(404, "Task not found")
        draft = self._version(definition, "draft", body["code"], body.get("description"))
        return Reply.json(200, {"data": draft.body(definition.id)})

    def _publish(self, body: Any, definition: Definition, number: str) -> Reply:
        refused = self._refused(body)
        if refused:
            return refused
        known = definition.resolve(number) or definition.resolve("draft")
        code = body.get("code") or (known.code if known else None)
        if not code:
            return self.error(400, "code is required for a new version")
        published = self._version(definition, number, code, body.get("description"))
        return Reply.json(200, {"data": published.body(definition.id)})

    @serves("POST", "/v1/task/([^/]+)/deploy")
    async def deploy(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """A new version numbered one past the highest (the draft's code unless given)."""
        definition = self._definition(match)
        if definition is None:
            return self.error(404, "Task not found")
        numbers = [int(v) for v in definition.versions if v.isdigit()]
        return self._publish(self.json_body(incoming), definition, str(max(numbers, default=0) + 1))

    @serves("POST", "/v1/task/([^/]+)/(draft|latest|\\d+)")
    async def publish_version(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """Publish version ``taskVersion`` (a number; not the draft)."""
        if not match.group(2).isdigit():
            return self.error(400, "Cannot publish to draft version")
        definition = self._definition(match)
        if definition is None:
            return self.error(404, "Task not found")
        return self._publish(self.json_body(incoming), definition, match.group(2))

    @serves("DELETE", "/v1/task/([^/]+)/(draft|latest|\\d+)")
    async def delete_version(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        definition = self._definition(match)
        version = definition.resolve(match.group(2)) if definition else None
        if definition is None or version is None:
            return self.error(404, "Task or version not found")
        version.deleted = True
        definition.updated = self.now_text()
        message = f"Task version {version.version} deleted successfully"
        return Reply.json(200, {"data": {"success": True, "message": message}})

    @serves("GET", "/v1/task/([^/]+)/executions")
    async def list_executions(self, incoming: Incoming, match: re.Match[str]) -> Reply:
        """The task's executions, newest first, filtered by ``status`` and ``version``."""
        definition = self._definition(match)
        if definition is None:
            return self.error(404, "Task not found")
        now = self.clock()
        page, limit = _page(incoming, "page", 1), _page(incoming, "limit", 10)
        found = [
            self._execution(task, now)
            for (kind, ids), task in reversed(self.tasks.items())
            if kind == "execution" and ids[0] == definition.id
        ]
        for field in ("status", "version"):
            wanted = incoming.arg(field)
            if wanted is not None:
                found = [e for e in found if e[field] == wanted]
        pagination = {"page": page, "limit": limit, "total": len(found),
                      "totalPages": math.ceil(len(found) / limit)}  # fmt: skip
        shown = found[(page - 1) * limit : page * limit]
        return Reply.json(200, {"data": {"results": shown, "pagination": pagination}})
