"""BrowserAct: workflow tasks (``browseract_client``): status, then output once, and stop."""

from __future__ import annotations

from typing import Any

import attrs
from browseract_client.api.tasks import get_task, get_task_status, stop_task
from browseract_client.models import TaskStatus as BrowserActStatus
from browseract_client.models import TaskStatusResponse, WorkflowTaskResponse
from browseract_client.types import Unset

from taskstatus._errors import AuthenticationError, RateLimited, TaskNotFound
from taskstatus._model import State, TaskStatus
from taskstatus._vendors._base import (
    Fields,
    Kind,
    StateTable,
    Vendor,
    parse_model,
    read_model,
    value,
    when,
)
from taskstatus._wire import Request

VENDOR = Vendor(
    name="browseract",
    key_env="BROWSERACT_API_KEY",
    base_url_env="BROWSERACT_BASE_URL",
    default_base_url="https://api.browseract.com",
    auth_header="Authorization",
    auth_prefix="Bearer ",
    pushes=True,  # per-task callback_url / status_change_callback_url
    # Codes BrowserAct puts in its {"code", "msg", ...} envelope, whatever the HTTP status.
    body_codes={401: AuthenticationError, 10112: TaskNotFound, 429: RateLimited},
    error_texts=(("msg",),),  # {"code", "msg", "data", "ts", "time", "traceId"}
    ended_codes=frozenset({10121}),  # stop-task: "task has completed"
)

_S = BrowserActStatus
STATES = StateTable(
    name="STATES in taskstatus/_vendors/browseract.py",
    enum=_S,
    states={
        _S.CREATED: State.QUEUED,
        _S.RUNNING: State.RUNNING,
        _S.PAUSING: State.PAUSED,
        _S.PAUSED: State.PAUSED,
        _S.FINISHED: State.SUCCEEDED,
        _S.FAILED: State.FAILED,
        _S.CANCELED: State.CANCELLED,
        _S.UNKNOWN: State.UNKNOWN,
    },
)


def _read(model: TaskStatusResponse) -> Fields:
    return Fields(vendor_status=value(model.status))  # the status call sends nothing else


def _read_task(task: WorkflowTaskResponse) -> Fields:
    """get-task, read once the task is terminal: output, failure text and times.  Its status
    is not read (get-task-status decided the state); ``finished_at`` may be set while the task
    still runs, so it never implies an outcome."""
    failure = task.task_failure_info
    message = None if isinstance(failure, Unset) else value(failure.message)
    return Fields(
        vendor_status=None,
        output=value(task.output),
        error=message if isinstance(message, str) and message.strip() else None,
        created_at=when(task.created_at),
        finished_at=when(task.finished_at),
    )


def _output(output: Any, finished: bool) -> Any:
    """The output, always ``{"string": str | None, "files": [...]}`` (the vendor sends nulls
    for either); a task that did not finish has None unless it left something (a partial
    string, files)."""
    fields = output if isinstance(output, dict) else {}
    if not finished and not fields.get("string") and not fields.get("files"):
        return None
    files = fields.get("files")
    return {**fields, "string": fields.get("string"), "files": files if files is not None else []}


@attrs.frozen
class BrowserActTask(Kind):
    """get-task-status is status only: the output comes from get-task, fetched once when the
    task is terminal; stop-task cancels."""

    def output_request(self, ids: tuple[str, ...]) -> Request:
        return self._call(get_task._get_kwargs, ids)

    def merge_output(self, status: TaskStatus, body: Any) -> TaskStatus:
        task = parse_model(WorkflowTaskResponse, body, self.vendor, status.task_id)
        fields = read_model(_read_task, task, self.vendor, status.task_id)
        return attrs.evolve(
            status,
            output=_output(fields.output, status.state is State.SUCCEEDED),
            error=fields.error or status.error,
            created_at=fields.created_at,
            finished_at=fields.finished_at,
            raw=task,
        )

    def cancel_request(self, ids: tuple[str, ...]) -> Request:
        return self._call(stop_task._get_kwargs, ids)

    def parse_cancel(self, body: Any) -> bool:
        return True  # 200: cancelled; an ended task's code 10121 answers False (flows.cancel)


TASK = BrowserActTask(
    vendor=VENDOR,
    name="task",
    id_names=("task_id",),
    states=STATES,
    status_call=get_task_status._get_kwargs,
    model=TaskStatusResponse,
    read=_read,
    query_ids=True,
    can_cancel=True,
    fetches_output=True,
)
KINDS = {"task": TASK}
