"""Every body the fakes send, in every scripted state, validates against the effective spec.

Formats are checked (``date-time`` is RFC 3339), and bodies are read as the generated clients
read them: an explicit null in an optional, non-nullable property is absent, as real servers
mean it (docs/vendors.md, "Recorded on the wire").
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator

import httpx
import pytest
from jsonschema import Draft202012Validator
from taskstatus import State
from taskstatus.testing import FAKES, FakeVendors, Script

from tests.spec_schemas import as_read, schema_of, spec

# vendor -> kind -> (method, path template, ids in query?)
OPERATIONS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "truebit": {
        "api": [("get", "/task/api/execution-status/{0}")],
        "function": [("get", "/task/function/execution-status/{0}")],
    },
    "anchorbrowser": {
        "execution": [("get", "/v1/task/{0}/executions/{1}")],
        "run": [("get", "/v2/tasks/runs/{0}/status")],
        "generation": [("get", "/v2/tasks/{0}/generation-status")],
    },
    "shannon": {"task": [("get", "/api/v1/tasks/{0}")]},
    "browseract": {
        "task": [
            ("get", "/v2/workflow/get-task-status?task_id={0}"),
            ("get", "/v2/workflow/get-task?task_id={0}"),
        ],
    },
}
ERROR_SCHEMA = {
    "truebit": "Error",
    "anchorbrowser": "ErrorResponse",
    "shannon": "ErrorResponse",
    "browseract": "ResponseData",
}
SCRIPTS = {
    "queued": Script(queued=600),
    "paused": Script(paused=600),
    "unknown value": Script(unknown=600),
    "running": Script(running=600),
    **{
        f"ended {s.value}": Script(running=0, outcome=s, error="boom", output={"a": [1]})
        for s in (State.SUCCEEDED, State.FAILED, State.CANCELLED, State.TIMED_OUT)
    },
    "ended failed inside": Script(running=0, outcome=State.FAILED, inner_failure=True),
    "ended indeterminate": Script(running=0, outcome=State.FAILED, vendor_value="Indeterminate"),
    "text output": Script(running=0, output="plain text"),
}


def validator(vendor: str, method: str, path: str, code: int) -> Draft202012Validator:
    responses = spec(vendor)["paths"][path.split("?")[0]][method]["responses"]
    response = responses.get(str(code))
    if response and "content" in response:
        schema = response["content"]["application/json"]["schema"]
    else:  # a code the spec does not declare: the vendor's error envelope
        schema = {"$ref": f"#/components/schemas/{ERROR_SCHEMA[vendor]}"}
    return Draft202012Validator(
        schema_of(vendor, schema), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def test_the_validator_checks_what_the_fakes_once_got_wrong() -> None:
    """A check that cannot fail proves nothing: these bodies must be refused."""
    check = validator("browseract", "get", "/v2/workflow/get-task", 200)
    task = {"id": "1", "status": "finished", "workflow_id": "2", "steps": []}
    read = as_read({**task, "created_at": "2025-10-08 09:54:10"}, check.schema)
    assert [e.validator for e in check.iter_errors(read)] == ["format"]
    assert list(check.iter_errors(as_read({**task, "task_failure_info": None}, check.schema))) == []
    status = validator("browseract", "get", "/v2/workflow/get-task-status", 200)
    assert list(status.iter_errors(as_read({"status": None}, status.schema)))  # required: no null


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def _template(path: str) -> str:
    """The spec's path for a concrete request path template."""
    return path.split("?")[0].replace("{0}", "{x}").replace("{1}", "{y}")


def _spec_path(vendor: str, template: str) -> str:
    wanted = _template(template).split("/")
    for path in spec(vendor)["paths"]:
        parts = path.split("/")
        if len(parts) == len(wanted) and all(
            a == b or (a.startswith("{") and b.startswith("{"))
            for a, b in zip(parts, wanted, strict=True)
        ):
            return path
    raise AssertionError(f"no spec path for {template}")


