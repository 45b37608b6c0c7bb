"""Every error kind for every task kind, sync and async: typed, named, retried or not."""

from __future__ import annotations

import httpx
import pytest
import taskstatus

from tests.facade.support import KINDS, MODES, answering, call, handle, scripted, status_body

ALL_KINDS = list(KINDS)
ERROR_BODIES = {
    "truebit": {"message": "nope"},
    "anchorbrowser": {"error": {"code": 7, "message": "nope"}},
    "shannon": {"error": "nope"},
    "browseract": {"code": 1, "msg": "nope", "data": None, "ts": 1, "time": "2025-10-08 09:54:10"},
}
HTTP_ERRORS = [
    (401, taskstatus.AuthenticationError),
    (403, taskstatus.AuthenticationError),
    (404, taskstatus.TaskNotFound),
    (400, taskstatus.APIError),
    (429, taskstatus.RateLimited),
    (500, taskstatus.ServerError),
    (502, taskstatus.ServerError),
    (503, taskstatus.ServerError),
    (520, taskstatus.ServerError),
    (599, taskstatus.ServerError),
    (999, taskstatus.ServerError),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize(("code", "error"), HTTP_ERRORS)
def test_http_error_is_typed_and_names_vendor_task_and_code(
    mode: str, kind: str, code: int, error: type[Exception]
) -> None:
    vendor = kind.split("/")[0]
    task = handle(mode, kind, answering(ERROR_BODIES[vendor], code), max_retries=0)
    with pytest.raises(error) as caught:
        call(task.status)
    assert type(caught.value) is error
    assert caught.value.status_code == code
    assert caught.value.vendor == vendor
    text = str(caught.value)
    assert vendor in text
    assert KINDS[kind][2][0] in text
    assert "nope" in text


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"<html><body>Bad gateway</body></html>", 200),
        (b'{"status": "running"', 200),  # truncated JSON
        (b"", 200),
        (b"\xff\xfe\x00garbage", 200),
        (b"[1, 2, 3]", 200),
        (b'"just a string"', 200),
    ],
)
def test_unreadable_answer_is_bad_response(mode: str, kind: str, content: bytes, code: int) -> None:
    task = handle(mode, kind, answering(content, code))
    with pytest.raises(taskstatus.BadResponse) as caught:
        call(task.status)
    assert caught.value.vendor == kind.split("/")[0]
    assert KINDS[kind][2][0] in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["anchorbrowser/run", "shannon/task", "browseract/task"])
def test_wrong_shape_is_bad_response_with_excerpt(mode: str, kind: str) -> None:
    body = {"status": 12345, "task_id": None, "run_id": ["x"]}
    task = handle(mode, kind, answering(body))
    with pytest.raises(taskstatus.BadResponse) as caught:
        call(task.status)
    assert caught.value.excerpt
    assert "12345" in caught.value.excerpt
    assert caught.value.status_code == 200
    assert "HTTP 200" in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
def test_html_error_page_keeps_status_code_and_excerpt(mode: str) -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    task = handle(mode, "shannon/task", answering(page, 502), max_retries=0)
    with pytest.raises(taskstatus.ServerError) as caught:
        call(task.status)
    assert caught.value.status_code == 502
    assert "502 Bad Gateway" in caught.value.excerpt


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("code", [200, 400])
def test_browseract_code_10112_is_task_not_found(mode: str, code: int) -> None:
    body = {"code": 10112, "msg": "task not exist", "data": None, "ts": 1759888450000,
            "time": "2025-10-08 09:54:10", "traceId": "abc"}  # fmt: skip
    with pytest.raises(taskstatus.TaskNotFound) as caught:
        call(handle(mode, "browseract/task", answering(body, code)).status)
    assert "task not exist" in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
def test_browseract_envelope_401_in_a_200_is_authentication_error(mode: str) -> None:
    body = {"code": 401, "msg": "invalid api key", "data": None}
    with pytest.raises(taskstatus.AuthenticationError):
        call(handle(mode, "browseract/task", answering(body)).status)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_connection_failure_is_transport_error(mode: str, kind: str) -> None:
    handler, seen = scripted(httpx.ConnectError("connection refused"))
    task = handle(mode, kind, handler, max_retries=1)
    with pytest.raises(taskstatus.TransportError) as caught:
        call(task.status)
    assert len(seen) == 2  # one retry
    assert KINDS[kind][2][0] in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
