"""Every row of the status mapping table, for every task kind, sync and async."""

from __future__ import annotations

from typing import Any

import pytest
from anchorbrowser_client.models import TaskExecutionResultStatus, TaskRunStatusV2ResponseStatus
from browseract_client.models import TaskStatus as BrowserActStatus
from shannon_client.models import TaskStatusResponseStatus
from taskstatus import State
from truebit_client.models import (
    ExecuteApiSyncResponseStatus,
    ExecuteTaskSyncResponseVerificationStatus,
)

from tests.facade.support import MODES, answering, call, handle, status_body

S = State
# The expected state of every value, written independently of the adapters' tables but keyed by
# the generated clients' enums: the one place the spec's values live.
TA, TF = ExecuteApiSyncResponseStatus, ExecuteTaskSyncResponseVerificationStatus
AX, AR = TaskExecutionResultStatus, TaskRunStatusV2ResponseStatus
SH, BA = TaskStatusResponseStatus, BrowserActStatus
ROWS: dict[str, dict[Any, State]] = {
    "truebit/api": {TA.RUNNING: S.RUNNING, TA.SUCCESS: S.SUCCEEDED, TA.ERROR: S.FAILED},
    "truebit/function": {
        TF.RUNNING: S.RUNNING, TF.SUCCESS: S.SUCCEEDED,
        TF.INDETERMINATE: S.FAILED, TF.ERROR: S.FAILED,
    },
    "anchorbrowser/execution": {
        AX.QUEUED: S.QUEUED, AX.RUNNING: S.RUNNING, AX.SUCCESS: S.SUCCEEDED,
        AX.FAILURE: S.FAILED, AX.TIMEOUT: S.TIMED_OUT, AX.CANCELLED: S.CANCELLED,
    },
    "anchorbrowser/run": {
        AR.QUEUED: S.QUEUED, AR.RUNNING: S.RUNNING, AR.SUCCESS: S.SUCCEEDED,
        AR.FAILURE: S.FAILED, AR.TIMEOUT: S.TIMED_OUT, AR.CANCELLED: S.CANCELLED,
    },
    "shannon/task": {
        SH.TASK_STATUS_QUEUED: S.QUEUED, SH.TASK_STATUS_RUNNING: S.RUNNING,
        SH.TASK_STATUS_PAUSED: S.PAUSED, SH.TASK_STATUS_COMPLETED: S.SUCCEEDED,
        SH.TASK_STATUS_FAILED: S.FAILED, SH.TASK_STATUS_CANCELLED: S.CANCELLED,
        SH.TASK_STATUS_TIMEOUT: S.TIMED_OUT, SH.TASK_STATUS_UNSPECIFIED: S.UNKNOWN,
    },
    "browseract/task": {
        BA.CREATED: S.QUEUED, BA.RUNNING: S.RUNNING, BA.PAUSING: S.PAUSED, BA.PAUSED: S.PAUSED,
        BA.FINISHED: S.SUCCEEDED, BA.FAILED: S.FAILED, BA.CANCELED: S.CANCELLED,
        BA.UNKNOWN: S.UNKNOWN,
    },
}  # fmt: skip


@pytest.mark.parametrize("kind", ROWS)
def test_every_value_the_spec_lists_has_an_expected_state(kind: str) -> None:
    """A value added upstream fails here (and in test_state_tables) until both are extended."""
    enum_class = type(next(iter(ROWS[kind])))
    assert {m.value for m in enum_class} == {str(v) for v in ROWS[kind]}


CASES = [
    (kind, raw, state)
    for kind, table in ROWS.items()
    for raw, state in [*((str(v), s) for v, s in table.items()), ("SOMETHING_NEW", S.UNKNOWN)]
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("kind", "raw", "state"), CASES)
def test_vendor_value_maps_to_state(mode: str, kind: str, raw: str, state: State) -> None:
    task = handle(mode, kind, answering(status_body(kind, raw)))
    status = call(task.status)
    assert status.state is state
    assert status.vendor_status == raw
    assert status.done is state.terminal
    assert status.vendor == kind.split("/")[0]
    assert status.raw is not None


SUCCESS_OUTPUT: list[tuple[str, dict[str, Any], Any]] = [
    (
        "truebit/api",
        {"status": "Success", "clearTextSolution": {"status": "succeed", "output": {"x": 1}}},
        {"x": 1},
    ),
    (
        "truebit/function",
        {
            "verificationStatus": "Success",
            "clearTextSolution": {"executionStatus": "succeed", "output": "42"},
        },
        "42",
    ),
    ("anchorbrowser/execution", {"output": "done!"}, "done!"),
    ("anchorbrowser/run", {"result": {"rows": [1, 2]}}, {"rows": [1, 2]}),
    ("shannon/task", {"result": "Paris."}, "Paris."),
    ("shannon/task", {"result": '{"a": 1}', "response": {"a": 1}}, {"a": 1}),
]