def _check(
    vendor: str, method: str, template: str, response: httpx.Response, unknown: bool
) -> None:
    check = validator(vendor, method, _spec_path(vendor, template), response.status_code)
    errors = list(check.iter_errors(as_read(response.json(), check.schema)))
    if unknown:  # the one deliberate departure: a status value the spec does not list
        assert errors, "the unknown-value phase must send a value outside the spec"
        assert all(
            e.validator == "enum" and list(e.path)[-1] in ("status", "verificationStatus")
            for e in errors
        ), [e.message for e in errors]
    else:
        assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]


def _possible(vendor: str, kind: str, name: str) -> bool:
    if name == "ended indeterminate":
        return (vendor, kind) == ("truebit", "function")
    return SCRIPTS[name].outcome in FAKES[vendor].outcome_values[kind]


CASES = [
    (v, k, name)
    for v, kinds in OPERATIONS.items()
    for k in kinds
    for name in SCRIPTS
    if _possible(v, k, name)
]


@pytest.mark.parametrize(("vendor", "kind", "scripted"), CASES)
def test_status_bodies_validate_in_every_state(
    fakes: FakeVendors, vendor: str, kind: str, scripted: str
) -> None:
    app = fakes.apps[vendor]
    script = SCRIPTS[scripted]
    ids = app.add_task(kind, script=script)
    headers = {app.auth_header: f"{app.auth_prefix}{fakes.api_key}"}
    for method, template in OPERATIONS[vendor][kind]:
        url = fakes.url(vendor) + template.format(*ids)
        response = httpx.request(method.upper(), url, headers=headers)
        assert response.status_code == 200
        _check(vendor, method, template, response, unknown=scripted == "unknown value")


@pytest.mark.parametrize("vendor", list(OPERATIONS))
@pytest.mark.parametrize("fault", ["429", "500", "502", "503", "520"])
def test_error_bodies_validate(fakes: FakeVendors, vendor: str, fault: str) -> None:
    app = fakes.apps[vendor]
    kind, operations = next(iter(OPERATIONS[vendor].items()))
    method, template = operations[0]
    headers = {app.auth_header: f"{app.auth_prefix}{fakes.api_key}"}
    ids = app.add_task(kind, script=Script(running=600), faults=[fault])
    response = httpx.request(
        method.upper(), fakes.url(vendor) + template.format(*ids), headers=headers
    )
    assert response.status_code == int(fault)
    if fault == "429":
        assert float(response.headers["retry-after"]) >= 0
    _check(vendor, method, template, response, unknown=False)

    missing = tuple("0" * 16 for _ in ids)
    response = httpx.request(
        method.upper(), fakes.url(vendor) + template.format(*missing), headers=headers
    )
    assert response.status_code in (400, 404)
    _check(vendor, method, template, response, unknown=False)

    bad = {app.auth_header: f"{app.auth_prefix}wrong-key"}
    response = httpx.request(method.upper(), fakes.url(vendor) + template.format(*ids), headers=bad)
    assert response.status_code == 401
    _check(vendor, method, template, response, unknown=False)


def test_shannon_cancel_and_stream_alias_are_as_documented(fakes: FakeVendors) -> None:
    headers = {"x-api-key": fakes.api_key}
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    base = fakes.url("shannon")
    cancel = httpx.post(f"{base}/api/v1/tasks/{task}/cancel", headers=headers)
    assert cancel.status_code == 202
    _check("shannon", "post", "/api/v1/tasks/{0}/cancel", cancel, unknown=False)
    assert cancel.json()["success"] is True
    again = httpx.post(f"{base}/api/v1/tasks/{task}/cancel", headers=headers)
    assert again.json()["success"] is False

    alias = httpx.get(f"{base}/api/v1/tasks/{task}/stream", headers=headers)
    assert alias.status_code == 307
    assert alias.headers["location"] == f"/api/v1/stream/sse?workflow_id={task}"

    invalid = httpx.get(f"{base}/api/v1/tasks/bad%20id", headers=headers)
    assert invalid.status_code == 400
    assert invalid.json() == {"error": "Invalid task ID format"}


