"""Bodies generated from every response schema of every operation the facade uses.

Valid 2xx bodies must normalise (a TaskStatus, or a cancel answer); error bodies must become
an APIError.  Examples per schema: 2,000 in CI, 200 locally, or TASKSTATUS_FUZZ_EXAMPLES
(``nox -s fuzz`` sets it so the total passes 100,000).  The count is printed at the end.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import taskstatus
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema
from taskstatus import State
from taskstatus._vendors import anchorbrowser, browseract, shannon, truebit
from taskstatus._vendors._base import Kind, read_response
from taskstatus._wire import Answer

from tests.conftest import FUZZ_COUNT
from tests.spec_schemas import schema_of, spec

EXAMPLES = int(
    os.environ.get("TASKSTATUS_FUZZ_EXAMPLES") or (2000 if os.environ.get("CI") else 200)
)

# The facade's operations: (vendor, method, path, adapter, what a 2xx body goes through).
OPERATIONS: list[tuple[Kind, str, str, str]] = [
    (truebit.API, "get", "/task/api/execution-status/{executionId}", "status"),
    (truebit.FUNCTION, "get", "/task/function/execution-status/{executionId}", "status"),
    (anchorbrowser.EXECUTION, "get", "/v1/task/{taskId}/executions/{executionId}", "status"),
    (anchorbrowser.RUN, "get", "/v2/tasks/runs/{runId}/status", "status"),
    (shannon.TASK, "get", "/api/v1/tasks/{id}", "status"),
    (shannon.TASK, "post", "/api/v1/tasks/{id}/cancel", "cancel"),
    (browseract.TASK, "get", "/v2/workflow/get-task-status", "status"),
    (browseract.TASK, "get", "/v2/workflow/get-task", "output"),
    (browseract.TASK, "put", "/v2/workflow/stop-task", "cancel"),
]


def _cases() -> list[tuple[Kind, str, int, Any]]:
    """(adapter, role, status code, schema) once per distinct schema and role."""
    seen: set[str] = set()
    cases = []
    for kind, method, path, role in OPERATIONS:
        vendor = kind.vendor.name
        for code, response in spec(vendor)["paths"][path][method]["responses"].items():
            content = response.get("content", {}).get("application/json")
            if content is None:
                continue
            key = json.dumps([vendor, role if code.startswith("2") else "error", content["schema"]])
            if key not in seen:
                seen.add(key)
                cases.append(
                    (kind, role, int(code), schema_of(vendor, content["schema"], max_items=3))
                )
    return cases


CASES = _cases()
FINISHED = taskstatus.TaskStatus(
    vendor="browseract",
    kind="task",
    task_id="1",
    state=taskstatus.State.SUCCEEDED,
    vendor_status="finished",
)


def _through_facade(kind: Kind, role: str, code: int) -> Callable[[Any], Any]:
    ids = tuple(f"id-{i}" for i in range(len(kind.id_names)))
    parse: dict[str, Callable[[Any], Any]] = {
        "status": lambda body: kind.parse_status(body, ids),
        "output": lambda body: kind.merge_output(FINISHED, body),
        "cancel": kind.parse_cancel,
    }

    def run(body: Any) -> Any:
        answer = Answer(code, httpx.Headers(), json.dumps(body).encode())
        return parse[role](read_response(kind.vendor, "id-0", answer))

    return run


@pytest.mark.parametrize(
    ("kind", "role", "code", "schema"),
    CASES,
    ids=[f"{k.vendor.name}-{r}-{c}" for k, r, c, _ in CASES],
)
def test_generated_bodies_go_through_the_facade(
    kind: Kind, role: str, code: int, schema: Any
) -> None:
    run = _through_facade(kind, role, code)

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(body=from_schema(schema))
    def check(body: Any) -> None:
        FUZZ_COUNT[0] += 1
        if 200 <= code < 300:
            result = run(body)
            if role == "status":
                assert isinstance(result, taskstatus.TaskStatus)
                mapped = kind.states.state(result.vendor_status)
                inner_failure = (mapped, result.state) == (State.SUCCEEDED, State.FAILED)
                assert result.state is mapped or inner_failure
            elif role == "output":
                assert isinstance(result, taskstatus.TaskStatus)
                assert result.state is State.SUCCEEDED
            else:
                assert isinstance(result, bool)
        else:
            with pytest.raises(taskstatus.APIError) as caught:
                run(body)
            assert caught.value.status_code == code

    check()
