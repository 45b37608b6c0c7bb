"""Start a task with the generated client a facade client exposes (``client.api``), make its
handle from the create answer, wait for it: over real sockets against the fake vendors, sync
and async, and the same connection pool as the facade's own calls."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import taskstatus
from anchorbrowser_client.api.tasks import run_task_v2
from anchorbrowser_client.models import RunTaskV2Request, RunTaskV2RequestInputParams
from browseract_client.api.tasks import run_task
from browseract_client.models import ResponseData, RunWorkflowTaskRequest, TaskCreatedResponse
from shannon_client.api.default import submit_task
from shannon_client.models import TaskRequest, TaskResponse
from taskstatus import State
from taskstatus.testing import FakeVendors, Script

pytestmark = pytest.mark.slow
QUICK = Script(queued=0.05, running=0.2, output={"answer": 42})


@pytest.fixture(scope="module")
def fakes() -> Any:
    with FakeVendors() as running:
        yield running


def test_shannon_submit_then_wait(fakes: FakeVendors) -> None:
    fakes.shannon.queue_scripts(QUICK)
    with fakes.client("shannon") as shannon:
        submitted = submit_task.sync(client=shannon.api, body=TaskRequest(query="Capital?"))
        assert isinstance(submitted, TaskResponse)
        task = shannon.task_from(submitted)
        final = task.wait(timeout=10)
    assert final.state is State.SUCCEEDED
    assert final.output == {"answer": 42}
    assert isinstance(task, taskstatus.StreamingTaskHandle)


def test_browseract_run_then_wait(fakes: FakeVendors) -> None:
    fakes.browseract.queue_scripts(QUICK)
    with fakes.client("browseract") as browseract:
        created = run_task.sync(
            client=browseract.api, body=RunWorkflowTaskRequest(workflow_id="wf-1")
        )
        assert isinstance(created, TaskCreatedResponse)
        task = browseract.task_from(created)
        assert task.wait(timeout=10).state is State.SUCCEEDED
        assert isinstance(task, taskstatus.CancellableTaskHandle)
        assert not isinstance(task, taskstatus.StreamingTaskHandle)


def test_anchorbrowser_run_then_wait_async(fakes: FakeVendors) -> None:
    async def main() -> taskstatus.TaskStatus:
        fakes.anchorbrowser.queue_scripts(QUICK)
        async with fakes.client("anchorbrowser", asynchronous=True) as anchor:
            params = RunTaskV2RequestInputParams.from_dict({"url": "https://example.com"})
            started = await run_task_v2.asyncio_detailed(
                "task-1", client=anchor.api, body=RunTaskV2Request(input_params=params)
            )
            return await anchor.run_from(started).wait(timeout=10)

    final = asyncio.run(main())
    assert final.state is State.SUCCEEDED
    assert final.vendor == "anchorbrowser"


def test_api_shares_the_facade_clients_connections(fakes: FakeVendors) -> None:
    """One pool: the generated call and the facade's status calls use the same connection."""
    opened: list[str] = []

    class Counting(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            opened.append(request.url.path)
            return super().handle_request(request)

    fakes.shannon.queue_scripts(QUICK)
    with (
        httpx.Client(transport=Counting()) as http,
        fakes.client("shannon", http_client=http) as shannon,
    ):
        submitted = submit_task.sync(client=shannon.api, body=TaskRequest(query="q"))
        shannon.task_from(submitted).status()
        assert shannon.api is shannon.api  # made once
        assert fakes.api_key not in repr(shannon.api)
    assert opened[0] == "/api/v1/tasks"
    assert opened[1].startswith("/api/v1/tasks/task-")


def test_api_carries_base_url_key_and_timeout() -> None:
    with taskstatus.BrowserAct(api_key="sk-SECRET", base_url="http://127.0.0.1:9", timeout=3) as ba:
        http = ba.api.get_httpx_client()
        assert str(http.base_url) == "http://127.0.0.1:9"
        assert http.headers["Authorization"] == "Bearer sk-SECRET"
        assert http.timeout.read == 3
        assert "sk-SECRET" not in repr(ba.api)


@pytest.mark.parametrize(
    ("answer", "error", "text"),
    [
        (None, taskstatus.APIError, "answered with an error"),
        (TaskCreatedResponse(id=""), taskstatus.BadResponse, "holds no id"),
        (ResponseData.from_dict({"code": 401, "msg": "Invalid API key"}),
         taskstatus.AuthenticationError, "Invalid API key"),
    ],
    ids=["no answer", "empty id", "error model"],
)  # fmt: skip
def test_task_from_an_answer_without_a_task_raises_a_typed_error(
    answer: Any, error: type[Exception], text: str
) -> None:
    browseract = taskstatus.BrowserAct(api_key="k", base_url="http://127.0.0.1:9")
    with browseract, pytest.raises(error, match=text):
        browseract.task_from(answer)


def test_task_from_a_detailed_error_response_raises_its_http_error(fakes: FakeVendors) -> None:
    with fakes.client("shannon") as shannon:
        refused = submit_task.sync_detailed(client=shannon.api, body=TaskRequest(query=" "))
        assert refused.status_code == 400
        with pytest.raises(taskstatus.APIError, match="Query is required") as raised:
            shannon.task_from(refused)
        assert raised.value.status_code == 400
    with fakes.client("shannon", api_key="wrong") as shannon:
        denied = submit_task.sync_detailed(client=shannon.api, body=TaskRequest(query="q"))
        with pytest.raises(taskstatus.AuthenticationError):
            shannon.task_from(denied)


def test_operations_a_kind_lacks_raise_unsupported_at_run_time(fakes: FakeVendors) -> None:
    (execution,) = fakes.truebit.add_task("api", script=QUICK)
    with fakes.client("truebit") as truebit:
        handle: Any = truebit.api_task(execution)  # Any: the type checker refuses these calls
        with pytest.raises(taskstatus.UnsupportedOperation, match="no way to cancel"):
            handle.cancel()
        with pytest.raises(taskstatus.UnsupportedOperation, match="no event stream"):
            handle.events()
        with pytest.raises(AttributeError):
            handle.no_such_thing  # noqa: B018


def test_async_api_shares_the_async_clients_connections(fakes: FakeVendors) -> None:
    opened: list[str] = []

    class Counting(httpx.AsyncHTTPTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            opened.append(request.url.path)
            return await super().handle_async_request(request)

    async def main() -> None:
        fakes.browseract.queue_scripts(QUICK)
        async with (
            httpx.AsyncClient(transport=Counting()) as http,
            fakes.client("browseract", asynchronous=True, http_client=http) as browseract,
        ):
            created = await run_task.asyncio(
                client=browseract.api, body=RunWorkflowTaskRequest(workflow_id="wf")
            )
            await browseract.task_from(created).status()

    asyncio.run(main())
    assert opened == ["/v2/workflow/run-task", "/v2/workflow/get-task-status"]