def test_shannon_stream_frames(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task(
        "task", script=Script(running=0.2, output="The capital is Paris.")
    )
    url = f"{fakes.url('shannon')}/api/v1/stream/sse?workflow_id={task}"
    text = httpx.get(url, headers={"x-api-key": fakes.api_key}, timeout=10).text
    assert text.startswith(f": connected to workflow {task}\n\n")
    assert "retry: " in text
    frames = [f for f in text.split("\n\n") if f.startswith("id: ")]
    ids = [int(f.split("\n")[0][4:]) for f in frames]
    assert ids == list(range(1, len(ids) + 1))
    names = [f.split("\n")[1][7:] for f in frames]
    assert names[-3:] == ["thread.message.completed", "WORKFLOW_COMPLETED", "done"]
    assert frames[-1].endswith("data: [DONE]")
    deltas = "".join(
        json.loads(f.split("\n")[2][6:])["delta"]
        for f, n in zip(frames, names, strict=True)
        if n == "thread.message.delta"
    )
    assert deltas == "The capital is Paris."
    resumed = httpx.get(
        url, headers={"x-api-key": fakes.api_key, "last-event-id": str(ids[-3])}
    ).text
    assert [f.split("\n")[0] for f in resumed.split("\n\n") if f.startswith("id: ")] == [
        f"id: {ids[-2]}",
        f"id: {ids[-1]}",
    ]


def _get(fakes: FakeVendors, vendor: str, path: str, **kw: object) -> httpx.Response:
    app = fakes.apps[vendor]
    headers = {app.auth_header: f"{app.auth_prefix}{fakes.api_key}"}
    return httpx.get(fakes.url(vendor) + path, headers=headers, **kw)  # type: ignore[arg-type]


ISO_Z = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"


def test_browseract_get_task_is_as_recorded(fakes: FakeVendors) -> None:
    """Explicit nulls, ISO 8601 timestamps with Z, finished_at while running, extra fields."""
    bodies = {}
    for name, script in {
        "created": Script(queued=600),
        "running": Script(running=600),
        "finished": Script(running=0, output="text"),
        "failed": Script(running=0, outcome=State.FAILED, error="Page could not be loaded"),
    }.items():
        (task,) = fakes.browseract.add_task("task", script=script)
        bodies[name] = _get(fakes, "browseract", f"/v2/workflow/get-task?task_id={task}").json()
    for body in bodies.values():
        for field in ("task_failure_info", "finished_at", "created_at", "output", "profile_id"):
            assert field in body  # sent, as null when there is nothing
        assert body["task_gif_url"] is None
        assert "agent_id" in body  # not in the spec
    assert bodies["created"]["created_at"] is None
    assert bodies["created"]["output"] == {"string": None, "files": None}
    for name in ("running", "finished", "failed"):
        assert re.match(ISO_Z, bodies[name]["created_at"]), bodies[name]["created_at"]
        assert re.match(ISO_Z, bodies[name]["finished_at"])  # also while running
    assert bodies["running"]["steps"][0]["screenshots_url"] is None
    assert bodies["finished"]["task_failure_info"] is None
    assert bodies["finished"]["output"]["string"] == "text"
    assert bodies["failed"]["task_failure_info"]["message"] == "Page could not be loaded"
    assert bodies["failed"]["output"] == {"string": None, "files": None}


def test_shannon_omits_what_is_empty(fakes: FakeVendors) -> None:
    for script in (
        Script(running=0, output=""),
        Script(running=0, outcome=State.FAILED),
        Script(running=600),
    ):
        (task,) = fakes.shannon.add_task("task", script=script)
        body = _get(fakes, "shannon", f"/api/v1/tasks/{task}").json()
        assert {"task_id", "status", "created_at", "updated_at"} <= set(body)
        assert all(value not in (None, "") for value in body.values()), body
        assert "result" not in body
        assert "error" not in body


def _frames(text: str) -> list[tuple[str, str, str]]:
    """(id, event, data) of each event frame."""
    out = []
    for frame in text.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in frame.split("\n") if ": " in line)
        if "event" in fields:
            out.append((fields.get("id", ""), fields["event"], fields.get("data", "")))
    return out


