"""The generated clients on their own: seed bodies, unknown enum values, odd status codes, requests."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from dateutil.parser import isoparse

from tests.conftest import DATA

SEEDS = json.loads((DATA / "seed_examples.json").read_text())
SEED_CASES = [
    (name, i, body)
    for name, entry in SEEDS.items()
    if not name.startswith("_")
    for i, body in enumerate(entry["bodies"])
]


def _model(dotted: str) -> Any:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _same(expected: Any, actual: Any) -> bool:
    """Equal JSON, with timestamps compared as instants ('Z' and '+00:00' are the same time)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            _same(expected[k], actual[k]) for k in expected
        )
    if isinstance(expected, str) and isinstance(actual, str) and expected != actual:
        try:
            return isoparse(expected) == isoparse(actual)
        except ValueError:
            return False
    return bool(expected == actual)


@pytest.mark.parametrize(("name", "index", "body"), SEED_CASES)
def test_seed_bodies_parse_and_round_trip(name: str, index: int, body: dict[str, Any]) -> None:
    model = _model(SEEDS[name]["model"])
    parsed = model.from_dict(body)
    assert _same(body, parsed.to_dict())
    assert model.from_dict(parsed.to_dict()) == parsed


# Every status field the facade reads: (model, body carrying the field, path to the field).
STATUS_FIELDS = [
    ("truebit_client.models.ExecuteApiSyncResponse", {"status": "{}"}, ["status"]),
    (
        "truebit_client.models.ExecuteApiSyncResponse",
        {"status": "Success", "clearTextSolution": {"status": "{}"}},
        ["clearTextSolution", "status"],
    ),
    ("truebit_client.models.ExecuteTaskSyncResponse", {"verificationStatus": "{}"}, ["verificationStatus"]),
    (
        "truebit_client.models.ExecuteTaskSyncResponse",
        {"verificationStatus": "Success", "clearTextSolution": {"executionStatus": "{}"}},
        ["clearTextSolution", "executionStatus"],
    ),
    (
        "anchorbrowser_client.models.TaskExecutionResultResponse",
        {"data": {"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                  "taskVersionId": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                  "version": "1", "status": "{}", "startTime": "2023-11-07T05:31:56Z"}},
        ["data", "status"],
    ),
    ("anchorbrowser_client.models.TaskRunStatusV2Response", {"run_id": "r1", "status": "{}"}, ["status"]),
    (
        "shannon_client.models.TaskStatusResponse",
        {"task_id": "t", "status": "{}", "created_at": "2025-10-22T10:30:00Z",
         "updated_at": "2025-10-22T10:30:00Z"},
        ["status"],
    ),
    ("browseract_client.models.TaskStatusResponse", {"status": "{}"}, ["status"]),
    (
        "browseract_client.models.WorkflowTaskResponse",
        {"id": "1", "status": "{}", "steps": [], "workflow_id": "w", "created_at": "2025-10-08 09:54:10"},
        ["status"],
    ),
]  # fmt: skip


def _fill(body: Any, value: str) -> Any:
    return json.loads(json.dumps(body).replace('"{}"', json.dumps(value)))


@pytest.mark.parametrize(("model_name", "template", "path"), STATUS_FIELDS)
def test_status_value_the_spec_does_not_list_is_kept(
    model_name: str, template: dict[str, Any], path: list[str]
) -> None:
    body = _fill(template, "TOTALLY_NEW_STATE")
    parsed = _model(model_name).from_dict(body)
    field: Any = parsed
    for key in path:
        field = getattr(field, {"clearTextSolution": "clear_text_solution",
                                "verificationStatus": "verification_status",
                                "executionStatus": "execution_status"}.get(key, key))  # fmt: skip
    assert field.value == "TOTALLY_NEW_STATE"
    assert str(field) == "TOTALLY_NEW_STATE"
    assert field == "TOTALLY_NEW_STATE"
    assert _same(body, parsed.to_dict())


def test_listed_status_values_still_parse_to_their_members() -> None:
    from shannon_client.models import TaskStatusResponseStatus

    assert (
        TaskStatusResponseStatus("TASK_STATUS_PAUSED")
        is TaskStatusResponseStatus.TASK_STATUS_PAUSED
    )


def _client(package: str, handler: Callable[[httpx.Request], httpx.Response], **auth: str) -> Any:
    client_module = importlib.import_module(f"{package}.client")
    transport = httpx.MockTransport(handler)
    if auth:
        return client_module.AuthenticatedClient(
            base_url="http://vendor.test", httpx_args={"transport": transport}, **auth
        )
    return client_module.Client(base_url="http://vendor.test", httpx_args={"transport": transport})


@pytest.mark.parametrize("code", [499, 520, 999])
def test_non_standard_status_code_reaches_the_caller(code: int) -> None:
    from shannon_client.api.default import get_task_status

    client = _client("shannon_client", lambda _: httpx.Response(code, text="<html>oops</html>"))
    response = get_task_status.sync_detailed("task-1", client=client)
    assert response.status_code == code
    assert response.parsed is None
    assert response.content == b"<html>oops</html>"


def test_non_standard_status_code_raises_the_generated_error_when_asked() -> None:
    from browseract_client import errors
    from browseract_client.api.tasks import get_task_status

    client = _client("browseract_client", lambda _: httpx.Response(520, text="oops"))
    client.raise_on_unexpected_status = True
    with pytest.raises(errors.UnexpectedStatus) as caught:
        get_task_status.sync_detailed(task_id="1", client=client)
    assert caught.value.status_code == 520


# (package, endpoint module, call arguments, method, raw path, auth settings, expected header)
TRICKY = "a/b?c#d %e"
ENCODED = "a%2Fb%3Fc%23d%20%25e"
OPERATIONS = [
    ("truebit_client", "api.task_execution_status.get_api_execution_status", (TRICKY,), {},
     "GET", f"/task/api/execution-status/{ENCODED}", {"prefix": "", "auth_header_name": "x-api-key"},
     ("x-api-key", "k")),
    ("truebit_client", "api.task_execution_status.get_function_execution_status", (TRICKY,), {},
     "GET", f"/task/function/execution-status/{ENCODED}", {"prefix": "", "auth_header_name": "x-api-key"},
     ("x-api-key", "k")),
    ("anchorbrowser_client", "api.tasks_legacy.get_task_execution", (TRICKY, "e/1"), {},
     "GET", f"/v1/task/{ENCODED}/executions/e%2F1", {"prefix": "", "auth_header_name": "anchor-api-key"},
     ("anchor-api-key", "k")),
    ("anchorbrowser_client", "api.tasks.get_task_run_status", (TRICKY,), {},
     "GET", f"/v2/tasks/runs/{ENCODED}/status", {"prefix": "", "auth_header_name": "anchor-api-key"},
     ("anchor-api-key", "k")),
    ("shannon_client", "api.default.get_task_status", (TRICKY,), {},
     "GET", f"/api/v1/tasks/{ENCODED}", {"prefix": "", "auth_header_name": "X-API-Key"},
     ("X-API-Key", "k")),
    ("shannon_client", "api.default.cancel_task", (TRICKY,), {},
     "POST", f"/api/v1/tasks/{ENCODED}/cancel", {"prefix": "", "auth_header_name": "X-API-Key"},
     ("X-API-Key", "k")),
    ("browseract_client", "api.tasks.get_task_status", (), {"task_id": TRICKY},
     "GET", "/v2/workflow/get-task-status", {}, ("Authorization", "Bearer k")),
    ("browseract_client", "api.tasks.get_task", (), {"task_id": TRICKY},
     "GET", "/v2/workflow/get-task", {}, ("Authorization", "Bearer k")),
    ("browseract_client", "api.tasks.stop_task", (), {"task_id": TRICKY},
     "PUT", "/v2/workflow/stop-task", {}, ("Authorization", "Bearer k")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("package", "module", "args", "kwargs", "method", "path", "auth", "header"), OPERATIONS
)
def test_operation_builds_method_path_and_auth(
    package: str, module: str, args: tuple[str, ...], kwargs: dict[str, str],
    method: str, path: str, auth: dict[str, str], header: tuple[str, str],
) -> None:  # fmt: skip
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404, json={})

    client = _client(package, handler, token="k", **auth)
    endpoint = importlib.import_module(f"{package}.{module}")
    endpoint.sync_detailed(*args, client=client, **kwargs)

    (request,) = seen
    assert request.method == method
    assert request.url.raw_path.decode().split("?")[0] == path
    if "task_id" in kwargs:
        assert request.url.params["task_id"] == TRICKY
    assert request.headers[header[0]] == header[1]


# The generated model of each answer in tests/data/wire_bodies.json, by task kind.
WIRE = json.loads((DATA / "wire_bodies.json").read_text())["cases"]
WIRE_MODELS = {
    "truebit/api": "truebit_client.models.ExecuteApiSyncResponse",
    "truebit/function": "truebit_client.models.ExecuteTaskSyncResponse",
    "anchorbrowser/execution": "anchorbrowser_client.models.TaskExecutionResultResponse",
    "anchorbrowser/run": "anchorbrowser_client.models.TaskRunStatusV2Response",
    "shannon/task": "shannon_client.models.TaskStatusResponse",
    "browseract/task": "browseract_client.models.TaskStatusResponse",
}


@pytest.mark.parametrize("name", sorted(WIRE))
def test_recorded_bodies_parse_with_the_generated_clients_alone(name: str) -> None:
    """Users of the generated clients get the facade's tolerance: null reads as UNSET and a
    field the vendor left out does not make the answer unreadable."""
    case = WIRE[name]
    parsed = _model(WIRE_MODELS[case["kind"]]).from_dict(case["status"])
    assert parsed is not None
    if "task" in case:
        from browseract_client.models import WorkflowTaskResponse
        from browseract_client.types import UNSET

        task = WorkflowTaskResponse.from_dict(case["task"])
        for field, value in case["task"].items():
            if value is None and hasattr(task, field):
                assert getattr(task, field) is UNSET, field


@pytest.mark.parametrize("package", ["truebit_client", "anchorbrowser_client", "shannon_client",
                                     "browseract_client"])  # fmt: skip
def test_authenticated_client_repr_never_shows_the_key(package: str) -> None:
    client = importlib.import_module(package).AuthenticatedClient(
        base_url="http://vendor.test", token="sk-SECRET-abc123", auth_header_name="X-Key", prefix=""
    )
    client.get_httpx_client()  # the key is now in the client's headers too
    client.get_async_httpx_client()
    assert "sk-SECRET" not in repr(client)
    assert "sk-SECRET" not in str(client)


def _endpoint_modules() -> list[Any]:
    import pkgutil

    found = []
    for package in ("truebit_client", "anchorbrowser_client", "shannon_client", "browseract_client"):
        api = importlib.import_module(f"{package}.api")
        for tag in pkgutil.iter_modules(api.__path__):
            sub = importlib.import_module(f"{api.__name__}.{tag.name}")
            found += [
                importlib.import_module(f"{sub.__name__}.{m.name}")
                for m in pkgutil.iter_modules(sub.__path__)
            ]
    return found


def test_no_generated_operation_returns_any() -> None:
    """An answer declared without a body is typed None (endpoint_module.py.jinja): ``Any`` in
    the union would erase the model's type for the caller."""
    import typing

    with_any = []
    checked = 0
    for module in _endpoint_modules():
        for name in ("sync", "asyncio", "sync_detailed", "asyncio_detailed"):
            function = getattr(module, name, None)
            if function is None:
                continue
            checked += 1
            if "Any" in str(typing.get_type_hints(function)["return"]):
                with_any.append(f"{module.__name__}.{name}")
    assert checked > 150
    assert not with_any