def test_request_timeout_is_transport_error(mode: str) -> None:
    handler, _ = scripted(httpx.ReadTimeout("slow"))
    with pytest.raises(taskstatus.TransportError, match="timed out"):
        call(handle(mode, "shannon/task", handler, max_retries=0).status)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "first",
    [
        httpx.Response(429, headers={"Retry-After": "0"}, json={"error": "slow down"}),
        httpx.Response(503, text="busy"),
        httpx.Response(520, text="cloudflare"),
        httpx.ConnectError("reset"),
    ],
)
def test_status_retries_transient_failures(mode: str, first: httpx.Response | Exception) -> None:
    handler, seen = scripted(
        first, httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_RUNNING"))
    )
    status = call(handle(mode, "shannon/task", handler).status)
    assert status.state is taskstatus.State.RUNNING
    assert len(seen) == 2


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("code", [400, 401, 403, 404])
def test_wait_raises_at_once_on_client_errors(mode: str, code: int) -> None:
    handler, seen = scripted(httpx.Response(code, json={"error": "no"}))
    with pytest.raises(taskstatus.APIError):
        call(handle(mode, "shannon/task", handler).wait, timeout=5)
    assert len(seen) == 1


@pytest.mark.parametrize("mode", MODES)
def test_wait_rides_out_transient_failures(mode: str) -> None:
    running = httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_RUNNING"))
    handler, seen = scripted(
        running,
        httpx.Response(429, json={"error": "slow"}),
        httpx.Response(500, text="<html>oops</html>"),
        httpx.ConnectError("dropped"),
        httpx.ReadTimeout("slow"),
        httpx.Response(520, text=""),
        httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_COMPLETED", result="ok")),
    )
    assert call(handle(mode, "shannon/task", handler).result, timeout=10) == "ok"
    assert len(seen) == 7


@pytest.mark.parametrize("mode", MODES)
def test_redirect_is_not_followed(mode: str) -> None:
    handler, seen = scripted(httpx.Response(307, headers={"Location": "http://evil.test/steal"}))
    with pytest.raises(taskstatus.APIError, match="redirect not followed") as caught:
        call(handle(mode, "shannon/task", handler).status)
    assert caught.value.status_code == 307
    assert [r.url.host for r in seen] == ["vendor.test"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("kind", "method"), [("truebit/api", "cancel"), ("anchorbrowser/run", "cancel")]
)
def test_cancel_where_vendor_cannot_is_clear(mode: str, kind: str, method: str) -> None:
    task = handle(mode, kind, answering({}))
    with pytest.raises(taskstatus.UnsupportedOperation, match="offers no way to cancel"):
        call(getattr(task, method))


@pytest.mark.parametrize("mode", MODES)
def test_cancel_shannon_and_browseract(mode: str) -> None:
    handler, seen = scripted(httpx.Response(202, json={"success": True, "message": "ok"}))
    assert call(handle(mode, "shannon/task", handler).cancel) is True
    assert (seen[0].method, seen[0].url.path) == ("POST", "/api/v1/tasks/task-s/cancel")

    handler, _ = scripted(httpx.Response(202, json={"success": False, "message": "finished"}))
    assert call(handle(mode, "shannon/task", handler).cancel) is False
    handler, _ = scripted(httpx.Response(409, json={"success": False, "status": "COMPLETED"}))
    assert call(handle(mode, "shannon/task", handler).cancel) is False

    handler, seen = scripted(httpx.Response(200))
    assert call(handle(mode, "browseract/task", handler).cancel) is True
    assert (seen[0].method, seen[0].url.path) == ("PUT", "/v2/workflow/stop-task")
    assert seen[0].url.params["task_id"] == "16429034742537847"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("state", "error"),
    [
        ("TASK_STATUS_FAILED", taskstatus.TaskFailed),
        ("TASK_STATUS_CANCELLED", taskstatus.TaskCancelled),
        ("TASK_STATUS_TIMEOUT", taskstatus.TaskTimedOut),
    ],
)
def test_result_raises_for_unsuccessful_tasks_with_status_attached(
    mode: str, state: str, error: type[taskstatus.TaskFailed]
) -> None:
    task = handle(mode, "shannon/task", answering(status_body("shannon/task", state, error="why")))
    with pytest.raises(error) as caught:
        call(task.result, timeout=5)
    assert type(caught.value) is error
    assert caught.value.status.vendor_status == state
    assert "why" in str(caught.value)


def test_error_hierarchy() -> None:
    assert issubclass(taskstatus.WaitTimeout, TimeoutError)
    assert issubclass(taskstatus.WaitTimeout, taskstatus.TaskStatusError)
    for cls in (taskstatus.AuthenticationError, taskstatus.TaskNotFound, taskstatus.RateLimited,
                taskstatus.ServerError):  # fmt: skip
        assert issubclass(cls, taskstatus.APIError)
    for cls in (taskstatus.TaskCancelled, taskstatus.TaskTimedOut):
        assert issubclass(cls, taskstatus.TaskFailed)
    for name in taskstatus.__all__:
        assert getattr(taskstatus, name) is not None