def test_shannon_error_event_and_types_filter(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task(
        "task", script=Script(running=0.1, outcome=State.FAILED, error="LLM down")
    )
    url = f"/api/v1/stream/sse?workflow_id={task}"
    frames = _frames(_get(fakes, "shannon", url, timeout=10).text)
    names = [name for _, name, _ in frames]
    assert names[-3:] == ["error", "WORKFLOW_COMPLETED", "done"]  # completed after an error
    error = json.loads(frames[-3][2])
    assert (error["type"], error["message"], error["workflow_id"]) == (
        "ERROR_OCCURRED",
        "LLM down",
        task,
    )
    only = _frames(_get(fakes, "shannon", url + "&types=error", timeout=10).text)
    assert [name for _, name, _ in only] == ["error", "done"]


def test_shannon_stream_alias_forwards_types_and_last_event_id(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    alias = _get(fakes, "shannon", f"/api/v1/tasks/{task}/stream?types=error,done&last_event_id=7")
    assert alias.status_code == 307
    assert alias.headers["location"] == (
        f"/api/v1/stream/sse?workflow_id={task}&types=error,done&last_event_id=7"
    )


def test_shannon_stream_of_an_unknown_workflow_sends_pings_and_never_ends(
    fakes: FakeVendors,
) -> None:
    app = fakes.shannon
    headers = {"x-api-key": fakes.api_key}
    url = fakes.url("shannon") + "/api/v1/stream/sse?workflow_id=task-gone-1761545276"
    saved, app.ping_interval = app.ping_interval, 0.05
    received = b""

    def read_until_quiet() -> None:
        nonlocal received
        timeout = httpx.Timeout(2, read=0.5)
        with httpx.stream("GET", url, headers=headers, timeout=timeout) as response:
            assert response.status_code == 200
            for chunk in response.iter_bytes():
                received += chunk
                if received.count(b": ping") >= 3:
                    app.ping_interval = 60  # the next read times out: the stream never ends

    try:
        with pytest.raises(httpx.ReadTimeout):
            read_until_quiet()
    finally:
        app.ping_interval = saved
    assert received.startswith(b": connected to workflow task-gone-1761545276\n\n")
    assert b"event:" not in received
    alias = _get(fakes, "shannon", "/api/v1/tasks/task-gone-1761545276/stream")
    assert alias.status_code == 307


def test_anchorbrowser_execution_time_stops_growing_once_ended(fakes: FakeVendors) -> None:
    (task, execution) = fakes.anchorbrowser.add_task("execution", script=Script(running=0.05))
    path = f"/v1/task/{task}/executions/{execution}"
    time.sleep(0.1)
    first = _get(fakes, "anchorbrowser", path).json()["data"]["executionTime"]
    time.sleep(0.2)
    second = _get(fakes, "anchorbrowser", path).json()["data"]["executionTime"]
    assert first == second == 50.0


# vendor -> (path the request goes to, spec path template, valid body, kind it creates)
CREATES = {
    "shannon": ("/api/v1/tasks", "/api/v1/tasks", {"query": "Capital of France?"}, "task"),
    "browseract": ("/v2/workflow/run-task", "/v2/workflow/run-task",
                   {"workflow_id": "wf_123456789"}, "task"),
    "anchorbrowser": ("/v2/tasks/task-1/run", "/v2/tasks/{x}/run",
                      {"input_params": {"File Name": "a.pdf"}}, "run"),
}  # fmt: skip


@pytest.mark.parametrize("vendor", list(CREATES))
def test_create_calls_answer_as_the_specs_say_and_the_task_follows_its_script(
    fakes: FakeVendors, vendor: str
) -> None:
    app = fakes.apps[vendor]
    path, template, body, kind = CREATES[vendor]
    headers = {app.auth_header: f"{app.auth_prefix}{fakes.api_key}"}
    app.queue_scripts(Script(running=600))
    before = len(app.tasks)
    created = httpx.post(fakes.url(vendor) + path, json=body, headers=headers)
    assert created.status_code == 200
    _check(vendor, "post", template, created, unknown=False)
    assert len(app.tasks) == before + 1
    (task_key,) = [key for key in app.tasks if key[0] == kind][-1:]
    assert app.tasks[task_key].script == Script(running=600)
    denied = httpx.post(fakes.url(vendor) + path, json=body, headers={})
    assert denied.status_code == 401
    assert len(app.tasks) == before + 1


@pytest.mark.parametrize("vendor", ["shannon", "browseract"])
def test_create_calls_refuse_a_body_without_what_they_need(fakes: FakeVendors, vendor: str) -> None:
    app = fakes.apps[vendor]
    path, template, _, _ = CREATES[vendor]
    headers = {app.auth_header: f"{app.auth_prefix}{fakes.api_key}"}
    before = len(app.tasks)
    refused = httpx.post(fakes.url(vendor) + path, json={}, headers=headers)
    assert refused.status_code == 400
    _check(vendor, "post", template, refused, unknown=False)
    assert len(app.tasks) == before


def _declares_body(vendor: str, method: str, template: str, status: int) -> bool:
    """The spec gives this answer a body (an empty answer is then a fault)."""
    answer = spec(vendor)["paths"][_spec_path(vendor, template)][method.lower()]["responses"]
    return "content" in answer.get(str(status), answer.get("default", {"content": 1}))


def _operations(vendor: str) -> set[tuple[str, str]]:
    return {
        (method, path)
        for path, item in spec(vendor)["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "responses" in op
    }


class _Calls:
    """Calls one fake, checks every answer against the effective spec (formats checked) and
    records which of the spec's operations were answered."""

    def __init__(self, fakes: FakeVendors, vendor: str):
        self.fakes, self.vendor, self.seen = fakes, vendor, set[tuple[str, str]]()
        app = fakes.apps[vendor]
        self.headers = {app.auth_header: f"{app.auth_prefix}{fakes.api_key}"}

    def __call__(
        self, method: str, path: str, template: str, status: int = 200, **kw: object
    ) -> dict[str, object]:
        url = self.fakes.url(self.vendor) + path
        response = httpx.request(method, url, headers=self.headers, timeout=10, **kw)  # type: ignore[arg-type]
        assert response.status_code == status, (method, path, response.text)
        if response.content or _declares_body(self.vendor, method, template, status):
            _check(self.vendor, method.lower(), template, response, unknown=False)
        self.seen.add((method.lower(), _spec_path(self.vendor, template)))
        body: dict[str, object] = response.json() if response.content else {}  # stop-task: empty
        return body


def test_every_anchorbrowser_task_operation_answers_as_its_spec_says(fakes: FakeVendors) -> None:
    call = _Calls(fakes, "anchorbrowser")
    app = fakes.anchorbrowser
    code, other = "Y29uc29sZS5sb2coMSk=", "Y29uc29sZS5sb2coMik="
    # v2: generation follows its script (generating, then ready or failed); runs start.
    app.queue_scripts(Script(running=1.5), Script(running=0, outcome=State.FAILED, error="no"))
    made = call("POST", "/v2/tasks/generate", "/v2/tasks/generate",
                json={"taskName": "downloader", "taskPrompt": "Download a file"})  # fmt: skip
    failed = call("POST", "/v2/tasks/generate", "/v2/tasks/generate",
                  json={"taskName": "other", "taskPrompt": "Other"})  # fmt: skip
    assert made["status"] == "generating"
    status = "/v2/tasks/{x}/generation-status"
    assert call("GET", f"/v2/tasks/{made['id']}/generation-status", status)["status"] == (
        "generating"
    )
    assert call("GET", f"/v2/tasks/{failed['id']}/generation-status", status) == {
        "id": failed["id"], "status": "failed", "error": "no",
    }  # fmt: skip
    time.sleep(1.6)  # (1.5 s: long enough that a loaded machine sees "generating" first)
    assert call("GET", f"/v2/tasks/{made['id']}/generation-status", status)["status"] == "ready"
    call("GET", "/v2/tasks/nope/generation-status", status, 404)
    call("POST", "/v2/tasks/generate", "/v2/tasks/generate", 400, json={"taskName": "x"})
    app.queue_scripts(Script(running=0.1, output={"rows": 2}))
    ran = call("POST", f"/v2/tasks/{made['id']}/run", "/v2/tasks/{x}/run",
               json={"input_params": {"url": "https://example.com"}, "sync": True})  # fmt: skip
    assert (ran["status"], ran["result"]) == ("success", {"rows": 2})  # waited for the end
    run_status = call("GET", f"/v2/tasks/runs/{ran['run_id']}/status", "/v2/tasks/runs/{x}/status")
    assert run_status == ran
    call("POST", f"/v2/tasks/{made['id']}/run", "/v2/tasks/{x}/run", 400, json={})

    # v1: a definition, its draft, versions, runs and their executions.
    base = "/v1/task"
    created = call("POST", base, base, json={"name": "scraper", "language": "typescript",
                                               "code": code})["data"]  # fmt: skip
    assert isinstance(created, dict)
    task = created["id"]
    assert (created["latestVersion"], created["code"]) == ("draft", code)
    call("POST", base, base, 409, json={"name": "scraper", "language": "typescript"})
    call("POST", base, base, 400, json={"name": "bad name!", "language": "typescript"})
    one = f"{base}/{task}"
    assert call("GET", one, "/v1/task/{x}")["data"]["latest"] == "draft"  # type: ignore[index]
    call("GET", f"{one}/latest", "/v1/task/{x}/latest", 404)  # nothing published yet
    call("POST", "/v1/task/run", "/v1/task/run", 404, json={"taskId": task})
    draft = call("POST", f"{one}/draft", "/v1/task/{x}/draft", json={"code": other})
    assert draft["data"]["version"] == "draft"  # type: ignore[index]
    assert call("GET", f"{one}/draft", "/v1/task/{x}/draft") == draft
    deployed = call("POST", f"{one}/deploy", "/v1/task/{x}/deploy", json={})["data"]
    assert deployed["version"] == "1"  # type: ignore[index]
    assert deployed["code"] == other  # type: ignore[index]  # the draft's code
    two = call("POST", f"{one}/2", "/v1/task/{x}/{y}", json={"code": code, "description": "v2"})
    call("POST", f"{one}/latest", "/v1/task/{x}/{y}", 400, json={"code": code})
    assert call("GET", f"{one}/latest", "/v1/task/{x}/latest") == two
    assert call("GET", f"{one}/2", "/v1/task/{x}/{y}") == two
    versions = call("GET", f"{one}/versions", "/v1/task/{x}/versions")["data"]
    assert [v["version"] for v in versions["versions"]] == ["draft", "1", "2"]  # type: ignore[index]
    renamed = call("PUT", one, "/v1/task/{x}", json={"name": "scraper2", "description": "d"})
    assert renamed["data"]["name"] == "scraper2"  # type: ignore[index]
    listed = call("GET", f"{base}?page=1&limit=100", base)["data"]
    assert task in [t["id"] for t in listed["tasks"]]  # type: ignore[index]
    # Runs make executions that follow their scripts; the list pages and filters them.
    app.queue_scripts(Script(running=600), Script(running=0.1, outcome=State.FAILED, error="x"))
    started = call("POST", "/v1/task/run", "/v1/task/run",
                   json={"taskId": task, "version": "1", "async": True})["data"]  # fmt: skip
    assert started["async"] is True  # type: ignore[index]
    waited = call("POST", "/v1/task/run/scraper2", "/v1/task/run/{x}", json={})["data"]
    assert (waited["success"], waited["error"]) == (False, "x")  # type: ignore[index]
    call("POST", "/v1/task/run/missing", "/v1/task/run/{x}", 404, json={})
    execution = started["executionResultId"]  # type: ignore[index]
    got = call("GET", f"{one}/executions/{execution}", "/v1/task/{x}/executions/{y}")["data"]
    assert (got["status"], got["version"]) == ("running", "1")  # type: ignore[index]
    page = call("GET", f"{one}/executions?limit=1", "/v1/task/{x}/executions")["data"]
    assert page["pagination"] == {"page": 1, "limit": 1, "total": 2, "totalPages": 2}  # type: ignore[index]
    assert page["results"][0]["status"] == "failure"  # type: ignore[index]  # newest first
    only = call("GET", f"{one}/executions?status=running&version=1", "/v1/task/{x}/executions")
    assert [r["id"] for r in only["data"]["results"]] == [execution]  # type: ignore[index]
    # Deleting a version, then the task (soft: it is gone for every call).
    call("DELETE", f"{one}/2", "/v1/task/{x}/{y}")
    assert call("GET", f"{one}/latest", "/v1/task/{x}/latest")["data"]["version"] == "1"  # type: ignore[index]
    call("DELETE", f"{one}/2", "/v1/task/{x}/{y}", 404)
    call("DELETE", one, "/v1/task/{x}")
    gone = [
        ("GET", one, "/v1/task/{x}"),
        ("DELETE", one, "/v1/task/{x}"),
        ("GET", f"{one}/versions", "/v1/task/{x}/versions"),
        ("GET", f"{one}/executions", "/v1/task/{x}/executions"),
    ]
    for method, path, template in gone:
        call(method, path, template, 404)
    call("PUT", one, "/v1/task/{x}", 404, json={"description": "d"})
    listed = call("GET", base, base)["data"]
    assert task not in [t["id"] for t in listed["tasks"]]  # type: ignore[index]
    assert call.seen == _operations("anchorbrowser"), _operations("anchorbrowser") - call.seen


def test_an_execution_added_for_an_unknown_task_gets_a_definition(fakes: FakeVendors) -> None:
    call = _Calls(fakes, "anchorbrowser")
    task, execution = fakes.anchorbrowser.add_task("execution", script=Script(running=600))
    meta = call("GET", f"/v1/task/{task}", "/v1/task/{x}")["data"]
    assert meta["latest"] == "1"  # type: ignore[index]
    listed = call("GET", f"/v1/task/{task}/executions", "/v1/task/{x}/executions")["data"]
    assert [r["id"] for r in listed["results"]] == [execution]  # type: ignore[index]
    version = call("GET", f"/v1/task/{task}/1", "/v1/task/{x}/{y}")["data"]
    assert listed["results"][0]["taskVersionId"] == version["id"]  # type: ignore[index]


def test_shannon_lists_its_tasks_and_submits_with_a_stream_url(fakes: FakeVendors) -> None:
    call = _Calls(fakes, "shannon")
    app = fakes.shannon
    app.queue_scripts(Script(running=600))
    made = call("POST", "/api/v1/tasks/stream", "/api/v1/tasks/stream", 201, json={"query": "Hi"})
    task = made["task_id"]
    assert made == {"task_id": task, "workflow_id": task,
                    "stream_url": f"/api/v1/stream/sse?workflow_id={task}"}  # fmt: skip
    call("POST", "/api/v1/tasks/stream", "/api/v1/tasks/stream", 400, json={"query": " "})
    (done,) = app.add_task("task", script=Script(running=0, output="Paris."))
    listed = call("GET", "/api/v1/tasks?limit=100", "/api/v1/tasks")
    tasks = {t["task_id"]: t for t in listed["tasks"]}  # type: ignore[attr-defined]
    assert listed["total_count"] == len(app.tasks)
    assert tasks[task]["status"] == "TASK_STATUS_RUNNING"
    assert "completed_at" not in tasks[task]
    assert tasks[done]["status"] == "TASK_STATUS_COMPLETED"
    assert tasks[done]["completed_at"] >= tasks[done]["created_at"]
    assert next(iter(tasks)) == done  # newest first
    running = call("GET", "/api/v1/tasks?status=RUNNING&limit=1&offset=0", "/api/v1/tasks")
    assert [t["task_id"] for t in running["tasks"]] == [task]  # type: ignore[attr-defined]
    assert running["total_count"] == sum(
        1 for t in app.tasks.values() if t.state(app.clock()) is State.RUNNING
    )


def _task_operations(vendor: str) -> set[tuple[str, str]]:
    """The spec's task operations: every path about tasks (Shannon's SSE stream is checked by
    the stream tests, its frames are not a JSON body)."""
    return {(m, p) for m, p in _operations(vendor) if "task" in p and "stream/sse" not in p
            and not p.endswith("/stream")}  # fmt: skip


def test_every_shannon_and_browseract_task_operation_is_served() -> None:
    with FakeVendors() as fakes:  # its own: list-tasks lists every task the fakes hold
        _serve_every_task_operation(fakes)


def _serve_every_task_operation(fakes: FakeVendors) -> None:
    shannon = _Calls(fakes, "shannon")
    shannon.fakes.shannon.queue_scripts(Script(running=600), Script(running=600))
    made = shannon("POST", "/api/v1/tasks", "/api/v1/tasks", json={"query": "Hi"})
    task = made["task_id"]
    shannon("POST", "/api/v1/tasks/stream", "/api/v1/tasks/stream", 201, json={"query": "Hi"})
    shannon("GET", "/api/v1/tasks", "/api/v1/tasks")
    one = f"/api/v1/tasks/{task}"
    shannon("GET", one, "/api/v1/tasks/{id}")
    shannon("POST", f"{one}/pause", "/api/v1/tasks/{id}/pause", 202)
    assert shannon("GET", f"{one}/control-state", "/api/v1/tasks/{id}/control-state")["is_paused"]
    shannon("POST", f"{one}/resume", "/api/v1/tasks/{id}/resume", 202)
    shannon("GET", f"{one}/events", "/api/v1/tasks/{id}/events")
    shannon("GET", f"{one}/timeline", "/api/v1/tasks/{id}/timeline")
    shannon("POST", f"{one}/cancel", "/api/v1/tasks/{id}/cancel", 202)
    assert _task_operations("shannon") <= shannon.seen, _task_operations("shannon") - shannon.seen

    browseract = _Calls(fakes, "browseract")
    fakes.browseract.queue_scripts(Script(running=600), Script(running=600))
    made = browseract("POST", "/v2/workflow/run-task", "/v2/workflow/run-task",
                      json={"workflow_id": "wf_1"})  # fmt: skip
    template = browseract("POST", "/v2/workflow/run-task-by-template",
                          "/v2/workflow/run-task-by-template",
                          json={"workflow_template_id": "tpl_1"})  # fmt: skip
    browseract("POST", "/v2/workflow/run-task-by-template", "/v2/workflow/run-task-by-template",
               400, json={})  # fmt: skip
    got = browseract("GET", f"/v2/workflow/get-task?task_id={template['id']}",
                     "/v2/workflow/get-task")  # fmt: skip
    assert got["workflow_id"] == "tpl_1"
    browseract("GET", f"/v2/workflow/get-task-status?task_id={made['id']}",
               "/v2/workflow/get-task-status")  # fmt: skip
    browseract("GET", "/v2/workflow/list-tasks", "/v2/workflow/list-tasks")
    browseract("PUT", f"/v2/workflow/resume-task?task_id={made['id']}",
               "/v2/workflow/resume-task", 400)  # fmt: skip  # not paused: 10127
    browseract("PUT", f"/v2/workflow/stop-task?task_id={made['id']}", "/v2/workflow/stop-task")
    assert _task_operations("browseract") <= browseract.seen, (
        _task_operations("browseract") - browseract.seen
    )
