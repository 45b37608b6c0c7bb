"""What a new user meets on a first afternoon (issue 20): Python's attribute protocol on
handles, negative timeouts, waits that say which failure they rode out, one wording of a
refused connection, a 404 from some other server, cancel() of an ended task."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import httpx
import pytest
import taskstatus

from tests.facade.support import (
    FAST,
    KEY,
    KINDS,
    MODES,
    answering,
    call,
    handle,
    scripted,
    status_body,
)

LACKING = [  # (kind, operation it does not have)
    ("truebit/api", "cancel"),
    ("truebit/function", "cancel"),
    ("anchorbrowser/execution", "cancel"),
    ("anchorbrowser/run", "cancel"),
    ("truebit/api", "events"),
    ("anchorbrowser/run", "events"),
    ("browseract/task", "events"),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("kind", "name"), LACKING)
def test_hasattr_and_getattr_follow_pythons_protocol(mode: str, kind: str, name: str) -> None:
    task = handle(mode, kind, answering({}))
    assert hasattr(task, name) is False
    assert getattr(task, name, None) is None
    with pytest.raises(AttributeError):
        getattr(task, name)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("kind", "name"), LACKING)
def test_a_missing_operation_still_names_the_vendor_and_says_why(
    mode: str, kind: str, name: str
) -> None:
    task = handle(mode, kind, answering({}))
    vendor = KINDS[kind][0]
    with pytest.raises(taskstatus.UnsupportedOperation) as caught:
        getattr(task, name)()
    message = str(caught.value)
    assert message.startswith(f"{vendor} ")
    assert f"its API has no {name} call" in message or "its API streams no events" in message
    assert caught.value.name == name
    assert isinstance(caught.value, taskstatus.TaskStatusError)


@pytest.mark.parametrize("mode", MODES)
def test_operations_a_kind_has_are_there_and_others_are_plain_attribute_errors(
    mode: str,
) -> None:
    task = handle(mode, "shannon/task", answering({}))
    assert callable(getattr(task, "cancel", None))
    assert callable(getattr(task, "events", None))
    assert hasattr(task, "no_such_thing") is False
    with pytest.raises(AttributeError) as caught:
        task.no_such_thing  # noqa: B018
    assert not isinstance(caught.value, taskstatus.UnsupportedOperation)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("timeout", [-1, -0.001, float("nan"), "5"])
def test_a_negative_or_nonsense_wait_timeout_is_a_configuration_error(
    mode: str, timeout: Any
) -> None:
    handler, seen = scripted(httpx.Response(200, json=status_body("shannon/task", "x")))
    task = handle(mode, "shannon/task", handler)
    with pytest.raises(taskstatus.ConfigurationError, match="timeout must be"):
        call(task.wait, timeout)
    with pytest.raises(taskstatus.ConfigurationError, match="timeout must be"):
        call(task.result, timeout)
    with pytest.raises(taskstatus.ConfigurationError, match="timeout must be"):
        task.events(timeout)
    assert seen == []


@pytest.mark.parametrize("timeout", [-1, float("nan")])
def test_many_waits_refuse_a_negative_timeout(timeout: float) -> None:
    handles = [handle("sync", "shannon/task", answering({}))]
    with pytest.raises(taskstatus.ConfigurationError, match="timeout must be"):
        list(taskstatus.as_completed(handles, timeout=timeout))
    with pytest.raises(taskstatus.ConfigurationError, match="timeout must be"):
        taskstatus.wait(handles, timeout=timeout)
    async_handles = [handle("async", "shannon/task", answering({}))]

    async def main() -> None:
        with pytest.raises(taskstatus.ConfigurationError, match="timeout must be"):
            async for _ in taskstatus.as_completed_async(async_handles, timeout=timeout):
                pass
        with pytest.raises(taskstatus.ConfigurationError, match="timeout must be"):
            await taskstatus.wait_async(async_handles, timeout=timeout)

    asyncio.run(main())


@pytest.mark.parametrize("timeout", [-1, 0])
def test_a_client_timeout_must_be_positive(timeout: float) -> None:
    with pytest.raises(taskstatus.ConfigurationError, match="timeout must be"):
        taskstatus.Shannon(api_key=KEY, timeout=timeout)


def test_a_zero_wait_timeout_is_one_look() -> None:
    handler, seen = scripted(
        httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_RUNNING"))
    )
    with pytest.raises(taskstatus.WaitTimeout):
        handle("sync", "shannon/task", handler, streaming=False).wait(0)
    assert len(seen) == 1


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _refused_client(mode: str, port: int, **kw: Any) -> Any:
    cls = taskstatus.Shannon if mode == "sync" else taskstatus.AsyncShannon
    return cls(api_key=KEY, base_url=f"http://127.0.0.1:{port}", schedule=FAST, **kw)


@pytest.mark.parametrize("mode", MODES)
def test_a_refused_connection_reads_the_same_sync_and_async(mode: str) -> None:
    port = _closed_port()

    async def run_async() -> taskstatus.TaskStatusError:
        async with _refused_client(mode, port, max_retries=0) as shannon:
            try:
                await shannon.task("t").status()
            except taskstatus.TaskStatusError as exc:
                return exc
        raise AssertionError("no error")

    if mode == "sync":
        with _refused_client(mode, port, max_retries=0) as shannon:
            with pytest.raises(taskstatus.TransportError) as caught:
                shannon.task("t").status()
            error: taskstatus.TaskStatusError = caught.value
    else:
        error = asyncio.run(run_async())
    assert isinstance(error, taskstatus.TransportError)
    assert (
        str(error)
        == f"shannon task t: connection refused by 127.0.0.1:{port} (GET /api/v1/tasks/t)"
    )
    assert "ssl" not in str(error).lower()
    assert error.reason == f"connection refused by 127.0.0.1:{port} (GET /api/v1/tasks/t)"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("streaming", [True, False])
def test_wait_timeout_names_and_carries_the_last_failure_it_rode_out(
    mode: str, streaming: bool
) -> None:
    port = _closed_port()
    retried: list[tuple[taskstatus.TaskStatusError, float]] = []

    def on_retry(error: taskstatus.TaskStatusError, delay: float) -> None:
        retried.append((error, delay))

    async def run_async() -> taskstatus.WaitTimeout:
        async with _refused_client(mode, port, streaming=streaming) as shannon:
            try:
                await shannon.task("t").wait(timeout=0.3, on_retry=on_retry)
            except taskstatus.WaitTimeout as exc:
                return exc
        raise AssertionError("no timeout")

    if mode == "sync":
        with _refused_client(mode, port, streaming=streaming) as shannon:
            with pytest.raises(taskstatus.WaitTimeout) as caught:
                shannon.task("t").wait(timeout=0.3, on_retry=on_retry)
            timeout = caught.value
    else:
        timeout = asyncio.run(run_async())
    assert isinstance(timeout.last_error, taskstatus.TransportError)
    assert timeout.last_status is None
    assert str(timeout) == (
        "shannon task t: not finished after 0.3s (no status received; last failure ridden out: "
        f"connection refused by 127.0.0.1:{port} (GET /api/v1/tasks/t))"
    )
    assert retried
    assert all(isinstance(e, taskstatus.TransportError) for e, _ in retried)
    assert all(delay >= 0 for _, delay in retried)
    assert retried[-1][0] is timeout.last_error


def test_a_wait_without_failures_carries_none() -> None:
    handler, _ = scripted(
        httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_RUNNING"))
    )
    with pytest.raises(taskstatus.WaitTimeout) as caught:
        handle("sync", "shannon/task", handler, streaming=False).wait(0.05)
    assert caught.value.last_error is None
    assert "ridden out" not in str(caught.value)


def test_many_waits_tell_on_retry_which_handle() -> None:
    port = _closed_port()
    told: list[tuple[Any, taskstatus.TaskStatusError]] = []
    with _refused_client("sync", port) as shannon:
        handles = [shannon.task("a"), shannon.task("b")]
        done, _ = taskstatus.wait(
            handles, timeout=0.2, on_retry=lambda h, error, delay: told.append((h, error))
        )
    assert done == set()
    assert {h for h, _ in told} == set(handles)
    assert all("connection refused by 127.0.0.1" in e.reason for _, e in told)


# A 404 whose body is not the vendor's own not-found answer: another server (a wrong base URL).
FOREIGN_404 = [
    {"detail": "Not Found"},  # Starlette, FastAPI
    b"404 page not found",  # Go's mux
    b"<html><body><h1>404 Not Found</h1></body></html>",  # nginx
    b"",
]
OWN_404 = {
    "truebit/api": {"message": "Execution ID not found."},
    "anchorbrowser/run": {"error": {"code": 404, "message": "Task run not found"}},
    "shannon/task": {"error": "Task not found"},
    "browseract/task": {"code": 404, "msg": "not found", "data": None},
}
# Each vendor's own not-found shape, as another vendor's server would send it.
OTHERS_404 = {
    "truebit/api": {"error": "Task not found"},
    "shannon/task": {"message": "no such route"},
    "browseract/task": {"error": "Task not found"},
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(OWN_404))
@pytest.mark.parametrize("body", FOREIGN_404, ids=["json", "text", "html", "empty"])
def test_a_404_from_another_server_is_not_task_not_found(mode: str, kind: str, body: Any) -> None:
    task = handle(mode, kind, answering(body, 404), max_retries=0)
    with pytest.raises(taskstatus.APIError) as caught:
        call(task.status)
    assert not isinstance(caught.value, taskstatus.TaskNotFound)
    assert caught.value.status_code == 404
    vendor = KINDS[kind][0]
    assert f"did not answer like {vendor}" in str(caught.value)
    assert "check the base URL" in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(OTHERS_404))
def test_another_vendors_not_found_is_not_this_vendors(mode: str, kind: str) -> None:
    task = handle(mode, kind, answering(OTHERS_404[kind], 404), max_retries=0)
    with pytest.raises(taskstatus.APIError, match="check the base URL") as caught:
        call(task.status)
    assert not isinstance(caught.value, taskstatus.TaskNotFound)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(OWN_404))
def test_the_vendors_own_404_is_task_not_found(mode: str, kind: str) -> None:
    task = handle(mode, kind, answering(OWN_404[kind], 404), max_retries=0)
    with pytest.raises(taskstatus.TaskNotFound):
        call(task.status)


def _envelope(code: int, msg: str) -> dict[str, Any]:
    return {"code": code, "msg": msg, "data": None, "ts": 1, "time": "2025-10-08 09:54:10"}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("http_status", [200, 400])
def test_browseract_cancel_of_an_ended_task_is_false(mode: str, http_status: int) -> None:
    handler, seen = scripted(
        httpx.Response(http_status, json=_envelope(10121, "task has completed"))
    )
    assert call(handle(mode, "browseract/task", handler).cancel) is False
    assert seen[0].url.path == "/v2/workflow/stop-task"


@pytest.mark.parametrize("mode", MODES)
def test_browseract_cancel_of_a_running_task_is_true(mode: str) -> None:
    handler, _ = scripted(httpx.Response(200))
    assert call(handle(mode, "browseract/task", handler).cancel) is True


@pytest.mark.parametrize("mode", MODES)
def test_other_browseract_errors_on_cancel_still_raise(mode: str) -> None:
    handler, _ = scripted(httpx.Response(400, json=_envelope(10112, "task not exist")))
    with pytest.raises(taskstatus.TaskNotFound):
        call(handle(mode, "browseract/task", handler).cancel)


# A date-time in a format the generated client cannot parse (a vendor's new format).
NEW_FORMATS = ["10/08/2025 09:54", "1759917250", "yesterday", ""]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("text", NEW_FORMATS)
def test_an_unreadable_timestamp_is_unset_and_the_status_reads_as_usual(
    mode: str, text: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/workflow/get-task":
            return httpx.Response(200, json={
                "id": "16429034742537847", "status": "finished", "steps": [],
                "workflow_id": "wf-1", "created_at": "2025-10-08T09:54:10Z", "finished_at": text,
                "output": {"string": "done", "files": []},
            })  # fmt: skip
        return httpx.Response(200, json={"status": "finished"})

    final = call(handle(mode, "browseract/task", handler).wait, 5)
    assert final.state is taskstatus.State.SUCCEEDED
    assert final.finished_at is None
    assert final.created_at is not None
    assert final.raw["finished_at"] == text  # kept as sent
    assert final.raw.to_dict()["finished_at"] == text


@pytest.mark.parametrize("mode", MODES)
def test_an_unreadable_start_time_leaves_an_anchorbrowser_status_readable(mode: str) -> None:
    body = status_body("anchorbrowser/execution", "running", startTime="08.10.2025 09:54")
    final = call(handle(mode, "anchorbrowser/execution", answering(body)).status)
    assert final.state is taskstatus.State.RUNNING
    assert final.started_at is None
    assert final.raw.data["startTime"] == "08.10.2025 09:54"


def test_the_generated_clients_themselves_read_it() -> None:
    from shannon_client.models import TaskStatusResponse
    from shannon_client.types import Unset

    model = TaskStatusResponse.from_dict({
        "task_id": "t", "status": "TASK_STATUS_RUNNING", "created_at": "2025-10-22 10:30 UTC+2",
        "updated_at": "2025-10-22T10:30:05Z",
    })  # fmt: skip
    assert isinstance(model.created_at, Unset)
    assert model["created_at"] == "2025-10-22 10:30 UTC+2"
    assert not isinstance(model.updated_at, Unset)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("produced", ["exec out", {"rows": [1, 2]}, 42])
def test_anchorbrowser_executions_and_runs_give_the_same_result(mode: str, produced: Any) -> None:
    import json

    execution = status_body("anchorbrowser/execution", "success", output=json.dumps(produced))
    run = status_body(
        "anchorbrowser/run", "success",
        result=produced if isinstance(produced, dict) else {"output": produced},
    )  # fmt: skip
    from_execution = call(handle(mode, "anchorbrowser/execution", answering(execution)).result, 5)
    from_run = call(handle(mode, "anchorbrowser/run", answering(run)).result, 5)
    assert from_execution == from_run == produced


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("state", ["failed", "canceled"])
def test_a_browseract_task_that_did_not_finish_has_no_output(mode: str, state: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/workflow/get-task":
            return httpx.Response(200, json={
                "id": "16429034742537847", "status": state, "steps": [], "workflow_id": "wf",
                "output": {"string": None, "files": None}, "task_failure_info": None,
            })  # fmt: skip
        return httpx.Response(200, json={"status": state})

    assert call(handle(mode, "browseract/task", handler).wait, 5).output is None


@pytest.mark.parametrize("mode", MODES)
def test_a_finished_browseract_task_always_has_string_and_files(mode: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/workflow/get-task":
            return httpx.Response(200, json={
                "id": "16429034742537847", "status": "finished", "steps": [], "workflow_id": "wf",
                "output": {"string": "done", "files": None},
            })  # fmt: skip
        return httpx.Response(200, json={"status": "finished"})

    result = call(handle(mode, "browseract/task", handler).result, 5)
    assert result == {"string": "done", "files": []}
