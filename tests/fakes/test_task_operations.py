"""The task operations beside status: bodies valid against the effective specs (formats
checked), and consistent with the task's script (docs/vendors.md, "Shannon: pause, resume,
control state", "BrowserAct")."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from taskstatus import State
from taskstatus.testing import FakeVendors, Script

from tests.fakes.test_bodies_match_specs import _check


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def _call(fakes: FakeVendors, vendor: str, method: str, path: str, **kw: object) -> httpx.Response:
    app = fakes.apps[vendor]
    headers = {app.auth_header: f"{app.auth_prefix}{fakes.api_key}"}
    return httpx.request(method, fakes.url(vendor) + path, headers=headers, timeout=10, **kw)  # type: ignore[arg-type]


def _shannon(
    fakes: FakeVendors, method: str, path: str, template: str, **kw: object
) -> httpx.Response:
    response = _call(fakes, "shannon", method, path, **kw)
    _check("shannon", method.lower(), template, response, unknown=False)
    return response


def test_pausing_holds_a_scripted_task_in_paused_until_resumed(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=0.4, output="Paris."))
    base = f"/api/v1/tasks/{task}"
    status = lambda: _shannon(fakes, "GET", base, "/api/v1/tasks/{0}").json()["status"]  # noqa: E731
    paused = _shannon(fakes, "POST", base + "/pause", "/api/v1/tasks/{0}/pause",
                      json={"reason": "review"})  # fmt: skip
    assert paused.status_code == 202
    assert paused.json() == {"success": True, "message": "Pause signal sent", "task_id": task}
    again = _shannon(fakes, "POST", base + "/pause", "/api/v1/tasks/{0}/pause")
    assert (again.status_code, again.json()) == (502, {"error": "task is already paused"})
    time.sleep(0.7)  # longer than the whole script: a paused task does not end
    assert status() == "TASK_STATUS_PAUSED"
    control = _shannon(fakes, "GET", base + "/control-state", "/api/v1/tasks/{0}/control-state")
    body = control.json()
    assert (body["is_paused"], body["pause_reason"], body["is_cancelled"]) == (
        True,
        "review",
        False,
    )
    assert body["paused_at"].endswith("Z")
    resumed = _shannon(fakes, "POST", base + "/resume", "/api/v1/tasks/{0}/resume")
    assert resumed.status_code == 202
    assert resumed.json()["message"] == "Resume signal sent"
    assert status() == "TASK_STATUS_RUNNING"
    assert _call(fakes, "shannon", "GET", base + "/control-state").json()["paused_at"] == ""
    time.sleep(0.6)
    assert status() == "TASK_STATUS_COMPLETED"
    refused = _shannon(fakes, "POST", base + "/resume", "/api/v1/tasks/{0}/resume")
    assert (refused.status_code, refused.json()) == (502, {"error": "cannot resume completed task"})
    refused = _shannon(fakes, "POST", base + "/pause", "/api/v1/tasks/{0}/pause")
    assert refused.json() == {"error": "cannot pause completed task"}

    sse = _call(fakes, "shannon", "GET", f"/api/v1/stream/sse?workflow_id={task}").text
    names = [line[7:] for line in sse.split("\n") if line.startswith("event: ")]
    assert names.index("workflow.pausing") < names.index("workflow.paused")
    assert names.index("workflow.paused") < names.index("workflow.resumed")
    assert names.index("workflow.resumed") < names.index("thread.message.completed")
    ids = [int(line[4:]) for line in sse.split("\n") if line.startswith("id: ")]

    events = _shannon(fakes, "GET", base + "/events", "/api/v1/tasks/{0}/events").json()
    sent = {
        "workflow.pausing": "WORKFLOW_PAUSING", "workflow.paused": "WORKFLOW_PAUSED",
        "workflow.resumed": "WORKFLOW_RESUMED", "thread.message.completed": "LLM_OUTPUT",
        "done": "STREAM_END",
    }  # fmt: skip
    expected = [
        (seq, sent.get(name, name))
        for seq, name in zip(ids, names, strict=True)
        if name != "thread.message.delta"  # the event log does not keep the deltas
    ]
    assert [(e["seq"], e["type"]) for e in events["events"]] == expected
    assert events["count"] == len(expected)
    assert events["events"][expected.index((expected[2][0], "WORKFLOW_PAUSING"))]["message"] == (
        "Pausing: review"
    )
    page = _call(fakes, "shannon", "GET", base + "/events?limit=2&offset=1").json()
    assert [e["seq"] for e in page["events"]] == [e["seq"] for e in events["events"][1:3]]

    timeline = _shannon(fakes, "GET", base + "/timeline", "/api/v1/tasks/{0}/timeline").json()
    assert [(e["type"], e["message"]) for e in timeline["events"]] == [
        ("WF_STARTED", "Workflow started"),
        ("SIG_RECEIVED", "Signal received: pause_v1"),
        ("SIG_RECEIVED", "Signal received: resume_v1"),
        ("WF_COMPLETED", "Workflow completed"),
    ]
    assert timeline["stats"] == {"total": 4, "mode": "summary"}
    persisted = _shannon(
        fakes, "GET", base + "/timeline?persist=true", "/api/v1/tasks/{0}/timeline"
    )
    assert (persisted.status_code, persisted.json()["count"]) == (202, 4)


def test_a_scripted_pause_reads_paused_and_resume_ends_it(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(paused=600, running=0.1))
    base = f"/api/v1/tasks/{task}"
    assert _call(fakes, "shannon", "GET", base + "/control-state").json()["is_paused"] is True
    not_paused = _call(fakes, "shannon", "POST", base + "/pause")
    assert not_paused.json() == {"error": "task is already paused"}
    assert _call(fakes, "shannon", "POST", base + "/resume").status_code == 202
    time.sleep(0.3)
    assert _call(fakes, "shannon", "GET", base).json()["status"] == "TASK_STATUS_COMPLETED"
    (running,) = fakes.shannon.add_task("task", script=Script(running=600))
    refused = _shannon(fakes, "POST", f"/api/v1/tasks/{running}/resume", "/api/v1/tasks/{0}/resume")
    assert (refused.status_code, refused.json()) == (502, {"error": "task is not paused"})


def test_cancelling_a_paused_task_is_recorded_in_its_control_state(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    base = f"/api/v1/tasks/{task}"
    _call(fakes, "shannon", "POST", base + "/pause")
    _call(fakes, "shannon", "POST", base + "/cancel", json={"reason": "not needed"})
    state = _shannon(fakes, "GET", base + "/control-state", "/api/v1/tasks/{0}/control-state")
    body = state.json()
    assert (body["is_cancelled"], body["cancel_reason"], body["is_paused"]) == (
        True, "not needed", False,
    )  # fmt: skip
    frames = _call(fakes, "shannon", "GET", f"/api/v1/stream/sse?workflow_id={task}").text
    cancelled = [f for f in frames.split("\n\n") if "event: workflow.cancelled" in f]
    assert json.loads(cancelled[0].split("data: ", 1)[1])["was_paused"] is True


@pytest.mark.parametrize(
    ("method", "suffix", "code"),
    [("POST", "/pause", 404), ("POST", "/resume", 404), ("GET", "/control-state", 404),
     ("GET", "/events", 200), ("GET", "/timeline", 500)],
)  # fmt: skip
def test_shannon_unknown_tasks_answer_as_the_gateway(
    fakes: FakeVendors, method: str, suffix: str, code: int
) -> None:
    template = "/api/v1/tasks/{0}" + suffix
    response = _shannon(fakes, method, template.format("task-gone-1"), template)
    assert response.status_code == code
    denied = httpx.request(method, fakes.url("shannon") + template.format("task-gone-1"))
    assert denied.status_code == 401
    _check("shannon", method.lower(), template, denied, unknown=False)


def _browseract(fakes: FakeVendors, method: str, path: str) -> httpx.Response:
    response = _call(fakes, "browseract", method, path)
    if response.content:
        _check("browseract", method.lower(), path, response, unknown=False)
    return response


def test_browseract_stop_task_on_an_ended_task_is_refused_with_10121(fakes: FakeVendors) -> None:
    (running,) = fakes.browseract.add_task("task", script=Script(running=600))
    assert _browseract(fakes, "PUT", f"/v2/workflow/stop-task?task_id={running}").status_code == 200
    for script in (Script(running=0), Script(running=0, outcome=State.FAILED)):
        (ended,) = fakes.browseract.add_task("task", script=script)
        refused = _browseract(fakes, "PUT", f"/v2/workflow/stop-task?task_id={ended}")
        assert refused.status_code == 400
        assert (refused.json()["code"], refused.json()["msg"]) == (10121, "task has completed")
    again = _browseract(fakes, "PUT", f"/v2/workflow/stop-task?task_id={running}")
    assert again.json()["code"] == 10121  # cancelled is ended too


def test_browseract_resume_task_ends_a_pause_and_refuses_otherwise(fakes: FakeVendors) -> None:
    (task,) = fakes.browseract.add_task("task", script=Script(paused=600, running=0.5))
    status = f"/v2/workflow/get-task-status?task_id={task}"
    assert _browseract(fakes, "GET", status).json() == {"status": "paused"}
    assert _browseract(fakes, "PUT", f"/v2/workflow/resume-task?task_id={task}").status_code == 200
    assert _browseract(fakes, "GET", status).json() == {"status": "running"}
    refused = _browseract(fakes, "PUT", f"/v2/workflow/resume-task?task_id={task}")
    assert (refused.status_code, refused.json()["code"]) == (400, 10127)
    time.sleep(0.6)
    assert _browseract(fakes, "GET", status).json() == {"status": "finished"}


def test_browseract_list_tasks_pages_through_the_fakes_tasks() -> None:
    with FakeVendors() as fakes:
        app = fakes.browseract
        ids = [app.add_task("task", script=Script(running=600))[0] for _ in range(5)]
        ids += [app.add_task("task", script=Script(running=0))[0] for _ in range(2)]
        seen: list[str] = []
        for page in (1, 2, 3):
            body = _browseract(fakes, "GET", f"/v2/workflow/list-tasks?page={page}&limit=3").json()
            assert (body["page"], body["limit"], body["total_count"], body["total_pages"]) == (
                page, 3, 7, 3,
            )  # fmt: skip
            seen += [item["id"] for item in body["items"]]
        assert seen == list(reversed(ids))  # newest first, each task once
        finished = _browseract(fakes, "GET", "/v2/workflow/list-tasks?status=finished").json()
        assert sorted(item["id"] for item in finished["items"]) == sorted(ids[5:])
        assert _browseract(fakes, "GET", "/v2/workflow/list-tasks?limit=501").status_code == 400
        denied = httpx.get(fakes.url("browseract") + "/v2/workflow/list-tasks")
        assert denied.status_code == 401
