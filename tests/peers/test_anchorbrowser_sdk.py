"""The vendor's own SDK (anchorbrowser 1.0.1, pinned in the test dependency group) calls every
task operation it offers (``tasks``: 4, ``tasks_legacy``: 17) against the fake, with strict
response validation on; the generated client reads each of those very answers (the bytes the
SDK received, through the endpoint's own parser) and, for reads, makes the same call itself.
Both readings must hold the same data.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from types import ModuleType
from typing import Any

import httpx
import pytest
from anchorbrowser import Anchorbrowser, ConflictError, NotFoundError
from anchorbrowser_client.api.tasks import (
    generate_task,
    get_task_generation_status,
    get_task_run_status,
    run_task_v2,
)
from anchorbrowser_client.api.tasks_legacy import (
    create_task,
    delete_task,
    delete_task_version,
    deploy_task,
    get_task,
    get_task_draft,
    get_task_execution,
    get_task_latest_version,
    get_task_version,
    list_task_executions,
    list_task_versions,
    list_tasks,
    run_task,
    run_task_by_name,
    save_task_draft,
    update_task,
    update_task_version,
)
from anchorbrowser_client.models import ErrorResponse
from taskstatus import State
from taskstatus.testing import FakeVendors, Script

CODE = "Y29uc29sZS5sb2coMSk="  # base64 of console.log(1)
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def _norm(value: Any) -> Any:
    """Wire data as read: nulls dropped (absent and null mean the same), times compared as
    instants."""
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, str) and ISO.match(value):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


class Peer:
    """The SDK (strict) and the generated client, against one fake; ``seen`` counts calls."""

    def __init__(self, fakes: FakeVendors, api: Any):
        self.last: httpx.Response | None = None

        def keep(response: httpx.Response) -> None:
            response.read()
            self.last = response

        http = httpx.Client(event_hooks={"response": [keep]}, timeout=10)
        self.sdk = Anchorbrowser(api_key=fakes.api_key, base_url=fakes.url("anchorbrowser"),
                                 http_client=http, max_retries=0,
                                 _strict_response_validation=True)  # fmt: skip
        self.api = api
        self.seen: list[str] = []

    def same(
        self, sdk_call: Callable[[], Any], module: ModuleType, *args: Any, **kw: Any
    ) -> dict[str, Any]:
        """Call with the SDK; read its answer with ``module``'s parser too, and (``args``/
        ``kw`` given: a read) call ``module`` itself; all readings agree.  Returns the data."""
        read = sdk_call()
        assert self.last is not None
        parsed = module._parse_response(client=self.api, response=self.last)
        assert not isinstance(parsed, ErrorResponse), parsed
        assert parsed is not None
        sdk = _norm(read.model_dump(mode="json", by_alias=True))
        assert sdk == _norm(parsed.to_dict()), module.__name__
        if args or kw:
            assert _norm(module.sync(*args, client=self.api, **kw).to_dict()) == sdk
        self.seen.append(module.__name__.rsplit(".", 1)[-1])
        data: dict[str, Any] = sdk
        return data

    def refused(self, error: type[Exception], sdk_call: Callable[[], Any], module: ModuleType,
                message: str) -> None:  # fmt: skip
        with pytest.raises(error):
            sdk_call()
        assert self.last is not None
        parsed = module._parse_response(client=self.api, response=self.last)
        assert isinstance(parsed, ErrorResponse)
        assert parsed.error
        assert parsed.error.message == message
        assert self.last.json()["error"]["message"] == message


def test_every_task_operation_of_the_sdk_reads_alike(fakes: FakeVendors) -> None:
    app = fakes.anchorbrowser
    with fakes.client("anchorbrowser") as client:
        peer = Peer(fakes, client.api)
        v2, v1 = peer.sdk.tasks, peer.sdk.tasks_legacy

        # v2: generate, poll the generation until ready, run (sync), read the run.
        app.queue_scripts(Script(running=0.2), Script(running=0.1, output={"rows": 3}))
        made = peer.same(lambda: v2.generate_task(task_name="dl", task_prompt="Download"),
                         generate_task)  # fmt: skip
        task_v2 = made["id"]
        assert made["status"] == "generating"
        status = peer.same(lambda: v2.get_task_generation_status(task_v2),
                           get_task_generation_status, task_v2)  # fmt: skip
        assert status["status"] == "generating"
        time.sleep(0.3)
        status = peer.same(lambda: v2.get_task_generation_status(task_v2),
                           get_task_generation_status, task_v2)  # fmt: skip
        assert status["status"] == "ready"
        ran = peer.same(lambda: v2.run_task(task_v2, input_params={"url": "https://example.com"},
                                            extra_body={"sync": True}), run_task_v2)  # fmt: skip
        assert (ran["status"], ran["result"]) == ("success", {"rows": 3})
        run_id = ran["run_id"]
        again = peer.same(lambda: v2.get_task_run_status(run_id), get_task_run_status, run_id)
        assert again == ran

        # v1: a definition with a draft, published versions, runs and executions.
        created = peer.same(lambda: v1.create_task(name="sdk-peer", language="typescript",
                                                   code=CODE), create_task)["data"]  # fmt: skip
        task = created["id"]
        peer.refused(ConflictError,
                     lambda: v1.create_task(name="sdk-peer", language="typescript"),
                     create_task, "Task name already exists")  # fmt: skip
        got = peer.same(lambda: v1.get_task(task), get_task, task)
        assert got["data"]["latest"] == "draft"
        peer.same(lambda: v1.save_task_draft(task, code=CODE, description="d"), save_task_draft)
        assert (
            peer.same(lambda: v1.get_task_draft(task), get_task_draft, task)["data"]["description"]
            == "d"
        )
        one = peer.same(lambda: v1.deploy_task(task), deploy_task)["data"]
        assert one["version"] == "1"
        two = peer.same(lambda: v1.publish_task_version(task, "2", code=CODE),
                        update_task_version)["data"]  # fmt: skip
        assert two["version"] == "2"
        latest = peer.same(lambda: v1.get_latest_task_version(task), get_task_latest_version,
                           task)["data"]  # fmt: skip
        assert latest["id"] == two["id"]
        peer.same(lambda: v1.get_task_version(task, "1"), get_task_version, task, "1")
        versions = peer.same(lambda: v1.list_task_versions(task), list_task_versions, task)
        assert [v["version"] for v in versions["data"]["versions"]] == ["draft", "1", "2"]
        peer.same(lambda: v1.update_task(task, name="sdk-peer-2"), update_task)
        listed = peer.same(lambda: v1.list_tasks(limit="100"), list_tasks, limit="100")
        assert "sdk-peer-2" in [t["name"] for t in listed["data"]["tasks"]]

        app.queue_scripts(Script(running=600), Script(running=0.1, outcome=State.FAILED,
                                                      error="page gone"))  # fmt: skip
        started = peer.same(lambda: v1.run_adhoc_task(task_id=task, version="1", async_=True),
                            run_task)["data"]  # fmt: skip
        execution = started["executionResultId"]
        failed = peer.same(lambda: v1.run_task_by_name("sdk-peer-2"), run_task_by_name)["data"]
        assert (failed["success"], failed["error"], failed["async"]) == (False, "page gone", False)
        result = peer.same(lambda: v1.get_task_execution(task, execution), get_task_execution,
                           task, execution)["data"]  # fmt: skip
        assert (result["status"], result["version"]) == ("running", "1")
        page = peer.same(lambda: v1.list_task_executions(task, limit="1"), list_task_executions,
                         task, limit="1")["data"]  # fmt: skip
        assert page["pagination"]["totalPages"] == 2
        assert page["results"][0]["status"] == "failure"

        peer.same(lambda: v1.delete_task_version(task, "2"), delete_task_version)
        assert peer.same(lambda: v1.get_latest_task_version(task), get_task_latest_version,
                         task)["data"]["version"] == "1"  # fmt: skip
        peer.same(lambda: v1.delete_task(task), delete_task)
        peer.refused(NotFoundError, lambda: v1.get_task(task), get_task, "Task not found")

    offered = {
        name
        for resource in (v2, v1)
        for name in dir(resource)
        if not name.startswith("_") and name not in ("with_raw_response", "with_streaming_response")
        and callable(getattr(resource, name))
    }  # fmt: skip
    assert len(offered) == 21, sorted(offered)
    assert len(set(peer.seen)) == 21, sorted(set(peer.seen))
