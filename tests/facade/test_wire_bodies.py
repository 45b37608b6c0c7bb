"""The facade reads what real servers send (tests/data/wire_bodies.json, from docs/vendors.md,
"Recorded on the wire"): every case through status(), wait() and result(), sync and async."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import httpx
import pytest
import taskstatus
from taskstatus import State

from tests.conftest import DATA
from tests.facade.support import MODES, call, handle

WIRE = json.loads((DATA / "wire_bodies.json").read_text())
CASES = WIRE["cases"]
ERRORS = WIRE["errors"]

# A terminal answer per kind, for waits that start from a case that is not terminal.
CLOSERS: dict[str, dict[str, Any]] = {
    "truebit/api": {"executionId": "exec-1", "status": "Success",
                    "clearTextSolution": {"status": "succeed", "output": {"done": True}}},
    "truebit/function": {"executionId": "exec-2", "verificationStatus": "Success",
                         "clearTextSolution": {"executionStatus": "succeed", "output": "done"}},
    "anchorbrowser/execution": {"data": {"id": "e", "status": "success", "output": "done"}},
    "anchorbrowser/run": {"run_id": "run-1", "status": "success", "result": {"done": True}},
    "shannon/task": {"task_id": "task-1", "status": "TASK_STATUS_COMPLETED", "result": "done",
                     "created_at": "2025-10-27T06:09:00Z", "updated_at": "2025-10-27T06:09:00Z"},
    "browseract/task": {"status": "finished"},
}  # fmt: skip
CLOSING_TASK = {"id": "16429034742537847", "workflow_id": "1", "status": "finished",
                "output": {"string": "done", "files": None}, "task_failure_info": None}  # fmt: skip
# The Shannon stream ends at once without saying how the workflow ended: the wait confirms the
# end with status calls, as it does after any stream.
SSE = b": connected to workflow task-s\n\nevent: done\ndata: [DONE]\n\n"


def _server(case: dict[str, Any], then_close: bool) -> httpx.MockTransport | Any:
    """Answers: the case's status body (then, if ``then_close``, the kind's closer), and for
    BrowserAct's get-task the case's task body while the case is being answered."""
    polls = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/stream") or path.endswith("/stream/sse"):
            return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=SSE)
        closing = then_close and polls[0] > 0
        if path == "/v2/workflow/get-task":
            return httpx.Response(200, json=CLOSING_TASK if closing else case["task"])
        polls[0] += 1
        return httpx.Response(200, json=CLOSERS[case["kind"]] if closing else case["status"])

    return handler


def _reading(status: taskstatus.TaskStatus) -> dict[str, Any]:
    def stamp(moment: datetime | None) -> str | None:
        return moment.isoformat() if moment else None

    return {
        "state": status.state.value,
        "vendor_status": status.vendor_status,
        "output": status.output,
        "error": status.error,
        "created_at": stamp(status.created_at),
        "finished_at": stamp(status.finished_at),
    }


def _expected(case: dict[str, Any]) -> dict[str, Any]:
    keys = ("state", "vendor_status", "output", "error", "created_at", "finished_at")
    return {key: case["expect"].get(key) for key in keys}


def _terminal(case: dict[str, Any]) -> bool:
    return State(case["expect"]["state"]).terminal


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_status_reads_the_recorded_body(mode: str, name: str) -> None:
    case = CASES[name]
    status = call(handle(mode, case["kind"], _server(case, then_close=False)).status)
    reading = _reading(status)
    if not _terminal(case):  # the output is fetched (BrowserAct) or read only once it ended
        reading.update(output=case["expect"].get("output"))
    assert reading == _expected(case)
    assert status.raw is not None


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_wait_reads_the_recorded_body(mode: str, name: str) -> None:
    case = CASES[name]
    seen: list[taskstatus.TaskStatus] = []
    task = handle(mode, case["kind"], _server(case, then_close=not _terminal(case)))
    final = call(task.wait, timeout=10, on_status=seen.append)
    assert _reading(seen[0])["state"] == case["expect"]["state"]
    assert seen[0].vendor_status == case["expect"]["vendor_status"]
    if _terminal(case):
        assert _reading(final) == _expected(case)
    else:  # kept waiting through the case's state (also PAUSED and UNKNOWN) to the end
        assert final.state is State.SUCCEEDED
        assert final.output in ("done", {"done": True}, {"string": "done", "files": []})


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(n for n in CASES if _terminal(CASES[n])))
def test_result_reads_the_recorded_body(mode: str, name: str) -> None:
    case = CASES[name]
    task = handle(mode, case["kind"], _server(case, then_close=False))
    expected = _expected(case)
    if expected["state"] == "succeeded":
        assert call(task.result, timeout=10) == expected["output"]
        return
    with pytest.raises(taskstatus.TaskFailed) as raised:
        call(task.result, timeout=10)
    assert _reading(raised.value.status) == expected


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("operation", ["status", "wait", "result"])
@pytest.mark.parametrize("name", sorted(ERRORS))
def test_recorded_error_bodies_raise_their_typed_error(
    mode: str, operation: str, name: str
) -> None:
    case = ERRORS[name]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(case["http"], json=case["body"])

    task = handle(mode, case["kind"], handler)
    kwargs = {} if operation == "status" else {"timeout": 10}
    with pytest.raises(getattr(taskstatus, case["error"])) as raised:
        call(getattr(task, operation), **kwargs)
    assert type(raised.value).__name__ == case["error"]
    assert case["message"] in str(raised.value)
