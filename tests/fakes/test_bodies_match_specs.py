"""Every body the fakes send, in every scripted state, validates against the effective spec."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from jsonschema import Draft202012Validator
from taskstatus import State
from taskstatus.testing import FAKES, FakeVendors, Script

from tests.spec_schemas import schema_of, spec

# vendor -> kind -> (method, path template, ids in query?)
OPERATIONS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "truebit": {
        "api": [("get", "/task/api/execution-status/{0}")],
        "function": [("get", "/task/function/execution-status/{0}")],
    },
    "anchorbrowser": {
        "execution": [("get", "/v1/task/{0}/executions/{1}")],
        "run": [("get", "/v2/tasks/runs/{0}/status")],
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
    return Draft202012Validator(schema_of(vendor, schema))


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
    body = response.json()
    check = validator(vendor, method, _spec_path(vendor, template), response.status_code)
    errors = list(check.iter_errors(body))
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