def _success_value(kind: str) -> str:
    return next(raw for raw, state in ROWS[kind].items() if state is S.SUCCEEDED)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("kind", "fields", "output"), SUCCESS_OUTPUT)
def test_output_of_a_succeeded_task(
    mode: str, kind: str, fields: dict[str, Any], output: Any
) -> None:
    body = status_body(kind, _success_value(kind))
    if kind == "anchorbrowser/execution":
        body["data"].update(fields)
    else:
        body.update(fields)
    task = handle(mode, kind, answering(body))
    assert call(task.result, timeout=5) == output


@pytest.mark.parametrize("mode", MODES)
def test_truebit_success_with_failed_code_is_failed_and_keeps_output(mode: str) -> None:
    body = status_body(
        "truebit/api", "Success",
        clearTextSolution={"status": "failed", "output": {"stderr": "boom"}}, errorMsg="exit 1",
    )  # fmt: skip
    status = call(handle(mode, "truebit/api", answering(body)).status)
    assert status.state is S.FAILED
    assert status.output == {"stderr": "boom"}
    assert status.error == "exit 1"

    body = status_body(
        "truebit/function",
        "Success",
        clearTextSolution={"executionStatus": "failed", "output": "x"},
    )
    status = call(handle(mode, "truebit/function", answering(body)).status)
    assert status.state is S.FAILED
    assert status.output == "x"


@pytest.mark.parametrize("mode", MODES)
def test_truebit_indeterminate_is_failed_for_lack_of_consensus(mode: str) -> None:
    status = call(
        handle(
            mode, "truebit/function", answering(status_body("truebit/function", "Indeterminate"))
        ).status
    )
    assert status.state is S.FAILED
    assert "consensus" in (status.error or "")


@pytest.mark.parametrize("mode", MODES)
def test_error_text_is_the_vendors(mode: str) -> None:
    cases = [
        ("truebit/api", status_body("truebit/api", "Error", errorMsg="bad gateway upstream")),
        ("anchorbrowser/run", status_body("anchorbrowser/run", "failure", error="captcha")),
        ("shannon/task", status_body("shannon/task", "TASK_STATUS_FAILED", error="LLM down")),
    ]
    for kind, body in cases:
        status = call(handle(mode, kind, answering(body)).status)
        assert status.error in {"bad gateway upstream", "captcha", "LLM down"}
    # Shannon sends "" when there is no error text: that is no error, not an empty one.
    status = call(
        handle(
            mode,
            "shannon/task",
            answering(status_body("shannon/task", "TASK_STATUS_FAILED", error="")),
        ).status
    )
    assert status.error is None


@pytest.mark.parametrize("mode", MODES)
def test_browseract_output_comes_from_get_task_once_terminal(mode: str) -> None:
    import httpx

    from tests.facade.support import browseract_task_body, scripted

    handler, seen = scripted(
        httpx.Response(200, json={"status": "failed"}),
        httpx.Response(200, json=browseract_task_body(
            "failed", output={"string": "partial"}, finished_at="2025-10-08 09:55:00",
            task_failure_info={"code": 10001, "message": "Navigation timeout"},
        )),
    )  # fmt: skip
    status = call(handle(mode, "browseract/task", handler).status)
    assert [r.url.path for r in seen] == ["/v2/workflow/get-task-status", "/v2/workflow/get-task"]
    assert status.state is S.FAILED
    assert status.error == "Navigation timeout"
    assert status.output == {"string": "partial", "files": []}
    assert status.finished_at is not None
    assert status.finished_at.minute == 55


@pytest.mark.parametrize("mode", MODES)
def test_browseract_running_task_costs_one_request(mode: str) -> None:
    import httpx

    from tests.facade.support import scripted

    handler, seen = scripted(httpx.Response(200, json={"status": "running"}))
    call(handle(mode, "browseract/task", handler).status)
    assert len(seen) == 1


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["truebit/api", "truebit/function", "anchorbrowser/execution"])
def test_absent_status_is_unknown_not_an_error(mode: str, kind: str) -> None:
    """These schemas make status optional; a body without one is valid and means UNKNOWN."""
    body: dict[str, Any] = {} if kind != "truebit/api" else {"executionId": "exec-1"}
    status = call(handle(mode, kind, answering(body)).status)
    assert status.state is S.UNKNOWN
    assert status.vendor_status is None
