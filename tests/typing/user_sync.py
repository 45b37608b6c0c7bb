"""A user's blocking script: start tasks with the generated clients, wait with the facade.

Type-checked with ``mypy --strict`` by test_user_code_types.py; never run (it would call
vendors).
"""

from __future__ import annotations

import taskstatus
from browseract_client.api.tasks import run_task
from browseract_client.models import RunWorkflowTaskRequest, WorkflowTaskResponse
from shannon_client.api.default import submit_task
from shannon_client.models import TaskRequest, TaskStatusResponse
from truebit_client.models import ExecuteApiSyncResponse


def shannon_flow() -> taskstatus.JSON:
    with taskstatus.Shannon() as shannon:
        submitted = submit_task.sync(client=shannon.api, body=TaskRequest(query="Capital?"))
        task = shannon.task_from(submitted)
        final = task.wait(timeout=600)
        raw: TaskStatusResponse | None = final.raw
        if raw is not None:
            print(raw.workflow_id, raw.status)
        for event in task.events(timeout=60):
            if isinstance(event, taskstatus.MessageDelta):
                print(event.text)
        cancelled: bool = task.cancel()
        print(cancelled)
        return task.result()


def browseract_flow() -> None:
    with taskstatus.BrowserAct() as browseract:
        created = run_task.sync(client=browseract.api, body=RunWorkflowTaskRequest(workflow_id="w"))
        task = browseract.task_from(created)
        final = task.wait(timeout=900)
        if isinstance(final.raw, WorkflowTaskResponse):
            print(final.raw.live_url)
        task.cancel()


def truebit_flow() -> None:
    with taskstatus.Truebit() as truebit:
        status = truebit.api_task("execution-id").status()
        raw: ExecuteApiSyncResponse | None = status.raw
        print(raw, status.state is taskstatus.State.SUCCEEDED)


def many(handles: list[taskstatus.TaskHandle[TaskStatusResponse]]) -> None:
    for handle in taskstatus.as_completed(handles, timeout=600):
        final: taskstatus.TaskStatus[TaskStatusResponse] = handle.wait()
        print(final.output)
    done, not_done = taskstatus.wait(handles, return_when=taskstatus.FIRST_EXCEPTION)
    print(len(done), len(not_done))
